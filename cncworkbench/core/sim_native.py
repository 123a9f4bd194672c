"""The compiled sweep (core/sim_kernel.py) as native code, loaded without numba.

Importing numba and loading its cached functions costs each process about 0.4 s of CPU,
more than sweeping a 5,000-line program. So the sweep's object code for this machine is
built once (by numba, :func:`sim_kernel.native_object`) and kept in a cache file; later
processes load it with llvmlite's linker alone (about 0.04 s) and call it through ctypes,
which lets go of the GIL during the call as ``nogil`` did.

The cache file is named after everything the code depends on: the kernel's sources, the
llvmlite and numba versions, Python's version, this CPU's name and features. A file that
does not match, cannot be read or needs a symbol this process lacks is never loaded: the
kernel is built again, and if that fails too, numba's own dispatcher runs it (the same
code). Folder: ``CNC_KERNEL_CACHE`` when set, else the package's ``__pycache__`` (read
first; written when writable) and ``$XDG_CACHE_HOME/cncworkbench``
(``~/.cache/cncworkbench``).
"""

from __future__ import annotations

import ctypes
import hashlib
import importlib.util
import json
import os
import struct
import sys
import tempfile
import threading
from pathlib import Path

import numpy as np

from cncworkbench.core.sim_layout import CUTTER_COLUMNS, DONE, ENTRY_ARGUMENTS

_FORMAT = b"cncworkbench-sweep 1\n"
_SOURCES = ("sim_kernel.py", "sim_layout.py")
_CTYPES = {"int": ctypes.c_int64, "float": ctypes.c_double}
_lock = threading.Lock()
_loaded: dict = {}  # "entry": the ctypes function, "engine": what keeps its code alive


def cache_folders() -> list[Path]:
    """Where the object code is looked for, in order; it is written to the first one that
    is writable (see the module documentation)."""
    wanted = os.environ.get("CNC_KERNEL_CACHE")
    if wanted:
        return [Path(wanted)]
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return [Path(__file__).resolve().parent / "__pycache__", Path(base) / "cncworkbench"]


def _writable(folder: Path) -> bool:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def _fingerprint(llvm) -> str:
    digest = hashlib.sha256(_FORMAT)
    here = Path(__file__).resolve().parent
    for name in _SOURCES:
        digest.update((here / name).read_bytes())
    numba_spec = importlib.util.find_spec("numba")  # finds it without importing it
    numba_version = "none"
    if numba_spec is not None and numba_spec.submodule_search_locations:
        version_file = Path(next(iter(numba_spec.submodule_search_locations))) / "_version.py"
        if version_file.exists():
            numba_version = hashlib.sha256(version_file.read_bytes()).hexdigest()
    import llvmlite

    for part in (
        llvmlite.__version__,
        numba_version,
        sys.version,
        llvm.get_process_triple(),
        llvm.get_host_cpu_name(),
        llvm.get_host_cpu_features().flatten(),
    ):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:32]


def undefined_symbols(elf: bytes) -> list[str]:
    """The symbols a 64-bit little-endian ELF object file needs from outside (what the
    linker must find in this process)."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF object")
    (shoff,) = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + k * shentsize) for k in range(shnum)]
    names = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 2:  # SHT_SYMTAB
            continue
        strings = sections[link]
        string_offset = strings[4]
        for position in range(offset + entsize, offset + size, entsize):  # entry 0 is null
            name_at, _info2, _other, section_index = struct.unpack_from("<IBBH", elf, position)
            if section_index == 0 and name_at:  # SHN_UNDEF
                end = elf.index(b"\0", string_offset + name_at)
                names.append(elf[string_offset + name_at : end].decode())
    return sorted(set(names))


def _build(path: Path) -> bytes:
    """Compile the kernel with numba and write its cache file; the file's bytes."""
    from cncworkbench.core import sim_kernel

    code, symbol, _declared = sim_kernel.native_object()
    facts = {"entry": symbol, "needs": undefined_symbols(code)}
    facts["sha256"] = hashlib.sha256(code).hexdigest()
    header = json.dumps(facts).encode()
    data = _FORMAT + header + b"\n" + code
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        os.chmod(temporary, 0o644)  # as numba's and Python's caches
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)  # atomic: a process reading it sees all or nothing
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return data


