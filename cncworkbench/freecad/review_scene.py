"""The operator's review in FreeCAD's 3-D view: the cut stock, the toolpath and the findings.

The Simulation Review dock says which run and which finding; this module draws them as
Coin3D nodes under one separator in the 3-D view's scene graph (no document objects, so
nothing is saved, undone or recomputed) and takes them out again when another run is shown,
the dock closes or its document closes. The stock mesh is built off the Qt thread by the
dock (:func:`cncworkbench.core.stock_mesh.stock_mesh`); here it is only handed to Coin.

Clamps and fixtures are translucent orange boxes. Findings are spheres (errors red, warnings
orange); the chosen one is drawn larger in yellow and the camera is centred on it. Clicking
on or near a sphere in the view picks that finding in the dock (and with it the G-code
line). The dock's scrubber replaces the stock with the stock after any line. Not yet: the
tool and holder as solids, play/pause.
"""

from __future__ import annotations

import FreeCAD
import FreeCADGui
import numpy as np
from pivy import coin

REVIEW_DOCUMENT = "CNC_Review"
FEED_COLOUR = (0.10, 0.35, 0.86)
RAPID_COLOUR = (0.84, 0.12, 0.12)
SEVERITY_COLOURS = {"error": (0.78, 0.10, 0.10), "warning": (0.84, 0.41, 0.0)}
CHOSEN_COLOUR = (1.0, 0.85, 0.0)
CLICK_REACH_PX = 24.0
FIXTURE_COLOUR = (0.96, 0.53, 0.08)
LABEL_COLOUR = (0.10, 0.10, 0.12)  # the finding numbers beside the markers


