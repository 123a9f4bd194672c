"""The work of ``cncworkbench gcode trace``, without click.

:func:`trace_motions` prints the motions; ``cncworkbench.cli.gcode`` declares the command
around it. :func:`quick_trace` runs the plainest call, ``cncworkbench gcode trace FILE
[--json]``, without importing click at all (a sixth of a short trace's start-up): it
speaks and fails exactly as the click command does (same output, messages and exit
status), and leaves every other call, any option, ``--help`` or a path click would
refuse (a folder, an unreadable file) to click.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from cncworkbench.cli.language import choose_language
from cncworkbench.core import localefmt
from cncworkbench.core.i18n import translate
from cncworkbench.errors import UserError

_CHUNK = 10_000
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


def trace_motions(
    file: Path,
    as_json: bool,
    chord_tolerance: float,
    subroutine_path: tuple[Path, ...],
    parameter_file: Path | None,
    warn: Callable[[str], None],
) -> None:
    """Print the motions of the program ``file`` on stdout, then ``warn`` each warning;
    :class:`UserError` for a file that cannot be read or a program that cannot be run."""
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
    # Motions are printed as they are made, _CHUNK lines a time (a program refused later
    # shows the whole chunks made before): memory stays flat in the program's length.
    # They make no reference cycles, so the collector's automatic passes (every 700 new
    # objects, some 5 % of a long trace) are replaced by one pass over the young objects a
    # chunk, which still frees any cycle the interpreter makes. Written as they are:
    # click.echo would also search every chunk for terminal escape codes, which motion
    # lines (letters and numbers; JSON escapes control characters) never hold.
    out = sys.stdout
    pending: list[str] = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for batch in motions.batches():
            pending += map(render, batch)
            if len(pending) >= _CHUNK:
                whole = len(pending) - len(pending) % _CHUNK
                out.write("\n".join(pending[:whole]) + "\n")
                out.flush()  # as click.echo: what is made is shown before a later error
                del pending[:whole]
                gc.collect(1)
        if pending:
            out.write("\n".join(pending) + "\n")
            out.flush()
    finally:
        if collecting:
            gc.enable()
    for warning in motions.program().warnings:
        warn(translate("Cli", "warning: {warning}").format(warning=warning))


def _quick_route(args: Sequence[str]) -> tuple[str, bool] | None:
    """(FILE, --json) when ``args`` are ``gcode trace FILE [--json]`` with a readable file
    (what click's ``Path(dir_okay=False)`` accepts without a word), else None."""
    if len(args) not in (3, 4) or args[0] != "gcode" or args[1] != "trace":
        return None
    rest = list(args[2:])
    as_json = "--json" in rest
    if as_json:
        rest.remove("--json")
    if len(rest) != 1 or rest[0].startswith("-") or "_CNCWORKBENCH_COMPLETE" in os.environ:
        return None
    path = rest[0]
    if not (os.path.isfile(path) and os.access(path, os.R_OK)):
        return None
    return path, as_json


def _echo_error_stream(text: str) -> None:
    """A line on stderr as click.echo writes it (terminal escapes dropped unless a terminal)."""
    if "\033" in text and not sys.stderr.isatty():
        import re

        text = re.sub(r"\033\[[0-?]*[ -/]*[@-~]", "", text)  # click's strip_ansi
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def quick_trace(args: Sequence[str]) -> bool:
    """Run ``gcode trace FILE [--json]`` without click; False (nothing done) for any other
    ``args``. Exits as the click command does: status 2 with ``error: …`` for a user error,
    1 after ``Aborted!`` (Ctrl-C) or when the reader of stdout has gone."""
    route = _quick_route(args)
    if route is None:
        return False
    path, as_json = route
    localefmt.use(choose_language(args))
    try:
        trace_motions(Path(path), as_json, 0.01, (), None, _echo_error_stream)
    except UserError as exc:
        _echo_error_stream(translate("Cli", "error: {message}").format(message=exc))
        sys.exit(2)
    except (EOFError, KeyboardInterrupt):
        _echo_error_stream("")
        _echo_error_stream(translate("Click", "Aborted!"))
        sys.exit(1)
    except BrokenPipeError:
        # as click: quietly, and without Python's complaint when it flushes at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    return True
