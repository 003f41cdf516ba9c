#include "tokens.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace ttalkak::relay::tokens {

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    // QRandomGenerator::system() reads the kernel CSPRNG (getrandom / /dev/urandom).
    QRandomGenerator::system()->generate(reinterpret_cast<quint8 *>(out.data()),
                                         reinterpret_cast<quint8 *>(out.data()) + count);
    return out;
}

QString newId(QStringView prefix)
{
    return prefix.toString() + u'_' + QString::fromLatin1(randomBytes(12).toHex());
}

QString newToken(Kind kind)
{
    const QByteArray b64 = randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return (kind == Kind::User ? u"ttk_u_"_s : u"ttk_p_"_s) + QString::fromLatin1(b64);
}

QString hashToken(QStringView token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString kindName(Kind kind)
{
    return kind == Kind::User ? u"user"_s : u"provider"_s;
}

} // namespace ttalkak::relay::tokens
