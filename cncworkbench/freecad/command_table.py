"""The workbench's commands as data (no FreeCAD import, so tests can read it)."""

# command name -> (panel key, menu text, tooltip, icon)
COMMANDS = {
    "CNC_Login": ("login", "Log in", "Log in to the shop's platform", "Login"),
    "CNC_ProjectsModels": (
        "browser",
        "Projects && Models",
        "Browse projects, models and their versions",
        "ProjectsModels",
    ),
    "CNC_CamSetup": (
        "cam",
        "CAM Setup",
        "Machine, tool and material for the part; feeds and speeds; G-code",
        "CamSetup",
    ),
    "CNC_SimulationReview": (
        "sim",
        "Simulation Review",
        "Review simulated runs and their collisions; approve or reject",
        "SimulationReview",
    ),
    "CNC_Jobs": ("jobs", "Jobs", "CAM and simulation jobs with their progress", "Jobs"),
    "CNC_Settings": ("settings", "Settings", "Connection and administration", "Settings"),
}

COMMAND_NAMES = tuple(COMMANDS)
