"""Integer types for ids and positions that the database can hold.

A number past the database's 64-bit range would fail inside the query; bounding
it in the schema makes it a 400 that the OpenAPI document states.
"""

from __future__ import annotations

from typing import Annotated

from annotated_types import Interval

from dateline.lib.ids import DATABASE_MAX_INT

Id = Annotated[int, Interval(ge=1, le=DATABASE_MAX_INT)]
Position = Annotated[int, Interval(ge=0, le=DATABASE_MAX_INT)]
