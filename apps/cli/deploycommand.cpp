#include "deploycommand.h"

#include "clisession.h"
#include "exitcodes.h"

#include <client/deployspecbuilder.h>
#include <client/folderpacker.h>
#include <client/relaysubscription.h>
#include <core/git/gitclone.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <QTimer>

#include <optional>

namespace ttalkak::cli {

using namespace Qt::StringLiterals;
using client::RelayClient;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("deploy", text);
}

struct DeployOptions
{
    QString path;
    QString appDir;
    QString repo, ref, commit, sourceToken;
    QString name;
    QString relay;
    QString domain;
    int ingressPort = 0;
    client::Resources resources;
    int port = 0;
    QMap<QString, QString> env;
    bool wait = true;
    int timeoutS = 900;
};

// A hostname label: lower-case letters, digits and '-', as the ingress routes by name.
QString labelFrom(const QString &text)
{
    QString label = text.toLower();
    label.replace(QRegularExpression(u"[^a-z0-9-]+"_s), u"-"_s);
    while (label.startsWith(u'-'))
        label.remove(0, 1);
    while (label.endsWith(u'-'))
        label.chop(1);
    return label.left(63);
}

// One deploy, step by step; each step names itself so a failure says where it happened.
class DeployRun : public QObject
{
public:
    DeployRun(DeployOptions options, CliSession &session)
        : m_options(std::move(options))
        , m_session(session)
    {
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, [this] {
            err() << tr("error: timed out after %1 s while the deployment was %2").arg(m_options.timeoutS).arg(m_lastState)
                  << Qt::endl;
            finish(ExitTimeout);
        });
    }

    int code() const { return m_code; }

    void start()
    {
        if (!m_options.repo.isEmpty())
            return cloneForDetection();
        detectAndSubmit(m_options.path);
    }

