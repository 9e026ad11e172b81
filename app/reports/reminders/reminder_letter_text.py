"""The words of a 提醒函: its title by kind, whom it is addressed to, the opening sentence,
the rules it recalls as numbered paragraphs, the deadline and the issuer (reminder_letter lays
them out)."""

from __future__ import annotations

import datetime as dt
import re

from app.services.common.dates import format_date_cn
from app.services.reminders.reminder_types import (
    FAMILY_EVENT,
    FUNERAL,
    HOLIDAY_REMINDER,
    REPORT_AFTER_WORKDAYS,
    LetterData,
)

SHORT_TITLE = "廉政提醒函"
# The heading by kind: the discipline kinds are 廉政提醒函, the rosters and the rest are not.
TITLES = {"值班": "值班提醒", "学习": "学习提醒", "其他": "工作提醒"}
PERSONAL_REPORT, DUTY_LIST = "个人有关事项报告", "一岗双责责任清单"
LEAD_IN = "现将有关要求提醒如下："
CLOSING = "特此提醒。"
NUMERALS = "一二三四五六七八九十"
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|（[一二三四五六七八九十\d]+）)")


def addressee(names: list[str]) -> str:
    """李建国、王淑芬、张堃同志：; 各位同志： when no name is known."""
    clean = [n.strip() for n in names if n and n.strip()]
    return ("、".join(clean) if clean else "各位") + "同志："


def letter_title(letter: LetterData) -> str:
    """廉政提醒函 for the discipline kinds (and any holiday letter); 值班提醒, 学习提醒, 工作提醒."""
    if letter.holiday or letter.kind == HOLIDAY_REMINDER:
        return SHORT_TITLE
    return TITLES.get(letter.kind, SHORT_TITLE)


def _subject(letter: LetterData) -> str:
    return letter.subject.strip().rstrip("。；;，,：:")


def opening(letter: LetterData) -> str:
    """The sentence before the rules, from the holiday, the kind and the 事由."""
    subject = _subject(letter)
    about = f"就{subject}，" if subject else ""
    if letter.holiday:
        return f"{letter.holiday}将至，为严明节日纪律要求，确保节日期间风清气正，{LEAD_IN}"
    if letter.kind == FAMILY_EVENT:
        event = "，".join(t for t in (letter.event_kind, format_date_cn(letter.event_date)) if t)
        if subject and event:
            about = f"就{subject}（{event}），"
        return f"根据村干部婚丧喜庆事项报告有关规定，{about}{LEAD_IN}"
    if letter.kind == PERSONAL_REPORT:
        return f"根据个人有关事项报告有关规定，{about}{LEAD_IN}"
    if letter.kind == DUTY_LIST:
        return f"为落实全面从严治党主体责任和“一岗双责”，{about}{LEAD_IN}"
    if letter.kind == "值班":
        return f"为严格落实值班制度，{about}{LEAD_IN}"
    if letter.kind == "学习":
        return f"为严格落实学习制度，{about}{LEAD_IN}"
    if letter.kind == "其他":
        return f"为做好有关工作，{about}{LEAD_IN}"
    return f"为进一步严明纪律规矩，{about}{LEAD_IN}"


def _organ(letter: LetterData, body: str) -> str:
    """镇纪委, or the township's own: 青山镇纪委 (a 乡 or 街道 keeps its name)."""
    township = letter.township.strip()
    return f"{township}{body}" if township else f"镇{body}"


LATE = "该期限已过，请尽快补办。"


def deadline(letter: LetterData, print_date: dt.date) -> str:
    """请于2026年11月20日前……: what to do by the due date ("" for a holiday letter or no date),
    and, printed after that date, that it is now late."""
    text = _deadline(letter)
    return text + LATE if text and letter.due is not None and letter.due < print_date else text


def _deadline(letter: LetterData) -> str:
    if letter.holiday or letter.kind == HOLIDAY_REMINDER or letter.due is None:
        return ""
    by = f"请于{format_date_cn(letter.due)}前"
    subject = _subject(letter)
    commission = _organ(letter, "纪委")
    if letter.kind == FAMILY_EVENT:
        if letter.event_kind == FUNERAL:
            return (f"请于事后{REPORT_AFTER_WORKDAYS}个工作日内（{format_date_cn(letter.due)}前）"
                    f"向{commission}书面报告有关情况。")
        return f"{by}向{commission}书面报告有关情况，并签订廉洁承诺书。"
    actions = {
        PERSONAL_REPORT: "如实填写个人有关事项报告表，按规定报送。",
        DUTY_LIST: "对照全面从严治党主体责任清单完成自查，并报告履责情况。",
        "八项规定提醒": "对照上述要求认真开展自查自纠。",
        "提醒谈话": "就有关问题如实说明情况，并报告整改情况。",
        "警示教育": "参加警示教育，并对照案例开展自查自纠。",
        "值班": "确认值班安排，按排班表按时到岗。",
        "学习": f"完成{subject or '集中学习'}，并做好学习记录。",
    }
    action = actions.get(letter.kind) or (f"完成{subject}。" if subject else "落实上述要求。")
    return by + action


def rule_paragraphs(detail: str, event_kind: str = "") -> list[str]:
    """One paragraph per line; numbered 一、二、… unless every line already carries a number.

    For a 婚丧喜庆 letter (``event_kind`` given) only the rules of that event are kept: a
    wedding letter does not recall what to do after a funeral, nor the reverse."""
    lines = [ln.strip(" \t\u3000") for ln in str(detail).splitlines() if ln.strip(" \t\u3000")]
    if event_kind:
        lines = [ln for ln in lines if not _other_event(ln, event_kind)]
    if all(_NUMBERED.match(ln) for ln in lines) or len(lines) <= 1:
        return lines
    return [f"{NUMERALS[i]}、{ln}" if i < len(NUMERALS) else f"{i + 1}. {ln}"
            for i, ln in enumerate(lines)]


def _other_event(line: str, event_kind: str) -> bool:
    """A rule that speaks only of the other kind of family event."""
    funeral_rule = "丧事" in line and "婚" not in line
    celebration_rule = ("婚嫁" in line or "喜庆事宜" in line) and "丧" not in line
    return funeral_rule if event_kind != FUNERAL else celebration_rule


def receipt_promise(letter: LetterData, date_text: str) -> str:
    """本人已收到中共红旗村支部委员会2026年11月27日《廉政提醒函》（事由），已认真阅读，将严格遵守。"""
    subject = _subject(letter)
    about = f"（{subject}）" if subject else ""
    return f"本人已收到{issuer(letter)}{date_text}《{letter_title(letter)}》{about}，已认真阅读，将严格遵守。"


def issuer(letter: LetterData) -> str:
    return letter.party_org_name.strip() or f"中共{letter.village}支部委员会"
