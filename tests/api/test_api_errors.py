"""Every API error is an RFC 9457 problem with the right status, and changes nothing."""

from __future__ import annotations

from dateline.live.models import LivePost

from .support import assert_problem, bearer, token_for


def test_unknown_path_is_a_problem(client, db):
    assert_problem(client.get("/api/v1/nothing-here"), 404)


def test_a_slash_too_many_or_too_few_is_a_problem_naming_the_real_path(client, newsroom):
    extra = client.get("/api/v1/editions/es/front-page/")
    assert extra.status_code == 404
    assert "Did you mean /api/v1/editions/es/front-page?" in extra.json()["detail"]
    missing = client.get("/api/v1/liveblogs")
    assert missing.status_code == 404
    assert "Did you mean /api/v1/liveblogs/?" in missing.json()["detail"]
    assert "Did you mean" not in client.get("/api/v1/nothing/here/").json()["detail"]


def test_unknown_ids_are_problems(client, newsroom):
    for path in ("/api/v1/articles/999999", "/api/v1/liveblogs/999999", "/api/v1/stories/999999"):
        assert_problem(client.get(path), 404)


def test_non_numeric_id_is_a_problem(client, newsroom):
    assert_problem(client.get("/api/v1/articles/banana"), 400)


def test_wrong_method_is_a_problem_naming_the_allowed_ones(client, newsroom):
    body = assert_problem(client.delete("/api/v1/editions/"), 405)
    assert body["detail"]
    assert "GET" in client.put("/api/v1/editions/")["Allow"]


def test_malformed_json_is_a_problem_and_posts_nothing(client, blog, reporter):
    response = client.post(
        f"/api/v1/liveblogs/{blog.pk}/posts",
        b'{"body": "unterminated',
        content_type="application/json",
        **bearer(token_for(client, "reporter")),
    )
    assert_problem(response, 400)
    assert not LivePost.objects.exists()


def test_oversized_body_is_a_problem_and_posts_nothing(client, blog, reporter, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(
        f"/api/v1/liveblogs/{blog.pk}/posts",
        {"body": "x" * 2000},
        content_type="application/json",
        **bearer(token_for(client, "reporter")),
    )
    assert_problem(response, 413)
    assert not LivePost.objects.exists()


def test_wrong_token_is_a_problem_on_reads_too(client, newsroom):
    response = client.get("/api/v1/stories/", **bearer("wagtail_nope"))
    assert_problem(response, 401)


def test_a_stale_token_in_the_header_does_not_stop_getting_a_new_one(client, reporter):
    response = client.post(
        "/api/v1/auth/token",
        {"username": "reporter", "password": "correct horse battery"},
        content_type="application/json",
        **bearer("wagtail_expired"),
    )
    assert response.status_code == 200


def test_a_nul_character_in_a_parameter_or_path_is_a_problem(client, newsroom):
    assert_problem(client.get("/api/v1/stories/?edition=c%00l"), 400)
    assert_problem(client.get("/api/v1/editions/c%00l"), 400)
