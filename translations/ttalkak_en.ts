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
        <source>The relay schedules your deployments on providers and routes their traffic. Signing in to a relay arrives with the relay client.</source>
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
</context>
</TS>
