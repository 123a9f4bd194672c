"""``python -m cncworkbench.ui.reports KIND IN.json OUT.pdf``."""

import sys

from cncworkbench.ui.reports import main

sys.exit(main())
