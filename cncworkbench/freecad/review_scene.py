"""The operator's review in FreeCAD's 3-D view: the cut stock, the toolpath and the findings.

The Simulation Review dock says which run and which finding; this module draws them as
Coin3D nodes under one separator in the 3-D view's scene graph (no document objects, so
nothing is saved, undone or recomputed) and takes them out again when another run is shown,
the dock closes or its document closes. The stock mesh is built off the Qt thread by the
dock (:func:`cncworkbench.core.stock_mesh.stock_mesh`); here it is only handed to Coin.

Clamps and fixtures are translucent orange boxes. Findings are spheres (errors red, warnings
orange); the chosen one is drawn larger in yellow and the camera is centred on it. Clicking
on or near a sphere in the view picks that finding in the dock (and with it the G-code
line). The dock's scrubber replaces the stock with the stock after any line and moves the
tool (cutter, shank and holder as solids, from the run's recorded tools) to where that line
left it. The dock's "Deviation from the design" colours the stock as the deviation map: at
the end of the program all of it (gouge red, leftover blue, within tolerance green); at a
line before the end only the gouges so far, on the stock coloured by depth — material not
yet cut would all be "leftover" there, but a cell cut below the design stays so, and the
operator sees the line where it happens. The machine's travel is a grey wire box when the
run recorded one.
"""

from __future__ import annotations

import FreeCAD
import FreeCADGui
import numpy as np
from pivy import coin

from cncworkbench.core.review_geometry import (
    design_surface,
    deviation_vertex_colours,
    tool_parts,
    travel_box,
)

REVIEW_DOCUMENT = "CNC_Review"
FEED_COLOUR = (0.10, 0.35, 0.86)
RAPID_COLOUR = (0.84, 0.12, 0.12)
SEVERITY_COLOURS = {"error": (0.78, 0.10, 0.10), "warning": (0.84, 0.41, 0.0)}
CHOSEN_COLOUR = (1.0, 0.85, 0.0)
CLICK_REACH_PX = 24.0
FIXTURE_COLOUR = (0.96, 0.53, 0.08)
LABEL_COLOUR = (0.10, 0.10, 0.12)  # the finding numbers beside the markers
TOOL_COLOURS = {"cutter": (0.85, 0.68, 0.20), "shank": (0.62, 0.64, 0.68),
                "holder": (0.32, 0.34, 0.40)}  # fmt: skip
TRAVEL_COLOUR = (0.55, 0.57, 0.60)
DESIGN_COLOUR = (0.45, 0.80, 0.95)
DESIGN_TRANSPARENCY = 0.55


