#!/usr/bin/env bash
# Installs every Debian package Ttalkak needs to build, run and test.
# Idempotent: only missing packages are installed. Needs root (or sudo).
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6
  libqt6sql6-sqlite libqt6sql6-psql
  qtkeychain-qt6-dev libgit2-dev libyaml-cpp-dev libarchive-dev libhttp-parser-dev libssl-dev
)
runtime_pkgs=(
  docker.io debootstrap ca-certificates curl jq
  gnome-keyring dbus dbus-x11 libsecret-tools
  xvfb xauth fonts-nanum
)

want=("${build_pkgs[@]}" "${runtime_pkgs[@]}")
if [[ "${1:-}" == "--with-test-tools" ]]; then
  want+=(nginx-light chromium python3-websockets clang libclang-rt-14-dev openssh-server openssh-client
         openssl wrk postgresql postgresql-client mariadb-client redis-tools psmisc procps jq)
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

SUDO=""
[[ $(id -u) -ne 0 ]] && SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
