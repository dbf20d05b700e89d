"""The live desk in the admin: who may open it, and its preview."""

from __future__ import annotations

from django.urls import reverse

from dateline.live import actions

from ..admin_refusals import refused, sent_to_sign_in
from ..factories import LiveBlogPageFactory


def test_reporter_opens_the_desk_of_a_blog_in_their_edition(client, blog, reporter):
    actions.check_publish_post(blog, reporter, "Evacuation ordered.")
    client.force_login(reporter)
    response = client.get(reverse("live_desk", args=(blog.pk,)))
    assert response.status_code == 200
    assert "Evacuation ordered." in response.content.decode()


def test_reporter_cannot_open_the_desk_of_another_edition(client, newsroom, reporter):
    mexico = LiveBlogPageFactory(parent=newsroom["mx"])
    client.force_login(reporter)
    response = client.get(reverse("live_desk", args=(mexico.pk,)))
    assert refused(response)
    assert "desk-form" not in response.content.decode()


def test_desk_index_lists_only_blogs_the_user_may_post_in(client, newsroom, blog, reporter):
    LiveBlogPageFactory(parent=newsroom["mx"], title="Mexico live")
    client.force_login(reporter)
    html = client.get(reverse("live_desk_index")).content.decode()
    assert blog.title in html
    assert "Mexico live" not in html


def test_only_editors_get_the_coverage_controls(client, blog, reporter, editor):
    client.force_login(reporter)
    assert (
        "desk-coverage-toggle"
        not in client.get(reverse("live_desk", args=(blog.pk,))).content.decode()
    )
    client.force_login(editor)
    assert (
        "desk-coverage-toggle" in client.get(reverse("live_desk", args=(blog.pk,))).content.decode()
    )


def test_preview_shows_the_sanitised_post(client, blog, reporter):
    client.force_login(reporter)
    response = client.post(
        reverse("live_desk_preview", args=(blog.pk,)), {"body": "Hi <script>alert(1)</script>"}
    )
    assert "<script" not in response.json()["html"]


def test_post_source_is_only_for_people_at_the_desk(client, blog, reporter, reader):
    post = actions.check_publish_post(blog, reporter, "Typed *exactly* so.")
    url = reverse("live_desk_post_source", args=(blog.pk, post.pk))
    client.force_login(reader)
    assert sent_to_sign_in(client.get(url))
    client.force_login(reporter)
    assert client.get(url).json() == {
        "id": post.pk,
        "body_source": "Typed *exactly* so.",
        "revision": 1,
    }


def test_desk_speaks_the_reporters_admin_language(client, blog, reporter):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(reporter)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(reporter)
    html = client.get(reverse("live_desk", args=(blog.pk,))).content.decode()
    # The script's own messages come from the page, so they are translated too.
    assert 'data-text-empty="Escribe la entrada antes de publicarla."' in html
    assert "comprueba la conexión" in html


def test_the_desks_refusals_come_in_the_reporters_admin_language(client, blog, reporter):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(reporter)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(reporter)
    response = client.post(
        f"/api/v1/liveblogs/{blog.pk}/posts", {"body": "   "}, content_type="application/json"
    )
    assert "Escribe la entrada antes de publicarla." in response.json()["detail"]
