"""The 回执 of an import, written into the township's 回执 folder for the village's file."""

from __future__ import annotations

from pathlib import Path

from app.services.common.safe_files import write_file
from app.services.safety.tamper_check import RECORD_NAMES
from app.services.township.package_import import ImportResult
from app.services.township.town_store import TownStore, period_text


def table_label(name: str) -> str:
    return RECORD_NAMES.get(name, name)


def write_receipt(store: TownStore, result: ImportResult, target: Path | None = None) -> Path:
    from app.reports.township.import_receipt import build_receipt

    if target is None:
        target = store.root / "回执" / f"{result.village_code}-{result.village_name}-第{result.sequence}号.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    counts = [(table_label(name), n) for name, n in result.counts.items() if n]
    write_file(target, lambda temp: build_receipt(
        temp, town=store.info().name, village=result.village_name, code=result.village_code,
        sequence=result.sequence, created=f"{result.created_at:%Y-%m-%d %H:%M}",
        period=period_text(*result.period), counts=counts, fingerprint=result.fingerprint,
        received=result.received_at, result=result.message))
    return target
