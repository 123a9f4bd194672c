"""Feeds and speeds: spindle speed, feed, chip load, removal rate and power for a cut.

Pure arithmetic on plain numbers, so the CAM panel, the batch CLI and the workers give
the same answer. Every result carries where each value came from (``sources``), and
``warnings`` say which limit bound and by how much. The formulas are the usual shop ones
(Sandvik Coromant's milling and drilling formulas):

- spindle speed   n  = 1000·Vc / (π·D)                         [rpm]
- radial thinning fz' = fz·D / (2·√(ae·(D−ae)))  when ae < D/2  [mm]
- feed            vf = fz'·z·n                                  [mm/min]
- removal rate    Q  = ae·ap·vf / 1000                          [cm³/min]
- power           Pc = ae·ap·vf·kc / (60·10⁶)                   [kW]
- torque          Mc = Pc·30·10³ / (π·n)                        [N·m]
- ball nose       Deff = 2·√(ap·(D−ap))  when ap < D/2
- drilling        vf = fn·n,  Q = π·D²/4·vf / 10⁶ ·1000,  Pc = fn·Vc·D·kc / 240 000

When the spindle cannot turn fast enough, the speed is clamped to its maximum and the feed
follows the clamped speed, so the chip load stays what the material wants.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import translate

# Net cutting power reaches the tool through belts and motor losses; catalogues rate
# spindles at the motor, so the check divides by this efficiency (Sandvik uses 0.8).
SPINDLE_EFFICIENCY = 0.8
# Kienzle's chip-thickness law needs a positive thickness; below this it is meaningless.
MIN_CHIP_THICKNESS_MM = 0.001
DRILL_TYPES = frozenset({"drill", "spot_drill"})
# Solid carbide drills run slower than end mills in the same material (Sandvik's drilling
# tables sit at about 0.6-0.8 of the side-milling Vc); HSS tools use the HSS column.
DRILL_SPEED_FACTOR = 0.7


class FeedsError(ValueError):
    """The inputs cannot give cutting data (a missing or impossible number)."""


@dataclass(frozen=True)
class Limit:
    """A limit that bound or was broken. ``severity`` "error" means do not cut."""

    code: str
    message: str
    severity: str = "warning"
    limit: float | None = None
    value: float | None = None

    @property
    def excess_percent(self) -> float | None:
        if self.limit in (None, 0) or self.value is None:
            return None
        return round((self.value / self.limit - 1.0) * 100.0, 1)


@dataclass(frozen=True)
class CutInputs:
    """Everything the formulas need, in mm, m/min, N/mm², rpm and kW."""

    vc_m_min: float
    fz_mm: float
    diameter_mm: float
    flutes: int
    kc_n_mm2: float
    ae_mm: float | None = None
    ap_mm: float | None = None
    tool_type: str = "flat_endmill"
    corner_radius_mm: float = 0.0
    flute_length_mm: float | None = None
    max_depth_of_cut_mm: float | None = None
    lead_angle_deg: float = 90.0
    max_rpm: float | None = None
    min_rpm: float | None = None
    spindle_power_kw: float | None = None
    max_feed_mm_min: float | None = None
    # Kienzle exponent; with it, kc_n_mm2 is kc1.1 and kc follows the chip thickness.
    kienzle_mc: float | None = None
    # Provenance of the inputs ("catalog: Aluminium 6061-T6", "--vc"): name -> text.
    sources: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CutResult:
    rpm: float
    feed_mm_min: float
    fz_programmed_mm: float
    mrr_cm3_min: float
    power_kw: float
    torque_nm: float
    vc_actual_m_min: float
    effective_diameter_mm: float
    kc_n_mm2: float
    ae_mm: float
    ap_mm: float
    plunge_feed_mm_min: float
    sources: dict[str, str]
    warnings: list[Limit]

    @property
    def errors(self) -> list[Limit]:
        return [w for w in self.warnings if w.severity == "error"]

    def as_dict(self) -> dict[str, Any]:
        return {
            "rpm": round(self.rpm),
            "feed_mm_min": round(self.feed_mm_min, 1),
            "plunge_feed_mm_min": round(self.plunge_feed_mm_min, 1),
            "fz_programmed_mm": round(self.fz_programmed_mm, 4),
            "mrr_cm3_min": round(self.mrr_cm3_min, 3),
            "power_kw": round(self.power_kw, 3),
            "torque_nm": round(self.torque_nm, 3),
            "vc_actual_m_min": round(self.vc_actual_m_min, 1),
            "effective_diameter_mm": round(self.effective_diameter_mm, 3),
            "kc_n_mm2": round(self.kc_n_mm2, 1),
            "ae_mm": self.ae_mm,
            "ap_mm": self.ap_mm,
            "sources": dict(self.sources),
            "warnings": [
                {
                    "code": w.code,
                    "severity": w.severity,
                    "message": w.message,
                    "limit": w.limit,
                    "value": w.value,
                    "excess_percent": w.excess_percent,
                }
                for w in self.warnings
            ],
        }


def spindle_speed(vc_m_min: float, diameter_mm: float) -> float:
    return 1000.0 * vc_m_min / (math.pi * diameter_mm)


def chip_thinning_fz(fz_mm: float, diameter_mm: float, ae_mm: float) -> float:
    """Feed per tooth to program so the thickest chip is ``fz`` at radial depth ``ae``."""
    if ae_mm >= diameter_mm / 2:
        return fz_mm
    return fz_mm * diameter_mm / (2.0 * math.sqrt(ae_mm * (diameter_mm - ae_mm)))


def ball_effective_diameter(diameter_mm: float, ap_mm: float) -> float:
    """Cutting diameter of a ball nose at axial depth ``ap`` (the full D from ap ≥ D/2)."""
    if ap_mm >= diameter_mm / 2:
        return diameter_mm
    return 2.0 * math.sqrt(ap_mm * (diameter_mm - ap_mm))


def bull_effective_diameter(diameter_mm: float, corner_radius_mm: float, ap_mm: float) -> float:
    """Cutting diameter of a bull nose whose cut stays inside the corner radius."""
    r = corner_radius_mm
    if r <= 0 or ap_mm >= r:
        return diameter_mm
    return diameter_mm - 2.0 * r + 2.0 * math.sqrt(ap_mm * (2.0 * r - ap_mm))


def mean_chip_thickness(fz_mm: float, diameter_mm: float, ae_mm: float, lead_deg=90.0) -> float:
    """Sandvik's hm = sin κr·180·ae·fz / (π·D·arcsin(ae/D)) with the angle in degrees."""
    ratio = min(ae_mm / diameter_mm, 1.0)
    arc_deg = math.degrees(math.asin(ratio))
    if arc_deg == 0:
        return 0.0
    return (
        math.sin(math.radians(lead_deg)) * 180.0 * ae_mm * fz_mm / (math.pi * diameter_mm * arc_deg)
    )


