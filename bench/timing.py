"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import time


def median_of(work, repeats: int) -> tuple[float, object]:
    """(median seconds of ``repeats`` calls of ``work``, the last call's answer)."""
    times, answer = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        answer = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), answer
