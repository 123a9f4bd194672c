"""The product's job handlers, registered with :func:`cncworkbench.services.worker.handler`.

The CAM (``cam_process``, ``gcode_post``), simulation (``sim_run``) and CAD
(``cad_generate``) handlers are added here as those capabilities land; a worker claims
only the types it has a handler for, so jobs of other types wait for a worker that can
run them.
"""
