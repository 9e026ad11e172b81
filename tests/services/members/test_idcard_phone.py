import datetime as dt

import pytest
from conftest import ID_FEMALE_1980, ID_MALE_1975, TODAY

from app.services.common.errors import UserError
from app.services.members.idcard import mask_id, parse_id
from app.services.members.phone import mask_phone, validate_phone


def test_valid_id_gives_birth_date_and_sex():
    info = parse_id(ID_MALE_1975, TODAY)
    assert info.birth_date == dt.date(1975, 3, 2)
    assert info.gender == "男"
    assert parse_id(ID_FEMALE_1980, TODAY).gender == "女"


def test_lower_case_x_and_spaces_are_accepted():
    # 11010519491231002X is the standard's own example number.
    assert parse_id(" 11010519491231002x ", TODAY).number == "11010519491231002X"


def test_retired_area_code_is_not_rejected():
    # 4321 was a prefecture code abolished long ago; IDs issued there remain genuine.
    number = "432101197001010012"
    assert parse_id(number, TODAY).birth_date == dt.date(1970, 1, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("44030819750302123", "身份证号应为18位，现在是17位：请核对后重新填写"),
        ("44030819750302123A", "身份证号前17位只能是数字，最后一位是数字或X：请核对后重新填写"),
        ("440308197502301234", "身份证号中的出生日期“19750230”不是有效日期：请核对第7到14位"),
        ("440308203001011234", "身份证号中的出生日期“20300101”不合理：请核对第7到14位"),
        ("440308197503021234", "身份证号校验位不对（最后一位）：请逐位核对，可能有数字输错"),
        ("440308750302123", "这是旧的15位身份证号：请填写18位身份证号"),
    ],
)
def test_bad_ids_are_explained(text, message):
    with pytest.raises(UserError) as err:
        parse_id(text, TODAY)
    assert err.value.message == message
    assert err.value.field == "id_number"


def test_masks():
    assert mask_id(ID_MALE_1975) == "440308********1235"
    assert mask_phone("13812341027") == "138****1027"


@pytest.mark.parametrize("number", ["13812341027", "0731-84561234", "073184561234", "010-12345678"])
def test_valid_phones(number):
    assert validate_phone(number) == number


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("1381234102", "手机号应为11位数字，现在是10位：请核对"),
        ("12345", "手机号应为11位数字，现在是5位：请核对"),
        ("84561234", "电话号码格式不对：手机号写11位数字，座机写区号加号码（如 0731-84561234）"),
    ],
)
def test_bad_phones(number, message):
    with pytest.raises(UserError) as err:
        validate_phone(number)
    assert err.value.message == message


def test_full_width_digits_typed_in_the_form_are_accepted():
    assert parse_id("４４０３０８１９７５０３０２１２３５", TODAY).number == "440308197503021235"
    assert validate_phone("１３８１２３４１０２７") == "13812341027"


def test_digits_from_other_scripts_are_refused():
    arabic_indic = "".join(chr(0x0660 + int(c)) for c in "4403081975030212")
    with pytest.raises(UserError):
        parse_id(arabic_indic + "3X", TODAY)
    with pytest.raises(UserError) as err:
        validate_phone("1" + "".join(chr(0x0660 + int(c)) for c in "3812341027"))
    assert err.value.message.startswith("电话号码格式不对")


@pytest.mark.parametrize(("typed", "kept"), [
    ("0731-84561234", "0731-84561234"), ("（0731）84561234", "0731-84561234"), ("(010)12345678", "010-12345678"),
    ("0731 8456 1234", "073184561234"), ("13812341027", "13812341027"), ("12388", "12388"),
    ("400-123-4567", "400-123-4567"),
])
def test_supervision_phone_takes_landlines_mobiles_and_hotlines(typed, kept):
    from app.services.members.phone import validate_supervision_phone

    assert validate_supervision_phone(typed) == kept


@pytest.mark.parametrize("typed", ["84561234", "1381234102", "0731-845"])
def test_a_bad_supervision_phone_names_every_form_it_may_take(typed):
    from app.services.members.phone import validate_supervision_phone

    with pytest.raises(UserError) as err:
        validate_supervision_phone(typed)
    assert err.value.message == ("监督电话格式不对：座机写区号加号码（如 0731-84561234），手机写11位数字，"
                                 "也可以写 12388 这样的举报电话")
