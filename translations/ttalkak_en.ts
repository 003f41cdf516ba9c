<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DatabaseForm</name>
    <message>
        <source>Choose an engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name may use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (up to 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU must be between 0.1 and 8 cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory must be between 64 MB and 16 GB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk must be between %1 MB and 100 GB.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GitHubClient</name>
    <message>
        <source>GitHub&apos;s rate limit is reached; try again after %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectSource</name>
    <message>
        <source>no folder given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder is not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a repository URL such as https://github.com/owner/repo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a repository URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL must name an owner and a repository, like https://github.com/owner/repo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid owner or repository name in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop a repository folder or a GitHub URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>expected a map of image keys to image names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value of &apos;%1&apos; must be an image name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid image name for &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read base image override: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a database password must be 8-128 printable ASCII characters without spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown database engine &apos;%1&apos;; supported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid %1 version &apos;%2&apos;: use an image tag such as %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid database name &apos;%1&apos;: use 1-32 lowercase letters, digits and _, starting with a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is reserved by the database engine; choose another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no base image configured for &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid database user &apos;%1&apos;: use 1-32 lowercase letters, digits and _, starting with a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Dockerfile in the app folder (used as it is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use the repository&apos;s own Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port 8080 (no EXPOSE found; change it if the app listens elsewhere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid environment variable name &apos;%1&apos;: use letters, digits and _ and do not start with a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value of %1 contains a line break or NUL character, which environment variables cannot hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value of %1 is longer than 32 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; contains characters that cannot be used safely in a Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spring Boot with Gradle: build.gradle or build.gradle.kts applying the org.springframework.boot plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this Gradle build declares Spring Boot, but no project applies the org.springframework.boot plugin, so none has a bootJar task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several projects apply Spring Boot (%1); using %2 — pick another with --app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app project %1: it applies the org.springframework.boot plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uses Spring Boot starters but does not apply the org.springframework.boot plugin, so there is no bootJar task to build an executable jar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spring Boot (Gradle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spring Boot%1 (from the org.springframework.boot plugin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradle Kotlin DSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradle Groovy DSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multi-project build: context is the settings folder &apos;%1&apos;, project :%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradle wrapper %1: build with ./gradlew on a JDK image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradlew found without gradle/wrapper/gradle-wrapper.properties and .jar: using Gradle from the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Gradle wrapper (gradlew): build with Gradle from the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boot jar %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boot jar: the jar in %1 that is not the -plain jar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>module &apos;%1&apos; has no pom.xml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spring Boot with Maven: pom.xml using spring-boot-starter-parent, spring-boot-maven-plugin or Spring Boot dependencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this Maven project uses Spring Boot, but no module applies spring-boot-maven-plugin, so none builds an executable jar; add the plugin to the app module&apos;s &lt;build&gt;&lt;plugins&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several modules build Spring Boot apps (%1); using %2 — pick another with --app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app module %1: it applies spring-boot-maven-plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spring Boot (Maven)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spring-boot-maven-plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent spring-boot-starter-parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported spring-boot-dependencies BOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spring Boot dependency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spring Boot%1 (from the %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multi-module build: context is the reactor root &apos;%1&apos;, module %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spring Boot version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maven wrapper %1: build with ./mvnw on a JDK image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mvnw found without .mvn/wrapper/maven-wrapper.properties: using Maven from the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Maven wrapper (mvnw): build with Maven from the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boot jar: the one executable jar in %1 (its name &apos;%2&apos; depends on values not in the repository)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boot jar %1 (artifactId-version%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-classifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>executable jar from spring-boot-maven-plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spring-boot-maven-plugin is not in &lt;build&gt;&lt;plugins&gt;: the build runs %1 to make the jar executable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &lt;project&gt; as the root element, found &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed XML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;project&gt; has no &lt;artifactId&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a map of configuration keys at the top of the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed YAML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan has no %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Java version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health check path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dependency command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no base image configured for &apos;%1&apos; or &apos;jre&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build file path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boot jar path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boot jar folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignored Java version &apos;%1&apos;: not a version number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Java %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>java.runtime.version &apos;%1&apos; is not a Java version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Java 17 (no java.version, compiler release, toolchain or system.properties found; 17 is the oldest release Spring Boot 3 supports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Java 8 instead of %1: no maintained image is older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: Spring Boot %1 needs Java 17 or newer, the build asks for Java %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active profiles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs ${%2}, which has no default; the image sets %3=%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not a port number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is 0 (a random port), which cannot be published; the image pins %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the placeholder&apos;s default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>management port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port 8080 (Spring Boot&apos;s default; server.port is not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health check %1 (Spring Boot Actuator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health check: any HTTP answer on %1 (no Actuator dependency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep the repository&apos;s .dockerignore and add build outputs to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JavaScript frontend with a &quot;build&quot; script and a bundler (webpack, Parcel, Rollup, esbuild, Rspack) or UI library (React, Vue, Svelte...) in package.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Static frontend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Static frontend (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>framework: a frontend built by its &quot;build&quot; script%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output folder: dist (a guess: the build script and bundler config do not name one; change it if the build writes elsewhere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>served by nginx on port %1 with an SPA fallback (client-side routes answer index.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create React App: &quot;react-scripts&quot; in package.json dependencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base path: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output folder: build (react-scripts always writes there unless BUILD_PATH is set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next.js: &quot;next&quot; in package.json dependencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>static export: Next.js writes plain files, served by nginx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server mode: standalone output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server mode (output is computed by the config; a static export would need output: &apos;export&apos; written literally)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>static export: the build script runs next export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server mode: generation turns on standalone output (a small image with only the files the server needs); next.config is left as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build folder: .next (distDir is computed by the config; using the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next.js output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>served by nginx on port %1; pages answer as /page and /page.html</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 (PORT is set in the image; the standalone server reads it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next.js build folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Next.js server plan listens on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base path &apos;%1&apos; can only use letters, digits and . _ ~ - between slashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asset folder &apos;%1&apos; is not a plain relative folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node.js version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package manager version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan lists no package.json to install from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monorepo: build from the workspace root so its lock file and packages are in reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;packageManager&quot; must be a string such as &quot;pnpm@9.1.0&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;packageManager&quot;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package manager: %1 (&quot;packageManager&quot; field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock file ignored: it belongs to %1, not %2; dependencies are installed without a frozen lock file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package manager: %1 (lock file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (the version that writes this lock file format; no &quot;packageManager&quot; field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package manager: %1 (engines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package manager: npm (no packageManager field, lock file or engines entry names another)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lock file: dependencies are installed without one, so versions may drift between builds; commit a lock file for reproducible deploys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node.js %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node.js %1: the current LTS (no .nvmrc, .node-version or engines.node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node.js %1: the current LTS, because %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole source is copied before the install because a %1 script runs during it (the dependency layer is rebuilt on every change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole source is copied before the install: the workspace has %1 packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept out of the image: %1 (pass build-time values as build arguments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>framework: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a semver range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; allows no Node.js release from 4 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the range allows %1-%2; Ttalkak takes the current LTS %3 when allowed, else the nearest LTS line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lts/* is the current LTS, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 counts back from the current LTS %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an LTS line Ttalkak knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LTS codename %1 is Node.js %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an LTS codename Ttalkak knows (argon ... krypton)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; means the newest release; Ttalkak builds on the current LTS %2 instead so the image stays on a supported line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node.js %1 is not a release Ttalkak can build with (4 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JavaScript monorepo (package.json &quot;workspaces&quot; or pnpm-workspace.yaml): choose one of its apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is a monorepo; choose the app to deploy (--app DIR). Apps found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a monorepo root is not deployable; choose one of its apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form name@version (e.g. &quot;pnpm@9.1.0&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown package manager &quot;%1&quot; (Ttalkak knows npm, yarn, pnpm and bun)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a static site: index.html without package.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Static site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>static site: index.html and no package.json, so the files are served as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>served by nginx on port %1 with an SPA fallback (unknown paths answer index.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept out of the image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vite: &quot;vite&quot; in package.json dependencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (build script flag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (the config computes %3 when it runs; using Vite&apos;s default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (Vite&apos;s default; build.%3 is not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vite outDir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;workspaces&quot; must be a list of folders or an object with &quot;packages&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;packages&quot; must be a list of folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app folder &apos;%1&apos; does not exist in the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the repository root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown project type in %1. Looked for:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no strategy named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbolic link points outside the repository (to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repository has more than %1 files; Ttalkak deploys up to that many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repository is larger than %1 MB; Ttalkak deploys up to that size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path leaves the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path resolves outside the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file is larger than %1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strategy %1 produced no Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Enter the relay&apos;s address, e.g. https://relay.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A new password needs at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Deploy a project in one click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a repository folder or GitHub URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start on a page: projects, deployments, databases, settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start on a project tab (0-3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a screenshot of the window and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the UI language (en, ko).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an in-memory relay with sample data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::AccessLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::AccountService</name>
    <message>
        <source>The relay answered without a token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DatabasesModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DatabasesPage</name>
    <message>
        <source>Delete database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 and all its data?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. shop-db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address appears once the relay has given the database a port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeployProgress</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment is %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeployProgressPage</name>
    <message>
        <source>Deploying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed at: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All deployments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeployService</name>
    <message>
        <source>Sign in to a relay first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing and uploading %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay refused the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay refused the deployment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeploy failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists: redeploying it with this version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeploymentsModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeploymentsPage</name>
    <message>
        <source>Delete deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? Its container, logs and public URL go away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status updates live while the deployer is signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeploymentsService</name>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay refused the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DetectionPage</name>
    <message>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · detected in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repository root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>served by nginx (static site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(repository root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this project to the relay and deploy it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited — your version will be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated from the detected plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Ttalkak found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.dockerignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your edits and use the generated Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your edits and use the generated .dockerignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ttalkak could not work out how to build this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This repository contains several apps. Choose the one to deploy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking at your project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider clones this repository when you deploy, and detection runs there. Connect to a relay to continue, or drop a local copy of the repository to see its Dockerfile now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DropZone</name>
    <message>
        <source>Drop a repository folder here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ttalkak looks at your project, explains what it found and writes a Dockerfile for it. Nothing is uploaded until you deploy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::EnvVarsEditor</name>
    <message>
        <source>Variables are passed to the container at run time. Mark passwords and tokens as secret: they are masked here and never written into the Dockerfile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show secret values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::EnvVarsModel</name>
    <message>
        <source>enter a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is defined more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret values are masked here and sent to the relay encrypted in transit; they are never written to the Dockerfile or to settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::GitHubClient</name>
    <message>
        <source>GitHub rejected the token; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::GitHubDeviceFlow</name>
    <message>
        <source>GitHub did not give a sign-in code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GitHub sign-in code expired. Start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub sign-in was cancelled in the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::GitHubDialog</name>
    <message>
        <source>Deploy from GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with GitHub to list your repositories. Private repositories are cloned by the provider with your GitHub token; it is sent only for that deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open GitHub in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search repositories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter this code at %1 and approve Ttalkak; this window continues by itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::GitHubSession</name>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::MainWindow</name>
    <message>
        <source>Connect to a relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your deployments — status, public URL, logs and traffic — appear here once the deployer is connected to a relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create MySQL, MariaDB, PostgreSQL, Redis or MongoDB databases and get a connection string. Databases run on providers, so this needs a relay connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected %1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Offline — not connected to a relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ttalkak Deployer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Signed in as %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::MonitoringPage</name>
    <message>
        <source>Metrics unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Summary unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in KiB/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out KiB/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phrased by an LLM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built locally from log templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days are fetched as seven 24-hour calls and shown per hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses by status class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::OfflineBackend</name>
    <message>
        <source>This build of the deployer has no relay client.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::ProjectSession</name>
    <message>
        <source>Price estimate available when connected to a relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1 credits / hour · %2 credits / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a relay to deploy: deployments run on providers that the relay assigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection failed; fix the error or choose an app folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Dockerfile is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the repository with &quot;From GitHub&quot; so its files can be detected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::ReasonsModel</name>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::RelayBackend</name>
    <message>
        <source>Not signed in to a relay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::ResourcesEditor</name>
    <message>
        <source>The provider reserves this much for your app. Static sites are happy with a quarter of a CPU and 256 MB; servers usually want 1 CPU and 512 MB or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> vCPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies immediately</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change this for GitHub Enterprise, e.g. https://github.example.com/api/v3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay schedules your deployments on providers and routes their traffic. Sign in from the account button in the sidebar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub OAuth client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client id of a GitHub OAuth app with the device flow enabled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::SignInDialog</name>
    <message>
        <source>Sign in to a relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::SourceArchive</name>
    <message>
        <source>the repository archive is not a .tar.gz: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the repository has more than %1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the repository is larger than %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the repository archive is damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::WelcomePage</name>
    <message>
        <source>Choose a repository folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from a repository on your computer or on GitHub. You will see what was detected, and why, before anything runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or use a GitHub repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://github.com/owner/repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From GitHub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to GitHub and choose a repository, branch and commit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
