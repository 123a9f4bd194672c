"""The motions of a simulation as the compiled sweep (core/sim_kernel.py) takes them:
arrays of segments, each motion's lowest z, tool and whether the numpy code must sweep it
(for the rules), and the playback of a run built from the same arrays. The sweep runs as
native code (core/sim_native.py): numba is imported only to build that code once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cncworkbench.core import sim_layout, sim_native
from cncworkbench.core.sim_playback import Playback

TOLERANCE_MM = 1e-3  # simulation.CUT_TOLERANCE_MM: a move removes material beyond this


class CompiledSweep:
    """The motions as the compiled sweep (core/sim_kernel.py) takes them."""

    def __init__(self, field, motions: Sequence, cutter_of: list):
        self.field = field
        rows, row_of, distinct, index_of = [], {}, [], []
        append = index_of.append
        last, row = None, -1
        for c in cutter_of:  # consecutive motions mostly share a tool
            if c is not last:
                row = row_of.get(id(c))
                if row is None:
                    row = row_of[id(c)] = len(rows)
                    rows.append(sim_layout.cutter_row(c.tool, c.reach))
                    distinct.append(c)
                last = c
            append(row)
        self.cutters = np.asarray(rows, dtype=np.float64).reshape(-1, sim_layout.CUTTER_COLUMNS)
        self.motion_cutter = np.asarray(index_of, dtype=np.int64)
        tables = sim_layout.motion_tables(motions, field.top, TOLERANCE_MM)
        self.starts, self.ends, self.first_segment, self.lowest, special = tables
        mine = self.motion_cutter
        long_reach = np.asarray([c.length is not None for c in distinct], dtype=bool)[mine]
        length = np.asarray([c.length or 0.0 for c in distinct], dtype=np.float64)[mine]
        core = np.asarray([not c.center_cutting for c in distinct], dtype=bool)[mine]
        # holders low enough to reach the stock, and descents of non-centre-cutting tools
        # (special: 1 rapid or spindle off, 2 a feed with a descending segment)
        self.by_numpy = (special == 1) | (core & (special == 2))
        self.by_numpy |= long_reach & (self.lowest + length < field.top - TOLERANCE_MM + 1e-6)
        self.by_numpy &= self.lowest < field.top - TOLERANCE_MM
        self.cut = np.zeros(len(motions), dtype=np.int8)
        self.cells = 0

    def run(self, begin: int, end: int) -> tuple[int, int, int, bool]:
        """Sweep from ``begin`` towards ``end``: (the motion it stopped at, the segment and
        piece the numpy code goes on from, whether the motion cut before that)."""
        f = self.field
        reason, motion, segment, piece, cells = sim_native.run_motions(
            f.heights, f.dirty, f.xs, f.ys, f.x0, f.y0, f.cell, f.zmin, f.top,
            TOLERANCE_MM, self.cutters, self.starts, self.ends, self.first_segment,
            self.motion_cutter, self.by_numpy, self.lowest, self.cut, begin, end, True,
        )  # fmt: skip
        self.cells += cells
        if reason == sim_layout.DONE:
            return end, 0, 0, False
        # a motion stopped at a later piece was counted by the kernel until there
        return motion, segment, piece, bool(self.cut[motion])


def playback_of(field, motions, cutter_of, compiled: CompiledSweep | None, checkpoints) -> Playback:
    """The run's playback: its checkpoints and the arrays to replay motions from them."""
    if compiled is None:
        compiled = CompiledSweep(field, motions, cutter_of)
    grid = {
        "x0": field.x0, "y0": field.y0, "cell": field.cell, "zmin": field.zmin,
        "top": field.top, "nx": field.nx, "ny": field.ny, "tolerance": TOLERANCE_MM,
    }  # fmt: skip
    tables = {
        "starts": compiled.starts,
        "ends": compiled.ends,
        "first_segment": compiled.first_segment,
        "motion_cutter": compiled.motion_cutter,
        "cutters": compiled.cutters,
        "lowest": compiled.lowest,
        "lines": np.fromiter((m.line for m in motions), np.int64, len(motions)),
    }
    return Playback(grid, checkpoints.marks, checkpoints.tiles, tables)
