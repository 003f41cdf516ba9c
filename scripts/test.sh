#!/usr/bin/env bash
# Runs every Ttalkak test on this machine, from nothing:
#   installs missing Debian packages, builds, starts a Docker engine if none
#   answers, builds (or reuses) the local base images, then runs ctest with a
#   real Secret Service. Usage: ./scripts/test.sh [ctest args, e.g. -R fixtures]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export TTALKAK_STATE_DIR=${TTALKAK_STATE_DIR:-/var/tmp/ttalkak}
build_dir=${TTALKAK_BUILD_DIR:-$root/build/test}
mkdir -p "$TTALKAK_STATE_DIR"

step() { printf '\n== %s (%(%H:%M:%S)T)\n' "$*" -1; }

step "dependencies"
./scripts/install-deps.sh --with-test-tools

step "build ($build_dir)"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j"$(nproc)"

step "docker engine"
# shellcheck source=lib/dockerd.sh
source scripts/lib/dockerd.sh
ttalkak_ensure_dockerd

step "local base images"
override="$TTALKAK_STATE_DIR/base-images.local.yaml"
./scripts/base-images.sh --override-out "$override"
export TTALKAK_BASE_IMAGES_OVERRIDE=$override

step "postgresql"
# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh
ttalkak_ensure_postgres

step "tests"
# Tests that need a real component fail (never skip) when it is missing here.
export TTALKAK_REQUIRE_DOCKER=1 TTALKAK_REQUIRE_KEYRING=1 TTALKAK_REQUIRE_DATA=1 TTALKAK_REQUIRE_POSTGRES=1
export TTALKAK_BUILD_DIR=$build_dir
dbus-run-session -- scripts/lib/with-keyring.sh \
  ctest --test-dir "$build_dir" --output-on-failure --timeout 1200 -j"$(nproc)" "$@"