def kienzle_kc(kc1_n_mm2: float, mc: float, chip_mm: float) -> float:
    return kc1_n_mm2 * max(chip_mm, MIN_CHIP_THICKNESS_MM) ** (-mc)


def milling_power_kw(ae_mm: float, ap_mm: float, vf_mm_min: float, kc_n_mm2: float) -> float:
    return ae_mm * ap_mm * vf_mm_min * kc_n_mm2 / 60e6


def torque_nm(power_kw: float, rpm: float) -> float:
    return power_kw * 30e3 / (math.pi * rpm) if rpm else 0.0


def _num(value: float) -> str:
    """A number as a person writes it down: a few decimals, no trailing zeros, the
    reader's decimal mark (``0,052`` in Turkish)."""
    text = f"{value:.4f}" if abs(value) < 1 else f"{value:.3f}"
    text = text.rstrip("0").rstrip(".")
    if text in ("", "-0"):
        return "0"
    return text if "n" in text else i18n.number(float(text), 4)


def _fixed(value: float, decimals: int) -> str:
    """``value`` with exactly ``decimals`` decimals (``0,80``), rounded as ``{:.2f}`` does."""
    return localefmt.number(float(f"{value:.{decimals}f}"), decimals, grouping=False)


def compute(inputs: CutInputs) -> CutResult:
    """Cutting data for one tool in one material at one engagement."""
    i = inputs
    _require_positive(
        vc=i.vc_m_min, fz=i.fz_mm, diameter=i.diameter_mm, flutes=i.flutes, kc=i.kc_n_mm2
    )
    if i.tool_type in DRILL_TYPES:
        return _drilling(i)
    d = i.diameter_mm
    ae = i.ae_mm if i.ae_mm is not None else d
    ap = i.ap_mm if i.ap_mm is not None else min(d, i.flute_length_mm or d)
    _require_positive(ae=ae, ap=ap)
    sources = dict(i.sources)
    warnings: list[Limit] = []
    if i.ae_mm is None:
        sources["ae"] = translate("Feeds", "full slot: ae = D = {d} mm").format(d=_num(d))
    if i.ap_mm is None:
        sources["ap"] = translate("Feeds", "one diameter or the flute length: ap = {ap} mm").format(
            ap=_num(ap)
        )
    if ae > d:
        raise FeedsError(
            translate("Feeds", "ae {ae} mm is wider than the tool (Ø{d} mm)").format(
                ae=_num(ae), d=_num(d)
            )
        )

    d_eff = d
    if i.tool_type == "ball_endmill" and ap < d / 2:
        d_eff = ball_effective_diameter(d, ap)
        sources["effective_diameter"] = translate(
            "Feeds", "ball nose, ap < D/2: 2·√(ap·(D−ap)) = 2·√({ap}·({d}−{ap})) = {d_eff} mm"
        ).format(ap=_num(ap), d=_num(d), d_eff=_num(d_eff))
    elif i.corner_radius_mm and ap < i.corner_radius_mm:
        d_eff = bull_effective_diameter(d, i.corner_radius_mm, ap)
        sources["effective_diameter"] = translate(
            "Feeds", "corner radius {r} mm > ap: D − 2r + 2·√(ap·(2r−ap)) = {d_eff} mm"
        ).format(r=_num(i.corner_radius_mm), d_eff=_num(d_eff))
    else:
        sources["effective_diameter"] = translate("Feeds", "nominal diameter {d} mm").format(
            d=_num(d)
        )
    # Engagement beyond the effective diameter cannot happen; the arc is then a full slot.
    ae_eff = min(ae, d_eff)

    rpm, vc_actual = _clamp_speed(i, d_eff, sources, warnings)

    fz_prog = chip_thinning_fz(i.fz_mm, d_eff, ae_eff)
    if ae_eff < d_eff / 2:
        sources["fz_programmed"] = translate(
            "Feeds",
            "radial chip thinning, ae < D/2: fz·D/(2·√(ae·(D−ae))) = {fz}·"
            "{d}/(2·√({ae}·{rest})) = {result} mm",
        ).format(
            fz=_num(i.fz_mm),
            d=_num(d_eff),
            ae=_num(ae_eff),
            rest=_num(d_eff - ae_eff),
            result=_num(fz_prog),
        )
    else:
        sources["fz_programmed"] = translate(
            "Feeds", "ae ≥ D/2, no chip thinning: fz = {fz} mm"
        ).format(fz=_num(i.fz_mm))
    if i.lead_angle_deg < 90:
        fz_prog /= math.sin(math.radians(i.lead_angle_deg))
        sources["fz_programmed"] += translate(
            "Feeds", "; lead angle {angle}°: ÷ sin κr → {fz} mm"
        ).format(angle=_num(i.lead_angle_deg), fz=_num(fz_prog))

    vf = fz_prog * i.flutes * rpm
    sources["feed"] = translate("Feeds", "fz'·z·n = {fz}·{z}·{n} = {feed} mm/min").format(
        fz=_num(fz_prog), z=i.flutes, n=round(rpm), feed=_num(round(vf, 1))
    )
    if i.max_feed_mm_min and vf > i.max_feed_mm_min:
        warnings.append(
            Limit(
                "feed_clamped",
                translate(
                    "Feeds",
                    "The feed {feed} mm/min is above the machine's {limit} mm/min;"
                    " cutting at {limit} mm/min gives a thinner chip"
                    " ({percent}% of the wanted chip load).",
                ).format(
                    feed=f"{vf:.0f}",
                    limit=f"{i.max_feed_mm_min:.0f}",
                    percent=f"{i.max_feed_mm_min / vf * 100:.0f}",
                ),
                limit=i.max_feed_mm_min,
                value=vf,
            )
        )
        sources["feed"] += translate("Feeds", ", clamped to the machine's maximum {limit}").format(
            limit=f"{i.max_feed_mm_min:.0f}"
        )
        fz_prog *= i.max_feed_mm_min / vf
        vf = i.max_feed_mm_min

    kc = _specific_force(i, fz_prog, d_eff, ae_eff, sources)
    mrr = ae_eff * ap * vf / 1000.0
    sources["mrr"] = f"ae·ap·vf/1000 = {_num(ae_eff)}·{_num(ap)}·{vf:.0f}/1000"  # a formula
    power = milling_power_kw(ae_eff, ap, vf, kc)
    sources["power"] = translate("Feeds", "ae·ap·vf·kc/(60·10⁶) with kc = {kc} N/mm²").format(
        kc=f"{kc:.0f}"
    )
    torque = torque_nm(power, rpm)
    sources["torque"] = "Pc·30·10³/(π·n)"

    _check_power(i, power, warnings, what="ap", current=ap)
    _check_depth(i, ap, warnings)
    if ae > d_eff:
        warnings.append(
            Limit(
                "ae_over_effective_diameter",
                translate(
                    "Feeds",
                    "ae {ae} mm is wider than the cutting diameter at this depth "
                    "({d_eff} mm); the cut is a slot of {d_eff} mm.",
                ).format(ae=_num(ae), d_eff=_num(d_eff)),
                limit=d_eff,
                value=ae,
            )
        )
    # Plunging and ramping: half the cutting feed is the common conservative start.
    plunge = vf / 2.0
    sources["plunge_feed"] = translate("Feeds", "half the cutting feed")
    return CutResult(
        rpm=rpm,
        feed_mm_min=vf,
        fz_programmed_mm=fz_prog,
        mrr_cm3_min=mrr,
        power_kw=power,
        torque_nm=torque,
        vc_actual_m_min=vc_actual,
        effective_diameter_mm=d_eff,
        kc_n_mm2=kc,
        ae_mm=ae,
        ap_mm=ap,
        plunge_feed_mm_min=plunge,
        sources=sources,
        warnings=warnings,
    )


