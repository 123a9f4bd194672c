#!/bin/sh
# Extract the translatable strings of the whole program (panels, dialogs, reports, FreeCAD
# commands, and below them errors, CLI output, CAM and simulation messages) into
# resources/translations/cncworkbench_tr.ts (existing translations are kept; strings gone
# from the code are dropped), then compile cncworkbench_tr.qm. Idempotent: run it after
# changing any user-visible text, translate what Qt Linguist (pyside6-linguist) or an
# editor shows as unfinished, and run it again. tests/test_translations.py fails until
# every message is translated and the .qm matches the .ts.
set -eu
cd "$(dirname "$0")/.."
BIN=${CNC_VENV:-.venv}/bin
TS=resources/translations/cncworkbench_tr.ts
QM=resources/translations/cncworkbench_tr.qm
SOURCES=$(mktemp)
trap 'rm -f "$SOURCES"' EXIT
find cncworkbench -name '*.py' | LC_ALL=C sort > "$SOURCES"
"$BIN/pyside6-lupdate" -silent -locations none -no-obsolete -sort-messages \
    -source-language en -target-language tr_TR "@$SOURCES" -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm "$QM"
