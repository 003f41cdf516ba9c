#include "requestbody.h"

#include <QFile>

namespace ttalkak::docker {

using core::Error;
using core::ErrorCode;

RequestBody::~RequestBody() = default;

namespace {

class BytesBody final : public RequestBody
{
public:
    BytesBody(QByteArray data, QByteArray type)
        : m_data(std::move(data))
        , m_type(std::move(type))
    {
    }
    qint64 size() const override { return m_data.size(); }
    core::Result<void> read(QByteArray &out, qint64 maxBytes) override
    {
        const qint64 n = std::min<qint64>(maxBytes, m_data.size() - m_pos);
        out.append(m_data.constData() + m_pos, n);
        m_pos += n;
        return core::ok();
    }
    bool atEnd() const override { return m_pos >= m_data.size(); }
    qint64 bytesProduced() const override { return m_pos; }
    QByteArray contentType() const override { return m_type; }

private:
    QByteArray m_data;
    QByteArray m_type;
    qint64 m_pos = 0;
};

class FileBody final : public RequestBody
{
public:
    explicit FileBody(const QString &path)
        : m_file(path)
    {
    }
    qint64 size() const override { return m_size; }
    core::Result<void> open()
    {
        if (!m_file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Io, m_file.errorString(), m_file.fileName());
        m_size = m_file.size();
        return core::ok();
    }
    core::Result<void> read(QByteArray &out, qint64 maxBytes) override
    {
        const qint64 old = out.size();
        const qint64 want = std::min(maxBytes, m_size - m_pos);
        out.resize(old + want);
        const qint64 got = m_file.read(out.data() + old, want);
        if (got < 0 || (got == 0 && want > 0)) {
            out.resize(old);
            return Error(ErrorCode::Io, QStringLiteral("cannot read: %1").arg(m_file.errorString()), m_file.fileName());
        }
        out.resize(old + got);
        m_pos += got;
        return core::ok();
    }
    bool atEnd() const override { return m_pos >= m_size; }
    qint64 bytesProduced() const override { return m_pos; }

private:
    QFile m_file;
    qint64 m_size = -1;
    qint64 m_pos = 0;
};

class FailedBody final : public RequestBody
{
public:
    explicit FailedBody(Error e)
        : m_error(std::move(e))
    {
    }
    core::Result<void> read(QByteArray &, qint64) override { return m_error; }
    bool atEnd() const override { return false; }
    qint64 bytesProduced() const override { return 0; }

private:
    Error m_error;
};

} // namespace

std::unique_ptr<RequestBody> RequestBody::fromBytes(QByteArray data, QByteArray contentType)
{
    return std::make_unique<BytesBody>(std::move(data), std::move(contentType));
}

std::unique_ptr<RequestBody> RequestBody::fromFile(const QString &path)
{
    auto body = std::make_unique<FileBody>(path);
    if (auto r = body->open(); !r)
        return std::make_unique<FailedBody>(r.error()); // reported when the job starts sending
    return body;
}

} // namespace ttalkak::docker
