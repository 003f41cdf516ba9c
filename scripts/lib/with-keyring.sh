#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring) on a
# private D-Bus session, in a throw-away keyring folder. Usage:
#   dbus-run-session -- scripts/lib/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
[[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || { echo "with-keyring: run me under dbus-run-session" >&2; exit 2; }

keyring_home=$(mktemp -d /tmp/ttalkak-keyring.XXXXXX)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# --unlock reads the login keyring's password from stdin and creates it if missing.
eval "$(printf 'ttalkak-test' | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
export GNOME_KEYRING_CONTROL
for _ in $(seq 50); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
  sleep 0.1
done
"$@"
