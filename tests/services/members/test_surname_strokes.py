from app.services.members.surname_strokes import in_stroke_order, strokes


def test_common_surnames_sort_by_strokes():
    assert [strokes(c) for c in "李林黄胡"] == [7, 8, 11, 9]
    assert in_stroke_order(["黄建国", "胡明", "林秀英", "李四"]) == ["李四", "林秀英", "胡明", "黄建国"]


def test_same_surname_then_given_name_and_unknown_characters_last():
    assert in_stroke_order(["王淑芬", "王丁", "丁一"]) == ["丁一", "王丁", "王淑芬"]
    assert in_stroke_order(["𠮷小", "马力"]) == ["马力", "𠮷小"]
    assert in_stroke_order([" 李四", "王五"]) == ["王五", " 李四"]
