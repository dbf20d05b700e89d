"""A story's comments under it: `{% load comments_tags %}{% comment_section page %}`.

Articles and live blogs show their comments through this tag, so the story
pages know nothing of comments.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils import timezone

from dateline.articles.models import StoryPage
from dateline.comments.models import Comment, CommenterBlock

register = template.Library()


@register.inclusion_tag("comments/_section.html", takes_context=True)
def comment_section(context, story: StoryPage) -> dict:
    """The section: its form (or why there is none) and the threads."""
    request = context["request"]
    return {
        "page": story,
        "request": request,
        "user": request.user,
        "messages": context.get("messages"),
        "csrf_token": context.get("csrf_token"),
        **comments_of(story, request),
    }


def comments_of(story: StoryPage, request) -> dict:
    """Threads of comments a reader may see, plus the reader's own pending or removed ones."""
    user = request.user
    comments = Comment.objects.filter(story=story).select_related("author")
    visible = comments.visible_to_readers()
    if user.is_authenticated:
        visible = visible | comments.filter(author=user).exclude(held_by_reports=True)
    by_parent: dict[int | None, list[Comment]] = {}
    now = timezone.now()
    edit_window = settings.COMMENT_EDIT_MINUTES * 60
    shown = list(visible.order_by("created_at", "pk"))
    for comment in shown:
        comment.editable = (
            comment.author_id == getattr(user, "pk", None)
            and not comment.deleted_by_author
            and comment.status != Comment.Status.REMOVED
            and (now - comment.created_at).total_seconds() < edit_window
        )
        by_parent.setdefault(comment.parent_id, []).append(comment)

    def thread(parent_id):
        items = by_parent.get(parent_id, [])
        for item in items:
            item.thread = thread(item.pk)
        return items

    draft = request.session.pop("comment_draft", "") if user.is_authenticated else ""
    return {
        "comment_threads": thread(None),
        # A reader without an account is shown exactly what readers may see.
        "comment_count": story.comments.visible_to_readers().count()
        if user.is_authenticated
        else len(shown),
        "comments_closed": story.comments_mode == StoryPage.Comments.CLOSED,
        "comments_premoderated": story.comments_mode == StoryPage.Comments.PRE_MODERATED,
        "commenter_blocked": user.is_authenticated
        and CommenterBlock.objects.filter(user=user).exists(),
        "comment_draft": draft,
        "comment_max_chars": settings.COMMENT_MAX_CHARS,
    }
