#!/usr/bin/env bash
# Debian root filesystems holding other FreeCAD versions, for the version matrix of the tests.
#
#   scripts/freecad_rootfs.sh build VERSION   build (or reuse) the rootfs for VERSION; print its path
#   scripts/freecad_rootfs.sh path VERSION    print the path (exit 1 when it is not built)
#   scripts/freecad_rootfs.sh run VERSION [--bind DIR]... -- COMMAND...
#                                             run COMMAND inside it (as root, through chroot)
#   scripts/freecad_rootfs.sh wrappers VERSION OUTDIR [--bind DIR]...
#                                             write OUTDIR/freecad and OUTDIR/freecadcmd: put
#                                             OUTDIR first on PATH and that FreeCAD is used
#
# VERSION: 0.20 (Debian bookworm), 1.0 (Debian trixie) or 1.1 (Debian sid). The rootfs
# lives outside the checkout, in $CNC_ROOTFS_CACHE (default /var/cache/cncworkbench/freecad-rootfs/VERSION), so it survives
# between runs and is shared by every checkout and CI run on the machine. Building is
# idempotent: a finished rootfs carries a stamp file and is reused as it is.
#
# `run` mounts /proc, /dev, /sys, /tmp and each --bind folder at the same paths inside, so
# absolute paths mean the same on both sides, and undoes every mount when the command ends,
# also when it fails or is interrupted.
set -euo pipefail

CACHE="${CNC_ROOTFS_CACHE:-/var/cache/cncworkbench/freecad-rootfs}"
MIRROR="${CNC_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# python3-pip: `cncworkbench freecad install` uses the pip of FreeCAD's own Python;
# linuxcnc-uspace: rs274, which judges G-code inside FreeCAD's GUI as on the host.
PACKAGES="freecad,xvfb,xauth,python3-numpy,python3-pip,python3-venv,fonts-dejavu-core,locales,linuxcnc-uspace"

die() { echo "freecad_rootfs: $*" >&2; exit 1; }

suite_of() {
  case "$1" in
    0.20) echo bookworm ;;  # for Debian 13 hosts, whose own FreeCAD is 1.0
    1.0) echo trixie ;;
    1.1) echo sid ;;
    *) die "unknown FreeCAD version '$1' (known: 0.20 = Debian bookworm, 1.0 = trixie, 1.1 = sid)" ;;
  esac
}

rootfs_of() { echo "$CACHE/$1"; }

# Lists the mount points below $1, deepest first (so nested mounts go before their parents).
mounts_below() {
  local root
  root="$(realpath "$1")"
  awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/self/mounts | sort -r
}

unmount_all() {
  local root="$1" m
  for m in $(mounts_below "$root"); do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
}

build() {
  local version="$1" suite root tmp
  suite="$(suite_of "$version")"
  root="$(rootfs_of "$version")"
  if [ -f "$root/.cncworkbench-rootfs" ]; then
    ensure_packages "$version" "$root"
    echo "$root"
    return 0
  fi
  [ "$(id -u)" -eq 0 ] || die "building a root filesystem needs root (mmdebstrap, chroot)"
  command -v mmdebstrap >/dev/null || apt-get install -y mmdebstrap >&2
  mkdir -p "$CACHE"
  # One builder at a time per version; a half-built folder from an interrupted run is
  # removed (after making sure nothing is mounted inside it) and built again.
  exec 9>"$CACHE/.$version.lock"
  flock 9
  if [ -f "$root/.cncworkbench-rootfs" ]; then
    echo "$root"
    return 0
  fi
  tmp="$root.partial"
  if [ -e "$tmp" ]; then
    unmount_all "$tmp"
    [ -z "$(mounts_below "$tmp")" ] || die "$tmp still has mounts inside; not removing it"
    rm -rf --one-file-system "$tmp"
  fi
  echo "freecad_rootfs: building FreeCAD $version (Debian $suite) in $root (a few minutes)" >&2
  local source="deb $MIRROR $suite main"
  local aptopts=()
  if [ "$suite" = sid ]; then
    # sid's Release file is sometimes past its Valid-Until date.
    source="deb [check-valid-until=no] $MIRROR $suite main"
    aptopts=(--aptopt='Acquire::Check-Valid-Until "false"')
  fi
  mmdebstrap --variant=apt --include="$PACKAGES" "${aptopts[@]}" \
    --customize-hook='chroot "$1" sh -c "echo en_US.UTF-8 UTF-8 > /etc/locale.gen; echo tr_TR.UTF-8 UTF-8 >> /etc/locale.gen; locale-gen >/dev/null"' \
    --customize-hook='chroot "$1" apt-get clean' \
    "$suite" "$tmp" "$source" >&2
  chroot "$tmp" /usr/bin/freecadcmd --version >/dev/null 2>&1 || true
  echo "$version $suite $(date -u +%FT%TZ)" >"$tmp/.cncworkbench-rootfs"
  mv "$tmp" "$root"
  echo "$root"
}

