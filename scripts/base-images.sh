#!/usr/bin/env bash
# Builds local stand-ins for the official base images from Debian bookworm
# packages (no image registry needed) and writes an override YAML that points
# Ttalkak's base-image keys (resources/base-images.yaml) at them.
#
#   scripts/base-images.sh [--override-out FILE] [--only NAME[,NAME...]]
#                          [--force] [--prune] [--list]
#
#   --override-out FILE  where to write the override map
#                        (default ${TTALKAK_STATE_DIR:-/var/tmp/ttalkak}/base-images.local.yaml)
#   --only NAMES         build only these images (and what they are built FROM);
#                        names: rootfs jre jdk maven gradle node nginx postgresql
#                        mariadb redis; the keys mysql/postgres are accepted too
#   --force              rebuild even if the content-addressed tag exists (with
#                        --only: just the named images, not what they are FROM)
#   --prune              remove older ttalkak-local/* tags of the images handled
#   --list               print image names and current tags, build nothing
#
# Environment: TTALKAK_STATE_DIR, TTALKAK_APT_MIRROR (Debian mirror URL; default:
# read from /etc/apt), TTALKAK_APT_SECURITY_MIRROR, TTALKAK_NPM_REGISTRY
# (default https://registry.npmjs.org/), TTALKAK_EXTRA_CA_CERTS (PEM file of CA
# certificates the images must trust, e.g. a TLS-inspecting proxy's; default
# "auto": the certificates in the host's /etc/ssl/certs/ca-certificates.crt that
# are not Debian's own; "none" to add nothing), plus those of scripts/lib/dockerd.sh.
#
# Every image is tagged ttalkak-local/<name>:<hash> (and :latest); the hash
# covers the image's directory under scripts/base-images/, its base image tag,
# its build args and SCRIPT_VERSION, so an unchanged image is never rebuilt.
# The override file lists every key whose current image exists locally.
# Exit status: 0 all requested images available, 1 some failed, 2 set-up error.
set -euo pipefail

SCRIPT_VERSION=1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DEFS="$HERE/base-images"
# shellcheck source-path=SCRIPTDIR source=lib/dockerd.sh
source "$HERE/lib/dockerd.sh"

STATE=${TTALKAK_STATE_DIR:-/var/tmp/ttalkak}
OVERRIDE_OUT="$STATE/base-images.local.yaml"
NPM_REGISTRY=${TTALKAK_NPM_REGISTRY:-https://registry.npmjs.org/}
[[ "$NPM_REGISTRY" == */ ]] || NPM_REGISTRY="$NPM_REGISTRY/"
SUITE=bookworm
VARIANT=minbase
INCLUDE=ca-certificates
REPO=ttalkak-local

# Build order; each image's parent is in scripts/base-images/<name>/base.
ALL_IMAGES=(jre jdk maven gradle node nginx postgresql mariadb redis)
# Ttalkak base-image key -> local image name (mongodb: not in Debian).
KEYS=(node nginx jdk jre maven gradle mysql mariadb postgresql redis mongodb)
declare -A KEY_IMAGE=([node]=node [nginx]=nginx [jdk]=jdk [jre]=jre [maven]=maven
  [gradle]=gradle [mysql]=mariadb [mariadb]=mariadb [postgresql]=postgresql [redis]=redis)

ONLY="" FORCE=0 PRUNE=0 LIST=0
usage() { sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
  case "$1" in
    --override-out) OVERRIDE_OUT=${2:?--override-out needs a file}; shift 2 ;;
    --override-out=*) OVERRIDE_OUT=${1#*=}; shift ;;
    --only) ONLY=${2:?--only needs names}; shift 2 ;;
    --only=*) ONLY=${1#*=}; shift ;;
    --force) FORCE=1; shift ;;
    --prune) PRUNE=1; shift ;;
    --list) LIST=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "base-images: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

