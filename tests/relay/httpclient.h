#pragma once
// Test HTTP clients: HttpClient (QNetworkAccessManager, for bulk and concurrent requests) and
// curl() (the real curl binary via QProcess with an argument list, no shell).

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QUrl>

struct HttpResult
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QByteArray header(const QByteArray &name) const;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

class HttpClient
{
public:
    HttpResult request(const QByteArray &method, const QUrl &url, const QString &token = {}, const QByteArray &body = {},
                       int timeoutMs = 10000);
    HttpResult get(const QUrl &url, const QString &token = {}) { return request("GET", url, token); }
    HttpResult post(const QUrl &url, const QString &token, const QJsonObject &body);
    // Starts a request without waiting; the reply is owned by the manager.
    class QNetworkReply *start(const QByteArray &method, const QUrl &url, const QString &token, const QByteArray &body);
    static HttpResult finish(class QNetworkReply *reply);
    // HTTPS: trust exactly these (a test's self-signed certificate).
    void setCaCertificates(const QList<QSslCertificate> &cas) { m_cas = cas; }

private:
    QNetworkAccessManager m_nam;
    QList<QSslCertificate> m_cas;
};

// curl -sS -X METHOD [-H Authorization] [--data-binary BODY] URL; status from -w.
HttpResult curl(const QByteArray &method, const QUrl &url, const QString &token = {}, const QByteArray &body = {});
