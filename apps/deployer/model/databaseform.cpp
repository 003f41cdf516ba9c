#include "databaseform.h"

#include <QRegularExpression>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

QList<DatabaseForm::Engine> DatabaseForm::engines()
{
    return { { u"mysql"_s, u"MySQL"_s, u"8.4"_s }, { u"mariadb"_s, u"MariaDB"_s, u"11"_s },
        { u"postgres"_s, u"PostgreSQL"_s, u"16"_s }, { u"redis"_s, u"Redis"_s, u"7"_s },
        { u"mongo"_s, u"MongoDB"_s, u"7"_s } };
}

QStringList DatabaseForm::errors() const
{
    QStringList out;
    bool known = false;
    for (const Engine &e : engines())
        known = known || e.id == engine;
    if (!known)
        out.append(tr("Choose an engine."));
    // The relay's rule for names: letters, digits, . _ -, up to 100.
    static const QRegularExpression valid(u"^[A-Za-z0-9._-]{1,100}$"_s);
    if (name.trimmed().isEmpty())
        out.append(tr("Enter a name."));
    else if (!valid.match(name.trimmed()).hasMatch())
        out.append(tr("The name may use letters, digits, '.', '_' and '-' (up to 100)."));
    if (version.size() > 32)
        out.append(tr("The version is too long."));
    if (cpuMillis < 100 || cpuMillis > 8000)
        out.append(tr("CPU must be between 0.1 and 8 cores."));
    if (memoryMb < 64 || memoryMb > 16384)
        out.append(tr("Memory must be between 64 MB and 16 GB."));
    const int minDisk = engine == u"redis"_s ? 128 : 512; // room for the engine's data files
    if (diskMb < minDisk || diskMb > 102400)
        out.append(tr("Disk must be between %1 MB and 100 GB.").arg(minDisk));
    return out;
}

QJsonObject DatabaseForm::body() const
{
    QJsonObject o { { u"name"_s, name.trimmed() }, { u"engine"_s, engine },
        { u"resources"_s,
            QJsonObject { { u"cpuMillis"_s, cpuMillis }, { u"memoryMb"_s, memoryMb }, { u"diskMb"_s, diskMb } } } };
    if (!version.trimmed().isEmpty())
        o.insert(u"version"_s, version.trimmed());
    return o;
}

} // namespace ttalkak::deployer
