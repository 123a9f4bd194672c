"""Run every benchmark (bench/bench_*.py) and print figures as ratios to a baseline
measured in the same run. Results also go to bench/results/<date>.json.

    ./bench.sh [NAME ...]
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem for p in HERE.glob("bench_*.py"))
    results = {}
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"== {name}: {module.__doc__.strip().splitlines()[0]}")
        results[name] = module.run()
        for line in results[name]["lines"]:
            print(f"   {line}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    path = out / f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(results, indent=2, default=str))
    print(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
