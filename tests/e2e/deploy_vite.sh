#!/usr/bin/env bash
# A Vite React app deployed from a git repository and from a dropped folder: both render in
# headless Chromium through the relay's ingress, a client-side route too (the SPA fallback).
E2E_SCENARIO=deploy-vite
source "$(dirname "$0")/lib.sh"
e2e_require
sample="$TTALKAK_SOURCE_DIR/tests/samples/frontend/vite-react"

e2e_start_relay
e2e_sign_up
e2e_start_provider p1

e2e_git_repo vite "$sample"
e2e_log "deploy from git"
e2e_cli deploy --repo "$(e2e_git_url vite)" --ref main --name vite-git --timeout 600 \
  >"$E2E_DIR/deploy-git.out" 2>&1 || { cat "$E2E_DIR/deploy-git.out" >&2; e2e_fail "ttalkak deploy --repo"; }
grep -q "vite-git.$E2E_DOMAIN" "$E2E_DIR/deploy-git.out" || e2e_fail "no public URL printed"
# The provider's build output reached the deployer live, through the relay.
grep -q "^  | .*Building image" "$E2E_DIR/deploy-git.out" || e2e_fail "no live build log"

e2e_log "deploy the dropped folder"
e2e_cli deploy "$sample" --name vite-drop --timeout 600 \
  >"$E2E_DIR/deploy-drop.out" 2>&1 || { cat "$E2E_DIR/deploy-drop.out" >&2; e2e_fail "ttalkak deploy PATH"; }

for app in vite-git vite-drop; do
  dom=$(e2e_chromium_dom "$(e2e_app_url "$app" /)")
  grep -q "<h1>Home</h1>" <<<"$dom" || e2e_fail "$app: / did not render Home: ${dom:0:400}"
  dom=$(e2e_chromium_dom "$(e2e_app_url "$app" /about)")
  grep -q "About (a client-side route)" <<<"$dom" || e2e_fail "$app: /about did not render: ${dom:0:400}"
  e2e_log "$app renders / and /about in Chromium"
done

# The relay saw those requests: access rows for the page and its assets.
id=$(e2e_api GET "/v1/deployments?q=vite-git" | jq -r '.items[0].id')
e2e_wait_for 10 "access-log rows" bash -c \
  "curl -sS -H 'Authorization: Bearer $E2E_TOKEN' '$E2E_RELAY_URL/v1/deployments/$id/logs?kind=access' | jq -e '[.items[] | select(.status == 200)] | length >= 2'"
# …and in the per-minute metrics the deployer's charts read.
e2e_wait_for 10 "requests in the metrics" bash -c \
  "curl -sS -H 'Authorization: Bearer $E2E_TOKEN' '$E2E_RELAY_URL/v1/deployments/$id/metrics' | jq -e '([.buckets[].requests] | add) >= 2'"
e2e_log PASS
