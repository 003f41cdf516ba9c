#pragma once
// Internal: one client connection of HttpIngress. Parses requests (RequestRewriter), forwards them
// on one tunnel stream, observes responses (ResponseObserver) to log one row per request, and
// applies the deployment's limits. Deletes itself when the client connection is over.

#include "accesslogentry.h"
#include "requestrewriter.h"
#include "responseobserver.h"
#include "route.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QTcpSocket;
class QTimer;

namespace ttalkak::tunnel {
class HttpIngress;
class Stream;
class TokenBucket;
enum class ResetCode : quint8;
} // namespace ttalkak::tunnel

namespace ttalkak::tunnel::Internal {

class IngressSession : public QObject
{
    Q_OBJECT
public:
    IngressSession(HttpIngress *ingress, QTcpSocket *socket);
    ~IngressSession() override;

private:
    struct Pending
    {
        AccessLogEntry row;
        QElapsedTimer clock;
        bool complete = false;
    };

    void onClientData();
    bool handleHead(const RequestRewriter::Head &head);
    bool openRoute(const QByteArray &host, const QString &path);
    void onStreamData(const QByteArray &data);
    void onStreamAborted(ResetCode code, const QString &reason);
    void onStreamFinished();
    void onClientBytesWritten(qint64 n);
    void onClientGone();
    void handleCompletedResponses();
    void logFront(int status, qint64 bytesOut);
    void sendError(int status, const QString &detail);
    void sendResponse(int status, const QByteArray &response); // a whole response, then close
    void armTimers();
    void scheduleClock();
    void onClock();
    void closeWhenFlushed();
    void creditStream(qint64 n);
    void finishSession();

    HttpIngress *m_ingress;
    QTcpSocket *m_socket;
    RequestRewriter m_rewriter;
    ResponseObserver m_observer;
    QPointer<Stream> m_stream;
    std::optional<Route> m_route;
    QByteArray m_host;
    std::shared_ptr<TokenBucket> m_bucket;
    QList<Pending> m_pending; // forwarded, response not complete; front is being answered
    int m_incomplete = 0; // how many of m_pending still receive body bytes
    QHostAddress m_peer;
    // The idle and response clocks are deadlines behind one timer that is re-armed only when the
    // nearest deadline moves earlier: restarting two QTimers on every request cost more than the
    // request's own parsing.
    QDeadlineTimer m_idleDeadline { QDeadlineTimer::Forever };
    QDeadlineTimer m_responseDeadline { QDeadlineTimer::Forever };
    QDeadlineTimer m_clockAt { QDeadlineTimer::Forever }; // when m_clock fires next
    QTimer *m_clock;
    QTimer *m_throttleTimer;
    qint64 m_heldCredit = 0; // window credit withheld by the bandwidth limit
    qint64 m_clientBytes = 0;
    bool m_upgraded = false;
    bool m_closing = false; // no more requests: close once the client has everything
    bool m_readPaused = false;
    bool m_done = false;
};

} // namespace ttalkak::tunnel::Internal
