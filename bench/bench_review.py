"""Operator review (issue 25): time to open a run and per-frame time of the scrubber.

The program is bench/data/box_pocket.ngc (5,252 lines, a pocket in the sample plate from our
CAM pipeline). "Open" is what the review dock does off the Qt thread when a run is picked,
store reads aside: shade the top view and build the toolpath polylines, and with a 3-D view
beside the dock (FreeCAD) also the 3-D display mesh; the standalone window builds no mesh.
The playback artefact is read when the scrubber first moves ("first scrub"), not on open.
A "frame" is one scrubber position: the stock after a line (replayed from the nearest
checkpoint), its top view and (3-D view) its mesh; with the deviation shown, also the
mesh's colours with the gouges so far, against a design 0.05 mm above the finished stock
(a program that cuts everything it cuts too deep: the most red there can be). The bar is
the issue's: < 100 ms per frame. Drawing the mesh (Coin3D in FreeCAD) is not in these
figures.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import numpy as np

PROGRAM = Path(__file__).resolve().parent / "data" / "box_pocket.ngc"
STOCK_MIN, STOCK_MAX = (-2.0, -2.0, 0.0), (82.0, 52.0, 21.0)
RESOLUTION_MM = 0.1
TOOL_DIAMETER = 6.0
FRAMES = 40
FRAME_BAR_MS = 100.0


def run() -> dict:
    from cncworkbench.core import gcode, heightmap, runtime, sim_native
    from cncworkbench.core.sim_playback import Playback
    from cncworkbench.core.simulation import ToolShape, simulate
    from cncworkbench.core.stock_mesh import stock_mesh

    text = PROGRAM.read_text()
    sim_native.warm_up()  # the native sweep's load: once per process, not part of opening a run
    result = simulate(
        gcode.interpret(text), STOCK_MIN, STOCK_MAX, {1: ToolShape(1, TOOL_DIAMETER, 40.0)},
        resolution_mm=RESOLUTION_MM, playback=True, memory_budget_mb=1024,
    )  # fmt: skip
    stored = result.playback.to_bytes()
    heights = result.heights
    cell = result.grid.cell_mm
    low, high = STOCK_MIN[2], STOCK_MAX[2]

    opened, standalone, first_scrub = [], [], []
    for _ in range(5):  # alternating, medians: the machine is shared
        started = time.perf_counter()
        heightmap.shade(heights, cell, low, high)
        runtime.polylines(gcode.interpret(text))
        standalone.append(time.perf_counter() - started)
        started = time.perf_counter()
        heightmap.shade(heights, cell, low, high)
        mesh = stock_mesh(heights, STOCK_MIN[:2], cell, low, high)
        runtime.polylines(gcode.interpret(text))
        opened.append(time.perf_counter() - started)
        started = time.perf_counter()
        playback = Playback.from_bytes(stored)
        first_scrub.append(time.perf_counter() - started)

    from cncworkbench.core import verification
    from cncworkbench.core.review_geometry import gouge_vertex_colours

    started = time.perf_counter()  # once per run, when it opens beside a 3-D view
    design = verification.DesignField(
        heights + np.float32(0.05),
        np.full(heights.shape, 2, np.int16),
        low,
        high,
        cell,
        STOCK_MIN[:2],
    )
    floor = verification.gouge_floor(design, low, high, verification.default_tolerance(cell))
    floor_s = time.perf_counter() - started
    last = int(np.max(playback.tables["lines"]))
    frames, deviation_frames, gouged = [], [], 0
    for line in np.linspace(1, last, FRAMES).astype(int):  # alternating: plain, deviation
        for with_gouges in (False, True):
            started = time.perf_counter()
            stock = playback.stock_at(int(line))
            heightmap.shade(stock, cell, low, high)
            frame_mesh = stock_mesh(stock, STOCK_MIN[:2], cell, low, high)
            if with_gouges:
                gouged += gouge_vertex_colours(frame_mesh, stock, floor)[1]
            taken = (time.perf_counter() - started) * 1000
            (deviation_frames if with_gouges else frames).append(taken)
    median, worst = statistics.median(frames), max(frames)
    deviation_median = statistics.median(deviation_frames)
    open_s = statistics.median(opened)
    standalone_s, read_s = statistics.median(standalone), statistics.median(first_scrub)

    # The tool at a frame's line (ToolTrack built once when the run opens).
    from cncworkbench.core.iso_view import IsoView
    from cncworkbench.core.iso_view import render as iso_render
    from cncworkbench.core.review_geometry import ToolTrack

    started = time.perf_counter()
    track = ToolTrack.of(gcode.interpret(text))
    track_s = time.perf_counter() - started
    started = time.perf_counter()
    for line in np.linspace(1, last, 1000).astype(int):
        track.pose_at(int(line))
    pose_us = (time.perf_counter() - started) * 1e6 / 1000
    # The isometric pictures: the report's (worker) and the standalone review's 3-D tab.
    iso = {}
    for name, size, budget in (("report", (1400, 900), 250_000), ("tab", (520, 240), None)):
        times = []
        for _ in range(3):
            started = time.perf_counter()
            picture_mesh = (
                stock_mesh(heights, STOCK_MIN[:2], cell, low, high, max_triangles=budget)
                if budget else mesh
            )  # fmt: skip
            view = IsoView.fit(STOCK_MIN, STOCK_MAX, *size)
            iso_render(picture_mesh.vertices, picture_mesh.triangles, picture_mesh.colours, view,
                       background=None)  # fmt: skip
            times.append(time.perf_counter() - started)
        iso[name] = statistics.median(times)
    return {
        "program_lines": text.count("\n"),
        "cells": int(heights.size),
        "mesh_triangles": len(mesh.triangles),
        "open_s_median": round(open_s, 3),
        "open_standalone_s_median": round(standalone_s, 3),
        "standalone_to_3d_open_ratio": round(standalone_s / open_s, 2),
        "playback_read_s_median": round(read_s, 3),
        "frame_ms_median": round(median, 1),
        "frame_ms_max": round(worst, 1),
        "frame_ratio_to_bar": round(median / FRAME_BAR_MS, 2),
        "deviation_frame_ms_median": round(deviation_median, 1),
        "deviation_frame_ms_max": round(max(deviation_frames), 1),
        "deviation_to_plain_frame_ratio": round(deviation_median / median, 2),
        "gouge_floor_s": round(floor_s, 3),
        "gouged_cells": gouged,
        "tool_track_s": round(track_s, 3),
        "tool_pose_us": round(pose_us, 1),
        "iso_report_s": round(iso["report"], 3),
        "iso_tab_s": round(iso["tab"], 3),
        "lines": [
            f"open a run beside a 3-D view: {open_s:.3f} s (median of 5; top view, "
            f"{len(mesh.triangles):,} triangles, toolpath)",
            f"open a run in the standalone window: {standalone_s:.3f} s "
            f"= {standalone_s / open_s:.2f}x (no mesh)",
            f"playback artefact read at the first scrub: {read_s:.3f} s (not on open)",
            f"scrub frame: median {median:.0f} ms, max {worst:.0f} ms over {FRAMES} lines "
            f"= {median / FRAME_BAR_MS:.2f}x the 100 ms bar",
            f"scrub frame with the deviation shown (gouges so far): median "
            f"{deviation_median:.0f} ms, max {max(deviation_frames):.0f} ms = "
            f"{deviation_median / median:.2f}x the plain frame, "
            f"{deviation_median / FRAME_BAR_MS:.2f}x the bar; gouge floor once per run "
            f"{floor_s:.3f} s",
            f"tool: track built in {track_s:.2f} s, {pose_us:.0f} µs per frame's pose",
            f"isometric picture: report 1400x900 {iso['report']:.2f} s, 3-D tab 520x240 "
            f"{iso['tab']:.2f} s (median of 3, numpy z-buffer)",
        ],
    }
