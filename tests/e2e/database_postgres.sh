#!/usr/bin/env bash
# PostgreSQL as a deployment: reached through the relay's TCP ingress with the generated
# credentials; data written, the container restarted, the data read back (the volume persists).
E2E_SCENARIO=database-postgres
source "$(dirname "$0")/lib.sh"
e2e_require
command -v psql >/dev/null || e2e_fail "psql is missing (postgresql-client)"

e2e_start_relay
e2e_sign_up
e2e_start_provider p1

e2e_cli db create postgres --name pg-e2e --timeout 300 >"$E2E_DIR/db.out" 2>&1 \
  || { cat "$E2E_DIR/db.out" >&2; e2e_fail "ttalkak db create"; }
id=$(e2e_api GET "/v1/databases?q=pg-e2e" | jq -r '.items[0].id')
url=$(e2e_api GET "/v1/databases/$id" | jq -r '.connection.url // empty')
[[ "$url" == postgresql://* ]] || e2e_fail "no connection url: $(e2e_api GET "/v1/databases/$id")"
grep -qF "$url" "$E2E_DIR/db.out" || e2e_fail "the CLI did not print the connection string"

# *.localhost names resolve in browsers and curl but not in glibc: libpq dials 127.0.0.1 for it.
export PGHOSTADDR=127.0.0.1
# The database answers once its health check passed; the ingress port may need a moment.
e2e_wait_for 90 "psql through the TCP ingress" psql "$url" -tAc 'select 1'
psql "$url" -v ON_ERROR_STOP=1 -qc "create table notes(id int primary key, body text); insert into notes values (1, 'kept across restarts')"
e2e_log "wrote a row through the relay"

e2e_api POST "/v1/databases/$id/commands" '{"command":"restart"}' | jq -e '.id' >/dev/null \
  || e2e_fail "restart command refused"
sleep 2
e2e_wait_for 90 "psql after the restart" psql "$url" -tAc 'select 1'
body=$(psql "$url" -tAc 'select body from notes where id = 1')
[[ "$body" == "kept across restarts" ]] || e2e_fail "read back '$body'"

e2e_log PASS
