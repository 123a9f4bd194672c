"""Messages made below the panels speak the reader's language.

The Qt-free catalogue (``cncworkbench.core.i18n``) reads the same ``.ts`` as the panels;
these tests hold the whole package to it: no error meant for a person is raised with a
bare English literal, and what a worker makes is in the language of the user it works for.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from cncworkbench.core import i18n, localefmt

PACKAGE = Path(__file__).resolve().parents[1] / "cncworkbench"
# Run inside FreeCAD's own Python, apart from the package: their words reach the user
# through the failure the adapter raises (translated there).
OUTSIDE = ("cam/scripts/",)
# Checks of the JSON our own services hand the PDF renderer: one failing is a bug, and is
# reported in English like a traceback would be.
INTERNAL = ("ui/reports/",)
# Exceptions whose message is printed for a person.
FOR_PEOPLE = {
    "UserError",
    "ValidationError",
    "PermissionDenied",
    "ConfigurationError",
    "DatabaseUnavailable",
    "ClickException",
    "UsageError",
    "BadParameter",
}


def modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(path.relative_to(PACKAGE)), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
        if not str(path.relative_to(PACKAGE)).startswith(OUTSIDE)
    ]


def checked_modules() -> list[tuple[str, ast.Module]]:
    return [(name, tree) for name, tree in modules() if not name.startswith(INTERNAL)]


def user_error_classes(trees) -> set[str]:
    """FOR_PEOPLE and every class of the package derived from one of them."""
    names = set(FOR_PEOPLE)
    classes = [
        (node.name, {getattr(b, "id", None) or getattr(b, "attr", None) for b in node.bases})
        for _, tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    ]
    grew = True
    while grew:
        grew = False
        for name, bases in classes:
            if name not in names and bases & names:
                names.add(name)
                grew = True
    return names


def english_literal(node: ast.AST) -> bool:
    """A literal sentence (or one glued to values) that no catalogue sees."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(english_literal(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return english_literal(node.left) or english_literal(node.right)
    return False


def test_errors_for_people_are_raised_through_the_catalogue():
    trees = modules()
    family = user_error_classes(trees)
    problems = []
    for relative, tree in checked_modules():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            call = node.exc
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            message = call.args[0] if call.args else None
            message = message or next((k.value for k in call.keywords if k.arg == "message"), None)
            if name in family and message is not None and english_literal(message):
                problems.append(f"{relative}:{node.lineno}: {name}")
    assert problems == [], (
        'raise these with translate("Context", "...").format(...):\n' + "\n".join(problems)
    )


def test_the_catalogue_answers_in_the_language_spoken_in_this_thread():
    assert i18n.translate("Panel", "Retry", language="tr") == "Yeniden dene"
    with localefmt.speaking("tr"):
        assert i18n.translate("Panel", "Retry") == "Yeniden dene"
        with localefmt.speaking("en"):
            assert i18n.translate("Panel", "Retry") == "Retry"
        assert i18n.number(1234.5) == "1234,5"
    with localefmt.speaking("en"):
        assert i18n.number(1234.5) == "1234.5"
    # a text the catalogue does not know is shown as written
    assert i18n.translate("Panel", "No such text {x}", language="tr") == "No such text {x}"


def test_a_kept_message_renders_in_each_readers_language():
    kept = i18n.Message(
        "Findings",
        "G0 rapid cuts {depth} mm of stock near {at}: make this move a G1 feed, or move "
        "above the stock first.",
        {"depth": 0.75, "at": "X1.000 Y2.000 Z-0.750"},
    )
    stored = i18n.Message.from_dict(kept.as_dict())
    assert stored == kept
    assert stored.text("en").startswith("G0 rapid cuts 0.75 mm of stock near X1.000 Y2.000")
    turkish = stored.text("tr")
    assert "0,75 mm" in turkish and "X1.000 Y2.000 Z-0.750" in turkish
    assert i18n.Message.from_dict({"text": "not a message"}) is None


def test_threads_speak_their_own_language():
    import threading

    seen = {}

    def job(name, language):
        with localefmt.speaking(language):
            seen[name] = i18n.translate("Panel", "Retry")

    threads = [threading.Thread(target=job, args=(n, n)) for n in ("tr", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"tr": "Yeniden dene", "en": "Retry"}


@pytest.mark.parametrize("language", ["tr", "en"])
def test_simulation_input_errors_name_the_problem_in_both_languages(language):
    from cncworkbench.core.gcode import interpret
    from cncworkbench.core.simulation import SimulationError, ToolShape, simulate

    program = interpret("G21 G90\nT1 M6\nS8000 M3\nG0 Z5\nM30\n")
    with localefmt.speaking(language), pytest.raises(SimulationError) as raised:
        simulate(program, (0, 0, -10), (60, 0, 0), {1: ToolShape(1, 6.0, 20.0)})
    expected = {
        "tr": "ham parçanın Y ekseninde boyutu yok: Y 0 ile 0 arası",
        "en": "the stock has no size in Y: Y from 0 to 0",
    }
    assert str(raised.value) == expected[language]
