#!/usr/bin/env bash
# Ttalkak's main job on this machine, from nothing: installs missing Debian packages, builds a
# release, starts the local Docker engine if none runs, then a relay (SQLite) and a provider on
# it, creates a local account, and opens the deployer signed in on a sample project.
#
#   ./scripts/run.sh [PATH]       start (or reuse) the local stack; open the deployer on PATH
#                                 (default: the bundled Vite sample) when a display exists
#   ./scripts/run.sh stop         stop everything run.sh started (data is kept)
#   ./scripts/run.sh status       what runs, where, and the URLs
#   ./scripts/run.sh detect PATH  print plan, reasons and Dockerfile only
#
# Apps are served at http://<name>.localhost:<ingress port>/ — browsers and curl resolve
# *.localhost to the loopback address, so nothing in /etc/hosts changes.
#
# Environment (optional): TTALKAK_HOME (state, default ~/.local/share/ttalkak/local-stack),
# TTALKAK_RELAY_PORT (8470, the apps' default), TTALKAK_TUNNEL_PORT (8471), TTALKAK_INGRESS_PORT (8680),
# TTALKAK_DB_PORTS (15400-15499), TTALKAK_BUILD_DIR (build/release).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${TTALKAK_BUILD_DIR:-$root/build/release}
home=${TTALKAK_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/ttalkak/local-stack}
relay_port=${TTALKAK_RELAY_PORT:-8470}
tunnel_port=${TTALKAK_TUNNEL_PORT:-8471}
ingress_port=${TTALKAK_INGRESS_PORT:-8680}
db_ports=${TTALKAK_DB_PORTS:-15400-15499}
relay_url="http://127.0.0.1:$relay_port"

