"""The sample village's 整改台账: one 巡察 with eight items in every state, one audit finding
whose proof is a 财务公开."""

from app.services.common.demo_village import fill_sample_village
from app.services.rectification.rect_types import CLOSED, IN_PROGRESS, KEEP_ON, OVERDUE


def test_the_sample_inspection_has_items_in_every_state_and_the_audit_links_a_notice(services):
    counts = fill_sample_village(services)
    assert counts.rectification == 9
    inspection, audit = services.rectification.sources()
    assert (inspection.kind, inspection.counts.items, audit.kind, audit.counts.items) == ("巡察", 8, "审计", 1)
    items = services.rectification.items(source_id=inspection.id)
    assert {r.state for r in items} == {CLOSED, IN_PROGRESS, OVERDUE, KEEP_ON}
    assert any(services.rectification.item(r.id).reopenings for r in items)
    areas = [i for i in services.workbench.due_items() if i.area == "整改台账"]
    assert {i.status for i in areas} == {"已逾期", "待办"}
    (finding,) = services.rectification.items(source_id=audit.id)
    (proof,) = services.rectification.item(finding.id).progress
    assert [link.kind for link in proof.links] == ["notice"]
    assert services.notices.get(proof.links[0].ref_id).category == "财务公开"
