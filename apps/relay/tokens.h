#pragma once
// Random identifiers and bearer tokens. Tokens are 32 random bytes from the system CSPRNG,
// shown once to their owner and stored only as their SHA-256 (hashToken()).

#include <QByteArray>
#include <QString>

namespace ttalkak::relay::tokens {

enum class Kind { User, Provider };

QByteArray randomBytes(int count);
// "usr_3f9a..." — 12 random bytes, hex.
QString newId(QStringView prefix);
// "ttk_u_<base64url 32 bytes>" for users, "ttk_p_..." for provider registration keys.
QString newToken(Kind kind);
// Lowercase hex SHA-256 of the token text: what the store keeps.
QString hashToken(QStringView token);
QString kindName(Kind kind);

} // namespace ttalkak::relay::tokens
