"""Writes to articles. Views, the admin, the API and commands all come through here.

`check_…` validates its input and the user's right to act, then calls `do_…`,
which assumes checked input and changes data atomically.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from wagtail.log_actions import log

from .models import ArticleCorrection, ArticlePage, ArticleUpdate

NOTE_MAX_LENGTH = 2000


def _note_html(text: str) -> str:
    return linebreaks(escape(text.strip()))


def _check_note(article: ArticlePage, user, text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": f"Write the {what} before adding it."})
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError(
            {"text": f"Keep the {what} under {NOTE_MAX_LENGTH} characters (it has {len(text)})."}
        )
    if not article.live:
        raise ValidationError(
            f"Only a published article takes a public {what}; edit the draft instead."
        )
    if not article.permissions_for_user(user).can_publish():
        raise PermissionDenied(f"You may not publish in {article.edition.title}.")
    return text


def _publish_with(article: ArticlePage, user, note) -> None:
    """Publishes a new revision of the live article with one more note.

    The revision starts from the live article, not from any pending draft, so
    adding a note never publishes unreviewed changes to the body. The previous
    text stays in the revision history.
    """
    is_update = isinstance(note, ArticleUpdate)
    getattr(article, "updates" if is_update else "corrections").add(note)
    revision = article.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    log(
        article,
        "dateline.add_update" if is_update else "dateline.correct",
        user=user,
        revision=revision,
        data={"text": note.text, "published_at": note.published_at.isoformat()},
    )


def do_add_update(article: ArticlePage, user, text: str, published_at=None) -> ArticleUpdate:
    with transaction.atomic():
        article = ArticlePage.objects.select_for_update().get(pk=article.pk)
        update = ArticleUpdate(text=_note_html(text), published_at=published_at or timezone.now())
        _publish_with(article, user, update)
    return update


def check_add_update(article: ArticlePage, user, text: str) -> ArticleUpdate:
    return do_add_update(article, user, _check_note(article, user, text, "update"))


def do_correct_article(
    article: ArticlePage, user, text: str, published_at=None
) -> ArticleCorrection:
    with transaction.atomic():
        article = ArticlePage.objects.select_for_update().get(pk=article.pk)
        correction = ArticleCorrection(
            text=_note_html(text), published_at=published_at or timezone.now()
        )
        _publish_with(article, user, correction)
    return correction


def check_correct_article(article: ArticlePage, user, text: str) -> ArticleCorrection:
    return do_correct_article(article, user, _check_note(article, user, text, "correction"))
