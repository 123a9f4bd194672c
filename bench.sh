#!/usr/bin/env bash
# Set up (as for the tests) and run the benchmarks in bench/ (see README.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"
cnc_setup test
cd "$CNC_ROOT"
exec python -m bench.run "$@"
