"""The command line as the tests run it: the real parser, in-process, with a fixed clock."""

import datetime as dt

from app.cli.main import main
from app.clock import FixedClock

NOW = dt.datetime(2026, 11, 27, 9, 30)


def command_runner(tmp_path, capsys, monkeypatch):
    """run(*args) -> (exit code, what was printed); run.data is the data folder."""
    data = tmp_path / "data"
    monkeypatch.setattr("app.cli.main.SystemClock", lambda: FixedClock(NOW))

    def _run(*args):
        code = main(["--data-dir", str(data), *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    _run.data = data
    return _run
