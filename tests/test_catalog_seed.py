"""The reference catalog: realistic, sourced, idempotent, and usable by FreeCAD's CAM."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path

import pytest
import sqlalchemy as sa

from cncworkbench.db.models import Machine, Material, Tool
from cncworkbench.services.machining import catalog

# FreeCAD 0.20's post-processors (PathScripts/post/<name>_post.py).
FREECAD_020_POSTS = {
    "KineticNCBeamicon2",
    "centroid",
    "comparams",
    "dxf",
    "dynapath",
    "fablin",
    "fanuc",
    "grbl",
    "heidenhain",
    "jtech",
    "linuxcnc",
    "mach3_mach4",
    "marlin",
    "nccad",
    "opensbp",
    "philips",
    "rml",
    "rrf",
    "smoothie",
    "uccnc",
}
FREECAD_POST_DIR = Path("/usr/share/freecad/Mod/Path/PathScripts/post")


def test_seed_loads_a_realistic_catalog(db):
    with db.session() as session:
        report = catalog.seed(session)
    assert report.inserted["machines"] >= 8
    assert report.inserted["tools"] >= 30
    assert report.inserted["materials"] >= 15
    with db.session() as session:
        machines = session.scalars(sa.select(Machine)).all()
        tools = session.scalars(sa.select(Tool)).all()
        materials = session.scalars(sa.select(Material)).all()
    kinds = {m.specifications["kind"] for m in machines}
    assert "VMC" in kinds and any("router" in k for k in kinds)
    assert {m.post_processor for m in machines} >= {
        "linuxcnc",
        "grbl",
        "fanuc",
        "mach3_mach4",
        "centroid",
    }
    assert any(m.axes == 5 for m in machines)
    assert all(m.work_envelope_x_mm > 0 and m.spindle_max_rpm >= 1000 for m in machines)
    assert {t.type for t in tools} >= {
        "flat_endmill",
        "ball_endmill",
        "bull_endmill",
        "drill",
        "chamfer_mill",
        "face_mill",
    }
    for tool in tools:
        assert tool.diameter_mm > 0 and tool.flute_length_mm > 0, tool.name
        assert tool.overall_length_mm > tool.flute_length_mm, tool.name
        holder = tool.specifications["holder"]
        assert holder["diameter_mm"] > 0 and holder["length_mm"] > 0, tool.name
    categories = {m.category for m in materials}
    assert categories >= {
        "aluminium",
        "steel",
        "stainless",
        "titanium",
        "copper_alloy",
        "plastic",
        "wood_composite",
    }
    for material in materials:
        assert material.cutting_speed_m_min > 0 and material.feed_rate_mm_tooth > 0, material.name
        assert material.properties["kc1_n_mm2"] > 0, material.name


def test_every_machine_names_a_freecad_post_processor(db):
    with db.session() as session:
        catalog.seed(session)
        posts = set(session.scalars(sa.select(Machine.post_processor)))
    assert posts <= FREECAD_020_POSTS
    if FREECAD_POST_DIR.is_dir():  # and FreeCAD, where installed, really ships them
        shipped = {p.name.removesuffix("_post.py") for p in FREECAD_POST_DIR.glob("*_post.py")}
        assert posts <= shipped


def test_the_data_files_name_their_sources():
    for file_name in catalog.CATALOG_FILES:
        data = tomllib.loads((catalog.CATALOG_DIR / file_name).read_text())
        assert len(data["sources"]) >= 3, file_name
        key = catalog.CATALOG_FILES[file_name][0]
        assert all(entry.get("source") for entry in data[key]), file_name


def test_seeding_twice_changes_nothing(db):
    with db.session() as session:
        catalog.seed(session)
        before = catalog.catalog_counts(session)
    with db.session() as session:
        report = catalog.seed(session)
        after = catalog.catalog_counts(session)
    assert before == after
    assert sum(report.inserted.values()) == 0 and sum(report.updated.values()) == 0


def test_concurrent_seeders_do_not_duplicate(db):
    errors = []

    def seed_once():
        try:
            with db.session() as session:
                catalog.seed(session)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=seed_once) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with db.session() as session:
        names = session.scalars(sa.select(Tool.name)).all()
    assert len(names) == len(set(names))


def test_a_changed_catalog_updates_rows_in_place(db, tmp_path):
    for name in catalog.CATALOG_FILES:
        (tmp_path / name).write_text((catalog.CATALOG_DIR / name).read_text())
    with db.session() as session:
        catalog.seed(session, tmp_path)
    machines = tmp_path / "machines.toml"
    machines.write_text(
        machines.read_text().replace("hourly_rate = 1800.0", "hourly_rate = 1950.0", 1)
    )
    with db.session() as session:
        report = catalog.seed(session, tmp_path)
        rate = session.scalar(sa.select(Machine.hourly_rate).where(Machine.name == "Haas VF-2"))
    assert report.updated["machines"] == 1 and report.inserted["machines"] == 0
    assert rate == 1950


def test_a_broken_catalog_file_is_refused_without_a_partial_load(db, tmp_path):
    from cncworkbench.errors import ValidationError

    for name in catalog.CATALOG_FILES:
        (tmp_path / name).write_text((catalog.CATALOG_DIR / name).read_text())
    (tmp_path / "tools.toml").write_text("[[tool]\nname = ")
    with (
        pytest.raises(ValidationError, match=r"tools\.toml is not valid TOML"),
        db.session() as session,
    ):
        catalog.seed(session, tmp_path)
    with db.session() as session:
        assert catalog.catalog_counts(session) == {"machines": 0, "tools": 0, "materials": 0}