def _drilling(i: CutInputs) -> CutResult:
    d = i.diameter_mm
    sources = dict(i.sources)
    warnings: list[Limit] = []
    sources["effective_diameter"] = translate("Feeds", "drill diameter {d} mm").format(d=_num(d))
    rpm, vc_actual = _clamp_speed(i, d, sources, warnings)
    # Each of the drill's lips takes fz, so the feed per revolution is z·fz.
    fn = i.fz_mm * i.flutes
    vf = fn * rpm
    sources["fz_programmed"] = translate(
        "Feeds", "feed per lip fz = {fz} mm (fn = z·fz = {fn})"
    ).format(fz=_num(i.fz_mm), fn=_num(fn))
    sources["feed"] = translate("Feeds", "fn·n = {fn}·{n} = {feed} mm/min").format(
        fn=_num(fn), n=round(rpm), feed=_num(round(vf, 1))
    )
    if i.max_feed_mm_min and vf > i.max_feed_mm_min:
        warnings.append(
            Limit(
                "feed_clamped",
                translate(
                    "Feeds", "The feed {feed} mm/min is above the machine's {limit} mm/min."
                ).format(feed=f"{vf:.0f}", limit=f"{i.max_feed_mm_min:.0f}"),
                limit=i.max_feed_mm_min,
                value=vf,
            )
        )
        vf = i.max_feed_mm_min
        fn = vf / rpm
    kc = i.kc_n_mm2
    if i.kienzle_mc is not None:
        # Sandvik: chip thickness at the lip hex = fn/2·sin κr, κr = half the point angle.
        hex_mm = fn / 2 * math.sin(math.radians(70))
        kc = kienzle_kc(i.kc_n_mm2, i.kienzle_mc, hex_mm)
        sources["kc"] = (  # a formula
            f"Kienzle kc1·h^−mc = {_num(i.kc_n_mm2)}·{_num(hex_mm)}^−{_num(i.kienzle_mc)}"
            f" = {kc:.0f} N/mm²"
        )
    power = fn * vc_actual * d * kc / 240_000.0
    sources["power"] = translate("Feeds", "fn·Vc·D·kc/240 000 with kc = {kc} N/mm²").format(
        kc=f"{kc:.0f}"
    )
    mrr = math.pi * d * d / 4.0 * vf / 1000.0
    sources["mrr"] = "π·D²/4·vf/1000"
    torque = torque_nm(power, rpm)
    sources["torque"] = "Pc·30·10³/(π·n)"
    _check_power(i, power, warnings, what="feed", current=vf)
    depth = i.ap_mm or 0.0
    _check_depth(i, depth, warnings)
    sources["plunge_feed"] = translate("Feeds", "drilling feed")
    return CutResult(
        rpm=rpm,
        feed_mm_min=vf,
        fz_programmed_mm=fn / i.flutes,
        mrr_cm3_min=mrr,
        power_kw=power,
        torque_nm=torque,
        vc_actual_m_min=vc_actual,
        effective_diameter_mm=d,
        kc_n_mm2=kc,
        ae_mm=d / 2,
        ap_mm=depth,
        plunge_feed_mm_min=vf,
        sources=sources,
        warnings=warnings,
    )


