"""Feeds and speeds: every formula against values worked out by hand.

The hand calculations are written next to each assertion so a reader can redo them
with a pocket calculator.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import subprocess
import sys

import pytest

from cncworkbench.core import feeds
from cncworkbench.core.feeds import CutInputs, FeedsError, compute

# Ø10 mm 4-flute end mill at Vc 200 m/min, fz 0.05 mm, kc 2000 N/mm², ae 2, ap 10.
BASE = CutInputs(
    vc_m_min=200, fz_mm=0.05, diameter_mm=10, flutes=4, kc_n_mm2=2000, ae_mm=2, ap_mm=10
)


def test_side_milling_by_hand():
    r = compute(BASE)
    # n = 1000·200/(π·10) = 6366.20 rpm
    assert r.rpm == pytest.approx(6366.20, abs=0.01)
    # ae 2 < D/2: fz' = 0.05·10/(2·√(2·8)) = 0.5/8 = 0.0625 mm
    assert r.fz_programmed_mm == pytest.approx(0.0625)
    # vf = 0.0625·4·6366.20 = 1591.55 mm/min
    assert r.feed_mm_min == pytest.approx(1591.55, abs=0.01)
    # Q = 2·10·1591.55/1000 = 31.831 cm³/min
    assert r.mrr_cm3_min == pytest.approx(31.831, abs=0.001)
    # Pc = 2·10·1591.55·2000/(60·10⁶) = 1.0610 kW
    assert r.power_kw == pytest.approx(1.0610, abs=0.0001)
    # Mc = 1.0610·30000/(π·6366.20) = 1.5915 N·m
    assert r.torque_nm == pytest.approx(1.5915, abs=0.0001)
    assert r.warnings == []
    assert "1000·200/(π·10) = 6366 rpm" in r.sources["rpm"]
    assert "radial chip thinning" in r.sources["fz_programmed"]


def test_no_chip_thinning_from_half_the_diameter():
    r = compute(dataclasses.replace(BASE, ae_mm=5))
    assert r.fz_programmed_mm == 0.05
    # vf = 0.05·4·6366.20 = 1273.24
    assert r.feed_mm_min == pytest.approx(1273.24, abs=0.01)
    assert "no chip thinning" in r.sources["fz_programmed"]


def test_rpm_clamped_to_the_spindle_and_feed_follows():
    r = compute(dataclasses.replace(BASE, max_rpm=5000))
    assert r.rpm == 5000
    # chip load kept: vf = 0.0625·4·5000 = 1250; Pc = 2·10·1250·2000/6e7 = 0.8333
    assert r.feed_mm_min == pytest.approx(1250)
    assert r.fz_programmed_mm == pytest.approx(0.0625)
    assert r.power_kw == pytest.approx(0.83333, abs=1e-5)
    # actual Vc = π·10·5000/1000 = 157.08 m/min
    assert r.vc_actual_m_min == pytest.approx(157.08, abs=0.01)
    (warning,) = r.warnings
    assert warning.code == "rpm_clamped" and warning.severity == "warning"
    assert "needs 6366 rpm, 27% above the spindle's maximum of 5000 rpm" in warning.message
    assert warning.excess_percent == pytest.approx(27.3, abs=0.1)


def test_spindle_too_fast_for_the_material_is_an_error():
    # a router that cannot go below 10000 rpm, and a steel that wants 6366
    r = compute(dataclasses.replace(BASE, min_rpm=10000))
    (error,) = r.errors
    assert error.code == "rpm_below_spindle_min"
    assert "needs 6366 rpm, but the spindle cannot turn slower than 10000 rpm" in error.message
    # at 10000 rpm: Vc = π·10·10000/1000 = 314 m/min, 157% of 200
    assert "314 m/min (157% of what the material allows)" in error.message


def test_ball_nose_effective_diameter():
    # D 10, ap 1: Deff = 2·√(1·9) = 6; n = 1000·200/(π·6) = 10610.33
    r = compute(dataclasses.replace(BASE, tool_type="ball_endmill", ap_mm=1, ae_mm=5))
    assert r.effective_diameter_mm == pytest.approx(6.0)
    assert r.rpm == pytest.approx(10610.33, abs=0.01)
    # ae 5 ≥ Deff/2 = 3: no thinning; vf = 0.05·4·10610.33 = 2122.07
    assert r.feed_mm_min == pytest.approx(2122.07, abs=0.01)
    assert "2·√(ap·(D−ap))" in r.sources["effective_diameter"]
    # from ap = D/2 on the full diameter cuts
    assert feeds.ball_effective_diameter(10, 5) == 10
    assert feeds.ball_effective_diameter(10, 0.5) == pytest.approx(2 * math.sqrt(4.75))


def test_bull_nose_inside_the_corner_radius():
    # D 10, r 1, ap 0.5: Deff = 10 − 2 + 2·√(0.5·1.5) = 9.7321
    r = compute(dataclasses.replace(BASE, corner_radius_mm=1.0, ap_mm=0.5, ae_mm=5))
    assert r.effective_diameter_mm == pytest.approx(9.7321, abs=1e-4)
    assert feeds.bull_effective_diameter(10, 1.0, 2.0) == 10


def test_power_over_the_spindle_says_by_how_much_and_what_to_do():
    # needs 1.0610 kW; a 1 kW spindle at 0.8 efficiency gives 0.8 kW: 33% over;
    # ap = 10·0.8/1.0610 = 7.54 mm fits
    r = compute(dataclasses.replace(BASE, spindle_power_kw=1.0))
    (warning,) = r.warnings
    assert warning.code == "power_exceeded"
    assert "needs 1.06 kW" in warning.message and "0.80 kW" in warning.message
    assert "33% over" in warning.message
    assert "Reduce ap to 7.54 mm or less" in warning.message
    assert warning.limit == pytest.approx(0.8)


def test_flute_length_and_recommended_depth():
    r = compute(dataclasses.replace(BASE, flute_length_mm=8))
    (warning,) = r.warnings
    assert warning.code == "flute_length_exceeded"
    assert "2 mm longer than the tool's flutes (8 mm)" in warning.message
    r = compute(dataclasses.replace(BASE, flute_length_mm=22, max_depth_of_cut_mm=6))
    assert [w.code for w in r.warnings] == ["depth_over_recommended"]
    assert "(+4 mm)" in r.warnings[0].message


def test_machine_feed_limit_thins_the_chip():
    r = compute(dataclasses.replace(BASE, max_feed_mm_min=1000))
    assert r.feed_mm_min == 1000
    # 1000/1591.55 of 0.0625 = 0.03927 mm
    assert r.fz_programmed_mm == pytest.approx(0.03927, abs=1e-5)
    assert r.warnings[0].code == "feed_clamped"


def test_lead_angle_thickens_the_programmed_feed():
    # 45° face mill, ae ≥ D/2: fz' = 0.05/sin 45° = 0.070711
    r = compute(dataclasses.replace(BASE, lead_angle_deg=45, ae_mm=8))
    assert r.fz_programmed_mm == pytest.approx(0.070711, abs=1e-6)


def test_kienzle_specific_force():
    # slot (ae = D): hm = 180·D·fz/(π·D·90) = 2·fz/π = 0.063662 for fz 0.1
    assert feeds.mean_chip_thickness(0.1, 10, 10) == pytest.approx(0.063662, abs=1e-6)
    # kc = 650·0.063662^−0.25 = 650/0.50231 = 1294.0
    assert feeds.kienzle_kc(650, 0.25, 0.063662) == pytest.approx(1294.0, abs=0.5)
    inputs = dataclasses.replace(BASE, kc_n_mm2=650, kienzle_mc=0.25, fz_mm=0.1, ae_mm=10)
    r = compute(inputs)
    assert r.kc_n_mm2 == pytest.approx(1294.0, abs=0.5)
    assert "Kienzle" in r.sources["kc"]


def test_drilling_by_hand():
    inputs = dataclasses.replace(
        BASE, tool_type="drill", flutes=2, fz_mm=0.1, vc_m_min=100, ap_mm=25
    )
    r = compute(inputs)
    # n = 1000·100/(π·10) = 3183.10; fn = 2·0.1 = 0.2; vf = 636.62
    assert r.rpm == pytest.approx(3183.10, abs=0.01)
    assert r.feed_mm_min == pytest.approx(636.62, abs=0.01)
    # Pc = fn·Vc·D·kc/240000 = 0.2·100·10·2000/240000 = 1.6667 kW
    assert r.power_kw == pytest.approx(1.66667, abs=1e-5)
    # Q = π·10²/4·636.62/1000 = 50.0 cm³/min
    assert r.mrr_cm3_min == pytest.approx(50.0, abs=0.01)


def test_feed_per_tooth_from_the_catalog_table():
    material = {
        "name": "Al",
        "properties": {"fz_by_diameter": {"3": 0.028, "6": 0.052, "10": 0.08, "16": 0.112}},
    }
    fz, source = feeds.feed_per_tooth_for(material, 8)
    assert fz == pytest.approx(0.066)  # halfway between 0.052 and 0.08
    assert "interpolated between Ø6 and Ø10 mm" in source
    assert feeds.feed_per_tooth_for(material, 1.5)[0] == pytest.approx(0.014)  # 0.028·1.5/3
    assert feeds.feed_per_tooth_for(material, 20)[0] == 0.112


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ae_mm": 12}, "ae 12 mm is wider than the tool (Ø10 mm)"),
        ({"vc_m_min": 0}, "vc must be a positive number"),
        ({"diameter_mm": float("nan")}, "diameter must be a positive number"),
        ({"ap_mm": -1}, "ap must be a positive number"),
    ],
)
def test_impossible_inputs_are_named(change, message):
    with pytest.raises(FeedsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        compute(dataclasses.replace(BASE, **change))


def test_a_material_without_cutting_data_is_named():
    tool = {"name": "T", "type": "flat_endmill", "diameter_mm": 6, "flute_count": 3}
    with pytest.raises(FeedsError, match="Unobtainium has no cutting speed"):
        feeds.inputs_from_catalog({"name": "Unobtainium", "properties": {}}, tool)
    no_kc = {"name": "Unobtainium", "cutting_speed_m_min": 100, "feed_rate_mm_tooth": 0.05}
    with pytest.raises(FeedsError, match="no specific cutting force"):
        feeds.inputs_from_catalog(no_kc, tool)


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "cncworkbench.cli", "feeds", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=os.environ,
    )


def test_cli_raw_numbers_as_json():
    result = run_cli(
        *[
            "--vc",
            "200",
            "--fz",
            "0.05",
            "--diameter",
            "10",
            "--flutes",
            "4",
            "--kc",
            "2000",
            "--ae",
            "2",
            "--ap",
            "10",
            "--max-rpm",
            "5000",
            "--json",
        ]
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["rpm"] == 5000
    assert data["feed_mm_min"] == 1250.0
    assert data["fz_programmed_mm"] == 0.0625
    assert data["mrr_cm3_min"] == 25.0
    assert data["power_kw"] == pytest.approx(0.833, abs=0.001)
    assert data["warnings"][0]["code"] == "rpm_clamped"


def test_cli_missing_numbers_are_named():
    result = run_cli("--vc", "200", "--diameter", "10", "--flutes", "4")
    assert result.returncode == 2
    assert "missing --fz, --kc" in result.stderr


def test_cli_from_catalog_names(owner_context):
    from cncworkbench.services.machining import catalog

    with owner_context.db.session() as session:
        catalog.seed(session)
    env = dict(os.environ)  # owner_context points CNC_DATABASE_URL at the test database
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cncworkbench.cli",
            "feeds",
            "--material",
            "6061",
            "--tool",
            "6 mm 3F",
            "--machine",
            "VF-2",
            "--ae",
            "2",
            "--ap",
            "6",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # 6061: Vc 500 → 26526 rpm, clamped to the VF-2's 8100; fz(Ø6) = 0.052 thinned at
    # ae 2: 0.052·6/(2·√8) = 0.05515; vf = 0.05515·3·8100 = 1340.3
    assert data["rpm"] == 8100
    assert data["feed_mm_min"] == pytest.approx(1340.3, abs=0.1)
    assert "Aluminium 6061-T6" in data["sources"]["vc"]
    assert "Kienzle" in data["sources"]["kc"]
    assert [w["code"] for w in data["warnings"]] == ["rpm_clamped"]
