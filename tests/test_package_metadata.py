"""The add-on's metadata for FreeCAD's Addon Manager is well formed and consistent."""

import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NS = {"p": "https://wiki.freecad.org/Package_Metadata"}


def test_package_xml_matches_the_project():
    package = ET.parse(ROOT / "package.xml").getroot()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert package.find("p:version", NS).text == project["version"]
    workbench = package.find("p:content/p:workbench", NS)
    assert workbench.find("p:classname", NS).text == "CNCWorkbench"
    assert (ROOT / workbench.find("p:icon", NS).text).is_file()
    declared = {d.text.lower() for d in package.findall("p:depend", NS)}
    runtime = {d.split("==")[0].split("[")[0].lower() for d in project["dependencies"]}
    # every runtime dependency but the Qt binding (FreeCAD brings its own) is declared
    assert declared == runtime - {"pyside6-essentials"}


def test_minimum_versions_and_dependencies_are_the_real_ones():
    package = ET.parse(ROOT / "package.xml").getroot()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    workbench = package.find("p:content/p:workbench", NS)
    # the oldest FreeCAD the matrix runs (Debian 12's) and the Python the project needs
    assert workbench.find("p:freecadmin", NS).text == "0.20.2"
    assert project["requires-python"] == ">=" + workbench.find("p:pythonmin", NS).text
    # the Addon Manager installs <depend type="python"> entries with pip
    assert {d.get("type") for d in package.findall("p:depend", NS)} == {"python"}


def test_the_workbench_checks_for_every_runtime_dependency():
    from cncworkbench.addon import runtime_requirements
    from cncworkbench.freecad.dependencies import REQUIRED

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {d.split("==")[0].split("[")[0].lower() for d in project["dependencies"]}
    assert {name.lower() for name in REQUIRED.values()} == runtime - {"pyside6-essentials"}
    # what `cncworkbench freecad install` puts into FreeCAD: pinned, no Qt, no numpy
    installed = runtime_requirements()
    assert all("==" in requirement for requirement in installed)
    assert {r.split("==")[0].split("[")[0].lower() for r in installed} == runtime - {
        "pyside6-essentials",
        "numpy",
    }
