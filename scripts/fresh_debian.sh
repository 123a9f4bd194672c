#!/usr/bin/env bash
# The README's commands on a fresh Debian machine, as root (as CI runs them). A green run on
# a machine that is already set up can hide a missing install step; this one starts from a
# plain installed Debian: no FreeCAD, PostgreSQL or Python packages.
#
#   scripts/fresh_debian.sh [--rootfs-cache DIR] SUITE ROOT [COMMAND]
#
# SUITE: bookworm (Debian 12) or trixie (Debian 13). ROOT: a folder that does not exist yet;
# the root filesystem is built there with mmdebstrap (priority "important", plus git, sudo
# and ca-certificates) and kept for looking at afterwards (delete it with rm -rf when done).
# This checkout's HEAD is cloned to /root/cncworkbench inside and COMMAND (default:
# "./run.sh && ./test.sh") runs there through chroot, in a mount namespace of its own
# (/proc, /sys, /dev, /tmp bound; the mounts end with the run however it ends). Servers the
# run leaves (the embedded PostgreSQL) are stopped at the end.
# --rootfs-cache DIR binds the host's cache of the version matrix's root filesystems
# (scripts/freecad_rootfs.sh) instead of building them again inside.
set -euo pipefail

die() { echo "fresh_debian: $*" >&2; exit 1; }

cache=""
if [ "${1:-}" = --rootfs-cache ]; then
  cache="$(realpath "${2:?--rootfs-cache needs a folder}")"
  shift 2
fi
[ $# -ge 2 ] || die "usage: $0 [--rootfs-cache DIR] bookworm|trixie ROOT [COMMAND]"
suite="$1" root="$2" command="${3:-./run.sh && ./test.sh}"
case "$suite" in bookworm | trixie) ;; *) die "unknown suite '$suite' (bookworm or trixie)" ;; esac
[ "$(id -u)" -eq 0 ] || die "needs root (mmdebstrap, chroot)"
checkout="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mirror="${CNC_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

# Which processes run inside ROOT (by their root folder): what the run left behind.
processes_inside() {
  local proc target
  target="$(realpath "$root")"
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$target" ] && echo "${proc#/proc/}"
  done
  return 0
}

if [ -z "${CNC_FRESH_INSIDE:-}" ]; then
  [ -e "$root" ] && die "$root exists: a fresh machine starts from nothing (remove it first)"
  command -v mmdebstrap >/dev/null || apt-get install -y mmdebstrap >&2
  started=$SECONDS
  mmdebstrap --variant=important --include=git,sudo,ca-certificates \
    "$suite" "$root" "deb $mirror $suite main" >&2
  echo "fresh_debian: Debian $suite in $root ($((SECONDS - started)) s)" >&2
  git clone -q "$checkout" "$root/root/cncworkbench"
  git -C "$root/root/cncworkbench" checkout -q "$(git -C "$checkout" rev-parse HEAD)"
  exec env CNC_FRESH_INSIDE=1 unshare --mount --propagation private -- \
    "$0" ${cache:+--rootfs-cache "$cache"} "$suite" "$root" "$command"
fi

# Inside the mount namespace: mount, run, stop what is left, unmount.
finish() {
  local pids
  pids="$(processes_inside | tr '\n' ' ')"
  if [ -n "${pids// /}" ]; then
    echo "fresh_debian: stopping what the run left: $pids" >&2
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    sleep 5
    pids="$(processes_inside | tr '\n' ' ')"
    # shellcheck disable=SC2086
    [ -z "${pids// /}" ] || kill -KILL $pids 2>/dev/null || true
  fi
  for m in $(awk -v r="$(realpath "$root")" '$2 == r || index($2, r "/") == 1 { print $2 }' \
    /proc/self/mounts | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
}
trap finish EXIT
# The root folder a mount point of its own, as / is on a machine: unshare and mmdebstrap
# inside (the version matrix's root filesystems) change its propagation and fail otherwise.
mount --bind "$root" "$root"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --make-rslave "$root/sys"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"
mount --bind /tmp "$root/tmp"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# What the host trusts (pip behind a TLS-inspecting proxy, a local CA), read-only.
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  mount --bind -o ro /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
fi
if [ -n "$cache" ]; then
  mkdir -p "$root/var/cache/cncworkbench/freecad-rootfs"
  mount --bind "$cache" "$root/var/cache/cncworkbench/freecad-rootfs"
fi
# A root login's environment; the host's proxy and pip settings pass, nothing else.
passed=()
for name in http_proxy https_proxy no_proxy PIP_INDEX_URL PIP_CERT PIP_DEFAULT_TIMEOUT; do
  [ -n "${!name:-}" ] && passed+=("$name=${!name}")
done
started=$SECONDS
status=0
chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  "${passed[@]}" /bin/bash -lc "cd /root/cncworkbench && $command" || status=$?
echo "fresh_debian: '$command' on Debian $suite: exit $status after $((SECONDS - started)) s" >&2
exit "$status"
