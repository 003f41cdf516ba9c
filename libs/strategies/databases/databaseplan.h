#pragma once
// Databases the deployer asks for (they are not detected from a repository):
// which image to run, with which environment, command, data volume and health
// check, the generated credentials, and the connection string to show the user.
//
//   auto plan = planDatabase({u"postgresql"_s, {}, u"shop"_s}, BaseImages::defaults());
//   if (!plan) { show(plan.error().toString()); return; }
//   // run plan->image with plan->env, plan->command, a volume at plan->volumePath,
//   // HEALTHCHECK CMD plan->healthCheck; publish plan->port
//   show(plan->connectionString(u"db.example.net"_s, 41234));
//
// The env/command/healthCheck follow the official images' conventions
// (postgres, mysql, mariadb, redis, mongo); the locally built test images
// implement the same ones. Credentials come from QRandomGenerator::system().
// Thread: pure functions; safe from any thread.

#include "../baseimages.h"

#include <core/result.h>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace ttalkak::strategies {

struct DatabaseRequest
{
    QString engine; // postgresql, mysql, mariadb, redis, mongodb (aliases: postgres, mongo)
    QString version; // image tag version; "" = the engine's default
    QString name; // database (and user) name; "" = "app"
    // Credentials someone else already chose (the relay generates them and tells the owner,
    // docs/protocol.md "Deployment spec"): used instead of generated ones when non-empty.
    // Redis ignores `user` (its user is fixed); `adminPassword` is for MySQL/MariaDB only.
    QString user;
    QString password;
    QString adminPassword;
};

struct DatabasePlan
{
    QString engine; // canonical key, also the BaseImages key
    QString displayName; // "PostgreSQL"
    QString version;
    QString image;
    int port = 0; // the port inside the container

    QString database; // empty for Redis
    QString user; // Redis: "default" (6+) or empty (5, no users)
    QString password;
    QString adminPassword; // MySQL/MariaDB root password; empty elsewhere

    QList<std::pair<QString, QString>> env; // container environment, in a stable order
    QStringList command; // container command (replaces the image's CMD); may be empty
    QString volumePath; // where the data volume is mounted
    QStringList healthCheck; // argv for HEALTHCHECK CMD (exec form)
    int healthIntervalSeconds = 5;
    int healthTimeoutSeconds = 5;
    int healthRetries = 6;
    int healthStartPeriodSeconds = 60;

    // postgresql://user:pw@host:port/db, mysql://..., redis://default:pw@host:port
    // (redis://:pw@ before Redis 6),
    // mongodb://user:pw@host:port/db?authSource=admin; parts percent-encoded,
    // IPv6 hosts bracketed.
    QString connectionString(const QString &host, int hostPort) const;
    // Secrets are replaced by "********" unless includeSecrets.
    QJsonObject toJson(bool includeSecrets = false) const;
};

QStringList supportedDatabaseEngines();
// The version used when a request names none ("16" for postgresql), "" for unknown engines.
QString defaultDatabaseVersion(const QString &engine);
core::Result<DatabasePlan> planDatabase(const DatabaseRequest &request, const BaseImages &images);

// A random password from the URL-safe alphabet [A-Za-z0-9_-] (safe in URLs,
// shells and config files); length is clamped to at least 24.
QString generateDatabasePassword(int length = 32);

} // namespace ttalkak::strategies
