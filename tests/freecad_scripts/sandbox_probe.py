"""Run inside the FreeCAD sandbox by tests/test_freecad_sandbox.py: reports what the child
can see and reach (its environment, a TCP connection to a given port, its limits)."""

import json
import os
import resource
import socket

with open(os.environ["CNC_FREECAD_ARGS"]) as handle:
    ARGS = json.load(handle)

reached = None
try:
    with socket.create_connection(("127.0.0.1", ARGS["port"]), timeout=3):
        reached = True
except OSError as exc:
    reached = str(exc)

readable = None
if ARGS.get("secret_file"):
    try:
        with open(ARGS["secret_file"]) as handle:
            readable = handle.read()
    except OSError:
        readable = False

if ARGS.get("spin"):
    while True:  # a hostile document's endless loop
        pass


def hog():
    """A hostile document's allocation that never ends: 32 MB at a time, each written."""
    chunks = []
    while True:
        chunks.append(bytearray(32 * 1024 * 1024))


if ARGS.get("fail"):  # a document the script refuses for its own reason
    with open(os.environ["CNC_FREECAD_RESULT"], "w") as handle:
        json.dump({"error": ARGS["fail"], "traceback": "ValueError: no solid"}, handle)
    raise SystemExit(0)
if ARGS.get("hog") == "uncaught":
    hog()  # FreeCAD itself meets the MemoryError
if ARGS.get("hog") == "caught":  # as the product's scripts do: the error is the answer
    import traceback

    try:
        hog()
    except Exception as exc:
        with open(os.environ["CNC_FREECAD_RESULT"], "w") as handle:
            json.dump({"error": f"FreeCAD cannot read x: {exc}",
                       "traceback": traceback.format_exc()}, handle)  # fmt: skip
        raise SystemExit(0) from None

with open(os.environ["CNC_FREECAD_RESULT"], "w") as handle:
    json.dump(
        {
            "environment": dict(os.environ),
            "reached": reached,
            "cpu_limit": resource.getrlimit(resource.RLIMIT_CPU)[0],
            "memory_limit": resource.getrlimit(resource.RLIMIT_AS)[0],
            "uid": os.getuid(),
            "secret_readable": readable,
            "input_readable": os.access(ARGS.get("path") or "/", os.R_OK),
        },
        handle,
    )
