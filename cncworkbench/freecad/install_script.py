# Runs inside FreeCAD (freecadcmd) for `cncworkbench freecad install`: everything is asked
# of, and done by, the FreeCAD being installed into, in its own process, so a FreeCAD in a
# root filesystem (run through chroot) or an AppImage gets its own Python's wheels and its
# own user folder. Only the standard library: our dependencies are what it installs.
#
# $CNC_INSTALL_ARGS (JSON): {"probe_only": bool, "requirements": [...], "source": checkout,
# "addon": "CNCWorkbench"}; the answer goes to $CNC_INSTALL_RESULT (JSON).
import json
import os
import shutil
import subprocess
import sys

import FreeCAD

with open(os.environ["CNC_INSTALL_ARGS"]) as _handle:
    args = json.load(_handle)
python_tag = "py{}{}".format(*sys.version_info[:2])
user_data = FreeCAD.getUserAppDataDir()
result = {
    "freecad": ".".join(FreeCAD.Version()[:3]),
    "python": "{}.{}".format(*sys.version_info[:2]),
    "user_data": user_data,
    "packages_dir": os.path.join(user_data, "AdditionalPythonPackages", python_tag),
    "mod_dir": os.path.join(user_data, "Mod"),
}


def python_program():
    """FreeCAD's own Python as a program (sys.executable is FreeCAD itself)."""
    version = "{}.{}".format(*sys.version_info[:2])
    candidates = [
        os.path.join(sys.base_prefix, "bin", "python" + version),
        os.path.join(sys.base_prefix, "bin", "python3"),
        os.path.join(os.path.dirname(sys.executable), "python" + version),
        os.path.join(os.path.dirname(sys.executable), "python3"),
        os.path.join(os.path.dirname(sys.executable), "python"),
        shutil.which("python" + version) or "",
    ]
    for candidate in candidates:
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        probe = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.stdout.strip() == version:  # never another Python's wheels
            return candidate
    return None


def link_workbench():
    os.makedirs(result["mod_dir"], exist_ok=True)
    link = os.path.join(result["mod_dir"], args["addon"])
    source = os.path.realpath(args["source"])
    if os.path.islink(link):
        if os.path.realpath(link) == source:
            return link
        os.unlink(link)
    elif os.path.exists(link):
        result["error"] = "exists"
        result["link"] = link
        return None
    os.symlink(source, link, target_is_directory=True)
    return link


def install_packages():
    program = python_program()
    result["python_program"] = program
    if program is None:
        result["error"] = "no-python"
        return
    has_pip = subprocess.run(
        [program, "-m", "pip", "--version"], capture_output=True, text=True, check=False
    )
    if has_pip.returncode != 0:
        result["error"] = "no-pip"
        return
    os.makedirs(result["packages_dir"], exist_ok=True)
    # The same pins installed before: nothing to download (run.sh calls this every start).
    stamp = os.path.join(result["packages_dir"], ".cncworkbench-requirements")
    wanted = "\n".join(args["requirements"])
    if os.path.exists(stamp):
        with open(stamp) as handle:
            if handle.read() == wanted:
                result["already"] = True
                return
    # --target: a folder of its own (Debian's pip refuses the system's site-packages);
    # --only-binary: wheels built for this Python or nothing (no compiler at the user's).
    command = [
        program,
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--no-input",
        "--upgrade",
        "--only-binary=:all:",
        "--target",
        result["packages_dir"],
        *args["requirements"],
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        result["error"] = "pip"
        result["pip_output"] = (completed.stderr or completed.stdout)[-4000:]
        return
    with open(stamp, "w") as handle:
        handle.write(wanted)


try:
    if not args.get("probe_only"):
        install_packages()
        if "error" not in result:
            result["link"] = link_workbench()
except Exception as exc:  # the answer must be written whatever happens
    result["error"] = "exception"
    result["detail"] = f"{type(exc).__name__}: {exc}"
with open(os.environ["CNC_INSTALL_RESULT"], "w") as _handle:
    json.dump(result, _handle)
