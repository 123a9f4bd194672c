"""Running a program: lines, parameters, O-word subroutines and control flow, notes.

:class:`Runner` reads a program line by line and hands each block to the machine
(:mod:`._machine`); motions are yielded as they are made, so memory does not grow with
the program's length. Runs of the motion lines CAM posts write take the fast path
(:mod:`.fastpath`); other plain lines (no ``#``, ``[``, ``O``, ``@``, ``^``) are read with
one regular expression, the rest through :mod:`.expressions`.

Control flow follows LinuxCNC 2.9: ``sub``/``endsub`` define subroutines anywhere in the
file (a definition met in the flow is skipped), ``call`` with up to 30 arguments in
``#1``-``#30`` (the caller's are saved and restored, unset ones read 0), ``return`` and
``endsub`` with an optional value (``#<_value>``), ``if``/``elseif``/``else``/``endif``,
``while``/``endwhile``, ``do``/``while``, ``repeat``/``endrepeat``, ``break``,
``continue``. ``O<name> call`` of a subroutine the file does not define loads
``name.ngc`` from the subroutine path. Every block executed counts against a budget
(loops, recursion), refused with the line before the work goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cncworkbench.core.gcode import _machine
from cncworkbench.core.gcode._machine import (
    _LINE_RE,
    _PROGRAM_NUMBER_RE,
    _WORD_RE,
    Program,
    _diagnose,
    _strip_comments,
    _unexpected,
)
from cncworkbench.core.gcode.cutter_comp import CompMixin
from cncworkbench.core.gcode.cycles import CycleMixin
from cncworkbench.core.gcode.errors import GCodeError, at_line
from cncworkbench.core.gcode.expressions import parse_line
from cncworkbench.core.gcode.fastpath import FastPathMixin
from cncworkbench.core.gcode.parameters import ParameterMixin
from cncworkbench.core.i18n import translate

MAX_CALL_DEPTH = 50
_NOTE_RE = re.compile(r"\(\s*(MSG|DEBUG|PRINT),([^)]*)\)", re.IGNORECASE)
_NOTE_PARAMETER_RE = re.compile(r"#(<[^>]*>|[0-9]+)")
_SLOW_CHARS = frozenset("#[O@^")
FAST_RUN_LINES = 1024  # lines the fast path reads at a time (memory stays flat)
FAST_RUN_FIRST = 16  # ... after a line it left to the general path


def decode_program(data: bytes) -> str:
    """The text of a G-code file: UTF-8 when it decodes, latin-1 otherwise."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


@dataclass
class _Control:
    keyword: str
    name: str
    end: int = -1  # endsub / endif / endwhile / endrepeat / the while of a do
    head: int = -1  # for ends, break and continue: the line index of the loop or if
    branches: list[int] = field(default_factory=list)  # an if's elseif and else lines