# A rootfs built before a package joined PACKAGES gets it added (not rebuilt).
ensure_packages() {
  local version="$1" root="$2" missing=() package
  for package in ${PACKAGES//,/ }; do
    chroot "$root" dpkg-query -W -f='${Status}' "$package" 2>/dev/null \
      | grep -q "install ok installed" || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "adding ${missing[*]} to the FreeCAD $version rootfs needs root"
  exec 9>"$CACHE/.$version.lock"
  flock 9
  echo "freecad_rootfs: adding ${missing[*]} to FreeCAD $version's rootfs" >&2
  "$0" run "$version" -- sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends ${missing[*]} >/dev/null && apt-get clean" >&2
  flock -u 9
}

run_inside() {
  local version="$1" root
  shift
  root="$(rootfs_of "$version")"
  [ -f "$root/.cncworkbench-rootfs" ] || die "FreeCAD $version is not built: scripts/freecad_rootfs.sh build $version"
  [ "$(id -u)" -eq 0 ] || die "running inside a root filesystem needs root (chroot)"
  local binds=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --bind) binds+=("$(realpath "$2")"); shift 2 ;;
      --) shift; break ;;
      *) break ;;
    esac
  done
  [ $# -gt 0 ] || die "run: no command given"
  # Each run mounts into a private mount namespace: the mounts vanish with the namespace when
  # the command ends, however it ends (even kill -9), so nothing stays mounted inside the
  # cached rootfs and runs in parallel do not see each other's mounts.
  exec unshare --mount --propagation private -- "$0" _inside "$root" "${binds[@]/#/--bind=}" -- "$@"
}

inside() {
  local d
  INSIDE_ROOT="$1"
  local root="$1"
  shift
  # Belt and braces: unmount on every exit path in case the namespace is shared after all.
  trap 'unmount_all "$INSIDE_ROOT"' EXIT
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --make-rslave "$root/dev"
  mount --rbind /sys "$root/sys"
  mount --make-rslave "$root/sys"
  mount --bind /tmp "$root/tmp"
  while [ $# -gt 0 ]; do
    case "$1" in
      --bind=*)
        d="${1#--bind=}"
        mkdir -p "$root$d"
        mount --bind "$d" "$root$d"
        shift ;;
      --) shift; break ;;
      *) break ;;
    esac
  done
  [ -e /etc/resolv.conf ] && cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  # The rootfs trusts what the host trusts (pip behind a TLS-inspecting proxy, a local CA).
  if [ -f /etc/ssl/certs/ca-certificates.crt ] && [ -f "$root/etc/ssl/certs/ca-certificates.crt" ]; then
    mount --bind -o ro /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
  fi
  local status=0
  # chroot starts in /: go to the caller's folder when it exists inside (the same path).
  # CNC_FREECAD_RUN_AS=UID:GID (the product's sandbox for an untrusted document): the command
  # runs as that user inside, since chroot itself needs root.
  local as_user=()
  if [ -n "${CNC_FREECAD_RUN_AS:-}" ]; then
    as_user=(--userspec="$CNC_FREECAD_RUN_AS" --groups="${CNC_FREECAD_RUN_AS#*:}")
  fi
  chroot "${as_user[@]}" "$root" /usr/bin/env -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV \
    PATH=/usr/local/bin:/usr/bin:/bin LANG="${LANG:-C.UTF-8}" \
    /bin/sh -c 'cd "$0" 2>/dev/null || cd /; exec "$@"' "$PWD" "$@" || status=$?
  return "$status"
}

write_wrappers() {
  local version="$1" out="$2" name binds="" self
  shift 2
  while [ $# -gt 0 ]; do
    case "$1" in
      --bind) binds+=" --bind $(printf '%q' "$(realpath "$2")")"; shift 2 ;;
      *) die "wrappers: unexpected argument $1" ;;
    esac
  done
  self="$(realpath "$0")"
  mkdir -p "$out"
  for name in freecad freecadcmd; do
    cat >"$out/$name.new" <<WRAPPER
#!/bin/sh
# FreeCAD $version from its Debian root filesystem (written by scripts/freecad_rootfs.sh).
exec $(printf '%q' "$self") run $version$binds -- /usr/bin/$name "\$@"
WRAPPER
    chmod +x "$out/$name.new"
    mv "$out/$name.new" "$out/$name"
  done
  echo "$out"
}

case "${1:-}" in
  build) [ $# -eq 2 ] || die "usage: $0 build VERSION"; build "$2" ;;
  path)
    [ $# -eq 2 ] || die "usage: $0 path VERSION"
    suite_of "$2" >/dev/null
    root="$(rootfs_of "$2")"
    [ -f "$root/.cncworkbench-rootfs" ] || exit 1
    echo "$root" ;;
  run) [ $# -ge 3 ] || die "usage: $0 run VERSION [--bind DIR]... -- COMMAND..."; shift; run_inside "$@" ;;
  wrappers) [ $# -ge 3 ] || die "usage: $0 wrappers VERSION OUTDIR [--bind DIR]..."; shift; write_wrappers "$@" ;;
  _inside) shift; inside "$@" ;;
  *) die "usage: $0 build|path|run VERSION ..." ;;
esac
