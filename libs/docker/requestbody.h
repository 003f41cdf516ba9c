#pragma once
// RequestBody: a request body produced piece by piece, so large uploads (build contexts, image
// tarballs) stream through the socket without being held in memory. Owned by the job that sends
// it; read on the job's thread whenever the socket's write buffer runs low.

#include <core/result.h>

#include <QByteArray>
#include <QString>

#include <memory>

namespace ttalkak::docker {

class RequestBody
{
public:
    virtual ~RequestBody();

    // Total size when known up front (sent as Content-Length); -1 sends the body chunked.
    virtual qint64 size() const { return -1; }
    // Append roughly up to maxBytes of the next bytes to out (may append fewer, or more when one
    // record cannot be split). An error aborts the request.
    virtual core::Result<void> read(QByteArray &out, qint64 maxBytes) = 0;
    virtual bool atEnd() const = 0;
    // What was produced so far, for progress reporting.
    virtual qint64 bytesProduced() const = 0;
    virtual QByteArray contentType() const { return QByteArrayLiteral("application/x-tar"); }

    static std::unique_ptr<RequestBody> fromBytes(QByteArray data, QByteArray contentType);
    // A file streamed as-is (an image tarball for /images/load).
    static std::unique_ptr<RequestBody> fromFile(const QString &path);
};

} // namespace ttalkak::docker