class _Source:
    """The lines of one file and, once an O-word is met, their control structure."""

    def __init__(self, name: str | None, text: str):
        if text.startswith("\ufeff"):
            text = text[1:]
        self.name = name
        self.lines = text.split("\n")
        self.controls: dict[int, _Control] | None = None
        self.subs: dict[str, int] = {}

    def fail(self, line: int, message: str):
        if self.name is not None:
            message = translate("GCode", "{file}: {message}").format(
                file=self.name, message=message
            )
        raise GCodeError(line, message)

    def structure(self, runner: Runner) -> dict[int, _Control]:
        if self.controls is not None:
            return self.controls
        controls: dict[int, _Control] = {}
        stack: list[int] = []
        for index, raw in enumerate(self.lines):
            if "o" not in raw and "O" not in raw:
                continue
            code = runner.normalise(raw, index + 1, self, quiet=True)
            if not code:
                continue
            if code[0] == "N":
                match = re.match(r"N[0-9.]*", code)
                code = code[match.end() :]
            if not code.startswith("O") or _PROGRAM_NUMBER_RE.fullmatch(code):
                continue
            parsed = parse_line(code, index + 1, runner.never_looked_up)
            if parsed.keyword is None:
                continue
            control = _Control(parsed.keyword, parsed.oword)
            controls[index] = control
            self._link(index, control, controls, stack)
        if stack:
            open_one = controls[stack[-1]]
            self.fail(
                stack[-1] + 1,
                translate("GCode", "O{name} {keyword} is never closed").format(
                    name=open_one.name, keyword=open_one.keyword.lower()
                ),
            )
        self.controls = controls
        return controls

    def _link(self, index, control, controls, stack):
        keyword, name = control.keyword, control.name
        openers = {"ENDSUB": "SUB", "ENDIF": "IF", "ENDWHILE": "WHILE", "ENDREPEAT": "REPEAT"}
        if keyword == "SUB":
            if any(controls[i].keyword == "SUB" for i in stack):
                self.fail(
                    index + 1, translate("GCode", "subroutines cannot be defined inside others")
                )
            self.subs[name] = index
        if keyword in ("SUB", "IF", "REPEAT", "DO"):
            stack.append(index)
            return
        if keyword == "WHILE":
            if stack and controls[stack[-1]].keyword == "DO" and controls[stack[-1]].name == name:
                head = stack.pop()
                controls[head].end = index
                control.head = head
                control.keyword = "DOWHILE"
            else:
                stack.append(index)
            return
        if keyword in openers:
            if (
                not stack
                or controls[stack[-1]].name != name
                or (controls[stack[-1]].keyword != openers[keyword])
            ):
                self.fail(
                    index + 1,
                    translate("GCode", "O{name} {keyword} without a matching {opener}").format(
                        name=name, keyword=keyword.lower(), opener=openers[keyword].lower()
                    ),
                )
            head = stack.pop()
            controls[head].end = index
            control.head = head
            return
        if keyword in ("ELSEIF", "ELSE"):
            if not stack or controls[stack[-1]].keyword != "IF" or controls[stack[-1]].name != name:
                self.fail(
                    index + 1,
                    translate("GCode", "O{name} {keyword} without a matching if").format(
                        name=name, keyword=keyword.lower()
                    ),
                )
            controls[stack[-1]].branches.append(index)
            control.head = stack[-1]
            return
        if keyword in ("BREAK", "CONTINUE"):
            for head in reversed(stack):
                # as in LinuxCNC 2.9, only while and do loops (not repeat) break or continue
                if controls[head].name == name and controls[head].keyword in ("WHILE", "DO"):
                    control.head = head
                    return
            self.fail(
                index + 1,
                translate(
                    "GCode", "O{name} {keyword} outside a while or do loop of that name"
                ).format(name=name, keyword=keyword.lower()),
            )
        if keyword == "RETURN":
            for head in reversed(stack):
                if controls[head].keyword == "SUB":
                    control.head = head
                    return
            self.fail(index + 1, translate("GCode", "return outside a subroutine"))
        # CALL: nothing to link


def _too_many_blocks(count: int) -> str:
    return translate("GCode", "the program runs more than {count} blocks").format(count=count)


class _Frame:
    __slots__ = ("call_line", "counts", "locals", "modal", "name", "return_to", "saved", "source")

    def __init__(self, source, return_to, saved, name, call_line):
        self.source = source
        self.return_to = return_to  # (frame's caller pc) or None for the main program
        self.saved = saved  # the caller's #1-#30
        self.locals: dict[str, float] = {}
        self.name = name
        self.modal = None  # M73: the modal state restored at return
        self.call_line = call_line  # line shown for motions of an external file
        self.counts: dict[int, int] = {}  # repeat loops: line index -> turns left


