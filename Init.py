# CNC Workbench: FreeCAD runs this file (exec, not import) at start-up, GUI or console.
# It only makes our dependencies importable. `cncworkbench freecad install` puts them,
# built for FreeCAD's own Python, in <UserAppData>/AdditionalPythonPackages/py3XX: FreeCAD
# 1.x adds that folder itself, 0.20 does not, so it is added here. A virtual environment
# of the checkout made from the same Python as FreeCAD's (Debian 12: ./run.sh) also works.
# Both are appended, so FreeCAD's own packages (numpy, PySide) keep precedence.


def _cnc_workbench_dependency_path(pair_cffi):
    import importlib.util
    import os
    import site
    import sys

    folders = []
    try:
        import FreeCAD

        tag = "py{}{}".format(*sys.version_info[:2])
        user_data = FreeCAD.getUserAppDataDir()
        folders.append(os.path.join(user_data, "AdditionalPythonPackages", tag))
    except Exception:  # no user folder: only the venv below
        pass
    spec = importlib.util.find_spec("cncworkbench")
    if spec is not None and spec.origin:
        root = os.path.dirname(os.path.dirname(os.path.realpath(spec.origin)))
        version = "python{}.{}".format(*sys.version_info[:2])
        folders.append(os.path.join(root, ".venv", "lib", version, "site-packages"))
    for folder in folders:
        if os.path.isdir(folder) and folder not in sys.path:
            site.addsitedir(folder)
            pair_cffi(folder)


def _cnc_workbench_pair_cffi():
    # cffi's Python half must meet its own compiled half. Appended, our cffi would meet a
    # system _cffi_backend of another version (Debian's python3-cffi-backend) and numba,
    # which imports cffi, stops the simulation's replay with "Version mismatch". (Nested:
    # FreeCAD runs this file with separate globals and locals.)
    import glob
    import importlib.util
    import os
    import sys

    def pair(folder):
        backends = glob.glob(os.path.join(folder, "_cffi_backend*.so"))
        if "_cffi_backend" in sys.modules or not backends:
            return
        if not os.path.isdir(os.path.join(folder, "cffi")):
            return
        spec = importlib.util.spec_from_file_location("_cffi_backend", backends[0])
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules["_cffi_backend"] = module

    return pair


_cnc_workbench_dependency_path(_cnc_workbench_pair_cffi())
