"""The township window: villages with their state in words, and the villages × requirements matrix."""

import datetime as dt

import pytest
from conftest import person
from PySide6.QtCore import Qt

from app.clock import FixedClock
from app.services.safety.actor import PermissionDenied
from app.services.township.matrix import overview
from app.services.township.village_reads import open_village
from app.ui.common import dialogs
from app.services.township.town_demo import build_demo_town
from app.services.township.town_store import TownStore
from app.ui.township.town_window import TownWindow


def cell(model, row, column) -> str:
    return model.data(model.index(row, column))


def test_villages_and_matrix_show_gaps_in_words(qtbot, qtmodeltester, tmp_path, clock):
    build_demo_town(tmp_path / "town", "城关镇", clock)
    store = TownStore(tmp_path / "town")
    shown = overview(store, clock, 2026)
    store.close()
    window = TownWindow(shown, dt.date(2026, 11, 27))
    qtbot.addWidget(window)
    qtmodeltester.check(window.villages_model)
    qtmodeltester.check(window.matrix_page.model)
    assert window.windowTitle() == "村支部台账（乡镇）— 城关镇"
    villages = window.villages_model
    assert villages.rowCount() == 12
    assert [cell(villages, 11, c) for c in range(6)] == ["430124105212", "白沙社区", "—", "—", "—", "未上报"]
    assert cell(villages, 0, 3) == "0天" and cell(villages, 0, 5) == "正常"
    red = Qt.ItemDataRole.ForegroundRole
    assert villages.data(villages.index(11, 5), red) is not None and villages.data(villages.index(0, 5), red) is None
    matrix = window.matrix_page.model
    header = [matrix.headerData(c, Qt.Orientation.Horizontal) for c in range(matrix.columnCount())]
    names = [matrix.headerData(r, Qt.Orientation.Vertical) for r in range(matrix.rowCount())]
    rows = {names[r]: [None] + [cell(matrix, r, c) for c in range(matrix.columnCount())] for r in range(matrix.rowCount())}
    header = [None, *header]  # column 0 of ``rows``: the village, in the row header
    view = window.matrix_page.view.model()  # as shown: in the villages' code order until a header is clicked
    assert [view.headerData(r, Qt.Orientation.Vertical) for r in range(view.rowCount())] == [v.name for v in shown.villages]
    assert shown.caption.startswith("2026年各村落实情况（统计到11月27日）：红字是缺项")
    finance = header.index("财务公开按期")
    assert rows["光明村"][finance].startswith("逾期") and rows["红旗村"][finance] == "按期"
    branch = header.index("支部委员会会议")
    lapsed = int(rows["向阳村"][branch][1:-1])
    sample = rows["红旗村"][branch]
    assert lapsed == (0 if sample == "达标" else int(sample[1:-1])) + 3
    assert set(rows["白沙社区"][1:]) == {"未上报"}
    plan, rectified, bodies = header.index("党建计划"), header.index("整改完成率"), header.index("群团组织")
    assert rows["新华村"][plan] == "未制定" and rows["红旗村"][plan].endswith("项）")  # the demo village without one
    assert rows["东风村"][rectified].startswith("逾期") and rows["红旗村"][rectified] == "完成率100%（销号8/8个）"
    assert rows["建设村"][bodies] == "健全"  # its IDs' retired county code changes nothing
    red = {(name, header[c + 1]) for r, name in enumerate(names) for c in range(matrix.columnCount())
           if matrix.data(matrix.index(r, c), Qt.ItemDataRole.ForegroundRole) is not None}
    assert ("新华村", "党建计划") in red and ("东风村", "整改完成率") in red
    assert ("红旗村", "整改完成率") not in red and ("建设村", "群团组织") not in red
    window.matrix_page.view.sortByColumn(plan - 1, Qt.SortOrder.DescendingOrder)  # a click on 党建计划
    shown_rows = {view.headerData(r, Qt.Orientation.Vertical): view.index(r, plan - 1).data() for r in range(view.rowCount())}
    assert view.headerData(0, Qt.Orientation.Vertical) == "向阳村"  # “未完成3项” sorts first, and its name with it
    assert shown_rows["新华村"] == "未制定" and shown_rows["白沙社区"] == "未上报"  # each name stays with its row


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def town(request, tmp_path_factory):
    """The demo township on each engine, built once for the tests below (none of them changes it)."""
    db_url = cluster = None
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        db_url = cluster.database()
    root = tmp_path_factory.mktemp("town") / "城关镇"
    build_demo_town(root, "城关镇", FixedClock(dt.datetime(2026, 11, 27, 10, 0)), db_url)
    store = TownStore(root, db_url)
    yield store
    store.close()
    if cluster is not None:
        cluster.drop(db_url)


