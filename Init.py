# CNC Workbench: FreeCAD runs this file (exec, not import) at start-up, GUI or console.
# It only makes our dependencies importable: the checkout's virtual environment, made from
# the same Python as FreeCAD's (README: ./run.sh), is appended to sys.path so FreeCAD's own
# packages keep precedence. Addon Manager installs put them in AdditionalPythonPackages,
# which FreeCAD adds itself.


def _cnc_workbench_dependency_path():
    import importlib.util
    import os
    import site
    import sys

    spec = importlib.util.find_spec("cncworkbench")
    if spec is None or not spec.origin:
        return
    root = os.path.dirname(os.path.dirname(os.path.realpath(spec.origin)))
    version = "python{}.{}".format(*sys.version_info[:2])
    site_packages = os.path.join(root, ".venv", "lib", version, "site-packages")
    if os.path.isdir(site_packages) and site_packages not in sys.path:
        site.addsitedir(site_packages)


_cnc_workbench_dependency_path()
