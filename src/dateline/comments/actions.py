"""Every write to comments. The web forms, the API and the moderation queue call these."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dateline.articles.models import StoryPage
from dateline.editions.access import may_publish
from dateline.lib import rate_limit
from dateline.lib.notify import notify_readers_on_commit
from dateline.lib.sanitize import comment_to_html
from dateline.lib.text import checked_text, grouped

from .models import Comment, CommenterBlock, CommentReport

MAX_DEPTH = 2  # a comment, a reply, and a reply to that


class RateLimited(Exception):
    """Too many comments too fast: nothing was stored."""


def can_moderate(user, story: StoryPage) -> bool:
    return may_publish(user, story)


def _check_text(text: str) -> str:
    text = checked_text(text, "text", _("Write your comment before sending it."))
    limit = settings.COMMENT_MAX_CHARS
    if len(text) > limit:
        raise ValidationError(
            {
                "text": _("Keep comments under %(limit)s characters (this one has %(length)s).")
                % {
                    "limit": grouped(limit),
                    "length": grouped(len(text)),
                }
            }
        )
    return text


def _check_may_comment(story: StoryPage, user) -> None:
    if not user.is_authenticated:
        raise PermissionDenied(_("Sign in to comment."))
    if CommenterBlock.objects.filter(user=user).exists():
        raise PermissionDenied(_("Your account may no longer comment."))
    if not StoryPage.objects.visible_to_readers().filter(pk=story.pk).exists():
        raise ValidationError(_("This story is not published, so it takes no comments."))
    if story.comments_mode == StoryPage.Comments.CLOSED:
        raise ValidationError(_("Comments on this story are closed."))


def check_add_comment(story: StoryPage, user, text: str, parent=None, ip: str = "") -> Comment:
    _check_may_comment(story, user)
    text = _check_text(text)
    if parent is not None:
        if parent.story_id != story.pk:
            raise ValidationError({"parent": _("That comment belongs to another story.")})
        if parent.status != Comment.Status.PUBLISHED or parent.deleted_by_author:
            raise ValidationError({"parent": _("That comment is no longer there to reply to.")})
    ok = rate_limit.hit("comment-account", str(user.pk), settings.COMMENT_RATE_PER_ACCOUNT)
    if ip:
        ok = rate_limit.hit("comment-ip", ip, settings.COMMENT_RATE_PER_IP) and ok
    if not ok:
        raise RateLimited(_("You are commenting too fast: wait a minute and try again."))
    return do_add_comment(story, user, text, parent)


def do_add_comment(story: StoryPage, user, text: str, parent=None) -> Comment:
    pre_moderated = story.comments_mode == StoryPage.Comments.PRE_MODERATED
    if parent is not None and parent.depth >= MAX_DEPTH:
        parent = parent.parent  # deeper replies join the deepest level's thread
    comment = Comment.objects.create(
        story=story,
        parent=parent,
        depth=parent.depth + 1 if parent else 0,
        author=user,
        text=text,
        html=comment_to_html(text),
        status=Comment.Status.PENDING if pre_moderated else Comment.Status.PUBLISHED,
    )
    notify_readers_on_commit()
    return comment


def check_edit_comment(comment: Comment, user, text: str) -> Comment:
    if comment.author_id != user.pk:
        raise PermissionDenied(_("You can only edit your own comments."))
    if comment.status == Comment.Status.REMOVED or comment.deleted_by_author:
        raise ValidationError(_("This comment was removed and cannot be edited."))
    window = timedelta(minutes=settings.COMMENT_EDIT_MINUTES)
    if timezone.now() - comment.created_at > window:
        raise ValidationError(
            ngettext(
                "Comments can be edited for %(minutes)d minute after posting.",
                "Comments can be edited for %(minutes)d minutes after posting.",
                settings.COMMENT_EDIT_MINUTES,
            )
            % {"minutes": settings.COMMENT_EDIT_MINUTES}
        )
    return do_edit_comment(comment, _check_text(text))


def do_edit_comment(comment: Comment, text: str) -> Comment:
    comment.text = text
    comment.html = comment_to_html(text)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["text", "html", "edited_at"])
    notify_readers_on_commit()
    return comment


def check_delete_comment(comment: Comment, user) -> None:
    if comment.author_id != user.pk:
        raise PermissionDenied(_("You can only delete your own comments."))
    do_delete_comment(comment)


def do_delete_comment(comment: Comment) -> None:
    # Replies stay readable under a placeholder; the words are gone.
    comment.deleted_by_author = True
    comment.text = comment.html = ""
    comment.save(update_fields=["deleted_by_author", "text", "html"])
    notify_readers_on_commit()


def check_report_comment(comment: Comment, user, reason: str) -> CommentReport:
    if not user.is_authenticated:
        raise PermissionDenied(_("Sign in to report a comment."))
    reason = checked_text(reason, "reason", _("Say why you are reporting this comment."))
    if len(reason) > 500:
        raise ValidationError({"reason": _("Keep the reason under 500 characters.")})
    if comment.author_id == user.pk:
        raise ValidationError(_("You cannot report your own comment."))
    with transaction.atomic():
        report, created = CommentReport.objects.get_or_create(
            comment=comment, reporter=user, defaults={"reason": reason}
        )
        if not created:
            raise ValidationError(_("You have already reported this comment."))
        open_reports = CommentReport.objects.filter(comment=comment, resolved=False).count()
        if open_reports >= settings.COMMENT_REPORTS_TO_HOLD and not comment.held_by_reports:
            Comment.objects.filter(pk=comment.pk).update(held_by_reports=True)
            notify_readers_on_commit()
    return report


# Moderation ------------------------------------------------------------------


def _moderated(comments, moderator) -> list[Comment]:
    comments = list(comments)
    for comment in comments:
        if not can_moderate(moderator, comment.story):
            raise PermissionDenied(_("You may not moderate comments in that edition."))
    return comments


def approve_comments(comments, moderator) -> int:
    comments = _moderated(comments, moderator)
    with transaction.atomic():
        for comment in comments:
            comment.status = Comment.Status.PUBLISHED
            comment.held_by_reports = False
            comment.removal_reason = ""
            comment.moderated_at, comment.moderated_by = timezone.now(), moderator
            comment.save()
            comment.reports.update(resolved=True)
        notify_readers_on_commit()
    return len(comments)


def remove_comments(comments, moderator, reason: str) -> int:
    reason = checked_text(reason, "reason", "Give the author a reason for the removal.")
    comments = _moderated(comments, moderator)
    with transaction.atomic():
        for comment in comments:
            comment.status = Comment.Status.REMOVED
            comment.removal_reason = reason[:300]
            comment.moderated_at, comment.moderated_by = timezone.now(), moderator
            comment.save()
            comment.reports.update(resolved=True)
        notify_readers_on_commit()
    return len(comments)


def block_commenters(comments, moderator, reason: str = "") -> int:
    comments = _moderated(comments, moderator)
    blocked = 0
    for author in {c.author for c in comments if c.author is not None}:
        _, created = CommenterBlock.objects.get_or_create(
            user=author, defaults={"reason": reason[:300], "blocked_by": moderator}
        )
        blocked += created
    return blocked
