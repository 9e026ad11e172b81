"""The .tzpkg file: a zip of one JSON-lines file per table, a manifest and a signature.

Rows are plain JSON values (dates as ISO text, money as decimal text), never code. The
manifest lists every file's SHA-256; the signature (Ed25519) covers the manifest's bytes, so
one signature covers every byte of the package. A package's identity is the SHA-256 of its
manifest: the next package names it as ``previous_hash``.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import Column, Date, DateTime, LargeBinary, Numeric, Table

from db.models import Base
from db.models.township import NOT_EXPORTED

FORMAT = "村支部台账-上报数据包-1"
MANIFEST = "manifest.json"
SIGNATURE = "signature.sig"
TABLES_DIR = "tables/"
ATTACHMENTS_DIR = "attachments/"
MAX_PACKAGE_BYTES = 200 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
SUFFIX = ".tzpkg"


def exported_tables() -> list[Table]:
    """Every table of the village schema but the key and the bookkeeping, parents first.

    Generic over Base.metadata: a ledger added later travels without a change here.
    """
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_EXPORTED]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def encode_value(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def decoder(column: Column) -> Callable[[object], object]:
    """The function giving ``column``'s stored value from a package's value; it raises ValueError
    when the value cannot be one. Worked out once per column, used for every row."""
    convert = _converter(column)
    may_be_empty = column.nullable or column.primary_key

    def decode(value: object) -> object:
        if value is None:
            if not may_be_empty:
                raise ValueError(f"{column.name} 不能为空")
            return None
        return convert(value)

    return decode


def _converter(column: Column) -> Callable[[object], object]:
    kind = column.type
    if isinstance(kind, DateTime):
        return lambda value: dt.datetime.fromisoformat(_text(column, value))
    if isinstance(kind, Date):
        return lambda value: dt.date.fromisoformat(_text(column, value))
    if isinstance(kind, Numeric):
        def number(value: object) -> decimal.Decimal:
            try:
                return decimal.Decimal(_text(column, value))
            except decimal.InvalidOperation:
                raise ValueError(f"{column.name} 不是数字") from None
        return number
    if isinstance(kind, LargeBinary):
        return lambda value: base64.b64decode(_text(column, value), validate=True)
    python_type = kind.python_type
    if python_type is bool:
        def flag(value: object) -> bool:
            if not isinstance(value, bool):
                raise ValueError(f"{column.name} 应为是或否")
            return value
        return flag
    if python_type is int:
        # The log names a settings row by its text key in record_id: SQLite keeps what was
        # written, and the copy must too (the log's hashes cover it). Keys stay integers.
        text_allowed = not column.primary_key and not column.foreign_keys

        def whole(value: object) -> object:
            if text_allowed and isinstance(value, str):
                return value
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{column.name} 应为整数")
            return value
        return whole
    if python_type is float:
        def real(value: object) -> object:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"{column.name} 应为数字")
            return value
        return real
    return lambda value: _text(column, value)


def _text(column: Column, value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{column.name} 应为文字")
    return value


def rows_to_jsonl(rows: Iterable[dict[str, object]]) -> bytes:
    lines = (json.dumps({k: encode_value(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True)
             for row in rows)
    return "".join(line + "\n" for line in lines).encode("utf-8")


def jsonl_rows(data: bytes) -> Iterator[dict[str, object]]:
    """The rows of one table file; ValueError on anything that is not one JSON object a line."""
    # Only "\n" ends a line: splitlines() would also cut at U+0085 or U+2028 inside a text.
    for number, line in enumerate(data.decode("utf-8").split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise ValueError(f"第{number}行不是正确的数据") from None
        if not isinstance(row, dict):
            raise ValueError(f"第{number}行不是一条记录")
        yield row


def zip_bytes(manifest_data: bytes, signature: bytes, files: dict[str, bytes]) -> bytes:
    """The one byte-exact form of a package: stored (not compressed) entries, fixed stamps, sorted names.

    Zip headers carry dates and flags no hash covers; with one exact form, the township
    rebuilds it and refuses a file that differs anywhere, so no byte can change unnoticed.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in [(MANIFEST, manifest_data), (SIGNATURE, signature.hex().encode("ascii")),
                           *sorted(files.items())]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.create_system, info.external_attr = 3, 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def manifest_bytes(manifest: dict[str, object]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
