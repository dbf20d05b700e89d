"""Writes to stories. Views, the admin, the API, the demo and commands all come through here.

`check_…` validates its input and the user's right to act, then calls `do_…`,
which assumes checked input and changes data atomically.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Revision

from dateline.editions.access import may_publish, may_write
from dateline.editions.models import EditionPage
from dateline.jobs.engine import enqueue_on_commit
from dateline.lib.notify import notify_readers_on_commit
from dateline.lib.page_tree import add_children
from dateline.lib.text import checked_text, grouped

from . import search
from .indexing import index_pages
from .models import (
    ArticleCorrection,
    ArticlePage,
    ArticleUpdate,
    Author,
    StoryByline,
    StoryPage,
    TopicPage,
)


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
    if article.live:
        search.index_story(article)
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


def do_open_topics_in_bulk(edition: EditionPage, topics: list[TopicPage], user=None):
    """Opens many topic hubs in the edition at once, published, as
    adding and publishing each one by one would."""
    for topic in topics:
        topic.live = True
    return do_file_pages_in_bulk(edition, topics, user=user)


def do_file_stories_in_bulk(
    edition: EditionPage,
    stories: list[ArticlePage],
    bylines: dict[int, list[Author]] | None = None,
    user=None,
) -> list[ArticlePage]:
    """Files many new articles in the edition at once, each as `do_create_story`
    then, for those marked `live`, `do_publish_story` would leave it. For an
    archive brought along, where filing one by one would take hours. `bylines`
    maps a story's position in `stories` to its authors; a live story carries
    its own `first_published_at` (the archive's date)."""
    return do_file_pages_in_bulk(edition, stories, bylines, user)


def do_file_pages_in_bulk(
    edition: EditionPage,
    pages: list[Page],
    bylines: dict[int, list[Author]] | None = None,
    user=None,
) -> list[Page]:
    """Adds many new pages of one model under the edition: for each, the page,
    one revision (its latest, and its live one when `live`), the log entries
    `save_revision` and `publish` write, its bylines. Search and reference indexes
    are brought up to date by a background job once the batch commits; readers'
    caches are purged on commit."""
    if not pages:
        return pages
    now = timezone.now()
    model = type(pages[0])
    with transaction.atomic():
        for page in pages:
            page.owner = user
            page.has_unpublished_changes = not page.live
            if page.live:
                page.first_published_at = page.first_published_at or now
                page.last_published_at = page.first_published_at
            page.latest_revision_created_at = now
        add_children(edition, pages)
        saved_bylines = StoryByline.objects.bulk_create(
            StoryByline(story=pages[index], author=author, sort_order=order)
            for index, authors in (bylines or {}).items()
            for order, author in enumerate(authors)
        )
        # A new page has no children of its own yet: say so, so that its
        # revision's content is serialised without a query per relation.
        for relation in get_all_child_relations(model):
            for page in pages:
                setattr(page, relation.get_accessor_name(), [])
        for field in get_all_child_m2m_relations(model):
            for page in pages:
                setattr(page, field.name, [])
        for byline in saved_bylines:
            byline.story.bylines.add(byline)
        page_type = ContentType.objects.get_for_model(Page)
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type_id=page.content_type_id,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=now,
                user=user,
                object_str=page.title,
                content=page.serializable_data(),
            )
            for page in pages
        )
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision = revision
            page.live_revision = revision if page.live else None
        # One statement run for the whole batch; bulk_update's CASE per row costs more.
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {Page._meta.db_table} SET latest_revision_id = %s, "
                "live_revision_id = %s WHERE id = %s",
                [
                    (p.latest_revision.pk, p.live_revision and p.live_revision.pk, p.pk)
                    for p in pages
                ],
            )
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                page_id=page.pk,
                content_type_id=page.content_type_id,
                label=page.title,
                action=action,
                user=user,
                revision=revision,
                timestamp=now,
                content_changed=True,
            )
            for page, revision in zip(pages, revisions, strict=True)
            for action in (
                "wagtail.create",
                "wagtail.edit",
                *(("wagtail.publish",) if page.live else ()),
            )
        )
        enqueue_on_commit(index_pages, [page.pk for page in pages])
        notify_readers_on_commit()
    return pages


