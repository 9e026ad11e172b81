"""Year and month of a Date column as text, on either engine the village tables live on.

SQLite stores dates as YYYY-MM-DD text, where substr is twice as fast as strftime; PostgreSQL
(the township's copy of a village) has a real date type and no substr on it.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class year_of(FunctionElement):  # noqa: N801 - used like func.*
    type = String()
    inherit_cache = True


class month_of(FunctionElement):  # noqa: N801 - used like func.*
    type = String()
    inherit_cache = True


@compiles(year_of)
def _year_sqlite(element, compiler, **kw) -> str:  # noqa: ANN001
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 4)"


@compiles(month_of)
def _month_sqlite(element, compiler, **kw) -> str:  # noqa: ANN001
    return f"substr({compiler.process(element.clauses, **kw)}, 6, 2)"


@compiles(year_of, "postgresql")
def _year_pg(element, compiler, **kw) -> str:  # noqa: ANN001
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY')"


@compiles(month_of, "postgresql")
def _month_pg(element, compiler, **kw) -> str:  # noqa: ANN001
    return f"to_char({compiler.process(element.clauses, **kw)}, 'MM')"
