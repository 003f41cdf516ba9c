#!/usr/bin/env bash
# Pipeline overhead: one deploy through the whole system (CLI → relay → provider: git clone,
# image build, hardened container, tunnel, ingress) against the same work done by hand with the
# docker CLI (build + run + first answer), measured in the same run on the same machine; then a
# redeploy of the unchanged commit (the image is reused). Targets (DESIGN.md): overhead ≤ 10 %,
# unchanged redeploy ≤ 3 s.
#
#   TTALKAK_BIN_DIR=build/release bench/pipeline/run.sh [ROUNDS]
#
# Needs a Docker engine and TTALKAK_BASE_IMAGES_OVERRIDE (scripts/base-images.sh). Layer caches
# are warmed once first, so both sides measure the same warm build; each round uses a fresh
# Dockerfile comment so neither side can skip its last layer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export TTALKAK_SOURCE_DIR=${TTALKAK_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
export TTALKAK_BIN_DIR=${TTALKAK_BIN_DIR:-$TTALKAK_SOURCE_DIR/build/release}
rounds=${1:-3}
E2E_SCENARIO=bench-pipeline
# shellcheck source=../../tests/e2e/lib.sh
source "$TTALKAK_SOURCE_DIR/tests/e2e/lib.sh"
e2e_require
command -v docker >/dev/null || e2e_fail "the docker CLI is needed for the baseline"

now_ms() { date +%s%3N; }
sample="$TTALKAK_SOURCE_DIR/tests/samples/frontend/static-site"
e2e_start_relay
e2e_sign_up
e2e_start_provider p1
e2e_git_repo site "$sample"
# The Dockerfile and helper files the deploy will use, for the baseline too.
"$cli_bin" detect "$E2E_DIR/git-work/site" --json >"$E2E_DIR/plan.json"
baseline_dir="$E2E_DIR/baseline"
cp -R "$E2E_DIR/git-work/site" "$baseline_dir"
rm -rf "$baseline_dir/.git"
jq -r '.dockerfile' "$E2E_DIR/plan.json" >"$baseline_dir/Dockerfile.bench"
jq -r '(.files // {}) | to_entries[] | @base64' "$E2E_DIR/plan.json" | while read -r f; do
  path=$(base64 -d <<<"$f" | jq -r .key)
  mkdir -p "$baseline_dir/$(dirname "$path")"
  base64 -d <<<"$f" | jq -r .value >"$baseline_dir/$path"
done
port=$(jq -r '.plan.port' "$E2E_DIR/plan.json")

baseline_once() { # → ms for docker build + run + first 200
  local tag="ttalkak-bench/baseline:$RANDOM" t0 cid hostport
  printf '\n# round %s\n' "$RANDOM" >>"$baseline_dir/Dockerfile.bench"
  t0=$(now_ms)
  docker build -q -f "$baseline_dir/Dockerfile.bench" -t "$tag" "$baseline_dir" >/dev/null
  cid=$(docker run -d --label "ttalkak.scope=$E2E_RUN-p1" -p "127.0.0.1::$port" "$tag")
  hostport=$(docker port "$cid" "$port/tcp" | head -1 | sed 's/.*://')
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$hostport/"; do sleep 0.05; done
  echo $(($(now_ms) - t0))
  docker rm -f "$cid" >/dev/null
  docker rmi -f "$tag" >/dev/null
}

# Every line the CLI prints, stamped with epoch ms (stdout: states, stderr: "  | " build log).
stamp() { while IFS= read -r line; do printf '%s %s\n' "$(now_ms)" "$line"; done; }

