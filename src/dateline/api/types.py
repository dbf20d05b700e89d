"""Types the API's schemas share: ids and positions the database can hold, and
partial changes (PATCH bodies).

Ids and positions:

A number past the database's 64-bit range would fail inside the query; bounding
it in the schema makes it a 400 that the OpenAPI document states.
"""

from __future__ import annotations

from typing import Annotated

from annotated_types import Interval
from ninja import Schema
from pydantic import ConfigDict, StringConstraints, model_validator

from dateline.lib.ids import DATABASE_MAX_INT

Id = Annotated[int, Interval(ge=1, le=DATABASE_MAX_INT)]
Position = Annotated[int, Interval(ge=0, le=DATABASE_MAX_INT)]

# Text a person sends: never a NUL (no database stores one), stated in the document.
NO_NUL = r"^[^\x00]*$"
Text = Annotated[str, StringConstraints(pattern=NO_NUL)]
# An edition's or topic's slug, as Wagtail makes them: letters, digits, - and _.
SLUG = r"^[-\w]+$"


class Body(Schema):
    """A request body: a field the operation does not take is an error, not ignored."""

    model_config = ConfigDict(extra="forbid")


class Patch(Body):
    """A partial change: only the fields it names change, it names at least one,
    and a field the resource does not have is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})

    @model_validator(mode="after")
    def names_a_change(self):
        if not self.model_fields_set:
            raise ValueError("Name at least one field to change.")
        return self
