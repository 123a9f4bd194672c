"""``cncworkbench gcode``: read a G-code program the way LinuxCNC does and show its motions.

``cncworkbench gcode trace FILE`` prints one motion per line (``--json``: one JSON object
per line) with its kind (rapid, feed, arc), source line, end point in mm, feed (mm/min)
and tool. A program that cannot be read exits with status 2 and the line number in the
message. The work is in :mod:`.tracing` (which also runs the plainest call without
click).
"""

from __future__ import annotations

from pathlib import Path

import click

from cncworkbench.cli.base import UserErrorGroup
from cncworkbench.cli.tracing import trace_motions
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP


@click.group(
    cls=UserErrorGroup,
    help=QT_TRANSLATE_NOOP(
        "Cli", "Read G-code programs (LinuxCNC's dialect) and show what they do."
    ),
)
def gcode():
    pass


@gcode.command(
    "trace",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Print the motions of the G-code program FILE, one per line.\n\n"
        "Each line: kind (rapid, feed or arc; a canned cycle is expanded into its rapids and\n"
        "feeds), the source line, the end point in mm (program coordinates), the feed in\n"
        "mm/min and the tool.",
    ),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--json", "as_json", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "One JSON object per motion.")
)
@click.option(
    "--chord-tolerance",
    type=click.FloatRange(min=0.0001, max=100.0),
    default=0.01,
    show_default=True,
    metavar="MM",
    help=QT_TRANSLATE_NOOP("Cli", "Largest distance between an arc and its segments."),
)
@click.option(
    "--subroutine-path",
    "subroutine_path",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="FOLDER",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Folder where O<name> call finds name.ngc (repeatable; default: the program's folder).",
    ),
)
@click.option(
    "--parameters",
    "parameter_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help=QT_TRANSLATE_NOOP(
        "Cli", "LinuxCNC parameter file (.var: number value per line, mm) read before the program."
    ),
)
def trace(
    file: Path,
    as_json: bool,
    chord_tolerance: float,
    subroutine_path: tuple[Path, ...],
    parameter_file: Path | None,
):
    trace_motions(
        file,
        as_json,
        chord_tolerance,
        subroutine_path,
        parameter_file,
        warn=lambda text: click.echo(text, err=True),
    )
