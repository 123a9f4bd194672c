"""Reading one line of LinuxCNC G-code that uses parameters, expressions or O-words.

The line arrives without comments and spaces, in upper case (as LinuxCNC reads it).
:func:`parse_line` turns it into words with their values computed, the parameter
assignments of the line (all taking effect after the line is read, as in LinuxCNC), or
the O-word of a control line. Values follow LinuxCNC 2.9's ``read_real_value``:
a number, ``[expression]``, ``#parameter``, a unary function (``SIN[30]``,
``ATAN[1]/[2]``) or a sign before any of them. Binary operators, left to right within a
level, from the loosest: AND OR XOR; EQ NE GT GE LT LE; + -; * / MOD; **.
Trigonometry is in degrees. Everything a bad line can do is bounded by its length.
"""

from __future__ import annotations

import math

from cncworkbench.core.gcode.errors import GCodeError
from cncworkbench.core.i18n import translate

MAX_PARAMETER = 5601
# LinuxCNC's fuzz for EQ and NE (TOLERANCE_EQUAL)
_EQUAL_TOLERANCE = 0.0001
_MAX_NESTING = 100

_DIGITS = "0123456789"
_NUMBER_CHARS = frozenset("0123456789.")
_BINARY = (
    ("**", 6),
    ("*", 5),
    ("/", 5),
    ("MOD", 5),
    ("+", 4),
    ("-", 4),
    ("EQ", 3),
    ("NE", 3),
    ("GT", 3),
    ("GE", 3),
    ("LT", 3),
    ("LE", 3),
    ("AND", 2),
    ("OR", 2),
    ("XOR", 2),
)
_FUNCTIONS = (
    "ABS",
    "ACOS",
    "ASIN",
    "ATAN",
    "COS",
    "EXISTS",
    "EXP",
    "FIX",
    "FUP",
    "LN",
    "ROUND",
    "SIN",
    "SQRT",
    "TAN",
)
O_KEYWORDS = (
    "ENDSUB",
    "SUB",
    "CALL",
    "RETURN",
    "ELSEIF",
    "ELSE",
    "ENDIF",
    "IF",
    "ENDWHILE",
    "WHILE",
    "DO",
    "ENDREPEAT",
    "REPEAT",
    "BREAK",
    "CONTINUE",
)
# word letters: LinuxCNC's, plus @ (polar radius) and ^ (polar angle)
WORD_LETTERS = frozenset("ABCDEFGHIJKLMNPQRSTUVWXYZ@^")


class ParsedLine:
    """Words (letter, value), assignments (key, value) and an O-word, if any."""

    __slots__ = ("arguments", "assignments", "keyword", "oword", "words")

    def __init__(self):
        self.words: list[tuple[str, float]] = []
        self.assignments: list[tuple[int | str, float]] = []
        self.oword: str | None = None  # "100" or "<NAME>"
        self.keyword: str | None = None  # SUB, CALL, IF, ...
        self.arguments: list[float] = []


