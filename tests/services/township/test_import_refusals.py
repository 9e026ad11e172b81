"""Each refusal of `town import`: a clear message, nothing written, and a line in the import log."""

import json
import zipfile

import pytest

from app.services.township import package_export
from app.services.township.package_import import REPEATED, TAKEN, import_package
from app.services.township.package_reader import ImportRefused
from app.services.township.village_key import read_card
from db.models import Meta
from app.services.members.member_types import PersonData
from tests.services.township.villages import (  # noqa: F401 - fixtures
    Village, copy_identity, copy_rows, registered, repack, town, village)


def refused(town, path, clock, says: str, **options) -> None:
    before = (sorted(p.name for p in town.root.rglob("*") if p.is_file() and p.name != "town.db"),
              [(v.code, v.sequence) for v in town.villages()])
    with pytest.raises(ImportRefused) as caught:
        import_package(town, path, clock, **options)
    assert says in caught.value.message
    after = (sorted(p.name for p in town.root.rglob("*") if p.is_file() and p.name != "town.db"),
             [(v.code, v.sequence) for v in town.villages()])
    assert after == before, "a refused import wrote something"
    last = town.import_log()[-1]
    assert (last.result, last.message) == ("已拒绝", caught.value.message)


def test_an_unregistered_village_is_refused(town, village, clock):
    refused(town, village.package(), clock, "区划代码 430124105201（红旗村）的村还没有登记，没有导入：请先让村里导出公钥（export key）")


def test_a_package_signed_with_another_key_is_refused(town, village, tmp_path, clock):
    impostor = Village(tmp_path / "other", "红旗村", "430124105201", clock)
    town.register(read_card(impostor.key()), clock.now())  # the township holds another key for this code
    refused(town, village.package(), clock, "数据包的签名与红旗村登记的密钥不符，没有导入")
    impostor.close()


def test_a_file_changed_after_signing_is_refused(registered, village, tmp_path, clock):
    def change(files, _manifest):
        files["tables/person.jsonl"] = files["tables/person.jsonl"].replace("红书记".encode(), "黑书记".encode())

    bad = repack(village.package(), tmp_path / "bad.tzpkg", change)
    refused(registered, bad, clock, "数据包里的文件 tables/person.jsonl 与清单不符，没有导入：文件在拷贝中损坏或被改动过")


def test_a_file_added_after_signing_is_refused(registered, village, tmp_path, clock):
    bad = repack(village.package(), tmp_path / "bad.tzpkg",
                 lambda files, _m: files.__setitem__("attachments/photos/x.jpg", b"123"))
    refused(registered, bad, clock, "数据包里的文件 attachments/photos/x.jpg 与清单不符")


def test_an_older_package_is_refused_unless_an_administrator_confirms(registered, village, clock):
    first, second = village.package(), village.package()
    assert import_package(registered, second, clock).result == TAKEN
    refused(registered, first, clock, "这个数据包是第 1 号，不比已导入的第 2 号新，没有导入：可能拿错了旧文件。"
                                      "确需导入时，由管理员核对后加 --confirm 再导入")
    assert import_package(registered, first, clock, confirm_fork=True).result == TAKEN


def test_a_fork_is_refused_unless_an_administrator_confirms(registered, village, clock):
    assert import_package(registered, village.package(), clock).result == TAKEN
    with village.services.db.write() as s:  # as after restoring an old backup and exporting again
        s.get(Meta, package_export.LAST_HASH_KEY).value = "0" * 64
    fork = village.package()
    refused(registered, fork, clock, "这个数据包不是接着已导入的第 1 号做的（前后对不上，可能是从旧备份恢复后导出的），没有导入")
    assert import_package(registered, fork, clock, confirm_fork=True).result == TAKEN


def test_a_newer_schema_is_refused(registered, village, clock, monkeypatch):
    monkeypatch.setattr(package_export, "SCHEMA_HEAD", "9001")
    refused(registered, village.package(), clock,
            "红旗村的数据包由更新版本的村支部台账做成（版本标记 9001），本程序不认识，没有导入：请先把乡镇的程序升级到最新版本")


def test_a_package_over_the_size_limit_is_refused(registered, village, clock):
    path = village.package()
    refused(registered, path, clock, f"有 {path.stat().st_size / 1048576:.1f} MB，超过上限 1000 字节，没有导入",
            max_bytes=1000)


@pytest.mark.parametrize("name", ["../../evil.db", "/etc/evil", "tables/../../x.jsonl", "tables\\..\\x"])
def test_a_path_escaping_the_package_is_refused(registered, village, tmp_path, clock, name):
    bad = tmp_path / "bad.tzpkg"
    with zipfile.ZipFile(village.package()) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.namelist():
            target.writestr(item, source.read(item))
        target.writestr(name, b"x")
    refused(registered, bad, clock, f"数据包里有不该有的文件路径“{name}”（指向数据包以外），没有导入")
    assert not (tmp_path / "evil.db").exists()


@pytest.mark.parametrize("row, says", [
    ('{"id": 1, "name": "王五", "birth_date": "1970-13-45"', "person 的记录格式不对（第2行不是正确的数据）"),
    ('{"id": 2, "name": "王五", "birth_date": "一九七〇年"}', "person 第 2 条记录不对"),
    ('{"id": 2, "name": "王五", "salary": 1}', "person 第 2 条记录有不认识的栏目 salary"),
    ('{"id": 1, "name": "重号"}', "有对不上的记录（person："),
    ('[1, 2]', "person 的记录格式不对（第2行不是一条记录）"),
])
def test_malformed_rows_are_refused_even_when_signed(registered, village, tmp_path, clock, row, says):
    def change(files, manifest):
        files["tables/person.jsonl"] += (row + "\n").encode()
        manifest["counts"]["person"] += 1

    refused(registered, repack(village.package(), tmp_path / "bad.tzpkg", change, village), clock, says)


