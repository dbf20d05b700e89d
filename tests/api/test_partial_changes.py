"""A PATCH names what it changes: an empty change, an unknown field or a body that is
not an object is refused, never answered 200 having done nothing."""

from __future__ import annotations

import pytest

from .support import assert_problem, bearer, token_for


@pytest.mark.parametrize("body", ["{}", "[]", "null", "5", '{"nothing": 1}'])
def test_a_change_to_a_live_blog_that_names_nothing_is_refused(client, blog, editor, body):
    response = client.patch(
        f"/api/v1/liveblogs/{blog.pk}",
        body,
        content_type="application/json",
        **bearer(token_for(client, "editor")),
    )
    assert_problem(response, 400)


def test_a_patch_body_is_documented_as_naming_at_least_one_field(client, db):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert schemas["BlogPatch"]["minProperties"] == 1
