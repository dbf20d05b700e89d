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
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from dateline.editions.access import may_publish, may_write
from dateline.editions.models import EditionPage
from dateline.lib.text import checked_text, grouped

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
        raise PermissionDenied(
            gettext("You may not write in %(edition)s.") % {"edition": edition.title}
        )
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
        raise PermissionDenied(
            gettext("You may not publish in %(edition)s.") % {"edition": story.edition.title}
        )
    return do_publish_story(story, user)


def _note_html(text: str) -> str:
    return linebreaks(escape(text.strip()))


# What a note's checks say, by the kind of note.
NOTE_MESSAGES = {
    "update": {
        "empty": _("Write the update before adding it."),
        "long": _("Keep the update under %(limit)s characters (it has %(length)s)."),
        "draft": _("Only a published article takes a public update; edit the draft instead."),
    },
    "correction": {
        "empty": _("Write the correction before adding it."),
        "long": _("Keep the correction under %(limit)s characters (it has %(length)s)."),
        "draft": _("Only a published article takes a public correction; edit the draft instead."),
    },
}


def _check_note(article: ArticlePage, user, text: str, what: str) -> str:
    says = NOTE_MESSAGES[what]
    text = checked_text(text, "text", str(says["empty"]))
    limit = settings.NOTE_MAX_CHARS
    if len(text) > limit:
        raise ValidationError(
            {"text": says["long"] % {"limit": grouped(limit), "length": grouped(len(text))}}
        )
    if not article.live:
        raise ValidationError(str(says["draft"]))
    if not may_publish(user, article):
        raise PermissionDenied(
            gettext("You may not publish in %(edition)s.") % {"edition": article.edition.title}
        )
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
