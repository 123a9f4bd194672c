"""Hostile G-code: time and peak memory before a short program is refused (or read).

Each hostile program against a baseline of a plain program of the same size read by the
same interpreter in the same run (median of 5; peak traced memory of one run): a 53-byte
arc of 10,000 turns of a 1 km radius (was 44 s and 6.3 GB), sixty canned cycles of
L100000 (was 21 s and 1.5 GB), a 4 MB line of empty comments (was 59 s), and O-word
loops and recursion without end (refused at the block budget or the call depth).
"""

from __future__ import annotations

import tracemalloc

from bench.timing import median_of
from cncworkbench.core.gcode import GCodeError, interpret

REPEATS = 5
HOSTILE = {
    "arc of 10,000 turns (53 bytes)": "G2 X0 Y0 I999999 J0 P10000 F100\n",
    "60 x G81 L100000": "G90 G0 Z5\nF100\n" + "G91 G81 X1 Y0 Z-1 R1 L100000\n" * 60,
    "4 MB line of ()": "G0 X1 " + "()" * 2_000_000 + "\n",
    "endless while loop (40 bytes)": "o1 while [1]\n#1 = [#1 + 1]\no1 endwhile\nM2\n",
    "endless recursion": "o<r> sub\no<r> call\no<r> endsub\no<r> call\nM2\n",
    "repeat [1e9] of a move": "F100\no1 repeat [1000000000]\nG91 G1 X1\no1 endrepeat\nM2\n",
}


def _read(text: str) -> str:
    try:
        return f"read, {len(interpret(text).motions)} motions"
    except GCodeError as error:
        return f"refused at line {error.line}"


def _plain(size: int) -> str:
    line = "G1 X12.5 Y3.25 F600\n"
    return "G21 G90\n" + line * max(1, size // len(line))


def _peak_mb(text: str) -> float:
    tracemalloc.start()
    try:
        _read(text)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def run() -> dict:
    lines, figures = [], {}
    for name, text in HOSTILE.items():
        seconds, outcome = median_of(lambda t=text: _read(t), REPEATS)
        plain = _plain(len(text))
        baseline, _ = median_of(lambda t=plain: _read(t), REPEATS)
        peak = _peak_mb(text)
        figures[name] = {"seconds": seconds, "plain_seconds": baseline, "peak_mb": peak}
        lines.append(
            f"{name}: {outcome} in {seconds * 1000:.1f} ms, peak {peak:.1f} MB "
            f"(a plain program of the same size: {baseline * 1000:.1f} ms, "
            f"x{seconds / baseline:.2f})"
        )
    return {"lines": lines, "figures": figures}
