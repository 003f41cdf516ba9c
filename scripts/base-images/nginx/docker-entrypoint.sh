#!/bin/sh
# Like the official nginx entrypoint: when starting nginx, run the hooks in
# /docker-entrypoint.d (*.sh executed, *.envsh sourced) first.
set -e
entrypoint_log() {
  if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then echo "$@"; fi
}
if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
  for f in $(find /docker-entrypoint.d/ -follow -type f -print | sort -V); do
    case "$f" in
      *.envsh)
        # shellcheck source=/dev/null
        if [ -x "$f" ]; then entrypoint_log "$0: Sourcing $f"; . "$f"; fi ;;
      *.sh)
        if [ -x "$f" ]; then entrypoint_log "$0: Launching $f"; "$f"; fi ;;
      *) entrypoint_log "$0: Ignoring $f" ;;
    esac
  done
  entrypoint_log "$0: Configuration complete; ready for start up"
fi
exec "$@"
