#pragma once
// The control protocol's envelope (docs/protocol.md): every message is one JSON object in one
// WebSocket text frame, {"v":1,"id":"...","type":"...", ...fields}. Replies carry "re": the id
// they answer. Validation here is structural; each handler checks its own fields.

#include <core/result.h>

#include <QJsonObject>
#include <QString>

namespace ttalkak::relay::protocol {

inline constexpr int kVersion = 1;

struct Message
{
    QString id;
    QString type;
    QJsonObject body; // the whole object, envelope fields included
};

core::Result<Message> parse(const QByteArray &text);
QJsonObject ack(const QString &re, QJsonObject fields = {});
QJsonObject error(const QString &re, const QString &code, const QString &message);

} // namespace ttalkak::relay::protocol
