"""``cncworkbench gcode``: read a G-code program the way LinuxCNC does and show its motions.

``cncworkbench gcode trace FILE`` prints one motion per line (``--json``: one JSON object
per line) with its kind (rapid, feed, arc), source line, end point in mm, feed (mm/min)
and tool. A program that cannot be read exits with status 2 and the line number in the
message.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from cncworkbench.cli.base import UserErrorGroup
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError

_CHUNK = 10_000


@click.group(
    cls=UserErrorGroup,
    help=QT_TRANSLATE_NOOP(
        "Cli", "Read G-code programs (LinuxCNC's dialect) and show what they do."
    ),
)
def gcode():
    pass


def _text_line(motion) -> str:
    x, y, z = motion.end
    feed = "-" if motion.feed is None else f"{motion.feed:g}"
    tool = "-" if motion.tool is None else str(motion.tool)
    return f"{motion.kind:<5} line {motion.line:<6} X{x:.4f} Y{y:.4f} Z{z:.4f} F{feed} T{tool}"


def _json_line(motion) -> str:
    x, y, z = motion.end
    return json.dumps(
        {
            "kind": motion.kind,
            "line": motion.line,
            "x": x,
            "y": y,
            "z": z,
            "feed": motion.feed,
            "tool": motion.tool,
        }
    )


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
def trace(file: Path, as_json: bool, chord_tolerance: float):
    from cncworkbench.core.gcode import interpret_file

    try:
        program = interpret_file(file, chord_tolerance=chord_tolerance)
    except OSError as exc:
        raise UserError(
            translate("Cli", "cannot read {file}: {reason}").format(
                file=file, reason=exc.strerror or exc
            )
        ) from None
    for warning in program.warnings:
        click.echo(translate("Cli", "warning: {warning}").format(warning=warning), err=True)
    render = _json_line if as_json else _text_line
    motions = program.motions
    for index in range(0, len(motions), _CHUNK):
        click.echo("\n".join(render(m) for m in motions[index : index + _CHUNK]))
