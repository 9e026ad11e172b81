"""The 四议两公开记录 prints the true counts of each deliberation step, read back with pdftotext."""

from __future__ import annotations

import re
import subprocess

import pytest

from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_printing import matter_book_pdf
from app.services.meetings.meeting_types import StepData
from db.models import MatterStep, VillagerMeetingCount
from tests.conftest import person
from tests.services.meetings import test_matters as chain


@pytest.fixture
def people(services):
    from app.services.common.profile import Profile

    services.profile.save(Profile("红旗村", "城关镇"))
    ids = [services.members.save(person("张书记", "党支部书记", political_status="中共党员"))]
    names = [s + g for s in chain.SURNAMES for g in chain.GIVEN][:29]
    return ids + [services.members.save(person(n, political_status="中共党员")) for n in names]


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def test_book_shows_voting_members_quorum_and_vote_of_each_step(services, people, tmp_path):
    mid = chain.chain_to(services.db, services.matters, people, 4)
    path = tmp_path / "book.pdf"
    matter_book_pdf(services, mid, path)
    text = pdf_text(path)
    # Step 3: 30 party members, 20 present, 18 in favour (chain_to's plan).
    assert "有表决权党员应到30人，实到20人（预备党员没有表决权）" in text
    assert "到会三分之二以上有表决权党员，符合召开要求" in text
    assert "赞成18票，反对0票，弃权0票，赞成票超过应到会有表决权党员30人的半数" in text
    # Step 4 at a 村民代表会议: 20 members, 15 present, 15 in favour.
    assert "应到人数20人实到人数15人到会比例75.0%" in text
    assert "到会三分之二以上组成人员，符合召开要求" in text
    assert "赞成15票，反对0票，弃权0票，赞成票超过到会人员15人的半数" in text


def test_book_shows_a_villagers_meeting_by_heads_and_households(services, people, tmp_path):
    mid = chain.chain_to(services.db, services.matters, people, 3)
    sitting = chain.meeting(services.db, [Kind.VILLAGERS], chain.D4, [], 0, 400)
    with services.db.write() as s:
        s.add(VillagerMeetingCount(meeting_id=sitting, adults_total=1000, adults_present=620,
                                   households_total=300, households_present=180))
    services.matters.add_step(mid, StepData(4, chain.D4, meeting_id=sitting, outcome="通过"))
    path = tmp_path / "book.pdf"
    matter_book_pdf(services, mid, path)
    text = pdf_text(path)
    assert "应到村民1000人到会村民620人到会比例62.0%" in text
    assert "总户数300户到会户代表180户" in text
    assert "赞成400票，反对0票，弃权0票，赞成票超过到会人员620人的半数" in text
    assert "应到0人" not in text


def test_a_passed_step_with_no_recorded_vote_prints_that_it_cannot_be_confirmed(services, people, tmp_path):
    """Older records may say 通过 with no vote: the book says so instead of printing a bare 通过."""
    mid = chain.chain_to(services.db, services.matters, people, 3)
    sitting = chain.meeting(services.db, [Kind.REPRESENTATIVES], chain.D4, people[:20], 18)
    with services.db.write() as s:  # as an older version stored it, unchecked
        s.add(MatterStep(matter_id=mid, step=4, date=chain.D4, meeting_id=sitting, outcome="通过"))
    path = tmp_path / "book.pdf"
    matter_book_pdf(services, mid, path)
    text = pdf_text(path)
    assert "未记录表决票数" in text
    assert "结果通过（会议未记录表决票数，无法确认通过）" in text
