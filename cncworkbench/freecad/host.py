"""What the browser panel needs from FreeCAD: the open document, and opening files.

Runs on the GUI thread (FreeCAD's API is not thread-safe); the panel does the slow work
(hashing, uploading) on a pool thread afterwards.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import FreeCAD
import FreeCADGui

from cncworkbench.core.i18n import translate
from cncworkbench.errors import UserError
from cncworkbench.ui.panels.browser import ActiveDocument


def _leaf_shapes(doc) -> list:
    shapes = []
    for obj in doc.Objects:
        shape = getattr(obj, "Shape", None)
        visible = getattr(obj, "Visibility", True)
        if shape is not None and not shape.isNull() and not obj.InList and visible:
            shapes.append(obj)
    return shapes


def _geometry(objects) -> dict:
    import Part

    if not objects:
        return {}
    compound = Part.makeCompound([obj.Shape for obj in objects])
    box = compound.BoundBox
    solids = compound.Solids
    return {
        "bounding_box": {
            "min": [round(box.XMin, 4), round(box.YMin, 4), round(box.ZMin, 4)],
            "max": [round(box.XMax, 4), round(box.YMax, 4), round(box.ZMax, 4)],
        },
        "size_mm": [round(box.XLength, 4), round(box.YLength, 4), round(box.ZLength, 4)],
        "volume_mm3": round(sum(s.Volume for s in solids), 3),
        "surface_area_mm2": round(compound.Area, 3),
        "solids": len(solids),
        "freecad_version": ".".join(FreeCAD.Version()[:3]),
        "units": "mm",
        "objects": len(objects),
    }


class FreeCADHost:
    def document_path(self) -> Path | None:
        doc = FreeCAD.ActiveDocument
        return Path(doc.FileName) if doc is not None and doc.FileName else None

    def active_document(self, exports: tuple[str, ...] = ()) -> ActiveDocument:
        doc = FreeCAD.ActiveDocument
        if doc is None:
            raise UserError(translate("FreeCADHost", "Open or create a document first."))
        if not doc.FileName:
            raise UserError(
                translate(
                    "FreeCADHost", "Save the document first (File → Save As…), then upload it."
                )
            )
        doc.recompute()
        doc.save()  # what is uploaded is what the engineer sees
        objects = _leaf_shapes(doc)
        metadata = _geometry(objects)
        work = Path(tempfile.mkdtemp(prefix="cnc-upload-"))
        thumbnail = None
        view = getattr(FreeCADGui.ActiveDocument, "ActiveView", None)
        if view is not None and hasattr(view, "saveImage"):
            picture = work / "thumbnail.png"
            camera = view.getCamera()  # the engineer's view is put back afterwards
            try:
                view.viewIsometric()
                view.fitAll()
                view.saveImage(str(picture), 256, 256, "White")
            finally:
                view.setCamera(camera)
            thumbnail = picture.read_bytes() if picture.exists() else None
        made = []
        stem = Path(doc.FileName).stem
        if "STEP" in exports and objects:
            import Part

            made.append(work / f"{stem}.step")
            Part.export(objects, str(made[-1]))
        if "STL" in exports and objects:
            import Mesh

            made.append(work / f"{stem}.stl")
            Mesh.export(objects, str(made[-1]))
        return ActiveDocument(Path(doc.FileName), doc.Label, metadata, thumbnail, made)

    def open_document(self, path: Path) -> None:
        suffix = Path(path).suffix.lower()
        if suffix == ".fcstd":
            FreeCAD.openDocument(str(path))
        elif suffix in (".step", ".stp"):
            import Import

            Import.open(str(path))
        else:
            import Mesh

            Mesh.open(str(path))
        FreeCADGui.SendMsgToActiveView("ViewFit")
