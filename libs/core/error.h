#pragma once
// Error: a value describing what went wrong, where, and (optionally) the line.
// Errors are returned, never thrown, across library boundaries.

#include <QString>

namespace ttalkak::core {

enum class ErrorCode {
    Unknown,
    InvalidInput,   // malformed manifest, bad name, value that would break a file
    NotFound,       // file, project, image...
    Unsupported,    // recognised but not handled (e.g. unknown project type)
    TooLarge,       // size or count limit exceeded
    Unsafe,         // symlink escape, path traversal
    Io,             // filesystem or socket failure
    Timeout,
    Cancelled,
    Remote,         // the other side (Docker engine, relay) reported a failure
    Unavailable,    // a service is not running or not reachable
    PermissionDenied,
};

class Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString message, QString file = {}, int line = 0)
        : m_code(code), m_message(std::move(message)), m_file(std::move(file)), m_line(line)
    {
    }

    ErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }
    // The file the error is about (relative to a repo root where that applies), if any.
    const QString &file() const { return m_file; }
    // 1-based line in file(), 0 when unknown.
    int line() const { return m_line; }

    // "package.json:3: unexpected character" — the form printed to users.
    QString toString() const;

    friend bool operator==(const Error &, const Error &) = default;

private:
    ErrorCode m_code = ErrorCode::Unknown;
    QString m_message;
    QString m_file;
    int m_line = 0;
};

QString errorCodeName(ErrorCode code);

} // namespace ttalkak::core
