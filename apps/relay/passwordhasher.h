#pragma once
// PasswordHasher: PBKDF2-HMAC-SHA256 (OpenSSL's PKCS5_PBKDF2_HMAC), 16-byte random salt,
// iterations stored with the hash so they can be raised later without breaking old accounts.
// Stored form: "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>".
//
// Why PBKDF2 and not argon2: it is NIST-approved, in the OpenSSL the relay already links for TLS
// (no new dependency), and OpenSSL's implementation is fast enough that 120k iterations cost
// ~40 ms, so the hash runs on the event-loop thread; sign-in is rate limited (RateLimiter) which
// bounds how much of that thread an attacker can take.

#include <QString>

namespace ttalkak::relay {

class PasswordHasher
{
public:
    explicit PasswordHasher(int iterations) : m_iterations(iterations) {}

    QString hash(const QString &password) const;
    // Constant-time comparison; false for malformed stored values.
    bool verify(const QString &password, const QString &stored) const;
    // Burns the same time as verify() for an unknown account (no user enumeration by timing).
    void verifyDummy(const QString &password) const;

private:
    int m_iterations;
};

} // namespace ttalkak::relay
