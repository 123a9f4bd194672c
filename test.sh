#!/usr/bin/env bash
# Set everything up and run every test (see README.md). Extra arguments go to pytest.
#   ./test.sh                     the whole suite on the host's FreeCAD, then the FreeCAD-
#                                 involving tests (marker "freecad") on the other versions
#                                 of the matrix (0.20, 1.0, 1.1; Debian root filesystems)
#   ./test.sh --freecad 1.1 [...] the FreeCAD-involving tests on that version only
#   ./test.sh [pytest args]       the selected tests on the host's FreeCAD only
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"
source "$(dirname "${BASH_SOURCE[0]}")/scripts/freecad_matrix.sh"
freecad_versions=()
pytest_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --freecad) freecad_versions+=("${2:?--freecad needs a version: 0.20, 1.0 or 1.1}"); shift 2 ;;
    --freecad=*) freecad_versions+=("${1#--freecad=}"); shift ;;
    *) pytest_args+=("$1"); shift ;;
  esac
done
cnc_setup test
cd "$CNC_ROOT"

# As root the set-up installs FreeCAD and LinuxCNC, so their tests must run, not skip.
if [ "$(id -u)" -eq 0 ]; then export CNC_REQUIRE_FREECAD=1 CNC_REQUIRE_RS274=1; fi

cnc_log "Lint and format (ruff)"
ruff check .
ruff format --check .

# One worker per core, each with its own PostgreSQL cluster and S3 server.
if [ "${#freecad_versions[@]}" -gt 0 ]; then
  status=0
  for version in "${freecad_versions[@]}"; do
    cnc_log "FreeCAD-involving tests on FreeCAD $version (pytest -m freecad)"
    started=$SECONDS
    ( cnc_use_freecad "$version" && python -m pytest -n auto -m freecad "${pytest_args[@]}" ) \
      || status=1
    cnc_log "FreeCAD $version: $((SECONDS - started)) s"
  done
  exit "$status"
fi
cnc_log "Tests (pytest)"
if [ "${#pytest_args[@]}" -gt 0 ] || [ "$(id -u)" -ne 0 ]; then
  exec python -m pytest -n auto "${pytest_args[@]}"
fi
# Plain ./test.sh as root: the whole suite on the host's FreeCAD, then the matrix.
status=0
started=$SECONDS
python -m pytest -n auto || status=1
host="$(cnc_host_freecad_version)"
cnc_log "Whole suite (FreeCAD ${host:-none} on the host): $((SECONDS - started)) s"
for version in "${CNC_FREECAD_MATRIX[@]}"; do
  [ "$version" = "$host" ] && continue
  cnc_log "FreeCAD-involving tests on FreeCAD $version (pytest -m freecad)"
  started=$SECONDS
  ( cnc_use_freecad "$version" && python -m pytest -n auto -m freecad ) || status=1
  cnc_log "FreeCAD $version: $((SECONDS - started)) s"
done
exit "$status"