private:
    // --repo: detection needs the files, so clone exactly what the provider will build (the
    // resolved commit is pinned into the spec: a push during the deploy changes nothing).
    void cloneForDetection()
    {
        m_step = tr("fetch");
        m_checkout.emplace();
        if (!m_checkout->isValid())
            return fail(core::Error(core::ErrorCode::Io, tr("cannot create a temporary folder")));
        core::GitCloneOptions o;
        o.url = m_options.repo;
        o.ref = m_options.ref;
        o.commit = m_options.commit;
        o.token = m_options.sourceToken;
        o.allowFile = true; // the user's own machine: a local repository is fine
        o.maxSeconds = 600;
        o.gitDir = m_checkout->filePath(u"git"_s);
        out() << tr("Fetching %1%2").arg(m_options.repo, m_options.ref.isEmpty() ? QString() : u" @ "_s + m_options.ref)
              << Qt::endl;
        auto *job = new core::GitCloneJob(o, m_checkout->filePath(u"src"_s), this);
        connect(job, &core::GitCloneJob::progress, this, [](const QString &line) { err() << '\r' << line << Qt::flush; });
        connect(job, &core::GitCloneJob::result, this, [this](core::GitCloneJob *j) {
            err() << '\r' << Qt::flush;
            if (j->failed())
                return fail(j->error());
            m_options.commit = j->checkout().commit;
            out() << tr("Commit %1").arg(m_options.commit.left(12)) << Qt::endl;
            detectAndSubmit(m_checkout->filePath(u"src"_s));
        });
        job->start();
    }

    void detectAndSubmit(const QString &folder)
    {
        m_step = tr("detect");
        auto builder = client::DeploySpecBuilder::fromFolder(folder, m_options.appDir);
        if (!builder)
            return fail(builder.error());
        m_builder.emplace(std::move(*builder));
        const strategies::Plan &plan = m_builder->plan();
        if (m_options.port > 0)
            m_builder->setPort(m_options.port);
        m_builder->setEnv(m_options.env);
        out() << tr("Detected %1 (port %2)").arg(plan.framework).arg(m_builder->port()) << Qt::endl;

        m_session.withClient(m_options.relay, this, [this](RelayClient *relay) {
            m_relay = relay;
            if (!m_options.repo.isEmpty()) {
                m_builder->setSource(client::SourceRef::fromGit(m_options.repo, m_options.ref, m_options.commit));
                return createProject();
            }
            packAndUpload();
        }, [this](int c) { finish(c); });
    }

    void packAndUpload()
    {
        m_step = tr("pack");
        client::PackOptions pack;
        pack.extraFiles = m_builder->contextFiles();
        auto packed = client::FolderPacker::pack(m_options.path, pack);
        if (!packed)
            return fail(packed.error());
        for (const QString &s : std::as_const(packed->skipped))
            err() << tr("warning: %1").arg(s) << Qt::endl;
        out() << tr("Packed %1 files (%2 KiB)").arg(packed->fileCount).arg((packed->size + 1023) / 1024) << Qt::endl;
        m_blobPath = packed->path;
        m_builder->setSource(client::SourceRef::fromBlob(packed->sha256, packed->size));

        m_step = tr("upload");
        client::RelayJob *job = m_relay->uploadBlob(packed->path, packed->sha256);
        connect(job, &client::RelayJob::uploadProgress, this, [](qint64 sent, qint64 total) {
            if (total > 0)
                err() << '\r' << tr("Uploading... %1%").arg(sent * 100 / total) << Qt::flush;
        });
        job->then(this, [this](const core::Result<QJsonObject> &r) {
            err() << '\r' << Qt::flush;
            QFile::remove(m_blobPath);
            if (!r)
                return fail(r.error());
            out() << tr("Uploaded the source") << Qt::endl;
            createProject();
        });
    }

    void createProject()
    {
        m_step = tr("spec");
        auto spec = m_builder->build();
        if (!spec)
            return fail(spec.error());
        m_spec = *spec;

        m_step = tr("project");
        client::PageQuery page;
        page.pageSize = 100;
        page.search = m_options.name;
        m_relay->listProjects(page)->then(this, [this](const core::Result<QJsonObject> &r) {
            if (!r)
                return fail(r.error());
            for (const QJsonValue &v : r->value(u"items"_s).toArray()) {
                if (v.toObject().value(u"name"_s).toString() == m_options.name)
                    return createDeployment(v.toObject().value(u"id"_s).toString());
            }
            m_relay->createProject(m_options.name, m_spec.value(u"source"_s).toObject())->then(this, [this](const core::Result<QJsonObject> &p) {
                if (!p)
                    return fail(p.error());
                createDeployment(p->value(u"id"_s).toString());
            });
        });
    }

    // Deploying a name that already exists in the project redeploys it with the new spec.
    void createDeployment(const QString &projectId)
    {
        m_step = tr("deployment");
        client::PageQuery page;
        page.pageSize = 100;
        page.search = m_options.name;
        m_relay->listDeployments(page, projectId)->then(this, [this, projectId](const core::Result<QJsonObject> &r) {
            if (!r)
                return fail(r.error());
            for (const QJsonValue &v : r->value(u"items"_s).toArray()) {
                const QJsonObject d = v.toObject();
                if (d.value(u"name"_s).toString() == m_options.name && d.value(u"state"_s).toString() != u"deleted")
                    return redeploy(d.value(u"id"_s).toString());
            }
            submitNew(projectId);
        });
    }

    void redeploy(const QString &id)
    {
        m_step = tr("redeploy");
        m_relay->redeploy(id, m_spec, m_options.sourceToken)->then(this, [this](const core::Result<QJsonObject> &r) {
            if (!r)
                return fail(r.error());
            m_deploymentId = r->value(u"id"_s).toString();
            m_targetGeneration = r->value(u"generation"_s).toInt();
            out() << tr("Redeploying %1 (generation %2)").arg(m_deploymentId).arg(m_targetGeneration) << Qt::endl;
            m_lastState.clear();
            onState(r->value(u"state"_s).toString(), *r);
            if (!m_options.wait)
                return finish(ExitOk);
            follow();
        });
    }

    void submitNew(const QString &projectId)
    {
        client::DeploymentRequest request;
        request.projectId = projectId;
        request.name = m_options.name;
        request.spec = m_spec;
        request.resources = m_options.resources;
        request.sourceToken = m_options.sourceToken;
        m_relay->createDeployment(request)->then(this, [this](const core::Result<QJsonObject> &r) {
            if (!r)
                return fail(r.error());
            m_deploymentId = r->value(u"id"_s).toString();
            m_targetGeneration = r->value(u"generation"_s).toInt();
            out() << tr("Deployment %1 created").arg(m_deploymentId) << Qt::endl;
            onState(r->value(u"state"_s).toString(), *r);
            if (!m_options.wait)
                return finish(ExitOk);
            follow();
        });
    }

    void follow()
    {
        m_step = tr("follow");
        m_timeout.start(m_options.timeoutS * 1000);
        m_live = new client::RelaySubscription(m_relay->webSocketUrl(), m_relay->token(), this);
        connect(m_live, &client::RelaySubscription::subscribed, this,
                [this](const QString &, const QJsonObject &d) { onState(d.value(u"state"_s).toString(), d); });
        connect(m_live, &client::RelaySubscription::status, this,
                [this](const QString &, const QJsonObject &s) { onState(s.value(u"state"_s).toString(), s); });
        connect(m_live, &client::RelaySubscription::buildLog, this,
                [](const QString &, const QString &line) { err() << "  | " << line << Qt::endl; });
        connect(m_live, &client::RelaySubscription::failed, this, [this](const core::Error &e) { fail(e); });
        connect(m_live, &client::RelaySubscription::subscriptionFailed, this,
                [this](const QString &, const core::Error &e) { fail(e); });
        connect(m_live, &client::RelaySubscription::disconnected, this, [](const QString &reason) {
            err() << tr("warning: lost the live connection (%1); reconnecting").arg(reason) << Qt::endl;
        });
        m_live->subscribe(m_deploymentId);
        m_live->open();
    }

    void onState(const QString &state, const QJsonObject &event)
    {
        if (event.contains(u"url"_s))
            m_url = event.value(u"url"_s).toString();
        // During a redeploy the old generation keeps reporting "running": wait for the new one.
        if (event.contains(u"generation"_s) && event.value(u"generation"_s).toInt() < m_targetGeneration)
            return;
        // While queued, the relay says what it waits for (no provider online, none with room).
        if (const QString detail = event.value(u"detail"_s).toString();
            state == u"queued" && !detail.isEmpty() && detail != m_lastDetail) {
            m_lastDetail = detail;
            err() << detail << Qt::endl;
        }
        if (state.isEmpty() || state == m_lastState)
            return;
        const QString previous = m_lastState;
        m_lastState = state;
        out() << (previous.isEmpty() ? state : u"→ "_s + state) << Qt::endl;
        if (state == u"running") {
            out() << tr("Live at %1").arg(publicUrl()) << Qt::endl;
            return finish(ExitOk);
        }
        if (state == u"failed" || state == u"stopped" || state == u"deleted" || state == u"deleting") {
            QString why = event.value(u"reason"_s).toString();
            if (why.isEmpty())
                why = event.value(u"detail"_s).toString();
            err() << tr("error: the deployment is %1 after %2%3")
                         .arg(state, previous.isEmpty() ? tr("submission") : previous,
                              why.isEmpty() ? QString() : u": "_s + why)
                  << Qt::endl;
            finish(ExitFailed);
        }
    }

    QString publicUrl() const
    {
        if (!m_url.isEmpty())
            return m_url;
        // The relay does not publish its ingress domain/port yet: take them from the options
        // ($TTALKAK_DOMAIN, $TTALKAK_INGRESS_PORT), else the relay's host.
        const QString domain = m_options.domain.isEmpty() ? m_relay->baseUrl().host() : m_options.domain;
        QString url = u"http://"_s + m_options.name + u'.' + domain;
        if (m_options.ingressPort > 0 && m_options.ingressPort != 80)
            url += u':' + QString::number(m_options.ingressPort);
        return url;
    }

    void fail(const core::Error &error) { finish(reportError(error, m_step)); }

    void finish(int code)
    {
        if (m_done)
            return;
        m_done = true;
        m_code = code;
        if (m_live) {
            m_live->disconnect(this); // closing it is not "lost the connection"
            m_live->close();
        }
        if (!m_blobPath.isEmpty())
            QFile::remove(m_blobPath);
        quit(code);
    }

    DeployOptions m_options;
    CliSession &m_session;
    RelayClient *m_relay = nullptr;
    client::RelaySubscription *m_live = nullptr;
    std::optional<client::DeploySpecBuilder> m_builder;
    QJsonObject m_spec;
    QString m_blobPath;
    QString m_url; // the relay's public URL for the deployment, once it said
    int m_targetGeneration = 0;
    std::optional<QTemporaryDir> m_checkout; // --repo: the clone detection runs on
    QString m_deploymentId;
    QString m_step;
    QString m_lastState;
    QString m_lastDetail;
    QTimer m_timeout;
    int m_code = ExitFailed;
    bool m_done = false;
};

} // namespace