pipeline_once() { # NAME → "total queue clone build start tunnel" in ms
  local t0 log="$E2E_DIR/deploy-$1.log" t_building t_built t_running t_answer
  printf '\n<!-- round %s -->\n' "$RANDOM" >>"$E2E_DIR/git-work/site/index.html"
  e2e_git_commit site "round" && e2e_git_push site
  t0=$(now_ms)
  "$cli_bin" deploy --repo "$(e2e_git_url site)" --ref main --name "$1" --timeout 600 2>&1 | stamp >"$log" \
    || e2e_fail "deploy $1 failed"
  grep -q "Live at" "$log" || { cat "$log" >&2; e2e_fail "deploy $1 did not finish"; }
  until e2e_curl_app "$1" / >/dev/null 2>&1; do sleep 0.02; done
  t_answer=$(now_ms)
  # Phases from the provider's own lines: queue = submitted → building (scheduled, offered,
  # accepted); clone = → the provider says it builds; build = → the last build line; start = →
  # the relay says running; tunnel = → the first 200 through the relay's ingress.
  t_building=$(awk '/→ building/ {print $1; exit}' "$log")
  t_built=$(awk '/Building image/ {print $1; exit}' "$log")
  t_running=$(awk '/→ running/ {print $1; exit}' "$log")
  local t_lastbuild
  t_lastbuild=$(awk '/  \| / {t=$1} END {print t}' "$log")
  [[ -n "$t_building" && -n "$t_running" ]] || { cat "$log" >&2; e2e_fail "no phase lines in $log"; }
  t_built=${t_built:-$t_building}
  t_lastbuild=${t_lastbuild:-$t_built}
  # One deployment at a time: the provider's caps (1 core by default) hold two of these.
  if [[ "$1" != "round$rounds" ]]; then
    local id
    id=$(e2e_api GET "/v1/deployments?q=$1" | jq -r --arg n "$1" '.items[] | select(.name == $n) | .id')
    e2e_api DELETE "/v1/deployments/$id" >/dev/null
    e2e_wait_for 60 "$1 deleted" bash -c "[[ -z \$(curl -s -H 'Authorization: Bearer $E2E_TOKEN' '$E2E_RELAY_URL/v1/deployments?q=$1' | jq -r '.items[] | select(.state != \"deleted\") | .id') ]]"
  fi
  echo "$((t_answer - t0)) $((t_building - t0)) $((t_built - t_building)) $((t_lastbuild - t_built)) $((t_running - t_lastbuild)) $((t_answer - t_running))"
}

e2e_log "warming the layer caches"
baseline_once >/dev/null
pipeline_once warm >/dev/null

base=() pipe=() phases=()
for i in $(seq 1 "$rounds"); do
  base+=("$(baseline_once)")
  read -r total q c b st tu <<<"$(pipeline_once "round$i")"
  pipe+=("$total")
  phases+=("$q $c $b $st $tu")
  e2e_log "round $i: docker CLI ${base[-1]} ms, ttalkak $total ms (queue $q, clone $c, build $b, start $st, tunnel $tu)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mb=$(median "${base[@]}") mp=$(median "${pipe[@]}")
phase_median() { local k=$1; median $(printf '%s\n' "${phases[@]}" | awk -v k="$k" '{print $k}'); }

# Redeploy of the unchanged commit: same name, same commit → the image is reused.
t0=$(now_ms)
"$cli_bin" deploy --repo "$(e2e_git_url site)" --ref main --name "round$rounds" --timeout 600 >>"$E2E_DIR/deploys.log" 2>&1 \
  || e2e_fail "unchanged redeploy failed"
redeploy=$(($(now_ms) - t0))

printf '\nmedian of %s rounds (warm layer cache)\n' "$rounds"
printf '  docker build + run + first answer : %6d ms\n' "$mb"
printf '  ttalkak deploy until it answers   : %6d ms  (%.2fx, overhead %+.1f%%)\n' "$mp" \
  "$(echo "$mp / $mb" | bc -l)" "$(echo "($mp - $mb) * 100 / $mb" | bc -l)"
printf '    phases (median): queue %d, clone %d, build %d, start %d, tunnel %d ms\n' \
  "$(phase_median 1)" "$(phase_median 2)" "$(phase_median 3)" "$(phase_median 4)" "$(phase_median 5)"
printf '  unchanged redeploy (image reused) : %6d ms\n' "$redeploy"