class ReviewScene:
    """Draws the dock's run in the active 3-D view; one per Simulation Review dock."""

    def __init__(self, panel):
        self.panel = panel
        self.root: coin.SoSeparator | None = None
        self.stock_node: coin.SoSeparator | None = None
        self.view = None
        self.markers: list[tuple[coin.SoSeparator, coin.SoMaterial, coin.SoSphere, str]] = []
        self.radius = 1.0
        self.chosen: int | None = None
        self._pick_callback = None
        panel.attach_3d_view()  # the dock builds stock meshes only for a 3-D view
        panel.run_shown.connect(self.show_run)
        panel.finding_chosen.connect(self.choose)
        panel.stock_shown.connect(self.show_stock)
        panel.destroyed.connect(lambda *_: self.clear())

    # -- the scene -----------------------------------------------------------------------
    def show_run(self, loaded) -> None:
        self.clear()
        if loaded is None or loaded.mesh is None:
            return
        view = self._view()
        if view is None:
            return
        self.view = view
        self.root = coin.SoSeparator()
        self.root.setName("CNC_Review")
        self.stock_node = _stock_node(loaded.mesh)
        self.root.addChild(self.stock_node)
        for kind, colour in (("feeds", FEED_COLOUR), ("rapids", RAPID_COLOUR)):
            lines = (loaded.paths or {}).get(kind) or []
            if lines:
                self.root.addChild(_polylines_node(lines, colour, dashed=kind == "rapids"))
        for fixture in loaded.detail.details.get("fixtures", []):
            self.root.addChild(_box_node(fixture["min"], fixture["max"], FIXTURE_COLOUR))
        low, high = loaded.mesh.vertices.min(axis=0), loaded.mesh.vertices.max(axis=0)
        # big enough to see and click on the whole stock (about 15 pixels when fitted)
        self.radius = max(float(np.max(high - low)) / 30.0, 0.5)
        self.markers = []
        for number, finding in enumerate(loaded.detail.findings):
            node, material, sphere = _marker(finding, self.radius, number + 1)
            self.markers.append((node, material, sphere, finding.get("severity", "error")))
            self.root.addChild(node)
        view.getSceneGraph().addChild(self.root)
        self._pick_callback = view.addEventCallbackPivy(
            coin.SoMouseButtonEvent.getClassTypeId(), self._clicked
        )
        self.fit()

    def fit(self) -> None:
        """Look at the review from FreeCAD's isometric direction, all of it in the view."""
        if self.view is not None and self.root is not None:
            _fit_isometric(self.view, self.root)

    def show_stock(self, frame) -> None:
        """The dock's scrubber moved: the stock after ``frame.line`` replaces the one shown."""
        if self.root is None:
            return
        node = _stock_node(frame.mesh)
        self.root.replaceChild(self.stock_node, node)
        self.stock_node = node

    def clear(self) -> None:
        if self.view is not None:
            try:
                if self._pick_callback is not None:
                    self.view.removeEventCallbackPivy(
                        coin.SoMouseButtonEvent.getClassTypeId(), self._pick_callback
                    )
                if self.root is not None:
                    self.view.getSceneGraph().removeChild(self.root)
            except Exception:  # the view closed with its document: nothing left to remove
                pass
        self.view = self.root = self._pick_callback = None
        self.markers = []
        self.chosen = None

    def choose(self, number) -> None:
        """Highlight finding ``number`` (None: none) and centre the view on it."""
        for index, (_node, material, sphere, severity) in enumerate(self.markers):
            chosen = index == number
            material.diffuseColor.setValue(
                *(CHOSEN_COLOUR if chosen else SEVERITY_COLOURS.get(severity, (0.5, 0.5, 0.5)))
            )
            sphere.radius.setValue(self.radius * (2.0 if chosen else 1.0))
        self.chosen = number
        if number is not None and self.view is not None and 0 <= number < len(self.markers):
            finding = self.panel.loaded.detail.findings[number]
            camera = self.view.getCameraNode()
            target = coin.SbVec3f(finding["x"], finding["y"], finding["z"])
            offset = camera.position.getValue() - self._focal_point(camera)
            camera.position.setValue(target + offset)

    @staticmethod
    def _focal_point(camera) -> coin.SbVec3f:
        direction = camera.orientation.getValue().multVec(coin.SbVec3f(0, 0, -1))
        return camera.position.getValue() + direction * camera.focalDistance.getValue()

    def _clicked(self, event_callback) -> None:
        event = event_callback.getEvent()
        if event.getButton() != coin.SoMouseButtonEvent.BUTTON1 or event.getState() != 0:
            return
        position = event.getPosition()  # by index: 1.1's pivy gives no tuple from getValue()
        number = self.marker_near(position[0], position[1])
        if number is not None:
            self.panel.select_finding(number)

    def marker_near(self, x: float, y: float, reach_px: float = CLICK_REACH_PX) -> int | None:
        """The finding whose marker is drawn nearest the view pixel (x, y), within
        ``reach_px`` (None: none). By projection rather than a Coin pick: a marker a few
        pixels wide is easy to miss, and nothing else in the scene should take the click."""
        best, best_distance = None, reach_px
        for number in range(len(self.markers)):
            mx, my = self.marker_screen_position(number)
            distance = ((mx - x) ** 2 + (my - y) ** 2) ** 0.5
            if distance <= best_distance:
                best, best_distance = number, distance
        return best

    def marker_screen_position(self, number: int) -> tuple[int, int]:
        """Where finding ``number``'s marker is drawn in the view (pixels, origin bottom-left),
        for a click a test (or a macro) can make."""
        finding = self.panel.loaded.detail.findings[number]
        return tuple(self.view.getPointOnScreen(finding["x"], finding["y"], finding["z"]))

    def _view(self):
        """The active 3-D view, opening an empty review document when none is open."""
        document = FreeCAD.ActiveDocument or FreeCAD.newDocument(REVIEW_DOCUMENT)
        gui_document = FreeCADGui.getDocument(document.Name)
        view = gui_document.activeView() if gui_document is not None else None
        return view if view is not None and hasattr(view, "getSceneGraph") else None


# FreeCAD's own isometric view direction (Gui::Camera::Isometric)
ISOMETRIC = (0.424708, 0.17592, 0.339851, 0.820473)


def _fit_isometric(view, node) -> None:
    """The camera turned and fitted by Coin itself: FreeCAD 1.x's viewIsometric()/fitAll()
    animate, and its fitAll() waits for the animation in a nested event loop, where the
    dock's own signals and timers run again half-way through showing a run."""
    camera = view.getCameraNode()
    camera.orientation.setValue(coin.SbRotation(*ISOMETRIC))
    region = view.getViewer().getSoRenderManager().getViewportRegion()
    camera.viewAll(node, region)


