<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>DatabaseForm</name>
    <message>
        <source>Choose an engine.</source>
        <translation>엔진을 선택하세요.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The name may use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (up to 100).</source>
        <translation>이름에는 문자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;만 쓸 수 있습니다(최대 100자).</translation>
    </message>
    <message>
        <source>The version is too long.</source>
        <translation>버전이 너무 깁니다.</translation>
    </message>
    <message>
        <source>CPU must be between 0.1 and 8 cores.</source>
        <translation>CPU는 0.1~8코어 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Memory must be between 64 MB and 16 GB.</source>
        <translation>메모리는 64 MB~16 GB 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Disk must be between %1 MB and 100 GB.</source>
        <translation>디스크는 %1 MB~100 GB 사이여야 합니다.</translation>
    </message>
</context>
<context>
    <name>GitHubClient</name>
    <message>
        <source>GitHub&apos;s rate limit is reached; try again after %1.</source>
        <translation>GitHub 요청 한도에 도달했습니다. %1 이후에 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>ProjectSource</name>
    <message>
        <source>no folder given</source>
        <translation>폴더가 지정되지 않았습니다</translation>
    </message>
    <message>
        <source>folder does not exist</source>
        <translation>폴더가 없습니다</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>폴더가 아닙니다</translation>
    </message>
    <message>
        <source>folder is not readable</source>
        <translation>폴더를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>enter a repository URL such as https://github.com/owner/repo</source>
        <translation>https://github.com/owner/repo 형식의 저장소 URL을 입력하세요</translation>
    </message>
    <message>
        <source>not a repository URL: %1</source>
        <translation>저장소 URL이 아닙니다: %1</translation>
    </message>
    <message>
        <source>the URL must name an owner and a repository, like https://github.com/owner/repo</source>
        <translation>URL에 소유자와 저장소 이름이 있어야 합니다(예: https://github.com/owner/repo)</translation>
    </message>
    <message>
        <source>invalid owner or repository name in %1</source>
        <translation>%1의 소유자 또는 저장소 이름이 올바르지 않습니다</translation>
    </message>
    <message>
        <source>drop a repository folder or a GitHub URL</source>
        <translation>저장소 폴더나 GitHub URL을 끌어다 놓으세요</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>expected a map of image keys to image names</source>
        <translation>이미지 키와 이미지 이름의 맵이 필요합니다</translation>
    </message>
    <message>
        <source>value of &apos;%1&apos; must be an image name</source>
        <translation>&apos;%1&apos;의 값은 이미지 이름이어야 합니다</translation>
    </message>
    <message>
        <source>invalid image name for &apos;%1&apos;</source>
        <translation>&apos;%1&apos;의 이미지 이름이 올바르지 않습니다</translation>
    </message>
    <message>
        <source>cannot read base image override: %1</source>
        <translation>기본 이미지 재정의 파일을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>a database password must be 8-128 printable ASCII characters without spaces</source>
        <translation>데이터베이스 비밀번호는 공백 없이 출력 가능한 ASCII 문자 8~128자여야 합니다</translation>
    </message>
    <message>
        <source>unknown database engine &apos;%1&apos;; supported: %2</source>
        <translation>알 수 없는 데이터베이스 엔진 &apos;%1&apos;입니다. 지원하는 엔진: %2</translation>
    </message>
    <message>
        <source>invalid %1 version &apos;%2&apos;: use an image tag such as %3</source>
        <translation>잘못된 %1 버전 &apos;%2&apos;: %3 같은 이미지 태그를 사용하세요</translation>
    </message>
    <message>
        <source>invalid database name &apos;%1&apos;: use 1-32 lowercase letters, digits and _, starting with a letter</source>
        <translation>잘못된 데이터베이스 이름 &apos;%1&apos;: 영문 소문자로 시작하는 1~32자의 소문자, 숫자, _를 사용하세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is reserved by the database engine; choose another name</source>
        <translation>&apos;%1&apos;은(는) 데이터베이스 엔진이 예약한 이름입니다. 다른 이름을 고르세요</translation>
    </message>
    <message>
        <source>no base image configured for &apos;%1&apos;</source>
        <translation>&apos;%1&apos;에 설정된 기본 이미지가 없습니다</translation>
    </message>
    <message>
        <source>image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>invalid database user &apos;%1&apos;: use 1-32 lowercase letters, digits and _, starting with a letter</source>
        <translation>잘못된 데이터베이스 사용자 &apos;%1&apos;: 영문 소문자로 시작하는 1~32자의 소문자, 숫자, _를 사용하세요</translation>
    </message>
    <message>
        <source>a Dockerfile in the app folder (used as it is)</source>
        <translation>앱 폴더의 Dockerfile (그대로 사용)</translation>
    </message>
    <message>
        <source>use the repository&apos;s own Dockerfile</source>
        <translation>저장소의 Dockerfile 사용</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>포트 %1</translation>
    </message>
    <message>
        <source>port 8080 (no EXPOSE found; change it if the app listens elsewhere)</source>
        <translation>포트 8080 (EXPOSE가 없습니다. 앱이 다른 포트를 쓰면 바꾸세요)</translation>
    </message>
    <message>
        <source>invalid environment variable name &apos;%1&apos;: use letters, digits and _ and do not start with a digit</source>
        <translation>잘못된 환경 변수 이름 &apos;%1&apos;: 문자, 숫자, _만 쓰고 숫자로 시작하지 마세요</translation>
    </message>
    <message>
        <source>value of %1 contains a line break or NUL character, which environment variables cannot hold</source>
        <translation>%1의 값에 환경 변수에 넣을 수 없는 줄바꿈이나 NUL 문자가 있습니다</translation>
    </message>
    <message>
        <source>value of %1 is longer than 32 KB</source>
        <translation>%1의 값이 32 KB를 넘습니다</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; contains characters that cannot be used safely in a Dockerfile</source>
        <translation>%1 &apos;%2&apos;에 Dockerfile에서 안전하게 쓸 수 없는 문자가 있습니다</translation>
    </message>
    <message>
        <source>Spring Boot with Gradle: build.gradle or build.gradle.kts applying the org.springframework.boot plugin</source>
        <translation>Gradle 기반 Spring Boot: org.springframework.boot 플러그인을 적용하는 build.gradle 또는 build.gradle.kts</translation>
    </message>
    <message>
        <source>this Gradle build declares Spring Boot, but no project applies the org.springframework.boot plugin, so none has a bootJar task</source>
        <translation>이 Gradle 빌드는 Spring Boot를 선언하지만 org.springframework.boot 플러그인을 적용한 프로젝트가 없어 bootJar 태스크가 있는 프로젝트가 없습니다</translation>
    </message>
    <message>
        <source>several projects apply Spring Boot (%1); using %2 — pick another with --app</source>
        <translation>여러 프로젝트가 Spring Boot를 적용합니다(%1). %2을(를) 사용합니다 — 다른 프로젝트는 --app으로 고르세요</translation>
    </message>
    <message>
        <source>app project %1: it applies the org.springframework.boot plugin</source>
        <translation>앱 프로젝트 %1: org.springframework.boot 플러그인을 적용합니다</translation>
    </message>
    <message>
        <source>uses Spring Boot starters but does not apply the org.springframework.boot plugin, so there is no bootJar task to build an executable jar</source>
        <translation>Spring Boot 스타터를 쓰지만 org.springframework.boot 플러그인을 적용하지 않아 실행 가능한 jar를 만들 bootJar 태스크가 없습니다</translation>
    </message>
    <message>
        <source>Spring Boot (Gradle)</source>
        <translation>Spring Boot (Gradle)</translation>
    </message>
    <message>
        <source>Spring Boot%1 (from the org.springframework.boot plugin)</source>
        <translation>Spring Boot%1 (org.springframework.boot 플러그인에서 확인)</translation>
    </message>
    <message>
        <source>Gradle Kotlin DSL</source>
        <translation>Gradle Kotlin DSL</translation>
    </message>
    <message>
        <source>Gradle Groovy DSL</source>
        <translation>Gradle Groovy DSL</translation>
    </message>
    <message>
        <source>project folder</source>
        <translation>프로젝트 폴더</translation>
    </message>
    <message>
        <source>multi-project build: context is the settings folder &apos;%1&apos;, project :%2</source>
        <translation>멀티 프로젝트 빌드: 컨텍스트는 settings 폴더 &apos;%1&apos;, 프로젝트는 :%2</translation>
    </message>
    <message>
        <source>Gradle wrapper %1: build with ./gradlew on a JDK image</source>
        <translation>Gradle 래퍼 %1: JDK 이미지에서 ./gradlew로 빌드합니다</translation>
    </message>
    <message>
        <source>gradlew found without gradle/wrapper/gradle-wrapper.properties and .jar: using Gradle from the image</source>
        <translation>gradlew는 있지만 gradle/wrapper/gradle-wrapper.properties와 .jar가 없습니다: 이미지의 Gradle을 사용합니다</translation>
    </message>
    <message>
        <source>no Gradle wrapper (gradlew): build with Gradle from the image</source>
        <translation>Gradle 래퍼(gradlew) 없음: 이미지의 Gradle로 빌드합니다</translation>
    </message>
    <message>
        <source>boot jar %1</source>
        <translation>부트 jar %1</translation>
    </message>
    <message>
        <source>boot jar: the jar in %1 that is not the -plain jar</source>
        <translation>부트 jar: %1에 있는 jar 중 -plain jar가 아닌 것</translation>
    </message>
    <message>
        <source>module &apos;%1&apos; has no pom.xml</source>
        <translation>모듈 &apos;%1&apos;에 pom.xml이 없습니다</translation>
    </message>
    <message>
        <source>Spring Boot with Maven: pom.xml using spring-boot-starter-parent, spring-boot-maven-plugin or Spring Boot dependencies</source>
        <translation>Maven 기반 Spring Boot: spring-boot-starter-parent, spring-boot-maven-plugin 또는 Spring Boot 의존성을 쓰는 pom.xml</translation>
    </message>
    <message>
        <source>this Maven project uses Spring Boot, but no module applies spring-boot-maven-plugin, so none builds an executable jar; add the plugin to the app module&apos;s &lt;build&gt;&lt;plugins&gt;</source>
        <translation>이 Maven 프로젝트는 Spring Boot를 쓰지만 spring-boot-maven-plugin을 적용한 모듈이 없어 실행 가능한 jar를 만드는 모듈이 없습니다. 앱 모듈의 &lt;build&gt;&lt;plugins&gt;에 플러그인을 추가하세요</translation>
    </message>
    <message>
        <source>several modules build Spring Boot apps (%1); using %2 — pick another with --app</source>
        <translation>여러 모듈이 Spring Boot 앱을 빌드합니다(%1). %2을(를) 사용합니다 — 다른 모듈은 --app으로 고르세요</translation>
    </message>
    <message>
        <source>app module %1: it applies spring-boot-maven-plugin</source>
        <translation>앱 모듈 %1: spring-boot-maven-plugin을 적용합니다</translation>
    </message>
    <message>
        <source>Spring Boot (Maven)</source>
        <translation>Spring Boot (Maven)</translation>
    </message>
    <message>
        <source>spring-boot-maven-plugin</source>
        <translation>spring-boot-maven-plugin</translation>
    </message>
    <message>
        <source>parent spring-boot-starter-parent</source>
        <translation>부모 POM spring-boot-starter-parent</translation>
    </message>
    <message>
        <source>imported spring-boot-dependencies BOM</source>
        <translation>가져온 spring-boot-dependencies BOM</translation>
    </message>
    <message>
        <source>Spring Boot dependency</source>
        <translation>Spring Boot 의존성</translation>
    </message>
    <message>
        <source>Spring Boot%1 (from the %2)</source>
        <translation>Spring Boot%1 (%2에서 확인)</translation>
    </message>
    <message>
        <source>multi-module build: context is the reactor root &apos;%1&apos;, module %2</source>
        <translation>멀티 모듈 빌드: 컨텍스트는 리액터 루트 &apos;%1&apos;, 모듈은 %2</translation>
    </message>
    <message>
        <source>module</source>
        <translation>모듈</translation>
    </message>
    <message>
        <source>Spring Boot version</source>
        <translation>Spring Boot 버전</translation>
    </message>
    <message>
        <source>Maven wrapper %1: build with ./mvnw on a JDK image</source>
        <translation>Maven 래퍼 %1: JDK 이미지에서 ./mvnw로 빌드합니다</translation>
    </message>
    <message>
        <source>mvnw found without .mvn/wrapper/maven-wrapper.properties: using Maven from the image</source>
        <translation>mvnw는 있지만 .mvn/wrapper/maven-wrapper.properties가 없습니다: 이미지의 Maven을 사용합니다</translation>
    </message>
    <message>
        <source>no Maven wrapper (mvnw): build with Maven from the image</source>
        <translation>Maven 래퍼(mvnw) 없음: 이미지의 Maven으로 빌드합니다</translation>
    </message>
    <message>
        <source>boot jar: the one executable jar in %1 (its name &apos;%2&apos; depends on values not in the repository)</source>
        <translation>부트 jar: %1에 있는 유일한 실행 가능 jar (이름 &apos;%2&apos;은(는) 저장소에 없는 값에 따라 달라집니다)</translation>
    </message>
    <message>
        <source>boot jar %1 (artifactId-version%2)</source>
        <translation>부트 jar %1 (artifactId-version%2)</translation>
    </message>
    <message>
        <source>-classifier</source>
        <translation>-classifier</translation>
    </message>
    <message>
        <source>executable jar from spring-boot-maven-plugin</source>
        <translation>spring-boot-maven-plugin이 만드는 실행 가능 jar</translation>
    </message>
    <message>
        <source>spring-boot-maven-plugin is not in &lt;build&gt;&lt;plugins&gt;: the build runs %1 to make the jar executable</source>
        <translation>spring-boot-maven-plugin이 &lt;build&gt;&lt;plugins&gt;에 없습니다: jar를 실행 가능하게 만들도록 빌드에서 %1을(를) 실행합니다</translation>
    </message>
    <message>
        <source>expected &lt;project&gt; as the root element, found &lt;%1&gt;</source>
        <translation>루트 요소는 &lt;project&gt;여야 하지만 &lt;%1&gt;입니다</translation>
    </message>
    <message>
        <source>malformed XML: %1</source>
        <translation>잘못된 XML: %1</translation>
    </message>
    <message>
        <source>&lt;project&gt; has no &lt;artifactId&gt;</source>
        <translation>&lt;project&gt;에 &lt;artifactId&gt;가 없습니다</translation>
    </message>
    <message>
        <source>expected a map of configuration keys at the top of the document</source>
        <translation>문서 최상위에 설정 키의 맵이 있어야 합니다</translation>
    </message>
    <message>
        <source>malformed YAML: %1</source>
        <translation>잘못된 YAML: %1</translation>
    </message>
    <message>
        <source>the plan has no %1</source>
        <translation>배포 계획에 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>Java version</source>
        <translation>Java 버전</translation>
    </message>
    <message>
        <source>health check path</source>
        <translation>헬스 체크 경로</translation>
    </message>
    <message>
        <source>port %1 is out of range</source>
        <translation>포트 %1이(가) 허용 범위를 벗어났습니다</translation>
    </message>
    <message>
        <source>dependency command</source>
        <translation>의존성 설치 명령</translation>
    </message>
    <message>
        <source>build command</source>
        <translation>빌드 명령</translation>
    </message>
    <message>
        <source>no base image configured for &apos;%1&apos; or &apos;jre&apos;</source>
        <translation>&apos;%1&apos; 또는 &apos;jre&apos;에 설정된 기본 이미지가 없습니다</translation>
    </message>
    <message>
        <source>build file path</source>
        <translation>빌드 파일 경로</translation>
    </message>
    <message>
        <source>boot jar path</source>
        <translation>부트 jar 경로</translation>
    </message>
    <message>
        <source>boot jar folder</source>
        <translation>부트 jar 폴더</translation>
    </message>
    <message>
        <source>ignored Java version &apos;%1&apos;: not a version number</source>
        <translation>Java 버전 &apos;%1&apos; 무시: 버전 번호가 아닙니다</translation>
    </message>
    <message>
        <source>Java %1</source>
        <translation>Java %1</translation>
    </message>
    <message>
        <source>java.runtime.version &apos;%1&apos; is not a Java version</source>
        <translation>java.runtime.version &apos;%1&apos;은(는) Java 버전이 아닙니다</translation>
    </message>
    <message>
        <source>Java 17 (no java.version, compiler release, toolchain or system.properties found; 17 is the oldest release Spring Boot 3 supports)</source>
        <translation>Java 17 (java.version, 컴파일러 release, toolchain, system.properties가 없음. 17은 Spring Boot 3가 지원하는 가장 오래된 버전입니다)</translation>
    </message>
    <message>
        <source>Java 8 instead of %1: no maintained image is older</source>
        <translation>%1 대신 Java 8: 이보다 오래된 버전은 유지 관리되는 이미지가 없습니다</translation>
    </message>
    <message>
        <source>warning: Spring Boot %1 needs Java 17 or newer, the build asks for Java %2</source>
        <translation>경고: Spring Boot %1에는 Java 17 이상이 필요하지만 빌드는 Java %2를 요구합니다</translation>
    </message>
    <message>
        <source>active profiles: %1</source>
        <translation>활성 프로필: %1</translation>
    </message>
    <message>
        <source>%1 needs ${%2}, which has no default; the image sets %3=%4</source>
        <translation>%1에 필요한 ${%2}에 기본값이 없습니다. 이미지에서 %3=%4로 설정합니다</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not a port number</source>
        <translation>%1 &apos;%2&apos;은(는) 포트 번호가 아닙니다</translation>
    </message>
    <message>
        <source>%1 is 0 (a random port), which cannot be published; the image pins %2</source>
        <translation>%1이(가) 0(임의 포트)이라 외부에 공개할 수 없습니다. 이미지에서 %2로 고정합니다</translation>
    </message>
    <message>
        <source> (the placeholder&apos;s default)</source>
        <translation> (플레이스홀더의 기본값)</translation>
    </message>
    <message>
        <source>%1 %2%3</source>
        <translation>%1 %2%3</translation>
    </message>
    <message>
        <source>port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>management port</source>
        <translation>관리 포트</translation>
    </message>
    <message>
        <source>port 8080 (Spring Boot&apos;s default; server.port is not set)</source>
        <translation>포트 8080 (Spring Boot 기본값, server.port가 설정되지 않음)</translation>
    </message>
    <message>
        <source>health check %1 (Spring Boot Actuator)</source>
        <translation>헬스 체크 %1 (Spring Boot Actuator)</translation>
    </message>
    <message>
        <source>health check: any HTTP answer on %1 (no Actuator dependency)</source>
        <translation>헬스 체크: %1의 모든 HTTP 응답 (Actuator 의존성 없음)</translation>
    </message>
    <message>
        <source>keep the repository&apos;s .dockerignore and add build outputs to it</source>
        <translation>저장소의 .dockerignore를 유지하고 빌드 출력을 추가합니다</translation>
    </message>
    <message>
        <source>a JavaScript frontend with a &quot;build&quot; script and a bundler (webpack, Parcel, Rollup, esbuild, Rspack) or UI library (React, Vue, Svelte...) in package.json</source>
        <translation>package.json에 &quot;build&quot; 스크립트와 번들러(webpack, Parcel, Rollup, esbuild, Rspack) 또는 UI 라이브러리(React, Vue, Svelte...)가 있는 JavaScript 프런트엔드</translation>
    </message>
    <message>
        <source>Static frontend</source>
        <translation>정적 프런트엔드</translation>
    </message>
    <message>
        <source>Static frontend (%1)</source>
        <translation>정적 프런트엔드 (%1)</translation>
    </message>
    <message>
        <source>framework: a frontend built by its &quot;build&quot; script%1</source>
        <translation>프레임워크: &quot;build&quot; 스크립트로 빌드하는 프런트엔드%1</translation>
    </message>
    <message>
        <source> with %1</source>
        <translation> (%1 사용)</translation>
    </message>
    <message>
        <source>output folder: %1</source>
        <translation>출력 폴더: %1</translation>
    </message>
    <message>
        <source>output folder: dist (a guess: the build script and bundler config do not name one; change it if the build writes elsewhere)</source>
        <translation>출력 폴더: dist (추정: 빌드 스크립트와 번들러 설정에 지정이 없습니다. 다른 곳에 쓰면 바꾸세요)</translation>
    </message>
    <message>
        <source>output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <source>build: %1</source>
        <translation>빌드: %1</translation>
    </message>
    <message>
        <source>served by nginx on port %1 with an SPA fallback (client-side routes answer index.html)</source>
        <translation>nginx가 포트 %1에서 제공하며 SPA 대체 응답 사용 (클라이언트 경로는 index.html로 응답)</translation>
    </message>
    <message>
        <source>Create React App: &quot;react-scripts&quot; in package.json dependencies</source>
        <translation>Create React App: package.json 의존성에 &quot;react-scripts&quot;</translation>
    </message>
    <message>
        <source>base path: %1</source>
        <translation>기본 경로: %1</translation>
    </message>
    <message>
        <source>output folder: build (react-scripts always writes there unless BUILD_PATH is set)</source>
        <translation>출력 폴더: build (BUILD_PATH가 없으면 react-scripts는 항상 여기에 씁니다)</translation>
    </message>
    <message>
        <source>Next.js: &quot;next&quot; in package.json dependencies</source>
        <translation>Next.js: package.json 의존성에 &quot;next&quot;</translation>
    </message>
    <message>
        <source>static export: Next.js writes plain files, served by nginx</source>
        <translation>정적 내보내기: Next.js가 일반 파일을 만들고 nginx가 제공합니다</translation>
    </message>
    <message>
        <source>server mode: standalone output</source>
        <translation>서버 모드: standalone 출력</translation>
    </message>
    <message>
        <source>server mode (output is computed by the config; a static export would need output: &apos;export&apos; written literally)</source>
        <translation>서버 모드 (output을 설정 코드가 계산합니다. 정적 내보내기를 하려면 output: &apos;export&apos;를 값 그대로 적어야 합니다)</translation>
    </message>
    <message>
        <source>static export: the build script runs next export</source>
        <translation>정적 내보내기: 빌드 스크립트가 next export를 실행합니다</translation>
    </message>
    <message>
        <source>server mode: generation turns on standalone output (a small image with only the files the server needs); next.config is left as it is</source>
        <translation>서버 모드: 생성 시 standalone 출력을 켭니다(서버에 필요한 파일만 담은 작은 이미지). next.config는 그대로 둡니다</translation>
    </message>
    <message>
        <source>build folder: %1</source>
        <translation>빌드 폴더: %1</translation>
    </message>
    <message>
        <source>build folder: .next (distDir is computed by the config; using the default)</source>
        <translation>빌드 폴더: .next (distDir을 설정 코드가 계산하므로 기본값 사용)</translation>
    </message>
    <message>
        <source>Next.js output folder</source>
        <translation>Next.js 출력 폴더</translation>
    </message>
    <message>
        <source>served by nginx on port %1; pages answer as /page and /page.html</source>
        <translation>nginx가 포트 %1에서 제공; 페이지는 /page와 /page.html로 응답</translation>
    </message>
    <message>
        <source>port %1 (PORT is set in the image; the standalone server reads it)</source>
        <translation>포트 %1 (이미지에 PORT가 설정되고 standalone 서버가 읽습니다)</translation>
    </message>
    <message>
        <source>Next.js build folder</source>
        <translation>Next.js 빌드 폴더</translation>
    </message>
    <message>
        <source>app folder</source>
        <translation>앱 폴더</translation>
    </message>
    <message>
        <source>a Next.js server plan listens on %1</source>
        <translation>Next.js 서버 계획은 포트 %1에서 수신해야 합니다</translation>
    </message>
    <message>
        <source>base path &apos;%1&apos; can only use letters, digits and . _ ~ - between slashes</source>
        <translation>기본 경로 &apos;%1&apos;에는 슬래시 사이에 문자, 숫자, . _ ~ -만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>asset folder &apos;%1&apos; is not a plain relative folder</source>
        <translation>에셋 폴더 &apos;%1&apos;이(가) 단순한 상대 경로 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>base image</source>
        <translation>기본 이미지</translation>
    </message>
    <message>
        <source>Node.js version</source>
        <translation>Node.js 버전</translation>
    </message>
    <message>
        <source>install command</source>
        <translation>설치 명령</translation>
    </message>
    <message>
        <source>package manager</source>
        <translation>패키지 관리자</translation>
    </message>
    <message>
        <source>package manager version</source>
        <translation>패키지 관리자 버전</translation>
    </message>
    <message>
        <source>manifest path</source>
        <translation>매니페스트 경로</translation>
    </message>
    <message>
        <source>the plan lists no package.json to install from</source>
        <translation>배포 계획에 설치에 사용할 package.json이 없습니다</translation>
    </message>
    <message>
        <source>monorepo: build from the workspace root so its lock file and packages are in reach</source>
        <translation>모노레포: 잠금 파일과 패키지를 쓸 수 있도록 워크스페이스 루트에서 빌드합니다</translation>
    </message>
    <message>
        <source>&quot;packageManager&quot; must be a string such as &quot;pnpm@9.1.0&quot;</source>
        <translation>&quot;packageManager&quot;는 &quot;pnpm@9.1.0&quot; 같은 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>&quot;packageManager&quot;: %1</source>
        <translation>&quot;packageManager&quot;: %1</translation>
    </message>
    <message>
        <source>package manager: %1 (&quot;packageManager&quot; field)</source>
        <translation>패키지 관리자: %1 (&quot;packageManager&quot; 필드)</translation>
    </message>
    <message>
        <source>lock file ignored: it belongs to %1, not %2; dependencies are installed without a frozen lock file</source>
        <translation>잠금 파일 무시: %2가 아니라 %1의 잠금 파일입니다. 잠금 파일로 고정하지 않고 의존성을 설치합니다</translation>
    </message>
    <message>
        <source>package manager: %1 (lock file)</source>
        <translation>패키지 관리자: %1 (잠금 파일)</translation>
    </message>
    <message>
        <source>%1 %2 (the version that writes this lock file format; no &quot;packageManager&quot; field)</source>
        <translation>%1 %2 (이 잠금 파일 형식을 만드는 버전, &quot;packageManager&quot; 필드 없음)</translation>
    </message>
    <message>
        <source>package manager: %1 (engines)</source>
        <translation>패키지 관리자: %1 (engines)</translation>
    </message>
    <message>
        <source>package manager: npm (no packageManager field, lock file or engines entry names another)</source>
        <translation>패키지 관리자: npm (packageManager 필드, 잠금 파일, engines 항목 모두 다른 것을 지정하지 않음)</translation>
    </message>
    <message>
        <source>no lock file: dependencies are installed without one, so versions may drift between builds; commit a lock file for reproducible deploys</source>
        <translation>잠금 파일 없음: 빌드마다 의존성 버전이 달라질 수 있습니다. 재현 가능한 배포를 위해 잠금 파일을 커밋하세요</translation>
    </message>
    <message>
        <source>Node.js %1</source>
        <translation>Node.js %1</translation>
    </message>
    <message>
        <source>Node.js %1: the current LTS (no .nvmrc, .node-version or engines.node)</source>
        <translation>Node.js %1: 현재 LTS (.nvmrc, .node-version, engines.node 없음)</translation>
    </message>
    <message>
        <source>Node.js %1: the current LTS, because %2</source>
        <translation>Node.js %1: 현재 LTS, 이유: %2</translation>
    </message>
    <message>
        <source>the whole source is copied before the install because a %1 script runs during it (the dependency layer is rebuilt on every change)</source>
        <translation>설치 중에 %1 스크립트가 실행되므로 설치 전에 전체 소스를 복사합니다 (변경할 때마다 의존성 레이어를 다시 빌드합니다)</translation>
    </message>
    <message>
        <source>the whole source is copied before the install: the workspace has %1 packages</source>
        <translation>설치 전에 전체 소스를 복사합니다: 워크스페이스에 패키지가 %1개 있습니다</translation>
    </message>
    <message>
        <source>kept out of the image: %1 (pass build-time values as build arguments)</source>
        <translation>이미지에서 제외: %1 (빌드 시점 값은 빌드 인수로 전달하세요)</translation>
    </message>
    <message>
        <source>framework: %1</source>
        <translation>프레임워크: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a semver range</source>
        <translation>&apos;%1&apos;은(는) semver 범위가 아닙니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; allows no Node.js release from 4 to %2</source>
        <translation>&apos;%1&apos;은(는) Node.js 4~%2 중 어떤 릴리스도 허용하지 않습니다</translation>
    </message>
    <message>
        <source>the range allows %1-%2; Ttalkak takes the current LTS %3 when allowed, else the nearest LTS line</source>
        <translation>범위가 %1~%2를 허용합니다. 딸깍은 현재 LTS인 %3이 허용되면 그것을, 아니면 가장 가까운 LTS 라인을 사용합니다</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>lts/* is the current LTS, %1</source>
        <translation>lts/*는 현재 LTS인 %1입니다</translation>
    </message>
    <message>
        <source>%1 counts back from the current LTS %2</source>
        <translation>%1은(는) 현재 LTS %2부터 거꾸로 센 버전입니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an LTS line Ttalkak knows</source>
        <translation>&apos;%1&apos;은(는) 딸깍이 아는 LTS 라인이 아닙니다</translation>
    </message>
    <message>
        <source>LTS codename %1 is Node.js %2</source>
        <translation>LTS 코드명 %1은(는) Node.js %2입니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an LTS codename Ttalkak knows (argon ... krypton)</source>
        <translation>&apos;%1&apos;은(는) 딸깍이 아는 LTS 코드명이 아닙니다 (argon ... krypton)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; means the newest release; Ttalkak builds on the current LTS %2 instead so the image stays on a supported line</source>
        <translation>&apos;%1&apos;은(는) 최신 릴리스를 뜻하지만, 이미지가 지원되는 라인에 머물도록 딸깍은 현재 LTS %2로 빌드합니다</translation>
    </message>
    <message>
        <source>Node.js %1 is not a release Ttalkak can build with (4 to %2)</source>
        <translation>Node.js %1은(는) 딸깍이 빌드할 수 있는 릴리스가 아닙니다 (4~%2)</translation>
    </message>
    <message>
        <source>a JavaScript monorepo (package.json &quot;workspaces&quot; or pnpm-workspace.yaml): choose one of its apps</source>
        <translation>JavaScript 모노레포(package.json &quot;workspaces&quot; 또는 pnpm-workspace.yaml): 앱 하나를 고르세요</translation>
    </message>
    <message>
        <source>this is a monorepo; choose the app to deploy (--app DIR). Apps found: %1</source>
        <translation>모노레포입니다. 배포할 앱을 고르세요(--app DIR). 찾은 앱: %1</translation>
    </message>
    <message>
        <source>a monorepo root is not deployable; choose one of its apps</source>
        <translation>모노레포 루트는 배포할 수 없습니다. 앱 하나를 고르세요</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form name@version (e.g. &quot;pnpm@9.1.0&quot;)</source>
        <translation>&quot;%1&quot;은(는) name@version 형식이 아닙니다(예: &quot;pnpm@9.1.0&quot;)</translation>
    </message>
    <message>
        <source>unknown package manager &quot;%1&quot; (Ttalkak knows npm, yarn, pnpm and bun)</source>
        <translation>알 수 없는 패키지 관리자 &quot;%1&quot; (딸깍은 npm, yarn, pnpm, bun을 지원합니다)</translation>
    </message>
    <message>
        <source>a static site: index.html without package.json</source>
        <translation>정적 사이트: package.json 없는 index.html</translation>
    </message>
    <message>
        <source>Static site</source>
        <translation>정적 사이트</translation>
    </message>
    <message>
        <source>static site: index.html and no package.json, so the files are served as they are</source>
        <translation>정적 사이트: index.html이 있고 package.json이 없어 파일을 그대로 제공합니다</translation>
    </message>
    <message>
        <source>served by nginx on port %1 with an SPA fallback (unknown paths answer index.html)</source>
        <translation>nginx가 포트 %1에서 제공하며 SPA 대체 응답 사용 (알 수 없는 경로는 index.html로 응답)</translation>
    </message>
    <message>
        <source>kept out of the image: %1</source>
        <translation>이미지에서 제외: %1</translation>
    </message>
    <message>
        <source>Vite: &quot;vite&quot; in package.json dependencies</source>
        <translation>Vite: package.json 의존성에 &quot;vite&quot;</translation>
    </message>
    <message>
        <source>%1: %2 (build script flag)</source>
        <translation>%1: %2 (빌드 스크립트 플래그)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (the config computes %3 when it runs; using Vite&apos;s default)</source>
        <translation>%1: %2 (설정 코드가 실행 시점에 %3을(를) 계산하므로 Vite 기본값 사용)</translation>
    </message>
    <message>
        <source>%1: %2 (Vite&apos;s default; build.%3 is not set)</source>
        <translation>%1: %2 (Vite 기본값, build.%3이(가) 설정되지 않음)</translation>
    </message>
    <message>
        <source>Vite outDir</source>
        <translation>Vite outDir</translation>
    </message>
    <message>
        <source>base path</source>
        <translation>기본 경로</translation>
    </message>
    <message>
        <source>&quot;workspaces&quot; must be a list of folders or an object with &quot;packages&quot;</source>
        <translation>&quot;workspaces&quot;는 폴더 목록이거나 &quot;packages&quot;가 있는 객체여야 합니다</translation>
    </message>
    <message>
        <source>&quot;packages&quot; must be a list of folders</source>
        <translation>&quot;packages&quot;는 폴더 목록이어야 합니다</translation>
    </message>
    <message>
        <source>app folder &apos;%1&apos; does not exist in the repository</source>
        <translation>앱 폴더 &apos;%1&apos;이(가) 저장소에 없습니다</translation>
    </message>
    <message>
        <source>the repository root</source>
        <translation>저장소 루트</translation>
    </message>
    <message>
        <source>unknown project type in %1. Looked for:
%2</source>
        <translation>%1의 프로젝트 유형을 알 수 없습니다. 찾아본 항목:
%2</translation>
    </message>
    <message>
        <source>no strategy named &apos;%1&apos;</source>
        <translation>이름이 &apos;%1&apos;인 전략이 없습니다</translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation>폴더가 없습니다: %1</translation>
    </message>
    <message>
        <source>Not a folder: %1</source>
        <translation>폴더가 아닙니다: %1</translation>
    </message>
    <message>
        <source>symbolic link points outside the repository (to %1)</source>
        <translation>심볼릭 링크가 저장소 밖을 가리킵니다 (대상: %1)</translation>
    </message>
    <message>
        <source>repository has more than %1 files; Ttalkak deploys up to that many</source>
        <translation>저장소의 파일이 %1개를 넘습니다. 딸깍은 그 개수까지만 배포합니다</translation>
    </message>
    <message>
        <source>repository is larger than %1 MB; Ttalkak deploys up to that size</source>
        <translation>저장소가 %1 MB보다 큽니다. 딸깍은 그 크기까지만 배포합니다</translation>
    </message>
    <message>
        <source>path leaves the repository</source>
        <translation>경로가 저장소를 벗어납니다</translation>
    </message>
    <message>
        <source>path resolves outside the repository</source>
        <translation>경로가 저장소 밖을 가리킵니다</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>파일을 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>file is larger than %1 KB</source>
        <translation>파일이 %1 KB보다 큽니다</translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <translation>잘못된 JSON: %1</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation>최상위에 JSON 객체가 있어야 합니다</translation>
    </message>
    <message>
        <source>strategy %1 produced no Dockerfile</source>
        <translation>전략 %1이(가) Dockerfile을 만들지 않았습니다</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Enter the relay&apos;s address, e.g. https://relay.example.com.</source>
        <translation>릴레이 주소를 입력하세요. 예: https://relay.example.com</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>올바른 이메일 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>비밀번호를 입력하세요.</translation>
    </message>
    <message numerus="yes">
        <source>A new password needs at least %n characters.</source>
        <translation>
            <numerusform>새 비밀번호는 %n자 이상이어야 합니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Deploy a project in one click.</source>
        <translation>클릭 한 번으로 프로젝트를 배포합니다.</translation>
    </message>
    <message>
        <source>Use this settings file.</source>
        <translation>이 설정 파일을 사용합니다.</translation>
    </message>
    <message>
        <source>Open a repository folder or GitHub URL.</source>
        <translation>저장소 폴더나 GitHub URL을 엽니다.</translation>
    </message>
    <message>
        <source>Start on a page: projects, deployments, databases, settings.</source>
        <translation>시작할 화면: projects, deployments, databases, settings.</translation>
    </message>
    <message>
        <source>Start on a project tab (0-3).</source>
        <translation>시작할 프로젝트 탭(0-3).</translation>
    </message>
    <message>
        <source>Save a screenshot of the window and exit.</source>
        <translation>창의 스크린샷을 저장하고 종료합니다.</translation>
    </message>
    <message>
        <source>Override the UI language (en, ko).</source>
        <translation>화면 언어를 지정합니다(en, ko).</translation>
    </message>
    <message>
        <source>Use an in-memory relay with sample data.</source>
        <translation>샘플 데이터가 있는 메모리 내 릴레이를 사용합니다.</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::AccessLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>메서드</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>지연 시간</translation>
    </message>
    <message>
        <source>In</source>
        <translation>수신</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>송신</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>클라이언트</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::AccountService</name>
    <message>
        <source>The relay answered without a token.</source>
        <translation>릴레이가 토큰 없이 응답했습니다.</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DatabasesModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>엔진</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DatabasesPage</name>
    <message>
        <source>Delete database</source>
        <translation>데이터베이스 삭제</translation>
    </message>
    <message>
        <source>Delete %1 and all its data?</source>
        <translation>%1과(와) 모든 데이터를 삭제할까요?</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>새 데이터베이스</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>엔진</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>디스크</translation>
    </message>
    <message>
        <source>e.g. shop-db</source>
        <translation>예: shop-db</translation>
    </message>
    <message>
        <source>default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <source>Create database</source>
        <translation>데이터베이스 만들기</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>연결 문자열</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>비밀번호 보기</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>The address appears once the relay has given the database a port.</source>
        <translation>릴레이가 데이터베이스에 포트를 배정하면 주소가 표시됩니다.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeployProgress</name>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Assigned to a provider</source>
        <translation>제공자에 배정됨</translation>
    </message>
    <message>
        <source>Fetching the source</source>
        <translation>소스 가져오는 중</translation>
    </message>
    <message>
        <source>Building the image</source>
        <translation>이미지 빌드 중</translation>
    </message>
    <message>
        <source>Starting the container</source>
        <translation>컨테이너 시작 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>The deployment is %1.</source>
        <translation>배포 상태: %1.</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeployProgressPage</name>
    <message>
        <source>Deploying %1</source>
        <translation>%1 배포 중</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>준비 중</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>The deployment could not start</source>
        <translation>배포를 시작하지 못했습니다</translation>
    </message>
    <message>
        <source>Failed at: %1</source>
        <translation>실패한 단계: %1</translation>
    </message>
    <message>
        <source>Build log</source>
        <translation>빌드 로그</translation>
    </message>
    <message>
        <source>Live at</source>
        <translation>공개 주소</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Back to project</source>
        <translation>프로젝트로 돌아가기</translation>
    </message>
    <message>
        <source>All deployments</source>
        <translation>모든 배포</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeployService</name>
    <message>
        <source>Sign in to a relay first.</source>
        <translation>먼저 릴레이에 로그인하세요.</translation>
    </message>
    <message>
        <source>Packing and uploading %1 …</source>
        <translation>%1 압축 및 업로드 중…</translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation>업로드 실패: %1</translation>
    </message>
    <message>
        <source>The relay refused the project: %1</source>
        <translation>릴레이가 프로젝트를 거부했습니다: %1</translation>
    </message>
    <message>
        <source>The relay refused the deployment: %1</source>
        <translation>릴레이가 배포를 거부했습니다: %1</translation>
    </message>
    <message>
        <source>Redeploy failed: %1</source>
        <translation>재배포 실패: %1</translation>
    </message>
    <message>
        <source>The deployment is not valid: %1</source>
        <translation>배포 설정이 올바르지 않습니다: %1</translation>
    </message>
    <message>
        <source>Uploaded %1 of %2</source>
        <translation>%2 중 %1 업로드됨</translation>
    </message>
    <message>
        <source>%1 exists: redeploying it with this version</source>
        <translation>%1이(가) 이미 있습니다: 이 버전으로 다시 배포합니다</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeploymentsModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>제공자</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>가동 시간</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>세대</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>제안됨</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>배정됨</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>빌드 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>삭제 중</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>삭제됨</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n분</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n일</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeploymentsPage</name>
    <message>
        <source>Delete deployment</source>
        <translation>배포 삭제</translation>
    </message>
    <message>
        <source>Delete %1? Its container, logs and public URL go away.</source>
        <translation>%1을(를) 삭제할까요? 컨테이너, 로그, 공개 URL이 모두 사라집니다.</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>배포</translation>
    </message>
    <message>
        <source>Status updates live while the deployer is signed in.</source>
        <translation>로그인되어 있는 동안 상태가 실시간으로 갱신됩니다.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>재시작</translation>
    </message>
    <message>
        <source>Redeploy</source>
        <translation>재배포</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>모니터링</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DeploymentsService</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>Delete failed: %1</source>
        <translation>삭제 실패: %1</translation>
    </message>
    <message>
        <source>The relay refused the database: %1</source>
        <translation>릴레이가 데이터베이스를 거부했습니다: %1</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DetectionPage</name>
    <message>
        <source>No project</source>
        <translation>프로젝트 없음</translation>
    </message>
    <message>
        <source>Detecting…</source>
        <translation>분석 중…</translation>
    </message>
    <message>
        <source>%1 · detected in %2 ms</source>
        <translation>%1 · %2ms 만에 감지</translation>
    </message>
    <message>
        <source>Detection failed</source>
        <translation>감지 실패</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>프레임워크</translation>
    </message>
    <message>
        <source>App folder</source>
        <translation>앱 폴더</translation>
    </message>
    <message>
        <source>repository root</source>
        <translation>저장소 루트</translation>
    </message>
    <message>
        <source>Build context</source>
        <translation>빌드 컨텍스트</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>런타임</translation>
    </message>
    <message>
        <source>Package manager</source>
        <translation>패키지 관리자</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>설치</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>빌드</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>served by nginx (static site)</source>
        <translation>nginx로 제공(정적 사이트)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Health check</source>
        <translation>상태 확인</translation>
    </message>
    <message>
        <source>(repository root)</source>
        <translation>(저장소 루트)</translation>
    </message>
    <message>
        <source>Deploy %1</source>
        <translation>%1 배포하기</translation>
    </message>
    <message>
        <source>Send this project to the relay and deploy it</source>
        <translation>이 프로젝트를 릴레이로 보내 배포합니다</translation>
    </message>
    <message>
        <source>Edited — your version will be used</source>
        <translation>수정됨 — 수정한 내용으로 배포됩니다</translation>
    </message>
    <message>
        <source>Generated from the detected plan</source>
        <translation>감지 결과로 생성됨</translation>
    </message>
    <message>
        <source>App folder:</source>
        <translation>앱 폴더:</translation>
    </message>
    <message>
        <source>Detect again</source>
        <translation>다시 감지</translation>
    </message>
    <message>
        <source>Open another project…</source>
        <translation>다른 프로젝트 열기…</translation>
    </message>
    <message>
        <source>What Ttalkak found</source>
        <translation>딸깍이 찾은 내용</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>이렇게 판단한 이유</translation>
    </message>
    <message>
        <source>Dockerfile</source>
        <translation>Dockerfile</translation>
    </message>
    <message>
        <source>.dockerignore</source>
        <translation>.dockerignore</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경 변수</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>리소스</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Discard your edits and use the generated Dockerfile</source>
        <translation>수정한 내용을 버리고 생성된 Dockerfile을 사용합니다</translation>
    </message>
    <message>
        <source>Discard your edits and use the generated .dockerignore</source>
        <translation>수정한 내용을 버리고 생성된 .dockerignore를 사용합니다</translation>
    </message>
    <message>
        <source>Ttalkak could not work out how to build this project</source>
        <translation>이 프로젝트를 어떻게 빌드할지 알아내지 못했습니다</translation>
    </message>
    <message>
        <source>This repository contains several apps. Choose the one to deploy:</source>
        <translation>이 저장소에는 앱이 여러 개 있습니다. 배포할 앱을 고르세요:</translation>
    </message>
    <message>
        <source>Looking at your project…</source>
        <translation>프로젝트를 살펴보는 중…</translation>
    </message>
    <message>
        <source>Repository saved</source>
        <translation>저장소를 기억해 두었습니다</translation>
    </message>
    <message>
        <source>The provider clones this repository when you deploy, and detection runs there. Connect to a relay to continue, or drop a local copy of the repository to see its Dockerfile now.</source>
        <translation>배포하면 제공자가 이 저장소를 복제하고 그곳에서 감지합니다. 계속하려면 릴레이에 연결하거나, 지금 Dockerfile을 보려면 저장소의 로컬 사본을 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>배포</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::DropZone</name>
    <message>
        <source>Drop a repository folder here</source>
        <translation>저장소 폴더를 여기에 끌어다 놓으세요</translation>
    </message>
    <message>
        <source>Ttalkak looks at your project, explains what it found and writes a Dockerfile for it. Nothing is uploaded until you deploy.</source>
        <translation>딸깍이 프로젝트를 살펴보고, 무엇을 찾았는지 설명하고, Dockerfile을 만들어 줍니다. 배포하기 전에는 아무것도 업로드하지 않습니다.</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>폴더 선택…</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::EnvVarsEditor</name>
    <message>
        <source>Variables are passed to the container at run time. Mark passwords and tokens as secret: they are masked here and never written into the Dockerfile.</source>
        <translation>변수는 실행할 때 컨테이너에 전달됩니다. 비밀번호와 토큰은 비밀로 표시하세요. 여기서 가려지고 Dockerfile에는 절대 기록되지 않습니다.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Show secret values</source>
        <translation>비밀 값 보기</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::EnvVarsModel</name>
    <message>
        <source>enter a name</source>
        <translation>이름을 입력하세요</translation>
    </message>
    <message>
        <source>%1 is defined more than once</source>
        <translation>%1이(가) 두 번 이상 정의되었습니다</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>%1행: %2</translation>
    </message>
    <message>
        <source>Secret values are masked here and sent to the relay encrypted in transit; they are never written to the Dockerfile or to settings.</source>
        <translation>비밀 값은 여기서 가려지고 암호화된 연결로 릴레이에 전송됩니다. Dockerfile이나 설정에는 절대 기록되지 않습니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>비밀</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::GitHubClient</name>
    <message>
        <source>GitHub rejected the token; sign in again.</source>
        <translation>GitHub가 토큰을 거부했습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>GitHub: %1</source>
        <translation>GitHub: %1</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::GitHubDeviceFlow</name>
    <message>
        <source>GitHub did not give a sign-in code: %1</source>
        <translation>GitHub에서 로그인 코드를 받지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The GitHub sign-in code expired. Start again.</source>
        <translation>GitHub 로그인 코드가 만료되었습니다. 다시 시작하세요.</translation>
    </message>
    <message>
        <source>GitHub sign-in was cancelled in the browser.</source>
        <translation>브라우저에서 GitHub 로그인이 취소되었습니다.</translation>
    </message>
    <message>
        <source>GitHub refused the sign-in: %1</source>
        <translation>GitHub가 로그인을 거부했습니다: %1</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::GitHubDialog</name>
    <message>
        <source>Deploy from GitHub</source>
        <translation>GitHub에서 배포</translation>
    </message>
    <message>
        <source>Sign in with GitHub to list your repositories. Private repositories are cloned by the provider with your GitHub token; it is sent only for that deployment.</source>
        <translation>저장소 목록을 보려면 GitHub로 로그인하세요. 비공개 저장소는 제공자가 GitHub 토큰으로 클론하며, 토큰은 해당 배포에만 전달됩니다.</translation>
    </message>
    <message>
        <source>Sign in with GitHub</source>
        <translation>GitHub로 로그인</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>코드 복사</translation>
    </message>
    <message>
        <source>Open GitHub in the browser</source>
        <translation>브라우저에서 GitHub 열기</translation>
    </message>
    <message>
        <source>Search repositories</source>
        <translation>저장소 검색</translation>
    </message>
    <message>
        <source>Sign out of GitHub</source>
        <translation>GitHub에서 로그아웃</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>더 불러오기</translation>
    </message>
    <message>
        <source>Use this commit</source>
        <translation>이 커밋 사용</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>브랜치</translation>
    </message>
    <message>
        <source>Enter this code at %1 and approve Ttalkak; this window continues by itself.</source>
        <translation>%1에서 이 코드를 입력하고 Ttalkak을 승인하세요. 이 창은 자동으로 계속됩니다.</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::GitHubSession</name>
    <message>
        <source>Repository</source>
        <translation>저장소</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>공개 범위</translation>
    </message>
    <message>
        <source>private</source>
        <translation>비공개</translation>
    </message>
    <message>
        <source>public</source>
        <translation>공개</translation>
    </message>
    <message>
        <source>Default branch</source>
        <translation>기본 브랜치</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>브랜치</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>커밋</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>작성자</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::MainWindow</name>
    <message>
        <source>Connect to a relay</source>
        <translation>릴레이에 연결하세요</translation>
    </message>
    <message>
        <source>Relay settings</source>
        <translation>릴레이 설정</translation>
    </message>
    <message>
        <source>Your deployments — status, public URL, logs and traffic — appear here once the deployer is connected to a relay.</source>
        <translation>릴레이에 연결하면 배포 목록(상태, 공개 URL, 로그, 트래픽)이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Create MySQL, MariaDB, PostgreSQL, Redis or MongoDB databases and get a connection string. Databases run on providers, so this needs a relay connection.</source>
        <translation>MySQL, MariaDB, PostgreSQL, Redis, MongoDB 데이터베이스를 만들고 접속 문자열을 받을 수 있습니다. 데이터베이스는 제공자의 컴퓨터에서 실행되므로 릴레이 연결이 필요합니다.</translation>
    </message>
    <message>
        <source>Detected %1 in %2 ms</source>
        <translation>%2ms 만에 %1 감지</translation>
    </message>
    <message>
        <source>Detection failed: %1</source>
        <translation>감지 실패: %1</translation>
    </message>
    <message>
        <source>● Connected to %1</source>
        <translation>● %1에 연결됨</translation>
    </message>
    <message>
        <source>● Offline — not connected to a relay</source>
        <translation>● 오프라인 — 릴레이에 연결되지 않음</translation>
    </message>
    <message>
        <source>Ttalkak Deployer</source>
        <translation>딸깍 배포 도구</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>배포</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>● Signed in as %1
%2</source>
        <translation>● %1(으)로 로그인됨
%2</translation>
    </message>
    <message>
        <source>● Not signed in</source>
        <translation>● 로그인하지 않음</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>로그인…</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::MonitoringPage</name>
    <message>
        <source>Metrics unavailable: %1</source>
        <translation>지표를 불러올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) shown</source>
        <translation>
            <numerusform>요청 %n건 표시</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary unavailable: %1</source>
        <translation>요약을 불러올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Monitoring · %1</source>
        <translation>모니터링 · %1</translation>
    </message>
    <message>
        <source>requests/min</source>
        <translation>요청/분</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>in KiB/min</source>
        <translation>수신 KiB/분</translation>
    </message>
    <message>
        <source>out KiB/min</source>
        <translation>송신 KiB/분</translation>
    </message>
    <message>
        <source>phrased by an LLM</source>
        <translation>LLM이 작성</translation>
    </message>
    <message>
        <source>built locally from log templates</source>
        <translation>로그 템플릿으로 로컬에서 생성</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>배포</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>최근 1시간</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>7 days are fetched as seven 24-hour calls and shown per hour.</source>
        <translation>7일 범위는 24시간씩 일곱 번 나누어 가져와 시간 단위로 표시합니다.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>분당 요청 수</translation>
    </message>
    <message>
        <source>Responses by status class</source>
        <translation>상태 코드별 응답</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>지연 시간(ms)</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>대역폭</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>접근 로그</translation>
    </message>
    <message>
        <source>Any method</source>
        <translation>모든 메서드</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>Path contains…</source>
        <translation>경로 포함…</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>더 불러오기</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::OfflineBackend</name>
    <message>
        <source>This build of the deployer has no relay client.</source>
        <translation>이 빌드에는 릴레이 클라이언트가 없습니다.</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::ProjectSession</name>
    <message>
        <source>Price estimate available when connected to a relay</source>
        <translation>릴레이에 연결하면 예상 요금을 보여 드립니다</translation>
    </message>
    <message>
        <source>≈ %1 credits / hour · %2 credits / month</source>
        <translation>≈ 시간당 %1 크레딧 · 월 %2 크레딧</translation>
    </message>
    <message>
        <source>Connect to a relay to deploy: deployments run on providers that the relay assigns.</source>
        <translation>배포하려면 릴레이에 연결하세요. 배포는 릴레이가 정해 주는 제공자의 컴퓨터에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>먼저 프로젝트를 여세요.</translation>
    </message>
    <message>
        <source>Detection is still running.</source>
        <translation>아직 감지 중입니다.</translation>
    </message>
    <message>
        <source>Detection failed; fix the error or choose an app folder.</source>
        <translation>감지에 실패했습니다. 오류를 고치거나 앱 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>The Dockerfile is empty.</source>
        <translation>Dockerfile이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>환경 변수: %1</translation>
    </message>
    <message>
        <source>Choose the repository with &quot;From GitHub&quot; so its files can be detected.</source>
        <translation>파일을 감지할 수 있도록 “GitHub에서”로 저장소를 선택하세요.</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::ReasonsModel</name>
    <message>
        <source>default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>결정</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>근거</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::RelayBackend</name>
    <message>
        <source>Not signed in to a relay.</source>
        <translation>릴레이에 로그인하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::ResourcesEditor</name>
    <message>
        <source>The provider reserves this much for your app. Static sites are happy with a quarter of a CPU and 256 MB; servers usually want 1 CPU and 512 MB or more.</source>
        <translation>제공자가 앱을 위해 이만큼 확보해 둡니다. 정적 사이트는 CPU 0.25개와 256MB면 충분하고, 서버는 보통 CPU 1개와 512MB 이상이 필요합니다.</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>예상 요금</translation>
    </message>
    <message>
        <source> vCPU</source>
        <translation> vCPU</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Applies immediately</source>
        <translation>바로 적용됩니다</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Relay URL</source>
        <translation>릴레이 URL</translation>
    </message>
    <message>
        <source>GitHub API URL</source>
        <translation>GitHub API URL</translation>
    </message>
    <message>
        <source>Change this for GitHub Enterprise, e.g. https://github.example.com/api/v3</source>
        <translation>GitHub Enterprise를 쓰면 바꾸세요(예: https://github.example.com/api/v3)</translation>
    </message>
    <message>
        <source>Stored in %1</source>
        <translation>저장 위치: %1</translation>
    </message>
    <message>
        <source>The relay schedules your deployments on providers and routes their traffic. Sign in from the account button in the sidebar.</source>
        <translation>릴레이는 배포를 제공자에게 배정하고 트래픽을 전달합니다. 사이드바의 계정 버튼에서 로그인하세요.</translation>
    </message>
    <message>
        <source>GitHub OAuth client id</source>
        <translation>GitHub OAuth 클라이언트 ID</translation>
    </message>
    <message>
        <source>The client id of a GitHub OAuth app with the device flow enabled</source>
        <translation>기기 인증 흐름이 켜진 GitHub OAuth 앱의 클라이언트 ID</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::SignInDialog</name>
    <message>
        <source>Sign in to a relay</source>
        <translation>릴레이에 로그인</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>새 계정 만들기</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>릴레이</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>계정 만들기</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>로그인 중…</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::SourceArchive</name>
    <message>
        <source>the repository archive is not a .tar.gz: %1</source>
        <translation>저장소 아카이브가 .tar.gz가 아닙니다: %1</translation>
    </message>
    <message>
        <source>the repository has more than %1 files</source>
        <translation>저장소의 파일이 %1개를 넘습니다</translation>
    </message>
    <message>
        <source>the repository is larger than %1 MiB</source>
        <translation>저장소가 %1 MiB보다 큽니다</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the repository archive is damaged: %1</source>
        <translation>저장소 아카이브가 손상되었습니다: %1</translation>
    </message>
</context>
<context>
    <name>ttalkak::deployer::WelcomePage</name>
    <message>
        <source>Choose a repository folder</source>
        <translation>저장소 폴더 선택</translation>
    </message>
    <message>
        <source>Deploy a project</source>
        <translation>프로젝트 배포하기</translation>
    </message>
    <message>
        <source>Start from a repository on your computer or on GitHub. You will see what was detected, and why, before anything runs.</source>
        <translation>내 컴퓨터나 GitHub의 저장소에서 시작하세요. 실행하기 전에 무엇을 왜 감지했는지 먼저 보여 드립니다.</translation>
    </message>
    <message>
        <source>Or use a GitHub repository</source>
        <translation>또는 GitHub 저장소 사용</translation>
    </message>
    <message>
        <source>https://github.com/owner/repository</source>
        <translation>https://github.com/owner/repository</translation>
    </message>
    <message>
        <source>Use repository</source>
        <translation>저장소 사용</translation>
    </message>
    <message>
        <source>From GitHub…</source>
        <translation>GitHub에서…</translation>
    </message>
    <message>
        <source>Sign in to GitHub and choose a repository, branch and commit</source>
        <translation>GitHub에 로그인해 저장소, 브랜치, 커밋을 선택합니다</translation>
    </message>
</context>
</TS>
