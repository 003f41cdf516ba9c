# shellcheck shell=bash
# Docker engine helpers for the Ttalkak test harness. Source this file, then:
#
#   ttalkak_ensure_dockerd   # returns 0 once a Docker engine answers /_ping;
#                            # starts Debian's dockerd (as root) if none does
#   ttalkak_stop_dockerd     # stops the dockerd that ttalkak_ensure_dockerd
#                            # started (pid file); never touches another one
#   ttalkak_docker_ping      # 0 if an engine answers now
#
# After ttalkak_ensure_dockerd, TTALKAK_DOCKERD_STARTED is 1 if this call started
# the daemon, 0 if one was already answering (so a caller can stop only its own:
#   [[ $TTALKAK_DOCKERD_STARTED == 1 ]] && ttalkak_stop_dockerd).
#
# Both are idempotent and safe under `set -euo pipefail`.
#
# Environment (all optional):
#   TTALKAK_STATE_DIR                state dir (default /var/tmp/ttalkak); holds
#                                    dockerd.log, dockerd.pid, dockerd.storage-driver
#   TTALKAK_DOCKERD_TIMEOUT          seconds to wait for /_ping per attempt (default 60)
#   TTALKAK_DOCKERD_STORAGE_DRIVER   force one storage driver (no fallback)
#   TTALKAK_DOCKERD_ARGS             extra dockerd arguments (word-split)
#   DOCKER_HOST                      honoured when checking for a running engine
#
# dockerd is started with default options (iptables ON: containers and builds need
# egress to the apt mirror and the npm registry). Storage drivers are tried in
# order: the one that worked last time, overlay2, fuse-overlayfs (if installed),
# vfs. A driver counts as working when the daemon answers /_ping AND a tiny
# imported image can be mounted (docker create + docker cp).

ttalkak__dockerd_state_dir() { printf '%s\n' "${TTALKAK_STATE_DIR:-/var/tmp/ttalkak}"; }

ttalkak__dockerd_log() { printf 'ttalkak-dockerd: %s\n' "$*" >&2; }

# The unix socket the docker CLI would use, or empty for a non-unix DOCKER_HOST.
ttalkak__docker_socket() {
  case "${DOCKER_HOST:-}" in
    "") printf '/var/run/docker.sock\n' ;;
    unix://*) printf '%s\n' "${DOCKER_HOST#unix://}" ;;
    *) printf '\n' ;;
  esac
}

# Returns 0 if a Docker engine answers right now.
ttalkak_docker_ping() {
  local sock
  sock=$(ttalkak__docker_socket)
  if [[ -n "$sock" ]] && command -v curl >/dev/null 2>&1; then
    [[ -S "$sock" ]] || return 1
    [[ "$(curl -fsS --max-time 3 --unix-socket "$sock" http://localhost/_ping 2>/dev/null)" == "OK" ]]
    return
  fi
  timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# pid of the dockerd we started (from the pid file), if it is still alive.
ttalkak__our_dockerd_pid() {
  local pidfile pid
  pidfile="$(ttalkak__dockerd_state_dir)/dockerd.pid"
  [[ -r "$pidfile" ]] || return 1
  pid=$(<"$pidfile")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/comm" && "$(<"/proc/$pid/comm")" == "dockerd" ]] || return 1
  printf '%s\n' "$pid"
}

# Storage self-test: import a one-file image and mount it via create + cp.
ttalkak__dockerd_storage_selftest() {
  local tmp cid ok=1
  tmp=$(mktemp -d) || return 1
  printf 'ttalkak\n' >"$tmp/probe"
  if tar -C "$tmp" -c probe | docker import - ttalkak-selftest:probe >/dev/null 2>&1 &&
     cid=$(docker create ttalkak-selftest:probe /probe 2>/dev/null); then
    if docker cp "$cid:/probe" - 2>/dev/null | tar -xO 2>/dev/null | grep -q ttalkak; then ok=0; fi
    docker rm -f "$cid" >/dev/null 2>&1 || true
  fi
  docker rmi ttalkak-selftest:probe >/dev/null 2>&1 || true
  rm -rf "$tmp"
  return "$ok"
}

# Stop a dockerd pid (TERM, then KILL after 30 s).
ttalkak__kill_dockerd_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  ttalkak__dockerd_log "dockerd pid $pid ignored SIGTERM for 30 s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 1
}

