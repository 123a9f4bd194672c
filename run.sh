#!/usr/bin/env bash
# Set everything up and start CNC Workbench (see README.md).
#   FreeCAD with the workbench when FreeCAD is installed and a display is present;
#   the standalone panels (cncworkbench gui) on a display without FreeCAD;
#   without a display: how to get the GUI, then `cncworkbench demo` (headless).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"
cnc_setup run

cnc_log "Preparing the database (embedded PostgreSQL unless CNC_DATABASE_URL is set)"
cncworkbench db upgrade
cnc_log "Loading the machine, tool and material catalog"
cncworkbench seed

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cnc_log "No display. For the GUI, run ./run.sh in a desktop session (or ssh -X), or on a"
  cnc_log "virtual screen: xvfb-run -a -s '-screen 0 1600x1000x24' ./run.sh"
  cnc_log "Walking the main path headless instead: cncworkbench demo"
  exec cncworkbench demo
fi

if command -v freecad >/dev/null 2>&1; then
  cncworkbench freecad install
  [ "$(id -u)" -eq 0 ] && export QTWEBENGINE_DISABLE_SANDBOX=1  # QtWebEngine aborts as root
  cnc_log "Starting FreeCAD with the CNC Workbench"
  exec freecad "$CNC_ROOT/scripts/freecad_start.py"
fi
cnc_log "FreeCAD is not installed: starting the standalone panels (cncworkbench gui)"
exec cncworkbench gui
