"""The simulation report's isometric picture (issue 25): the cut stock seen from the front
right, above, drawn without OpenGL by the worker (core.iso_view, a numpy z-buffer), with the
report's numbered finding markers placed where each finding is in 3-D.

The report's data carries the picture and its projection (``isometric``: ``png_path`` and
``view``, core.iso_view.IsoView.as_dict); the renderer calls :func:`isometric_section`
after the top view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from cncworkbench.core.iso_view import IsoView
from cncworkbench.ui.i18n import translate
from cncworkbench.ui.qt import QtCore, QtGui

MAX_MM = (170.0, 105.0)  # the picture fits in this


@dataclass
class Isometric:
    image: QtGui.QImage
    view: IsoView


def parse_isometric(value: Any, error) -> Isometric | None:
    """The report's ``isometric`` entry checked (``error``: the report's error class)."""
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("view"), dict):
        raise error("isometric: expected an object with png_path and view")
    try:
        view = IsoView(**value["view"])
    except TypeError as exc:
        raise error(f"isometric.view: {exc}") from None
    if view.width <= 0 or view.height <= 0 or not view.scale > 0:
        raise error(f"isometric.view: expected a positive size and scale, got {value['view']}")
    path = value.get("png_path")
    picture = QtGui.QImage(str(path)) if isinstance(path, str) else QtGui.QImage()
    if picture.isNull():
        raise error(f"isometric.png_path: cannot read a picture from {path}")
    return Isometric(picture, view)


def isometric_section(renderer, flow) -> None:
    """Heading, the picture framed with the findings' markers, a line on how it was made."""
    r = renderer.report
    iso = r.isometric
    view = iso.view
    scale = min(
        min(renderer.mm(MAX_MM[0]), renderer.width) / view.width,
        renderer.mm(MAX_MM[1]) / view.height,
    )
    width, height = view.width * scale, view.height * scale
    x = renderer.left + (renderer.width - width) / 2
    placed = [f for f in r.findings if None not in f.xyz[:2]]
    top_z = float(r.stock_max[2])
    # _paint_markers passes the placed findings' X, Y in order; their Z goes with them
    heights = np.array([top_z if f.xyz[2] is None else f.xyz[2] for f in placed], dtype=float)

    def paint(painter, top):
        frame = QtCore.QRectF(x, top, width, height)
        offset = np.array([frame.left(), frame.top()])

        def page(xy: np.ndarray) -> np.ndarray:
            points = np.column_stack([xy, heights[: len(xy)]])
            return view.project(points) * scale + offset

        painter.save()
        renderer._picture_frame(painter, frame)
        painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(frame, iso.image)
        renderer._paint_markers(painter, frame, page)
        painter.restore()

    flow.gap(renderer.mm(3))
    renderer._heading(
        flow,
        translate("Reports", "The cut stock in 3-D (isometric, from the front right)"),
        height + renderer.mm(10),
        size=9,
    )
    flow.add(height + renderer.mm(1.5), paint)
    renderer._paragraph(
        flow,
        translate(
            "Reports",
            "Coloured by depth as the top view; the numbers are the findings, placed at "
            "their height.",
        ),
        size=7.5,
    )
