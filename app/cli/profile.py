"""Headless command for the village profile (村庄信息): show it, or set it as the dialog does."""

from __future__ import annotations

import argparse
from dataclasses import asdict, replace

from app.cli.exit_codes import EXIT_OK
from app.services.common.errors import ValidationFailed
from app.services.common.profile import Profile

# Option -> profile field, in the order the profile prints.
OPTIONS = {"village": "village_name", "township": "township", "party_org": "party_org_name",
           "committee": "committee_name", "phone": "supervision_phone",
           "code": "area_code"}
LABELS = {"village_name": "村名", "township": "乡镇", "party_org_name": "党组织名称",
          "committee_name": "村委会名称", "supervision_phone": "监督电话",
          "area_code": "统计用区划代码"}


def profile(services, args: argparse.Namespace) -> int:  # noqa: ANN001
    """Without options: print the profile. With any: change those fields (ProfileService checks them)."""
    changes = {field: getattr(args, option) for option, field in OPTIONS.items() if getattr(args, option) is not None}
    current = services.profile.get()
    if changes:
        try:
            current = services.profile.save(replace(current or Profile(""), **changes))
        except ValidationFailed as exc:
            exc.message = "；".join(f"{LABELS[k]}：{m}" for k, m in exc.problems.items())
            raise
        print("已保存村庄信息：")
    elif current is None:
        print("还没有填写村庄信息：用 profile --village 村名 --township 乡镇 --phone 监督电话 填写")
        return EXIT_OK
    for field, value in asdict(current).items():
        print(f"{LABELS[field]}：{value or '（未填写）'}")
    return EXIT_OK
