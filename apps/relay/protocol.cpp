#include "protocol.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay::protocol {

Result<Message> parse(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("protocol", "a message must be one JSON object"));
    const QJsonObject o = doc.object();
    if (o.value(u"v"_s).toInt(-1) != kVersion)
        return Error(ErrorCode::Unsupported, QCoreApplication::translate("protocol", "unsupported protocol version; this relay speaks v1"));
    const QJsonValue id = o.value(u"id"_s);
    if (!id.isString() || id.toString().isEmpty() || id.toString().size() > 64)
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("protocol", "\"id\" must be a string of 1 to 64 characters"));
    const QJsonValue type = o.value(u"type"_s);
    if (!type.isString() || type.toString().isEmpty() || type.toString().size() > 64)
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("protocol", "\"type\" must be a non-empty string"));
    return Message{id.toString(), type.toString(), o};
}

QJsonObject ack(const QString &re, QJsonObject fields)
{
    fields.insert(u"v"_s, kVersion);
    fields.insert(u"type"_s, u"ack"_s);
    fields.insert(u"re"_s, re);
    return fields;
}

QJsonObject error(const QString &re, const QString &code, const QString &message)
{
    return {{u"v"_s, kVersion},
            {u"type"_s, u"error"_s},
            {u"re"_s, re.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(re)},
            {u"code"_s, code},
            {u"message"_s, message}};
}

} // namespace ttalkak::relay::protocol
