"""Personal numbers on public notices: found, masked, and public ones kept whole."""

import pytest

from app.services.notices.notice_masking import (
    BANK_CARD,
    ID_NUMBER,
    MOBILE,
    find_numbers,
    mask_item_text,
    mask_text,
    preview_lines,
)

ID = "440308197503021234"


@pytest.mark.parametrize(("text", "kind", "written", "masked"), [
    (f"身份证号：{ID}。", ID_NUMBER, ID, "440308********1234"),
    ("身份证 44030819750302123x", ID_NUMBER, "44030819750302123x", "440308********123X"),
    ("４４０３０８１９７５０３０２１２３４", ID_NUMBER, "４４０３０８１９７５０３０２１２３４", "440308********1234"),
    ("440308 19750302 1234", ID_NUMBER, "440308 19750302 1234", "440308********1234"),
    ("卡号6222021234567890123", BANK_CARD, "6222021234567890123", "6222***********0123"),
    ("卡号 6222 0212 3456 7890", BANK_CARD, "6222 0212 3456 7890", "6222********7890"),
    ("卡号 6222-0212-3456-7890-12", BANK_CARD, "6222-0212-3456-7890-12", "6222**********9012"),
    ("18 digits, no birth date: 622202999999999999", BANK_CARD, "622202999999999999", "6222**********9999"),
    ("电话13800131027", MOBILE, "13800131027", "138****1027"),
    ("电话 138 0013 1027 找张三", MOBILE, "138 0013 1027", "138****1027"),
    ("电话 138-0013-1027", MOBILE, "138-0013-1027", "138****1027"),
    ("电话 +86 138 0013 1027", MOBILE, "138 0013 1027", "138****1027"),
    ("电话 8613800131027", MOBILE, "13800131027", "138****1027"),
    ("电话：１３８００１３１０２７", MOBILE, "１３８００１３１０２７", "138****1027"),
])
def test_each_kind_is_found_and_masked(text, kind, written, masked):
    [found] = find_numbers(text)
    assert (found.kind, found.text, found.masked) == (kind, written, masked)
    assert text[found.start:found.end] == written


@pytest.mark.parametrize("text", [
    "监督电话 0731-84561234",
    "座机 073184561234",
    "12000309001",  # 11 digits, but not a mobile (starts 12)
    "金额 12,345.67 元，共 1380013102 元",  # ten digits
    "2026年7月1日 20260701",
    "统一社会信用代码 91430100MA4L12345X",
    "订单号 12345678901234567890123",  # too long for any kind
    "",
])
def test_landlines_amounts_dates_and_other_numbers_are_left_alone(text):
    assert find_numbers(text) == []
    assert mask_text(text, set()) == text


def test_a_date_before_a_mobile_does_not_hide_it():
    [found] = find_numbers("2026-07-01 138 0013 1027")
    assert found.masked == "138****1027"


def test_mask_text_masks_all_but_public_numbers_compared_by_digits():
    text = (f"张三（{ID}）补贴已打入卡 6222 0212 3456 7890，联系 13900001111；"
            "村委会联系电话 138-0013-1027，监督电话 0731-84561234。")
    masked = mask_text(text, {"13800131027", "0731-84561234"})
    assert masked == ("张三（440308********1234）补贴已打入卡 6222********7890，联系 139****1111；"
                      "村委会联系电话 138-0013-1027，监督电话 0731-84561234。")
    assert ID not in masked and "13900001111" not in masked


def test_public_with_country_code_still_matches():
    assert mask_text("电话 13800131027", {"+86 138 0013 1027"}) == "电话 13800131027"


def test_an_id_number_marked_public_would_stay_but_others_do_not():
    assert mask_text(f"{ID} 和 11010519491231002X", {ID}) == f"{ID} 和 110105********002X"


def test_item_text_masks_phones_too():
    assert mask_item_text("经手人 李四 13800131027", set()) == "经手人 李四 138****1027"
    assert mask_item_text("王五 6222021234567890", {"0731-84561234"}) == "王五 6222********7890"


def test_preview_lines_list_what_is_masked_and_what_stays_in_order():
    text = ("请联系 13800131027 或 0731-84561234，张三身份证 " + ID
            + "，再次联系 138 0013 1027，银行卡 6222021234567890")
    assert preview_lines(text, {"0731-84561234"}) == [
        "将打码：138****1027（手机号）",
        "公开号码，不打码：0731-84561234",
        "将打码：440308********1234（身份证号）",
        "将打码：6222********7890（银行卡号）",
    ]


def test_preview_lines_show_a_public_mobile_as_written():
    assert preview_lines("监督电话：138-0013-1027", {"13800131027"}) == ["公开号码，不打码：138-0013-1027"]
    assert preview_lines("没有号码", {"13800131027"}) == []
