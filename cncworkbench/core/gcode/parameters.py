"""LinuxCNC's parameters: numbered ``#1``-``#5601``, named locals and globals, the
predefined read-only ones, and the modal state M70-M73 save and restore.

Numbered parameters read 0 until set. The system ones are read from the machine state,
in the program's units as LinuxCNC keeps them: ``#5161``-``#5163`` (G28 home),
``#5181``-``#5183`` (G30 home), ``#5210``-``#5213`` (G92 on and its offsets), ``#5220``
(current system, 1-9), ``#5221``-``#5390`` (G54-G59.3 offsets, 20 apart), ``#5400``
(tool in the spindle), ``#5403`` (its length offset), ``#5420``-``#5422`` (current
position). Named ``#<name>`` parameters are local to the subroutine call that sets them;
``#<_name>`` ones are global. Reading a named parameter never set is an error, as in
LinuxCNC (``EXISTS[#<name>]`` tells).
"""

from __future__ import annotations

from cncworkbench.core.gcode.errors import GCodeError
from cncworkbench.core.i18n import translate

_AXES = {"X": 0, "Y": 1, "Z": 2}
_ZERO_AXES = ("A", "B", "C", "U", "V", "W")


class ParameterMixin:
    """Parameters on top of the machine (:class:`._machine._Interpreter`)."""

    def init_parameters(self) -> None:
        self.params: dict[int, float] = {}
        self.globals: dict[str, float] = {}
        self.value = 0.0
        self.value_returned = 0.0
        self.saved_modal = None  # M70

    # ------------------------------------------------------------------ reading
    def lookup(self, key, line):
        """A parameter's value; for an undefined named one, an error (None if no line)."""
        if isinstance(key, int):
            if key >= 2001:
                value = self._system(key)
                if value is not None:
                    return value
            return self.params.get(key, 0.0)
        if key.startswith("_"):
            value = self.globals.get(key)
            if value is None:
                value = self._predefined(key[1:])
        else:
            value = self.frames[-1].locals.get(key) if self.frames else None
        if value is None and line is not None:
            raise GCodeError(
                line,
                translate("GCode", "named parameter #<{name}> is not defined").format(
                    name=key.lower()
                ),
            )
        return value

    def _system(self, key: int) -> float | None:
        f = self.factor
        if key < 5161 and not self.fanuc:
            return None
        if 5161 <= key <= 5163:
            return self.home_mm[28][key - 5161] / f
        if 5181 <= key <= 5183:
            return self.home_mm[30][key - 5181] / f
        if key == 5210:
            return 1.0 if any(self.axis_offset) else 0.0  # G92 (or G52) in effect
        if 5211 <= key <= 5213:
            return self.g92_saved_mm[key - 5211] / f
        if key == 5220:
            return float(self.coord_index)
        if 5221 <= key <= 5390:
            system, axis = divmod(key - 5221, 20)
            if axis < 3:
                return self.coord_systems_mm[system + 1][axis] / f
            if axis == 9:  # #5230, #5250, ...: the rotation, degrees
                return self.coord_rotations[system + 1]
            return None
        if self.fanuc and (key == 4120 or 2001 <= key <= 2999):
            if key == 4120:  # Fanuc: the tool number (T) in effect
                return float(self.selected_tool)
            lengths = self.tool_lengths or {}  # Fanuc: the tool length offset table
            return float(lengths.get(key - 2000, 0.0)) / f
        if key == 5400:
            return float(self.tool or 0)
        if key == 5403:
            return self.tool_offset
        if 5420 <= key <= 5422:
            return self.pos[key - 5420]
        if 5423 <= key <= 5428 or 5401 <= key <= 5413:
            return 0.0
        return None

    def _predefined(self, name: str) -> float | None:
        if name in _AXES:
            return self.pos[_AXES[name]]
        if name in _ZERO_AXES:
            return 0.0
        flag = {
            "METRIC": not self.inch,
            "IMPERIAL": self.inch,
            "ABSOLUTE": self.absolute,
            "INCREMENTAL": not self.absolute,
            "INVERSE_TIME": self.inverse_time,
            "UNITS_PER_MINUTE": not self.inverse_time,
            "UNITS_PER_REV": False,
            "RETRACT_R_PLANE": self.r_plane_retract,
            "RETRACT_OLD_Z": not self.r_plane_retract,
            "SPINDLE_RPM_MODE": True,
            "SPINDLE_CSS_MODE": False,
            "IJK_ABSOLUTE_MODE": self.ijk_absolute,
            "LATHE_DIAMETER_MODE": False,
            "LATHE_RADIUS_MODE": False,
            "SPINDLE_ON": self.spindle != "off",
            "SPINDLE_CW": self.spindle == "cw",
            "MIST": self.mist,
            "FLOOD": self.flood,
            "SPEED_OVERRIDE": True,
            "FEED_OVERRIDE": True,
            "ADAPTIVE_FEED": False,
            "FEED_HOLD": False,
        }.get(name)
        if flag is not None:
            return 1.0 if flag else 0.0
        if name == "MOTION_MODE":
            return float(self.motion_mode)
        if name == "PLANE":
            return {"XY": 170.0, "XZ": 180.0, "YZ": 190.0}[self.plane]
        if name == "CCOMP":
            return 400.0
        if name == "COORD_SYSTEM":
            index = self.coord_index
            return float(530 + 10 * index if index <= 6 else 590 + index - 6)
        if name == "TOOL_OFFSET":
            return 1.0 if self.tool_length_mm else 0.0
        if name == "FEED":
            return self.feed_mm / self.factor
        if name == "RPM":
            return self.rpm
        if name in ("CURRENT_TOOL", "CURRENT_POCKET"):
            return float(self.tool or 0)
        if name in ("SELECTED_TOOL", "SELECTED_POCKET"):
            return float(self.selected_tool) if self.selected_tool else -1.0
        if name == "VALUE":
            return self.value
        if name == "VALUE_RETURNED":
            return self.value_returned
        if name == "CALL_LEVEL":
            return float(len(self.frames) - 1)
        if name in ("REMAP_LEVEL", "TASK"):
            return 0.0
        if name == "VMAJOR":
            return 2.0
        if name == "VMINOR":
            return 9.0
        return None

    def load_parameters(self, values: dict[int, float]) -> None:
        """Parameters of a parameter file, before the program (units: mm)."""
        for key, value in values.items():
            if 5221 <= key <= 5390 and (key - 5221) % 20 < 3:
                system, axis = divmod(key - 5221, 20)
                self.coord_systems_mm[system + 1][axis] = value
            elif 5230 <= key <= 5390 and (key - 5230) % 20 == 0:
                self.coord_rotations[(key - 5230) // 20 + 1] = value
            elif 5161 <= key <= 5163:
                self.home_mm[28][key - 5161] = value
            elif 5181 <= key <= 5183:
                self.home_mm[30][key - 5181] = value
            elif 5211 <= key <= 5213:
                self.g92_saved_mm[key - 5211] = value
                self.axis_offset[key - 5211] = value
            elif key == 5220:
                self.coord_index = min(9, max(1, round(value)))
            elif key < 5161:
                self.params[key] = value
        self.origin = [v / self.factor for v in self.coord_systems_mm[self.coord_index]]
        self.rotation = self.coord_rotations[self.coord_index]

    def persistent_parameters(self) -> dict[int, float]:
        """The parameters LinuxCNC keeps in its parameter file, at the program's end."""
        return {
            key: self.lookup(key, None) * (1.0 if key in _UNITLESS else self.factor)
            for key in PERSISTENT
        }

    # ------------------------------------------------------------------ writing
    def assign(self, key, value: float, line: int) -> None:
        if isinstance(key, int):
            if 5161 <= key <= 5163:
                self.home_mm[28][key - 5161] = value * self.factor
            elif 5181 <= key <= 5183:
                self.home_mm[30][key - 5181] = value * self.factor
            elif 5221 <= key <= 5390 and (key - 5221) % 20 < 3:
                system, axis = divmod(key - 5221, 20)
                # takes effect when the system is next selected, as in LinuxCNC
                self.coord_systems_mm[system + 1][axis] = value * self.factor
            elif 5230 <= key <= 5390 and (key - 5230) % 20 == 0:  # a rotation, likewise
                self.coord_rotations[(key - 5230) // 20 + 1] = value
            elif key >= 5210 and self._system(key) is not None:
                raise GCodeError(
                    line,
                    translate("GCode", "parameter #{number} is read-only").format(number=key),
                )
            self.params[key] = value
            return
        if key.startswith("_"):
            if self._predefined(key[1:]) is not None and key not in self.globals:
                raise GCodeError(
                    line,
                    translate("GCode", "parameter #<{name}> is read-only").format(name=key.lower()),
                )
            self.globals[key] = value
        else:
            self.frames[-1].locals[key] = value

    # ------------------------------------------------------------- M70 - M73
    def modal_state(self) -> tuple:
        return (
            self.motion_mode,
            self.plane,
            self.inch,
            self.absolute,
            self.ijk_absolute,
            self.inverse_time,
            self.feed_mm / self.factor,
            self.rpm,
            self.spindle,
            self.mist,
            self.flood,
            self.r_plane_retract,
        )

    def restore_modal(self, state: tuple, line: int) -> None:
        (
            self.motion_mode,
            plane,
            inch,
            self.absolute,
            self.ijk_absolute,
            self.inverse_time,
            feed,
            self.rpm,
            self.spindle,
            mist,
            flood,
            self.r_plane_retract,
        ) = state
        self.plane = plane
        self._set_units(inch)
        self.feed_mm = feed * self.factor
        self.mist, self.flood = mist, flood
        if mist and flood:
            self.coolant = "mist+flood"
        else:
            self.coolant = "mist" if mist else "flood" if flood else "off"

    def modal_m(self, code: int, line: int) -> None:
        """M70 save, M71 forget, M72 restore, M73 save and restore at the return."""
        if code == 70:
            self.saved_modal = self.modal_state()
        elif code == 71:
            self.saved_modal = None
        elif code == 72:
            if self.saved_modal is None:
                raise GCodeError(
                    line, translate("GCode", "M72 without a state saved by M70 to restore")
                )
            self.restore_modal(self.saved_modal, line)
        else:
            if len(self.frames) < 2:
                raise GCodeError(line, translate("GCode", "M73 can only be used in a subroutine"))
            self.frames[-1].modal = self.modal_state()


PERSISTENT = (
    *range(5161, 5164),
    *range(5181, 5184),
    *range(5211, 5214),
    5220,
    *(base + axis for base in range(5221, 5391, 20) for axis in (0, 1, 2, 9)),
)
_UNITLESS = {5220, *range(5230, 5391, 20)}  # the system's number and the rotations


def read_parameter_file(text: str) -> dict[int, float]:
    """The parameters of a LinuxCNC parameter file (``rs274 -v``, ``.var``): one
    ``number value`` a line; blank lines and text after the two are skipped."""
    values: dict[int, float] = {}
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields:
            continue
        try:
            key, value = int(fields[0]), float(fields[1])
        except (IndexError, ValueError):
            raise GCodeError(
                number,
                translate("GCode", "a parameter file line is 'number value', not '{text}'").format(
                    text=line.strip()[:40]
                ),
            ) from None
        if not 1 <= key <= 5601:
            raise GCodeError(
                number,
                translate(
                    "GCode", "parameter number {number} is out of range (1 to {last})"
                ).format(number=key, last=5601),
            )
        values[key] = value
    return values
