"""Walk the whole program as a clerk sees it and photograph every screen.

    .venv/bin/python tools/walk.py [FOLDER] [--large-only]

Runs the real window system (Qt's xcb platform) on a 1366×768 screen: under the DISPLAY
given, or on an Xvfb started here on a free display when DISPLAY is unset. The sample village
is loaded with a fixed clock (2026-11-27), the screen keeps 40 px for a taskbar as on the
office PC (1366×728 free), and every tab, page and dialog (app/ui/shell/dialog_catalogue.py)
is shown in normal size and in 大字模式, then the township's window on the demo township.
Whole-screen PNGs go to FOLDER (default out/walk/):
what falls off the screen is cut off in the picture too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCREEN = (1366, 768)
TASKBAR = 40


def start_xvfb() -> subprocess.Popen:
    """An Xvfb on the first free display; DISPLAY is set for the Qt started afterwards."""
    for number in range(99, 200):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    else:
        raise SystemExit("no free X display between :99 and :199")
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if server.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"Xvfb :{number} did not start")
        time.sleep(0.05)
    os.environ["DISPLAY"] = f":{number}"
    return server


def walk(out: Path, modes: list[bool]) -> list[Path]:
    from PySide6.QtCore import QRect

    from app.clock import FixedClock
    from app.data_dir import DataDir
    from app.services.common.context import open_services
    from app.services.common.demo_village import fill_sample_village
    from app.services.safety.actor import Actor, Role
    from app.ui.common import dialogs, screen_fit
    from app.ui.shell.dialog_catalogue import entries
    from app.ui.shell.main_window import MainWindow
    from app.ui.shell.qt_app import apply_font_size, create_application

    app = create_application(sys.argv[:1])
    free = QRect(0, 0, SCREEN[0], SCREEN[1] - TASKBAR)
    screen_fit.available_geometry = lambda _widget=None: free  # the taskbar Xvfb does not have
    for name in dir(dialogs):  # a question in the middle of the walk is noted, not waited for
        if name.startswith(("ask_", "show_")):
            setattr(dialogs, name, lambda *args, _name=name, **_kw: print(f"  ({_name}: {args[1:3]})"))
    shots: list[Path] = []

    def shoot(name: str) -> None:
        settle = time.monotonic() + 0.5  # the PDF preview draws its pages in the background
        while time.monotonic() < settle:
            app.processEvents()
            time.sleep(0.02)
        path = out / f"{name}.png"
        app.primaryScreen().grabWindow(0).save(str(path))
        shots.append(path)
        print(path)

    scratch = Path(tempfile.mkdtemp(prefix="walk-"))
    services = open_services(DataDir(scratch / "data"), FixedClock(dt.datetime(2026, 11, 27, 9, 0)))
    fill_sample_village(services)
    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    services.act_as(Actor("王文书", Role.ADMIN))
    for large in modes:
        prefix = "大字-" if large else ""
        apply_font_size(app, large)
        window = MainWindow(services.data_dir, large=large)
        window.attach(services)
        window.setGeometry(free.adjusted(0, 0, -screen_fit.FRAME_WIDTH, -screen_fit.FRAME_HEIGHT))
        window.show()
        pages = []
        for tab in window.all_tabs():  # a tab with inner pages is photographed once per page
            inner = getattr(tab, "pages", None)
            pages += [(tab, p) for p in range(inner.count())] if inner is not None else [(tab, None)]
        for number, (tab, page) in enumerate(pages, 1):
            window.tabs.setCurrentWidget(tab)
            title = tab.title
            if page is not None:
                tab.pages.setCurrentIndex(page)
                title += "-" + tab.pages.tabText(page)
            shoot(f"{prefix}{number:02d}-{title}")
        window.tabs.setCurrentIndex(0)
        for number, entry in enumerate(entries(), 1):
            dialog = entry.open(services, window, scratch)
            dialog.show()
            shoot(f"{prefix}d{number:02d}-{entry.name}")
            dialog.done(0)
        window.hide()
    services.close()
    walk_town(scratch, free, shoot)
    return shots


def walk_town(scratch: Path, free, shoot) -> None:  # noqa: ANN001 - QRect, the shoot function above
    """The township's window on the demo township: the villages, then the villages × requirements matrix."""
    from app.clock import FixedClock
    from app.services.township.matrix import overview
    from app.services.township.town_demo import build_demo_town
    from app.services.township.town_store import TownStore
    from app.services.township.village_reads import open_village
    from app.ui.common import screen_fit
    from app.ui.township.town_window import TownWindow

    clock = FixedClock(dt.datetime(2026, 11, 27, 9, 0))
    build_demo_town(scratch / "town", "白沙镇", clock)
    store = TownStore(scratch / "town")
    window = TownWindow(overview(store, clock, 2026), clock.today(), lambda code: open_village(store, code, clock))
    window.setGeometry(free.adjusted(0, 0, -screen_fit.FRAME_WIDTH, -screen_fit.FRAME_HEIGHT))
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        shoot(f"t{index + 1:02d}-乡镇-{window.tabs.tabText(index)}")
    bar = window.matrix_page.view.horizontalScrollBar()  # the columns beyond the screen's width
    bar.setValue(bar.maximum())
    shoot(f"t{window.tabs.count() + 1:02d}-乡镇-村×要求-右侧")
    window.hide()
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description="Photograph every tab and dialog at 1366×768.")
    parser.add_argument("folder", nargs="?", default=str(ROOT / "out" / "walk"))
    parser.add_argument("--large-only", action="store_true", help="只拍大字模式")
    parser.add_argument("--normal-only", action="store_true", help="只拍普通字号")
    args = parser.parse_args()
    out = Path(args.folder)
    out.mkdir(parents=True, exist_ok=True)
    server = start_xvfb() if not os.environ.get("DISPLAY") else None
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    modes = [False] if args.normal_only else [True] if args.large_only else [False, True]
    try:
        shots = walk(out, modes)
        print(f"{len(shots)} screenshots in {out}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    sys.stdout.flush()
    os._exit(0)  # PySide6 6.12 on 3.11 can abort at exit after many calls (see TECH-NOTES)


if __name__ == "__main__":
    main()
