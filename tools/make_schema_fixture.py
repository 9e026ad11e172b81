"""Write tests/fixtures/schema-<head>.db: a small database at the current schema.

Run once for each schema revision that is released, and commit the file: the tests upgrade
every stored fixture to the newest schema and compare its rows.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.clock import FixedClock  # noqa: E402
from app.data_dir import DataDir  # noqa: E402
from app.services.common.context import open_services  # noqa: E402
from app.services.common.profile import Profile  # noqa: E402
from app.services.members.member_types import PersonData, PostData  # noqa: E402
from db.migrate import head_revision  # noqa: E402


def main() -> None:
    clock = FixedClock(dt.datetime(2026, 11, 27, 9))
    target = ROOT / "tests" / "fixtures" / f"schema-{head_revision()}.db"
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(DataDir(Path(tmp)), clock)
        services.profile.save(Profile("红旗村", "城关镇", area_code="430124105201"))  # the key pair is made on open
        term = services.members.add_term("第十二届", dt.date(2026, 5, 1), dt.date(2031, 4, 30))
        start = dt.date(2026, 5, 1)
        people = [
            ("张三", "440308197503021235", ["党支部书记", "村委会主任"]),
            ("吴𠮷祥", None, ["监委会主任"]),
            ("李䶮", "430102198001015621", []),
        ]
        for name, number, posts in people:
            data = PersonData(
                values={"name": name, "id_number": number},
                posts=[PostData(t, start, None, term) for t in posts],
                duties="全面工作" if posts else "",
                term_id=term,
            )
            services.members.save(data)
        services.close()
        with closing(sqlite3.connect(Path(tmp) / "taizhang.db")) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        shutil.copyfile(Path(tmp) / "taizhang.db", target)
    print(target)


if __name__ == "__main__":
    main()