def _link(llvm, data: bytes):
    """(ctypes entry, engine) from a cache file's bytes; ValueError when it cannot be used."""
    if not data.startswith(_FORMAT):
        raise ValueError("not a kernel cache file")
    header, _, code = data[len(_FORMAT) :].partition(b"\n")
    facts = json.loads(header)
    if hashlib.sha256(code).hexdigest() != facts["sha256"]:  # LLVM may abort on bad code
        raise ValueError("the kernel cache file is damaged")
    process = ctypes.CDLL(None)  # the symbols loaded globally: Python's, libc's, libm's
    missing = []
    for name in facts["needs"]:
        if llvm.address_of_symbol(name):
            continue
        try:
            llvm.add_symbol(name, ctypes.cast(getattr(process, name), ctypes.c_void_p).value)
        except AttributeError:
            missing.append(name)
    if missing:  # the linker would abort the process on a symbol it cannot find
        raise ValueError(f"symbols missing in this process: {', '.join(missing)}")
    machine = llvm.Target.from_default_triple().create_target_machine()
    engine = llvm.create_mcjit_compiler(llvm.parse_assembly(""), machine)
    engine.add_object_file(llvm.ObjectFileRef.from_data(code))
    engine.finalize_object()
    address = engine.get_function_address(facts["entry"])
    if not address:
        raise ValueError("the kernel's entry is not in the cache file")
    kinds = [_CTYPES.get(kind, ctypes.c_void_p) for kind in ENTRY_ARGUMENTS]
    return ctypes.CFUNCTYPE(None, *kinds)(address), engine


def _entry():
    """The loaded entry, or None when only numba's dispatcher can run the kernel."""
    if "entry" in _loaded:
        return _loaded["entry"]
    with _lock:
        if "entry" in _loaded:
            return _loaded["entry"]
        entry = engine = None
        try:
            import llvmlite.binding as llvm

            llvm.initialize_native_target()
            llvm.initialize_native_asmprinter()
            name = f"sim_kernel.{_fingerprint(llvm)}.o"
            folders = cache_folders()
            for folder in folders:  # a file built by another user (an install) is used too
                try:
                    entry, engine = _link(llvm, (folder / name).read_bytes())
                    break
                except (OSError, ValueError, KeyError, RuntimeError):
                    continue
            else:
                folder = next((f for f in folders if _writable(f)), folders[-1])
                entry, engine = _link(llvm, _build(folder / name))
        except Exception:  # any failure leaves numba's dispatcher, the same code
            entry = engine = None
        _loaded["engine"] = engine
        _loaded["entry"] = entry
        return entry


def _pointer(array: np.ndarray, dtype) -> int:
    if array.dtype != dtype or not array.flags.c_contiguous:
        raise TypeError(f"the kernel needs a C-contiguous {np.dtype(dtype)} array")
    return array.ctypes.data


def run_motions(
    heights, dirty, xs, ys, x0, y0, cell, zmin, top, tol, cutters, starts, ends, first_segment,
    motion_cutter, by_numpy, lowest, cut_out, begin, end, stop,
):  # fmt: skip
    """:func:`sim_kernel.run_motions` (same arguments and answer), run natively."""
    entry = _entry()
    if entry is None:
        from cncworkbench.core import sim_kernel

        return sim_kernel.run_motions(
            heights, dirty, xs, ys, x0, y0, cell, zmin, top, tol, cutters, starts, ends,
            first_segment, motion_cutter, by_numpy, lowest, cut_out, begin, end, stop,
        )  # fmt: skip
    motions = len(lowest)
    if len(first_segment) != motions + 1 or cutters.shape[1:] != (CUTTER_COLUMNS,):
        raise ValueError("the kernel's tables do not fit together")
    for name, table in (("motion_cutter", motion_cutter), ("by_numpy", by_numpy),
                        ("cut_out", cut_out)):  # fmt: skip
        if len(table) != motions:
            raise ValueError(f"{name} has {len(table)} entries for {motions} motions")
    if not 0 <= begin <= end <= motions or starts.shape != ends.shape or starts.shape[1:] != (3,):
        raise ValueError("the kernel's motion range or segments do not fit")
    if first_segment[0] != 0 or first_segment[-1] > len(starts):
        raise ValueError("the kernel's motions and segments do not fit together")
    ny, nx = heights.shape
    if xs.shape != (nx,) or ys.shape != (ny,) or dirty.ndim != 2:
        raise ValueError("the kernel's grid axes do not fit the heights")
    out = np.full(5, -1, dtype=np.int64)
    entry(
        _pointer(heights, np.float32), _pointer(dirty, np.uint8), _pointer(xs, np.float64),
        _pointer(ys, np.float64), ny, nx, dirty.shape[0], dirty.shape[1], x0, y0, cell, zmin,
        top, tol, _pointer(cutters, np.float64), len(cutters), _pointer(starts, np.float64),
        _pointer(ends, np.float64), len(starts), _pointer(first_segment, np.int64), motions,
        _pointer(motion_cutter, np.int64), _pointer(by_numpy.view(np.uint8), np.uint8),
        _pointer(lowest, np.float64), _pointer(cut_out, np.int8), begin, end, int(stop),
        out.ctypes.data,
    )  # fmt: skip
    if out[0] < DONE:
        raise RuntimeError("the compiled sweep did not finish")
    return tuple(int(v) for v in out)


def uses_native_code() -> bool:
    """Whether the sweep runs from the loaded object code (not numba's dispatcher)."""
    return _entry() is not None


def warm_up() -> None:
    """Load (or build) the native kernel now rather than at the first sweep."""
    _entry()
