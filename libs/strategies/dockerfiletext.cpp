#include "dockerfiletext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

Result<void> validateEnvName(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (name.size() > 256 || !re.match(name).hasMatch())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("invalid environment variable name '%1': use letters, digits and _ and do not start with a digit")
                         .arg(name.left(64)));
    return core::ok();
}

Result<void> validateEnvValue(const QString &name, const QString &value)
{
    if (auto n = validateEnvName(name); !n)
        return n;
    if (value.contains(u'\n') || value.contains(u'\r') || value.contains(QChar(0)))
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("value of %1 contains a line break or NUL character, which environment variables cannot hold")
                         .arg(name));
    if (value.size() > 32 * 1024)
        return Error(ErrorCode::TooLarge, QObject::tr("value of %1 is longer than 32 KB").arg(name));
    return core::ok();
}

Result<void> validateToken(const QString &what, const QString &token)
{
    static const QRegularExpression re(u"^[A-Za-z0-9._/@:+=^~-]+$"_s);
    if (token.isEmpty() || token.size() > 256 || !re.match(token).hasMatch() || token.split(u'/').contains(u".."_s))
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("%1 '%2' contains characters that cannot be used safely in a Dockerfile").arg(what, token.left(64)));
    return core::ok();
}

QString execForm(const QStringList &argv)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(argv)).toJson(QJsonDocument::Compact));
}

QString quoted(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\' || c == u'$')
            out += u'\\';
        out += c;
    }
    out += u'"';
    return out;
}

} // namespace ttalkak::strategies
