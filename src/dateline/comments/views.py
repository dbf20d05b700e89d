"""Readers' comment forms under every story. Each view checks, calls one action, redirects."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from dateline.articles.models import StoryPage

from . import actions
from .models import Comment, CommenterBlock


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def _back(story, anchor="comments"):
    return redirect(f"{story.url}#{anchor}")


def _say(request, story, level, message) -> None:
    """A message for the comment section, in the story's edition language."""
    edition = story.edition
    with translation.override(edition.language if edition else None):
        messages.add_message(request, level, str(message), extra_tags="comments")


def _fail(request, story, error, draft=""):
    text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    _say(request, story, messages.ERROR, text)
    if draft:
        request.session["comment_draft"] = draft  # the reader's words are not lost
    return _back(story)


def commentable_story(story_id: int) -> StoryPage:
    return get_object_or_404(StoryPage.objects.visible_to_readers().specific(), pk=story_id)


def own_comment(user, comment_id: int) -> Comment:
    """The comment, if it is the user's own (anyone else's is simply not found)."""
    return get_object_or_404(Comment.objects.select_related("story"), pk=comment_id, author=user)


@login_required
@require_POST
def add(request, story_id: int):
    story = commentable_story(story_id)
    text = request.POST.get("text", "")
    parent = None
    if request.POST.get("parent"):
        parent = Comment.objects.filter(pk=request.POST["parent"]).first()
        if parent is None:
            return _fail(request, story, ValidationError("That comment is no longer there."), text)
    try:
        comment = actions.check_add_comment(
            story, request.user, text, parent, ip=client_ip(request)
        )
    except actions.RateLimited as error:
        return _fail(request, story, error, text)
    except (ValidationError, PermissionDenied) as error:
        return _fail(request, story, error, text)
    if comment.status == Comment.Status.PENDING:
        _say(
            request,
            story,
            messages.INFO,
            _("Thanks: your comment will appear once a moderator approves it."),
        )
    return _back(story, f"comment-{comment.pk}")


@login_required
@require_POST
def edit(request, comment_id: int):
    comment = own_comment(request.user, comment_id)
    try:
        actions.check_edit_comment(comment, request.user, request.POST.get("text", ""))
    except (ValidationError, PermissionDenied) as error:
        return _fail(request, comment.story.specific, error)
    return _back(comment.story.specific, f"comment-{comment.pk}")


@login_required
@require_POST
def delete(request, comment_id: int):
    comment = own_comment(request.user, comment_id)
    actions.check_delete_comment(comment, request.user)
    story = comment.story.specific
    _say(request, story, messages.SUCCESS, _("Your comment was deleted."))
    return _back(story)


@login_required
@require_POST
def report(request, comment_id: int):
    comment = get_object_or_404(
        Comment.objects.visible_to_readers().select_related("story"), pk=comment_id
    )
    story = comment.story.specific
    try:
        actions.check_report_comment(comment, request.user, request.POST.get("reason", ""))
    except (ValidationError, PermissionDenied) as error:
        return _fail(request, story, error)
    _say(request, story, messages.SUCCESS, _("Thank you: a moderator will look at this comment."))
    return _back(story, f"comment-{comment.pk}")


def comment_section(story: StoryPage, request) -> dict:
    """Threads of comments a reader may see, plus the reader's own pending or removed ones."""
    user = request.user
    comments = Comment.objects.filter(story=story).select_related("author")
    visible = comments.visible_to_readers()
    if user.is_authenticated:
        visible = visible | comments.filter(author=user).exclude(held_by_reports=True)
    by_parent: dict[int | None, list[Comment]] = {}
    now = timezone.now()
    edit_window = settings.COMMENT_EDIT_MINUTES * 60
    for comment in visible.order_by("created_at", "pk"):
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
        "comment_count": story.comments.visible_to_readers().count(),
        "comments_closed": story.comments_mode == StoryPage.Comments.CLOSED,
        "comments_premoderated": story.comments_mode == StoryPage.Comments.PRE_MODERATED,
        "commenter_blocked": user.is_authenticated
        and CommenterBlock.objects.filter(user=user).exists(),
        "comment_draft": draft,
        "comment_max_chars": settings.COMMENT_MAX_CHARS,
    }
