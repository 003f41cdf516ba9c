# shellcheck shell=bash
# End-to-end rig: a real relay, real provider engines (headless) on the real Docker engine, a real
# git server (git daemon), the real CLI, curl and headless Chromium. Source it from a scenario:
#
#   source "$(dirname "$0")/lib.sh"
#   e2e_start_relay; e2e_sign_up; e2e_start_provider p1
#   e2e_git_repo app "$TTALKAK_SOURCE_DIR/tests/samples/frontend/vite-react"
#   e2e_cli deploy --repo "$(e2e_git_url app)" --name web
#
# Every process and container the scenario starts is stopped on exit (containers by the run's
# scope label). Without a Docker engine or the local base images the scenario skips (exit 77),
# unless TTALKAK_REQUIRE_DOCKER=1, where it fails.
#
# Needs: TTALKAK_BIN_DIR (the build dir), TTALKAK_SOURCE_DIR, TTALKAK_BASE_IMAGES_OVERRIDE.
set -euo pipefail

E2E_RUN=${E2E_RUN:-e2e-$$-$RANDOM}
E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ttalkak-$E2E_RUN.XXXXXX")
E2E_PIDS=()
E2E_SCOPES=() # one per provider: each engine manages (and re-adopts) only its own scope
E2E_DOCKER_SOCK=${E2E_DOCKER_SOCK:-/var/run/docker.sock}
relay_bin="$TTALKAK_BIN_DIR/apps/relay/ttalkak-relay"
provider_bin="$TTALKAK_BIN_DIR/apps/provider/ttalkak-provider"
cli_bin="$TTALKAK_BIN_DIR/apps/cli/ttalkak"

e2e_log() { printf '[%s %s] %s\n' "$(date +%H:%M:%S)" "${E2E_SCENARIO:-e2e}" "$*" >&2; }
e2e_fail() {
  e2e_log "FAIL: $*"
  e2e_dump_logs
  exit 1
}

e2e_skip_or_fail() {
  if [[ "${TTALKAK_REQUIRE_DOCKER:-}" == 1 ]]; then e2e_fail "$*"; fi
  e2e_log "SKIP: $*"
  exit 77
}