def _stock_node(mesh) -> coin.SoSeparator:
    node = coin.SoSeparator()
    hints = coin.SoShapeHints()
    hints.vertexOrdering = coin.SoShapeHints.COUNTERCLOCKWISE
    hints.shapeType = coin.SoShapeHints.SOLID
    node.addChild(hints)
    material = coin.SoMaterial()
    material.diffuseColor.setValues(0, len(mesh.colours), (mesh.colours / 255.0).tolist())
    node.addChild(material)
    binding = coin.SoMaterialBinding()
    binding.value = coin.SoMaterialBinding.PER_VERTEX_INDEXED
    node.addChild(binding)
    coordinates = coin.SoCoordinate3()
    coordinates.point.setValues(0, len(mesh.vertices), mesh.vertices.tolist())
    node.addChild(coordinates)
    faces = coin.SoIndexedFaceSet()
    index = np.column_stack([mesh.triangles, np.full(len(mesh.triangles), -1)]).ravel()
    faces.coordIndex.setValues(0, len(index), index.tolist())
    faces.materialIndex.setValues(0, len(index), index.tolist())
    node.addChild(faces)
    return node


def _polylines_node(lines, colour, dashed: bool) -> coin.SoSeparator:
    node = coin.SoSeparator()
    material = coin.SoBaseColor()
    material.rgb.setValue(*colour)
    node.addChild(material)
    style = coin.SoDrawStyle()
    style.lineWidth = 1.0 if dashed else 1.5
    if dashed:
        style.linePattern = 0x0F0F
    node.addChild(style)
    points = np.concatenate(lines)
    coordinates = coin.SoCoordinate3()
    coordinates.point.setValues(0, len(points), points.tolist())
    node.addChild(coordinates)
    line_set = coin.SoLineSet()
    line_set.numVertices.setValues(0, len(lines), [len(line) for line in lines])
    node.addChild(line_set)
    return node


def _box_node(low, high, colour) -> coin.SoSeparator:
    """A clamp or fixture: a translucent box, so the cut under it still shows."""
    node = coin.SoSeparator()
    material = coin.SoMaterial()
    material.diffuseColor.setValue(*colour)
    material.transparency.setValue(0.45)
    node.addChild(material)
    place = coin.SoTranslation()
    place.translation.setValue(*[(a + b) / 2 for a, b in zip(low, high, strict=True)])
    node.addChild(place)
    box = coin.SoCube()
    box.width, box.height, box.depth = (b - a for a, b in zip(low, high, strict=True))
    node.addChild(box)
    return node


def _marker(finding, radius: float, label: int):
    """A sphere at the finding, and its number as in the dock's list above it (SoText2:
    facing the viewer, the same size at any zoom)."""
    node = coin.SoSeparator()
    material = coin.SoMaterial()
    material.diffuseColor.setValue(
        *SEVERITY_COLOURS.get(finding.get("severity", "error"), (0.5, 0.5, 0.5))
    )
    node.addChild(material)
    place = coin.SoTranslation()
    place.translation.setValue(finding["x"], finding["y"], finding["z"])
    node.addChild(place)
    sphere = coin.SoSphere()
    sphere.radius.setValue(radius)
    node.addChild(sphere)
    caption = coin.SoAnnotation()  # drawn last, over the stock: never hidden by it
    colour = coin.SoBaseColor()
    colour.rgb.setValue(*LABEL_COLOUR)
    caption.addChild(colour)
    font = coin.SoFont()
    font.name.setValue("DejaVu Sans:Bold")  # Coin's own font where this one is missing
    font.size.setValue(16)
    caption.addChild(font)
    above = coin.SoTranslation()
    above.translation.setValue(0, 0, 2.2 * radius)  # above it, also when drawn large
    caption.addChild(above)
    text = coin.SoText2()
    text.string.setValue(str(label))
    text.setName(f"CNC_Finding_{label}")
    caption.addChild(text)
    node.addChild(caption)
    return node, material, sphere
