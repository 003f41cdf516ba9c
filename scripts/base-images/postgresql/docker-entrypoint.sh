#!/usr/bin/env bash
# Entrypoint mimicking the official postgres image's docker-entrypoint.sh:
# - first start with an empty $PGDATA: initdb (user $POSTGRES_USER, password
#   $POSTGRES_PASSWORD), "host all all all scram-sha-256" in pg_hba.conf,
#   CREATE DATABASE $POSTGRES_DB, run /docker-entrypoint-initdb.d/*
# - later starts reuse the data; always runs the server as user postgres.
# Supports POSTGRES_PASSWORD/USER/DB/INITDB_ARGS/HOST_AUTH_METHOD, their _FILE
# variants, and POSTGRES_INITDB_WALDIR.
set -Eeo pipefail

# file_env VAR [DEFAULT]: VAR from $VAR or from the file named by $VAR_FILE.
file_env() {
  local var=$1 fileVar="${1}_FILE" def="${2:-}" val
  if [ "${!var:-}" ] && [ "${!fileVar:-}" ]; then
    echo >&2 "error: both $var and $fileVar are set (but are exclusive)"
    exit 1
  fi
  val=$def
  if [ "${!var:-}" ]; then
    val=${!var}
  elif [ "${!fileVar:-}" ]; then
    val=$(<"${!fileVar}")
  fi
  export "$var"="$val"
  unset "$fileVar"
}

want_help() {
  local arg
  for arg; do
    case "$arg" in
      -'?'|--help|--describe-config|-V|--version) return 0 ;;
    esac
  done
  return 1
}

setup_env() {
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  file_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=scram-sha-256}"
}

init_database() {
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<'EOM'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.
EOM
    exit 1
  fi

  if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
    set -- --waldir "$POSTGRES_INITDB_WALDIR" "$@"
  fi
  # POSTGRES_INITDB_ARGS is word-split on purpose (as upstream does).
  if [ -n "$POSTGRES_PASSWORD" ]; then
    # shellcheck disable=SC2086
    initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") $POSTGRES_INITDB_ARGS "$@"
  else
    # shellcheck disable=SC2086
    initdb --username="$POSTGRES_USER" $POSTGRES_INITDB_ARGS "$@"
  fi

  printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"

  # Temporary server on the unix socket only.
  export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
  PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start

  local -a psql=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
  if [ "$POSTGRES_DB" != postgres ]; then
    PGHOST='' PGHOSTADDR='' "${psql[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    echo
  fi

  local f
  for f in /docker-entrypoint-initdb.d/*; do
    [ -e "$f" ] || continue
    case "$f" in
      *.sh)
        # shellcheck source=/dev/null
        if [ -x "$f" ]; then echo "$0: running $f"; "$f"; else echo "$0: sourcing $f"; . "$f"; fi ;;
      *.sql) echo "$0: running $f"; "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f"; echo ;;
      *.sql.gz) echo "$0: running $f"; gunzip -c "$f" | "${psql[@]}" --dbname "$POSTGRES_DB"; echo ;;
      *.sql.xz) echo "$0: running $f"; xzcat "$f" | "${psql[@]}" --dbname "$POSTGRES_DB"; echo ;;
      *) echo "$0: ignoring $f" ;;
    esac
  done

  PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" -m fast -w stop
  unset PGPASSWORD
  echo
  echo 'PostgreSQL init process complete; ready for start up.'
  echo
}

if [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi

if [ "$1" = postgres ] && ! want_help "$@"; then
  if [ "$(id -u)" = 0 ]; then
    mkdir -p "$PGDATA"
    chmod 00700 "$PGDATA" || :
    find "$PGDATA" \! -user postgres -exec chown postgres '{}' +
    mkdir -p /var/run/postgresql
    chmod 03775 /var/run/postgresql || :
    find /var/run/postgresql \! -user postgres -exec chown postgres '{}' +
    if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
      mkdir -p "$POSTGRES_INITDB_WALDIR"
      find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres '{}' +
      chmod 700 "$POSTGRES_INITDB_WALDIR"
    fi
    exec gosu postgres "${BASH_SOURCE[0]}" "$@"
  fi

  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    setup_env
    mkdir -p "$PGDATA"
    chmod 00700 "$PGDATA" || :
    init_database
  else
    echo
    echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
    echo
  fi
fi

exec "$@"