say() { printf '== %s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 2; }

# pid from a pid file when that process still runs, else nothing.
live_pid() {
  local f="$home/$1.pid" pid
  [[ -r "$f" ]] || return 1
  pid=$(<"$f")
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  printf '%s\n' "$pid"
}

stop_one() {
  local pid
  pid=$(live_pid "$1") || { rm -f "$home/$1.pid"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$home/$1.pid"
  say "stopped $1 (pid $pid)"
}

# Starts a program in the background with its own log; its pid goes to NAME.pid.
spawn() {
  local name=$1; shift
  live_pid "$name" >/dev/null && return 0
  nohup "$@" >>"$home/$name.log" 2>&1 </dev/null &
  echo $! >"$home/$name.pid"
  say "started $name (pid $!, log $home/$name.log)"
}

build() {
  ./scripts/install-deps.sh
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTTALKAK_BUILD_TESTS=OFF \
    -DTTALKAK_BUILD_BENCH=OFF -DTTALKAK_EXCLUDE_PARTS= >/dev/null
  cmake --build "$build_dir" -j"$(nproc)"
}

# curl to the relay with the JSON body built by jq (never by string pasting).
api() { # METHOD PATH [JSON] — token from $token when set
  local args=(-sS --max-time 20 -X "$1" -H 'Content-Type: application/json')
  [[ -n "${token:-}" ]] && args+=(-H "Authorization: Bearer $token")
  [[ $# -ge 3 ]] && args+=(--data-binary "$3")
  curl "${args[@]}" "$relay_url$2"
}

wait_relay() {
  for _ in $(seq 1 100); do
    curl -fsS --max-time 2 "$relay_url/healthz" >/dev/null 2>&1 && return 0
    live_pid relay >/dev/null || die "the relay exited; see $home/relay.log"
    sleep 0.2
  done
  die "the relay does not answer on $relay_url; see $home/relay.log"
}

# Base images: the official ones when a registry answers, else local ones built from Debian
# packages (cached by content), with an override file the deployer, CLI and provider read.
base_images() {
  if curl -sS --max-time 5 -o /dev/null https://registry-1.docker.io/v2/ 2>/dev/null; then
    return 0
  fi
  say "no image registry reachable: building local base images from Debian packages (cached)"
  ./scripts/base-images.sh --override-out "$home/base-images.local.yaml"
  export TTALKAK_BASE_IMAGES_OVERRIDE="$home/base-images.local.yaml"
}

# The local account: created once (random password kept in account.json, mode 600), signed in
# again when its token no longer works.
ensure_account() {
  local account="$home/account.json" email password reply
  if [[ ! -s "$account" ]]; then
    email="local@ttalkak.localhost"
    password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    (umask 077; jq -n --arg e "$email" --arg p "$password" '{email:$e, password:$p}' >"$account")
    reply=$(api POST /v1/auth/signup "$(<"$account")")
    token=$(jq -r '.token // empty' <<<"$reply")
    [[ -n "$token" ]] || die "could not create the local account: $reply"
    say "created the local account $email (password in $account)"
  else
    token=$(jq -r '.token // empty' "$home/token.json" 2>/dev/null || true)
    if [[ -z "$token" ]] || ! api GET /v1/me | jq -e '.id' >/dev/null 2>&1; then
      token=
      reply=$(api POST /v1/auth/signin "$(jq '. + {tokenName: "run.sh"}' "$account")")
      token=$(jq -r '.token // empty' <<<"$reply")
      [[ -n "$token" ]] || die "could not sign in the local account: $reply"
    fi
  fi
  (umask 077; jq -n --arg t "$token" '{token:$t}' >"$home/token.json")
}

# This machine as a provider of the local relay: registered once, key kept in provider.json.
ensure_provider_key() {
  local reply
  [[ -s "$home/provider.json" ]] && return 0
  reply=$(api POST /v1/providers "$(jq -n --arg n "$(hostname)-local" '{name:$n}')")
  jq -e '.registrationKey' >/dev/null <<<"$reply" || die "could not register the provider: $reply"
  (umask 077; jq '{id, registrationKey}' <<<"$reply" >"$home/provider.json")
  (umask 077; jq -r '.registrationKey' <<<"$reply" >"$home/provider.key")
  say "registered this machine as provider $(jq -r .id <<<"$reply")"
}

has_display() { [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; }

start_stack() {
  local sample=$1
  mkdir -p "$home" && chmod 700 "$home"
  build
  # shellcheck source=lib/dockerd.sh
  source scripts/lib/dockerd.sh
  ttalkak_ensure_dockerd
  base_images

  spawn relay "$build_dir/apps/relay/ttalkak-relay" --data "$home/relay" --domain localhost \
    --listen "127.0.0.1:$relay_port" --tunnel-listen "127.0.0.1:$tunnel_port" \
    --ingress-listen "127.0.0.1:$ingress_port" --db-ingress-range "$db_ports" --log-format text
  wait_relay
  ensure_account
  ensure_provider_key

  local provider_args=(--relay "ws://127.0.0.1:$relay_port" --tunnel "127.0.0.1:$tunnel_port"
    --key-file "$home/provider.key" --allow-file-sources)
  if has_display; then
    spawn provider "$build_dir/apps/provider/ttalkak-provider" "${provider_args[@]}"
  else
    spawn provider "$build_dir/apps/provider/ttalkak-provider" --headless "${provider_args[@]}"
  fi

  export TTALKAK_RELAY_URL="$relay_url" TTALKAK_TOKEN="$token"
  if has_display; then
    stop_one deployer
    spawn deployer "$build_dir/apps/deployer/ttalkak-deployer" --open "$sample"
  fi
  show_status
  cat <<EOF

Deploy from a terminal (signed in through TTALKAK_TOKEN):
  export TTALKAK_RELAY_URL=$relay_url TTALKAK_TOKEN=\$(jq -r .token $home/token.json)${TTALKAK_BASE_IMAGES_OVERRIDE:+ TTALKAK_BASE_IMAGES_OVERRIDE=$TTALKAK_BASE_IMAGES_OVERRIDE}
  $build_dir/apps/cli/ttalkak deploy $sample
Apps answer at http://<name>.localhost:$ingress_port/
Stop everything with: ./scripts/run.sh stop   (data stays in $home)
EOF
}

show_status() {
  local name pid
  for name in relay provider deployer; do
    if pid=$(live_pid "$name"); then say "$name running (pid $pid)"; else say "$name not running"; fi
  done
  say "relay API $relay_url · tunnel 127.0.0.1:$tunnel_port · apps http://<name>.localhost:$ingress_port/ · databases 127.0.0.1:$db_ports"
}

case "${1:-}" in
  stop)
    for name in deployer provider relay; do stop_one "$name"; done
    ;;
  status)
    show_status
    ;;
  detect)
    [[ -d "${2:-}" ]] || die "usage: run.sh detect PATH"
    build
    exec "$build_dir/apps/cli/ttalkak" detect "$2"
    ;;
  -h|--help)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    sample=${1:-$root/tests/samples/frontend/vite-react}
    [[ -d "$sample" ]] || die "no such folder: $sample"
    start_stack "$(cd "$sample" && pwd)"
    ;;
esac
