"""``python -m cncworkbench.cli``."""

from cncworkbench.cli import run

run()
