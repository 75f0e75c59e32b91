#!/bin/sh
# Makes a Debian 12 base image without any container registry, for building the images on a machine that cannot
# pull mcr.microsoft.com or docker.io: debootstrap writes a minimal root file system from the Debian mirror apt
# already uses, and the container engine imports it as an image.
#
#   deploy/debian-base.sh [IMAGE]        IMAGE defaults to localhost/debian-base:12
#
# Needs root, debootstrap and podman (CONTAINER_ENGINE=docker imports with docker instead). DEBIAN_MIRROR overrides
# the mirror. The image holds what a self-contained .NET app needs (libssl3, ICU, CA certificates) and nothing else:
# no package lists, no downloaded packages, no documentation.
set -eu

image="${1:-localhost/debian-base:12}"
engine="${CONTAINER_ENGINE:-podman}"
mirror="${DEBIAN_MIRROR:-$(apt-get indextargets --format '$(REPO_URI)' 'RELEASE: bookworm' 'TARGET_OF: deb' 2>/dev/null | head -n 1)}"
mirror="${mirror:-http://deb.debian.org/debian}"

rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT

debootstrap --variant=minbase --include=libssl3,libicu72,ca-certificates bookworm "$rootfs" "$mirror" >&2

# As Debian's slim images do: packages installed later (the PyTorch image's) leave out documentation too.
cat > "$rootfs/etc/dpkg/dpkg.cfg.d/excludes" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
EOF
find "$rootfs/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete
find "$rootfs/usr/share/man" "$rootfs/usr/share/info" "$rootfs/usr/share/locale" "$rootfs/var/log" ! -type d -delete
rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*

tar --numeric-owner -C "$rootfs" -c . | "$engine" import - "$image" >&2
echo "$image"