class ReviewScene:
    """Draws the dock's run in the active 3-D view; one per Simulation Review dock."""

    def __init__(self, panel):
        self.panel = panel
        self.root: coin.SoSeparator | None = None
        self.stock_node: coin.SoSeparator | None = None
        self.frame = None  # the dock's StockFrame shown (None: the finished stock)
        self.stock_colours: np.ndarray | None = None  # RGB per vertex of the stock shown
        self._stock_shape = None  # (reduction, triangles' shape) of the stock node shown
        self.deviation_shown = False
        self.tool_root: coin.SoSeparator | None = None
        self.tool_place: coin.SoTranslation | None = None
        self.tool_switch: coin.SoSwitch | None = None
        self.tool_children: dict[int, int] = {}  # tool number -> child of tool_switch
        self.travel_node: coin.SoSeparator | None = None
        self.travel_switch: coin.SoSwitch | None = None
        self.design_switch: coin.SoSwitch | None = None
        self.view = None
        self.markers: list[tuple[coin.SoSeparator, coin.SoMaterial, coin.SoSphere, str]] = []
        self.radius = 1.0
        self.chosen: int | None = None
        self._pick_callback = None
        self.shown_run: int | None = None  # the run whose scene is shown
        panel.attach_3d_view()  # the dock builds stock meshes only for a 3-D view
        panel.run_shown.connect(self.show_run)
        panel.finding_chosen.connect(self.choose)
        panel.stock_shown.connect(self.show_stock)
        panel.destroyed.connect(lambda *_: self.clear())
        deviation = getattr(panel, "deviation", None)  # the dock's toggle
        if deviation is not None:
            deviation.toggled.connect(self.show_deviation)
        overlay = getattr(panel, "design_overlay", None)  # shown only beside a 3-D view
        if overlay is not None:
            overlay.setVisible(True)
            overlay.toggled.connect(self.show_design)

    # -- the scene -----------------------------------------------------------------------
    def show_run(self, loaded) -> None:
        # The same run again (a refresh, after Approve or Reject) keeps the operator's camera.
        same_run = (
            loaded is not None
            and self.shown_run is not None
            and loaded.detail.summary.id == self.shown_run
        )
        self.shown_run = None
        self.clear()
        if loaded is None or loaded.mesh is None:
            return
        view = self._view()
        if view is None:
            return
        self.view = view
        self.root = coin.SoSeparator()
        self.root.setName("CNC_Review")
        self.frame = None
        self.stock_node = self._stock(loaded.mesh)
        self.root.addChild(self.stock_node)
        for kind, colour in (("feeds", FEED_COLOUR), ("rapids", RAPID_COLOUR)):
            lines = (loaded.paths or {}).get(kind) or []
            if lines:
                rapids = kind == "rapids"  # thinner and dashed
                self.root.addChild(_polylines_node(
                    lines, colour, 1.0 if rapids else 1.5, 0x0F0F if rapids else None
                ))  # fmt: skip
        for fixture in loaded.detail.details.get("fixtures", []):
            self.root.addChild(_box_node(fixture["min"], fixture["max"], FIXTURE_COLOUR))
        self._add_tools(loaded)
        self._add_design(loaded)
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
        self.show_tool_at(loaded.last_line)  # the scrubber starts at the end
        if self.deviation_shown:
            self.show_deviation(True)
        self._add_travel(loaded)
        self.shown_run = loaded.detail.summary.id
        if not same_run:
            self.fit()

    def fit(self) -> None:
        """Look at the review from FreeCAD's isometric direction, all of it in the view but
        the machine's travel (far larger than the part the operator reviews)."""
        if self.view is None or self.root is None:
            return
        if self.travel_switch is not None:
            self.travel_switch.whichChild = coin.SO_SWITCH_NONE
        _fit_isometric(self.view, self.root)
        if self.travel_switch is not None:
            self.travel_switch.whichChild = coin.SO_SWITCH_ALL

    def show_stock(self, frame) -> None:
        """The dock's scrubber moved: the stock after ``frame.line`` replaces the one shown
        and the tool moves to where that line left it."""
        if self.root is None or frame.mesh is None:
            return
        self.frame = frame
        self._show_frame()
        self.show_tool_at(frame.line)

    def show_deviation(self, shown: bool) -> None:
        """The dock's toggle: the stock shown coloured by its deviation from the design
        (see the module documentation), or by depth again."""
        self.deviation_shown = bool(shown)
        if self.root is not None:
            self._show_frame()

    def _show_frame(self) -> None:
        loaded, frame = self.panel.loaded, self.frame
        if loaded is None:
            return
        at_end = frame is None or frame.line >= loaded.last_line
        mesh = loaded.mesh if frame is None else frame.mesh
        colours = None
        if self.deviation_shown and loaded.deviation is not None:
            if at_end:
                mesh = loaded.mesh  # the deviation map is the finished stock's
                colours, _classes = deviation_vertex_colours(mesh, loaded.deviation)
            else:
                colours = frame.gouge_colours
        self._replace_stock(mesh, colours)

    def _stock(self, mesh, colours=None) -> coin.SoSeparator:
        self.stock_colours = mesh.colours if colours is None else colours
        self._stock_shape = (mesh.reduction, mesh.triangles.shape)
        return _stock_node(mesh, self.stock_colours)

    def _replace_stock(self, mesh, colours=None) -> None:
        shown = self._stock_shape
        if shown is not None and shown == (mesh.reduction, mesh.triangles.shape):
            # The scrubber's stocks share the grid, so the same triangles: only heights and
            # colours change (a third of the time of a new node on the sample's 230k faces).
            self.stock_colours = mesh.colours if colours is None else colours
            material, coordinates = self.stock_node.getChild(1), self.stock_node.getChild(3)
            coordinates.point.setValues(0, len(mesh.vertices), _floats(mesh.vertices))
            material.diffuseColor.setValues(
                0, len(self.stock_colours), _floats(self.stock_colours / 255.0)
            )
            return
        node = self._stock(mesh, colours)
        self.root.replaceChild(self.stock_node, node)
        self.stock_node = node

    # -- the tool ----------------------------------------------------------------------------
    def _add_tools(self, loaded) -> None:
        """One solid per recorded tool under a switch; a translation puts its tip where
        the scrubbed line left it."""
        tools = loaded.detail.details.get("tools") or []
        self.tool_children = {}
        if not tools or loaded.track is None:
            return
        self.tool_root = coin.SoSeparator()
        self.tool_root.setName("CNC_Tool")
        self.tool_place = coin.SoTranslation()
        self.tool_root.addChild(self.tool_place)
        self.tool_switch = coin.SoSwitch()
        self.tool_switch.whichChild = coin.SO_SWITCH_NONE
        for tool in tools:
            self.tool_children[int(tool["number"])] = self.tool_switch.getNumChildren()
            self.tool_switch.addChild(_tool_node(tool))
        self.tool_root.addChild(self.tool_switch)
        self.root.addChild(self.tool_root)

    def show_tool_at(self, line: int) -> None:
        """The tool in the spindle after ``line``, its tip where that line left it (hidden
        before the first motion or with a tool the run did not record)."""
        if self.tool_switch is None or self.panel.loaded is None:
            return
        track = self.panel.loaded.track
        pose = track.pose_at(line) if track is not None else None
        if pose is None or pose.tool not in self.tool_children:
            # one tool recorded and none named (no M6): that one is in the spindle
            only = len(self.tool_children) == 1 and pose is not None and pose.tool is None
            if not only:
                self.tool_switch.whichChild = coin.SO_SWITCH_NONE
                return
            child = next(iter(self.tool_children.values()))
        else:
            child = self.tool_children[pose.tool]
        self.tool_place.translation.setValue(pose.x, pose.y, pose.z)
        self.tool_switch.whichChild = child

    # -- the design ------------------------------------------------------------------------
    def _add_design(self, loaded) -> None:
        """The designed part's top surface, translucent, under a switch the dock's
        "Design part in 3-D" box turns on and off."""
        overlay = getattr(self.panel, "design_overlay", None)
        if overlay is not None:
            overlay.setEnabled(loaded.design_top is not None)
        if loaded.design_top is None:
            return
        details = loaded.detail.details
        surface = design_surface(
            loaded.design_top, tuple(details["stock"]["min"][:2]), details["grid"]["cell_mm"]
        )
        self.design_switch = coin.SoSwitch()
        self.design_switch.setName("CNC_Design")
        self.design_switch.addChild(_surface_node(surface, DESIGN_COLOUR, DESIGN_TRANSPARENCY))
        shown = overlay is not None and overlay.isChecked()
        self.design_switch.whichChild = 0 if shown else coin.SO_SWITCH_NONE
        self.root.addChild(self.design_switch)

    def show_design(self, shown: bool) -> None:
        if self.design_switch is not None:
            self.design_switch.whichChild = 0 if shown else coin.SO_SWITCH_NONE

    def _add_travel(self, loaded) -> None:
        points = [p for kind in ("feeds", "rapids") for p in (loaded.paths or {}).get(kind, [])]
        if not points:
            return
        reached = np.concatenate(points)
        box = travel_box(
            loaded.detail.details.get("machine"), reached.min(axis=0), reached.max(axis=0)
        )
        if box is None:
            return
        self.travel_node = _wire_box_node(*box, TRAVEL_COLOUR)
        self.travel_node.setName("CNC_Travel")
        self.travel_switch = coin.SoSwitch()  # off while the view is fitted to the part
        self.travel_switch.whichChild = coin.SO_SWITCH_ALL
        self.travel_switch.addChild(self.travel_node)
        self.root.addChild(self.travel_switch)

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
        self.stock_node = self.tool_root = self.tool_place = self.tool_switch = None
        self.travel_node = self.frame = self.stock_colours = self.design_switch = None
        self.travel_switch = None
        self._stock_shape = None
        self.tool_children = {}
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


