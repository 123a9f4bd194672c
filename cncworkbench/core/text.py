"""Text as Turkish users search it.

:func:`fold` is the Python twin of the database's ``cnc_fold`` (migration 0003): lower
case with Turkish rules (İ and I both become i, so "İSTANBUL", "istanbul" and "Istanbul"
meet) and the Turkish letters without their marks, so "sasi" finds "şaşı" and "celik"
finds "Çelik".
"""

from __future__ import annotations

_UPPER = str.maketrans("İIÇĞÖŞÜÂÎÛ", "iiçğöşüâîû")
_MARKS = str.maketrans("çğıöşüâîû", "cgiosuaiu")


def fold(text: str) -> str:
    return text.translate(_UPPER).lower().translate(_MARKS)


def like_contains(text: str) -> str:
    """A LIKE pattern matching the folded ``text`` anywhere (% _ and \\ escaped)."""
    escaped = fold(text.strip()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