# Versions in other languages --------------------------------------------------
#
# A story's versions in other languages share its `translation_key`; each is in
# its edition's language (`editions.models.locale_for`), and the database keeps
# one page per key and language.


def _language(story: StoryPage) -> str:
    """The story's language by name, in the reader's language: "Spanish", "español"."""
    return translation.get_language_info(story.locale.language_code)["name_translated"]


def _log_link(story: StoryPage, version: StoryPage, user, action: str) -> None:
    for page, other in ((story, version), (version, story)):
        log(page, action, user=user, data={"title": other.title, "id": other.pk})


def do_link_translation(story: StoryPage, version: StoryPage, user=None) -> None:
    """Makes `version` a version of `story` in another language. Precondition: one
    of the two has no other version yet (`check_link_translation`); that one joins
    the other's set."""
    joining, joined = (version, story) if not version.translations().exists() else (story, version)
    try:
        with transaction.atomic():
            StoryPage.objects.filter(pk=joining.pk).update(translation_key=joined.translation_key)
            _log_link(story, version, user, "dateline.link_translation")
    except IntegrityError:
        # Someone linked another version in that language at the same moment.
        raise ValidationError(
            _("“%(title)s” already has a version in %(language)s.")
            % {"title": joined.title, "language": _language(joining)}
        ) from None
    joining.translation_key = joined.translation_key
    notify_readers_on_commit()


def check_link_translation(story: StoryPage, version: StoryPage, user) -> None:
    for page in (story, version):
        if not may_write(user, page):
            raise PermissionDenied(f"You may not write in {page.edition.title}.")
    title = {"title": version.title}
    if version.pk == story.pk:
        raise ValidationError(_("A story cannot be a version of itself: choose another story."))
    if version.specific_class is not story.specific_class:
        raise ValidationError(_("Link an article to an article, and a live blog to a live blog."))
    if version.translation_key == story.translation_key:
        raise ValidationError(_("“%(title)s” is already a version of this story.") % title)
    if version.locale_id == story.locale_id:
        raise ValidationError(
            _("“%(title)s” is in %(language)s too: a story has one version per language.")
            % {**title, "language": _language(version)}
        )
    if story.translations().exists() and version.translations().exists():
        raise ValidationError(
            _(
                "“%(title)s” already has versions in other languages: unlink one of the "
                "two stories from its versions first."
            )
            % title
        )
    joining, joined = (version, story) if not version.translations().exists() else (story, version)
    same_language = joined.translations().filter(locale=joining.locale_id).first()
    if same_language is not None:
        raise ValidationError(
            _("This story already has a version in %(language)s: “%(title)s”.")
            % {"language": _language(joining), "title": same_language.title}
        )
    do_link_translation(story, version, user)


def do_unlink_translation(story: StoryPage, version: StoryPage, user=None) -> None:
    """Takes `version` out of the story's set of versions: it keeps its content
    and is a story of its own again."""
    with transaction.atomic():
        StoryPage.objects.filter(pk=version.pk).update(translation_key=uuid.uuid4())
        _log_link(story, version, user, "dateline.unlink_translation")
    notify_readers_on_commit()


def check_unlink_translation(story: StoryPage, version: StoryPage, user) -> None:
    for page in (story, version):
        if not may_write(user, page):
            raise PermissionDenied(f"You may not write in {page.edition.title}.")
    if version.pk == story.pk or version.translation_key != story.translation_key:
        raise ValidationError(
            _("“%(title)s” is not a version of this story.") % {"title": version.title}
        )
    do_unlink_translation(story, version, user)