say() { printf 'base-images: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

# ---------------------------------------------------------------- mirrors ----
# Prints "URI SUITE" for every enabled deb source configured on this host.
host_apt_sources() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -r "$f" ]] || continue
    # deb [opts] uri suite comps...
    sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" && NF >= 3 { print $2, $3 }'
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -r "$f" ]] || continue
    awk '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && enabled !~ /^(no|false|0)$/)
          for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++) print u[i], s[j]
        types = ""; enabled = ""; nu = 0; ns = 0
      }
      /^[[:space:]]*#/ { next }
      /^[[:space:]]*$/ { flush(); next }
      {
        line = $0; key = tolower(line); sub(/:.*/, "", key); val = line; sub(/^[^:]*:[[:space:]]*/, "", val)
        if (key == "types") types = val
        else if (key == "enabled") enabled = tolower(val)
        else if (key == "uris") nu = split(val, u, /[[:space:]]+/)
        else if (key == "suites") ns = split(val, s, /[[:space:]]+/)
      }
      END { flush() }' "$f"
  done
}

detect_mirrors() {
  local sources uri suite
  sources=$(host_apt_sources | grep -E '^(https?|file)://' || true)
  MIRROR=${TTALKAK_APT_MIRROR:-}
  SECURITY_MIRROR=${TTALKAK_APT_SECURITY_MIRROR:-}
  WITH_UPDATES=0
  while read -r uri suite; do
    [[ -n "$uri" ]] || continue
    uri=${uri%/}
    case "$suite" in
      "$SUITE") [[ -n "$MIRROR" ]] || MIRROR=$uri ;;
      "$SUITE-updates") WITH_UPDATES=1 ;;
      "$SUITE-security"|"$SUITE/updates") [[ -n "$SECURITY_MIRROR" ]] || SECURITY_MIRROR=$uri ;;
    esac
  done <<<"$sources"
  if [[ -z "$MIRROR" ]]; then
    # Host is not bookworm: any plain Debian archive URI serves bookworm too.
    MIRROR=$(awk '$1 ~ /\/debian\/?$/ { sub(/\/$/, "", $1); print $1; exit }' <<<"$sources")
    [[ -n "$MIRROR" ]] && WITH_UPDATES=1
  fi
  [[ -n "$MIRROR" ]] || die "no Debian mirror found in /etc/apt; set TTALKAK_APT_MIRROR=http://..."
  MIRROR=${MIRROR%/}
  SECURITY_MIRROR=${SECURITY_MIRROR%/}
}

# ---------------------------------------------------------------- CAs --------
# CA certificates the host trusts beyond Debian's ca-certificates (TLS-inspecting
# egress proxies, corporate CAs): without them nothing in a container can reach
# the npm registry over https from such a network.
extra_cas() {
  local mode=${TTALKAK_EXTRA_CA_CERTS:-auto} bundle=/etc/ssl/certs/ca-certificates.crt
  case "$mode" in
    none) return 0 ;;
    auto)
      [[ -r "$bundle" && -d /usr/share/ca-certificates ]] || return 0
      local -a known=()
      mapfile -t known < <(find /usr/share/ca-certificates -name '*.crt' -type f)
      awk -v bundle="$bundle" '
        FNR == 1 { inbundle = (FILENAME == bundle) }
        /-----BEGIN CERTIFICATE-----/ { body = ""; pem = $0 "\n"; on = 1; next }
        on { pem = pem $0 "\n" }
        /-----END CERTIFICATE-----/ {
          on = 0
          if (!inbundle) known[body] = 1
          else if (!(body in known) && !(body in seen)) { seen[body] = 1; printf "%s", pem }
          next
        }
        on { body = body $0 }' "${known[@]}" "$bundle"
      ;;
    *) [[ -r "$mode" ]] || die "TTALKAK_EXTRA_CA_CERTS=$mode is not readable"; cat "$mode" ;;
  esac
}

