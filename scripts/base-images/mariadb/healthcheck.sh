#!/bin/bash
# Simplified counterpart of the official mariadb image's healthcheck.sh.
#   healthcheck.sh [--connect] [--innodb_initialized] [--su-mysql] [...]
# Tests run in order; with no test given, --connect. Unknown tests fail.
# Credentials: $DATADIR/.my-healthcheck.cnf written on first start.
set -eo pipefail
datadir=${DATADIR:-/var/lib/mysql}
# Written at the end of the first-start initialisation: until then, not healthy.
if [ ! -r "$datadir/.my-healthcheck.cnf" ]; then
  echo "healthcheck: $datadir/.my-healthcheck.cnf missing (not initialised yet)" >&2
  exit 1
fi
def=(--defaults-extra-file="$datadir/.my-healthcheck.cnf")
q() { mariadb "${def[@]}" -sN -e "$1"; }

tests=()
for arg; do
  case "$arg" in
    --su-mysql|--su=*|--defaults-file=*|--no-defaults|--verbose) ;;
    --connect|--innodb_initialized|--innodb_buffer_pool_loaded|--innodb_initialized=*) tests+=("${arg%%=*}") ;;
    *) echo "healthcheck.sh: unsupported option $arg" >&2; exit 1 ;;
  esac
done
((${#tests[@]})) || tests=(--connect)

for t in "${tests[@]}"; do
  case "$t" in
    --connect)
      q 'SELECT 1' >/dev/null || { echo "healthcheck connect failed" >&2; exit 1; } ;;
    --innodb_initialized)
      [ "$(q "SELECT 1 FROM information_schema.ENGINES WHERE engine='innodb' AND support IN ('YES', 'DEFAULT', 'ENABLED')")" = 1 ] ||
        { echo "healthcheck innodb_initialized failed" >&2; exit 1; } ;;
    --innodb_buffer_pool_loaded)
      q "SHOW GLOBAL STATUS LIKE 'innodb_buffer_pool_load_status'" | grep -qiE 'completed|not started' ||
        { echo "healthcheck innodb_buffer_pool_loaded failed" >&2; exit 1; } ;;
  esac
done
exit 0
