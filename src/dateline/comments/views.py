"""Readers' comment forms under every story. Each view checks, calls one action, redirects."""

from __future__ import annotations

from contextlib import nullcontext

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dateline.articles.models import StoryPage
from dateline.editions.models import reading_in
from dateline.lib.addresses import client_ip

from . import actions
from .models import Comment


def _back(story, anchor="comments"):
    return redirect(f"{story.url}#{anchor}")


def speaking_for(story):
    """The story's edition language and time zone, for what a view says: its
    messages and the errors the actions raise are translated where raised."""
    edition = story.edition
    return reading_in(edition) if edition else nullcontext()


def _say(request, story, level, message) -> None:
    """A message for the comment section (raised inside `speaking_for(story)`)."""
    messages.add_message(request, level, str(message), extra_tags="comments")


def _fail(request, story, error, draft=""):
    text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    _say(request, story, messages.ERROR, text)
    if draft:
        request.session["comment_draft"] = draft  # the reader's words are not lost
    return _back(story)


def commentable_story(story_id: int) -> StoryPage:
    """The story readers see under this id, whose comments the forms and the API serve."""
    story = StoryPage.objects.visible_to_readers().filter(pk=story_id).first()
    if story is None:
        raise Http404(f"No story {story_id} is published.")
    return story.specific


def own_comment(user, comment_id: int) -> Comment:
    """The comment, if it is the user's own (anyone else's is simply not found)."""
    return get_object_or_404(Comment.objects.select_related("story"), pk=comment_id, author=user)


@login_required
@require_POST
def add(request, story_id: int):
    story = commentable_story(story_id)
    with speaking_for(story):
        return _add(request, story)


def _add(request, story):
    text = request.POST.get("text", "")
    parent = None
    if request.POST.get("parent"):
        parent = Comment.objects.filter(pk=request.POST["parent"]).first()
        if parent is None:
            error = ValidationError(_("That comment is no longer there."))
            return _fail(request, story, error, text)
    try:
        comment = actions.check_add_comment(
            story, request.user, text, parent, ip=client_ip(request)
        )
    except (actions.RateLimited, ValidationError, PermissionDenied) as error:
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
    story = comment.story.specific
    with speaking_for(story):
        try:
            actions.check_edit_comment(comment, request.user, request.POST.get("text", ""))
        except (ValidationError, PermissionDenied) as error:
            return _fail(request, story, error)
    return _back(story, f"comment-{comment.pk}")


@login_required
@require_POST
def delete(request, comment_id: int):
    comment = own_comment(request.user, comment_id)
    story = comment.story.specific
    with speaking_for(story):
        actions.check_delete_comment(comment, request.user)
        _say(request, story, messages.SUCCESS, _("Your comment was deleted."))
    return _back(story)


@login_required
@require_POST
def report(request, comment_id: int):
    comment = get_object_or_404(
        Comment.objects.visible_to_readers().select_related("story"), pk=comment_id
    )
    story = comment.story.specific
    with speaking_for(story):
        try:
            actions.check_report_comment(comment, request.user, request.POST.get("reason", ""))
        except (ValidationError, PermissionDenied) as error:
            return _fail(request, story, error)
        _say(
            request,
            story,
            messages.SUCCESS,
            _("Thank you: a moderator will look at this comment."),
        )
    return _back(story, f"comment-{comment.pk}")
