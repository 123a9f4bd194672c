"""Text as Turkish users search, sort and write it.

:func:`fold` is the Python twin of the database's ``cnc_fold`` (migration 0003): lower
case with Turkish rules (İ and I both become i, so "İSTANBUL", "istanbul" and "Istanbul"
meet) and the Turkish letters without their marks, so "sasi" finds "şaşı" and "celik"
finds "Çelik".

:func:`lower` and :func:`upper` change case by the language's rules (Turkish: I ↔ ı and
İ ↔ i, so ``lower("ILIK") == "ılık"`` and ``lower("İSTANBUL") == "istanbul"``, where
Python's own ``str.lower`` gives "ilik" and "i̇stanbul"). :func:`sort_key` orders names
the way a Turkish reader expects: a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y
z, case ignored first (q, w and x, absent from the Turkish alphabet, sit where Turkish
dictionaries put them).
"""

from __future__ import annotations

import unicodedata

_UPPER = str.maketrans("İIÇĞÖŞÜÂÎÛ", "iiçğöşüâîû")
_MARKS = str.maketrans("çğıöşüâîû", "cgiosuaiu")
_TR_LOWER = str.maketrans("İI", "iı")
_TR_UPPER = str.maketrans("iı", "İI")
TURKISH_ALPHABET = "abcçdefgğhıijklmnoöpqrsştuüvwxyz"
_RANK = {letter: rank for rank, letter in enumerate(TURKISH_ALPHABET)}
# Circumflexed vowels sort with their plain letters (hâlâ, kâğıt).
_RANK.update({"â": _RANK["a"], "î": _RANK["i"], "û": _RANK["u"]})


def fold(text: str) -> str:
    return text.translate(_UPPER).lower().translate(_MARKS)


def like_contains(text: str) -> str:
    """A LIKE pattern matching the folded ``text`` anywhere (% _ and \\ escaped)."""
    escaped = fold(text.strip()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matches(needle: str, haystack: str) -> bool:
    """``needle`` occurs in ``haystack`` the way a Turkish user types it (case and the
    marks of ç ğ ı ö ş ü ignored): the pickers' filter, like the browser's search."""
    return fold(needle.strip()) in fold(haystack)


def lower(text: str, language: str = "tr") -> str:
    """Lower case by the language's rules: Turkish I → ı and İ → i."""
    if language == "tr":
        text = text.translate(_TR_LOWER)
    return text.lower()


def upper(text: str, language: str = "tr") -> str:
    """Upper case by the language's rules: Turkish i → İ and ı → I."""
    if language == "tr":
        text = text.translate(_TR_UPPER)
    return text.upper()


def _english_base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0].casefold()


def sort_key(text: str, language: str = "tr") -> tuple:
    """A key for ``sorted``: alphabetical by the language's alphabet, case and marks
    deciding only between otherwise equal names; numbers and punctuation first."""
    primary: list[tuple[int, int]] = []
    if language == "tr":
        for char in lower(text, "tr"):
            rank = _RANK.get(char)
            if rank is not None:
                primary.append((1, rank))
            elif char.isalpha():
                primary.append((2, ord(_english_base(char))))
            else:
                primary.append((0, ord(char)))
    else:
        for char in text:
            base = _english_base(char)
            primary.append((1, ord(base)) if base.isalpha() else (0, ord(base)))
    # Then lower case before upper case, then the text itself for a total order.
    return (primary, [char.isupper() for char in text], text)
