"""Render every print of the sample village and of the demo township (fixed clock) to PDF and PNG
for a look by eye.

Usage: python tools/render_prints.py [OUT_DIR]   (default out/prints/, kept out of git)

Each print is written as NAME.pdf plus NAME-N.png per page (pdftoppm -r 60, when poppler is
installed). The list printed at the end says how many pages each print took.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.clock import FixedClock  # noqa: E402
from app.data_dir import DataDir  # noqa: E402
from app.services.common.context import open_services  # noqa: E402
from app.services.common.demo_village import fill_sample_village  # noqa: E402
from app.services.safety.actor import Actor, Role  # noqa: E402

TODAY = dt.datetime(2026, 11, 27, 9, 0)


def _jobs(services, out: Path):  # noqa: ANN001, ANN202 - yields (file name, callable(path))
    from app.services.meetings import meeting_printing as mp
    from app.services.members.roster_printing import print_roster
    from app.services.notices import notice_printing as npr
    from app.services.reminders import reminder_printing as rp

    year = services.clock.today().year
    yield "roster", lambda p: print_roster(services, p)
    yield "roster-internal", lambda p: print_roster(services, p, internal=True)
    meetings = services.meetings.list_rows(year=year)
    for row in meetings:
        kind = "-".join(row.kinds)
        yield f"meeting-{row.date.isoformat()}-{kind}", lambda p, i=row.id: mp.meeting_record_pdf(services, i, p)
    if meetings:
        yield "sign-in", lambda p: mp.sign_in_pdf(services, meetings[0].id, p)
    yield "meetings-year", lambda p: mp.meetings_year_pdf(services, year, p)
    for row in services.matters.list_rows():
        yield f"matter-{row.id}", lambda p, i=row.id: mp.matter_book_pdf(services, i, p)
    for row in services.notices.list_rows(year=year):
        yield f"notice-{row.id}", lambda p, i=row.id: npr.notice_pdf(services, i, p)
        yield f"notice-{row.id}-a3", lambda p, i=row.id: npr.notice_pdf(services, i, p, a3=True)
    periods = sorted({row.period for row in services.notices.list_rows(year=year)},
                     key=lambda period: (period.kind, period.number))
    for period in periods[:1]:
        yield "notices-batch", lambda p, pr=period: npr.period_pdf(services, pr, p)
    seen = set()
    for occ in services.reminders.occurrences(dt.date(year, 1, 1), dt.date(year, 12, 31)):
        if occ.reminder_id in seen:
            continue
        seen.add(occ.reminder_id)
        yield f"letter-{occ.reminder_id}", lambda p, o=occ: rp.print_reminder_letter(services, o.reminder_id, o.due, p)
    yield "reminder-ledger", lambda p: rp.print_reminder_ledger(services, year, p)
    yield "summary-year", lambda p: rp.print_year_summary(services, year, p)
    yield "summary-term", lambda p: rp.print_term_summary(services, p)

    from app.services.team_rules import team_printing as tp

    today = services.clock.today()
    yield "team-plan", lambda p: tp.plan_pdf(services, year, p)
    yield "team-duties", lambda p: tp.duties_pdf(services, year, p)
    secretary = next((m.person_id for m in services.team_rules.duties.year(year) if m.first_responsible), None)
    if secretary is not None:
        yield "team-pledge", lambda p: tp.pledge_pdf(services, year, secretary, p)
    yield "team-study", lambda p: tp.study_pdf(services, year, p)
    yield "team-rota", lambda p: tp.rota_pdf(services, year, today.month, p)
    yield "team-duty-log", lambda p: tp.duty_log_pdf(services, year, today.month, p)

    from app.services.bodies.body_rosters import print_body_roster
    from app.services.rectification import rect_printing

    yield "roster-representatives", lambda p: print_body_roster(services, p, "村民代表")
    yield "roster-all-bodies", lambda p: print_body_roster(services, p, "全部")
    yield "rectification", lambda p: rect_printing.print_rect_ledger(services, p)
    for source in services.rectification.sources():
        yield f"rectification-report-{source.id}", lambda p, i=source.id: rect_printing.print_rect_report(
            services, i, p, lists=True)

    from app.reports.safety.recovery_sheet import build_recovery_sheet
    from app.services.safety.audit_log import AuditLogService

    village = services.profile.for_print().village_name
    yield "recovery", lambda p: build_recovery_sheet(p, village=village, admin="王文书",
                                                     code="ABCD-EFGH-JKLM-NPQR-STUV",
                                                     print_date=services.clock.today())
    log = AuditLogService(services.db)
    yield "audit", lambda p: log.print_pdf(p, log.entries(), village, services.clock.today(), "操作日志")


def _town_jobs(root: Path, clock: FixedClock):  # noqa: ANN202 - yields (file name, callable(path))
    """The township's prints, on the demo township: the 年度 and 届中 analysis."""
    from app.reports.township.analysis_pdf import build_analysis_pdf
    from app.services.township.analysis import analyse
    from app.services.township.town_demo import build_demo_town
    from app.services.township.town_store import TownStore

    build_demo_town(root, "白沙镇", clock)
    store = TownStore(root)
    try:
        year = clock.today().year
        yield "town-analysis-year", lambda p: build_analysis_pdf(p, analyse(store, clock, year))
        yield "town-analysis-term", lambda p: build_analysis_pdf(p, analyse(store, clock, None))
    finally:
        store.close()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out/prints")
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("*.pdf")) + list(out.glob("*.png")):
        old.unlink()
    png = shutil.which("pdftoppm")
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(DataDir(Path(tmp)), FixedClock(TODAY))
        fill_sample_village(services)
        services.act_as(Actor("王文书", Role.ADMIN))
        from pypdf import PdfReader

        import itertools

        for name, job in itertools.chain(_jobs(services, out), _town_jobs(Path(tmp) / "town", FixedClock(TODAY))):
            path = out / f"{name}.pdf"
            job(path)
            pages = len(PdfReader(path).pages)
            if png:
                subprocess.run([png, "-r", "60", "-l", "8", "-png", str(path), str(out / name)], check=True)
            print(f"{name}: {pages} 页")
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
