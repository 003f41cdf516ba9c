#pragma once
// Plain records read from and written to the store, and their JSON form for the REST API and
// the control protocol. No behaviour beyond conversion.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlQuery;

namespace ttalkak::relay {

struct User
{
    QString id;
    QString email;
    qint64 createdAt = 0;
    QJsonObject toJson() const;
};

// Who is calling: a user (deployer/operator of machines) or one provider machine.
struct Principal
{
    QString userId;
    QString providerId;   // set for provider registration keys
    QString tokenId;
    bool isProvider() const { return !providerId.isEmpty(); }
};

struct TokenInfo
{
    QString id;
    QString kind;
    QString userId;
    QString providerId;
    QString name;
    qint64 createdAt = 0;
    qint64 revokedAt = 0;
    QJsonObject toJson() const;
};

struct Resources
{
    qint64 cpuMillis = 0;
    qint64 memoryMb = 0;
    qint64 diskMb = 0;
    QJsonObject toJson() const;
    static Resources fromJson(const QJsonObject &o);
};

struct Provider
{
    QString id;
    QString ownerId;
    QString name;
    Resources capacity;
    int maxDeployments = 0;
    qint64 priceCpuHour = 0;   // micro-units per CPU core-hour
    qint64 priceGbHour = 0;    // micro-units per GiB-hour of memory
    QJsonObject caps;
    bool online = false;
    qint64 lastSeenAt = 0;
    qint64 createdAt = 0;
    QJsonObject toJson() const;
    static Provider fromQuery(const QSqlQuery &q); // columns: see AccountStore::providerColumns()
};

struct Project
{
    QString id;
    QString ownerId;
    QString name;
    QJsonObject source;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QJsonObject toJson() const;
};

struct Deployment
{
    QString id;
    QString ownerId;
    QString projectId;
    QString kind;          // "app" or "database"
    QString name;
    QJsonObject spec;      // source/dockerfile/env/engine: passed through to the provider
    Resources resources;
    QString desired;       // running | stopped | deleted
    QString state;         // queued | offered | assigned | building | running | stopped | failed | deleted
    QString statusDetail;
    QString providerId;
    int generation = 1;
    int attempt = 0;
    qint64 offerExpiresAt = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QJsonObject toJson() const; // everything, secrets included: for the provider's offer only
    // What a deployer sees (REST, control-socket subscribers): a database's generated
    // password/adminPassword are left out of `spec` (they are shown only in `connection`).
    QJsonObject publicJson() const;
    static Deployment fromQuery(const QSqlQuery &q); // columns: see ResourceStore::deploymentColumns()
};

struct PageRequest
{
    int page = 1;
    int pageSize = 20;
    QString search;
};

template<typename T>
struct PageResult
{
    QList<T> items;
    qint64 total = 0;
};

QJsonObject parseJsonObject(const QString &text);
QString toJsonText(const QJsonObject &o);

} // namespace ttalkak::relay
