#!/bin/sh
# As in the official image: add "listen [::]:80" to the stock default.conf
# (only if unmodified) when the container has IPv6.
set -e
conf=/etc/nginx/conf.d/default.conf
[ -f /proc/net/if_inet6 ] || exit 0
[ -w "$conf" ] || exit 0
[ "$(sha256sum "$conf" | cut -d' ' -f1)" = "$(cat /etc/nginx/.default.conf.sha256 2>/dev/null)" ] || exit 0
sed -i -E 's,listen       80;,listen       80;\n    listen  [::]:80;,' "$conf"
echo "$0: Enabled listen on IPv6 in $conf"
