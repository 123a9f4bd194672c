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

if ARGS.get("spin"):
    while True:  # a hostile document's endless loop
        pass

with open(os.environ["CNC_FREECAD_RESULT"], "w") as handle:
    json.dump(
        {
            "environment": dict(os.environ),
            "reached": reached,
            "cpu_limit": resource.getrlimit(resource.RLIMIT_CPU)[0],
            "memory_limit": resource.getrlimit(resource.RLIMIT_AS)[0],
        },
        handle,
    )
