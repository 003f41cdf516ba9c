#!/usr/bin/env bash
# Ttalkak's main job on this machine, from nothing: installs missing Debian
# packages, builds a release, and runs what exists so far.
#
#   ./scripts/run.sh [PATH]     detect PATH (default: the bundled Vite sample)
#                               and print its plan, reasons and Dockerfile
#
# The relay, provider and deployer join this script as they land (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${TTALKAK_BUILD_DIR:-$root/build/release}

./scripts/install-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTTALKAK_BUILD_TESTS=OFF >/dev/null
cmake --build "$build_dir" -j"$(nproc)" --target ttalkak

sample=${1:-}
if [[ -z "$sample" ]]; then
  for candidate in tests/samples/frontend/vite-react tests/fixtures/vite-react-npm/repo tests/fixtures/dockerfile-root/repo; do
    [[ -d "$candidate" ]] && { sample=$candidate; break; }
  done
fi
echo "== ttalkak detect $sample"
exec "$build_dir/apps/cli/ttalkak" detect "$sample"
