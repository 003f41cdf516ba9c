#include "appicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace ttalkak::provider::ui {

QIcon AppIcon::make(const QColor &status)
{
    QIcon icon;
    for (int size : { 16, 22, 32, 48, 64, 128 }) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal r = size * 0.22;
        QPainterPath body;
        body.addRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), r, r);
        p.fillPath(body, brandColor());
        // The mark: a bold "T" (Ttalkak) as two bars.
        p.setBrush(Qt::white);
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(QRectF(size * 0.22, size * 0.24, size * 0.56, size * 0.14), size * 0.04, size * 0.04);
        p.drawRoundedRect(QRectF(size * 0.43, size * 0.24, size * 0.14, size * 0.54), size * 0.04, size * 0.04);
        if (status.isValid()) {
            const qreal d = size * 0.42;
            p.setBrush(status);
            p.setPen(QPen(Qt::white, qMax(1.0, size / 16.0)));
            p.drawEllipse(QRectF(size - d - 0.5, size - d - 0.5, d, d));
        }
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

} // namespace ttalkak::provider::ui
