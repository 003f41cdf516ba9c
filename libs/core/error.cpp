#include "error.h"

namespace ttalkak::core {

QString Error::toString() const
{
    if (m_file.isEmpty())
        return m_message;
    if (m_line > 0)
        return m_file + u':' + QString::number(m_line) + u": " + m_message;
    return m_file + u": " + m_message;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Unknown: return QStringLiteral("unknown");
    case ErrorCode::InvalidInput: return QStringLiteral("invalid-input");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::TooLarge: return QStringLiteral("too-large");
    case ErrorCode::Unsafe: return QStringLiteral("unsafe");
    case ErrorCode::Io: return QStringLiteral("io");
    case ErrorCode::Timeout: return QStringLiteral("timeout");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::Remote: return QStringLiteral("remote");
    case ErrorCode::Unavailable: return QStringLiteral("unavailable");
    case ErrorCode::PermissionDenied: return QStringLiteral("permission-denied");
    }
    return QStringLiteral("unknown");
}

} // namespace ttalkak::core
