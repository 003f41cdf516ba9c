#!/usr/bin/env bash
# Entrypoint mimicking the official mariadb image's docker-entrypoint.sh (and
# accepting the official mysql image's variables):
#   MARIADB_ROOT_PASSWORD | MYSQL_ROOT_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD |
#   MYSQL_ALLOW_EMPTY_PASSWORD, MARIADB_RANDOM_ROOT_PASSWORD | MYSQL_RANDOM_ROOT_PASSWORD,
#   MARIADB_ROOT_HOST | MYSQL_ROOT_HOST (default %), MARIADB_DATABASE | MYSQL_DATABASE,
#   MARIADB_USER | MYSQL_USER, MARIADB_PASSWORD | MYSQL_PASSWORD, and *_FILE variants.
# On first start (no mysql/ in the datadir) it initialises the datadir, sets the
# passwords, creates the database/user, runs /docker-entrypoint-initdb.d/*
# (*.sh, *.sql, *.sql.gz, *.sql.xz, *.sql.zst), then starts the server as mysql.
set -eo pipefail

mysql_log() { local type=$1; shift; printf '%s [%s] [Entrypoint]: %s\n' "$(date --rfc-3339=seconds)" "$type" "$*"; }
mysql_note() { mysql_log Note "$@"; }
mysql_warn() { mysql_log Warn "$@" >&2; }
mysql_error() { mysql_log ERROR "$@" >&2; exit 1; }

# file_env VAR [DEFAULT]: MARIADB_X from $MARIADB_X, $MARIADB_X_FILE, $MYSQL_X, $MYSQL_X_FILE.
file_env() {
  local var=$1 def=${2:-} mysqlVar="${1/#MARIADB/MYSQL}" val=""
  local fileVar="${var}_FILE" mysqlFileVar="${mysqlVar}_FILE"
  if [ "${!var:-}" ] && [ "${!fileVar:-}" ]; then
    mysql_error "Both $var and $fileVar are set (but are exclusive)"
  fi
  if [ "${!var:-}" ]; then val=${!var}
  elif [ "${!fileVar:-}" ]; then val=$(<"${!fileVar}")
  elif [ "${!mysqlVar:-}" ]; then val=${!mysqlVar}
  elif [ "${!mysqlFileVar:-}" ]; then val=$(<"${!mysqlFileVar}")
  else val=$def
  fi
  export "$var"="$val"
  unset "$fileVar" "$mysqlFileVar"
}

want_help() {
  local arg
  for arg; do
    case "$arg" in -'?'|--help|--print-defaults|-V|--version) return 0 ;; esac
  done
  return 1
}

# Value of a server option as the server would see it.
mysql_get_config() {
  local conf=$1; shift
  "$@" --verbose --help 2>/dev/null | awk -v conf="$conf" '$1 == conf && /^[^ \t]/ { sub(/^[^ \t]+[ \t]+/, ""); print; exit }'
}

sql_escape() { sed -e "s/\\\\/\\\\\\\\/g" -e "s/'/\\\\'/g" <<<"$1"; }

setup_env() {
  DATADIR=$(mysql_get_config datadir "$@")
  DATADIR=${DATADIR%/}
  SOCKET=$(mysql_get_config socket "$@")
  : "${SOCKET:=/run/mysqld/mysqld.sock}"
  file_env MARIADB_ROOT_HOST '%'
  file_env MARIADB_DATABASE
  file_env MARIADB_USER
  file_env MARIADB_PASSWORD
  file_env MARIADB_ROOT_PASSWORD
  : "${MARIADB_ALLOW_EMPTY_ROOT_PASSWORD:=${MYSQL_ALLOW_EMPTY_PASSWORD:-}}"
  : "${MARIADB_RANDOM_ROOT_PASSWORD:=${MYSQL_RANDOM_ROOT_PASSWORD:-}}"
  export DATADIR SOCKET MARIADB_ALLOW_EMPTY_ROOT_PASSWORD MARIADB_RANDOM_ROOT_PASSWORD
  DATABASE_ALREADY_EXISTS=""
  if [ -d "$DATADIR/mysql" ]; then DATABASE_ALREADY_EXISTS=true; fi
}

check_env() {
  if [ -z "$MARIADB_ROOT_PASSWORD" ] && [ -z "$MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" ] && [ -z "$MARIADB_RANDOM_ROOT_PASSWORD" ]; then
    mysql_error $'Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD'
  fi
  if [ -n "$MARIADB_USER" ] && [ "$MARIADB_USER" = root ]; then
    mysql_error "MARIADB_USER=root: the root user is created from MARIADB_ROOT_PASSWORD; set MARIADB_USER to another name"
  fi
  if [ -n "$MARIADB_PASSWORD" ] && [ -z "$MARIADB_USER" ]; then
    mysql_warn "MARIADB_PASSWORD is set but MARIADB_USER is not; no user is created"
  fi
}

