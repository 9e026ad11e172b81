"""Open what settles a 工作台 item of the team's rules (workbench/target_actions.py calls this)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from app.ui.common import dialogs

WHERE = {"duties": "班子制度 → 主体责任", "study": "班子制度 → 学习（集中学习在 会议记录 中登记）"}


def open_team_target(services, parent: QWidget | None, page: str, year: int, record: object) -> bool:  # noqa: ANN001
    if page == "plan":
        from app.ui.team_rules.plan_page import PlanItemDialog

        row = next((r for r in services.team_rules.plans.view(year).items if r.id == record), None)
        if row is None:
            dialogs.show_error(parent, "无法打开", "这条计划已不存在（可能已被删除）")
            return False
        return bool(PlanItemDialog(services, year, row, parent).exec())
    if page == "rota":
        from app.ui.team_rules.rota_page import RotaPage

        day = dt.date.fromisoformat(str(record))
        rota_page = RotaPage(services, parent)
        rota_page.year = day.year
        rota_page.month.setCurrentIndex(day.month - 1)
        rota_page.refresh()
        rota_page.select_key(day)
        rota_page.open_current()
        rota_page.deleteLater()
        return True
    dialogs.show_info(parent, "去办理", f"请到 {WHERE.get(page, '班子制度')} 办理这一项。")
    return False
