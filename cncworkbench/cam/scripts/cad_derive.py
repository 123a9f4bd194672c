# Runs inside FreeCAD (freecadcmd): the ``cad_generate`` job's FreeCAD work on one model file.
#
# - derive: open the FCStd (or read the STEP), recompute, measure the part (bounding box,
#   volume, area, solids), list the spreadsheet parameters (cells with an alias), export
#   STEP and STL;
# - variant (``parameters`` given): the same after setting the aliased cells to the new
#   values; a recompute error or a part that is no longer a valid solid is an error with
#   FreeCAD's message; the changed document is saved as a new FCStd.
#
# Arguments and answer: see cncworkbench/cam/freecad_process.py and services/pdm/cad.py.
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import FreeCAD

with open(os.environ["CNC_FREECAD_ARGS"]) as _handle:
    args = json.load(_handle)
result = {"stage": "start"}
QUANTITY = re.compile(r"^\s*=?\s*([-+]?\d+(?:[.,]\d*)?(?:[eE][-+]?\d+)?)\s*([^\d\s].*)?$")


class CadError(Exception):
    """The model cannot be generated as asked; the message goes to the user as is."""


def open_model(path, kind):
    from cncworkbench.cam import freecad_cam

    doc = freecad_cam.open_model(path, kind)
    if doc is None:
        raise CadError(f"{kind} files hold no exact geometry to derive files from")
    return doc


def aliased_cells(sheet):
    """(alias, cell address) of every cell with an alias, in sheet order."""
    if hasattr(sheet, "getUsedCells"):  # 0.21+
        cells = sheet.getUsedCells()
        found = [(sheet.getAlias(cell), cell) for cell in cells]
        return [(alias, cell) for alias, cell in found if alias]
    # 0.20: the cells' XML is the only listing
    root = ET.fromstring(sheet.cells.Content)
    return [
        (cell.get("alias"), cell.get("address")) for cell in root.iter("Cell") if cell.get("alias")
    ]


def describe(sheet, alias, cell):
    """A parameter as the form shows it: value, unit and kind."""
    value = sheet.get(alias)
    content = sheet.getContents(cell)
    entry = {"alias": alias, "cell": cell, "sheet": sheet.Label, "content": content}
    if hasattr(value, "Unit") and hasattr(value, "Value"):  # a Quantity
        unit = _unit_of(value, content)
        entry.update(kind="quantity", value=_round(_in_unit(value, unit)), unit=unit)
    elif isinstance(value, bool):
        entry.update(kind="text", value=str(value))
    elif isinstance(value, int):
        entry.update(kind="integer", value=value)
    elif isinstance(value, float):
        entry.update(kind="number", value=_round(value))
    else:
        entry.update(kind="text", value=str(value))
    label = _label_of(sheet, cell)
    if label:
        entry["label"] = label
    return entry


def _unit_of(quantity, content):
    """The unit the cell is written in ("80 mm" -> mm); else FreeCAD's length unit."""
    for text in (content or "", getattr(quantity, "UserString", "")):
        match = QUANTITY.match(text)
        if match and match.group(2):
            return match.group(2).strip()
    return ""


def _in_unit(quantity, unit):
    if not unit:
        return float(quantity.Value)
    try:
        return float(quantity.getValueAs(unit))
    except Exception:
        return float(quantity.Value)


def _round(value):
    rounded = round(float(value), 6)
    return int(rounded) if rounded.is_integer() and abs(rounded) < 1e15 else rounded


def _label_of(sheet, cell):
    """The text in the cell to the left of the value (the usual "name | value" layout)."""
    match = re.match(r"([A-Z]+)(\d+)$", cell)
    if not match or match.group(1) == "A":
        return ""
    column = match.group(1)
    left = chr(ord(column[-1]) - 1) if column[-1] != "A" else ""
    if not left or len(column) > 1:
        return ""
    try:
        text = sheet.getContents(f"{left}{match.group(2)}")
    except Exception:
        return ""
    return text.lstrip("'") if text and not text.startswith("=") else ""


def parameters_of(doc):
    found = []
    for sheet in doc.Objects:
        if sheet.TypeId != "Spreadsheet::Sheet":
            continue
        for alias, cell in aliased_cells(sheet):
            found.append(describe(sheet, alias, cell))
    return found


def new_content(entry, value):
    """The cell content for ``value``: numbers keep the cell's unit (Length=120 on a
    "80 mm" cell is "120 mm"); text with its own unit ("4.5 in") is used as given."""
    text = str(value).strip().replace(",", ".")
    if entry["kind"] == "integer":
        try:
            number = float(text)
        except ValueError:
            raise CadError(f"{entry['alias']} takes a whole number, not '{value}'") from None
        if not number.is_integer():
            raise CadError(f"{entry['alias']} takes a whole number, not '{value}'")
        return str(int(number))
    if entry["kind"] in ("quantity", "number"):
        match = QUANTITY.match(text)
        if match is None:
            raise CadError(f"{entry['alias']} takes a number, not '{value}'")
        number, unit = match.group(1), (match.group(2) or "").strip()
        unit = unit or entry.get("unit", "")
        return f"={number} {unit}".rstrip() if unit else number
    return text


def set_parameters(doc, wanted):
    known = {entry["alias"]: entry for entry in parameters_of(doc)}
    if not known:
        raise CadError("The model has no spreadsheet parameters (cells with an alias) to set.")
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise CadError(
            f"The model has no parameter {', '.join(unknown)}; its parameters are "
            f"{', '.join(known)}."
        )
    sheets = {sheet.Label: sheet for sheet in doc.Objects if sheet.TypeId == "Spreadsheet::Sheet"}
    changed = {}
    for name, value in wanted.items():
        entry = known[name]
        content = new_content(entry, value)
        sheets[entry["sheet"]].set(entry["cell"], content)
        changed[name] = content.lstrip("=")
    return changed


