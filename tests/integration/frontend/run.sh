#!/usr/bin/env bash
# Builds and runs the frontend samples the way a provider would, from what
# `ttalkak detect --json` generates, and checks that each one serves HTTP 200
# for "/" and for a client-side route.
#
#   tests/integration/frontend/run.sh PATH/TO/ttalkak [SAMPLE...]
#
# For every sample in tests/samples/frontend (or the ones named):
#   1. copy it to a temp dir; write the generated Dockerfile, .dockerignore and
#      helper files (.ttalkak/...) into the plan's context folder;
#   2. docker build (classic builder, never pulls: base images come from the
#      override file, $TTALKAK_BASE_IMAGES_OVERRIDE or the state dir's
#      base-images.local.yaml written by scripts/base-images.sh);
#   3. docker run -d -p 127.0.0.1::<plan port>, wait (bounded) until the image's
#      own HEALTHCHECK reports healthy, check it runs as a non-root user;
#   4. curl "/" and the sample's client-side route, expecting 200;
#   5. remove the container and image (TTALKAK_KEEP_IMAGES=1 keeps the image).
# Exit: 0 pass, 1 fail, 77 skip (no engine / no base images) unless
# TTALKAK_REQUIRE_DOCKER=1, which turns a skip into a failure.
set -euo pipefail

cli=${1:?usage: run.sh PATH/TO/ttalkak [SAMPLE...]}
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=${TTALKAK_SOURCE_DIR:-$(cd "$here/../../.." && pwd)}
samples_dir=$source_dir/tests/samples/frontend
state_dir=${TTALKAK_STATE_DIR:-/var/tmp/ttalkak}
health_timeout=${TTALKAK_HEALTH_TIMEOUT:-120}
export DOCKER_BUILDKIT=0   # the classic builder: BuildKit would look base images up in a registry

