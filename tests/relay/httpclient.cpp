#include "httpclient.h"

#include <QSslConfiguration>

#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QNetworkReply *HttpClient::start(const QByteArray &method, const QUrl &url, const QString &token, const QByteArray &body)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    req.setTransferTimeout(10000);
    if (!m_cas.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(m_cas);
        req.setSslConfiguration(ssl);
    }
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return m_nam.sendCustomRequest(req, method, body);
}

HttpResult HttpClient::finish(QNetworkReply *reply)
{
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.append({pair.first, pair.second});
    reply->deleteLater();
    return r;
}

HttpResult HttpClient::request(const QByteArray &method, const QUrl &url, const QString &token, const QByteArray &body, int timeoutMs)
{
    QNetworkReply *reply = start(method, url, token, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs)) {
        reply->abort();
        reply->deleteLater();
        return {};
    }
    return finish(reply);
}

HttpResult HttpClient::post(const QUrl &url, const QString &token, const QJsonObject &body)
{
    return request("POST", url, token, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult curl(const QByteArray &method, const QUrl &url, const QString &token, const QByteArray &body)
{
    QStringList args{u"-sS"_s, u"--max-time"_s, u"10"_s, u"-X"_s, QString::fromLatin1(method), u"-w"_s, u"\n%{http_code}"_s};
    if (!token.isEmpty())
        args << u"-H"_s << u"Authorization: Bearer "_s + token;
    if (!body.isEmpty())
        args << u"-H"_s << u"Content-Type: application/json"_s << u"--data-binary"_s << QString::fromUtf8(body);
    args << url.toString();
    QProcess p;
    p.start(u"curl"_s, args);
    HttpResult r;
    if (!p.waitForFinished(15000))
        return r;
    const QByteArray out = p.readAllStandardOutput();
    const qsizetype nl = out.lastIndexOf('\n');
    r.status = out.mid(nl + 1).trimmed().toInt();
    r.body = out.left(nl);
    r.json = QJsonDocument::fromJson(r.body).object();
    return r;
}
