#!/usr/bin/env bash
# Tunnel benchmark, one run, all on loopback: the same nginx reached
#   direct       wrk → nginx
#   ttalkak      wrk → relay (HttpIngress + TunnelHub) → tunnel → agent → nginx   (separate processes)
#   ssh -R       wrk → sshd remote forward → ssh client → nginx                    (OpenSSH from Debian)
# Measures keep-alive req/s + p99 for a small file (wrk), single-stream bulk MB/s for a 1 GiB file
# (curl), and the relay's peak RSS while serving ~1,000 req/s. Prints a Markdown table of medians.
# Usage: bench/tunnel/run.sh [BUILD_DIR]   (a Release build; needs nginx-light, wrk,
#        openssh-server, openssh-client, curl, python3). Env: BENCH_DURATION (s), BENCH_CONNECTIONS,
#        BENCH_ROUNDS (default 3).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/release}
node=$build/bench/tunnel/tunnel_bench_node
dur=${BENCH_DURATION:-10}
conns=${BENCH_CONNECTIONS:-50}
[[ -x $node ]] || { echo "build tunnel_bench_node first ($node)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
freeport() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
waitport() {
  for _ in $(seq 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.05
  done
  echo "port $1 never opened" >&2; return 1
}

# --- nginx -----------------------------------------------------------------------------------
chmod 755 "$work"; mkdir -p "$work/www" "$work/nginx"
printf 'hello, tunnel\n' > "$work/www/hello.txt"
head -c 1073741824 /dev/zero > "$work/www/big.bin"
chmod -R a+rX "$work/www"
nginx_port=$(freeport)
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log stderr error;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  keepalive_requests 10000000;
  sendfile on;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
CONF
/usr/sbin/nginx -e stderr -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)
waitport "$nginx_port"

# --- ttalkak relay + agent ----------------------------------------------------------------------
hub_port=$(freeport); http_port=$(freeport)
QT_NO_GLIB=1 "$node" relay --hub-port "$hub_port" --http-port "$http_port" --route "bench=$nginx_port" > "$work/relay.out" &
relay_pid=$!; pids+=($relay_pid)
waitport "$hub_port"
QT_NO_GLIB=1 "$node" agent --hub-port "$hub_port" --route "bench=$nginx_port" & pids+=($!)
for _ in $(seq 200); do grep -q ready "$work/relay.out" && break; sleep 0.05; done
grep -q ready "$work/relay.out" || { echo "agent never connected" >&2; exit 1; }

# --- OpenSSH reverse tunnel (throwaway keys, loopback only) ---------------------------------------
ssh_port=$(freeport); fwd_port=$(freeport)
mkdir -p /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$work/hostkey"
ssh-keygen -q -t ed25519 -N '' -f "$work/userkey"
cp "$work/userkey.pub" "$work/authorized_keys"
cat > "$work/sshd_config" <<CONF
Port $ssh_port
ListenAddress 127.0.0.1
HostKey $work/hostkey
AuthorizedKeysFile $work/authorized_keys
PidFile $work/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
AllowTcpForwarding yes
CONF
/usr/sbin/sshd -D -e -f "$work/sshd_config" 2> "$work/sshd.log" & pids+=($!)
waitport "$ssh_port"
ssh -N -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ExitOnForwardFailure=yes \
    -o LogLevel=ERROR -i "$work/userkey" -p "$ssh_port" -R "127.0.0.1:$fwd_port:127.0.0.1:$nginx_port" root@127.0.0.1 & pids+=($!)
waitport "$fwd_port"

# --- measurements ------------------------------------------------------------------------------
declare -A url=( [direct]="http://127.0.0.1:$nginx_port" [ttalkak]="http://127.0.0.1:$http_port" [ssh]="http://127.0.0.1:$fwd_port" )
host_header() { [[ $1 == ttalkak ]] && echo "Host: bench.ttalkak.test" || echo "Host: 127.0.0.1"; }
# Each figure is the median of BENCH_ROUNDS rounds, and the rounds interleave the three paths, so
# a burst of load from elsewhere on a shared machine hits all of them rather than one.
rounds=${BENCH_ROUNDS:-3}
declare -A rps_all p99_all bulk_all
for mode in direct ttalkak ssh; do
  curl -s -o /dev/null -H "$(host_header $mode)" "${url[$mode]}/hello.txt" # warm up
  curl -s -o /dev/null -H "$(host_header $mode)" "${url[$mode]}/big.bin"   # page cache, windows
done
for _ in $(seq "$rounds"); do
  for mode in direct ttalkak ssh; do
    out=$(wrk -t1 -c"$conns" -d"${dur}s" --latency -H "$(host_header $mode)" "${url[$mode]}/hello.txt")
    rps_all[$mode]+=" $(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p99_all[$mode]+=" $(awk '$1=="99%" {print $2}' <<<"$out" | python3 -c 'import sys
v=sys.stdin.read().strip()
print(float(v[:-2])*1000 if v.endswith("ms") else float(v[:-2]) if v.endswith("us") else float(v[:-1])*1e6)')"
    speed=$(curl -s -o /dev/null -w '%{speed_download}' -H "$(host_header $mode)" "${url[$mode]}/big.bin")
    bulk_all[$mode]+=" $speed"
  done
done
median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' $1; }
declare -A rps p99 bulk
for mode in direct ttalkak ssh; do
  rps[$mode]=$(python3 -c "print(round($(median "${rps_all[$mode]}")))")
  p99[$mode]=$(python3 -c "print(f'{$(median "${p99_all[$mode]}")/1000:.2f} ms')")
  bulk[$mode]=$(python3 -c "print(round($(median "${bulk_all[$mode]}")/1e6))")
done

# Relay RSS at ~1,000 req/s: 10 connections, each waiting 10 ms between requests.
cat > "$work/paced.lua" <<'LUA'
function delay() return 10 end
LUA
peak=0
wrk -t1 -c10 -d"${dur}s" -s "$work/paced.lua" -H "Host: bench.ttalkak.test" "${url[ttalkak]}/hello.txt" > "$work/paced.out" &
wrk_pid=$!
while kill -0 "$wrk_pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$relay_pid/status")
  (( rss > peak )) && peak=$rss
  sleep 0.2
done
paced_rps=$(awk '/Requests\/sec/ {print $2}' "$work/paced.out")

pct() { python3 -c "print(f'{100*$1/$2:.0f}%')"; }
ratio() { python3 -c "print(f'{$1/$2:.2f}x')"; }
echo
echo "| path | keep-alive req/s | p99 latency | bulk MB/s (1 GiB, 1 stream) |"
echo "|---|---|---|---|"
for mode in direct ttalkak ssh; do
  echo "| $mode | ${rps[$mode]} | ${p99[$mode]} | ${bulk[$mode]} |"
done
echo
echo "- ttalkak req/s vs direct: $(pct "${rps[ttalkak]}" "${rps[direct]}") (target >= 60%)"
echo "- ttalkak req/s vs ssh -R: $(ratio "${rps[ttalkak]}" "${rps[ssh]}") (target >= 2x)"
echo "- ttalkak bulk vs direct: $(pct "${bulk[ttalkak]}" "${bulk[direct]}") (target >= 50%)"
echo "- relay peak RSS at ${paced_rps} req/s: $((peak / 1024)) MiB (target <= 20 MB)"
echo "- medians of $rounds interleaved rounds; wrk -t1 -c$conns -d${dur}s; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo "- every round (req/s): direct${rps_all[direct]}; ttalkak${rps_all[ttalkak]}; ssh${rps_all[ssh]}"
echo "- every round (bulk B/s): direct${bulk_all[direct]}; ttalkak${bulk_all[ttalkak]}; ssh${bulk_all[ssh]}"
