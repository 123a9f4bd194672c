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
