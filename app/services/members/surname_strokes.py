"""姓氏笔画 order, the customary order of names on official lists (签到表, 名单).

Names are ordered by the stroke count of the surname, then of the given name's characters.
No maintained stroke-count library exists on PyPI, so the counts of the common surnames
(and of characters often seen in given names here) are kept in a small table; a character
not in it sorts after those that are, by code point.
"""

from __future__ import annotations

# Stroke counts of simplified characters, grouped by count.
_BY_COUNT = {
    2: "丁卜刁",
    3: "于万马弓卫",
    4: "王方尹孔毛牛文卞邓韦仇尤车巴水贝元",
    5: "石白叶田史冯包申司龙卢甘艾古丘左兰宁乐邝玉",
    6: "朱刘江汤许孙祁毕吕任华庄向吉伍安米关阮齐邢年仲全池乔红",
    7: "李吴何余宋汪沈杜张陈邱苏杨严芦花岑邵谷闵狄麦连巫时应冷劳邹陆建利",
    8: "林周郑金武罗孟范欧易庞季岳单宗房尚官屈苗茅卓和杭郁明英国",
    9: "胡赵钟姚段俞郝侯施洪姜柳饶贺祝查费闻荣胥骆宫封娄祥秋春",
    10: "徐高郭唐夏袁秦钱顾倪殷聂凌耿晏贾莫柴桂翁陶海",
    11: "黄梁曹崔章康萧盛龚符戚麻常阎淑婷",
    12: "程彭董曾蒋谢韩傅焦鲁温舒童嵇喆堃",
    13: "雷詹虞靳路蒲解廉褚赖",
    14: "蔡谭廖熊管裴缪翟",
    15: "潘黎樊滕颜",
    16: "薛霍穆燕",
    17: "戴魏鞠",
    18: "瞿",
}
STROKES = {char: count for count, chars in _BY_COUNT.items() for char in chars}
UNKNOWN = 99


def strokes(char: str) -> int:
    return STROKES.get(char, UNKNOWN)


def stroke_key(name: str) -> tuple:
    """Sort key: the surname's strokes first, then each following character's."""
    name = name.strip()
    return tuple((strokes(c), ord(c)) for c in name)


def in_stroke_order(names: list[str]) -> list[str]:
    return sorted(names, key=stroke_key)
