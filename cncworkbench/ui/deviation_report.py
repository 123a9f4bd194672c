"""The simulation report's deviation map section (issue #21): the cut stock against the
design as colours (core.deviation), with the report's numbered finding markers on it.

Drawn by the report's renderer (ui/reports.py calls :func:`deviation_section` after the
top view); kept apart so the report's own modules stay as they are.
"""

from __future__ import annotations

import numpy as np

from cncworkbench.core import deviation
from cncworkbench.ui.i18n import translate
from cncworkbench.ui.qt import QtCore

MAX_MM = (170.0, 100.0)  # the picture fits in this


def deviation_section(renderer, flow) -> None:
    """Heading, the map framed at the stock's scale with the findings' markers, legend."""
    r = renderer.report
    view = r.deviation
    low, high = view.extent()
    span = np.maximum(high - low, 1e-6)
    pad = renderer.mm(5)
    most_x = min(renderer.mm(MAX_MM[0]), renderer.width)
    scale = min((most_x - 2 * pad) / span[0], (renderer.mm(MAX_MM[1]) - 2 * pad) / span[1])
    width, height = span[0] * scale + 2 * pad, span[1] * scale + 2 * pad
    x = renderer.left + (renderer.width - width) / 2
    image = view.image
    if image.width() > span[0] * scale or image.height() > span[1] * scale:
        image = image.scaled(
            max(1, round(span[0] * scale)), max(1, round(span[1] * scale)),
            QtCore.Qt.AspectRatioMode.IgnoreAspectRatio,
            QtCore.Qt.TransformationMode.FastTransformation,
        )  # fmt: skip

    def paint(painter, top):
        frame = QtCore.QRectF(x, top, width, height)
        offset = np.array([frame.left(), frame.top()])

        def page(xy: np.ndarray) -> np.ndarray:
            return (
                np.column_stack(
                    [pad + (xy[:, 0] - low[0]) * scale, pad + (high[1] - xy[:, 1]) * scale]
                )
                + offset
            )

        painter.save()
        renderer._picture_frame(painter, frame)
        (left, bottom), (right, upper) = page(np.vstack([low, high])).tolist()
        painter.drawImage(QtCore.QRectF(left, upper, right - left, bottom - upper), image)
        renderer._paint_markers(painter, frame, page)
        painter.restore()

    flow.gap(renderer.mm(3))
    renderer._heading(
        flow, translate("Reports", "Deviation from the design"), height + renderer.mm(10), size=9
    )
    flow.add(height + renderer.mm(1.5), paint)
    renderer._paragraph(
        flow,
        translate(
            "Reports",
            "Red: cut below the design (gouge). Blue: material left above the design, darker "
            "where thicker (darkest from {full} mm). Green: the part's surface within the "
            "tolerance. Grey: no material designed and none left.",
        ).format(full=renderer.fmt.number(deviation.FULL_BLUE_MM)),
        size=7.5,
    )
