#!/usr/bin/env bash
# Redeploy after a new commit: the new version is served, the old container is removed, and a
# client hammering the site during the switch sees no failed request. Then the provider crashes
# and comes back: the container is re-adopted, not rebuilt.
E2E_SCENARIO=redeploy
source "$(dirname "$0")/lib.sh"
e2e_require
sample="$TTALKAK_SOURCE_DIR/tests/samples/frontend/static-site"

e2e_start_relay
e2e_sign_up
e2e_start_provider p1
e2e_git_repo site "$sample"
printf '<!doctype html><title>v1</title><p>version-one</p>\n' >"$E2E_DIR/git-work/site/index.html"
e2e_git_commit site v1 && e2e_git_push site

e2e_cli deploy --repo "$(e2e_git_url site)" --ref main --name site --timeout 300 >"$E2E_DIR/deploy1.out" 2>&1 \
  || { cat "$E2E_DIR/deploy1.out" >&2; e2e_fail "first deploy"; }
[[ "$(e2e_curl_app site /)" == *version-one* ]] || e2e_fail "v1 not served"
id=$(e2e_api GET "/v1/deployments?q=site" | jq -r '.items[0].id')
old_containers=$(e2e_containers_of "$id")
[[ -n "$old_containers" ]] || e2e_fail "no container labelled with the deployment"

# A client that never stops during the switch: one request every 20 ms, each status recorded.
(
  while [[ ! -e "$E2E_DIR/stop-load" ]]; do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 \
      --resolve "site.$E2E_DOMAIN:$E2E_INGRESS_PORT:127.0.0.1" "$(e2e_app_url site /)" || echo 000
    sleep 0.02
  done >"$E2E_DIR/load.codes"
) &
load_pid=$!

printf '<!doctype html><title>v2</title><p>version-two</p>\n' >"$E2E_DIR/git-work/site/index.html"
e2e_git_commit site v2 && e2e_git_push site
e2e_cli deploy --repo "$(e2e_git_url site)" --ref main --name site --timeout 300 >"$E2E_DIR/deploy2.out" 2>&1 \
  || { cat "$E2E_DIR/deploy2.out" >&2; e2e_fail "redeploy"; }
e2e_wait_for 60 "v2 served" bash -c "curl -s --resolve 'site.$E2E_DOMAIN:$E2E_INGRESS_PORT:127.0.0.1' '$(e2e_app_url site /)' | grep -q version-two"
sleep 2
touch "$E2E_DIR/stop-load"
wait "$load_pid"

total=$(wc -l <"$E2E_DIR/load.codes")
bad=$(grep -cv '^200$' "$E2E_DIR/load.codes" || true)
e2e_log "$total requests during the switch, $bad not 200"
((total > 20)) || e2e_fail "the load loop made only $total requests"
((bad == 0)) || e2e_fail "failed requests during the redeploy: $(sort "$E2E_DIR/load.codes" | uniq -c | tr '\n' ' ')"

# The old container is gone (removed, not just stopped).
for c in $old_containers; do
  e2e_wait_for 30 "old container $c removed" e2e_container_gone "$c"
done
[[ "$(e2e_deployment "$id" | jq -r .generation)" -ge 2 ]] || e2e_fail "generation did not grow"

# The provider restarts (crash, then back within the heartbeat timeout): it re-adopts the
# running container by label instead of rebuilding, and the site keeps its container.
serving=$(e2e_containers_of "$id")
kill -KILL "$E2E_PID_p1"
e2e_start_provider p1
e2e_wait_for 30 "served after the provider restart" bash -c "curl -fsS --resolve 'site.$E2E_DOMAIN:$E2E_INGRESS_PORT:127.0.0.1' '$(e2e_app_url site /)' | grep -q version-two"
[[ "$(e2e_containers_of "$id")" == "$serving" ]] || e2e_fail "the container was replaced instead of re-adopted"
grep -q "re-adopted" "$E2E_DIR/p1.log" || e2e_fail "the provider did not re-adopt"
e2e_log PASS