def test_a_reference_to_a_missing_row_is_refused(registered, village, tmp_path, clock):
    def change(files, _manifest):
        lines = files["tables/post.jsonl"].decode().splitlines()
        post = json.loads(lines[0])
        post["person_id"] = 999
        files["tables/post.jsonl"] = (json.dumps(post) + "\n").encode()

    refused(registered, repack(village.package(), tmp_path / "bad.tzpkg", change, village), clock,
            "有对不上的记录（post 第 1 条记录引用了不存在的 person）")


def test_counts_that_disagree_with_the_manifest_are_refused(registered, village, tmp_path, clock):
    refused(registered, repack(village.package(), tmp_path / "bad.tzpkg",
                               lambda _f, manifest: manifest["counts"].__setitem__("person", 7), village), clock,
            "数据包里 person 有 1 条记录，清单上写的是 7 条，没有导入")


def test_not_a_package_is_refused(registered, tmp_path, clock):
    (tmp_path / "照片.tzpkg").write_bytes(b"\xff\xd8\xff not a zip")
    refused(registered, tmp_path / "照片.tzpkg", clock, "“照片.tzpkg”不是村支部台账的上报数据包（或已损坏），没有导入")


def test_importing_the_same_package_twice_changes_nothing(registered, village, clock):
    path = village.package()
    assert import_package(registered, path, clock).result == TAKEN
    stamp, rows = copy_identity(registered, "430124105201"), copy_rows(registered, "430124105201")
    again = import_package(registered, path, clock)
    assert (again.result, again.message) == (REPEATED, "红旗村第 1 号数据包以前已导入，这次没有任何改动")
    assert copy_identity(registered, "430124105201") == stamp and copy_rows(registered, "430124105201") == rows
    assert len(list(registered.packages_dir.rglob("*.tzpkg"))) == 1
    assert [e.result for e in registered.import_log()] == ["已导入", "重复"]


def test_a_refused_import_leaves_the_previous_copy_as_it_was(registered, village, tmp_path, clock):
    import_package(registered, village.package(), clock)
    stamp, rows = copy_identity(registered, "430124105201"), copy_rows(registered, "430124105201")
    village.services.members.save(PersonData(values={"name": "李芳"}))

    def change(files, _manifest):
        post = json.loads(files["tables/post.jsonl"].decode().splitlines()[0])
        post["person_id"] = 999
        files["tables/post.jsonl"] = (json.dumps(post) + "\n").encode()

    refused(registered, repack(village.package(), tmp_path / "bad.tzpkg", change, village), clock, "有对不上的记录")
    assert copy_identity(registered, "430124105201") == stamp and copy_rows(registered, "430124105201") == rows
    assert ("红书记",) in [r[1:2] for r in rows["person"]] and "李芳" not in str(rows["person"])


def test_a_server_failure_midway_leaves_the_previous_postgresql_copy(registered, village, clock, monkeypatch):
    if registered.db_url is None:
        pytest.skip("PostgreSQL only: the copy's rows are written in one transaction")
    import sqlalchemy.exc

    from db import town_pg

    import_package(registered, village.package(), clock)
    rows = copy_rows(registered, "430124105201")
    village.services.members.save(PersonData(values={"name": "李芳"}))
    written = []

    copy_rows_in = town_pg._copy_rows

    def fail_on_third_table(conn, schema, table, rows):  # noqa: ANN001
        written.append(table.name)
        if len(written) == 3:
            raise sqlalchemy.exc.DataError("INSERT", {}, Exception("服务器出错"))
        return copy_rows_in(conn, schema, table, rows)

    monkeypatch.setattr(town_pg, "_copy_rows", fail_on_third_table)
    refused(registered, village.package(), clock, "红旗村的数据包里有对不上的记录（服务器出错），没有导入")
    assert copy_rows(registered, "430124105201") == rows and len(written) == 3


def test_a_confirmed_package_from_a_restored_backup_is_taken_though_its_number_was_used(registered, village, clock):
    """After restoring a backup the village numbers its next package again from the backup's count:
    the administrator's confirmation takes it, and the list shows the package now in the copy."""
    first = village.package()
    assert import_package(registered, first, clock).result == TAKEN
    after_first = registered.last_package(village.code).package_hash
    assert import_package(registered, village.package(), clock).result == TAKEN
    with village.services.db.write() as s:  # the backup made right after the first package
        s.get(Meta, package_export.SEQUENCE_KEY).value = "1"
        s.get(Meta, package_export.LAST_HASH_KEY).value = after_first
    village.services.members.save(PersonData(values={"name": "恢复后新增", "gender": "女"}, posts=[], duties=""))
    again = village.package()
    refused(registered, again, clock, "这个数据包是第 2 号，不比已导入的第 2 号新")
    assert import_package(registered, again, clock, confirm_fork=True).result == TAKEN
    [shown] = registered.villages()
    assert shown.sequence == 2 and shown.counts["person"] == 2
    assert any("恢复后新增" in row for row in map(str, copy_rows(registered, village.code)["person"]))
    assert len(list((registered.packages_dir / village.code).iterdir())) == 3, "every package taken is kept"


def test_an_older_package_confirmed_is_what_the_list_shows(registered, village, clock):
    first, second = village.package(), village.package()
    import_package(registered, second, clock)
    import_package(registered, first, clock, confirm_fork=True)
    [shown] = registered.villages()
    assert shown.sequence == 1, "the list names the package the copy now holds"
    assert registered.last_package(village.code).sequence == 1
