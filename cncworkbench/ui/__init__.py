"""Qt panels and dialogs. Qt is imported only in :mod:`cncworkbench.ui.qt`."""
