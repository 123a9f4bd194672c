"""``cncworkbench gcode``: read a G-code program the way LinuxCNC does and show its motions.

``cncworkbench gcode trace FILE`` prints one motion per line (``--json``: one JSON object
per line) with its kind (rapid, feed, arc), source line, end point in mm, feed (mm/min)
and tool. A program that cannot be read exits with status 2 and the line number in the
message.
"""

from __future__ import annotations

import gc
import sys
from itertools import islice
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


_FEED_TEXT: dict[float | None, str] = {None: "-"}


def _text_line(motion) -> str:
    feed = _FEED_TEXT.get(motion.feed)
    if feed is None:  # a program has few feeds: their text is made once
        if len(_FEED_TEXT) > 10_000:  # inverse time feeds: every one differs
            _FEED_TEXT.clear()
            _FEED_TEXT[None] = "-"
        feed = _FEED_TEXT[motion.feed] = f"{motion.feed:g}"
    x, y, z = motion.end
    tool = motion.tool
    return "%-5s line %-6d X%.4f Y%.4f Z%.4f F%s T%s" % (  # noqa: UP031 - the fastest here
        motion.kind,
        motion.line,
        x,
        y,
        z,
        feed,
        "-" if tool is None else tool,
    )


def _json_line(motion) -> str:
    import json  # here: only --json needs it (about 1 ms of every start)

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
    from cncworkbench.core.gcode import GCodeError, decode_program, read_parameter_file, stream

    try:
        text = decode_program(file.read_bytes())
        parameters = None
        if parameter_file is not None:
            try:
                parameters = read_parameter_file(decode_program(parameter_file.read_bytes()))
            except GCodeError as error:
                raise UserError(
                    translate("Cli", "parameter file {file}: {error}").format(
                        file=parameter_file, error=error
                    )
                ) from None
    except OSError as exc:
        raise UserError(
            translate("Cli", "cannot read {file}: {reason}").format(
                file=exc.filename or file, reason=exc.strerror or exc
            )
        ) from None
    motions = stream(
        text,
        chord_tolerance=chord_tolerance,
        subroutine_path=subroutine_path or (file.parent,),
        parameters=parameters,
    )
    render = _json_line if as_json else _text_line
    made = iter(motions)
    # motions are printed as they are made, a chunk at a time: memory stays flat in the
    # program's length. They make no reference cycles, so the collector's automatic passes
    # (every 700 new objects, some 5 % of a long trace) are replaced by one pass over the
    # young objects a chunk, which still frees any cycle the interpreter makes.
    # Written as they are: click.echo would also search every chunk for terminal escape
    # codes, which motion lines (letters and numbers; JSON escapes control characters)
    # never hold.
    out = sys.stdout
    collecting = gc.isenabled()
    gc.disable()
    try:
        while chunk := list(map(render, islice(made, _CHUNK))):
            chunk.append("")
            out.write("\n".join(chunk))
            out.flush()  # as click.echo: what is made is shown before a later error
            gc.collect(1)
    finally:
        if collecting:
            gc.enable()
    for warning in motions.program().warnings:
        click.echo(translate("Cli", "warning: {warning}").format(warning=warning), err=True)
