#pragma once
// SecretStore: where tokens and keys live (never in Settings).
// Asynchronous: every call returns at once and the callback runs later on the
// caller's thread, once, unless `context` was destroyed first.
//
//   store.write(u"relay-token"_s, token, this, [](Result<void> r) { ... });
//   store.read(u"relay-token"_s, this, [](Result<QString> r) { if (r) use(*r); });
//
// A missing key is reported as ErrorCode::NotFound.

#include "result.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace ttalkak::core {

class SecretStore
{
public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using DoneCallback = std::function<void(Result<void>)>;

    virtual ~SecretStore() = default;

    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, DoneCallback done) = 0;
    virtual void remove(const QString &key, QObject *context, DoneCallback done) = 0;
};

// Kept in process memory only: for tests and for `--ephemeral` runs.
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

private:
    QHash<QString, QString> m_secrets;
};

// The platform keychain through QtKeychain (Secret Service on Linux).
// `service` namespaces the keys, e.g. "ttalkak-deployer".
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service);

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

private:
    QString m_service;
};

} // namespace ttalkak::core