class _Reader:
    __slots__ = ("depth", "line", "lookup", "text")

    def __init__(self, text: str, line: int, lookup):
        self.text = text
        self.line = line
        self.lookup = lookup  # (key, for_exists) -> float | None
        self.depth = 0

    def fail(self, message: str):
        raise GCodeError(self.line, message)

    # -------------------------------------------------------------------- values
    def value(self, i: int) -> tuple[float, int]:
        text = self.text
        if i >= len(text):
            self.fail(translate("GCode", "a value is missing at the end of the line"))
        ch = text[i]
        if ch == "[":
            return self.expression(i)
        if ch == "#":
            return self.parameter(i)
        if ch in "+-":
            if i + 1 < len(text) and text[i + 1] in "[#ABCDEFGHIJKLMNOPQRSTUVWXYZ":
                value, end = self.value(i + 1)
                return (-value if ch == "-" else value), end
            return self.number(i)
        if "A" <= ch <= "Z":
            return self.function(i)
        return self.number(i)

    def number(self, i: int) -> tuple[float, int]:
        text = self.text
        n = len(text)
        start = i
        if i < n and text[i] in "+-":
            i += 1
        digits_from = i
        seen_point = False
        while i < n and text[i] in _NUMBER_CHARS:
            if text[i] == ".":
                if seen_point:
                    self.fail(
                        translate("GCode", "bad number {text}").format(text=text[start : i + 1])
                    )
                seen_point = True
            i += 1
        body = text[digits_from:i]
        if not body or body == ".":
            shown = text[start : start + 1] or "?"
            self.fail(translate("GCode", "a number was expected at '{text}'").format(text=shown))
        return float(text[start:i]), i

    def integer_index(self, value: float) -> int:
        index = round(value)
        if abs(value - index) > 0.0001:
            self.fail(
                translate("GCode", "parameter number {number} is not a whole number").format(
                    number=f"{value:.6g}"
                )
            )
        if not 1 <= index <= MAX_PARAMETER:
            self.fail(
                translate(
                    "GCode", "parameter number {number} is out of range (1 to {last})"
                ).format(number=index, last=MAX_PARAMETER)
            )
        return index

    def parameter_key(self, i: int) -> tuple[int | str, int]:
        """The key after a ``#`` at ``i``: an int (numbered) or a name (``<NAME>``)."""
        text = self.text
        i += 1
        if i < len(text) and text[i] == "<":
            end = text.find(">", i + 1)
            if end < 0:
                self.fail(translate("GCode", "named parameter without its closing '>'"))
            name = text[i + 1 : end]
            if not name:
                self.fail(translate("GCode", "named parameter without a name (#<>)"))
            return name, end + 1
        self.depth += 1
        if self.depth > _MAX_NESTING:
            self.fail(translate("GCode", "parameters or expressions nested too deeply"))
        number, end = self.value(i)
        self.depth -= 1
        return self.integer_index(number), end

    def parameter(self, i: int) -> tuple[float, int]:
        key, end = self.parameter_key(i)
        return self.lookup(key, self.line), end

    def function(self, i: int) -> tuple[float, int]:
        text = self.text
        for name in _FUNCTIONS:
            if text.startswith(name, i):
                break
        else:
            self.fail(
                translate("GCode", "unknown function or word at '{text}'").format(
                    text=text[i : i + 8]
                )
            )
        i += len(name)
        if i >= len(text) or text[i] != "[":
            self.fail(translate("GCode", "{name} needs its argument in [ ]").format(name=name))
        if name == "EXISTS":
            close = text.find("]", i)
            inner = text[i + 1 : close] if close > 0 else ""
            if not inner.startswith("#<") or not inner.endswith(">"):
                self.fail(translate("GCode", "EXISTS needs a named parameter: EXISTS[#<name>]"))
            return (1.0 if self.lookup(inner[2:-1], None) is not None else 0.0), close + 1
        argument, i = self.expression(i)
        if name == "ATAN":
            if not text.startswith("/[", i):
                self.fail(translate("GCode", "ATAN needs two arguments: ATAN[y]/[x]"))
            x, i = self.expression(i + 1)
            return math.degrees(math.atan2(argument, x)), i
        return self.unary(name, argument), i

    def unary(self, name: str, a: float) -> float:
        if name == "ABS":
            return abs(a)
        if name in ("ACOS", "ASIN"):
            if not -1.0 <= a <= 1.0:
                self.fail(
                    translate("GCode", "{name} of {value}: the argument must be -1 to 1").format(
                        name=name, value=f"{a:.6g}"
                    )
                )
            return math.degrees(math.acos(a) if name == "ACOS" else math.asin(a))
        if name == "COS":
            return math.cos(math.radians(a))
        if name == "SIN":
            return math.sin(math.radians(a))
        if name == "TAN":
            return math.tan(math.radians(a))
        if name == "EXP":
            if a > 700:
                self.fail(
                    translate("GCode", "EXP of {value} is too large").format(value=f"{a:.6g}")
                )
            return math.exp(a)
        if name == "FIX":
            return float(math.floor(a))
        if name == "FUP":
            return float(math.ceil(a))
        if name == "ROUND":
            return float(math.floor(a + 0.5) if a >= 0 else math.ceil(a - 0.5))
        if name == "LN":
            if a <= 0.0:
                self.fail(
                    translate("GCode", "LN of {value}: the argument must be more than 0").format(
                        value=f"{a:.6g}"
                    )
                )
            return math.log(a)
        # SQRT
        if a < 0.0:
            self.fail(
                translate("GCode", "SQRT of the negative number {value}").format(value=f"{a:.6g}")
            )
        return math.sqrt(a)

    # --------------------------------------------------------------- expressions
    def operator(self, i: int) -> tuple[str, int] | None:
        text = self.text
        for name, level in _BINARY:
            if text.startswith(name, i):
                return name, level
        return None

    def expression(self, i: int) -> tuple[float, int]:
        """``[ ... ]`` starting at ``i`` (the ``[``): its value and the index after ``]``."""
        self.depth += 1
        if self.depth > _MAX_NESTING:
            self.fail(translate("GCode", "parameters or expressions nested too deeply"))
        values = []
        operators: list[tuple[str, int]] = []
        value, i = self.value(i + 1)
        values.append(value)
        text = self.text
        while True:
            if i >= len(text):
                self.fail(translate("GCode", "expression without its closing ']'"))
            if text[i] == "]":
                i += 1
                break
            found = self.operator(i)
            if found is None:
                self.fail(
                    translate("GCode", "unknown operator at '{text}'").format(text=text[i : i + 8])
                )
            name, level = found
            while operators and operators[-1][1] >= level:
                right = values.pop()
                values[-1] = self.binary(operators.pop()[0], values[-1], right)
            operators.append(found)
            value, i = self.value(i + len(name))
            values.append(value)
        while operators:
            right = values.pop()
            values[-1] = self.binary(operators.pop()[0], values[-1], right)
        self.depth -= 1
        return values[0], i

    def binary(self, name: str, a: float, b: float) -> float:
        if name == "+":
            result = a + b
        elif name == "-":
            result = a - b
        elif name == "*":
            result = a * b
        elif name == "/":
            if b == 0.0:
                self.fail(translate("GCode", "division by zero"))
            result = a / b
        elif name == "MOD":
            if b == 0.0:
                self.fail(translate("GCode", "division by zero"))
            result = math.fmod(a, b)
            if result < 0.0:
                result += abs(b)
        elif name == "**":
            if a < 0.0 and b != math.floor(b):
                self.fail(translate("GCode", "a negative number raised to a fractional power"))
            if a == 0.0 and b < 0.0:
                self.fail(translate("GCode", "division by zero"))
            try:
                result = math.pow(a, b)
            except OverflowError:
                result = math.inf
        elif name == "EQ":
            result = 1.0 if abs(a - b) < _EQUAL_TOLERANCE else 0.0
        elif name == "NE":
            result = 0.0 if abs(a - b) < _EQUAL_TOLERANCE else 1.0
        elif name == "GT":
            result = 1.0 if a > b else 0.0
        elif name == "GE":
            result = 1.0 if a >= b else 0.0
        elif name == "LT":
            result = 1.0 if a < b else 0.0
        elif name == "LE":
            result = 1.0 if a <= b else 0.0
        elif name == "AND":
            result = 0.0 if a == 0.0 or b == 0.0 else 1.0
        elif name == "OR":
            result = 1.0 if a != 0.0 or b != 0.0 else 0.0
        else:  # XOR
            result = 1.0 if (a != 0.0) != (b != 0.0) else 0.0
        if not math.isfinite(result):
            self.fail(translate("GCode", "the expression's value is too large"))
        return result


