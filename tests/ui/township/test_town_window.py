"""The township window: villages with their state in words, and the villages × requirements matrix."""

import datetime as dt

from PySide6.QtCore import Qt

from app.services.township.matrix import overview
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
    qtmodeltester.check(window.matrix_model)
    assert window.windowTitle() == "村支部台账（乡镇）— 城关镇"
    villages = window.villages_model
    assert villages.rowCount() == 12
    assert [cell(villages, 11, c) for c in range(6)] == ["430124105212", "白沙社区", "—", "—", "—", "未上报"]
    assert cell(villages, 0, 3) == "0天" and cell(villages, 0, 5) == "正常"
    matrix = window.matrix_model
    header = [matrix.headerData(c, Qt.Orientation.Horizontal) for c in range(matrix.columnCount())]
    rows = {cell(matrix, r, 0): [cell(matrix, r, c) for c in range(matrix.columnCount())] for r in range(matrix.rowCount())}
    finance = header.index("财务公开按期")
    assert rows["光明村"][finance].startswith("逾期") and rows["红旗村"][finance] == "按期"
    branch = header.index("支部委员会会议")
    lapsed = int(rows["向阳村"][branch][1:-1])
    sample = rows["红旗村"][branch]
    assert lapsed == (0 if sample == "达标" else int(sample[1:-1])) + 3
    assert set(rows["白沙社区"][1:]) == {"未上报"}