def recompute(doc):
    """Recompute; raise with FreeCAD's own words when an object fails."""
    doc.recompute()
    failures = []
    for obj in doc.Objects:
        state = list(getattr(obj, "State", []))
        if "Invalid" in state or "Error" in state:
            message = obj.getStatusString() if hasattr(obj, "getStatusString") else "invalid"
            failures.append(f"{obj.Label}: {message}")
    if failures:
        raise CadError("FreeCAD's recompute failed: " + "; ".join(failures))


def parts_of(doc):
    from cncworkbench.cam import freecad_cam

    return freecad_cam.part_objects(doc)


def solid_counts(doc):
    """Solids of each part (solid-bearing leaf) by object name: what a variant must keep."""
    return {obj.Name: len(obj.Shape.Solids) for obj in parts_of(doc)}


def check_variant(doc, before):
    """Every part of the original must still be a valid shape with as many closed solids,
    each with a volume (a member of the family, not a broken or split part)."""
    problems = []
    for name, count in before.items():
        obj = doc.getObject(name)
        shape = getattr(obj, "Shape", None)
        if obj is None or shape is None:
            problems.append(f"{name} is gone")
        elif shape.isNull() or not shape.Solids:
            volume = 0.0 if shape.isNull() else abs(shape.Volume)
            problems.append(f"{obj.Label} has no solid (volume {volume:.3g} mm³)")
        elif not shape.isValid():
            problems.append(f"{obj.Label} is not a valid shape (its topology is broken)")
        elif any(solid.Volume <= 0 for solid in shape.Solids):
            problems.append(f"{obj.Label} has a solid without volume")
        elif len(shape.Solids) != count:
            problems.append(
                f"{obj.Label} has {len(shape.Solids)} solids where the original has {count}"
            )
    if problems:
        raise CadError("The result is not a valid solid: " + "; ".join(problems) + ".")


def measure(shapes):
    import Part

    compound = Part.makeCompound(shapes) if len(shapes) > 1 else shapes[0]
    box = compound.BoundBox
    if not box.isValid():
        raise CadError("the geometry has no extent")
    solids = compound.Solids
    return compound, {
        "bounding_box": {
            "min": [round(box.XMin, 4), round(box.YMin, 4), round(box.ZMin, 4)],
            "max": [round(box.XMax, 4), round(box.YMax, 4), round(box.ZMax, 4)],
        },
        "size_mm": [round(box.XLength, 4), round(box.YLength, 4), round(box.ZLength, 4)],
        "volume_mm3": round(sum(s.Volume for s in solids), 3),
        "surface_area_mm2": round(compound.Area, 3),
        "solids": len(solids),
        "valid": bool(compound.isValid()),
    }


def units_of(doc):
    """FreeCAD keeps lengths in mm whatever the file said (volumes mm³, areas mm²); 0.21+
    documents also name the unit system they were drawn in."""
    units = {"units": "mm"}
    system = getattr(doc, "UnitSystem", None)
    if system:
        units["unit_system"] = str(system)
    return units


try:
    path, kind = args["path"], args["format"]
    wanted = args.get("parameters") or {}
    result["stage"] = "open"
    doc = open_model(path, kind)
    result["stage"] = "recompute"
    if wanted and kind != "FCStd":
        raise CadError("Only FreeCAD documents (FCStd) have spreadsheet parameters to set.")
    recompute(doc)
    if wanted:
        before = solid_counts(doc)
        if not before:
            raise CadError("The model has no solid to make variants of.")
        result["stage"] = "parameters"
        changed = set_parameters(doc, wanted)
        result["stage"] = "recompute"
        recompute(doc)
        result["changed"] = changed
        result["stage"] = "check"
        check_variant(doc, before)
    parts = parts_of(doc)
    if not parts:
        raise CadError("FreeCAD found no closed volume (solid) in the model.")
    compound, facts = measure([obj.Shape for obj in parts])
    result["stage"] = "export"
    work = args["work_dir"]
    exports = {}
    if "STEP" in args.get("exports", []):
        import Part

        step_file = os.path.join(work, "export.step")
        Part.export(parts, step_file)
        exports["step_file"] = step_file
    import Mesh

    deflection = max(compound.BoundBox.DiagonalLength / 1000.0, 0.01)
    mesh = Mesh.Mesh(compound.tessellate(deflection))
    stl_file = os.path.join(work, "export.stl")
    mesh.write(stl_file)
    exports["stl_file"] = stl_file
    if wanted:
        result["stage"] = "save"
        document_file = os.path.join(work, "variant.FCStd")
        doc.saveAs(document_file)
        exports["document_file"] = document_file
    result.update(
        stage="done",
        metadata={
            **facts,
            **units_of(doc),
            "freecad_version": ".".join(FreeCAD.Version()[:3]),
            "parts": [obj.Label for obj in parts],
            "parameters": parameters_of(doc) if kind == "FCStd" else [],
            "triangles": mesh.CountFacets,
        },
        **exports,
    )
except Exception as exc:  # the message goes to the user as FreeCAD (or the check) said it
    from cncworkbench.cam.script_result import failure

    result = failure(exc, result.get("stage"), "the model", own=("CadError",))
with open(os.environ["CNC_FREECAD_RESULT"], "w") as handle:
    json.dump(result, handle)
