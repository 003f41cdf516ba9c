#!/usr/bin/env bash
# Ttalkak's main job on this machine, from nothing: installs missing Debian
# packages, builds a release, and opens the deployer on a sample project.
#
#   ./scripts/run.sh            open the deployer (needs a display) on the bundled
#                               Vite sample; without a display, print its detection
#   ./scripts/run.sh PATH       the same for your own repository folder
#   ./scripts/run.sh detect PATH  print plan, reasons and Dockerfile only
#
# The relay and the provider build here too (build/release/apps/...); wiring them
# into one local stack is the next step (see README, "Status").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${TTALKAK_BUILD_DIR:-$root/build/release}

mode=gui
if [[ "${1:-}" == "detect" ]]; then mode=detect; shift; fi
sample=${1:-$root/tests/samples/frontend/vite-react}
[[ -d "$sample" ]] || { echo "run.sh: no such folder: $sample" >&2; exit 2; }

./scripts/install-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTTALKAK_BUILD_TESTS=OFF -DTTALKAK_BUILD_BENCH=OFF -DTTALKAK_EXCLUDE_PARTS= >/dev/null
cmake --build "$build_dir" -j"$(nproc)"

if [[ "$mode" == gui && -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "== opening the deployer on $sample"
  exec "$build_dir/apps/deployer/ttalkak-deployer" --open "$sample"
fi
[[ "$mode" == gui ]] && echo "(no display: printing the detection instead of opening the deployer)"
echo "== ttalkak detect $sample"
exec "$build_dir/apps/cli/ttalkak" detect "$sample"
