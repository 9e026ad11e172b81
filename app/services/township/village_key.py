"""The village's Ed25519 key pair: made once, kept in the village database, public half exported.

The private key sits in the database (a file private to the user, copied into every backup
and restored with it) and in no package: the package export leaves the table out by name.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.services.common.errors import UserError
from db.models import VillageKey
from db.session import Database

PUBLIC_KEY_FORMAT = "村支部台账-上报公钥-1"


@dataclass(frozen=True)
class PublicKeyCard:
    """What a .pub file holds: the key and whom it belongs to."""

    village_code: str
    village_name: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def to_json(self) -> str:
        return json.dumps({"format": PUBLIC_KEY_FORMAT, "village_code": self.village_code,
                           "village_name": self.village_name,
                           "public_key": base64.b64encode(self.public_key).decode("ascii"),
                           "fingerprint": self.fingerprint}, ensure_ascii=False, indent=2)


def fingerprint(public_key: bytes) -> str:
    """Sixteen hex digits in groups of four: short enough to read out over the phone."""
    digest = hashlib.sha256(public_key).hexdigest().upper()[:16]
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def ensure_key(db: Database, now: dt.datetime) -> None:
    """Make the key pair if the database has none (first start, or a file from before keys)."""
    with db.read() as s:
        if s.scalar(select(VillageKey.id)) is not None:
            return
    from nacl.signing import SigningKey

    private = SigningKey.generate()  # Ed25519; stored as its 32-byte seed
    with db.write() as s:
        s.add(VillageKey(id=1, private_key=bytes(private).hex(),
                         public_key=bytes(private.verify_key).hex(), created_at=now))


def public_key(db: Database) -> bytes:
    with db.read() as s:
        row = s.scalar(select(VillageKey))
    if row is None:
        raise UserError("这份数据还没有上报密钥：请关闭程序后重新打开（打开时会自动生成）")
    return bytes.fromhex(row.public_key)


def sign(db: Database, data: bytes) -> bytes:
    from nacl.signing import SigningKey

    with db.read() as s:
        row = s.scalar(select(VillageKey))
    if row is None:
        raise UserError("这份数据还没有上报密钥：请关闭程序后重新打开（打开时会自动生成）")
    return SigningKey(bytes.fromhex(row.private_key)).sign(data).signature


def verify(public: bytes, signature: bytes, data: bytes) -> bool:
    from nacl.exceptions import BadSignatureError, CryptoError
    from nacl.signing import VerifyKey

    try:
        VerifyKey(public).verify(data, signature)
    except (BadSignatureError, CryptoError, ValueError, TypeError):
        return False
    return True


def read_card(path: Path) -> PublicKeyCard:
    """A .pub file as the village wrote it; UserError saying what is wrong otherwise."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != PUBLIC_KEY_FORMAT:
            raise ValueError("format")
        key = base64.b64decode(data["public_key"], validate=True)
        if len(key) != 32:
            raise ValueError("length")
        card = PublicKeyCard(str(data["village_code"]), str(data["village_name"]), key)
    except FileNotFoundError:
        raise UserError(f"找不到公钥文件：{path}") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise UserError(f"“{Path(path).name}”不是村支部台账导出的公钥文件：请让村里用 export key 重新导出") from None
    return card
