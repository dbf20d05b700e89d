"""Ids that arrive from outside (a path, a query string), bounded to what the database holds.

Primary keys are 64-bit signed integers on PostgreSQL and SQLite. A larger
number fails inside the query (SQLite cannot even bind it), so a door that
takes an id from outside checks it first and answers as for an id it does
not know.
"""

from __future__ import annotations

DATABASE_MAX_INT = 2**63 - 1


def is_database_id(number: int) -> bool:
    """Whether `number` can be a primary key: from 1 to the database's largest integer."""
    return 1 <= number <= DATABASE_MAX_INT
