"""Which of a part's holes, pockets and through-cuts a CAM plan leaves unmachined, and
why (issue #21: CAM must never drop work silently).

A drilling operation drills the holes its tool fits (the CAM adapter's rule: the drill's
diameter up to 1 mm under the hole's, or the faces the operation names). Every other hole
found on the part is listed as NOT MACHINED with the reason: no drilling operation, no
drill of its size in the plan (the drills there are named), or a drill that fits but is
shorter than the hole is deep. A pocket open from the top is machined by a pocket or
adaptive operation that names its floor (or names no faces: then every pocket) with a
cutter narrower than the pocket; a through-cut (an opening of the bottom face that is not
a round hole) is contoured from inside by the first profile operation whose end mill goes
round it (:func:`profiled_through_cuts`); the rest are listed with the reason.
"""

from __future__ import annotations

from typing import Any

from cncworkbench.core import i18n
from cncworkbench.core.cam_plan import CamPlan, Operation, ToolSpec
from cncworkbench.core.i18n import translate

_FIT = 1e-4  # as the CAM adapter matches a drill to a hole
# A drill this much smaller than the hole (on the diameter) leaves more wall than the
# design check's tolerance at 0.1 mm cells (0.02 mm a side): warned at CAM time.
UNDERSIZE_MM = 0.05


def fits(tool: ToolSpec, hole: dict[str, Any], faces: list[str]) -> bool:
    """Whether a drilling operation with ``tool`` (and ``faces``) drills ``hole``."""
    if faces:
        return bool(set(hole.get("faces", [])) & set(faces))
    return tool.diameter_mm - _FIT <= hole["diameter"] <= tool.diameter_mm + 1.0


def drilled_to_size(plan: CamPlan, hole: dict[str, Any]) -> bool:
    """Whether a drilling operation of the plan drills ``hole`` to its size (a fitting,
    long enough drill at most :data:`UNDERSIZE_MM` under it)."""
    return any(
        fits(plan.tool(op.tool_number), hole, op.faces)
        and plan.tool(op.tool_number).flute_length_mm >= hole["depth"]
        and hole["diameter"] - plan.tool(op.tool_number).diameter_mm <= UNDERSIZE_MM
        for op in plan.operations
        if op.kind == "drilling"
    )


def helix_holes(plan: CamPlan, op: Operation, features: dict[str, Any]) -> list[dict]:
    """The holes a helical milling operation mills: those no drilling operation drills to
    size (a smaller drill may have drilled it first), wider than its end mill (by a tenth
    of a millimetre at least) and no deeper than its flutes, or the faces it names; a hole
    is milled by the first such operation only."""
    tool = plan.tool(op.tool_number)
    earlier = plan.operations[: plan.operations.index(op)]
    out = []
    for hole in features.get("holes", []):
        if op.faces:
            if set(hole.get("faces", [])) & set(op.faces):
                out.append(hole)
            continue
        if drilled_to_size(plan, hole) or hole["diameter"] < tool.diameter_mm + 0.1:
            continue
        if hole["depth"] > tool.flute_length_mm:
            continue
        if any(
            other.kind == "helix" and hole in helix_holes(plan, other, features)
            for other in earlier
        ):
            continue
        out.append(hole)
    return out


def not_machined(plan: CamPlan, features: dict[str, Any]) -> list[str]:
    """One sentence per hole the plan does not machine, naming it and the reason, and one
    per hole drilled smaller than drawn (the adapter drills holes up to 1 mm over)."""
    drilling = [op for op in plan.operations if op.kind == "drilling"]
    drills = sorted({plan.tool(op.tool_number).diameter_mm for op in drilling})
    helical = [op for op in plan.operations if op.kind == "helix"]
    milled = [hole for op in helical for hole in helix_holes(plan, op, features)]
    out = []
    for hole in features.get("holes", []):
        if hole in milled:
            continue
        where = f"X{hole['center'][0]:.3f} Y{hole['center'][1]:.3f}"
        size = i18n.number(hole["diameter"])
        fitting = [
            plan.tool(op.tool_number)
            for op in drilling
            if fits(plan.tool(op.tool_number), hole, op.faces)
        ]
        reaching = [tool for tool in fitting if tool.flute_length_mm >= hole["depth"]]
        if reaching:
            widest = max(reaching, key=lambda tool: tool.diameter_mm)  # drills last
            under = hole["diameter"] - widest.diameter_mm
            if under > UNDERSIZE_MM:  # drilled, but smaller than drawn: say so now
                out.append(
                    translate(
                        "CamCoverage",
                        "UNDERSIZE: hole Ø{size} mm at {where} is drilled Ø{drill} mm by "
                        "T{tool}, {under} mm under: its wall stays on the part (the "
                        "simulation against the design will find it); mill it helically or "
                        "use a drill of its size.",
                    ).format(
                        size=size,
                        where=where,
                        drill=i18n.number(widest.diameter_mm),
                        tool=widest.number,
                        under=i18n.number(round(under, 3)),
                    )
                )
            continue
        if fitting:
            tool = max(fitting, key=lambda t: t.flute_length_mm)
            reason = translate(
                "CamCoverage",
                "T{tool}'s {flutes} mm flutes are shorter than the hole is deep ({depth} mm)",
            ).format(
                tool=tool.number,
                flutes=i18n.number(tool.flute_length_mm),
                depth=i18n.number(hole["depth"]),
            )
        elif helical:
            mills = ", ".join(
                f"T{plan.tool(op.tool_number).number} Ø"
                f"{i18n.number(plan.tool(op.tool_number).diameter_mm)}"
                for op in helical
            )
            reason = translate(
                "CamCoverage",
                "no drill of its size, and the helical milling end mills ({mills} mm) do not "
                "fit it (narrower than the hole, flutes as long as it is deep)",
            ).format(mills=mills)
        elif not drilling:
            reason = translate("CamCoverage", "the plan has no drilling operation")
        else:
            reason = translate(
                "CamCoverage", "no drill of its size in the plan (drills: {drills} mm)"
            ).format(drills=", ".join(f"Ø{i18n.number(d)}" for d in drills))
        out.append(
            translate("CamCoverage", "NOT MACHINED: hole Ø{size} mm at {where}: {reason}.").format(
                size=size, where=where, reason=reason
            )
        )
    return out