# ---------------------------------------------------------------- hashing ----
# Content hash of a directory: relative paths, modes and file contents.
hash_dir() {
  (cd "$1" && find . -type f -printf '%p %m\n' | LC_ALL=C sort &&
    find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum) | sha256sum | cut -c1-12
}
hash_str() { printf '%s' "$1" | sha256sum | cut -c1-12; }

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# Build args of an image (one "NAME=value" per line); part of its hash.
build_args() {
  case "$1" in
    node) printf 'NPM_REGISTRY=%s\n' "$NPM_REGISTRY" ;;
  esac
}

# Environment added on top of an image (one "NAME=value" per line); part of its hash.
post_env() {
  case "$1" in
    node) ((NPM_SIGNED)) || printf 'COREPACK_INTEGRITY_KEYS=0\n' ;;
  esac
}

# Does the npm registry publish signing keys? Registry mirrors often do not (and
# strip dist.signatures), which makes corepack refuse every download.
detect_npm_signing() {
  local code
  NPM_SIGNED=1
  command -v curl >/dev/null || return 0
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 15 "${NPM_REGISTRY}-/npm/v1/keys" || true)
  [[ "$code" == 200 ]] || NPM_SIGNED=0
}

declare -A TAG=()
compute_tags() {
  local name parent
  ROOTFS_HASH=$(hash_str "v$SCRIPT_VERSION|$SUITE|$VARIANT|$ARCH|$INCLUDE|$MIRROR|$WITH_UPDATES|$SECURITY_MIRROR|$(hash_dir "$DEFS/rootfs")|$(hash_str "$EXTRA_CA_PEM")")
  TAG[rootfs]="$REPO/debian:$ROOTFS_HASH"
  for name in "${ALL_IMAGES[@]}"; do
    parent=$(parent_of "$name")
    TAG[$name]="$REPO/$name:$(hash_str "v$SCRIPT_VERSION|$name|${TAG[$parent]}|$(build_args "$name")|$(post_env "$name")|$(hash_dir "$DEFS/$name")")"
  done
}
parent_of() {
  local p=rootfs
  [[ -r "$DEFS/$1/base" ]] && p=$(tr -d '[:space:]' <"$DEFS/$1/base")
  printf '%s\n' "$p"
}

# ---------------------------------------------------------------- rootfs -----
cleanup_rootfs_dir() {
  local dir=$1 m
  [[ -d "$dir" ]] || return 0
  for m in proc sys dev/pts dev; do
    if mountpoint -q "$dir/root/$m" 2>/dev/null; then umount -l "$dir/root/$m" 2>/dev/null || true; fi
  done
  rm -rf --one-file-system "$dir"
}

ROOTFS_TMP=""
trap '[[ -z "$ROOTFS_TMP" ]] || cleanup_rootfs_dir "$ROOTFS_TMP"' EXIT

build_rootfs() {
  local log=$1 rc=0
  ROOTFS_TMP=$(mktemp -d "$STATE/rootfs.XXXXXX")
  build_rootfs_in "$ROOTFS_TMP/root" "$log" || rc=$?
  cleanup_rootfs_dir "$ROOTFS_TMP"
  ROOTFS_TMP=""
  return "$rc"
}

