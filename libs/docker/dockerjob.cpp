#include "dockerjob.h"

#include "clientcontext_p.h"
#include "httpconnection_p.h"
#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QVersionNumber>

namespace ttalkak::docker {

using core::Error;
using core::ErrorCode;
using Internal::HttpConnection;
using Internal::HttpRequest;

namespace {
constexpr qsizetype kMaxErrorBody = 64 * 1024;

QVersionNumber toVersion(QByteArrayView v)
{
    return QVersionNumber::fromString(QString::fromLatin1(v));
}
} // namespace

DockerJob::DockerJob(std::shared_ptr<Internal::ClientContext> context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
}

DockerJob::~DockerJob()
{
    if (m_connection) {
        m_connection->abort();
        delete m_connection;
    }
}

void DockerJob::start()
{
    if (m_started)
        return;
    m_started = true;
    // Deferred so that result never fires inside start(), even for immediate connection errors.
    QMetaObject::invokeMethod(this, &DockerJob::run, Qt::QueuedConnection);
}

bool DockerJob::kill()
{
    if (m_finished)
        return false;
    finish(Error(ErrorCode::Cancelled, tr("Cancelled")));
    return true;
}

void DockerJob::run()
{
    if (m_finished)
        return;
    if (m_hasPresetError) {
        finish(m_presetError);
        return;
    }
    if (m_context->apiVersion.isEmpty())
        sendPing();
    else
        sendMain();
}

void DockerJob::sendPing()
{
    m_connection = new HttpConnection(m_context->endpoint, this);
    HttpRequest req;
    req.target = QByteArrayLiteral("/_ping");
    req.connectTimeoutMs = m_context->connectTimeoutMs;
    req.headerTimeoutMs = req.idleTimeoutMs = m_context->requestTimeoutMs;
    HttpConnection *conn = m_connection;
    connect(conn, &HttpConnection::failed, this, [this](const Error &e) { finish(e); });
    connect(conn, &HttpConnection::bodyData, this, [this](const QByteArray &d) {
        if (m_errorBody.size() < kMaxErrorBody)
            m_errorBody += d;
    });
    connect(conn, &HttpConnection::finished, this, [this, conn] {
        const QByteArray announced = conn->header("api-version");
        const int status = conn->statusCode();
        m_connection = nullptr;
        conn->deleteLater();
        if (status != 200) {
            finish(errorFromResponse(status, m_errorBody, QStringLiteral("GET /_ping")));
            return;
        }
        m_errorBody.clear();
        QByteArray use = Internal::kMaxApiVersion.toByteArray();
        if (!announced.isEmpty()) {
            const QVersionNumber server = toVersion(announced);
            if (server < toVersion(Internal::kMinApiVersion)) {
                finishWithError(ErrorCode::Unsupported,
                    tr("The Docker engine speaks API %1; at least %2 is needed")
                        .arg(QString::fromLatin1(announced), QString::fromLatin1(Internal::kMinApiVersion)));
                return;
            }
            if (server < toVersion(Internal::kMaxApiVersion))
                use = announced;
        }
        m_context->serverVersion = announced;
        m_context->osType = conn->header("ostype");
        m_context->apiVersion = use;
        qCDebug(lcDocker) << "negotiated API" << use << "(engine" << announced << ")";
        sendMain();
    });
    conn->start(std::move(req));
}

void DockerJob::sendMain()
{
    if (m_finished)
        return;
    HttpRequest req = makeRequest();
    const qsizetype q = req.target.indexOf('?');
    m_what = QString::fromLatin1(req.method) + u' ' + QString::fromUtf8(q < 0 ? req.target : req.target.left(q));
    req.connectTimeoutMs = m_context->connectTimeoutMs;
    const int timeout = m_timeoutMs >= 0 ? m_timeoutMs : m_context->requestTimeoutMs;
    req.headerTimeoutMs = timeout > 0 ? timeout : 0;
    req.idleTimeoutMs = isStream() ? (m_timeoutMs >= 0 ? m_timeoutMs : 0) : timeout;

    m_connection = new HttpConnection(m_context->endpoint, this);
    HttpConnection *conn = m_connection;
    connect(conn, &HttpConnection::failed, this, [this](const Error &e) { finish(e); });
    connect(conn, &HttpConnection::headersReceived, this, [this, conn] { m_status = conn->statusCode(); });
    connect(conn, &HttpConnection::bodyData, this, [this](const QByteArray &d) {
        const bool ok = (m_status >= 200 && m_status < 300) || m_status == 304;
        if (ok)
            handleData(d);
        else if (m_errorBody.size() < kMaxErrorBody)
            m_errorBody += d;
    });
    connect(conn, &HttpConnection::finished, this, [this] {
        const bool ok = (m_status >= 200 && m_status < 300) || m_status == 304;
        if (ok)
            handleFinished();
        else
            finish(errorFromResponse(m_status, m_errorBody, m_what));
    });
    conn->start(std::move(req));
}

void DockerJob::handleFinished()
{
    finish();
}

void DockerJob::finish(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_failed = error.code() != ErrorCode::Unknown || !error.message().isEmpty();
    m_error = error;
    if (m_connection) {
        m_connection->abort();
        m_connection->deleteLater();
        m_connection = nullptr;
    }
    if (m_failed)
        qCDebug(lcDocker) << m_what << "failed:" << core::errorCodeName(error.code()) << error.message();
    Q_EMIT result(this);
    if (m_autoDelete)
        deleteLater();
}

void DockerJob::finishWithError(ErrorCode code, const QString &message)
{
    finish(Error(code, message));
}

QByteArray DockerJob::versioned(QByteArrayView path) const
{
    return QByteArray("/v" + m_context->apiVersion + path.toByteArray());
}

void DockerJob::setReadPaused(bool paused)
{
    if (m_connection)
        m_connection->setPaused(paused);
}

Error DockerJob::errorFromResponse(int status, const QByteArray &body, const QString &what)
{
    QString message;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        message = doc.object().value(u"message").toString();
    if (message.isEmpty())
        message = QString::fromUtf8(body).trimmed();
    if (message.isEmpty())
        message = QStringLiteral("HTTP %1").arg(status);
    ErrorCode code = ErrorCode::Remote;
    switch (status) {
    case 400:
        code = ErrorCode::InvalidInput;
        break;
    case 401:
    case 403:
        code = ErrorCode::PermissionDenied;
        break;
    case 404:
        code = ErrorCode::NotFound;
        break;
    case 503:
        code = ErrorCode::Unavailable;
        break;
    default:
        break;
    }
    return Error(code, QStringLiteral("%1 (HTTP %2 on %3)").arg(message).arg(status).arg(what));
}

} // namespace ttalkak::docker
