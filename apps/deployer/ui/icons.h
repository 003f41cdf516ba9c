#pragma once
// The deployer's icons: simple SVGs compiled in from resources/icons.

#include <QIcon>

namespace ttalkak::deployer::icons {
// "projects" -> :/ttalkak/icons/projects.svg
QIcon icon(const QString &name);
} // namespace ttalkak::deployer::icons
