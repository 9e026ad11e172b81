"""Print jobs of the 整改台账: gather the data, call the report modules."""

from __future__ import annotations

from pathlib import Path

from app.services.common.errors import UserError


def print_rect_ledger(services, path: Path, source_id: int | None = None) -> int:  # noqa: ANN001
    """整改台账 of one source, or of all; returns the page count."""
    from app.reports.rectification.rect_ledger import SHORT_TITLE, LedgerSection, build_rect_ledger

    rect = services.rectification
    sources = rect.sources()
    if source_id is not None:
        sources = [s for s in sources if s.id == source_id]
        if not sources:
            raise UserError(f"没有编号为 {source_id} 的问题来源：编号显示在整改台账来源列表的第一列")
    sections = [LedgerSection(s, rect.items(source_id=s.id)) for s in sources]
    title = f"{sources[0].title}整改台账" if source_id is not None else SHORT_TITLE
    return build_rect_ledger(path, village=services.profile.for_print().village_name, sections=sections,
                             print_date=services.clock.today(), title=title)


def print_rect_report(services, source_id: int, path: Path, lists: bool = False) -> int:  # noqa: ANN001
    """整改情况报告 of one source (with the three lists when ``lists``); returns the page count."""
    from app.reports.rectification.rect_report import build_rect_report

    rect = services.rectification
    source = next((s for s in rect.sources() if s.id == source_id), None)
    if source is None:
        raise UserError(f"没有编号为 {source_id} 的问题来源：编号显示在整改台账来源列表的第一列")
    details = [rect.item(r.id) for r in rect.items(source_id=source_id)]
    return build_rect_report(path, village=services.profile.for_print().village_name, source=source,
                             details=details, print_date=services.clock.today(), lists=lists)
