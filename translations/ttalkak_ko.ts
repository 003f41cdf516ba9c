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
        <translation>패키지 매니저</translation>
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
        <source>The relay schedules your deployments on providers and routes their traffic. Signing in to a relay arrives with the relay client.</source>
        <translation>릴레이는 배포를 제공자에게 배정하고 트래픽을 전달합니다. 릴레이 로그인은 릴레이 클라이언트와 함께 제공됩니다.</translation>
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
</context>
</TS>
