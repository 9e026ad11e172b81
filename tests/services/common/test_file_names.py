from app.services.common.file_names import safe_file_name


def test_names_keep_their_words_and_lose_what_windows_refuses():
    assert safe_file_name("红旗村2026年第三季度财务收支公开.pdf") == "红旗村2026年第三季度财务收支公开.pdf"
    assert safe_file_name('村道/桥梁: "一期" 工程?.pdf') == "村道_桥梁_一期_工程.pdf"
    assert safe_file_name("关于《通知》的更正<2>|*") == "关于《通知》的更正_2"
    assert safe_file_name("名单...  ") == "名单"
    assert safe_file_name("CON.pdf") == "_CON.pdf" and safe_file_name("") == "打印"
    assert len(safe_file_name("长" * 300 + ".pdf")) == 124
