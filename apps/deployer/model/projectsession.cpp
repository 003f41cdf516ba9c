#include "projectsession.h"
#include "detectionservice.h"
#include "logging.h"
#include "pricequotesource.h"
#include "relaylink.h"

#include <QJsonArray>
#include <QLocale>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

ProjectSession::ProjectSession(DetectionService *detection, RelayLink *relay, PriceQuoteSource *prices, QObject *parent)
    : QObject(parent)
    , m_detection(detection)
    , m_relay(relay)
    , m_prices(prices)
{
    Q_ASSERT(m_detection && m_relay && m_prices);
    connect(m_detection, &DetectionService::finished, this, &ProjectSession::onDetectionFinished);
    connect(m_relay, &RelayLink::connectionChanged, this, &ProjectSession::deployReadinessChanged);
    connect(m_prices, &PriceQuoteSource::quoteChanged, this, &ProjectSession::priceEstimateChanged);
    connect(&m_env, &EnvVarsModel::validityChanged, this, &ProjectSession::deployReadinessChanged);
}

ProjectSession::~ProjectSession() = default;

void ProjectSession::open(const ProjectSource &source)
{
    qCInfo(lcSession) << "open" << source.displayName();
    m_source = source;
    m_keepEdits = false;
    m_appDir.clear();
    m_candidates.clear();
    m_detectRoot = source.kind() == ProjectSource::Kind::LocalFolder ? source.localPath() : QString();
    Q_EMIT sourceChanged();
    if (!m_detectRoot.isEmpty()) {
        startDetection();
        return;
    }
    // A GitHub repository is cloned by the provider at deploy time; there is
    // nothing local to detect, so clear what an earlier folder left behind.
    m_pendingId = 0;
    m_plan.reset();
    m_error.reset();
    m_generated = {};
    m_dockerfile.clear();
    m_dockerignore.clear();
    m_reasons.clear();
    Q_EMIT dockerfileChanged();
    Q_EMIT dockerignoreChanged();
    setState(source.isValid() ? State::Remote : State::Empty);
    Q_EMIT deployReadinessChanged();
}

void ProjectSession::openFetched(const ProjectSource &source, const QString &folder)
{
    qCInfo(lcSession) << "open fetched" << source.displayName();
    m_source = source;
    m_keepEdits = false;
    m_appDir.clear();
    m_candidates.clear();
    m_detectRoot = folder;
    Q_EMIT sourceChanged();
    startDetection();
}

void ProjectSession::setAppDir(const QString &appDir)
{
    if (appDir == m_appDir && m_state != State::Failed)
        return;
    m_appDir = appDir;
    m_keepEdits = false;
    startDetection();
}

void ProjectSession::redetect()
{
    m_keepEdits = false;
    startDetection();
}

void ProjectSession::refreshReasons()
{
    if (m_state != State::Ready && m_state != State::Failed)
        return;
    m_keepEdits = true;
    startDetection();
}

void ProjectSession::startDetection()
{
    if (m_detectRoot.isEmpty())
        return;
    m_pendingId = m_detection->start(m_detectRoot, m_appDir);
    setState(State::Detecting);
    Q_EMIT detectionStarted();
    Q_EMIT deployReadinessChanged();
}

void ProjectSession::onDetectionFinished(const DetectionOutcome &outcome)
{
    if (outcome.id != m_pendingId) {
        qCDebug(lcSession) << "dropping superseded detection" << outcome.id;
        return;
    }
    m_pendingId = 0;
    m_elapsedMs = outcome.elapsedMs;
    m_error = outcome.error;
    m_plan = outcome.plan;
    // Keep the picker stable: a re-detect of one app still lists its siblings.
    if (!outcome.appCandidates.isEmpty() || m_appDir.isEmpty())
        m_candidates = outcome.appCandidates;
    if (!m_appDir.isEmpty() && !m_candidates.contains(m_appDir))
        m_candidates.prepend(m_appDir);
    if (m_plan && m_appDir.isEmpty() && !m_plan->appDir.isEmpty())
        m_appDir = m_plan->appDir; // the strategy chose a module (e.g. a Spring Boot app)

    const bool keepDockerfile = m_keepEdits && isDockerfileModified();
    const bool keepDockerignore = m_keepEdits && isDockerignoreModified();
    m_keepEdits = false;
    m_generated = outcome.ok() ? outcome.files : strategies::Generated {};
    if (!keepDockerfile)
        m_dockerfile = m_generated.dockerfile;
    if (!keepDockerignore)
        m_dockerignore = m_generated.dockerignore;
    m_reasons.setReasons(m_plan ? m_plan->why : QList<strategies::Reason> {});
    if (outcome.ok())
        qCInfo(lcSession) << "detected" << m_plan->framework << "in" << outcome.elapsedMs << "ms";
    else if (m_error)
        qCInfo(lcSession) << "detection failed:" << m_error->toString();

    Q_EMIT dockerfileChanged();
    Q_EMIT dockerignoreChanged();
    setState(outcome.ok() ? State::Ready : State::Failed);
    Q_EMIT detectionFinished();
    Q_EMIT deployReadinessChanged();
}

void ProjectSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ProjectSession::setDockerfile(const QString &text)
{
    if (text == m_dockerfile)
        return;
    m_dockerfile = text;
    Q_EMIT dockerfileChanged();
    Q_EMIT deployReadinessChanged();
}

void ProjectSession::resetDockerfile()
{
    setDockerfile(m_generated.dockerfile);
}

void ProjectSession::setDockerignore(const QString &text)
{
    if (text == m_dockerignore)
        return;
    m_dockerignore = text;
    Q_EMIT dockerignoreChanged();
}

void ProjectSession::resetDockerignore()
{
    setDockerignore(m_generated.dockerignore);
}

void ProjectSession::setResources(const ResourceRequest &request)
{
    const ResourceRequest r = request.bounded();
    if (r == m_resources)
        return;
    m_resources = r;
    Q_EMIT resourcesChanged();
    Q_EMIT priceEstimateChanged();
}

QString ProjectSession::priceEstimate() const
{
    const auto quote = m_prices->quote(m_resources);
    if (!quote)
        return tr("Price estimate available when connected to a relay");
    const QLocale locale;
    return tr("≈ %1 credits / hour · %2 credits / month")
        .arg(locale.toString(double(quote->microPerHour(m_resources)) / 1e6, 'f', 4),
            locale.toString(quote->creditsPerMonth(m_resources), 'f', 2));
}

QStringList ProjectSession::deployBlockers() const
{
    QStringList out;
    if (!m_relay->isConnected())
        out.append(tr("Connect to a relay to deploy: deployments run on providers that the relay assigns."));
    switch (m_state) {
    case State::Empty:
        out.append(tr("Open a project first."));
        break;
    case State::Detecting:
        out.append(tr("Detection is still running."));
        break;
    case State::Failed:
        out.append(tr("Detection failed; fix the error or choose an app folder."));
        break;
    case State::Ready:
        if (m_dockerfile.trimmed().isEmpty())
            out.append(tr("The Dockerfile is empty."));
        break;
    case State::Remote:
        out.append(tr("Choose the repository with \"From GitHub\" so its files can be detected."));
        break;
    }
    const QStringList envErrors = m_env.errors();
    for (const QString &e : envErrors)
        out.append(tr("Environment: %1").arg(e));
    return out;
}

QJsonObject ProjectSession::deploymentSpec() const
{
    QJsonObject source;
    if (m_source.kind() == ProjectSource::Kind::GitHub) {
        source = { { u"type"_s, u"git"_s }, { u"url"_s, m_source.repositoryUrl().toString() },
            { u"ref"_s, m_source.ref() } };
    } else {
        // The relay client packs the folder (honouring .gitignore/.dockerignore) and uploads it as a blob.
        source = { { u"type"_s, u"upload"_s }, { u"path"_s, m_source.localPath() } };
    }
    QJsonArray env;
    for (const EnvVar &v : m_env.variables())
        env.append(QJsonObject { { u"name"_s, v.name }, { u"value"_s, v.value }, { u"secret"_s, v.secret } });
    QJsonObject spec { { u"source"_s, source }, { u"appDir"_s, m_appDir }, { u"dockerfile"_s, m_dockerfile },
        { u"dockerignore"_s, m_dockerignore }, { u"env"_s, env } };
    if (m_plan) {
        spec.insert(u"contextDir"_s, m_plan->contextDir);
        spec.insert(u"port"_s, m_plan->port);
        spec.insert(u"healthPath"_s, m_plan->healthPath);
        spec.insert(u"plan"_s, m_plan->toJson());
    }
    return { { u"name"_s, m_source.displayName() }, { u"spec"_s, spec }, { u"resources"_s, m_resources.toJson() } };
}

} // namespace ttalkak::deployer
