#pragma once
// AppIcon: the provider's icon, drawn rather than shipped so the tray can tint it by state
// (green sharing, amber paused or draining, red engine down).

#include <QColor>
#include <QIcon>

namespace ttalkak::provider::ui {

class AppIcon
{
public:
    static QColor sharingColor() { return QColor(0x16, 0xa3, 0x4a); }
    static QColor pausedColor() { return QColor(0xd9, 0x77, 0x06); }
    static QColor downColor() { return QColor(0xdc, 0x26, 0x26); }
    static QColor brandColor() { return QColor(0x25, 0x63, 0xeb); }

    // A rounded square with the "T" mark and a status dot of the given colour (none if invalid).
    static QIcon make(const QColor &status = QColor());
};

} // namespace ttalkak::provider::ui
