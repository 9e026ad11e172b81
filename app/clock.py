"""The clock is injected so that tests never depend on the time of day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    def today(self) -> dt.date: ...

    def now(self) -> dt.datetime: ...


class SystemClock:
    def today(self) -> dt.date:
        return dt.date.today()

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)


@dataclass
class FixedClock:
    moment: dt.datetime

    def today(self) -> dt.date:
        return self.moment.date()

    def now(self) -> dt.datetime:
        return self.moment
