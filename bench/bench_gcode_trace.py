"""`cncworkbench gcode trace` against LinuxCNC's rs274 on the same 200,000-line program.

The program is what CAM posts write (G1 moves with a feed now and then, G2/G3 arcs with
I/J and R, comments, an occasional plain G1), written to a file once. Each round runs
both commands as processes on it, rs274 writing its canonical calls to a file and trace
printing every motion to /dev/null, alternating, and the figure is the ratio of the
medians of wall time (and of CPU time, user + system) over the rounds; the peak memory
(max RSS) of trace on 200,000 and 50,000 lines shows that it does not grow with the
program. ``python -m bench.bench_gcode_trace [ROUNDS]`` runs it alone.

Our modules are byte-compiled first, as an installed ``cncworkbench`` is: with
``PYTHONDONTWRITEBYTECODE`` set (as in some shells and CI) Python would otherwise
compile every module of the package from source on every run, and the figure would
measure that rather than the interpreter (about 0.1 s a run on this machine).
"""

from __future__ import annotations

import compileall
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cncworkbench
from cncworkbench.cam.rs274 import private_home

LINES = 200_000
ROUNDS = 5


def program(lines: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = ["G21 G90 G17 G94", "T1 M6", "G43 H1", "S8000 M3", "G0 X0 Y0 Z5", "G1 Z-1 F500"]
    x = y = 0.0
    while len(out) < lines - 1:
        step = len(out) % 10
        if step < 7:
            x += rng.uniform(-2, 2)
            y += rng.uniform(-2, 2)
            out.append(
                f"G1 X{x:.4f} Y{y:.4f}" + (f" F{rng.randint(300, 900)}" if step == 0 else "")
            )
        elif step == 7:
            out.append(f"G2 X{x + 6:.4f} Y{y:.4f} I3 J0 (half circle)")
            x += 6
        elif step == 8:
            out.append(f"G3 X{x + 6:.4f} Y{y:.4f} R-4")
            x += 6
        else:
            out.append("G1")
    out.append("M2")
    return "\n".join(out) + "\n"


def _run(command: list[str], env: dict) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stderr.decode(errors='replace')[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def _trace_command(path: Path) -> list[str]:
    return [str(Path(sys.executable).parent / "cncworkbench"), "gcode", "trace", str(path)]


def run(rounds: int = ROUNDS) -> dict:
    rs274 = shutil.which("rs274")
    if rs274 is None:
        return {"lines": ["rs274 is not installed: no figure"], "figures": {}}
    with tempfile.TemporaryDirectory(prefix="cnc-bench-trace-") as work:
        work = Path(work)
        path = work / "big.ngc"
        path.write_text(program(LINES))
        small = work / "small.ngc"
        small.write_text(program(LINES // 4))
        table = work / "tools.tbl"
        table.write_text("T1 P1 D6.0 Z+1.0\n")
        env = private_home(work)
        compileall.compile_dir(str(Path(cncworkbench.__file__).parent), quiet=1)
        rs_command = [rs274, "-g", "-t", str(table), str(path), str(work / "canon.txt")]
        ours, theirs = [], []
        for _ in range(rounds):
            theirs.append(_run(rs_command, env))
            ours.append(_run(_trace_command(path), env))
        small_rss = _rss_of(_trace_command(small), env)
        big_rss = _rss_of(_trace_command(path), env)
    wall_ours = statistics.median(r[0] for r in ours)
    wall_theirs = statistics.median(r[0] for r in theirs)
    cpu_ours = statistics.median(r[1] for r in ours)
    cpu_theirs = statistics.median(r[1] for r in theirs)
    figures = {
        "trace_seconds": wall_ours,
        "rs274_seconds": wall_theirs,
        "wall_ratio": wall_ours / wall_theirs,
        "cpu_ratio": cpu_ours / cpu_theirs if cpu_theirs else None,
        "trace_peak_mb_50k_lines": small_rss / 1024,
        "trace_peak_mb_200k_lines": big_rss / 1024,
    }
    lines = [
        f"{LINES:,} lines: trace {wall_ours:.2f} s, rs274 {wall_theirs:.2f} s "
        f"(x{figures['wall_ratio']:.2f} wall; CPU {cpu_ours:.2f} s vs {cpu_theirs:.2f} s), "
        f"median of {rounds} alternating rounds",
        f"trace peak memory: {small_rss / 1024:.0f} MB at {LINES // 4:,} lines, "
        f"{big_rss / 1024:.0f} MB at {LINES:,}",
    ]
    return {"lines": lines, "figures": figures}


def _rss_of(command: list[str], env: dict) -> int:
    """Max RSS (kB) of one run of ``command``, from its own resource usage."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise RuntimeError(f"{command} failed")
    return usage.ru_maxrss


if __name__ == "__main__":
    for line in run(int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS)["lines"]:
        print(line)
