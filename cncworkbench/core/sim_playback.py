"""Playback of a simulated run: the stock after any motion or program line.

While the run is simulated, a checkpoint is taken every ``interval`` motions: the tiles
(TILE × TILE cells) cut since the previous checkpoint, each compressed with zlib (level 1:
a machined surface is mostly runs of equal heights). The stock after motion ``k``: every
tile as it was stored last at or before the checkpoint at or before ``k`` (a tile never
stored is still the stock's top), then the motions from that checkpoint to ``k`` swept
again by the compiled sweep (heights only: the findings are already known).

The checkpoints are bounded: when their compressed bytes pass the budget, each pair of
neighbouring checkpoints becomes one (the later one, holding the newer of each tile) and
the interval doubles, so memory stays under the budget and replays grow at most twice as
long. :meth:`Playback.to_bytes` is what a run stores as its ``playback`` artefact.
"""

from __future__ import annotations

import io
import zlib
from bisect import bisect_right

import numpy as np

from cncworkbench.core.sim_layout import TILE  # cells a side of a stored tile

_TABLES = ("starts", "ends", "first_segment", "motion_cutter", "cutters", "lowest", "lines")


class Checkpoints:
    """Taken while simulating: which motions were done at each, and the tiles it holds."""

    def __init__(self, shape: tuple[int, int], interval: int, budget_bytes: int):
        self.shape = shape
        self.interval = max(1, interval)
        self.budget_bytes = budget_bytes
        self.marks: list[int] = []  # motions done at each checkpoint
        self.tiles: list[dict[int, bytes]] = []  # tile number -> compressed float32 tile
        self.size = 0  # compressed bytes held
        self.columns = -(-shape[1] // TILE)

    def due(self, done: int) -> bool:
        return done % self.interval == 0

    def take(self, done: int, heights: np.ndarray, dirty: np.ndarray) -> None:
        """Store the tiles ``dirty`` marks (and clear the marks)."""
        stored = {}
        for number in np.flatnonzero(dirty).tolist():
            row, column = divmod(number, self.columns)
            block = heights[row * TILE : (row + 1) * TILE, column * TILE : (column + 1) * TILE]
            stored[number] = zlib.compress(block.tobytes(), 1)
        dirty[:] = 0
        self.marks.append(done)
        self.tiles.append(stored)
        self.size += sum(len(blob) for blob in stored.values())
        while self.size > self.budget_bytes and len(self.marks) > 1:
            self._halve()

    def _halve(self) -> None:
        marks, tiles = [], []
        for k in range(0, len(self.marks), 2):
            if k + 1 < len(self.marks):
                merged = dict(self.tiles[k])
                merged.update(self.tiles[k + 1])  # the newer version of each tile
                marks.append(self.marks[k + 1])
                tiles.append(merged)
            else:
                marks.append(self.marks[k])
                tiles.append(self.tiles[k])
        self.marks, self.tiles = marks, tiles
        self.size = sum(len(blob) for stored in tiles for blob in stored.values())
        self.interval *= 2


class Playback:
    """The stock after any motion or line of a simulated run (see the module docs)."""

    def __init__(self, grid: dict, marks, tiles, tables: dict):
        self.grid = grid  # x0, y0, cell, zmin, top, nx, ny
        self.marks = list(marks)
        self.tiles = tiles
        self.tables = tables
        # a motion is "after line L" once every motion before it is at line L or before
        self.running_line = np.maximum.accumulate(tables["lines"]) if len(tables["lines"]) else []

    @property
    def motions(self) -> int:
        return len(self.tables["lowest"])

    def stock_at(self, line: int) -> np.ndarray:
        """The heights (ny, nx) after program line ``line`` (1-based source lines)."""
        return self.stock_after(int(np.searchsorted(self.running_line, line, side="right")))

    def stock_after(self, done: int) -> np.ndarray:
        """The heights (ny, nx) after the first ``done`` motions."""
        from cncworkbench.core import sim_native

        g = self.grid
        done = max(0, min(int(done), self.motions))
        heights = np.full((g["ny"], g["nx"]), g["top"], dtype=np.float32)
        k = bisect_right(self.marks, done) - 1
        start = 0
        if k >= 0:
            start = self.marks[k]
            columns = -(-g["nx"] // TILE)
            placed: set[int] = set()
            for stored in reversed(self.tiles[: k + 1]):
                for number, blob in stored.items():
                    if number in placed:
                        continue
                    placed.add(number)
                    row, column = divmod(number, columns)
                    block = heights[
                        row * TILE : (row + 1) * TILE, column * TILE : (column + 1) * TILE
                    ]
                    block[...] = np.frombuffer(zlib.decompress(blob), np.float32).reshape(
                        block.shape
                    )
        if done > start:
            t = self.tables
            xs = g["x0"] + np.arange(g["nx"]) * g["cell"]
            ys = g["y0"] + np.arange(g["ny"]) * g["cell"]
            dirty = np.zeros((-(-g["ny"] // TILE), -(-g["nx"] // TILE)), dtype=np.uint8)
            sim_native.run_motions(
                heights, dirty, xs, ys, g["x0"], g["y0"], g["cell"], g["zmin"], g["top"],
                g["tolerance"], t["cutters"], t["starts"], t["ends"], t["first_segment"],
                t["motion_cutter"], np.zeros(self.motions, dtype=np.bool_), t["lowest"],
                np.zeros(self.motions, dtype=np.int8), start, done, False,
            )  # fmt: skip
        return heights

    @property
    def size_bytes(self) -> int:
        return sum(len(b) for s in self.tiles for b in s.values()) + sum(
            a.nbytes for a in self.tables.values()
        )

    def to_bytes(self) -> bytes:
        """The ``playback`` artefact: checkpoints, grid and the motions to replay."""
        blobs = [blob for stored in self.tiles for blob in stored.values()]
        arrays = {
            "grid": np.frombuffer(
                np.asarray([self.grid[k] for k in _GRID], dtype=np.float64).tobytes(), np.uint8
            ),
            "marks": np.asarray(self.marks, dtype=np.int64),
            "per_checkpoint": np.asarray([len(s) for s in self.tiles], dtype=np.int64),
            "tile_numbers": np.asarray([n for s in self.tiles for n in s], dtype=np.int64),
            "blob_sizes": np.asarray([len(b) for b in blobs], dtype=np.int64),
            "blobs": np.frombuffer(b"".join(blobs), dtype=np.uint8),
            **{name: self.tables[name] for name in _TABLES},
        }
        out = io.BytesIO()
        np.savez(out, **arrays)
        return zlib.compress(out.getvalue(), 1)

    @classmethod
    def from_bytes(cls, data: bytes) -> Playback:
        with np.load(io.BytesIO(zlib.decompress(data))) as stored:
            values = np.frombuffer(stored["grid"].tobytes(), np.float64)
            grid = dict(zip(_GRID, values.tolist(), strict=True))
            grid["nx"], grid["ny"] = int(grid["nx"]), int(grid["ny"])
            blobs = stored["blobs"].tobytes()
            numbers = stored["tile_numbers"].tolist()
            sizes = stored["blob_sizes"].tolist()
            tiles, position, item = [], 0, 0
            for count in stored["per_checkpoint"].tolist():
                held = {}
                for _ in range(count):
                    held[numbers[item]] = blobs[position : position + sizes[item]]
                    position += sizes[item]
                    item += 1
                tiles.append(held)
            tables = {name: stored[name] for name in _TABLES}
            marks = stored["marks"].tolist()
        _check_tables(tables)
        return cls(grid, marks, tiles, tables)


def _check_tables(tables: dict) -> None:
    """A stored run's tables index each other; the native sweep reads them unchecked."""
    first = tables["first_segment"]
    cutter = tables["motion_cutter"]
    motions = len(tables["lowest"])
    fits = (
        len(first) == motions + 1
        and len(cutter) == motions == len(tables["lines"])
        and (motions == 0 or (first[0] == 0 and bool(np.all(np.diff(first) >= 0))))
        and first[-1] <= len(tables["starts"]) == len(tables["ends"])
        and (motions == 0 or (cutter.min() >= 0 and cutter.max() < len(tables["cutters"])))
    )
    if not fits:
        raise ValueError("the playback artefact's motion tables do not fit together")


_GRID = ("x0", "y0", "cell", "zmin", "top", "nx", "ny", "tolerance")