# Client on the unix socket as root (no password yet during init).
process_sql() {
  local -a extra=()
  if [ -n "${MYSQL_PWD_FOR_INIT:-}" ]; then extra=(--password="$MYSQL_PWD_FOR_INIT"); fi
  mariadb --protocol=socket -uroot -hlocalhost --socket="$SOCKET" "${extra[@]}" --comments "$@"
}

temp_server_start() {
  "$@" --skip-networking --default-time-zone=SYSTEM --socket="$SOCKET" --wsrep_on=OFF \
    --expire-logs-days=0 --skip-slave-start \
    --loose-innodb_buffer_pool_load_at_startup=0 --loose-innodb_buffer_pool_dump_at_shutdown=0 &
  MARIADB_PID=$!
  mysql_note "Waiting for server startup"
  local i
  for i in {30..0}; do
    if mariadb --protocol=socket -uroot -hlocalhost --socket="$SOCKET" --database=mysql \
        -e 'SELECT 1' >/dev/null 2>&1; then
      break
    fi
    if ! kill -0 "$MARIADB_PID" 2>/dev/null; then mysql_error "Unable to start server."; fi
    sleep 1
  done
  if [ "$i" = 0 ]; then mysql_error "Unable to start server."; fi
}

temp_server_stop() {
  mysql_note "Stopping temporary server"
  process_sql --database=mysql -e 'SHUTDOWN;' || kill "$MARIADB_PID"
  wait "$MARIADB_PID" || true
  mysql_note "Temporary server stopped"
}

init_datadir() {
  mysql_note "Initializing database files"
  mkdir -p "$DATADIR"
  # "$@" = mariadbd + its arguments; pass the arguments on.
  mariadb-install-db "${@:2}" --datadir="$DATADIR" --skip-test-db \
    --auth-root-authentication-method=normal --default-time-zone=SYSTEM \
    --enforce-storage-engine= --skip-log-bin --expire-logs-days=0 \
    --loose-innodb_buffer_pool_load_at_startup=0 --loose-innodb_buffer_pool_dump_at_shutdown=0 \
    --rpm >/dev/null
  mysql_note "Database files initialized"
}

setup_db() {
  local rootpw="$MARIADB_ROOT_PASSWORD"
  if [ -n "$MARIADB_RANDOM_ROOT_PASSWORD" ]; then
    rootpw=$(pwgen --numerals --capitalize --symbols --remove-chars="'\\" -1 32)
    mysql_note "GENERATED ROOT PASSWORD: $rootpw"
  fi
  local rootpw_e host_e
  rootpw_e=$(sql_escape "$rootpw")
  host_e=$(sql_escape "$MARIADB_ROOT_HOST")

  local root_create=""
  if [ -n "$MARIADB_ROOT_HOST" ] && [ "$MARIADB_ROOT_HOST" != localhost ]; then
    root_create="CREATE USER 'root'@'${host_e}' IDENTIFIED BY '${rootpw_e}';
      GRANT ALL ON *.* TO 'root'@'${host_e}' WITH GRANT OPTION;
      GRANT PROXY ON ''@'%' TO 'root'@'${host_e}' WITH GRANT OPTION;"
  fi

  local hc_pw hc_pw_e
  hc_pw=$(pwgen --numerals --capitalize --symbols --remove-chars="'\\" -1 32)
  hc_pw_e=$(sql_escape "$hc_pw")

  local db_create="" user_create=""
  if [ -n "$MARIADB_DATABASE" ]; then
    mysql_note "Creating database ${MARIADB_DATABASE}"
    db_create="CREATE DATABASE IF NOT EXISTS \`${MARIADB_DATABASE//\`/\`\`}\`;"
  fi
  if [ -n "$MARIADB_USER" ] && [ -n "$MARIADB_PASSWORD" ]; then
    mysql_note "Creating user ${MARIADB_USER}"
    local user_e pw_e
    user_e=$(sql_escape "$MARIADB_USER")
    pw_e=$(sql_escape "$MARIADB_PASSWORD")
    user_create="CREATE USER '${user_e}'@'%' IDENTIFIED BY '${pw_e}';"
    if [ -n "$MARIADB_DATABASE" ]; then
      user_create+=" GRANT ALL ON \`${MARIADB_DATABASE//\`/\`\`}\`.* TO '${user_e}'@'%';"
    fi
  fi

  mysql_note "Securing system users"
  process_sql --database=mysql --binary-mode <<-EOSQL
	SET @orig_sql_log_bin= @@SESSION.SQL_LOG_BIN;
	SET @@SESSION.SQL_LOG_BIN=0;
	SET @@SESSION.SQL_MODE=REPLACE(@@SESSION.SQL_MODE, 'NO_BACKSLASH_ESCAPES', '');
	DROP USER IF EXISTS root@'127.0.0.1', root@'::1';
	EXECUTE IMMEDIATE CONCAT('DROP USER IF EXISTS root@\'', @@hostname,'\'');
	SET PASSWORD FOR 'root'@'localhost'= PASSWORD('${rootpw_e}');
	${root_create}
	CREATE USER 'healthcheck'@'127.0.0.1' IDENTIFIED BY '${hc_pw_e}';
	CREATE USER 'healthcheck'@'::1' IDENTIFIED BY '${hc_pw_e}';
	CREATE USER 'healthcheck'@'localhost' IDENTIFIED BY '${hc_pw_e}';
	${db_create}
	${user_create}
	SET @@SESSION.SQL_LOG_BIN=@orig_sql_log_bin;
	EOSQL
  # Credentials for healthcheck.sh (same file name as the official image).
  printf '[mariadb-client]\nport=3306\nsocket=%s\nuser=healthcheck\npassword=%s\nprotocol=tcp\n' \
    "$SOCKET" "$hc_pw" >"$DATADIR/.my-healthcheck.cnf"
  chmod 600 "$DATADIR/.my-healthcheck.cnf"
  MYSQL_PWD_FOR_INIT=$rootpw
}

