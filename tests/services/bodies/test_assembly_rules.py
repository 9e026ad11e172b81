"""The numbers of the 村民委员会组织法, each at its exact boundary. “以上” includes the figure."""

from app.services.bodies.assembly_rules import (
    Composition,
    composition_problems,
    decision_passes,
    households_per_representative,
    representatives_quorum,
    villagers_quorum,
)


def test_representatives_at_exactly_four_fifths_of_members_pass_art_26():
    """组织法第二十六条：村民代表应当占村民代表会议组成人员的五分之四以上. 5 + 20: exactly 4/5."""
    assert composition_problems(Composition(5, 20, 9)) == []


def test_representatives_one_short_of_four_fifths_warn_art_26():
    """5 committee + 19 representatives: 19/24 < 4/5."""
    problems = composition_problems(Composition(5, 19, 9))
    assert problems == ["村民代表会议组成人员 24 人，其中村民代表 19 人，不足五分之四（村民委员会组织法第二十六条）：请补选村民代表"]


def test_women_at_exactly_one_third_of_members_pass_art_26():
    """组织法第二十六条：妇女村民代表应当占村民代表会议组成人员的三分之一以上. 30 members, 10 women."""
    assert composition_problems(Composition(5, 25, 10)) == []


def test_women_one_short_of_one_third_warn_art_26():
    problems = composition_problems(Composition(5, 25, 9))
    assert problems == ["村民代表会议组成人员 30 人，其中妇女村民代表 9 人，不足三分之一（村民委员会组织法第二十六条）：请补选妇女村民代表"]


def test_an_empty_assembly_has_nothing_to_warn():
    assert composition_problems(Composition(0, 0, 0)) == []


def test_representatives_meeting_sits_with_exactly_two_thirds_art_26():
    """组织法第二十六条：村民代表会议有三分之二以上的组成人员参加方可召开."""
    assert representatives_quorum(20, 30)
    assert not representatives_quorum(19, 30)
    assert representatives_quorum(2, 3)
    assert not representatives_quorum(0, 0)


def test_decision_needs_more_than_half_of_those_present_art_26():
    """组织法第二十六条：所作决定应当经到会人员的过半数同意. Exactly half is not enough."""
    assert not decision_passes(10, 20)
    assert decision_passes(11, 20)
    assert decision_passes(11, 21)
    assert not decision_passes(10, 21)


def test_villagers_meeting_needs_more_than_half_the_adults_art_22():
    """组织法第二十二条：应当有本村十八周岁以上村民的过半数……参加. Exactly half is not enough."""
    assert not villagers_quorum(500, 1000, 0, 0)
    assert villagers_quorum(501, 1000, 0, 0)


def test_villagers_meeting_may_sit_with_two_thirds_of_households_art_22():
    """组织法第二十二条：或者本村三分之二以上的户的代表参加. Exactly 2/3 is enough."""
    assert villagers_quorum(0, 1000, 200, 300)
    assert not villagers_quorum(0, 1000, 199, 300)


def test_one_representative_per_five_to_fifteen_households_art_25():
    """组织法第二十五条：村民代表由村民按每五户至十五户推选一人. 300 households: 20 to 60."""
    assert households_per_representative(300, 20) is None
    assert households_per_representative(300, 60) is None
    assert households_per_representative(300, 19) == (20, 60)
    assert households_per_representative(300, 61) == (20, 60)
    assert households_per_representative(0, 5) is None