build_rootfs_in() {
  local root=$1 log=$2 tag=${TAG[rootfs]}
  {
    echo "== debootstrap --variant=$VARIANT --include=$INCLUDE --arch=$ARCH $SUITE $MIRROR"
    debootstrap --variant="$VARIANT" --include="$INCLUDE" --arch="$ARCH" "$SUITE" "$root" "$MIRROR"
  } >>"$log" 2>&1 || return 1

  cp -a "$DEFS/rootfs/overlay/." "$root/" || return 1
  if [[ -n "$EXTRA_CA_PEM" ]]; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    awk -v dir="$root/usr/local/share/ca-certificates" '
      /-----BEGIN CERTIFICATE-----/ { n++; f = sprintf("%s/ttalkak-extra-%02d.crt", dir, n) }
      f { print > f }
      /-----END CERTIFICATE-----/ { close(f); f = "" }' <<<"$EXTRA_CA_PEM"
    chroot "$root" update-ca-certificates >>"$log" 2>&1 || return 1
  fi
  rm -f "$root/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s' "$MIRROR" "$SUITE"
    ((WITH_UPDATES)) && printf ' %s-updates' "$SUITE"
    printf '\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    if [[ -n "$SECURITY_MIRROR" ]]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\n' "$SECURITY_MIRROR" "$SUITE"
      printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    fi
  } >"$root/etc/apt/sources.list.d/debian.sources" || return 1
  # What the dpkg excludes would have kept out, had they been there from the start.
  find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete 2>/dev/null || true
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  rm -rf "$root"/usr/share/{man,info,groff,lintian,linda,locale}/* \
    "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
    "$root"/var/log/*.log "$root"/var/log/apt/* "$root"/tmp/* "$root"/var/tmp/*
  : >"$root/etc/resolv.conf"
  printf 'localhost\n' >"$root/etc/hostname"
  : >"$root/etc/machine-id" 2>/dev/null || true

  tar --numeric-owner --one-file-system -C "$root" -c . |
    docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["bash"]' \
      --message "ttalkak: debootstrap --variant=$VARIANT $SUITE $MIRROR" \
      - "$tag" >>"$log" 2>&1 || return 1
}

# ---------------------------------------------------------------- images -----
build_image() {
  local name=$1 log=$2 parent a
  parent=$(parent_of "$name")
  local -a args=(--build-arg "BASE=${TAG[$parent]}")
  while IFS= read -r a; do [[ -n "$a" ]] && args+=(--build-arg "$a"); done < <(build_args "$name")
  local env out=${TAG[$name]} rc=0
  env=$(post_env "$name")
  # With extra environment, the Dockerfile's result gets a temporary tag and the
  # final tag only appears once complete (others may be using the override).
  [[ -z "$env" ]] || out="$REPO/$name:partial-$$"
  DOCKER_BUILDKIT=0 docker build --rm --force-rm \
    "${args[@]}" \
    --label "org.ttalkak.base-image=$name" \
    --label "org.ttalkak.base-image.script-version=$SCRIPT_VERSION" \
    -t "$out" "$DEFS/$name" >>"$log" 2>&1 || return 1
  if [[ -n "$env" ]]; then
    local -a envs
    mapfile -t envs <<<"$env"
    { printf 'FROM %s\n' "$out"; printf 'ENV %s\n' "${envs[@]}"; } |
      DOCKER_BUILDKIT=0 docker build --rm --force-rm -t "${TAG[$name]}" - >>"$log" 2>&1 || rc=1
    docker rmi "$out" >/dev/null 2>&1 || true
  fi
  return "$rc"
}

# Which images to handle: requested ones plus everything they are built FROM.
declare -A WANT=() REQUESTED=()
want_with_parents() {
  local n=$1
  while [[ -n "$n" && -z "${WANT[$n]:-}" ]]; do
    WANT[$n]=1
    [[ "$n" == rootfs ]] && break
    n=$(parent_of "$n")
  done
}

# ---------------------------------------------------------------- main -------
command -v docker >/dev/null || die "docker CLI not found"
ARCH=$(dpkg --print-architecture)
detect_mirrors
EXTRA_CA_PEM=$(extra_cas)
detect_npm_signing
compute_tags

if ((LIST)); then
  for n in rootfs "${ALL_IMAGES[@]}"; do printf '%-11s %s\n' "$n" "${TAG[$n]}"; done
  exit 0
fi

if [[ -n "$ONLY" ]]; then
  IFS=',' read -r -a req <<<"$ONLY"
  for n in "${req[@]}"; do
    n=${n// /}
    case "$n" in mysql) n=mariadb ;; postgres) n=postgresql ;; debian) n=rootfs ;; esac
    [[ "$n" == rootfs || -d "$DEFS/$n" && -f "$DEFS/$n/Dockerfile" ]] || die "unknown image: $n"
    want_with_parents "$n"
    REQUESTED[$n]=1
  done
else
  for n in "${ALL_IMAGES[@]}"; do want_with_parents "$n"; done
fi

ttalkak_ensure_dockerd || die "no Docker engine (see messages above)"
command -v debootstrap >/dev/null || [[ -z "${WANT[rootfs]:-}" ]] || die "debootstrap not installed"
mkdir -p "$STATE/logs/base-images"
exec 8>"$STATE/base-images.lock"
flock -w 1800 8 || die "timed out waiting for $STATE/base-images.lock"

say "mirror $MIRROR${SECURITY_MIRROR:+ (security $SECURITY_MIRROR)}, npm $NPM_REGISTRY ($( ((NPM_SIGNED)) && echo signed || echo 'no signing keys: corepack integrity check off')), extra CAs $(grep -c 'BEGIN CERT' <<<"$EXTRA_CA_PEM" || true), state $STATE"
failed=() total_start=$SECONDS
for n in rootfs "${ALL_IMAGES[@]}"; do
  [[ -n "${WANT[$n]:-}" ]] || continue
  tag=${TAG[$n]} log="$STATE/logs/base-images/$n.log" start=$SECONDS status=""
  parent=""
  [[ "$n" == rootfs ]] || parent=$(parent_of "$n")
  if [[ -n "$parent" ]] && ! image_exists "${TAG[$parent]}"; then
    status="skipped"
  elif { ((FORCE == 0)) || [[ -n "$ONLY" && -z "${REQUESTED[$n]:-}" ]]; } && image_exists "$tag"; then
    status="cached"
  else
    : >"$log"
    old_id=$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)
    if [[ "$n" == rootfs ]]; then
      build_rootfs "$log" && status="built" || status="FAILED"
    else
      build_image "$n" "$log" && status="built" || status="FAILED"
    fi
  fi
  if [[ "$status" == built || "$status" == cached ]]; then
    docker tag "$tag" "${tag%:*}:latest" >/dev/null 2>&1 || true
    # --force replaced the image behind the tag: drop the old one unless in use.
    if [[ "$status" == built && -n "${old_id:-}" &&
          "$old_id" != "$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null)" ]]; then
      docker rmi "$old_id" >/dev/null 2>&1 || true
    fi
    old_id=""
  else
    failed+=("$n")
  fi
  printf '%-11s %-7s %4ds  %s\n' "$n" "$status" $((SECONDS - start)) "$tag"
  if [[ "$status" == FAILED ]]; then
    tail -n 25 "$log" | sed 's/^/    | /' >&2
    say "full log: $log"
  fi
done

if ((PRUNE)); then
  for n in rootfs "${ALL_IMAGES[@]}"; do
    [[ -n "${WANT[$n]:-}" ]] || continue
    repo=${TAG[$n]%:*}
    docker image ls --format '{{.Repository}}:{{.Tag}}' "$repo" | while read -r t; do
      [[ "$t" == "${TAG[$n]}" || "$t" == "$repo:latest" ]] || docker rmi "$t" >/dev/null 2>&1 || true
    done
  done
fi

# Override map: every key whose current image exists locally.
mkdir -p "$(dirname "$OVERRIDE_OUT")"
tmp="$OVERRIDE_OUT.tmp.$$"
{
  echo "# Generated by scripts/base-images.sh (v$SCRIPT_VERSION) on $(date -u +%FT%TZ)."
  echo "# Local test images built from Debian $SUITE packages ($MIRROR)."
  echo "# Values have no {version}: one image serves every version. See docs/base-images.md."
  for k in "${KEYS[@]}"; do
    img=${KEY_IMAGE[$k]:-}
    if [[ -z "$img" ]]; then
      echo "# $k: not built (not packaged in Debian); the official image stays in effect"
    elif image_exists "${TAG[$img]}"; then
      printf '%s: "%s"\n' "$k" "${TAG[$img]}"
    else
      echo "# $k: local image ${TAG[$img]} not built"
    fi
  done
} >"$tmp"
mv -f "$tmp" "$OVERRIDE_OUT"

say "override written to $OVERRIDE_OUT ($((SECONDS - total_start))s total)"
if ((${#failed[@]})); then
  say "not available: ${failed[*]}"
  exit 1
fi
exit 0
