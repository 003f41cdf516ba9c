#pragma once
// Autostart: "start sharing when I log in", the freedesktop way — an entry in
// $XDG_CONFIG_HOME/autostart (default ~/.config/autostart) that starts this program hidden in
// the tray. No shell: Exec holds the program's path, quoted per the Desktop Entry spec.
//
//   Autostart a;  a.setEnabled(true);  // writes ttalkak-provider.desktop
//
// Thread: any; the file is the state (no cache), so several windows agree.

#include <core/result.h>

#include <QString>

namespace ttalkak::provider::ui {

class Autostart
{
public:
    // program: what to start (default: this executable); dir: where autostart entries live.
    explicit Autostart(QString program = {}, QString dir = {});

    bool isEnabled() const;
    core::Result<void> setEnabled(bool enabled);
    QString entryPath() const;

    // The Exec value for `program --minimized`, with Desktop Entry quoting rules applied.
    static QString execLine(const QString &program);

private:
    QString m_program;
    QString m_dir;
};

} // namespace ttalkak::provider::ui