def pockets_not_machined(plan: CamPlan, features: dict[str, Any]) -> list[str]:
    """One sentence per pocket and through-cut the plan does not machine, and why."""
    clearing = [op for op in plan.operations if op.kind in ("pocket", "adaptive")]
    out = []
    for pocket in features.get("pockets", []):
        floors = set(pocket.get("floor_faces", []))
        taking = [op for op in clearing if not op.faces or floors & set(op.faces)]
        width = float(pocket.get("min_width") or 0.0)
        fitting = [op for op in taking if plan.tool(op.tool_number).diameter_mm <= width]
        if fitting:
            continue
        if taking:
            tool = min((plan.tool(op.tool_number) for op in taking), key=lambda t: t.diameter_mm)
            reason = translate(
                "CamCoverage", "T{tool} (Ø{diameter} mm) is wider than the pocket ({width} mm)"
            ).format(
                tool=tool.number,
                diameter=i18n.number(tool.diameter_mm),
                width=i18n.number(width),
            )
        elif clearing:
            reason = translate("CamCoverage", "no pocket operation names its floor")
        else:
            reason = translate("CamCoverage", "the plan has no pocket or adaptive operation")
        out.append(
            translate(
                "CamCoverage",
                "NOT MACHINED: pocket {size} mm, {depth} mm deep ({faces}): {reason}.",
            ).format(
                size=" × ".join(i18n.number(v) for v in pocket.get("size", [])),
                depth=i18n.number(pocket.get("depth", 0)),
                faces=", ".join(sorted(floors)),
                reason=reason,
            )
        )
    profiles = [op for op in plan.operations if op.kind == "profile"]
    for cut in features.get("through_cuts", []):
        if any(cut in profiled_through_cuts(plan, op, features) for op in profiles):
            continue
        mills = [plan.tool(op.tool_number) for op in profiles if not op.faces]
        width = float(cut.get("min_width") or 0.0)
        fitting = [mill for mill in mills if mill.diameter_mm + 0.1 <= width]
        if fitting:
            longest = max(fitting, key=lambda mill: mill.flute_length_mm)
            reason = translate(
                "CamCoverage",
                "T{tool}'s {flutes} mm flutes are shorter than it is deep ({depth} mm)",
            ).format(
                tool=longest.number,
                flutes=i18n.number(longest.flute_length_mm),
                depth=i18n.number(cut["depth"]),
            )
        elif mills:
            reason = translate(
                "CamCoverage",
                "the profile's end mills ({mills} mm) do not fit it (the widest that goes "
                "round its inside is Ø{width} mm)",
            ).format(
                mills=", ".join(f"T{m.number} Ø{i18n.number(m.diameter_mm)}" for m in mills),
                width=i18n.number(width),
            )
        else:
            reason = translate(
                "CamCoverage", "no profile operation contours the whole part (one naming no faces)"
            )
        out.append(
            translate(
                "CamCoverage", "NOT MACHINED: through-cut {size} mm at X{x} Y{y}: {reason}."
            ).format(
                size=" × ".join(i18n.number(v) for v in cut.get("size", [])),
                x=f"{cut['center'][0]:.3f}",
                y=f"{cut['center'][1]:.3f}",
                reason=reason,
            )
        )
    return out


def profiled_through_cuts(plan: CamPlan, op: Operation, features: dict[str, Any]) -> list[dict]:
    """The through-cuts a profile operation naming no faces contours from inside: those its
    end mill goes round (narrower than the widest cutter that fits, by a tenth of a
    millimetre at least) and no deeper than its flutes; each by the first such operation."""
    if op.kind != "profile":
        return []
    earlier = [e for e in plan.operations[: plan.operations.index(op)] if e.kind == "profile"]

    def takes(profile: Operation, cut: dict[str, Any]) -> bool:
        if profile.faces:  # it contours the faces it names, as the engineer chose
            return False
        mill = plan.tool(profile.tool_number)
        return (
            mill.diameter_mm + 0.1 <= float(cut.get("min_width") or 0.0)
            and cut["depth"] <= mill.flute_length_mm
        )

    return [
        cut
        for cut in features.get("through_cuts", [])
        if takes(op, cut) and not any(takes(e, cut) for e in earlier)
    ]


def without_repeats(operations: list[Operation]) -> tuple[list[Operation], list[str]]:
    """The operations without those that repeat an earlier one (the same kind, tool,
    features, depths and cutting data: it would machine the same features again), and a
    sentence for each one left out."""
    kept: list[Operation] = []
    seen: dict[tuple, int] = {}
    notes = []
    for op in operations:
        key = (
            op.kind, op.tool_number, tuple(op.faces), op.final_depth_mm, op.stepdown_mm,
            op.stepover_percent, op.peck_mm, op.rpm, op.feed_mm_min, op.plunge_mm_min,
            op.stock_to_leave_mm,
        )  # fmt: skip
        if key in seen:
            notes.append(
                translate(
                    "CamCoverage",
                    "{operation} repeats operation {number} (same tool, features and cutting "
                    "data): left out, so nothing is machined twice.",
                ).format(operation=op.label(), number=seen[key] + 1)
            )
            continue
        seen[key] = len(kept)
        kept.append(op)
    return kept, notes
