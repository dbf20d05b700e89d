"""A WordPress site's export (WXR) brought into an edition.

Posts become articles (through `articles.actions`), their authors bylines, their
categories and tags topic hubs, the media library's images photos with their
credits, and every old URL a permanent redirect to the new page. The export is
read twice: once whole before anything is stored (a file that is not a
well-formed export is refused whole), then in batches, each its own
transaction. What was brought is recorded under the archive's own keys (the
post's GUID), so running the import again, or after a failure, adds only what
is missing.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.rich_text import RichText

from dateline.articles.actions import do_file_stories_in_bulk, do_open_topics_in_bulk
from dateline.articles.models import ArticlePage, Author, TopicPage
from dateline.editions.models import EditionPage
from dateline.photos.models import Photo

from .models import ImportedPhoto, ImportedPost
from .wxr import NotAnExport, WxrItem, WxrSite, read_items, survey

BODY_TAGS = {"p", "br", "a", "b", "strong", "i", "em", "ul", "ol", "li", "h2", "h3", "h4"}
SHORTCODE = re.compile(r"\[/?[a-zA-Z_][\w-]*(?:\s[^\]]*)?\]")
PUBLISHED, DRAFTS = {"publish"}, {"draft", "pending", "future"}


class ImportRefused(Exception):
    """The import cannot start; the message names the fix."""


@dataclass
class ImportReport:
    posts: int = 0
    imported: int = 0
    already_imported: int = 0
    topics_created: int = 0
    photos_imported: int = 0
    redirects: int = 0
    not_brought: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def could_not(self, reason: str, example: str) -> None:
        self.not_brought[reason] += 1
        examples = self.examples.setdefault(reason, [])
        if len(examples) < 3:
            examples.append(example)

    def as_dict(self) -> dict:
        return {
            "posts": self.posts,
            "imported": self.imported,
            "already_imported": self.already_imported,
            "topics_created": self.topics_created,
            "photos_imported": self.photos_imported,
            "redirects": self.redirects,
            "not_brought": dict(self.not_brought),
            "examples": self.examples,
        }


Progress = Callable[[int, int], None]


def import_wordpress(
    export: Path,
    edition_slug: str,
    media: Path | None = None,
    progress: Progress | None = None,
    batch_size: int = 500,
) -> ImportReport:
    edition = EditionPage.objects.filter(slug=edition_slug).first()
    if edition is None:
        slugs = ", ".join(EditionPage.objects.order_by("path").values_list("slug", flat=True))
        raise ImportRefused(
            f"There is no edition {edition_slug!r}. Give --edition one of: {slugs or 'none yet'}."
        )
    if not Path(export).is_file():
        raise ImportRefused(f"{export} is not a file: give the path of the WordPress export.")
    if media is not None and not Path(media).is_dir():
        raise ImportRefused(
            f"{media} is not a folder: give --media the copy of the site's wp-content/uploads."
        )
    try:
        site = survey(Path(export))
    except NotAnExport as error:
        raise ImportRefused(str(error)) from None
    except OSError as error:
        raise ImportRefused(f"{export} cannot be read: {error}") from None
    return Importer(edition, site, media, progress, batch_size).run(Path(export))


class Importer:
    def __init__(self, edition, site: WxrSite, media, progress, batch_size):
        self.edition = edition
        self.site = site
        self.media = Path(media).resolve() if media else None
        self.progress = progress or (lambda done, total: None)
        self.batch_size = batch_size
        self.report = ImportReport(posts=site.post_count)
        self.redirect_site = edition.get_site()
        # Page URL paths start with the site's root page ("/home/es/story/" is /es/story/).
        self.root_length = len(self.redirect_site.root_page.url_path) - 1

    def run(self, export: Path) -> ImportReport:
        self.topics = self.bring_topics()
        self.authors = self.bring_authors()
        self.photos = self.bring_photos()
        self.slugs = set(
            Page.objects.filter(
                path__startswith=self.edition.path, depth=self.edition.depth + 1
            ).values_list("slug", flat=True)
        )
        batch: list[WxrItem] = []
        done = 0
        for item in read_items(export):
            if item.post_type != "post":
                if item.post_type != "attachment":
                    self.report.could_not(
                        f"items of type {item.post_type or 'unknown'!r} (only posts become "
                        "articles)",
                        item.title or item.key,
                    )
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                done += self.bring_posts(batch)
                self.progress(done, self.report.posts)
                batch = []
        if batch:
            done += self.bring_posts(batch)
            self.progress(done, self.report.posts)
        return self.report

    # Topics, authors, photos: few, brought one by one before the posts.

    def bring_topics(self) -> dict[str, TopicPage]:
        topics = {
            topic.slug: topic for topic in TopicPage.objects.child_of(self.edition).specific()
        }
        taken = set(Page.objects.child_of(self.edition).values_list("slug", flat=True))
        new = []
        for (_, term_slug), name in sorted(self.site.terms.items()):
            slug = slugify(term_slug)[:255] or slugify(name)[:255]
            if not slug or slug in topics:
                continue
            if slug in taken:
                self.report.could_not("topics whose address a story already has", slug)
                continue
            topics[slug] = TopicPage(title=name[:255], slug=slug)
            new.append(topics[slug])
        do_open_topics_in_bulk(self.edition, new)
        self.report.topics_created = len(new)
        return topics

    def bring_authors(self) -> dict[str, Author]:
        by_name = {author.name: author for author in Author.objects.all()}
        authors = {}
        for login, name in self.site.authors.items():
            name = (name or login)[:120]
            if name not in by_name:
                by_name[name] = Author.objects.create(name=name)
            authors[login] = by_name[name]
        return authors

    def bring_photos(self) -> dict[int, Photo]:
        """The media library's images, by attachment id."""
        known = dict(ImportedPhoto.objects.values_list("key", "photo_id"))
        photos = {}
        for attachment in self.site.attachments.values():
            key = attachment.attachment_url or attachment.key
            if key in known:
                photos[attachment.post_id] = known[key]
                continue
            photo = self.bring_photo(attachment, key)
            if photo is not None:
                photos[attachment.post_id] = photo.pk
                self.report.photos_imported += 1
        return photos

    def bring_photo(self, attachment: WxrItem, key: str) -> Photo | None:
        if self.media is None:
            self.report.could_not("media files (give --media the uploads folder)", key)
            return None
        relative = attachment.meta.get("_wp_attached_file") or _uploads_path(key)
        path = (self.media / relative).resolve()
        if not path.is_relative_to(self.media):
            self.report.could_not("media paths leading outside the uploads folder", relative)
            return None
        if not path.is_file():
            self.report.could_not("media files missing from the uploads folder", relative)
            return None
        if path.stat().st_size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
            self.report.could_not("media files larger than the photo library takes", relative)
            return None
        meta = _image_meta(attachment.meta.get("_wp_attachment_metadata", ""))
        try:
            with transaction.atomic(), path.open("rb") as file:
                photo = Photo(
                    title=(attachment.title or path.stem)[:255],
                    caption=strip_tags(attachment.excerpt).strip()[:500],
                    file=File(file, name=path.name),
                )
                photo.save()  # reads the photographer and agency from the file itself
                if not photo.photographer and meta.get("credit"):
                    photo.photographer = meta["credit"][:120]
                    photo.save(update_fields=["photographer"])
                ImportedPhoto.objects.create(key=key, photo=photo)
        except Exception as error:  # not an image Pillow can read, or a file it refuses
            self.report.could_not("media files that are not images", f"{relative}: {error}")
            return None
        return photo

    # Posts: many, in batches.

    def bring_posts(self, batch: list[WxrItem]) -> int:
        keys = [item.key for item in batch]
        already = set(
            ImportedPost.objects.filter(edition=self.edition, key__in=keys).values_list(
                "key", flat=True
            )
        )
        stories, bylines, items = [], {}, []
        for item in batch:
            if item.key in already:
                self.report.already_imported += 1
                continue
            already.add(item.key)  # the same GUID twice in one export
            story = self.story_from(item)
            if story is None:
                continue
            author = self.authors.get(item.creator)
            if author is not None:
                bylines[len(stories)] = [author]
            stories.append(story)
            items.append(item)
        if not stories:
            return len(batch)
        with transaction.atomic():
            do_file_stories_in_bulk(self.edition, stories, bylines)
            ImportedPost.objects.bulk_create(
                ImportedPost(edition=self.edition, key=item.key, story_id=story.pk)
                for item, story in zip(items, stories, strict=True)
            )
            self.report.redirects += self.redirect(items, stories)
        self.report.imported += len(stories)
        return len(batch)

    def story_from(self, item: WxrItem) -> ArticlePage | None:
        if item.status not in PUBLISHED | DRAFTS:
            self.report.could_not(
                f"posts with status {item.status or 'unknown'!r} (published and draft posts "
                "are brought)",
                item.title or item.key,
            )
            return None
        title = " ".join(strip_tags(item.title).split())[:255]
        body = _body(item.content)
        if not title:
            self.report.could_not("posts without a title", item.key)
            return None
        if SHORTCODE.search(item.content):
            self.report.could_not("shortcodes in post bodies (removed, their text kept)", title)
        if "<img" in item.content:
            self.report.could_not("images inside post bodies (left out)", title)
        standfirst = _plain(item.excerpt) or _plain(body)
        category = next(
            (
                slugify(slug)
                for domain, slug, _ in item.categories
                if domain == "category" and slugify(slug) in self.topics
            ),
            None,
        ) or next(
            (slugify(slug) for _, slug, _ in item.categories if slugify(slug) in self.topics),
            None,
        )
        published = _date(item.post_date_gmt)
        photo_id = self.photos.get(_int(item.meta.get("_thumbnail_id")))
        return ArticlePage(
            title=title,
            slug=self.free_slug(item.post_name or title, item.post_id),
            standfirst=_shortened(standfirst or title, 600),
            body=[("paragraph", RichText(body))] if body else [],
            topic=self.topics.get(category) if category else None,
            lead_image_id=photo_id,
            live=item.status in PUBLISHED,
            first_published_at=published if item.status in PUBLISHED else None,
        )

    def free_slug(self, wanted: str, post_id: int) -> str:
        slug = slugify(wanted)[:240] or f"post-{post_id}"
        if slug in self.slugs:
            slug = f"{slug}-{post_id}"
        counter = 2
        base = slug
        while slug in self.slugs:
            slug = f"{base}-{counter}"
            counter += 1
        self.slugs.add(slug)
        return slug

    def redirect(self, items: list[WxrItem], stories: list[ArticlePage]) -> int:
        wanted = {}
        for item, story in zip(items, stories, strict=True):
            for url in (item.link, item.guid):
                path = _old_path(url)
                if path and path != story.url_path[self.root_length :]:
                    wanted.setdefault(path, story)
        taken = set(
            Redirect.objects.filter(site=self.redirect_site, old_path__in=wanted).values_list(
                "old_path", flat=True
            )
        )
        made = Redirect.objects.bulk_create(
            Redirect(old_path=path, site=self.redirect_site, redirect_page=story, is_permanent=True)
            for path, story in wanted.items()
            if path not in taken
        )
        return len(made)


