#!/usr/bin/env bash
# Provider loss: SIGKILL the provider running an app → the relay reschedules it on a second
# provider, the app serves again and the deployer is told; the first provider comes back → its
# stale container is removed. Then the relay restarts: providers reconnect, nothing is lost and
# metrics continue. Finally the ledger: credited = metered usage × price, debit matches.
E2E_SCENARIO=failover
source "$(dirname "$0")/lib.sh"
e2e_require
sample="$TTALKAK_SOURCE_DIR/tests/samples/frontend/static-site"

e2e_start_relay
e2e_sign_up
e2e_start_provider p1
e2e_git_repo site "$sample"

e2e_cli deploy --repo "$(e2e_git_url site)" --ref main --name fo-site --timeout 300 >"$E2E_DIR/deploy.out" 2>&1 \
  || { cat "$E2E_DIR/deploy.out" >&2; e2e_fail "deploy"; }
id=$(e2e_api GET "/v1/deployments?q=fo-site" | jq -r '.items[0].id')
[[ "$(e2e_deployment "$id" | jq -r .providerId)" == "$(<"$E2E_DIR/p1.id")" ]] || e2e_fail "not placed on p1"
e2e_curl_app fo-site / | grep -q . || e2e_fail "not served before the failover"

# A deployer watching its deployment (the CLI follows status changes on the control socket).
e2e_spawn watch "$cli_bin" status "$id" --follow

e2e_start_provider p2
stale=$(e2e_containers_of "$id")
kill -KILL "$E2E_PID_p1"
e2e_log "p1 killed; waiting for the reschedule onto p2"
e2e_wait_for 120 "placed on p2 and running" bash -c \
  "curl -sS -H 'Authorization: Bearer $E2E_TOKEN' '$E2E_RELAY_URL/v1/deployments/$id' | jq -e --arg p '$(<"$E2E_DIR/p2.id")' '.providerId == \$p and .state == \"running\"'"
e2e_wait_for 60 "served again" bash -c "curl -fsS --resolve 'fo-site.$E2E_DOMAIN:$E2E_INGRESS_PORT:127.0.0.1' '$(e2e_app_url fo-site /)'"
e2e_wait_for 10 "the deployer told" grep -qi "resched\|provider.*lost" "$E2E_DIR/watch.log"

e2e_log "p1 returns: its stale container must go"
e2e_start_provider p1
for c in $stale; do
  e2e_wait_for 60 "stale container $c removed" e2e_container_gone "$c"
done

e2e_log "relay restart"
for _ in $(seq 1 20); do e2e_curl_app fo-site / >/dev/null; done
e2e_stop_relay TERM
e2e_start_relay
e2e_wait_for 60 "p2 reconnected" e2e_provider_online p2
e2e_wait_for 60 "served after the relay restart" bash -c "curl -fsS --resolve 'fo-site.$E2E_DOMAIN:$E2E_INGRESS_PORT:127.0.0.1' '$(e2e_app_url fo-site /)'"
[[ "$(e2e_deployment "$id" | jq -r .state)" == running ]] || e2e_fail "deployment lost across the relay restart"
for _ in $(seq 1 20); do e2e_curl_app fo-site / >/dev/null; done
e2e_wait_for 15 "metrics continue after the restart" bash -c \
  "curl -sS -H 'Authorization: Bearer $E2E_TOKEN' '$E2E_RELAY_URL/v1/deployments/$id/metrics' | jq -e '([.buckets[].requests] | add) >= 40'"

e2e_log "earnings: wait for metered minutes"
e2e_wait_for 150 "usage charged" bash -c \
  "curl -sS -H 'Authorization: Bearer $E2E_TOKEN' '$E2E_RELAY_URL/v1/earnings' | jq -e '.provider.allTime > 0'"
earnings=$(e2e_api GET /v1/earnings)
usage=$(e2e_api GET "/v1/deployments/$id/usage")
e2e_log "earnings $earnings"
e2e_log "usage $usage"
# Every metered minute is charged once at the provider's price (docs/protocol.md, Metering):
# amount = floor(seconds × (cpuMillis × cpuHour × 1024 + memoryMb × gbHour × 1000) / (3600 × 1000 × 1024)),
# the deployer paid exactly the sum, and the providers got it minus the operator's fee.
jq -e '[.items[] | .amount == (((.seconds * (.cpuMillis * .price.cpuHour * 1024 + .memoryMb * .price.gbHour * 1000))
        / (3600 * 1000 * 1024)) | floor)] | all' <<<"$usage" >/dev/null || e2e_fail "an amount differs from usage × price"
jq -e --argjson e "$earnings" '([.items[].amount] | add) as $a | ([.items[].fee] | add) as $f
   | $a > 0 and $e.deployer.spentAllTime == $a and $e.provider.allTime == ($a - $f)' <<<"$usage" >/dev/null \
  || e2e_fail "ledger does not match metered usage"
e2e_log PASS
