#include "icons.h"

#include <QPainter>
#include <QPixmap>

namespace ttalkak::deployer::icons {

using namespace Qt::StringLiterals;

QIcon icon(const QString &name)
{
    return QIcon(u":/ttalkak/icons/%1.svg"_s.arg(name));
}

QIcon tinted(const QString &name, const QColor &color)
{
    const QIcon base = icon(name);
    QIcon out;
    for (int size : { 16, 20, 24, 32, 48 }) {
        QPixmap pixmap = base.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn); // keep the shape, replace the colour
        painter.fillRect(pixmap.rect(), color);
        painter.end();
        out.addPixmap(pixmap);
    }
    return out;
}

} // namespace ttalkak::deployer::icons