process_init_files() {
  local f
  for f; do
    [ -e "$f" ] || continue
    case "$f" in
      *.sh)
        if [ -x "$f" ]; then mysql_note "$0: running $f"; "$f"
        else mysql_note "$0: sourcing $f"
          # shellcheck source=/dev/null
          . "$f"; fi ;;
      *.sql) mysql_note "$0: running $f"; process_sql --database="${MARIADB_DATABASE:-mysql}" <"$f" ;;
      *.sql.gz) mysql_note "$0: running $f"; gunzip -c "$f" | process_sql --database="${MARIADB_DATABASE:-mysql}" ;;
      *.sql.xz) mysql_note "$0: running $f"; xzcat "$f" | process_sql --database="${MARIADB_DATABASE:-mysql}" ;;
      *.sql.zst) mysql_note "$0: running $f"; zstd -dc "$f" | process_sql --database="${MARIADB_DATABASE:-mysql}" ;;
      *) mysql_warn "$0: ignoring $f" ;;
    esac
  done
}

if [ "${1:0:1}" = '-' ]; then
  set -- mariadbd "$@"
fi

# Options written for the mysql image that MariaDB does not know would stop the
# server: prefix them with --loose- so it only warns (stand-in for mysql:<v>).
if [ "$1" = mariadbd ] || [ "$1" = mysqld ]; then
  args=("$1")
  for a in "${@:2}"; do
    case "$a" in
      --default-authentication-plugin=*|--default_authentication_plugin=*|--authentication-policy=*|\
      --authentication_policy=*|--mysql-native-password=*|--mysql_native_password=*|\
      --innodb-dedicated-server*|--innodb_dedicated_server*|--skip-host-cache|--skip_host_cache)
        args+=("--loose-${a#--}") ;;
      *) args+=("$a") ;;
    esac
  done
  set -- "${args[@]}"
  unset args
fi

if { [ "$1" = mariadbd ] || [ "$1" = mysqld ]; } && ! want_help "$@"; then
  mysql_note "Entrypoint script for MariaDB Server (Debian $(mariadbd --version | awk '{print $3}')) started."
  setup_env "$@"
  if [ "$(id -u)" = 0 ]; then
    mkdir -p "$DATADIR" "$(dirname "$SOCKET")"
    find "$DATADIR" "$(dirname "$SOCKET")" \! -user mysql -exec chown mysql: '{}' +
    mysql_note "Switching to dedicated user 'mysql'"
    exec gosu mysql "${BASH_SOURCE[0]}" "$@"
  fi
  if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
    check_env
    init_datadir "$@"
    temp_server_start "$@"
    setup_db
    process_init_files /docker-entrypoint-initdb.d/*
    temp_server_stop
    unset MYSQL_PWD_FOR_INIT
    mysql_note "MariaDB init process done. Ready for start up."
  fi
fi

exec "$@"
