# Run by `freecadcmd` (see tests/test_freecad_console.py): our package and every runtime
# dependency import inside FreeCAD's own Python, found through the workbench's Init.py,
# and the platform answers.
import importlib
import json
import os
import sys

import FreeCAD

result = {"freecad": ".".join(FreeCAD.Version()[:3]), "python": sys.version.split()[0]}
modules = [
    "cncworkbench",
    "sqlalchemy",
    "psycopg",
    "alembic",
    "boto3",
    "bcrypt",
    "keyring",
    "numpy",
    "requests",
    "click",
    "platformdirs",
]
result["imported"] = {}
for name in modules:
    try:
        module = importlib.import_module(name)
        result["imported"][name] = getattr(module, "__version__", "ok")
    except Exception as exc:
        result["imported"][name] = f"FAILED: {type(exc).__name__}: {exc}"
try:
    from cncworkbench.services.context import AppContext
    from cncworkbench.services.machining import catalog

    context = AppContext(progress=lambda *_: None)
    context.ensure_schema()
    with context.db.session() as session:
        result["catalog"] = catalog.catalog_counts(session)
    context.close()
except Exception as exc:
    result["error"] = f"{type(exc).__name__}: {exc}"
with open(os.environ["CNC_TEST_RESULT"], "w") as handle:
    json.dump(result, handle)
