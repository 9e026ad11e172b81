"""export dossier FROM TO FOLDER: numbered folders, and a 目录 that lists every file with its
true page count."""

import re

from command_line import NOW, command_runner
from pypdf import PdfReader

from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.context import open_services
from app.services.common.demo_village import fill_sample_village


def test_the_dossier_of_the_sample_year_matches_its_index(tmp_path, capsys, monkeypatch):
    run = command_runner(tmp_path, capsys, monkeypatch)
    services = open_services(DataDir(run.data), FixedClock(NOW))
    fill_sample_village(services)
    services.close()
    out_dir = tmp_path / "巡察资料"
    code, out = run("export", "dossier", "2026-01-01", "2026-12-31", str(out_dir))
    assert code == 0, out
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "00 目录.pdf", "01 两委成员及党员花名册", "02 会议记录", "03 四议两公开", "04 三公开", "05 纪律提醒",
        "06 整改台账", "07 工作台账汇总"]
    files = sorted(p for p in out_dir.rglob("*") if p.is_file() and p.name != "00 目录.pdf")
    pages = {p: len(PdfReader(p).pages) for p in files if p.suffix == ".pdf"}
    attachments = len(files) - len(pages)
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(out_dir / "00 目录.pdf").pages))
    assert "内部留存" in text
    assert f"共{len(pages)}份文件{sum(pages.values())}页，附件{attachments}个。" in text
    assert text.count("会议记录.pdf") == sum(p.name == "会议记录.pdf" for p in files) > 50
    assert out.rstrip().endswith("目录见“00 目录.pdf”")
    assert (out_dir / "06 整改台账" / "整改台账.pdf").is_file()


def test_every_entry_of_the_index_is_a_file_with_that_many_pages(services, tmp_path):
    import datetime as dt

    from app.services.rectification.dossier import DossierBuilder

    fill_sample_village(services)
    entries = DossierBuilder(services, dt.date(2026, 1, 1), dt.date(2026, 12, 31), tmp_path / "out").build()
    on_disk = {str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert {f"{e.folder}/{e.name}" for e in entries} == on_disk - {"00 目录.pdf"}
    for e in entries:
        if e.pages is not None:
            assert len(PdfReader(tmp_path / "out" / e.folder / e.name).pages) == e.pages, e.name


def test_a_folder_with_files_is_refused(tmp_path, capsys, monkeypatch):
    run = command_runner(tmp_path, capsys, monkeypatch)
    busy = tmp_path / "旧资料"
    busy.mkdir()
    (busy / "a.txt").write_text("x")
    code, out = run("export", "dossier", "2026-01-01", "2026-12-31", str(busy))
    assert code == 2 and "里已有文件：请选择一个空文件夹" in out
