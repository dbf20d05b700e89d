"""Every role, every newsroom action, in the person's own edition and in another.

Each action is really attempted, the way a person would (the page editor, the
live API, the desk's actions); an allowed one changes the story, a refused one
changes nothing. `reporter` reports for Chile, `editor` edits España and Chile, `chief` is
Chile's edition admin, `admin` is a site admin, `reader` has no newsroom role; "other" is México.
"""

from __future__ import annotations

import contextlib

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import WorkflowState

from dateline.articles.actions import check_correct_article
from dateline.articles.models import ArticlePage
from dateline.comments.models import Comment
from dateline.editions.actions import check_grant_role
from dateline.live.models import LivePost, LiveState

from ..articles.support import add_url, article_form
from ..factories import ArticlePageFactory, LiveBlogPageFactory


def create_story(client, user, edition):
    before = ArticlePage.objects.count()
    client.post(add_url(edition), article_form(slug="nueva"))
    return ArticlePage.objects.count() == before + 1


def edit_story(client, user, edition):
    story = ArticlePageFactory(parent=edition, title="Original")
    story.save_revision().publish()
    data = article_form(slug=story.slug, title="Editada")
    data["loaded_revision_id"] = str(story.get_latest_revision().pk)
    data["loaded_revision_created_at"] = story.get_latest_revision().created_at.isoformat()
    client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    story.refresh_from_db()
    return story.get_latest_revision().as_object().title == "Editada"


def publish_story(client, user, edition):
    story = ArticlePageFactory(parent=edition, title="Borrador", live=False)
    story.save_revision()
    data = article_form(slug=story.slug, title="Publicada")
    data["action-publish"] = "publish"
    client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    story.refresh_from_db()
    return story.live


def correct_story(client, user, edition):
    story = ArticlePageFactory(parent=edition)
    story.save_revision().publish()
    with contextlib.suppress(PermissionDenied):
        check_correct_article(ArticlePage.objects.get(pk=story.pk), user, "Una corrección.")
    return ArticlePage.objects.get(pk=story.pk).corrections.exists()


def approve_review(client, user, edition):
    story = ArticlePageFactory(parent=edition, live=False)
    story.save_revision()
    story.get_workflow().start(story, story.owner or user)
    state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress")
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[story.pk, "approve", state.current_task_state.pk],
        )
    )
    story.refresh_from_db()
    return story.live


def post_live(client, user, edition):
    blog = LiveBlogPageFactory(parent=edition)
    client.post(f"/api/v1/liveblogs/{blog.pk}/posts", {"body": "Última hora."}, "application/json")
    return LivePost.objects.filter(blog=blog).exists()


def close_coverage(client, user, edition):
    blog = LiveBlogPageFactory(parent=edition)
    client.patch(f"/api/v1/liveblogs/{blog.pk}", {"status": "ended"}, "application/json")
    return LiveState.objects.filter(blog=blog, status="ended").exists()


def moderate_a_comment(client, user, edition):
    story = ArticlePageFactory(parent=edition)
    author = get_user_model().objects.create_user("commenter", "commenter@example.com", "x")
    comment = Comment.objects.create(
        story=story, author=author, text="Pending.", html="<p>Pending.</p>", status="pending"
    )
    client.post(
        reverse("comments_queue"),
        {"action": "approve", "comment": [comment.pk], "queue": "pending"},
    )
    comment.refresh_from_db()
    return comment.status == "published"


def give_a_role(client, user, edition):
    newcomer = get_user_model().objects.create_user("newcomer", "newcomer@example.com", "x")
    with contextlib.suppress(PermissionDenied):
        check_grant_role(user, newcomer, edition, "reporters")
    return newcomer.groups.exists()


ACTIONS = {
    "create a story": create_story,
    "edit a story": edit_story,
    "publish a story": publish_story,
    "correct a story": correct_story,
    "approve a story in review": approve_review,
    "post live": post_live,
    "open or close live coverage": close_coverage,
    "moderate a comment": moderate_a_comment,
    "give someone a role": give_a_role,
}
EVERYTHING = set(ACTIONS)
EDITING = EVERYTHING - {"give someone a role"}
REPORTING = {"create a story", "edit a story", "post live"}

# role → (what it may do in its own edition, what it may do in another)
ALLOWED = {
    "reporter": (REPORTING, set()),
    "editor": (EDITING, set()),
    "chief": (EVERYTHING, set()),
    "admin": (EVERYTHING, EVERYTHING),
    "reader": (set(), set()),
}
OWN_EDITION = {"reporter": "cl", "editor": "cl", "chief": "cl", "admin": "cl", "reader": "cl"}


@pytest.mark.parametrize("side", ["own", "other"])
@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_permission_matrix(request, client, newsroom, role, action, side):
    user = request.getfixturevalue(role)
    edition = newsroom[OWN_EDITION[role] if side == "own" else "mx"]
    client.force_login(user)
    allowed = action in ALLOWED[role][0 if side == "own" else 1]
    assert ACTIONS[action](client, user, edition) is allowed