def _clamp_speed(
    i: CutInputs, d_eff: float, sources: dict[str, str], warnings: list[Limit]
) -> tuple[float, float]:
    wanted = spindle_speed(i.vc_m_min, d_eff)
    sources["rpm"] = translate("Feeds", "1000·Vc/(π·D) = 1000·{vc}/(π·{d}) = {rpm} rpm").format(
        vc=_num(i.vc_m_min), d=_num(d_eff), rpm=round(wanted)
    )
    rpm = wanted
    if i.max_rpm and wanted > i.max_rpm:
        rpm = float(i.max_rpm)
        warnings.append(
            Limit(
                "rpm_clamped",
                translate(
                    "Feeds",
                    "Vc {vc} m/min on Ø{d} mm needs {rpm} rpm,"
                    " {percent}% above the spindle's maximum of"
                    " {limit} rpm; the cut runs at {limit} rpm and the feed"
                    " follows, keeping the chip load.",
                ).format(
                    vc=_num(i.vc_m_min),
                    d=_num(d_eff),
                    rpm=f"{wanted:.0f}",
                    percent=f"{(wanted / i.max_rpm - 1) * 100:.0f}",
                    limit=f"{i.max_rpm:.0f}",
                ),
                limit=float(i.max_rpm),
                value=wanted,
            )
        )
        sources["rpm"] += translate(
            "Feeds", ", clamped to the spindle's maximum {limit} rpm"
        ).format(limit=f"{i.max_rpm:.0f}")
    if i.min_rpm and wanted < i.min_rpm:
        warnings.append(
            Limit(
                "rpm_below_spindle_min",
                translate(
                    "Feeds",
                    "Vc {vc} m/min on Ø{d} mm needs {rpm} rpm, but the"
                    " spindle cannot turn slower than {limit} rpm; at that speed the cutting"
                    " speed would be {vc_min} m/min"
                    " ({percent}% of what the material allows).",
                ).format(
                    vc=_num(i.vc_m_min),
                    d=_num(d_eff),
                    rpm=f"{wanted:.0f}",
                    limit=f"{i.min_rpm:.0f}",
                    vc_min=f"{spindle_vc(i.min_rpm, d_eff):.0f}",
                    percent=f"{i.min_rpm / wanted * 100:.0f}",
                ),
                severity="error",
                limit=float(i.min_rpm),
                value=wanted,
            )
        )
    vc_actual = spindle_vc(rpm, d_eff)
    sources["vc_actual"] = translate("Feeds", "π·D·n/1000 at {rpm} rpm = {vc} m/min").format(
        rpm=f"{rpm:.0f}", vc=_fixed(vc_actual, 1)
    )
    return rpm, vc_actual


