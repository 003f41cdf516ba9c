# shellcheck shell=bash
# PostgreSQL helpers for the Ttalkak test harness. Source this file, then:
#
#   ttalkak_ensure_postgres   # exports TTALKAK_TEST_PG_URL; starts a private PostgreSQL 15
#                             # cluster (Debian's initdb/pg_ctl, as the postgres user, on
#                             # 127.0.0.1) when none is configured or it does not answer
#   ttalkak_stop_postgres     # stops the private cluster (never touches another one)
#
# Both are idempotent and safe under `set -euo pipefail`.
#
# Environment (all optional):
#   TTALKAK_TEST_PG_URL   an existing server to use, postgres://user:pass@host:port/db
#                         (a role allowed to CREATE DATABASE: each test gets its own database)
#   TTALKAK_STATE_DIR     state dir (default /var/tmp/ttalkak); the cluster lives in $STATE/pg
#   TTALKAK_PG_PORT       loopback port of the private cluster (default 54329)
#   TTALKAK_PG_BIN        PostgreSQL bin dir (default: newest /usr/lib/postgresql/*/bin)
#   TTALKAK_PG_TIMEOUT    seconds to wait for the server to start (default 60)

ttalkak__pg_log() { printf 'ttalkak-postgres: %s\n' "$*" >&2; }

ttalkak__pg_dir() { printf '%s/pg\n' "${TTALKAK_STATE_DIR:-/var/tmp/ttalkak}"; }

ttalkak__pg_bin() {
  if [[ -n "${TTALKAK_PG_BIN:-}" ]]; then printf '%s\n' "$TTALKAK_PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  [[ -n "$d" ]] || { ttalkak__pg_log "no PostgreSQL server binaries (apt-get install postgresql)"; return 1; }
  printf '%s\n' "$d"
}

# Runs a command as the cluster owner: postgres when we are root, ourselves otherwise.
ttalkak__pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# 0 when the server behind URL answers a query.
ttalkak__pg_url_ok() {
  local url=$1
  command -v psql >/dev/null 2>&1 || return 1
  PGCONNECT_TIMEOUT=5 psql "$url" -XAtqc 'SELECT 1' >/dev/null 2>&1
}

ttalkak_ensure_postgres() {
  if [[ -n "${TTALKAK_TEST_PG_URL:-}" ]] && ttalkak__pg_url_ok "$TTALKAK_TEST_PG_URL"; then
    return 0
  fi
  local bin dir port pwfile url timeout
  bin=$(ttalkak__pg_bin) || return 1
  dir=$(ttalkak__pg_dir)
  port=${TTALKAK_PG_PORT:-54329}
  timeout=${TTALKAK_PG_TIMEOUT:-60}
  pwfile="$dir/password"
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || { ttalkak__pg_log "no postgres user (apt-get install postgresql)"; return 1; }
    chown postgres:postgres "$dir"
  fi
  chmod 700 "$dir"
  if [[ ! -s "$pwfile" ]]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=\n' >"$pwfile")
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$pwfile"
  fi
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    ttalkak__pg_log "initdb $dir/data"
    rm -rf "$dir/data"
    ttalkak__pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
      --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { ttalkak__pg_log "initdb failed, see $dir/initdb.log"; return 1; }
  fi
  url="postgres://postgres:$(<"$pwfile")@127.0.0.1:$port/postgres"
  if ! ttalkak__pg_url_ok "$url"; then
    ttalkak__pg_log "starting PostgreSQL on 127.0.0.1:$port"
    # fsync off: a test cluster holds nothing worth an fsync, and 2 shared cores are scarce.
    ttalkak__pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t "$timeout" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=200" \
      start >/dev/null || { ttalkak__pg_log "pg_ctl start failed, see $dir/server.log"; return 1; }
  fi
  ttalkak__pg_url_ok "$url" || { ttalkak__pg_log "server does not answer on 127.0.0.1:$port"; return 1; }
  export TTALKAK_TEST_PG_URL=$url
}

ttalkak_stop_postgres() {
  local bin dir
  bin=$(ttalkak__pg_bin) || return 0
  dir=$(ttalkak__pg_dir)
  [[ -f "$dir/data/postmaster.pid" ]] || return 0
  ttalkak__pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}
