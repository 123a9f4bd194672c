#!/usr/bin/env bash
# The FreeCAD version matrix of the tests (sourced by ./test.sh after scripts/setup.sh).
#
#   cnc_host_freecad_version          "0.20", "1.0", ... of the host's freecadcmd ("" without)
#   cnc_use_freecad VERSION           make VERSION the FreeCAD that PATH finds: the host's
#                                     when it is that version, else the Debian rootfs one
#                                     (built when missing), with our dependencies installed
#                                     for its Python; sets CNC_FREECAD_DEPS_HOME for the tests
#
# The versions of the matrix: 0.20 (Debian 12), 1.0 (Debian 13), 1.1 (Debian unstable).
CNC_FREECAD_MATRIX=(0.20 1.0 1.1)

cnc_host_freecad_version() {
  command -v freecadcmd >/dev/null 2>&1 || return 0
  freecadcmd -c "import FreeCAD; print('CNC_VERSION', '.'.join(FreeCAD.Version()[:2]))" \
    2>/dev/null | awk '$1 == "CNC_VERSION" { print $2 }'
}

cnc_use_freecad() {
  local version="$1" host cache bin deps_home
  host="$(cnc_host_freecad_version)"
  if [ "$version" = "$host" ]; then
    cnc_log "FreeCAD $version: the host's ($(command -v freecadcmd))"
    unset CNC_FREECAD_DEPS_HOME
    export CNC_FREECAD_VERSION="$version"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    cnc_log "FreeCAD $version runs from a Debian root filesystem through chroot: run as root."
    return 1
  fi
  cnc_log "FreeCAD $version: from its Debian root filesystem (built once, then reused)"
  "$CNC_ROOT/scripts/freecad_rootfs.sh" build "$version" >/dev/null
  cache="${CNC_ROOTFS_CACHE:-/var/cache/cncworkbench/freecad-rootfs}"
  deps_home="$cache/$version-home"  # our dependencies for that FreeCAD's Python
  mkdir -p "$deps_home"
  bin="$CNC_VENV/freecad-$version/bin"
  "$CNC_ROOT/scripts/freecad_rootfs.sh" wrappers "$version" "$bin" \
    --bind "$CNC_ROOT" --bind "$deps_home" >/dev/null
  HOME="$deps_home" cncworkbench freecad install --freecad "$bin/freecadcmd" >&2
  export PATH="$bin:$PATH" CNC_FREECAD_DEPS_HOME="$deps_home" CNC_FREECAD_VERSION="$version"
}