def _body(content: str) -> str:
    content = SHORTCODE.sub("", content)
    if "<p" not in content:
        # WordPress stores paragraphs as blank lines and adds <p> only when it shows a post.
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", content) if p.strip()]
        content = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    cleaned = nh3.clean(
        content,
        tags=BODY_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )
    return (
        cleaned.replace("<strong>", "<b>")
        .replace("</strong>", "</b>")
        .replace("<em>", "<i>")
        .replace("</em>", "</i>")
        .strip()
    )


def _plain(markup: str) -> str:
    return " ".join(html.unescape(nh3.clean(markup, tags=set())).split())


def _shortened(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _date(value: str) -> datetime | None:
    try:
        parsed = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None  # WordPress writes 0000-00-00 00:00:00 for posts never published
    return parsed.replace(tzinfo=UTC)


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _old_path(url: str) -> str:
    if not url.startswith(("http://", "https://", "/")):
        return ""
    parts = urlsplit(url)
    path = parts.path or "/"
    if path == "/":
        # "/?p=123": the new site's home page answers it, so a redirect would never be asked.
        return ""
    return Redirect.normalise_path(path + (f"?{parts.query}" if parts.query else ""))[:255]


def _uploads_path(url: str) -> str:
    path = urlsplit(url).path
    marker = "/wp-content/uploads/"
    return path.split(marker, 1)[1] if marker in path else path.rsplit("/", 1)[-1]


_PHP_STRING = re.compile(r's:\d+:"(credit|copyright|caption)";s:\d+:"([^"]*)";')


def _image_meta(serialized: str) -> dict[str, str]:
    """The credit WordPress itself read from the file (its PHP-serialized
    `image_meta`), without unserializing anything."""
    return {key: value for key, value in _PHP_STRING.findall(serialized) if value}
