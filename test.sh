#!/usr/bin/env bash
# Set everything up and run every test (see README.md). Extra arguments go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"
cnc_setup test
cd "$CNC_ROOT"

# As root the set-up installs FreeCAD and LinuxCNC, so their tests must run, not skip.
if [ "$(id -u)" -eq 0 ]; then export CNC_REQUIRE_FREECAD=1 CNC_REQUIRE_RS274=1; fi

cnc_log "Lint and format (ruff)"
ruff check .
ruff format --check .
cnc_log "Tests (pytest)"
# One worker per core, each with its own PostgreSQL cluster and S3 server.
exec python -m pytest -n auto "$@"
