"""``cncworkbench simulate --part``: the cut stock against the design (core.verification)."""

from __future__ import annotations

from pathlib import Path

from cncworkbench.core import localefmt
from cncworkbench.core.i18n import translate
from cncworkbench.errors import UserError


def compare_with_design(result, program, tools, part, part_origin, leave, tolerance):
    """Add the below-the-stock findings, and with ``part`` the gouge and leftover findings,
    to ``result``; the comparison's figures (None without a part)."""
    from cncworkbench.core import model_files, verification

    checks = verification.below_stock(program, tools, result.stock_min, result.stock_max)
    if part is None:
        verification.add_findings(result, checks, [])
        return None
    from cncworkbench.cam.design import design_triangles

    model = model_files.check(Path(part))
    triangles = design_triangles(model.path, model.format)
    design = verification.design_field(triangles, result.grid, tuple(part_origin))
    if not design.inside.any():
        raise UserError(
            translate(
                "Cli",
                "--part {file}: the design does not lie over the stock; give the design's "
                "origin in program coordinates with --part-origin X Y Z.",
            ).format(file=Path(part).name)
        )
    check = verification.compare(
        result, design, program, tools, leave, tolerance, roughing=leave > 0
    )
    verification.add_findings(result, checks, check.findings)
    return check


def design_lines(result, check) -> list[str]:
    """The comparison's figures for the text output (one line, two with undercuts)."""

    def fixed(value: float, decimals: int) -> str:
        return localefmt.number(value, decimals, grouping=False)

    if check is None:
        return [translate("Cli", "not compared with a design (give --part MODEL)")]
    lines = [
        translate(
            "Cli",
            "design: {gouges} gouges ({gouge} mm³), {leftovers} leftover regions ({leftover} "
            "mm³); tolerance {tolerance} mm, stock to leave {leave} mm",
        ).format(
            gouges=check.gouge_regions,
            gouge=fixed(check.gouge_volume_mm3, 1),
            leftovers=check.leftover_regions,
            leftover=fixed(check.leftover_volume_mm3, 1),
            tolerance=fixed(check.tolerance_mm, 3),
            leave=fixed(check.leave_mm, 3),
        )
    ]
    if check.unverifiable_percent > 0:
        lines.append(
            translate(
                "Cli",
                "{percent} % of the design's outline is not verifiable from above (undercuts)",
            ).format(percent=fixed(check.unverifiable_percent, 1))
        )
    return lines
