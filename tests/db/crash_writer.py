"""Child process for test_crash_safety: saves people through the real data layer forever.

Usage: python tests/db/crash_writer.py DATA_DIR

Each line written to stdout is the id of a person whose save has returned, that is whose
transaction has committed. The parent kills this process with SIGKILL at a random moment
and then checks that every reported id survived.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Run as a script from the repository root: make `app` and `db` importable either way.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.clock import FixedClock  # noqa: E402
from app.data_dir import DataDir  # noqa: E402
from app.services.common.datastore import open_database  # noqa: E402
from app.services.members.member_types import PersonData, PostData  # noqa: E402
from app.services.members.members import MemberService  # noqa: E402

CLOCK = FixedClock(dt.datetime(2026, 11, 27, 10, 0))


def main(argv: list[str]) -> int:
    data_dir = DataDir(Path(argv[1]))
    db = open_database(data_dir, CLOCK)
    members = MemberService(db, CLOCK)
    # Continue numbering after what earlier (killed) runs left behind.
    i = members.count() + 1
    out = sys.stdout
    while True:
        data = PersonData(
            values={"name": f"压力测试{i}", "phone": "13812341027"},
            posts=[PostData("村委会委员")],
        )
        person_id = members.save(data)
        # Only now, after the commit, does the parent learn about this id.
        out.write(f"{person_id}\n")
        out.flush()
        i += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
