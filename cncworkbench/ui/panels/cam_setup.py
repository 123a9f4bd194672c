"""CAM Setup: the machine, tool and material catalog the setup is built from."""

from __future__ import annotations

from cncworkbench.services import catalog
from cncworkbench.ui.qt import QtGui, QtWidgets
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.widgets import Panel, fill_table, table

LOW_STOCK = QtGui.QColor("#fcaf3e")


def _number(value, digits: int = 1) -> str:
    return "" if value is None else f"{float(value):.{digits}f}"


def load_catalog(session) -> dict[str, list[list[object]]]:
    machines = [
        [
            m.name,
            m.type,
            m.axes,
            f"{_number(m.work_envelope_x_mm, 0)} × {_number(m.work_envelope_y_mm, 0)} × "
            f"{_number(m.work_envelope_z_mm, 0)}",
            m.spindle_max_rpm,
            _number(m.spindle_power_kw),
            m.controller,
            m.post_processor,
        ]
        for m in catalog.active_machines(session)
    ]
    active_tools = catalog.active_tools(session)
    tools = [
        [
            t.name,
            t.type,
            _number(t.diameter_mm, 2),
            t.flute_count,
            _number(t.flute_length_mm),
            t.material,
            t.coating,
            f"{t.quantity_available} / {t.minimum_stock}",
        ]
        for t in active_tools
    ]
    low_stock = [
        row
        for row, tool in enumerate(active_tools)
        if (tool.quantity_available or 0) < (tool.minimum_stock or 0)
    ]
    materials = [
        [
            m.name,
            m.category,
            m.grade,
            _number(m.cutting_speed_m_min, 0),
            _number(m.feed_rate_mm_tooth, 3),
            m.machinability_rating,
        ]
        for m in catalog.materials(session)
    ]
    return {"machines": machines, "tools": tools, "low_stock": low_stock, "materials": materials}


class CamSetupPanel(Panel):
    title_text = "CAM Setup"
    icon_name = "CamSetup"

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.tabs = QtWidgets.QTabWidget()
        self.machines = table(
            [
                self.tr("Machine"),
                self.tr("Type"),
                self.tr("Axes"),
                self.tr("Travel X × Y × Z (mm)"),
                self.tr("Max rpm"),
                self.tr("Power (kW)"),
                self.tr("Controller"),
                self.tr("Post-processor"),
            ]
        )
        self.tools = table(
            [
                self.tr("Tool"),
                self.tr("Type"),
                self.tr("Ø (mm)"),
                self.tr("Flutes"),
                self.tr("Flute length (mm)"),
                self.tr("Material"),
                self.tr("Coating"),
                self.tr("Stock / minimum"),
            ]
        )
        self.materials = table(
            [
                self.tr("Material"),
                self.tr("Category"),
                self.tr("Grade"),
                self.tr("Vc (m/min)"),
                self.tr("fz (mm/tooth)"),
                self.tr("Machinability"),
            ]
        )
        self.tabs.addTab(self.machines, self.tr("Machines"))
        self.tabs.addTab(self.tools, self.tr("Tools"))
        self.tabs.addTab(self.materials, self.tr("Materials"))
        self.body.addWidget(self.tabs, 1)

    def reload(self) -> None:
        if not self.can_load():
            return
        database = self.workspace.user.db

        def work(_report):
            with database.session() as session:
                return load_catalog(session)

        self.set_busy(True)
        run_task(self, work, self.show_catalog, self.show_error)

    def show_catalog(self, data) -> None:
        self.set_busy(False)
        fill_table(self.machines, data["machines"])
        fill_table(self.tools, data["tools"])
        fill_table(self.materials, data["materials"])
        for row in data["low_stock"]:
            item = self.tools.item(row, 7)
            item.setBackground(LOW_STOCK)
            item.setToolTip(self.tr("Below minimum stock: reorder"))
        if data["low_stock"]:
            self.banner.show_message(
                self.tr("{count} tools are below their minimum stock.").format(
                    count=len(data["low_stock"])
                ),
                "warning",
            )