def opened_window(qtbot, town, clock) -> TownWindow:
    window = TownWindow(overview(town, clock, 2026), clock.today(), lambda code: open_village(town, code, clock))
    qtbot.addWidget(window)
    window.show()
    return window


def choose(window: TownWindow, name: str) -> None:
    view = window.villages_view
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 1).data() == name)
    view.setCurrentIndex(view.model().index(row, 0))
    view.setFocus()


def test_an_earlier_year_is_counted_to_its_last_day(qtbot, town, clock):
    asked = []
    window = TownWindow(overview(town, clock, 2026), clock.today(), None,
                        lambda year: asked.append(year) or overview(town, clock, year))
    qtbot.addWidget(window)
    page = window.matrix_page
    assert [page.year.itemText(i) for i in range(page.year.count())] == [f"{y}年" for y in range(2026, 2020, -1)]
    page.year.setCurrentText("2025年")
    assert asked == [2025] and page.caption.text().startswith("2025年各村落实情况（统计到12月31日）")
    model = page.model
    plan = model.headers.index("党建计划")
    plans = {model.headerData(r, Qt.Orientation.Vertical): model.index(r, plan).data() for r in range(model.rowCount())}
    assert plans["红旗村"] == "未制定" and plans["新华村"] == "未制定"  # the demo's plans are for 2026 only
    page.year.setCurrentText("2026年")
    plans = {model.headerData(r, Qt.Orientation.Vertical): model.index(r, plan).data() for r in range(model.rowCount())}
    assert plans["红旗村"] != "未制定" and plans["新华村"] == "未制定"


def test_the_years_offered_go_back_to_the_earliest_package_but_not_past_ten(town, clock):
    from dataclasses import replace

    from app.services.township.matrix import years_offered

    villages = town.villages()
    assert years_offered(villages, clock.today()) == list(range(2026, 2020, -1))  # packages from 2021-05-01
    old = [replace(villages[0], period_from="1998-01-01"), *villages[1:]]
    assert years_offered(old, clock.today()) == list(range(2026, 2016, -1))
    assert years_offered([v for v in villages if v.sequence is None], clock.today()) == [2026]


def test_enter_on_a_village_opens_all_its_ledgers_read_only(qtbot, town, clock):
    window = opened_window(qtbot, town, clock)
    choose(window, "向阳村")
    qtbot.keyClick(window.villages_view, Qt.Key.Key_Return)
    [copy] = window.copies
    qtbot.addWidget(copy)
    assert copy.windowTitle().startswith("向阳村（") and "只读" in copy.windowTitle()
    assert "只能查看和打印" in copy.note.text() and "第1号数据包" in copy.note.text()
    titles = [copy.tabs.tabText(i) for i in range(copy.tabs.count())]
    assert titles == ["工作台", "两委成员", "会议记录", "三公开", "纪律提醒", "整改台账", "班子制度"]
    for index in range(copy.tabs.count()):  # every tab shows the copy's data; none writes
        copy.tabs.setCurrentIndex(index)
    members = copy.tabs.tab(1)
    assert members.row_count() > 0 and copy.services.profile.get().village_name == "向阳村"
    assert not members.buttons["新增"].isEnabled() and not members.buttons["删除"].isEnabled()
    assert members.buttons["编辑"].text() == "查看"
    assert copy.tabs.tab(2).row_count() > 0  # the village's meetings


