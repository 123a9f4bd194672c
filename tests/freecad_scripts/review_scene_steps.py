# The review's scene in FreeCAD's 3-D view beyond the stock (run by gui_workbench.py's
# "sim_review_scene" scenario): the tool at the scrubbed line, the travel box, and the
# deviation colours. Findings go into ``result``; the test checks them against the G-code.
import os
import time

import FreeCADGui
from pivy import coin
from PySide import QtCore


def vector(value):
    """An SbVec3f as a list, by index (1.1's pivy gives no tuple from getValue())."""
    return [float(value[0]), float(value[1]), float(value[2])]


def stock_drawn(scene, frame, at_end):
    """The stock node's heights and colours against the dock's frame (a sample of points:
    pivy reads them one by one)."""
    from cncworkbench.core.deviation import GOUGE

    material, coordinates = scene.stock_node.getChild(1), scene.stock_node.getChild(3)
    count = coordinates.point.getNum()
    step = max(1, count // 200)
    drawn = [vector(coordinates.point[i]) for i in range(0, count, step)]
    wanted = frame.mesh.vertices[::step].tolist()
    colours = [
        tuple(round(255 * c) for c in vector(material.diffuseColor[i]))
        for i in range(material.diffuseColor.getNum())
    ]
    gouge_colours = (
        [tuple(map(int, c)) for c in frame.gouge_colours]
        if frame.gouge_colours is not None
        else None
    )
    return {
        "heights_are_the_lines": len(drawn) == len(wanted)
        and all(
            abs(a - b) < 1e-3
            for p, q in zip(drawn, wanted, strict=True)
            for a, b in zip(p, q, strict=True)
        ),
        "colours_are_the_frames": colours == gouge_colours,
        "red": colours.count(tuple(GOUGE)),
        "gouged_cells": frame.gouged_cells,
        "colour_counts": {",".join(map(str, c)): colours.count(c) for c in set(colours)}
        if at_end
        else None,
    }


def tool_box(scene):
    """The tool's bounding box in the scene (program mm), or None when it is hidden."""
    if scene.tool_switch.whichChild.getValue() < 0:
        return None
    action = coin.SoGetBoundingBoxAction(coin.SbViewportRegion(800, 600))
    action.apply(scene.tool_root)
    box = action.getBoundingBox()
    return [vector(box.getMin()), vector(box.getMax())]


def scrubbed(panel, shown, line, fail):
    """Scrub the dock to ``line`` and wait until its stock is shown (``shown``: the frames
    the dock's stock_shown gave)."""
    panel.scrub_to(line)
    while not shown or shown[-1].line != line:
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield


def review_scene(panels, result, fail, screenshot):
    dock = panels.show("sim")
    panel = dock.panel
    while panel.runs.rowCount() < int(os.environ["CNC_TEST_RUNS"]):
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    run_id = int(os.environ["CNC_TEST_RUN"])
    panel.select_run(run_id)
    while panel.loaded is None or panel.loaded.detail.summary.id != run_id:
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    scene = dock.review_scene
    graph = scene.view.getSceneGraph()
    result["gcode"] = panel.loaded.text
    result["tools"] = panel.loaded.detail.details.get("tools")
    result["machine"] = panel.loaded.detail.details.get("machine")
    result["tool_in_scene"] = bool(
        graph.findChild(scene.root) >= 0 and scene.root.findChild(scene.tool_root) >= 0
    )
    result["tool_solids"] = scene.tool_switch.getNumChildren()
    frames = []
    panel.stock_shown.connect(lambda frame: frames.append(frame.line))
    last = panel.loaded.last_line
    finding_line = panel.loaded.detail.findings[0]["line"]
    result["poses"] = []
    result["scrub_s"] = []
    for line in (finding_line, last // 2, last):
        started = time.monotonic()
        panel.scrub_to(line)
        while line not in frames:
            if panel.banner.kind == "error":
                fail(panel.banner.text())
            yield
        result["scrub_s"].append(round(time.monotonic() - started, 2))
        child = scene.tool_switch.whichChild.getValue()
        number = next((n for n, c in scene.tool_children.items() if c == child), None)
        result["poses"].append({
            "line": line,
            "translation": vector(scene.tool_place.translation.getValue()),
            "tool": number,
            "box": tool_box(scene),
        })  # fmt: skip
        if line == last // 2:
            FreeCADGui.getMainWindow().resizeDocks([dock], [760], QtCore.Qt.Horizontal)
            for _ in range(5):
                yield
            screenshot(panel, FreeCADGui.getMainWindow(), "freecad_sim_review_tool.png")
    travel = scene.travel_node
    result["travel_in_scene"] = (
        travel is not None
        and scene.root.findChild(scene.travel_switch) >= 0
        and scene.travel_switch.whichChild.getValue() == coin.SO_SWITCH_ALL
    )
    if travel is not None:
        action = coin.SoGetBoundingBoxAction(coin.SbViewportRegion(800, 600))
        action.apply(travel)
        box = action.getBoundingBox()
        result["travel_box"] = [vector(box.getMin()), vector(box.getMax())]
    # the design over the stock, translucent, when the dock's box is ticked
    overlay = panel.design_overlay
    result["design_overlay"] = [overlay.isVisible(), overlay.isEnabled()]
    overlay.setChecked(True)
    for _ in range(3):
        yield
    switch = scene.design_switch
    result["design_shown"] = switch is not None and switch.whichChild.getValue() == 0
    if result["design_shown"]:
        action = coin.SoGetBoundingBoxAction(coin.SbViewportRegion(800, 600))
        action.apply(switch)
        box = action.getBoundingBox()
        result["design_box"] = [vector(box.getMin()), vector(box.getMax())]
        faces = switch.getChild(0).getChild(switch.getChild(0).getNumChildren() - 1)
        result["design_triangles"] = faces.coordIndex.getNum() // 4
    result["stock"] = panel.loaded.detail.details["stock"]
    screenshot(panel, FreeCADGui.getMainWindow(), "freecad_sim_review_design.png")
    overlay.setChecked(False)
    for _ in range(3):
        yield
    result["design_hidden"] = switch is None or switch.whichChild.getValue() < 0
    # the deviation map on the finished stock, and back to the depth colours
    result["design"] = panel.loaded.detail.details.get("design")
    result["deviation_enabled"] = panel.deviation.isEnabled()
    depth_colours = scene.stock_colours.tolist()
    panel.deviation.setChecked(True)
    for _ in range(3):
        yield
    material = scene.stock_node.getChild(1)
    result["stock_vertices"] = len(panel.loaded.mesh.vertices)
    result["material_colours"] = material.diffuseColor.getNum()
    colours = [tuple(round(255 * c) for c in vector(material.diffuseColor[i]))
               for i in range(material.diffuseColor.getNum())]  # fmt: skip
    result["deviation_colours"] = {}
    for colour in set(colours):
        result["deviation_colours"][",".join(map(str, colour))] = colours.count(colour)
    for _ in range(5):
        yield
    screenshot(panel, FreeCADGui.getMainWindow(), "freecad_sim_review_deviation.png")
    # mid-program with the deviation shown: the stock at that line, its gouges so far red
    # over the depth colours; back at the end, the whole deviation map again
    shown = []
    panel.stock_shown.connect(shown.append)
    for line in (last // 2, last):
        yield from scrubbed(panel, shown, line, fail)
        for _ in range(3):
            yield
        name = "deviation_at_end" if line == last else "deviation_at_middle"
        result[name] = stock_drawn(scene, shown[-1], at_end=line == last)
        if line < last:
            screenshot(panel, FreeCADGui.getMainWindow(), "freecad_sim_review_deviation_mid.png")
    panel.deviation.setChecked(False)
    for _ in range(3):
        yield
    result["depth_colours_back"] = scene.stock_colours.tolist() == depth_colours
    # Reject (the same run loaded again): the camera the operator turned stays where it
    # is, and so does the line the scrubber is on
    yield from scrubbed(panel, shown, last // 2, fail)
    camera = scene.view.getCameraNode()
    x, y, z = vector(camera.position.getValue())
    camera.position.setValue(coin.SbVec3f(x + 17.0, y - 11.0, z + 5.0))
    turned = vector(scene.view.getCameraNode().position.getValue())
    reloaded = []
    panel.run_shown.connect(reloaded.append)
    result["reject_enabled"] = panel.reject_button.isEnabled()
    panel.comment.setText("Çene çarpışması: bağlamayı kaydırın")
    panel.reject_button.click()
    while not reloaded or panel.loaded is None or panel.loaded.detail.review is None:
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    for _ in range(5):
        yield
    result["camera_after_reject"] = vector(scene.view.getCameraNode().position.getValue())
    result["camera_turned"] = turned
    result["line_after_reject"] = [last // 2, panel.scrubber.value()]
    result["tool_after_reject"] = vector(scene.tool_place.translation.getValue())
    result["reject_banner"] = panel.banner.text()
