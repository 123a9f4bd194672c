"""The FreeCAD adapter: work that needs FreeCAD's kernel or CAM runs in a ``freecadcmd``
child process (a FreeCAD crash fails one call, not the caller). The scripts in
``cam/scripts`` run inside FreeCAD and use nothing but FreeCAD and the standard library;
this side only starts them and reads their JSON answer."""