def spindle_vc(rpm: float, diameter_mm: float) -> float:
    return math.pi * diameter_mm * rpm / 1000.0


def _specific_force(
    i: CutInputs, fz_prog: float, d: float, ae: float, sources: dict[str, str]
) -> float:
    if i.kienzle_mc is None:
        sources.setdefault(
            "kc", translate("Feeds", "given: {kc} N/mm²").format(kc=_num(i.kc_n_mm2))
        )
        return i.kc_n_mm2
    hm = mean_chip_thickness(fz_prog, d, ae, i.lead_angle_deg)
    kc = kienzle_kc(i.kc_n_mm2, i.kienzle_mc, hm)
    sources["kc"] = translate(
        "Feeds",
        "Kienzle kc1·hm^−mc = {kc1}·{hm}^−{mc} = {kc} N/mm² (mean chip hm from Sandvik's formula)",
    ).format(kc1=_num(i.kc_n_mm2), hm=_num(hm), mc=_num(i.kienzle_mc), kc=f"{kc:.0f}")
    return kc


def _check_power(
    i: CutInputs, power: float, warnings: list[Limit], what: str, current: float
) -> None:
    """``what`` is "ap" (mm) or "feed" (mm/min): the one to reduce."""
    if not i.spindle_power_kw:
        return
    available = i.spindle_power_kw * SPINDLE_EFFICIENCY
    if power <= available:
        return
    scale = available / power
    warnings.append(
        Limit(
            "power_exceeded",
            translate(
                "Feeds",
                "The cut needs {power} kW at the tool; the spindle gives about {available} kW"
                " ({rated} kW × {efficiency} efficiency), {percent}% over.",
            ).format(
                power=_fixed(power, 2),
                available=_fixed(available, 2),
                rated=_num(i.spindle_power_kw),
                efficiency=_num(SPINDLE_EFFICIENCY),
                percent=f"{(power / available - 1) * 100:.0f}",
            )
            + " "
            + (
                translate("Feeds", "Reduce ap to {value} mm or less.")
                if what == "ap"
                else translate("Feeds", "Reduce the feed to {value} mm/min or less.")
            ).format(value=_num(round(current * scale, 2 if what == "ap" else 0))),
            limit=available,
            value=power,
        )
    )


