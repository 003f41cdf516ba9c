#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QStandardPaths>

namespace ttalkak::provider::ui {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

Autostart::Autostart(QString program, QString dir)
    : m_program(program.isEmpty() ? QCoreApplication::applicationFilePath() : std::move(program))
    , m_dir(dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::ConfigLocation) + u"/autostart"_s
                          : std::move(dir))
{
}

QString Autostart::entryPath() const
{
    return m_dir + u"/ttalkak-provider.desktop"_s;
}

bool Autostart::isEnabled() const
{
    return QFile::exists(entryPath());
}

QString Autostart::execLine(const QString &program)
{
    // Desktop Entry spec: an argument with reserved characters is double-quoted, and inside the
    // quotes ", `, $ and \ are escaped with a backslash; % is doubled everywhere.
    QString quoted;
    for (const QChar c : program) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    quoted.replace(u"%"_s, u"%%"_s);
    return u'"' + quoted + u"\" --minimized"_s;
}

core::Result<void> Autostart::setEnabled(bool enabled)
{
    if (!enabled) {
        if (QFile::exists(entryPath()) && !QFile::remove(entryPath()))
            return Error(ErrorCode::Io, QCoreApplication::translate("Autostart", "cannot remove %1").arg(entryPath()));
        return core::ok();
    }
    if (!QDir().mkpath(m_dir))
        return Error(ErrorCode::Io, QCoreApplication::translate("Autostart", "cannot create %1").arg(m_dir));
    QSaveFile f(entryPath());
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, f.errorString(), entryPath());
    const QString entry = u"[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Ttalkak Provider\n"
                          "Comment=Share this machine's idle resources with Ttalkak\n"
                          "Exec="_s
        + execLine(m_program)
        + u"\nIcon=ttalkak-provider\n"
          "Terminal=false\n"
          "X-GNOME-Autostart-enabled=true\n"_s;
    f.write(entry.toUtf8());
    if (!f.commit())
        return Error(ErrorCode::Io, f.errorString(), entryPath());
    return core::ok();
}

} // namespace ttalkak::provider::ui
