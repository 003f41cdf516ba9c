#pragma once
// Plain request values for RelayClient (docs/protocol.md "REST"). Answers stay QJsonObject: the
// relay's JSON is the contract, and callers read the fields they need.

#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace ttalkak::client {

struct Resources
{
    int cpuMillis = 500;
    int memoryMb = 512;
    int diskMb = 1024;

    QJsonObject toJson() const;
};

// A list page: `page` from 1, `pageSize` 1–100, `q` a case-insensitive substring of the name.
struct PageQuery
{
    int page = 1;
    int pageSize = 20;
    QString search;

    QUrlQuery toQuery() const;
};

enum class LogKind { Container, Access };

// GET /v1/deployments/{id}/logs. Zero means "not set" for the numbers.
struct LogQuery
{
    LogKind kind = LogKind::Container;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 before = 0;   // continue below this id (the previous answer's nextBefore)
    int limit = 100;     // 1–1000
    QString search;

    QUrlQuery toQuery() const;
};

struct DeploymentRequest
{
    QString projectId;
    QString name;
    QJsonObject spec;    // see DeploySpecBuilder
    Resources resources;
    QString sourceToken; // private git repos only; sent beside the spec, never inside it

    QJsonObject toJson() const;
};

struct DatabaseRequest
{
    QString name;
    QString engine;      // postgres, mysql, mariadb, redis, mongo
    QString version;     // "" = the engine's default
    QString projectId;   // optional
    Resources resources;

    QJsonObject toJson() const;
};

enum class DeploymentCommand { Start, Stop, Restart, Redeploy };
QString commandName(DeploymentCommand command);

} // namespace ttalkak::client