int runDeploy(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Deploy a project folder or a git repository."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"deploy"_s, tr("The command."));
    parser.addPositionalArgument(u"path"_s, tr("Project folder (default: the current folder)."), u"[PATH]"_s);
    const QCommandLineOption relayOpt(u"relay"_s, tr("Relay URL (default: the configured one)."), u"url"_s);
    const QCommandLineOption repoOpt(u"repo"_s, tr("Build from this git repository instead of uploading PATH."), u"url"_s);
    const QCommandLineOption refOpt(u"ref"_s, tr("Branch or tag (with --repo)."), u"ref"_s);
    const QCommandLineOption commitOpt(u"commit"_s, tr("Exact commit, 40 hex digits (with --repo)."), u"sha"_s);
    const QCommandLineOption nameOpt(u"name"_s, tr("Deployment name, the first label of its URL (default: the folder's)."), u"name"_s);
    const QCommandLineOption appOpt(u"app"_s, tr("App folder inside a monorepo."), u"dir"_s);
    const QCommandLineOption cpuOpt(u"cpu"_s, tr("CPU in millicores (default 500)."), u"millis"_s, u"500"_s);
    const QCommandLineOption memoryOpt(u"memory"_s, tr("Memory in MB (default 512)."), u"mb"_s, u"512"_s);
    const QCommandLineOption diskOpt(u"disk"_s, tr("Disk in MB (default 1024)."), u"mb"_s, u"1024"_s);
    const QCommandLineOption portOpt(u"port"_s, tr("Container port (default: detected)."), u"port"_s);
    const QCommandLineOption envOpt(u"env"_s, tr("Runtime variable K=V (repeatable)."), u"K=V"_s);
    const QCommandLineOption noWaitOpt(u"no-wait"_s, tr("Return once the deployment is queued."));
    const QCommandLineOption timeoutOpt(u"timeout"_s, tr("Seconds to wait for running (default 900)."), u"s"_s, u"900"_s);
    const QCommandLineOption domainOpt(u"domain"_s, tr("The relay's public domain for the printed URL (default $TTALKAK_DOMAIN, else the relay's host)."), u"domain"_s);
    parser.addOptions({relayOpt, repoOpt, refOpt, commitOpt, nameOpt, appOpt, cpuOpt, memoryOpt, diskOpt, portOpt, envOpt,
                       noWaitOpt, timeoutOpt, domainOpt});
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        out() << parser.helpText();
        return ExitOk;
    }
    const QStringList pos = parser.positionalArguments();
    auto usage = [](const QString &why) {
        err() << tr("error: %1").arg(why) << '\n'
              << tr("usage: ttalkak deploy [PATH | --repo URL [--ref REF] [--commit SHA]] [--name N] [--env K=V]... [--no-wait]")
              << Qt::endl;
        return int(ExitUsage);
    };
    if (pos.size() > 2)
        return usage(tr("one PATH at most"));

    DeployOptions o;
    o.repo = parser.value(repoOpt);
    if (!o.repo.isEmpty() && pos.size() == 2)
        return usage(tr("give PATH or --repo, not both"));
    o.path = QFileInfo(pos.size() == 2 ? pos.at(1) : QDir::currentPath()).absoluteFilePath();
    if (o.repo.isEmpty() && !QFileInfo(o.path).isDir())
        return usage(tr("%1 is not a folder").arg(o.path));
    o.appDir = parser.value(appOpt);
    // A private repository: the token the provider may use for this clone only.
    o.sourceToken = qEnvironmentVariable("TTALKAK_SOURCE_TOKEN");
    o.ref = parser.value(refOpt);
    o.commit = parser.value(commitOpt);
    if (o.repo.isEmpty() && (parser.isSet(refOpt) || parser.isSet(commitOpt)))
        return usage(tr("--ref and --commit go with --repo"));
    const QString defaultName = o.repo.isEmpty() ? QFileInfo(o.path).fileName()
                                                 : QFileInfo(QUrl(o.repo).path()).completeBaseName();
    o.name = parser.isSet(nameOpt) ? parser.value(nameOpt) : labelFrom(defaultName);
    if (o.name.isEmpty() || labelFrom(o.name) != o.name)
        return usage(tr("--name must be lower-case letters, digits and '-' (it becomes a hostname)"));
    o.relay = parser.value(relayOpt);
    o.domain = parser.isSet(domainOpt) ? parser.value(domainOpt) : qEnvironmentVariable("TTALKAK_DOMAIN");
    o.ingressPort = qEnvironmentVariableIntValue("TTALKAK_INGRESS_PORT");
    bool a = false, b = false, c = false, d = false, e = true;
    o.resources.cpuMillis = parser.value(cpuOpt).toInt(&a);
    o.resources.memoryMb = parser.value(memoryOpt).toInt(&b);
    o.resources.diskMb = parser.value(diskOpt).toInt(&c);
    o.timeoutS = parser.value(timeoutOpt).toInt(&d);
    if (parser.isSet(portOpt))
        o.port = parser.value(portOpt).toInt(&e);
    if (!a || !b || !c || !d || !e || o.timeoutS < 1 || o.resources.cpuMillis < 1 || o.resources.memoryMb < 1)
        return usage(tr("--cpu, --memory, --disk, --port and --timeout take positive numbers"));
    for (const QString &kv : parser.values(envOpt)) {
        const qsizetype eq = kv.indexOf(u'=');
        if (eq <= 0)
            return usage(tr("--env takes K=V, not \"%1\"").arg(kv));
        o.env.insert(kv.left(eq), kv.mid(eq + 1));
    }
    o.wait = !parser.isSet(noWaitOpt);

    CliSession session;
    DeployRun run(std::move(o), session);
    run.start();
    runEventLoop();
    return run.code();
}

} // namespace ttalkak::cli
