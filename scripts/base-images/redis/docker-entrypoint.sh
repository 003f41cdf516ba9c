#!/bin/sh
# Entrypoint mimicking the official redis image's: options or a *.conf as first
# argument run redis-server; redis-server runs as user redis. The official
# image compiles Redis with protected mode off; Debian's keeps it on, so add
# "--protected-mode no" unless the arguments or the given config file set it.
set -e

if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
  set -- redis-server "$@"
fi

if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
  find . \! -user redis -exec chown redis '{}' +
  exec gosu redis "$0" "$@"
fi

if [ "$1" = redis-server ]; then
  pm_set=""
  for a in "$@"; do
    [ "$a" = "--protected-mode" ] && pm_set=1
  done
  if [ -n "${2:-}" ] && [ "${2#-}" = "$2" ] && [ -f "$2" ] && grep -qiE '^[[:space:]]*protected-mode' "$2"; then
    pm_set=1
  fi
  [ -n "$pm_set" ] || set -- "$@" --protected-mode no
fi

um=$(umask)
if [ "$um" = 0022 ]; then
  umask 0077
fi

exec "$@"