def test_the_copy_refuses_changes_even_from_code(qtbot, town, clock):
    window = opened_window(qtbot, town, clock)
    choose(window, "红旗村")
    copy = window.open_selected()
    qtbot.addWidget(copy)
    before = copy.services.members.list_rows()
    with pytest.raises(PermissionDenied):
        copy.services.members.save(person("新来的", "村委会委员"))
    assert copy.services.members.list_rows() == before


def test_a_village_that_never_reported_has_nothing_to_open(qtbot, town, clock, monkeypatch):
    told = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: told.append((title, text)))
    window = opened_window(qtbot, town, clock)
    choose(window, "白沙社区")
    assert window.open_selected() is None and window.copies == []
    assert told == [("还没有数据", "白沙社区还没有上报过数据包，没有台账可看。")]


def test_the_demo_village_with_a_retired_county_code_in_its_ids_reports_like_any_other(town, clock):
    from app.services.members.idcard import parse_id
    from app.services.township.town_demo import RETIRED_COUNTY

    [village] = [v for v in town.villages() if v.name == "建设村"]
    services = open_village(town, village.code, clock)
    try:
        numbers = [r.values["id_number"] for r in services.members.list_rows() if r.values.get("id_number")]
    finally:
        services.close()
    assert numbers and all(n.startswith(RETIRED_COUNTY) for n in numbers)
    assert all(parse_id(n, clock.today()).number == n for n in numbers)  # genuine IDs, as the village keeps them
    assert village.sequence == 1


def test_closing_the_township_window_closes_the_villages_windows(qtbot, town, clock):
    window = opened_window(qtbot, town, clock)
    choose(window, "红旗村")
    copy = window.open_selected()
    closed = []
    copy.services.close = lambda: closed.append(True)
    window.close()
    assert closed == [True] and not copy.isVisible()


def test_the_roster_prints_from_the_township_copy(qtbot, town, clock, monkeypatch):
    from PySide6.QtPdf import QPdfDocument

    from app.ui.common import print_dialog

    monkeypatch.setattr(dialogs, "ask_choice", lambda _p, _t, _x, choices: "公开版")
    previews = []
    monkeypatch.setattr(print_dialog, "preview_then_delete", lambda path, _p, name: previews.append((path, name)))
    window = opened_window(qtbot, town, clock)
    choose(window, "红旗村")
    copy = window.open_selected()
    qtbot.addWidget(copy)
    with qtbot.waitActive(copy):
        copy.activateWindow()
    copy.tabs.setCurrentIndex(1)
    qtbot.keyClick(copy, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    [(path, name)] = previews
    assert name == "红旗村两委班子成员花名册.pdf"
    document = QPdfDocument(None)
    document.load(str(path))
    names = [r.name for r in copy.services.members.list_rows()]
    assert document.pageCount() >= 1 and names[0] in document.getAllText(0).text()


def test_smoke_test_opens_the_first_reported_village_on_every_tab(qtbot, town, clock, capsys):
    from app.ui.township.town_window import smoke

    window = opened_window(qtbot, town, clock)
    assert smoke(window) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "各村：12 行；村×要求：16 项"
    assert lines[1].startswith("红旗村的台账（只读）：工作台 ")
    assert "两委成员 72 行" in lines[1] and "整改台账 9 行" in lines[1] and lines[1].count(" 行") == 7


def test_the_first_opening_of_a_day_shows_how_far_the_counting_has_got(qtbot, town):
    from app.ui.township.town_window import CountingDialog

    told = []
    next_day = FixedClock(dt.datetime(2026, 11, 28, 8, 0))
    shown = overview(town, next_day, 2026, lambda done, total: told.append((done, total)))
    assert told == [(n, 11) for n in range(11)], "each of the 11 reported villages counted again, in turn"
    assert overview(town, next_day, 2026, lambda *_a: told.append("again")) == shown and told[-1] != "again"
    counting = CountingDialog()
    qtbot.addWidget(counting)
    counting.step(4, 11)
    assert counting.labelText() == "正在统计各村的情况（第 5 个，共 11 个村）……"
    assert (counting.value(), counting.maximum()) == (4, 11)
