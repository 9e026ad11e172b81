"""The village profile: name, township, organisations, 监督电话. It prints on every page."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select

from app.services.common.errors import UserError, ValidationFailed
from app.services.members.phone import validate_supervision_phone
from app.services.safety.actor import Permission, require
from app.services.township.area_code import check_area_code
from db.models import VillageProfile
from db.session import Database


@dataclass
class Profile:
    village_name: str
    township: str = ""
    party_org_name: str = ""
    committee_name: str = ""
    supervision_phone: str = ""
    area_code: str = ""  # 统计用区划代码

    @property
    def party_org(self) -> str:
        """The branch as every print names it (中共红旗村支部委员会 unless the profile says otherwise)."""
        return self.party_org_name.strip() or f"中共{self.village_name}支部委员会"

    @property
    def committee(self) -> str:
        return self.committee_name.strip() or f"{self.village_name}村民委员会"


class ProfileService:
    def __init__(self, db: Database):
        self.db = db

    def get(self) -> Profile | None:
        with self.db.read() as s:
            row = s.scalar(select(VillageProfile))
            if row is None:
                return None
            return Profile(
                row.village_name,
                row.township,
                row.party_org_name,
                row.committee_name,
                row.supervision_phone,
                row.area_code,
            )

    def key_fingerprint(self) -> str:
        """The fingerprint of the village's signing key, as the township sees it ("" when none yet)."""
        from app.services.township.village_key import fingerprint, public_key

        try:
            return fingerprint(public_key(self.db))
        except UserError:
            return ""

    def for_print(self) -> Profile:
        """The profile a print needs; UserError saying where to fill it in when there is none."""
        profile = self.get()
        if profile is None:
            raise UserError("还没有填写村庄信息：请先在 设置 → 村庄信息 中填写村名")
        return profile

    def save(self, profile: Profile) -> Profile:
        require(self.db, Permission.SETTINGS)
        clean = Profile(**{k: str(v or "").strip() for k, v in asdict(profile).items()})
        problems: dict[str, str] = {}
        if not clean.village_name:
            problems["village_name"] = "请填写村名，例如 红旗村"
        elif len(clean.village_name) > 50:
            problems["village_name"] = "村名太长：最多50个字"
        try:
            clean.supervision_phone = validate_supervision_phone(clean.supervision_phone)
        except UserError as exc:
            problems["supervision_phone"] = exc.message
        try:
            clean.area_code = check_area_code(clean.area_code)
        except UserError as exc:
            problems["area_code"] = exc.message
        if problems:
            raise ValidationFailed(problems)
        clean.party_org_name, clean.committee_name = clean.party_org, clean.committee
        with self.db.write() as s:
            row = s.scalar(select(VillageProfile))
            if row is None:
                row = VillageProfile(id=1)
                s.add(row)
            for key, value in asdict(clean).items():
                setattr(row, key, value)
        return clean