def _floats(values: np.ndarray) -> np.ndarray:
    """(n, 3) float32, contiguous: pivy takes it as is, faster than a list of lists."""
    return np.ascontiguousarray(values, dtype=np.float32)


def _face_index(triangles: np.ndarray) -> list[int]:
    """An SoIndexedFaceSet's index: each triangle's three vertices, then -1."""
    return np.column_stack([triangles, np.full(len(triangles), -1)]).ravel().tolist()


def _stock_node(mesh, colours: np.ndarray) -> coin.SoSeparator:
    node = coin.SoSeparator()
    hints = coin.SoShapeHints()
    hints.vertexOrdering = coin.SoShapeHints.COUNTERCLOCKWISE
    hints.shapeType = coin.SoShapeHints.SOLID
    node.addChild(hints)
    material = coin.SoMaterial()
    material.diffuseColor.setValues(0, len(colours), _floats(colours / 255.0))
    node.addChild(material)
    binding = coin.SoMaterialBinding()
    binding.value = coin.SoMaterialBinding.PER_VERTEX_INDEXED
    node.addChild(binding)
    coordinates = coin.SoCoordinate3()
    coordinates.point.setValues(0, len(mesh.vertices), _floats(mesh.vertices))
    node.addChild(coordinates)
    faces = coin.SoIndexedFaceSet()
    index = _face_index(mesh.triangles)
    faces.coordIndex.setValues(0, len(index), index)
    faces.materialIndex.setValues(0, len(index), index)
    node.addChild(faces)
    return node


