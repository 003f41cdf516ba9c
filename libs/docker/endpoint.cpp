#include "endpoint.h"

#include <QDir>
#include <QUrl>

namespace ttalkak::docker {

using core::Error;
using core::ErrorCode;

Endpoint Endpoint::unixSocket(const QString &path)
{
    Endpoint e;
    e.m_kind = Kind::Unix;
    e.m_path = path;
    return e;
}

Endpoint Endpoint::tcp(const QString &host, quint16 port)
{
    Endpoint e;
    e.m_kind = Kind::Tcp;
    e.m_path.clear();
    e.m_host = host;
    e.m_port = port;
    return e;
}

void Endpoint::setTls(const TlsFiles &files)
{
    m_tls = true;
    m_tlsFiles = files;
}

core::Result<Endpoint> Endpoint::parse(const QString &dockerHost)
{
    const QString s = dockerHost.trimmed();
    if (s.isEmpty())
        return unixSocket(QStringLiteral("/var/run/docker.sock"));
    if (s.startsWith(u"unix://")) {
        const QString path = s.mid(7);
        if (path.isEmpty() || !path.startsWith(u'/'))
            return Error(
                ErrorCode::InvalidInput, QStringLiteral("DOCKER_HOST %1: unix socket path must be absolute").arg(s));
        return unixSocket(path);
    }
    if (s.startsWith(u'/'))
        return unixSocket(s);
    const bool https = s.startsWith(u"https://");
    if (s.startsWith(u"tcp://") || s.startsWith(u"http://") || https) {
        const QUrl url(https || s.startsWith(u"http://") ? s : QStringLiteral("http://") + s.mid(6));
        if (!url.isValid() || url.host().isEmpty())
            return Error(ErrorCode::InvalidInput, QStringLiteral("DOCKER_HOST %1: not a valid host:port").arg(s));
        if (!url.path().isEmpty() && url.path() != u"/")
            return Error(
                ErrorCode::Unsupported, QStringLiteral("DOCKER_HOST %1: a path prefix is not supported").arg(s));
        // Docker's defaults: 2375 plain, 2376 TLS.
        Endpoint e = tcp(url.host(), quint16(url.port(https ? 2376 : 2375)));
        if (https)
            e.m_tls = true;
        return e;
    }
    return Error(
        ErrorCode::Unsupported, QStringLiteral("DOCKER_HOST %1: only unix:// and tcp:// are supported").arg(s));
}

core::Result<Endpoint> Endpoint::fromEnvironment()
{
    auto r = parse(qEnvironmentVariable("DOCKER_HOST"));
    if (!r)
        return r;
    Endpoint e = *r;
    const QString verify = qEnvironmentVariable("DOCKER_TLS_VERIFY");
    const bool tlsVerify = !verify.isEmpty() && verify != u"0";
    if (e.kind() == Kind::Tcp && (tlsVerify || e.m_tls)) {
        QString dir = qEnvironmentVariable("DOCKER_CERT_PATH");
        if (dir.isEmpty())
            dir = QDir::home().filePath(QStringLiteral(".docker"));
        const QDir d(dir);
        TlsFiles files;
        if (d.exists(QStringLiteral("ca.pem")))
            files.caFile = d.filePath(QStringLiteral("ca.pem"));
        if (d.exists(QStringLiteral("cert.pem")))
            files.certFile = d.filePath(QStringLiteral("cert.pem"));
        if (d.exists(QStringLiteral("key.pem")))
            files.keyFile = d.filePath(QStringLiteral("key.pem"));
        files.verifyPeer = tlsVerify;
        e.setTls(files);
    }
    return e;
}

QByteArray Endpoint::hostHeader() const
{
    if (m_kind == Kind::Unix)
        return QByteArrayLiteral("docker"); // what the Docker CLI sends over a unix socket
    return m_host.toUtf8() + ':' + QByteArray::number(m_port);
}

QString Endpoint::toString() const
{
    if (m_kind == Kind::Unix)
        return QStringLiteral("unix://") + m_path;
    return (m_tls ? QStringLiteral("https://") : QStringLiteral("tcp://")) + m_host + u':' + QString::number(m_port);
}

} // namespace ttalkak::docker