# One attempt with one storage driver. 0 = running; 1 = driver problem (try the
# next one); 2 = fatal (no point in trying another driver).
ttalkak__start_dockerd_with() {
  local driver=$1 state log pidfile timeout pid start_line deadline
  state=$(ttalkak__dockerd_state_dir)
  log="$state/dockerd.log"
  pidfile="$state/dockerd.pid"
  timeout=${TTALKAK_DOCKERD_TIMEOUT:-60}

  local -a extra=()
  # shellcheck disable=SC2206
  [[ -n "${TTALKAK_DOCKERD_ARGS:-}" ]] && extra=(${TTALKAK_DOCKERD_ARGS})

  start_line=1
  [[ -f "$log" ]] && start_line=$(($(wc -l <"$log") + 1))
  printf '==== %s ttalkak: starting dockerd --storage-driver=%s %s\n' \
    "$(date -u +%FT%TZ)" "$driver" "${extra[*]:-}" >>"$log"
  # setsid: own session, so the daemon outlives the calling script / job group.
  setsid dockerd --storage-driver="$driver" "${extra[@]}" </dev/null >>"$log" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$pidfile"

  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidfile"
      local tail_txt
      tail_txt=$(tail -n +"$start_line" "$log" | grep -E 'level=(error|fatal)|failed to start' | tail -n 5)
      ttalkak__dockerd_log "dockerd --storage-driver=$driver exited during start-up:"
      printf '%s\n' "$tail_txt" | sed 's/^/    /' >&2
      if grep -qiE 'graphdriver|storage.driver|overlay|fuse|driver not supported|backing file ?system|d_type' <<<"$tail_txt"; then
        return 1
      fi
      if grep -qiE 'pid file found' <<<"$tail_txt"; then
        ttalkak__dockerd_log "another dockerd owns /var/run/docker.pid but does not answer; stop it first"
      fi
      if grep -qiE 'iptables|nat chain|bridge' <<<"$tail_txt"; then
        ttalkak__dockerd_log "network set-up failed (iptables). Ttalkak needs iptables ON so containers get egress;"
        ttalkak__dockerd_log "check 'iptables -t nat -L' works here (kernel modules / iptables-legacy vs nft)."
      fi
      return 2
    fi
    if ttalkak_docker_ping; then
      if ttalkak__dockerd_storage_selftest; then
        printf '%s\n' "$driver" >"$state/dockerd.storage-driver"
        export TTALKAK_DOCKERD_STARTED=1
        ttalkak__dockerd_log "started dockerd pid $pid (storage driver $driver, log $log)"
        return 0
      fi
      ttalkak__dockerd_log "dockerd answers but storage driver $driver cannot mount layers; stopping it"
      ttalkak__kill_dockerd_pid "$pid"
      rm -f "$pidfile"
      return 1
    fi
    sleep 0.5
  done
  ttalkak__dockerd_log "dockerd --storage-driver=$driver did not answer /_ping within ${timeout}s; last log lines:"
  tail -n 5 "$log" | sed 's/^/    /' >&2
  ttalkak__kill_dockerd_pid "$pid"
  rm -f "$pidfile"
  return 2
}

ttalkak_ensure_dockerd() {
  export TTALKAK_DOCKERD_STARTED=0
  if ttalkak_docker_ping; then return 0; fi

  local state
  state=$(ttalkak__dockerd_state_dir)
  local sock
  sock=$(ttalkak__docker_socket)
  if [[ -n "$sock" && "$(readlink -m "$sock")" != "$(readlink -m /var/run/docker.sock)" ]]; then
    ttalkak__dockerd_log "DOCKER_HOST=$DOCKER_HOST does not answer and is not the default socket; not starting dockerd"
    return 1
  fi
  if [[ -z "$(ttalkak__docker_socket)" ]]; then
    ttalkak__dockerd_log "DOCKER_HOST=$DOCKER_HOST does not answer; not starting a local dockerd"
    return 1
  fi
  if [[ $(id -u) -ne 0 ]]; then
    ttalkak__dockerd_log "no Docker engine answers on /var/run/docker.sock and starting dockerd needs root"
    return 1
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    ttalkak__dockerd_log "no Docker engine answers and dockerd is not installed (apt-get install docker.io)"
    return 1
  fi
  mkdir -p "$state" || return 1

  # Serialise concurrent callers; the lock is released when fd 9 is closed.
  local rc=0
  {
    if ! flock -w 180 9; then
      ttalkak__dockerd_log "timed out waiting for $state/dockerd.lock"
      return 1
    fi
    ttalkak__ensure_dockerd_locked || rc=$?
  } 9>"$state/dockerd.lock"
  return "$rc"
}

ttalkak__ensure_dockerd_locked() {
  local state pid i driver
  state=$(ttalkak__dockerd_state_dir)
  ttalkak_docker_ping && return 0   # someone else started it while we waited

  # Our dockerd is alive but not answering yet (still starting?): give it time.
  if pid=$(ttalkak__our_dockerd_pid); then
    for ((i = 0; i < ${TTALKAK_DOCKERD_TIMEOUT:-60} * 2; i++)); do
      ttalkak_docker_ping && return 0
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      ttalkak__dockerd_log "dockerd pid $pid (started by ttalkak) is alive but does not answer; restarting it"
      ttalkak__kill_dockerd_pid "$pid"
    fi
    rm -f "$state/dockerd.pid"
  fi

  local -a drivers=()
  if [[ -n "${TTALKAK_DOCKERD_STORAGE_DRIVER:-}" ]]; then
    drivers=("$TTALKAK_DOCKERD_STORAGE_DRIVER")
  else
    [[ -r "$state/dockerd.storage-driver" ]] && drivers+=("$(<"$state/dockerd.storage-driver")")
    drivers+=(overlay2)
    if command -v fuse-overlayfs >/dev/null 2>&1 && [[ -e /dev/fuse ]]; then
      drivers+=(fuse-overlayfs)
    fi
    drivers+=(vfs)
  fi

  local -A tried=()
  for driver in "${drivers[@]}"; do
    [[ -n "$driver" && -z "${tried[$driver]:-}" ]] || continue
    tried[$driver]=1
    local r=0
    ttalkak__start_dockerd_with "$driver" || r=$?
    case $r in
      0) return 0 ;;
      1) ttalkak__dockerd_log "storage driver $driver does not work here; trying the next one" ;;
      *) ttalkak__dockerd_log "could not start dockerd; see $state/dockerd.log"; return 1 ;;
    esac
  done
  ttalkak__dockerd_log "no storage driver worked (${!tried[*]}); see $state/dockerd.log"
  return 1
}

ttalkak_stop_dockerd() {
  local state pid
  state=$(ttalkak__dockerd_state_dir)
  if ! pid=$(ttalkak__our_dockerd_pid); then
    rm -f "$state/dockerd.pid"
    return 0   # nothing of ours is running; leave any other engine alone
  fi
  ttalkak__dockerd_log "stopping dockerd pid $pid"
  ttalkak__kill_dockerd_pid "$pid"
  rm -f "$state/dockerd.pid"
}