def _polylines_node(lines, colour, width: float, pattern: int | None = None) -> coin.SoSeparator:
    """Polylines ((n, 3) points each) in one colour; ``pattern``: Coin's 16-bit dash mask."""
    node = coin.SoSeparator()
    material = coin.SoBaseColor()
    material.rgb.setValue(*colour)
    node.addChild(material)
    style = coin.SoDrawStyle()
    style.lineWidth = width
    if pattern is not None:
        style.linePattern = pattern
    node.addChild(style)
    points = np.concatenate([np.asarray(line, dtype=float) for line in lines])
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


def _tool_node(tool) -> coin.SoSeparator:
    """A tool's cutter, shank and holder (core.review_geometry.tool_parts), tip at the
    origin, axis along +Z. Coin's cylinders and cones stand along Y: turned onto Z."""
    node = coin.SoSeparator()
    node.setName(f"CNC_Tool_T{int(tool['number'])}")
    for part in tool_parts(tool):
        piece = coin.SoSeparator()
        material = coin.SoMaterial()
        material.diffuseColor.setValue(*TOOL_COLOURS[part.kind])
        piece.addChild(material)
        place = coin.SoTranslation()
        height = part.z_to - part.z_from
        if part.solid == "sphere":
            place.translation.setValue(0, 0, part.z_from + part.radius)
            piece.addChild(place)
            solid = coin.SoSphere()
            solid.radius.setValue(part.radius)
        else:
            place.translation.setValue(0, 0, (part.z_from + part.z_to) / 2)
            piece.addChild(place)
            turn = coin.SoRotationXYZ()
            turn.axis = coin.SoRotationXYZ.X
            # +Y onto +Z for a cylinder; onto -Z for a cone, so its point is the tip
            turn.angle = -np.pi / 2 if part.solid == "cone" else np.pi / 2
            piece.addChild(turn)
            if part.solid == "cone":
                solid = coin.SoCone()
                solid.bottomRadius.setValue(part.radius)
            else:
                solid = coin.SoCylinder()
                solid.radius.setValue(part.radius)
            solid.height.setValue(height)
        piece.addChild(solid)
        node.addChild(piece)
    return node


def _wire_box_node(low, high, colour) -> coin.SoSeparator:
    """The machine's travel: the twelve edges of a box, dashed so it reads as a limit."""
    (x0, y0, z0), (x1, y1, z1) = low, high
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    lines = [[(x, y, z) for x, y in corners] for z in (z0, z1)]
    lines += [[(x, y, z0), (x, y, z1)] for x, y in corners[:4]]
    return _polylines_node(lines, colour, 1.0, 0x3333)


def _surface_node(surface, colour, transparency: float) -> coin.SoSeparator:
    """An open mesh (the design's top), one translucent colour, seen from both sides."""
    node = coin.SoSeparator()
    hints = coin.SoShapeHints()
    hints.vertexOrdering = coin.SoShapeHints.COUNTERCLOCKWISE
    hints.shapeType = coin.SoShapeHints.UNKNOWN_SHAPE_TYPE
    node.addChild(hints)
    material = coin.SoMaterial()
    material.diffuseColor.setValue(*colour)
    material.transparency.setValue(transparency)
    node.addChild(material)
    coordinates = coin.SoCoordinate3()
    coordinates.point.setValues(0, len(surface.vertices), surface.vertices.tolist())
    node.addChild(coordinates)
    faces = coin.SoIndexedFaceSet()
    index = _face_index(surface.triangles)
    faces.coordIndex.setValues(0, len(index), index)
    node.addChild(faces)
    return node
