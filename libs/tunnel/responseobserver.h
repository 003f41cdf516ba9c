#pragma once
// ResponseObserver: watches the bytes a deployment sends back (which the ingress forwards to the
// client untouched) to find where each response ends, its status and size, whether the
// connection stays open, and a 101 upgrade after which it stops parsing. Uses Debian's
// http-parser. Interim 1xx responses count towards the final one. Pure, no I/O.
//
//   obs.expectRequest("HEAD");             // one call per forwarded request, in order
//   obs.feed(data, size);
//   for (const auto &r : obs.takeCompleted()) log(r.status, r.bytes);

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace ttalkak::tunnel {

class ResponseObserver
{
public:
    struct Response
    {
        int status = 0;
        qint64 bytes = 0;
        bool keepAlive = true;
        bool upgrade = false;
    };

    ResponseObserver();
    ~ResponseObserver();
    ResponseObserver(const ResponseObserver &) = delete;
    ResponseObserver &operator=(const ResponseObserver &) = delete;

    void expectRequest(const QByteArray &method);
    bool feed(const char *data, qsizetype size);
    // The upstream closed: completes a response delimited by end of stream.
    bool finish();
    QList<Response> takeCompleted();

    bool isUpgraded() const { return m_upgraded; }
    bool hasError() const { return !m_error.isEmpty(); }
    const QString &errorString() const { return m_error; }
    // Bytes of the response in progress (0 between responses) and whether its head has arrived.
    qint64 currentBytes() const { return m_rawTotal - m_messageStart; }
    bool currentHeadSeen() const { return m_headSeen; }
    int currentStatus() const { return m_status; }

private:
    struct Parser;
    std::unique_ptr<Parser> m_parser;
    QList<QByteArray> m_methods;
    QList<Response> m_completed;
    qint64 m_rawTotal = 0;
    qint64 m_messageStart = 0;
    int m_status = 0;
    bool m_headSeen = false;
    bool m_upgraded = false;
    QString m_error;
};

} // namespace ttalkak::tunnel
