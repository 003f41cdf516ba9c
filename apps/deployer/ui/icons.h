#pragma once
// The deployer's icons: simple SVGs compiled in from resources/icons.

#include <QColor>
#include <QIcon>

namespace ttalkak::deployer::icons {
// "projects" -> :/ttalkak/icons/projects.svg
QIcon icon(const QString &name);
// The same shape in another colour: the SVGs carry one stroke colour (the rocket is white
// for the blue Deploy button), which would vanish on a white button.
QIcon tinted(const QString &name, const QColor &color);
} // namespace ttalkak::deployer::icons
