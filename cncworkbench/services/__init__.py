"""Use cases (auth, catalog, models, cam, sim, jobs, ...): the CLI, workers and UI share them.

Services take a database session (and a store where files are involved), check the
caller's role, and never import Qt.
"""