# sample -> client-side route to check besides "/"
declare -A route=([static-site]=/about [vite-react]=/about [cra-app]=/about [next-app]=/about)
if (($# > 0)); then samples=("$@"); else samples=(static-site vite-react next-app cra-app); fi

log() { printf '[frontend-it] %s\n' "$*" >&2; }
skip_or_fail() {
  if [[ "${TTALKAK_REQUIRE_DOCKER:-}" == 1 ]]; then
    log "FAIL: TTALKAK_REQUIRE_DOCKER=1 but $*"
    exit 1
  fi
  log "SKIP: $*"
  exit 77
}

command -v docker >/dev/null || skip_or_fail "the docker CLI is not installed"
command -v curl >/dev/null || skip_or_fail "curl is not installed"
timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1 || skip_or_fail "no Docker engine answers"

override=${TTALKAK_BASE_IMAGES_OVERRIDE:-}
[[ -n "$override" ]] || { [[ -f "$state_dir/base-images.local.yaml" ]] && override=$state_dir/base-images.local.yaml; } || true
[[ -n "$override" && -f "$override" ]] || skip_or_fail "no base image override (run scripts/base-images.sh; set TTALKAK_BASE_IMAGES_OVERRIDE)"
export TTALKAK_BASE_IMAGES_OVERRIDE=$override
for key in node nginx; do
  image=$(sed -n "s/^$key: *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" "$override")
  [[ -n "$image" ]] || skip_or_fail "the override file $override names no '$key' image"
  docker image inspect "$image" >/dev/null 2>&1 || skip_or_fail "base image $image is not in the local engine (nothing is pulled)"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/ttalkak-frontend-it.XXXXXX")
containers=() images=()
cleanup() {
  for c in "${containers[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  if [[ "${TTALKAK_KEEP_IMAGES:-}" != 1 ]]; then
    for i in "${images[@]}"; do docker rmi -f "$i" >/dev/null 2>&1 || true; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Writes the generated files of detect.json into the context folder ($1).
write_generated() {
  python3 - "$1" "$2" <<'PY'
import json, os, sys
ctx, plan_file = sys.argv[1], sys.argv[2]
out = json.load(open(plan_file))
files = {"Dockerfile": out["dockerfile"], ".dockerignore": out["dockerignore"], **out["files"]}
for rel, text in files.items():
    path = os.path.normpath(os.path.join(ctx, rel))
    assert path.startswith(os.path.normpath(ctx)), rel
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
p = out["plan"]
print(p["contextDir"] or ".", p["port"], p["healthPath"], p["strategy"])
PY
}

# GET url, expect 200; prints the status on failure.
expect_200() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1" || true)
  if [[ "$status" != 200 ]]; then
    log "FAIL: $1 answered HTTP $status"
    return 1
  fi
  log "  $1 -> 200"
}

failed=()
run_sample() {
  local name=$1 start=$SECONDS
  local src=$samples_dir/$name copy=$work/$name tag=ttalkak-it-frontend-$name:run$$
  [[ -d "$src" ]] || { log "FAIL: no sample $src"; return 1; }
  cp -a "$src" "$copy"
  rm -rf "$copy/node_modules" "$copy/Dockerfile" "$copy/.dockerignore" "$copy/.ttalkak"

  "$cli" detect "$copy" --json >"$work/$name.json" || { log "FAIL: ttalkak detect failed"; return 1; }
  local ctx port health strategy
  read -r ctx port health strategy < <(write_generated "$copy/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["plan"]["contextDir"])' "$work/$name.json")" "$work/$name.json")
  log "$name: strategy $strategy, port $port, health path $health"

  # Named stages are built and tagged first so cleanup can remove their layers too
  # (the classic builder leaves them untagged otherwise); the final build reuses them.
  local stage
  for stage in $(sed -n 's/^FROM .* AS \([A-Za-z0-9_-]*\)$/\1/p' "$copy/${ctx#.}/Dockerfile"); do
    images+=("$tag-$stage")
    if ! docker build -q --target "$stage" -t "$tag-$stage" "$copy/${ctx#.}" >"$work/$name.$stage.log" 2>&1; then
      docker build --target "$stage" -t "$tag-$stage" "$copy/${ctx#.}" 2>&1 | tail -n 40 >&2 || true
      log "FAIL: docker build of $name (stage $stage)"
      return 1
    fi
  done
  images+=("$tag")
  if ! docker build -q -t "$tag" "$copy/${ctx#.}" >"$work/$name.build.log" 2>&1; then
    # -q hides the steps: rebuild verbosely for the log (cached steps are instant)
    docker build -t "$tag" "$copy/${ctx#.}" 2>&1 | tail -n 40 >&2 || true
    log "FAIL: docker build of $name"
    return 1
  fi
  log "  built in $((SECONDS - start))s"

  local cid
  cid=$(docker run -d --read-only --tmpfs /tmp -p "127.0.0.1::$port" "$tag")
  containers+=("$cid")
  local deadline=$((SECONDS + health_timeout)) status=
  while ((SECONDS < deadline)); do
    status=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.Running}}' "$cid")
    case "$status" in
      "healthy true") break ;;
      *" false" | "unhealthy "* | "none "*) break ;;
    esac
    sleep 1
  done
  if [[ "$status" != "healthy true" ]]; then
    log "FAIL: $name did not become healthy ($status); container log:"
    docker logs --tail 40 "$cid" >&2 || true
    docker inspect -f '{{range .State.Health.Log}}{{.Output}}{{end}}' "$cid" 2>/dev/null | tail -n 5 >&2 || true
    return 1
  fi
  log "  healthy after $((SECONDS - start))s"

  local user uid
  user=$(docker inspect -f '{{.Config.User}}' "$cid")
  uid=$(docker exec "$cid" id -u)
  if [[ -z "$user" || "$user" == root || "$uid" == 0 ]]; then
    log "FAIL: $name runs as root (USER '$user', uid $uid)"
    return 1
  fi

  local host_port base
  host_port=$(docker port "$cid" "$port/tcp" | head -n1 | sed 's/.*://')
  base=http://127.0.0.1:$host_port
  expect_200 "$base${health}" || return 1
  expect_200 "$base${health%/}${route[$name]:-/}" || return 1
  log "PASS: $name in $((SECONDS - start))s"
}

for name in "${samples[@]}"; do
  run_sample "$name" || failed+=("$name")
done
if ((${#failed[@]})); then
  log "FAILED: ${failed[*]}"
  exit 1
fi
log "all ${#samples[@]} samples pass in ${SECONDS}s"