def _check_depth(i: CutInputs, depth: float, warnings: list[Limit]) -> None:
    if i.flute_length_mm and depth > i.flute_length_mm:
        warnings.append(
            Limit(
                "flute_length_exceeded",
                translate(
                    "Feeds",
                    "The depth {depth} mm is {excess} mm longer than"
                    " the tool's flutes ({flutes} mm); the shank would rub.",
                ).format(
                    depth=_num(depth),
                    excess=_num(depth - i.flute_length_mm),
                    flutes=_num(i.flute_length_mm),
                ),
                limit=i.flute_length_mm,
                value=depth,
            )
        )
    elif i.max_depth_of_cut_mm and depth > i.max_depth_of_cut_mm and i.tool_type not in DRILL_TYPES:
        warnings.append(
            Limit(
                "depth_over_recommended",
                translate(
                    "Feeds",
                    "ap {depth} mm is above the tool's recommended {limit} mm per pass"
                    " (+{excess} mm).",
                ).format(
                    depth=_num(depth),
                    limit=_num(i.max_depth_of_cut_mm),
                    excess=_num(depth - i.max_depth_of_cut_mm),
                ),
                limit=i.max_depth_of_cut_mm,
                value=depth,
            )
        )


def _require_positive(**values: float | None) -> None:
    for name, value in values.items():
        if value is None or not math.isfinite(value) or value <= 0:
            raise FeedsError(
                translate("Feeds", "{name} must be a positive number, got {value}").format(
                    name=name, value=repr(value)
                )
            )


# --- From catalog rows -----------------------------------------------------------------


def feed_per_tooth_for(material: Mapping[str, Any], diameter_mm: float) -> tuple[float, str]:
    """The material's feed per tooth for a tool of this diameter, and where it came from.

    The catalog gives fz at a few diameters (``properties.fz_by_diameter``); between them
    it is interpolated, below the smallest it shrinks in proportion to D (chip load scales
    with the tool), above the largest it stays at the largest value.
    """
    name = material.get("name", translate("Feeds", "material"))
    table = (material.get("properties") or {}).get("fz_by_diameter") or {}
    points = sorted((float(k), float(v)) for k, v in table.items())
    if not points:
        base = material.get("feed_rate_mm_tooth")
        if base in (None, 0):
            raise FeedsError(
                translate("Feeds", "{name} has no feed per tooth in the catalog").format(name=name)
            )
        return float(base), translate(
            "Feeds", "catalog: {name} feed_rate_mm_tooth (Ø10 mm reference)"
        ).format(name=name)
    diameters = [p[0] for p in points]
    if diameter_mm <= diameters[0]:
        fz = points[0][1] * diameter_mm / diameters[0]
        how = translate("Feeds", "scaled from Ø{d} mm ({fz} mm) by D").format(
            d=_num(diameters[0]), fz=_num(points[0][1])
        )
    elif diameter_mm >= diameters[-1]:
        fz = points[-1][1]
        how = translate("Feeds", "Ø{d} mm value").format(d=_num(diameters[-1]))
    else:
        k = bisect.bisect_left(diameters, diameter_mm)
        (d0, f0), (d1, f1) = points[k - 1], points[k]
        fz = f0 + (f1 - f0) * (diameter_mm - d0) / (d1 - d0)
        how = translate("Feeds", "interpolated between Ø{d0} and Ø{d1} mm").format(
            d0=_num(d0), d1=_num(d1)
        )
    return fz, translate("Feeds", "catalog: {name} fz_by_diameter, {how} = {fz} mm").format(
        name=name, how=how, fz=_num(fz)
    )