e2e_dump_logs() {
  local f
  for f in "$E2E_DIR"/*.log; do
    [[ -e "$f" ]] || continue
    printf '\n---- %s (last 40 lines) ----\n' "$(basename "$f")" >&2
    tail -n 40 "$f" >&2
  done
}

docker_api() { # METHOD PATH — the Engine API over its unix socket (test cleanup only)
  curl -sS --max-time 30 --unix-socket "$E2E_DOCKER_SOCK" -X "$1" "http://docker$2"
}

e2e_cleanup() {
  local pid ids id
  for pid in "${E2E_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${E2E_PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  local scope filter
  for scope in "${E2E_SCOPES[@]}"; do
    filter=$(jq -rn --arg l "ttalkak.scope=$scope" '{label:[$l]}|@uri')
    ids=$(docker_api GET "/containers/json?all=1&filters=$filter" | jq -r '.[].Id' 2>/dev/null || true)
    for id in $ids; do docker_api DELETE "/containers/$id?force=1&v=1" >/dev/null || true; done
    ids=$(docker_api GET "/networks?filters=$filter" | jq -r '.[].Id' 2>/dev/null || true)
    for id in $ids; do docker_api DELETE "/networks/$id" >/dev/null || true; done
    ids=$(docker_api GET "/volumes?filters=$filter" | jq -r '.Volumes[]?.Name' 2>/dev/null || true)
    for id in $ids; do docker_api DELETE "/volumes/$id?force=1" >/dev/null || true; done
  done
  if [[ "${E2E_KEEP:-}" == 1 ]]; then e2e_log "kept $E2E_DIR"; else rm -rf "$E2E_DIR"; fi
}
trap e2e_cleanup EXIT

e2e_require() {
  [[ -x "$relay_bin" && -x "$provider_bin" && -x "$cli_bin" ]] || e2e_fail "binaries missing under $TTALKAK_BIN_DIR"
  [[ "$(curl -sS --max-time 3 --unix-socket "$E2E_DOCKER_SOCK" http://docker/_ping 2>/dev/null)" == OK ]] \
    || e2e_skip_or_fail "no Docker engine on $E2E_DOCKER_SOCK"
  [[ -r "${TTALKAK_BASE_IMAGES_OVERRIDE:-}" ]] || e2e_skip_or_fail "TTALKAK_BASE_IMAGES_OVERRIDE is not set"
  command -v git >/dev/null || e2e_fail "git is missing"
}

e2e_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Starts NAME from ARGS... in the background, log in $E2E_DIR/NAME.log, pid in E2E_PID_<NAME>.
e2e_spawn() {
  local name=$1; shift
  "$@" >>"$E2E_DIR/$name.log" 2>&1 </dev/null &
  local pid=$!
  E2E_PIDS+=("$pid")
  printf -v "E2E_PID_${name//-/_}" '%s' "$pid"
}

e2e_wait_for() { # SECONDS DESCRIPTION COMMAND... — retries COMMAND until it succeeds
  local deadline=$((SECONDS + $1)) what=$2; shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || e2e_fail "timed out after waiting for: $what"
    sleep 0.5
  done
}

# ---- relay ----------------------------------------------------------------------------------
E2E_RELAY_PORT=${E2E_RELAY_PORT:-$(e2e_free_port)}
E2E_TUNNEL_PORT=${E2E_TUNNEL_PORT:-$(e2e_free_port)}
E2E_INGRESS_PORT=${E2E_INGRESS_PORT:-$(e2e_free_port)}
E2E_DB_PORT_FIRST=${E2E_DB_PORT_FIRST:-$(( ($(e2e_free_port) % 20000) + 30000 ))}
E2E_RELAY_URL="http://127.0.0.1:$E2E_RELAY_PORT"
E2E_DOMAIN=e2e.localhost

e2e_start_relay() { # [extra relay args...]
  e2e_spawn relay "$relay_bin" --data "$E2E_DIR/relay-data" --domain "$E2E_DOMAIN" --log-format text \
    --listen "127.0.0.1:$E2E_RELAY_PORT" --tunnel-listen "127.0.0.1:$E2E_TUNNEL_PORT" \
    --ingress-listen "127.0.0.1:$E2E_INGRESS_PORT" \
    --db-ingress-range "$E2E_DB_PORT_FIRST-$((E2E_DB_PORT_FIRST + 20))" \
    --heartbeat-interval-ms 2000 --heartbeat-timeout-ms 8000 --offer-timeout-ms 15000 "$@"
  e2e_wait_for 30 "the relay's /healthz" curl -fsS --max-time 2 "$E2E_RELAY_URL/healthz"
}

e2e_stop_relay() { # SIGNAL (TERM for a clean stop, KILL for a crash)
  kill "-$1" "$E2E_PID_relay" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$E2E_PID_relay" 2>/dev/null || return 0; sleep 0.1; done
  e2e_fail "the relay did not stop"
}

# curl to the relay with E2E_TOKEN (or $token); the body is always built by jq.
e2e_api() { # METHOD PATH [JSON]
  local args=(-sS --max-time 30 -X "$1" -H 'Content-Type: application/json')
  [[ -n "${E2E_TOKEN:-}" ]] && args+=(-H "Authorization: Bearer $E2E_TOKEN")
  [[ $# -ge 3 ]] && args+=(--data-binary "$3")
  curl "${args[@]}" "$E2E_RELAY_URL$2"
}

e2e_sign_up() {
  local reply
  reply=$(E2E_TOKEN='' e2e_api POST /v1/auth/signup \
    "$(jq -n --arg e "dev-$E2E_RUN@example.com" '{email:$e, password:"correct horse battery"}')")
  E2E_TOKEN=$(jq -r '.token // empty' <<<"$reply")
  [[ -n "$E2E_TOKEN" ]] || e2e_fail "sign-up: $reply"
  export TTALKAK_RELAY_URL="$E2E_RELAY_URL" TTALKAK_TOKEN="$E2E_TOKEN"
}

# ---- providers -----------------------------------------------------------------------------
e2e_register_provider() { # NAME → key in $E2E_DIR/NAME.key, id in $E2E_DIR/NAME.id
  local reply
  reply=$(e2e_api POST /v1/providers "$(jq -n --arg n "$1" '{name:$n}')")
  jq -r '.registrationKey // empty' <<<"$reply" >"$E2E_DIR/$1.key"
  jq -r '.id // empty' <<<"$reply" >"$E2E_DIR/$1.id"
  [[ -s "$E2E_DIR/$1.key" ]] || e2e_fail "provider registration: $reply"
}

e2e_start_provider() { # NAME [extra provider args...]
  local name=$1; shift
  [[ -s "$E2E_DIR/$name.key" ]] || e2e_register_provider "$name"
  E2E_SCOPES+=("$E2E_RUN-$name")
  # Its own settings (caps) through --config, its own containers through --scope.
  e2e_spawn "$name" "$provider_bin" --headless --config "$E2E_DIR/$name.ini" --relay "ws://127.0.0.1:$E2E_RELAY_PORT" \
    --tunnel "127.0.0.1:$E2E_TUNNEL_PORT" --key-file "$E2E_DIR/$name.key" --allow-file-sources \
    --scope "$E2E_RUN-$name" "$@"
  e2e_wait_for 60 "provider $name online" e2e_provider_online "$name"
}

e2e_provider_online() {
  e2e_api GET "/v1/providers/$(<"$E2E_DIR/$1.id")" | jq -e '.online == true'
}

# ---- git server ----------------------------------------------------------------------------
E2E_GIT_PORT=
e2e_git_repo() { # NAME SOURCE_DIR — a bare repo NAME.git served by git daemon, one commit
  local work="$E2E_DIR/git-work/$1"
  mkdir -p "$work" "$E2E_DIR/git"
  cp -R "$2/." "$work/"
  rm -rf "$work/node_modules" "$work/dist"
  git -C "$work" init -q -b main
  e2e_git_commit "$1" "initial"
  git init -q --bare "$E2E_DIR/git/$1.git"
  git -C "$work" push -q "$E2E_DIR/git/$1.git" main
  if [[ -z "$E2E_GIT_PORT" ]]; then
    E2E_GIT_PORT=$(e2e_free_port)
    e2e_spawn git-daemon git daemon --reuseaddr --export-all --base-path="$E2E_DIR/git" \
      --listen=127.0.0.1 --port="$E2E_GIT_PORT" "$E2E_DIR/git"
    e2e_wait_for 10 "git daemon" git ls-remote "git://127.0.0.1:$E2E_GIT_PORT/$1.git"
  fi
}

e2e_git_commit() { # NAME MESSAGE — commit everything in the work tree (push separately)
  local work="$E2E_DIR/git-work/$1"
  git -C "$work" add -A
  git -C "$work" -c user.name=e2e -c user.email=e2e@example.com commit -q -m "$2"
}

e2e_git_push() { git -C "$E2E_DIR/git-work/$1" push -q "$E2E_DIR/git/$1.git" main; }
e2e_git_url() { printf 'git://127.0.0.1:%s/%s.git\n' "$E2E_GIT_PORT" "$1"; }
e2e_git_head() { git -C "$E2E_DIR/git-work/$1" rev-parse HEAD; }

# ---- clients -------------------------------------------------------------------------------
e2e_cli() { "$cli_bin" "$@"; }

e2e_app_url() { printf 'http://%s.%s:%s%s\n' "$1" "$E2E_DOMAIN" "$E2E_INGRESS_PORT" "${2:-/}"; }

e2e_curl_app() { # NAME PATH — through the relay's ingress (*.localhost resolves to loopback)
  curl -sS --max-time 20 --resolve "$1.$E2E_DOMAIN:$E2E_INGRESS_PORT:127.0.0.1" "$(e2e_app_url "$1" "$2")"
}

e2e_chromium_dom() { # URL — the DOM after scripts ran
  local profile="$E2E_DIR/chromium-$RANDOM"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --host-resolver-rules="MAP *.$E2E_DOMAIN 127.0.0.1" \
    --virtual-time-budget=8000 --dump-dom "$1" 2>>"$E2E_DIR/chromium.log"
}

e2e_deployment() { # ID → JSON
  e2e_api GET "/v1/deployments/$1"
}

# Running containers of a relay deployment id (the provider names its objects with `_` → `-`).
e2e_containers_of() { # ID [SCOPE]
  local filter
  filter=$(jq -rn --arg l "ttalkak.deployment=${1//_/-}" '{label:[$l]}|@uri')
  docker_api GET "/containers/json?filters=$filter" | jq -r '.[].Id'
}

# 0 once the Docker engine no longer knows the container (removed, not just stopped).
e2e_container_gone() { # ID
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --unix-socket "$E2E_DOCKER_SOCK" "http://docker/containers/$1/json")" == 404 ]]
}
