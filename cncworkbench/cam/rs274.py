"""LinuxCNC's own G-code interpreter (``rs274``, Debian package ``linuxcnc-uspace``) as an
independent judge of the programs we post for LinuxCNC machines."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str  # rs274's error and the offending line, or "" when accepted
    calls: int  # canonical machining calls it produced


def program() -> str | None:
    return shutil.which("rs274")


def private_home(folder: str | Path) -> dict[str, str]:
    """The environment with ``HOME`` at ``folder``: rs274 maps its tool table into
    ``$HOME/.tool.mmap``, so two runs at once (workers, tests) would read each other's
    tools, and a program could be judged with the wrong tool lengths."""
    return {**os.environ, "HOME": str(folder)}


def check(text: str, tools=(), timeout: float = 60.0) -> Verdict | None:
    """rs274's verdict on ``text``; None when LinuxCNC is not installed here. ``tools``
    (objects with ``number`` and ``diameter_mm``) fill its tool table so T words resolve."""
    rs274 = program()
    if rs274 is None:
        return None
    with tempfile.TemporaryDirectory(prefix="cnc-rs274-") as work:
        source, canon, table = (Path(work) / name for name in ("in.ngc", "out.txt", "tool.tbl"))
        source.write_text(text, encoding="utf-8")
        rows = [f"T{t.number} P{t.number} D{t.diameter_mm:.4f} Z+0 ;" for t in tools]
        table.write_text("\n".join(rows) + "\n")
        completed = subprocess.run(
            [rs274, "-g", "-t", str(table), str(source), str(canon)],
            capture_output=True,
            text=True,
            timeout=timeout,
            input="",  # it asks on stdin what to do after an error: answer "quit"
            env=private_home(work),
            check=False,
        )
        calls = len(canon.read_text().splitlines()) if canon.exists() else 0
    output = (completed.stdout + completed.stderr).strip().splitlines()
    # rs274 ends its error report with the message and the offending line.
    noise = {"executing", ""}
    meaningful = [line.strip() for line in output if line.strip().lower() not in noise]
    if completed.returncode == 0:
        return Verdict(True, "", calls)
    return Verdict(False, " | ".join(meaningful[-2:]) or f"exit {completed.returncode}", calls)