def inputs_from_catalog(
    material: Mapping[str, Any],
    tool: Mapping[str, Any],
    machine: Mapping[str, Any] | None = None,
    ae_mm: float | None = None,
    ap_mm: float | None = None,
) -> CutInputs:
    """:class:`CutInputs` from catalog rows given as mappings (column name -> value)."""
    m_name = material.get("name", translate("Feeds", "material"))
    t_name = tool.get("name", translate("Feeds", "tool"))
    props = material.get("properties") or {}
    specs = tool.get("specifications") or {}
    tool_type = tool.get("type") or "flat_endmill"
    sources: dict[str, str] = {}
    diameter = _float(tool.get("diameter_mm"))
    if not diameter:
        raise FeedsError(
            translate("Feeds", "{name} has no diameter in the catalog").format(name=t_name)
        )
    flutes = int(tool.get("flute_count") or 0)
    if not flutes:
        raise FeedsError(
            translate("Feeds", "{name} has no flute count in the catalog").format(name=t_name)
        )

    hss = "hss" in (tool.get("material") or "").lower()  # "HSS", "HSS-Co", "HSS-E"
    if hss and props.get("vc_hss_m_min"):
        vc = float(props["vc_hss_m_min"])
        sources["vc"] = translate(
            "Feeds", "catalog: {name} vc_hss_m_min (HSS tool) = {vc} m/min"
        ).format(name=m_name, vc=_num(vc))
    else:
        vc = _float(material.get("cutting_speed_m_min"))
        if not vc:
            raise FeedsError(
                translate("Feeds", "{name} has no cutting speed in the catalog").format(name=m_name)
            )
        sources["vc"] = translate(
            "Feeds", "catalog: {name} cutting_speed_m_min = {vc} m/min"
        ).format(name=m_name, vc=_num(vc))
    if tool_type in DRILL_TYPES and not hss:
        vc *= DRILL_SPEED_FACTOR
        sources["vc"] += translate("Feeds", " × {factor} for solid carbide drilling = {vc}").format(
            factor=_num(DRILL_SPEED_FACTOR), vc=_num(vc)
        )
    fz, sources["fz"] = feed_per_tooth_for(material, diameter)
    if tool_type in DRILL_TYPES:
        # Drill feed per lip in the tables runs at about half the end-mill chip load.
        fz *= 0.5
        sources["fz"] += translate("Feeds", "; × {factor} per drill lip = {fz} mm").format(
            factor=_num(0.5), fz=_num(fz)
        )

    kc1 = _float(props.get("kc1_n_mm2"))
    if not kc1:
        raise FeedsError(
            translate("Feeds", "{name} has no specific cutting force (kc1) in the catalog").format(
                name=m_name
            )
        )
    mc = _float(props.get("mc"))
    sources["kc1"] = translate("Feeds", "catalog: {name} kc1 = {kc1} N/mm², mc = {mc}").format(
        name=m_name, kc1=_num(kc1), mc=_num(mc or 0)
    )

    machine = machine or {}
    mspecs = machine.get("specifications") or {}
    return CutInputs(
        vc_m_min=vc,
        fz_mm=fz,
        diameter_mm=diameter,
        flutes=flutes,
        kc_n_mm2=kc1,
        kienzle_mc=mc,
        ae_mm=ae_mm,
        ap_mm=ap_mm,
        tool_type=tool_type,
        corner_radius_mm=_float(tool.get("corner_radius_mm")) or 0.0,
        flute_length_mm=_float(tool.get("flute_length_mm")),
        max_depth_of_cut_mm=_float(tool.get("max_depth_of_cut_mm")),
        lead_angle_deg=_float(specs.get("lead_angle_deg")) or 90.0,
        max_rpm=_float(machine.get("spindle_max_rpm")),
        min_rpm=_float(mspecs.get("spindle_min_rpm")),
        spindle_power_kw=_float(machine.get("spindle_power_kw")),
        max_feed_mm_min=_float(mspecs.get("max_feed_mm_min")),
        sources=sources,
    )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)
