"""The workbench's panels; each works in FreeCAD (dock/task panel) and standalone."""
