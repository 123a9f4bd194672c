#!/usr/bin/env bash
# Idempotent set-up shared by ./run.sh, ./test.sh and ./bench.sh. Source it, then call
#   cnc_setup run|test
# It installs missing Debian packages (when root, or with passwordless sudo), creates the
# virtual environment .venv from Debian's /usr/bin/python3 (the Python FreeCAD embeds, so
# FreeCAD can import our dependencies from it) and installs the pinned PyPI packages when
# pyproject.toml changed. Each step says what it does; a step with nothing to do says so.

CNC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CNC_VENV="$CNC_ROOT/.venv"

# Runtime: PostgreSQL for the embedded database, FreeCAD and a virtual screen, pip for
# FreeCAD's own Python (`cncworkbench freecad install` installs our dependencies with it),
# and the shared libraries PySide6's wheels expect on a bare Debian 12.
CNC_APT_RUN=(
  python3 python3-venv python3-pip ca-certificates
  postgresql
  freecad xvfb xauth
  fonts-dejavu-core libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libdbus-1-3 'libglib2.0-0t64|libglib2.0-0' libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
)
# Tests also judge our G-code with LinuxCNC's interpreter and render PDFs to PNG.
CNC_APT_TEST=(linuxcnc-uspace poppler-utils)

cnc_log() { printf '==> %s\n' "$*" >&2; }

cnc_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# "a|b": the first of the names that is installed, else the first this release has (Debian
# 13 renamed some libraries in the 64-bit time transition: libglib2.0-0 -> ...-0t64).
cnc_missing_packages() {
  local entry alternative
  for entry in "$@"; do
    local found=""
    for alternative in ${entry//|/ }; do
      if cnc_installed "$alternative"; then found=yes; break; fi
    done
    [ -n "$found" ] && continue
    for alternative in ${entry//|/ }; do
      if apt-cache show --no-all-versions "$alternative" >/dev/null 2>&1; then
        found="$alternative"
        break
      fi
    done
    printf '%s\n' "${found:-${entry##*|}}"
  done
}

cnc_install_debian_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    cnc_log "Not a Debian-based system: install PostgreSQL, FreeCAD and Xvfb yourself."
    return 0
  fi
  local missing
  mapfile -t missing < <(cnc_missing_packages "$@")
  if [ "${#missing[@]}" -eq 0 ]; then
    cnc_log "Debian packages: all present."
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      cnc_log "Debian packages missing: ${missing[*]}"
      cnc_log "Install them with: sudo apt-get install --no-install-recommends ${missing[*]}"
      return 0
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  # A new machine's first boot may be running unattended-upgrades (or another set-up): wait
  # for dpkg's lock instead of failing at once.
  local apt=($sudo apt-get -o DPkg::Lock::Timeout=600)
  "${apt[@]}" update -qq
  # Again with fresh package lists: a new machine or container may have none, and then no
  # alternative resolves (Debian 13 would be asked for its missing libglib2.0-0).
  mapfile -t missing < <(cnc_missing_packages "$@")
  cnc_log "Installing Debian packages: ${missing[*]}"
  # One package that this release cannot provide must not stop the others (FreeCAD is
  # optional for running the product: the standalone panels work without it).
  if ! "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    local package
    for package in "${missing[@]}"; do
      "${apt[@]}" install -y -qq --no-install-recommends "$package" >/dev/null \
        || cnc_log "Could not install the Debian package $package."
    done
  fi
}

cnc_python() {
  # Debian's Python is the one FreeCAD embeds; fall back to python3 elsewhere.
  if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3; fi
}

cnc_make_venv() {
  local extras="$1" python
  python="$(cnc_python)"
  if [ -z "$python" ]; then
    cnc_log "No python3 found: install Python 3.11 (Debian: apt-get install python3 python3-venv)."
    return 1
  fi
  local want have=""
  want="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  [ -x "$CNC_VENV/bin/python" ] \
    && have="$("$CNC_VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)"
  if [ "$have" != "$want" ]; then
    cnc_log "Creating the virtual environment $CNC_VENV with $python (Python $want)"
    rm -rf "$CNC_VENV"
    "$python" -m venv "$CNC_VENV"
  fi
  local stamp_file="$CNC_VENV/.cnc-installed-$extras" stamp
  stamp="$(sha256sum < "$CNC_ROOT/pyproject.toml" | cut -c1-16)"
  # The test install is a superset of the run install.
  if [ "$(cat "$stamp_file" 2>/dev/null)" = "$stamp" ] \
     || { [ "$extras" = run ] && [ "$(cat "$CNC_VENV/.cnc-installed-test" 2>/dev/null)" = "$stamp" ]; }; then
    cnc_log "Python packages ($extras): up to date."
    return 0
  fi
  local target="."
  [ "$extras" = "test" ] && target=".[test]"
  cnc_log "Installing the pinned Python packages ($extras) into $CNC_VENV"
  (cd "$CNC_ROOT" && "$CNC_VENV/bin/python" -m pip install --disable-pip-version-check -q -e "$target")
  echo "$stamp" > "$stamp_file"
}

cnc_setup() {
  local purpose="$1"
  if [ "$purpose" = "test" ]; then
    cnc_install_debian_packages "${CNC_APT_RUN[@]}" "${CNC_APT_TEST[@]}"
  else
    cnc_install_debian_packages "${CNC_APT_RUN[@]}"
  fi
  cnc_make_venv "$purpose"
  export PATH="$CNC_VENV/bin:$PATH"
}
