"""Making the part: the machine/tool/material catalog, CAM runs, posting G-code,
simulation and review, and quotes. Builds on every other folder."""
