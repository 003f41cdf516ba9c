#include "icons.h"

namespace ttalkak::deployer::icons {

using namespace Qt::StringLiterals;

QIcon icon(const QString &name)
{
    return QIcon(u":/ttalkak/icons/%1.svg"_s.arg(name));
}

} // namespace ttalkak::deployer::icons
