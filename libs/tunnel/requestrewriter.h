#pragma once
// RequestRewriter: parses what an HTTP/1.x client sends (Debian's http-parser, never string
// splitting) and produces what goes up the tunnel: each head re-serialised without client-supplied
// forwarding headers and with X-Forwarded-For/Proto/Host set by us; bodies passed on (chunked
// bodies re-chunked as they are decoded, trailers dropped). After an Upgrade request (WebSocket)
// everything further is passed through raw. Pure, no I/O; fuzzed by fuzz_requestrewriter.
//
//   RequestRewriter rw("203.0.113.9", "https");
//   QByteArray up;
//   if (!rw.feed(data, size, up)) answer(rw.errorStatus());
//   for (const auto &head : rw.takeHeads()) route(head);   // head.outputOffset indexes `up`
//   for (qint64 n : rw.takeCompleted()) account(n);         // raw bytes of each finished request

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace ttalkak::tunnel {

class RequestRewriter
{
public:
    struct Head
    {
        QByteArray method;
        QByteArray target;
        QByteArray host;
        bool upgrade = false;
        qsizetype outputOffset = 0; // where this request's bytes begin in the feed()'s output
    };

    RequestRewriter(const QByteArray &clientAddress, const QByteArray &proto);
    ~RequestRewriter();
    RequestRewriter(const RequestRewriter &) = delete;
    RequestRewriter &operator=(const RequestRewriter &) = delete;

    // Consumes data; appends bytes for upstream to `out`. False on malformed input, after which
    // the rewriter stays failed (errorStatus(): 400 or 431, errorString()).
    bool feed(const char *data, qsizetype size, QByteArray &out);
    QList<Head> takeHeads();
    QList<qint64> takeCompleted();

    bool isUpgraded() const { return m_upgraded; }
    bool hasError() const { return m_errorStatus != 0; }
    int errorStatus() const { return m_errorStatus; }
    const QString &errorString() const { return m_error; }
    // Raw bytes of the request currently being received (for rows of unfinished requests).
    qint64 currentRequestBytes() const { return m_rawTotal - m_messageStart; }

private:
    struct Parser;
    std::unique_ptr<Parser> m_parser;
    QByteArray m_clientAddress;
    QByteArray m_proto;
    QList<Head> m_heads;
    QList<qint64> m_completed;
    qint64 m_rawTotal = 0;
    qint64 m_messageStart = 0;
    bool m_upgraded = false;
    int m_errorStatus = 0;
    QString m_error;
};

} // namespace ttalkak::tunnel