def parse_line(code: str, line: int, lookup) -> ParsedLine:
    """Parse a line (upper case, no spaces or comments) whose values need computing.

    ``lookup(key, line)`` gives a parameter's value (``key``: int or upper-case name)
    and raises for an undefined named one; ``lookup(name, None)`` returns None instead.
    """
    reader = _Reader(code, line, lookup)
    parsed = ParsedLine()
    n = len(code)
    i = 0
    if code.startswith("N"):
        j = 1
        while j < n and code[j] in "0123456789.":
            j += 1
        if j > 1:
            parsed.words.append(("N", float(code[1:j]) if code[1:j] != "." else 0.0))
            i = j
    if i < n and code[i] == "O":
        return _parse_oword(reader, parsed, i)
    while i < n:
        ch = code[i]
        if ch == "#":
            key, i = reader.parameter_key(i)
            if i >= n or code[i] != "=":
                reader.fail(
                    translate("GCode", "a parameter on its own needs '=' and a value (#1=2)")
                )
            value, i = reader.value(i + 1)
            parsed.assignments.append((key, value))
            continue
        if ch not in WORD_LETTERS:
            if ch in "0123456789.+-":
                reader.fail(
                    translate("GCode", "number {text} without a letter").format(
                        text=code[i : i + 12]
                    )
                )
            if ch == "[":
                reader.fail(translate("GCode", "an expression needs a letter before it (X[1+2])"))
            shown = ch if ch.isprintable() else f"0x{ord(ch):02X}"
            reader.fail(translate("GCode", "unexpected character '{char}'").format(char=shown))
        if i + 1 >= n:
            reader.fail(translate("GCode", "word {letter} has no value").format(letter=ch))
        if ch == "N":
            reader.fail(translate("GCode", "the line number (N word) must be the first word"))
        value, i = reader.value(i + 1)
        parsed.words.append((ch, value))
    return parsed


def _parse_oword(reader: _Reader, parsed: ParsedLine, i: int) -> ParsedLine:
    code = reader.text
    i += 1
    if i < len(code) and code[i] == "<":
        end = code.find(">", i)
        if end < 0:
            reader.fail(translate("GCode", "O-word name without its closing '>'"))
        parsed.oword = code[i : end + 1]
        i = end + 1
    else:
        start = i
        while i < len(code) and code[i] in _DIGITS:
            i += 1
        if i == start:
            reader.fail(translate("GCode", "an O-word needs a number or a <name>"))
        parsed.oword = str(int(code[start:i]))
    for keyword in O_KEYWORDS:
        if code.startswith(keyword, i):
            break
    else:
        if i == len(code):
            parsed.keyword = None  # a bare program number (Fanuc style)
            return parsed
        reader.fail(
            translate("GCode", "unknown O-word command at '{text}'").format(text=code[i : i + 10])
        )
    parsed.keyword = keyword
    i += len(keyword)
    while i < len(code):
        if code[i] != "[":
            reader.fail(
                translate("GCode", "unexpected text after {keyword}: '{text}'").format(
                    keyword=keyword.lower(), text=code[i : i + 10]
                )
            )
        value, i = reader.expression(i)
        parsed.arguments.append(value)
    return parsed
