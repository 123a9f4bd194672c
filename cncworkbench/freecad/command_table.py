"""The workbench's commands as data (no FreeCAD import, so tests can read it).

FreeCAD translates a Python command's menu text and tooltip with the command's name as
the context, so each text is marked with ``QT_TRANSLATE_NOOP("<command name>", ...)`` for
``pyside6-lupdate``.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


# command name -> (panel key, menu text, tooltip, icon)
COMMANDS = {
    "CNC_Login": (
        "login",
        QT_TRANSLATE_NOOP("CNC_Login", "Log in"),
        QT_TRANSLATE_NOOP("CNC_Login", "Log in to the shop's platform"),
        "Login",
    ),
    "CNC_ProjectsModels": (
        "browser",
        QT_TRANSLATE_NOOP("CNC_ProjectsModels", "Projects && Models"),
        QT_TRANSLATE_NOOP("CNC_ProjectsModels", "Browse projects, models and their versions"),
        "ProjectsModels",
    ),
    "CNC_CamSetup": (
        "cam",
        QT_TRANSLATE_NOOP("CNC_CamSetup", "CAM Setup"),
        QT_TRANSLATE_NOOP(
            "CNC_CamSetup", "Machine, tool and material for the part; feeds and speeds; G-code"
        ),
        "CamSetup",
    ),
    "CNC_SimulationReview": (
        "sim",
        QT_TRANSLATE_NOOP("CNC_SimulationReview", "Simulation Review"),
        QT_TRANSLATE_NOOP(
            "CNC_SimulationReview", "Review simulated runs and their collisions; approve or reject"
        ),
        "SimulationReview",
    ),
    "CNC_Jobs": (
        "jobs",
        QT_TRANSLATE_NOOP("CNC_Jobs", "Jobs"),
        QT_TRANSLATE_NOOP("CNC_Jobs", "CAM and simulation jobs with their progress"),
        "Jobs",
    ),
    "CNC_Settings": (
        "settings",
        QT_TRANSLATE_NOOP("CNC_Settings", "Settings"),
        QT_TRANSLATE_NOOP("CNC_Settings", "Connection and administration"),
        "Settings",
    ),
}

COMMAND_NAMES = tuple(COMMANDS)
