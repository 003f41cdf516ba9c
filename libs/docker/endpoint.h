#pragma once
// Endpoint: where the Docker engine listens and how to reach it (unix socket or TCP, TLS optional).
// A plain value; parse it from a DOCKER_HOST string or take the environment's choice.
//
//   auto ep = Endpoint::fromEnvironment();           // DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH
//   auto ep = Endpoint::parse(u"tcp://10.0.0.5:2376"_s);

#include <core/result.h>

#include <QString>

namespace ttalkak::docker {

struct TlsFiles
{
    QString caFile; // PEM bundle the server certificate must chain to (empty: system CAs)
    QString certFile; // client certificate (PEM)
    QString keyFile; // client private key (PEM, unencrypted)
    bool verifyPeer = true;
};

class Endpoint
{
public:
    enum class Kind { Unix, Tcp };

    Endpoint() = default;

    static Endpoint unixSocket(const QString &path);
    static Endpoint tcp(const QString &host, quint16 port);

    // Accepts unix:///path, tcp://host[:port], http://, https:// (== tcp with TLS).
    // Anything else (ssh://, npipe://) is ErrorCode::Unsupported.
    static core::Result<Endpoint> parse(const QString &dockerHost);
    // DOCKER_HOST (default unix:///var/run/docker.sock); DOCKER_TLS_VERIFY=1 turns on TLS with
    // ca.pem/cert.pem/key.pem from DOCKER_CERT_PATH (default ~/.docker).
    static core::Result<Endpoint> fromEnvironment();

    Kind kind() const { return m_kind; }
    const QString &socketPath() const { return m_path; }
    const QString &host() const { return m_host; }
    quint16 port() const { return m_port; }

    bool usesTls() const { return m_tls; }
    const TlsFiles &tlsFiles() const { return m_tlsFiles; }
    void setTls(const TlsFiles &files);

    // The value for the HTTP Host header.
    QByteArray hostHeader() const;
    // unix:///var/run/docker.sock, tcp://host:2376 — for messages.
    QString toString() const;

private:
    Kind m_kind = Kind::Unix;
    QString m_path = QStringLiteral("/var/run/docker.sock");
    QString m_host;
    quint16 m_port = 0;
    bool m_tls = false;
    TlsFiles m_tlsFiles;
};

} // namespace ttalkak::docker
