"""``python -m cncworkbench.cli``."""

from cncworkbench.cli import main

main()
