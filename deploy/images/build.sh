#!/usr/bin/env bash
# Builds the Noodle tool image (sta, yosys, the OSU 0.18 um library) without a registry:
# debootstrap a minimal Debian bookworm, install the packages in packages.txt inside it, then
# `docker import` the root filesystem. The tag is a hash of the recipe files, so an image with
# that tag is reused as is, and any change to the recipe builds a new one.
# Prints the image reference (NAME:TAG) on its last line.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name="${NOODLE_TOOL_IMAGE_NAME:-noodle-tools}"
mirror="${NOODLE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

recipe_hash="$("$here/recipe-hash.sh")"
image="$name:$recipe_hash"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "Reusing tool image $image" >&2
  echo "$image"
  exit 0
fi

if ! command -v debootstrap >/dev/null 2>&1; then
  echo "Installing debootstrap" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

rootfs="$(mktemp -d /var/tmp/noodle-rootfs.XXXXXX)"
cleanup() {
  umount "$rootfs/proc" 2>/dev/null || true
  rm -rf "$rootfs"
}
trap cleanup EXIT

echo "Building tool image $image in $rootfs" >&2
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >&2
mount -t proc proc "$rootfs/proc"
mapfile -t packages < <(grep -v '^#' "$here/packages.txt" | grep -v '^ *$')
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
chroot "$rootfs" apt-get clean
# The unprivileged user trials run as inside the container.
chroot "$rootfs" groupadd --gid 1000 noodle
chroot "$rootfs" useradd --uid 1000 --gid noodle --no-create-home --home-dir /work noodle
umount "$rootfs/proc"
rm -rf "$rootfs/var/lib/apt/lists/"*

tar -C "$rootfs" -c . | docker import \
  --change 'USER 1000:1000' \
  --change 'WORKDIR /work' \
  --change "LABEL dev.noodle.recipe=$recipe_hash" \
  - "$image" >&2
echo "Built tool image $image" >&2
echo "$image"
