"""Imports point down only: core ← db, storage, cam ← services ← ui ← FreeCAD glue.

Qt is imported in cncworkbench/ui/qt.py only; FreeCAD only in the glue and the CAM
adapter; the UI never touches SQL or boto3 itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "cncworkbench"
QT = ("PySide", "PySide2", "PySide6", "shiboken2", "shiboken6", "PyQt5", "PyQt6")
FREECAD = ("FreeCAD", "FreeCADGui", "Part", "Path", "PathScripts", "Mesh", "Import")
ADAPTERS = ("sqlalchemy", "psycopg", "alembic", "boto3", "botocore")

# layer -> top-level modules it must not import
RULES = {
    "core": QT
    + FREECAD
    + ADAPTERS
    + (
        "cncworkbench.db",
        "cncworkbench.storage",
        "cncworkbench.cam",
        "cncworkbench.services",
        "cncworkbench.ui",
        "cncworkbench.freecad",
    ),
    "db": QT + FREECAD + ("cncworkbench.services", "cncworkbench.ui", "cncworkbench.freecad"),
    "storage": QT + FREECAD + ("cncworkbench.services", "cncworkbench.ui", "cncworkbench.freecad"),
    "cam": (*QT, "cncworkbench.services", "cncworkbench.ui", "cncworkbench.freecad"),
    "services": QT + FREECAD + ("cncworkbench.ui", "cncworkbench.freecad"),
    "ui": FREECAD
    + ADAPTERS
    + ("cncworkbench.db", "cncworkbench.storage", "cncworkbench.cam", "cncworkbench.freecad"),
    # The command line calls services (and the plain-Qt GUI through ui.app); never Qt,
    # FreeCAD, boto3 or the FreeCAD glue itself.
    "cli": (*QT, *FREECAD, "boto3", "botocore", "cncworkbench.freecad"),
    "base": QT
    + FREECAD
    + ADAPTERS
    + ("cncworkbench.services", "cncworkbench.ui", "cncworkbench.freecad"),
}
BASE_MODULES = {"config.py", "errors.py", "addon.py", "__init__.py"}


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def layer_of(path: Path) -> str | None:
    relative = path.relative_to(PACKAGE)
    if len(relative.parts) == 1:
        return "base" if relative.name in BASE_MODULES else None
    return relative.parts[0] if relative.parts[0] in RULES else None


def violations(path: Path, source: str) -> list[str]:
    layer = layer_of(path)
    found = []
    for module in imported_modules(source):
        if layer is not None:
            for forbidden in RULES[layer]:
                if module == forbidden or module.startswith(forbidden + "."):
                    found.append(f"{path.relative_to(PACKAGE)} ({layer}) imports {module}")
        is_qt = module.split(".")[0] in QT
        if is_qt and path != PACKAGE / "ui" / "qt.py":
            found.append(f"{path.relative_to(PACKAGE)} imports Qt ({module}) outside ui/qt.py")
        is_freecad = module.split(".")[0] in FREECAD
        if (
            is_freecad
            and layer not in ("cam",)
            and "freecad" not in path.relative_to(PACKAGE).parts
        ):
            found.append(f"{path.relative_to(PACKAGE)} imports FreeCAD ({module})")
    return found


def test_imports_point_down_only():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        problems += violations(path, path.read_text(encoding="utf-8"))
    assert problems == []


def test_the_layer_check_catches_a_violation():
    assert violations(PACKAGE / "core" / "x.py", "import sqlalchemy as sa")
    assert violations(PACKAGE / "services" / "x.py", "def f():\n    from PySide6 import QtCore")
    assert violations(PACKAGE / "ui" / "panels" / "x.py", "from PySide2 import QtWidgets")
    assert violations(PACKAGE / "ui" / "x.py", "import boto3")
    assert violations(PACKAGE / "db" / "x.py", "import FreeCAD")
    assert not violations(PACKAGE / "cam" / "x.py", "import FreeCAD")
    assert not violations(PACKAGE / "ui" / "qt.py", "import PySide6")


# ------------------------------------------------------------------------ import circles
# Every import counts, also those inside functions: a function-level import hides a circle
# from Python's start-up but not from a reader, and the next refactor turns it into a real
# one. Granularity is the module (a package's __init__ is a module of its own); importing a
# submodule is not counted as importing its package's __init__, since that is Python's
# mechanics rather than a dependency the code chose.
MAX_LINES = 1500


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(sources: dict[str, tuple[str, bool]]) -> dict[str, set[str]]:
    """Module -> the package's modules it imports. ``sources``: name -> (text, is_package)."""
    graph = {}
    for name, (source, is_package) in sources.items():
        targets = set()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = name.split(".") if is_package else name.split(".")[:-1]
                    package = package[: len(package) - node.level + 1]
                    base = ".".join([*package, base] if base else package)
                candidates = [f"{base}.{alias.name}" for alias in node.names] + [base]
                candidates = [c for c in candidates[:-1] if c in sources] or [base]
            else:
                continue
            for candidate in candidates:
                while candidate and candidate not in sources:
                    candidate = candidate.rpartition(".")[0]
                if candidate and candidate != name:
                    targets.add(candidate)
        graph[name] = targets
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def package_sources() -> dict[str, tuple[str, bool]]:
    return {
        module_name(path): (path.read_text(encoding="utf-8"), path.name == "__init__.py")
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def test_no_import_circle():
    assert circles(import_graph(package_sources())) == []


def test_the_circle_check_catches_a_function_level_circle():
    sources = {
        "cncworkbench.services": ("", True),
        "cncworkbench.services.a": ("from cncworkbench.services import b\n", False),
        "cncworkbench.services.b": ("def f():\n    from . import a\n", False),
        "cncworkbench.services.c": ("from cncworkbench.services.a import thing\n", False),
    }
    assert circles(import_graph(sources)) == [
        ["cncworkbench.services.a", "cncworkbench.services.b"]
    ]


def test_service_folders_import_one_way():
    """services/<folder>/ packages: the folders' own graph has no circle either."""
    graph = import_graph(package_sources())
    folders: dict[str, set[str]] = {}
    for name, targets in graph.items():
        parts = name.split(".")
        if parts[:2] != ["cncworkbench", "services"] or len(parts) < 4:
            continue
        folder = parts[2]
        for target in targets:
            tparts = target.split(".")
            in_services = tparts[:2] == ["cncworkbench", "services"] and len(tparts) >= 4
            if in_services and tparts[2] != folder:
                folders.setdefault(folder, set()).add(tparts[2])
    for folder in list(folders):
        for target in folders[folder]:
            folders.setdefault(target, set())
    assert circles(folders) == []


def test_command_modules_import_only_the_shared_cli_modules():
    """cli/<group>.py imports the shared cli modules (context, base, jobwait, language and
    tracing, the work of gcode trace that also runs without click), never another command
    module or the root group (which imports them all)."""
    shared = {
        "cncworkbench.cli.context",
        "cncworkbench.cli.base",
        "cncworkbench.cli.jobwait",
        "cncworkbench.cli.language",
        "cncworkbench.cli.tracing",
    }
    entry = "cncworkbench.cli.__main__"  # python -m cncworkbench.cli: runs the root group
    graph = import_graph(package_sources())
    problems = [
        f"{name} imports {target}"
        for name, targets in graph.items()
        if name.startswith("cncworkbench.cli.") and name not in shared and name != entry
        for target in targets
        if target.startswith("cncworkbench.cli") and target not in shared
    ]
    assert problems == []


def test_no_file_over_the_size_a_reader_can_hold():
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


SERVICE_FOLDERS = ("access", "jobs", "pdm", "commerce", "machining")  # each imports leftwards
SERVICE_BOTTOM = ("context", "pdf_process")  # import no folder
SERVICE_TOP = ("job_handlers", "demo", "demo_path")  # imported by no folder


def service_order_problems(graph: dict[str, set[str]]) -> list[str]:
    """The order docs/architecture.md gives: a folder imports only folders to its left."""
    problems = []
    for name, targets in graph.items():
        parts = name.split(".")
        if parts[:2] != ["cncworkbench", "services"] or len(parts) < 3:
            continue
        for target in targets:
            tparts = target.split(".")
            if tparts[:2] != ["cncworkbench", "services"] or len(tparts) < 3:
                continue
            here, there = parts[2], tparts[2]
            if here in SERVICE_BOTTOM and there not in SERVICE_BOTTOM:
                problems.append(f"{name} (below every folder) imports {target}")
            elif there in SERVICE_TOP and here not in SERVICE_TOP:
                problems.append(f"{name} imports {target} (above every folder)")
            elif here in SERVICE_FOLDERS and there in SERVICE_FOLDERS:
                if SERVICE_FOLDERS.index(there) > SERVICE_FOLDERS.index(here):
                    problems.append(f"{name} imports {target}, a folder to its right")
            elif here in SERVICE_FOLDERS and there not in SERVICE_BOTTOM:
                problems.append(f"{name} imports {target}, which is in no known folder")
    return problems


def test_service_folders_follow_their_order():
    assert service_order_problems(import_graph(package_sources())) == []


def test_the_folder_order_check_catches_each_kind_of_wrong_import():
    # Every module named must exist in the synthetic package, as import_graph only keeps
    # imports of the package's own modules.
    present = (
        "cncworkbench.services.pdm",
        "cncworkbench.services.jobs",
        "cncworkbench.services.access",
        "cncworkbench.services.demo",
        "cncworkbench.services.stray",
    )
    sources = {name: ("", True) for name in present} | {
        # access (leftmost) reaching right into pdm
        "cncworkbench.services.access.users": ("from cncworkbench.services.pdm import x\n", False),
        # the bottom module reaching into a folder
        "cncworkbench.services.context": ("def f():\n    from .jobs import queue\n", False),
        # a folder importing the top
        "cncworkbench.services.jobs.queue": ("from cncworkbench.services import demo\n", False),
        # a folder importing a service module that belongs to no folder
        "cncworkbench.services.pdm.models": ("from cncworkbench.services.stray import y\n", False),
        # allowed: right to left, and a folder using the bottom
        "cncworkbench.services.machining.cam": (
            "from cncworkbench.services.access import users\n"
            "from cncworkbench.services import context\n",
            False,
        ),
    }
    problems = service_order_problems(import_graph(sources))
    assert len(problems) == 4, problems
    assert any("access.users imports cncworkbench.services.pdm" in p for p in problems)
    assert any("context (below every folder)" in p for p in problems)
    assert any("(above every folder)" in p for p in problems)
    assert any("in no known folder" in p for p in problems)
