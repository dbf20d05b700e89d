"""Writes to stories. Views, the admin, the API, the demo and commands all come through here.

`check_…` validates its input and the user's right to act, then calls `do_…`,
which assumes checked input and changes data atomically.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from wagtail.log_actions import log

from dateline.editions.access import may_publish, may_write
from dateline.editions.models import EditionPage
from dateline.lib.notify import notify_readers_on_commit
from dateline.lib.text import checked_text

from .models import ArticleCorrection, ArticlePage, ArticleUpdate, StoryPage


def do_create_story(edition: EditionPage, story: StoryPage, user=None) -> StoryPage:
    """Files a new story (an unsaved article or live blog) in the edition as a draft:
    its first revision, owned by `user`. Readers see it once it is published
    (`do_publish_story`), directly or through the edition's review workflow."""
    with transaction.atomic():
        story.live = False
        story.owner = user
        edition.add_child(instance=story)
        story.save_revision(user=user, log_action=True)
    return story


def check_create_story(edition: EditionPage, story: StoryPage, user) -> StoryPage:
    if not may_write(user, edition):
        raise PermissionDenied(f"You may not write in {edition.title}.")
    return do_create_story(edition, story, user)


def do_publish_story(story: StoryPage, user=None) -> StoryPage:
    """Publishes the story's latest revision: now, or at its `go_live_at` if that
    is later (Wagtail then schedules it). Wagtail's publishing signal ends in
    the readers' notify step (`editions.signal_handlers`)."""
    story.get_latest_revision().publish(user=user)
    story.refresh_from_db()
    return story


def check_publish_story(story: StoryPage, user) -> StoryPage:
    if not may_publish(user, story):
        raise PermissionDenied(f"You may not publish in {story.edition.title}.")
    return do_publish_story(story, user)


def _note_html(text: str) -> str:
    return linebreaks(escape(text.strip()))


def _check_note(article: ArticlePage, user, text: str, what: str) -> str:
    text = checked_text(text, "text", f"Write the {what} before adding it.")
    limit = settings.NOTE_MAX_CHARS
    if len(text) > limit:
        raise ValidationError(
            {"text": f"Keep the {what} under {limit:,} characters (it has {len(text):,})."}
        )
    if not article.live:
        raise ValidationError(
            f"Only a published article takes a public {what}; edit the draft instead."
        )
    if not may_publish(user, article):
        raise PermissionDenied(f"You may not publish in {article.edition.title}.")
    return text


def _publish_with(article: ArticlePage, user, note) -> None:
    """Publishes one more note on the live article, at once.

    Notes live outside the article's revisions (a public record, see
    `models.DatedNote`): adding one neither publishes a pending draft of the body
    nor makes a version that a later restore could take back.
    """
    note.article = article
    note.save()
    log(
        article,
        "dateline.add_update" if isinstance(note, ArticleUpdate) else "dateline.correct",
        user=user,
        data={"text": note.text, "published_at": note.published_at.isoformat()},
    )
    notify_readers_on_commit()


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
