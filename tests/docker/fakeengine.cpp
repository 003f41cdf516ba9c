#include "fakeengine.h"

FakeEngine::FakeEngine(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QLocalServer::newConnection, this, &FakeEngine::onNewConnection);
    on("/_ping", [this](const FakeRequest &, QLocalSocket *s) {
        reply(s, 200, "OK", "text/plain", "API-Version: " + m_apiVersion + "\r\nOSType: linux\r\n");
    });
}

FakeEngine::~FakeEngine()
{
    for (const auto &s : std::as_const(m_sockets)) {
        if (s) {
            s->disconnect(this);
            s->abort();
        }
    }
}

bool FakeEngine::listen()
{
    return m_server.listen(m_dir.filePath(QStringLiteral("docker.sock")));
}

QString FakeEngine::socketPath() const
{
    return m_server.fullServerName();
}

void FakeEngine::on(const QByteArray &pathPrefix, Handler handler)
{
    m_routes.prepend({ pathPrefix, std::move(handler) });
}

int FakeEngine::openConnections() const
{
    int n = 0;
    for (const auto &s : m_sockets)
        n += (s && s->state() == QLocalSocket::ConnectedState) ? 1 : 0;
    return n;
}

void FakeEngine::onNewConnection()
{
    while (QLocalSocket *s = m_server.nextPendingConnection()) {
        m_sockets.append(s);
        connect(s, &QLocalSocket::readyRead, this, [this, s] { onReadyRead(s); });
        connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
        connect(s, &QObject::destroyed, this, [this, s] { m_buffers.remove(s); });
    }
}

void FakeEngine::onReadyRead(QLocalSocket *s)
{
    QByteArray &buf = m_buffers[s];
    buf += s->readAll();
    const qsizetype headEnd = buf.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    FakeRequest req;
    const QList<QByteArray> lines = buf.left(headEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    req.method = first.value(0);
    req.target = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            req.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    QByteArray rest = buf.mid(headEnd + 4);
    if (req.headers.value("transfer-encoding") == "chunked") {
        // Wait for the terminating chunk, then decode.
        QByteArray body;
        qsizetype pos = 0;
        bool complete = false;
        while (true) {
            const qsizetype eol = rest.indexOf("\r\n", pos);
            if (eol < 0)
                break;
            bool ok = false;
            const qsizetype size = rest.mid(pos, eol - pos).toLongLong(&ok, 16);
            if (!ok)
                break;
            if (size == 0) {
                complete = rest.size() >= eol + 4;
                break;
            }
            if (rest.size() < eol + 2 + size + 2)
                break;
            body += rest.mid(eol + 2, size);
            pos = eol + 2 + size + 2;
        }
        if (!complete)
            return;
        req.body = body;
    } else {
        const qsizetype len = req.headers.value("content-length").toLongLong();
        if (rest.size() < len)
            return;
        req.body = rest.left(len);
    }
    buf.clear();
    req.path = req.target.left(req.target.indexOf('?') < 0 ? req.target.size() : req.target.indexOf('?'));
    if (req.path.startsWith("/v")) {
        const qsizetype slash = req.path.indexOf('/', 1);
        if (slash > 0)
            req.path = req.path.mid(slash);
    }
    m_requests.append(req);
    for (const auto &[prefix, handler] : std::as_const(m_routes)) {
        if (req.path.startsWith(prefix)) {
            handler(req, s);
            return;
        }
    }
    reply(s, 404, R"({"message":"page not found"})");
}

void FakeEngine::reply(
    QLocalSocket *s, int status, const QByteArray &body, const QByteArray &contentType, const QByteArray &extraHeaders)
{
    s->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body);
}

void FakeEngine::startChunked(QLocalSocket *s, int status, const QByteArray &contentType)
{
    s->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
        + "\r\nTransfer-Encoding: chunked\r\n\r\n");
}

void FakeEngine::chunk(QLocalSocket *s, const QByteArray &data)
{
    s->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void FakeEngine::endChunked(QLocalSocket *s)
{
    s->write("0\r\n\r\n");
}
