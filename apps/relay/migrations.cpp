#include "migrations.h"

using namespace Qt::StringLiterals;

namespace ttalkak::relay {

QStringList Migration::statements(Dialect dialect) const
{
    QStringList out;
    const QString serial = dialect == Dialect::Postgres ? u"BIGSERIAL PRIMARY KEY"_s : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s;
    for (QString s : common)
        out << s.replace(u"{{SERIAL}}"_s, serial);
    out << (dialect == Dialect::Postgres ? postgresOnly : sqliteOnly);
    return out;
}

const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1, u"accounts, providers, projects, deployments, assignments"_s,
         {
             u"CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,"
             " created_at BIGINT NOT NULL, out_of_credit_since BIGINT)"_s,
             u"CREATE TABLE tokens (id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
             " user_id TEXT NOT NULL REFERENCES users(id), provider_id TEXT, name TEXT NOT NULL,"
             " created_at BIGINT NOT NULL, revoked_at BIGINT)"_s,
             u"CREATE INDEX tokens_user ON tokens(user_id)"_s,
             u"CREATE TABLE providers (id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,"
             " cpu_millis BIGINT NOT NULL DEFAULT 0, memory_mb BIGINT NOT NULL DEFAULT 0, disk_mb BIGINT NOT NULL DEFAULT 0,"
             " max_deployments INTEGER NOT NULL DEFAULT 0, price_cpu_hour BIGINT NOT NULL DEFAULT 0,"
             " price_gb_hour BIGINT NOT NULL DEFAULT 0, caps TEXT NOT NULL DEFAULT '{}', online INTEGER NOT NULL DEFAULT 0,"
             " last_seen_at BIGINT, created_at BIGINT NOT NULL, deleted_at BIGINT)"_s,
             u"CREATE INDEX providers_owner ON providers(owner_id)"_s,
             u"CREATE TABLE projects (id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,"
             " source TEXT NOT NULL DEFAULT '{}', created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, deleted_at BIGINT)"_s,
             u"CREATE UNIQUE INDEX projects_owner_name ON projects(owner_id, name) WHERE deleted_at IS NULL"_s,
             u"CREATE INDEX projects_owner_created ON projects(owner_id, created_at, id)"_s,
             u"CREATE TABLE deployments (id TEXT PRIMARY KEY, owner_id TEXT NOT NULL REFERENCES users(id),"
             " project_id TEXT REFERENCES projects(id), kind TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL,"
             " cpu_millis BIGINT NOT NULL, memory_mb BIGINT NOT NULL, disk_mb BIGINT NOT NULL,"
             " desired TEXT NOT NULL, state TEXT NOT NULL, status_detail TEXT NOT NULL DEFAULT '',"
             " provider_id TEXT REFERENCES providers(id), generation INTEGER NOT NULL DEFAULT 1,"
             " attempt INTEGER NOT NULL DEFAULT 0, offer_expires_at BIGINT, excluded TEXT NOT NULL DEFAULT '',"
             " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX deployments_owner ON deployments(owner_id, kind, created_at, id)"_s,
             u"CREATE INDEX deployments_state ON deployments(state, created_at)"_s,
             u"CREATE INDEX deployments_provider ON deployments(provider_id)"_s,
             // One row per offer; at most one active (offered or placed) per deployment, enforced
             // by the database so a bug cannot assign a job twice.
             u"CREATE TABLE assignments (id {{SERIAL}}, deployment_id TEXT NOT NULL REFERENCES deployments(id),"
             " provider_id TEXT NOT NULL REFERENCES providers(id), generation INTEGER NOT NULL, attempt INTEGER NOT NULL,"
             " outcome TEXT NOT NULL, active INTEGER NOT NULL, created_at BIGINT NOT NULL, ended_at BIGINT)"_s,
             u"CREATE UNIQUE INDEX assignments_one_active ON assignments(deployment_id) WHERE active = 1"_s,
             u"CREATE INDEX assignments_provider ON assignments(provider_id, active)"_s,
         },
         {},
         {}},
        {2, u"metered usage and the append-only double-entry ledger"_s,
         {
             u"CREATE TABLE usage_intervals (deployment_id TEXT NOT NULL, provider_id TEXT NOT NULL,"
             " interval_start BIGINT NOT NULL, seconds INTEGER NOT NULL, cpu_millis BIGINT NOT NULL,"
             " memory_mb BIGINT NOT NULL, amount BIGINT NOT NULL, recorded_at BIGINT NOT NULL,"
             " PRIMARY KEY (deployment_id, provider_id, interval_start))"_s,
             u"CREATE TABLE ledger_entries (id {{SERIAL}}, tx_id TEXT NOT NULL, account TEXT NOT NULL,"
             " amount BIGINT NOT NULL, kind TEXT NOT NULL, deployment_id TEXT, created_at BIGINT NOT NULL)"_s,
             u"CREATE UNIQUE INDEX ledger_tx_account ON ledger_entries(tx_id, account)"_s,
             u"CREATE INDEX ledger_account ON ledger_entries(account, created_at)"_s,
             // Entries with id <= the latest settlement's upto_id are settled; entries never change.
             u"CREATE TABLE settlements (id {{SERIAL}}, upto_id BIGINT NOT NULL, settled_at BIGINT NOT NULL)"_s,
         },
         {
             u"CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger_entries"
             " BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END"_s,
             u"CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger_entries"
             " BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END"_s,
         },
         {
             u"CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS"
             " $$ BEGIN RAISE EXCEPTION 'ledger entries are append-only'; END $$"_s,
             u"CREATE TRIGGER ledger_no_change BEFORE UPDATE OR DELETE ON ledger_entries"
             " FOR EACH ROW EXECUTE FUNCTION ledger_append_only()"_s,
         }},
        {3, u"access logs, container logs, container events and log template state"_s,
         {
             // `size` is the bytes a row counts against the per-deployment size cap.
             u"CREATE TABLE access_logs (id {{SERIAL}}, deployment_id TEXT NOT NULL, at BIGINT NOT NULL,"
             " method TEXT NOT NULL, path TEXT NOT NULL, status INTEGER NOT NULL, latency_ms INTEGER NOT NULL,"
             " bytes_in BIGINT NOT NULL, bytes_out BIGINT NOT NULL, client TEXT NOT NULL, size INTEGER NOT NULL)"_s,
             u"CREATE INDEX access_logs_deployment_at ON access_logs(deployment_id, at)"_s,
             u"CREATE TABLE container_logs (id {{SERIAL}}, deployment_id TEXT NOT NULL, at BIGINT NOT NULL,"
             " stream TEXT NOT NULL, line TEXT NOT NULL, template_id BIGINT NOT NULL DEFAULT 0, size INTEGER NOT NULL)"_s,
             u"CREATE INDEX container_logs_deployment_at ON container_logs(deployment_id, at)"_s,
             u"CREATE TABLE container_events (id {{SERIAL}}, deployment_id TEXT NOT NULL, at BIGINT NOT NULL,"
             " kind TEXT NOT NULL, exit_code INTEGER, oom_killed INTEGER NOT NULL DEFAULT 0, detail TEXT NOT NULL DEFAULT '')"_s,
             u"CREATE INDEX container_events_deployment_at ON container_events(deployment_id, at)"_s,
             // LogTemplateMiner::snapshot(), base64, so one TEXT column serves both backends.
             u"CREATE TABLE log_template_state (deployment_id TEXT PRIMARY KEY, snapshot TEXT NOT NULL,"
             " updated_at BIGINT NOT NULL)"_s,
         },
         {},
         {}},
        {4, u"public ingress: the container port a provider reports for a running deployment"_s,
         {
             // Set from the provider's `status` (field `port`) for the current generation and
             // provider; the HTTP ingress routes <name>.<domain> to (provider_id, ingress_port).
             u"ALTER TABLE deployments ADD COLUMN ingress_port INTEGER NOT NULL DEFAULT 0"_s,
             u"CREATE INDEX deployments_name ON deployments(name)"_s,
         },
         {},
         {}},
        {5, u"blobs, source tokens, database ingress ports and allow-lists"_s,
         {
             // The bytes live in <data>/blobs/<sha256>; a user owns a blob once they uploaded it.
             u"CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, created_at BIGINT NOT NULL)"_s,
             u"CREATE TABLE blob_owners (sha256 TEXT NOT NULL REFERENCES blobs(sha256), user_id TEXT NOT NULL REFERENCES users(id),"
             " created_at BIGINT NOT NULL, PRIMARY KEY (sha256, user_id))"_s,
             // Kept apart from the spec: sent only in that generation's offer/redeploy, then deleted.
             u"CREATE TABLE source_tokens (deployment_id TEXT NOT NULL REFERENCES deployments(id), generation INTEGER NOT NULL,"
             " token TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (deployment_id, generation))"_s,
             // A database's public TCP port (deployments.ingress_port is the provider's container
             // port) and its owner's allow-list (JSON array of CIDR strings).
             u"CREATE TABLE database_ingress (deployment_id TEXT PRIMARY KEY REFERENCES deployments(id),"
             " public_port INTEGER NOT NULL UNIQUE, allow_list TEXT NOT NULL, updated_at BIGINT NOT NULL)"_s,
         },
         {},
         {}},
        {6, u"the prices each usage interval was charged at"_s,
         {
             // NULL for intervals charged before this version (the price was not kept then).
             u"ALTER TABLE usage_intervals ADD COLUMN price_cpu_hour BIGINT"_s,
             u"ALTER TABLE usage_intervals ADD COLUMN price_gb_hour BIGINT"_s,
         },
         {},
         {}},
        {7, u"custom domains"_s,
         {
             // Several deployments may claim a host (so nobody can squat on one by adding it), but
             // it is verified for, and routes to, one deployment only (the partial unique index).
             u"CREATE TABLE custom_domains (host TEXT NOT NULL, deployment_id TEXT NOT NULL REFERENCES deployments(id),"
             " token TEXT NOT NULL, verified_at BIGINT, created_at BIGINT NOT NULL, PRIMARY KEY (host, deployment_id))"_s,
             u"CREATE UNIQUE INDEX custom_domains_verified ON custom_domains(host) WHERE verified_at IS NOT NULL"_s,
             u"CREATE INDEX custom_domains_deployment ON custom_domains(deployment_id)"_s,
         },
         {},
         {}},
    };
    return list;
}

} // namespace ttalkak::relay
