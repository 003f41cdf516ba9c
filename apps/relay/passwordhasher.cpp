#include "passwordhasher.h"

#include "tokens.h"

#include <QByteArray>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>

using namespace Qt::StringLiterals;

namespace ttalkak::relay {
namespace {

QByteArray pbkdf2(const QByteArray &password, const QByteArray &salt, int iterations)
{
    QByteArray out(32, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                                     iterations, EVP_sha256(), int(out.size()),
                                     reinterpret_cast<unsigned char *>(out.data()));
    return ok == 1 ? out : QByteArray();
}

} // namespace

QString PasswordHasher::hash(const QString &password) const
{
    const QByteArray salt = tokens::randomBytes(16);
    const QByteArray dk = pbkdf2(password.toUtf8(), salt, m_iterations);
    return u"pbkdf2-sha256$"_s + QString::number(m_iterations) + u'$' + QString::fromLatin1(salt.toBase64()) + u'$'
        + QString::fromLatin1(dk.toBase64());
}

bool PasswordHasher::verify(const QString &password, const QString &stored) const
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts[0] != u"pbkdf2-sha256")
        return false;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > 10'000'000)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1());
    const QByteArray actual = pbkdf2(password.toUtf8(), salt, iterations);
    return expected.size() == 32 && actual.size() == 32
        && CRYPTO_memcmp(expected.constData(), actual.constData(), 32) == 0;
}

void PasswordHasher::verifyDummy(const QString &password) const
{
    static const QByteArray salt(16, 'x');
    (void)pbkdf2(password.toUtf8(), salt, m_iterations);
}

} // namespace ttalkak::relay