class Runner(ParameterMixin, CycleMixin, CompMixin, FastPathMixin, _machine._Interpreter):
    """The interpreter with LinuxCNC's parameters, expressions and O-words."""

    def __init__(
        self,
        *,
        subroutine_path=(),
        max_blocks: int,
        dialect: str = "linuxcnc",
        tool_diameters=None,
        parameters=None,
        **kwargs,
    ):
        if dialect not in ("linuxcnc", "fanuc"):
            raise ValueError(f"dialect must be 'linuxcnc' or 'fanuc', not {dialect!r}")
        super().__init__(**kwargs)
        self.fanuc = dialect == "fanuc"
        self.comp_init()
        self.fast_init()
        self.tool_diameters = None if tool_diameters is None else dict(tool_diameters)
        self._parameter_file = parameters
        self.subroutine_path = [Path(folder) for folder in subroutine_path]
        self.max_blocks = max_blocks
        self.notes: list[tuple[int, str, str]] = []
        self.pauses: list[tuple[int, str]] = []
        self.init_parameters()
        if self._parameter_file:
            self.load_parameters(self._parameter_file)
        self.files: dict[str, _Source] = {}
        self.frames: list[_Frame] = []

    # ------------------------------------------------------------------ lines
    def normalise(self, raw: str, number: int, source: _Source, quiet: bool = False) -> str:
        """The code of a line: no comments, spaces or block-deleted text; upper case."""
        if raw[:1] in " \t/":
            stripped = raw.lstrip(" \t")
            if stripped[:1] == "/":
                if self.block_delete:
                    if "(" in stripped:
                        _strip_comments(stripped, number, stray_close_ok=True)
                    return ""
                raw = stripped[1:]
        if "(" in raw or ";" in raw or ")" in raw:
            if not quiet and "," in raw:
                self._notes(raw, number)
            raw = _strip_comments(raw, number)
        code = raw.replace(" ", "").replace("\t", "").replace("\r", "")
        if code and not code.isascii():
            bad = next(ch for ch in code if not ch.isascii())
            raise GCodeError(number, _unexpected(bad))
        return code.upper()

    def _notes(self, raw: str, number: int) -> None:
        for kind, text in _NOTE_RE.findall(raw):
            kind = kind.upper()
            if kind != "MSG":
                text = _NOTE_PARAMETER_RE.sub(lambda m: self._note_value(m.group(1)), text)
            self.notes.append((self.shown_line(number), kind, text))

    def _note_value(self, key: str) -> str:
        if key.startswith("<"):
            value = self.lookup(key[1:-1].replace(" ", "").upper(), None)
            return "######" if value is None else f"{value:f}"
        number = int(key)
        return f"{self.lookup(number, None):f}" if 1 <= number <= 5601 else "######"

    def shown_line(self, number: int) -> int:
        """The line motions and notes carry: an external file's lines show as its call."""
        top = self.frames[-1] if self.frames else None
        return number if top is None or top.source.name is None else top.call_line

    @staticmethod
    def never_looked_up(key, line):  # O-word structure scan: arguments are not needed
        return 0.0

    # ------------------------------------------------------------------ running
    def stream(self, text: str):
        """Yield the motions of ``text`` as they are made; then :meth:`result` is ready."""
        for batch in self.batches(text):
            yield from batch

    def batches(self, text: str):
        """Yield the motions of ``text`` as they are made, in lists (a reader that takes
        them a list at a time saves resuming a generator for every motion); then
        :meth:`result` is ready."""
        main = _Source(None, text)
        self.frames = [_Frame(main, None, None, None, 0)]
        self.seen_code = False
        self.ended_at = None
        self.last_line = 0
        percent_open = False
        blocks = 0
        max_blocks = self.max_blocks
        word_re = _WORD_RE
        line_re = _LINE_RE
        slow = _SLOW_CHARS
        frame = self.frames[0]
        lines = main.lines
        pc = 0
        fast_run = self.fast_run
        seen_code = False  # kept here in the loop: attributes cost time
        last_line = 0
        fast_ok = True  # not in an external file (its motions show the call's line)
        span = FAST_RUN_FIRST  # lines offered to the fast path: grows while it takes them
        while True:
            if pc >= len(lines):
                if frame.return_to is None:
                    break
                frame.source.fail(
                    len(lines),
                    translate("GCode", "the file ends inside subroutine {name}").format(
                        name=frame.name
                    ),
                )
            if fast_ok:
                stop = min(len(lines), pc + span)
                made, next_pc, done, last = fast_run(lines, pc, stop, max_blocks - blocks)
                span = min(4 * span, FAST_RUN_LINES) if next_pc == stop else FAST_RUN_FIRST
                if next_pc != pc:
                    if done:
                        seen_code = True
                        blocks += done
                        if frame.return_to is None:
                            last_line = last
                        yield made
                    pc = next_pc
                    continue
            raw = lines[pc]
            number = pc + 1
            pc += 1
            code = self.normalise(raw, number, frame.source) if raw else ""
            if not code:
                continue
            if code[0] == "%":
                if code != "%":
                    raise GCodeError(number, translate("GCode", "'%' must be alone on its line"))
                if frame.return_to is not None:
                    continue
                if not seen_code and not percent_open:
                    percent_open = True
                    continue
                if not percent_open:
                    raise GCodeError(
                        number,
                        translate("GCode", "'%' ends only a program that starts with a '%' line"),
                    )
                self.ended_at = number
                break
            seen_code = True
            if frame.return_to is None:
                last_line = number
            blocks += 1
            if blocks > max_blocks:
                raise GCodeError(number, _too_many_blocks(max_blocks))
            shown = number if frame.source.name is None else self.shown_line(number)
            if slow.isdisjoint(code):
                if line_re.fullmatch(code) is None:
                    _diagnose(code, number)
                ended = self._block(shown, word_re.findall(code))
            else:
                parsed = parse_line(code, number, self.lookup)
                if parsed.oword is not None:
                    if parsed.keyword is None:
                        self.warnings.append(
                            at_line(
                                number,
                                translate("GCode", "program number {code} ignored").format(
                                    code=code
                                ),
                            )
                        )
                        continue
                    frame, pc = self._control(frame, pc - 1, parsed, number)
                    lines = frame.source.lines
                    fast_ok = frame.source.name is None
                    ended = False
                else:
                    for key, value in parsed.assignments:
                        self.assign(key, value, number)
                    ended = self._block(shown, parsed.words) if parsed.words else False
                    if ended is None:
                        ended = False
            if ended:  # the program's end turns compensation off
                self.comp_finish(number)
            if self.motions:
                yield self.motions[:]  # a copy: the list is the machine's, reused
                self.emitted += len(self.motions)
                self.motions.clear()
            if ended:
                self.ended_at = number if frame.return_to is None else None
                self.ended_in_sub = frame.return_to is not None
                break
        self.comp_flush()
        if self.motions:
            yield self.motions[:]
            self.emitted += len(self.motions)
            self.motions.clear()
        self.seen_code = seen_code
        self.last_line = last_line
        self._finish(main)

    def _finish(self, main: _Source) -> None:
        if self.ended_at is not None:
            for number in range(self.ended_at + 1, len(main.lines) + 1):
                rest = main.lines[number - 1].strip()
                if rest and rest != "%" and rest[0] not in "oO(":
                    self.warnings.append(
                        at_line(number, translate("GCode", "text after the program end is ignored"))
                    )
                    break
        elif getattr(self, "ended_in_sub", False):
            pass
        elif not self.seen_code:
            self.warnings.append(at_line(1, translate("GCode", "the program contains no G-code")))
        else:
            self.warnings.append(
                at_line(
                    self.last_line,
                    translate("GCode", "the program does not end with M2, M30 or %"),
                )
            )

    def result(self, motions) -> Program:
        f = self.factor
        return Program(
            motions=motions,
            warnings=self.warnings,
            units="inch" if self.inch else "mm",
            tools_used=self.tools_used,
            end_position=(self.pos[0] * f, self.pos[1] * f, self.pos[2] * f),
            dwells=self.dwells,
            notes=self.notes,
            pauses=self.pauses,
            parameters=self.persistent_parameters(),
        )

    # ------------------------------------------------------------------ O-words
    def _control(self, frame: _Frame, index: int, parsed, number: int):
        """Execute the O-word at ``index``; the frame and line index to go on from."""
        source = frame.source
        controls = source.structure(self)
        keyword = parsed.keyword
        control = controls.get(index)
        args = parsed.arguments
        if keyword == "CALL":
            return self._call(frame, index, parsed, number)
        if control is None:  # pragma: no cover - the scan saw every O-word line
            source.fail(number, translate("GCode", "cannot read the O-word"))
        keyword = control.keyword  # a while that ends a do reads DOWHILE here
        if keyword == "SUB":
            return frame, control.end + 1
        if keyword in ("ENDSUB", "RETURN"):
            if frame.return_to is None:
                source.fail(
                    number,
                    translate("GCode", "{keyword} outside a called subroutine").format(
                        keyword=keyword.lower()
                    ),
                )
            return self._return(frame, args, number)
        if keyword == "IF":
            if self._condition(args, number, source, keyword):
                return frame, index + 1
            for branch in control.branches:
                other = controls[branch]
                if other.keyword == "ELSE":
                    return frame, branch + 1
                code = self.normalise(source.lines[branch], branch + 1, source, quiet=True)
                branch_args = parse_line(code, branch + 1, self.lookup).arguments
                if self._condition(branch_args, branch + 1, source, "ELSEIF"):
                    return frame, branch + 1
            return frame, control.end + 1
        if keyword in ("ELSEIF", "ELSE"):  # reached at the end of the branch taken
            return frame, controls[control.head].end + 1
        if keyword == "ENDIF" or keyword == "DO":
            return frame, index + 1
        if keyword == "WHILE":
            if self._condition(args, number, source, keyword):
                return frame, index + 1
            return frame, control.end + 1
        if keyword == "ENDWHILE":
            return frame, control.head
        if keyword == "DOWHILE":
            if self._condition(args, number, source, "WHILE"):
                return frame, control.head + 1
            return frame, index + 1
        if keyword == "REPEAT":
            if len(args) != 1:
                source.fail(number, translate("GCode", "repeat needs its count: repeat [n]"))
            count = round(args[0])
            if count <= 0:
                return frame, control.end + 1
            frame.counts[index] = count
            return frame, index + 1
        if keyword == "ENDREPEAT":
            left = frame.counts.get(control.head, 1) - 1
            if left > 0:
                frame.counts[control.head] = left
                return frame, control.head + 1
            frame.counts.pop(control.head, None)
            return frame, index + 1
        head = controls[control.head]
        if keyword == "BREAK":
            return frame, head.end + 1
        # CONTINUE
        if head.keyword == "WHILE":
            return frame, control.head
        return frame, head.end  # a do's while decides

    def _condition(self, args, number, source, keyword) -> bool:
        if len(args) != 1:
            source.fail(
                number,
                translate("GCode", "{keyword} needs one condition in [ ]").format(
                    keyword=keyword.lower()
                ),
            )
        return args[0] != 0.0

    def _call(self, frame: _Frame, index: int, parsed, number: int):
        name = parsed.oword
        if len(parsed.arguments) > 30:
            frame.source.fail(number, translate("GCode", "a call takes at most 30 arguments"))
        if len(self.frames) > MAX_CALL_DEPTH:
            frame.source.fail(
                number,
                translate("GCode", "subroutine calls nested more than {count} deep").format(
                    count=MAX_CALL_DEPTH
                ),
            )
        target, start = self._find_sub(frame, name, number)
        saved = [self.params.get(n, 0.0) for n in range(1, 31)]
        for n in range(1, 31):
            self.params[n] = parsed.arguments[n - 1] if n <= len(parsed.arguments) else 0.0
        callee = _Frame(
            target,
            index + 1,
            saved,
            name,
            number if frame.source.name is None else frame.call_line,
        )
        self.frames.append(callee)
        self.value_returned = 0.0
        return callee, start + 1

    def _find_sub(self, frame: _Frame, name: str, number: int):
        for source in (frame.source, self.frames[0].source):
            source.structure(self)
            if name in source.subs:
                return source, source.subs[name]
        if name in self.files:
            source = self.files[name]
            return source, source.subs[name]
        file_name = (name[1:-1] if name.startswith("<") else name).lower() + ".ngc"
        for folder in self.subroutine_path:
            path = folder / file_name
            if path.is_file():
                try:
                    text = decode_program(path.read_bytes())
                except OSError as exc:
                    frame.source.fail(
                        number,
                        translate("GCode", "cannot read subroutine file {file}: {reason}").format(
                            file=path, reason=exc.strerror or exc
                        ),
                    )
                source = _Source(file_name, text)
                source.structure(self)
                if name not in source.subs:
                    frame.source.fail(
                        number,
                        translate("GCode", "{file} does not define subroutine O{name}").format(
                            file=path, name=name
                        ),
                    )
                self.files[name] = source
                return source, source.subs[name]
        frame.source.fail(
            number,
            translate(
                "GCode",
                "subroutine O{name} is not defined here or as {file} on the subroutine path",
            ).format(name=name, file=file_name),
        )

    def _return(self, frame: _Frame, args, number):
        if args:
            self.value = args[0]
            self.value_returned = 1.0
        for n, value in enumerate(frame.saved, 1):
            self.params[n] = value
        if frame.modal is not None:
            self.restore_modal(frame.modal, number)
        self.frames.pop()
        caller = self.frames[-1]
        return caller, frame.return_to
