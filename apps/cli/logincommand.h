#pragma once
// `ttalkak login [--relay URL] [--email E] [--password-stdin] [--signup]`: signs in (or up) and
// keeps the token in the keychain for that relay; --relay is remembered in the settings.
// Without --email/--password-stdin it asks on the terminal (password not echoed).

#include <QStringList>

namespace ttalkak::cli {

int runLogin(const QStringList &arguments);

} // namespace ttalkak::cli
