"""Live coverage: a live blog is a story with a stream of posts.

Every change to a live blog appends one `LiveEvent` with a per-blog, strictly
increasing sequence number, in the same transaction as the change (see
`live.actions`). Readers get events by SSE or polling and never miss one.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Max, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.models import Page, PageManager

from dateline.articles.models import StoryPage, StoryQuerySet
from dateline.lib.absolute import absolute_url
from dateline.lib.dates import iso
from dateline.lib.ids import is_database_id
from dateline.lib.sanitize import html_to_text, text_to_html

# How many of a blog's newest posts its structured data lists.
STRUCTURED_DATA_POSTS = 20
# How many posts the page shows at a time (newest, or older ones).
PAGE_SIZE = 20
# How many of its newest key events the page lists.
KEY_EVENTS = 20


def _post_id(value) -> int | None:
    """A post's id from a query parameter, or None if it cannot be one."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if is_database_id(number) else None


class LiveBlogQuerySet(StoryQuerySet):
    def open(self) -> LiveBlogQuerySet:
        # A blog whose desk state does not exist yet has never been closed.
        return self.exclude(live_state__status=LiveState.Status.ENDED)


class LiveBlogPage(StoryPage):
    """The page readers open. Its posts, summary and status are kept by the desk."""

    objects = PageManager.from_queryset(LiveBlogQuerySet)()

    content_panels = [
        FieldPanel("topic"),
        # As in Wagtail's own Page.content_panels, so a new story's slug is filled in
        # from its headline; laid out like the fields around it.
        TitleFieldPanel("title", heading=_("Headline"), classname="", placeholder=False),
        FieldPanel("standfirst"),
        InlinePanel("bylines", label=_("Byline")),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")],
            heading=_("Lead photo"),
        ),
        HelpPanel(
            _("Posts, the summary and opening or closing coverage are done in the live desk."),
            heading=_("Live desk"),
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("circulated_to")]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("embargo_until"),
        FieldPanel("comments_mode"),
    ]
    parent_page_types = ["editions.EditionPage"]
    subpage_types = []
    template = "live/live_blog_page.html"
    schema_type = "LiveBlogPosting"

    class Meta:
        verbose_name = _("live blog")

    @cached_property
    def state(self) -> LiveState:
        """The desk's state of the blog, made with it (`live.signal_handlers`). A blog
        being previewed before it is first saved has none yet, and reads as open."""
        try:
            # Lists of blogs fetch it with them (select_related or prefetch_related).
            return self.live_state
        except LiveState.DoesNotExist:
            return LiveState(blog_id=self.pk)

    @property
    def is_live(self) -> bool:
        return self.state.status == LiveState.Status.LIVE

    @cached_property
    def newest_post_at(self) -> datetime | None:
        """Kept on the instance like `state`; listings load it for many blogs at once,
        and the page takes it from the newest posts it shows."""
        newest = getattr(self, "_newest_posts", None)
        if newest is not None:
            return newest[0].published_at if newest else None
        return self.posts.aggregate(newest=Max("published_at"))["newest"]

    @property
    def last_updated(self):
        times = [super().last_updated, self.newest_post_at, self.state.summary_updated_at]
        return max((t for t in times if t is not None), default=None)

    card_related = (*StoryPage.card_related, "live_state")  # the Live badge

    @classmethod
    def preload_cards(cls, cards: list[StoryPage]) -> None:
        prefetch_related_objects(cards, "live_state")  # where not fetched with them

    @classmethod
    def preload_last_updated(cls, stories: list[StoryPage]) -> None:
        states = LiveState.objects.in_bulk([blog.pk for blog in stories])
        newest = dict(
            LivePost.objects.filter(blog__in=stories)
            .values("blog")
            .annotate(newest=Max("published_at"))
            .values_list("blog", "newest")
        )
        for blog in stories:
            if blog.pk in states:
                blog.state = states[blog.pk]
            blog.newest_post_at = newest.get(blog.pk)

    def twins(self) -> LiveBlogQuerySet:
        """The blog in other languages: its versions (`StoryPage.translations`)."""
        return LiveBlogPage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)

    def permalink(self, post: LivePost) -> str:
        """The URL that opens this blog at the post."""
        return self.post_url(post.pk)

    def post_url(self, post_id: int) -> str:
        return f"{self.url}?post={post_id}#post-{post_id}"

    def search_text(self) -> list[str]:
        # Read afresh, not through `state`: a new blog is indexed mid-save, before its state.
        summary = LiveState.objects.filter(blog_id=self.pk).values_list("summary", flat=True)
        return [*super().search_text(), html_to_text(summary.first() or "")]

    def search_posts(self):
        for post in LivePost.objects.filter(blog=self).iterator():
            yield post.search_entry()

    def structured_data(self, request) -> dict:
        """schema.org LiveBlogPosting: the blog, its coverage times and newest posts."""
        data = super().structured_data(request)
        state = self.state
        data["coverageStartTime"] = iso(
            min(t for t in (self.first_published_at, state.started_at) if t is not None)
        )
        if state.status == LiveState.Status.ENDED and state.ended_at:
            data["coverageEndTime"] = iso(state.ended_at)
        posts = getattr(self, "_newest_posts", None)
        if posts is None:
            posts = self.posts.select_related("author")
        data["liveBlogUpdate"] = [
            {
                "@type": "BlogPosting",
                "headline": post.headline,
                "articleBody": post.plain_text,
                "datePublished": iso(post.published_at),
                "dateModified": iso(post.updated_at),
                "url": absolute_url(request, self.permalink(post)),
                **(
                    {"author": {"@type": "Person", "name": post.author_name}}
                    if post.author_name
                    else {}
                ),
            }
            for post in posts[:STRUCTURED_DATA_POSTS]
        ]
        return data

    @classmethod
    def served_with(cls):
        return super().served_with().select_related("live_state")

    def get_context(self, request, *args, **kwargs):
        # The posts first: the structured data lists the newest of them.
        shown = self.posts_shown(request.GET.get("before"), request.GET.get("post"))
        if shown["showing_newest"]:
            self._newest_posts = shown["posts"]
        context = super().get_context(request, *args, **kwargs)
        context.update(shown)
        return context

    def posts_shown(self, before, post) -> dict:
        """The page's posts: the newest, or older ones (`before` a post's id), or from
        a post (`post`, a permalink), with the pinned post and key events."""
        posts = LivePost.objects.filter(blog=self).select_related("author", "image")
        before, anchor = _post_id(before), _post_id(post)
        window = posts
        if anchor and posts.filter(pk=anchor).exists():
            target = posts.get(pk=anchor)
            window = posts.filter(published_at__lte=target.published_at)
        elif before and posts.filter(pk=before).exists():
            window = posts.filter(published_at__lt=posts.get(pk=before).published_at)
        page = list(window[: PAGE_SIZE + 1])
        state = self.state
        # The pinned post and the newest key events in one query, the pinned first.
        marked = posts.filter(Q(is_pinned=True) | Q(is_key_event=True))
        marked = list(marked.order_by("-is_pinned", "-published_at", "-pk")[: KEY_EVENTS + 1])
        pinned = marked[0] if marked and marked[0].is_pinned else None
        return {
            "state": state,
            "last_seq": state.last_seq,
            "epoch": state.epoch,
            "posts": page[:PAGE_SIZE],
            "older_than": page[PAGE_SIZE - 1].pk if len(page) > PAGE_SIZE else None,
            "showing_newest": window is posts,
            "pinned": pinned,
            "key_events": [post for post in marked if post.is_key_event][:KEY_EVENTS],
        }


def new_epoch() -> str:
    """A fresh epoch: random, so that no other blog and no earlier life of this one has it."""
    return secrets.token_hex(8)


class LiveState(models.Model):
    """What the desk changes on a live blog, outside the page's revisions.

    `last_seq` is the blog's event counter: actions increment it under a row
    lock, so sequence numbers are gap-free and strictly increasing per blog.
    `epoch` qualifies it (DESIGN §5.3): an event's id is `<epoch>-<seq>`, and
    the epoch changes whenever the counter could restart (a new state, a
    database restored from a backup), so an id from another blog or another
    life of this one is never taken for one of its own.
    """

    class Status(models.TextChoices):
        LIVE = "live", _("Live")
        ENDED = "ended", _("Ended")

    blog = models.OneToOneField(
        LiveBlogPage, on_delete=models.CASCADE, primary_key=True, related_name="live_state"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.LIVE)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    summary_source = models.TextField(blank=True, help_text=_("What the editor typed."))
    summary = models.TextField(blank=True, help_text=_("Sanitised HTML shown to readers."))
    summary_updated_at = models.DateTimeField(null=True, blank=True)
    last_seq = models.PositiveBigIntegerField(default=0)
    epoch = models.CharField(max_length=16, default=new_epoch)

    def __str__(self) -> str:
        return f"{self.blog_id}: {self.status} @ {self.epoch}-{self.last_seq}"


class LivePost(models.Model):
    blog = models.ForeignKey(LiveBlogPage, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body_source = models.TextField(help_text=_("What the writer typed."))
    body = models.TextField(help_text=_("Sanitised HTML shown to readers."))
    image = models.ForeignKey(
        "photos.Photo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    revision = models.PositiveIntegerField(default=1)
    is_pinned = models.BooleanField(default=False)
    is_key_event = models.BooleanField(default=False)
    key_event_title = models.CharField(max_length=140, blank=True)
    # The post of a twin blog (the same blog in another language) that this one translates.
    translation_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="translations"
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["blog", "-published_at"]),
            # The page's pinned post and key events: a few among thousands of posts.
            models.Index(
                fields=["blog", "-published_at"],
                condition=models.Q(is_pinned=True) | models.Q(is_key_event=True),
                name="live_post_marked",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["blog", "translation_of"], name="live_post_translated_once_per_blog"
            )
        ]

    def __str__(self) -> str:
        return self.headline

    @property
    def plain_text(self) -> str:
        """The body as text: a line per paragraph, no markup or character references."""
        return html_to_text(self.body)

    @property
    def headline(self) -> str:
        return self.key_event_title or Truncator(" ".join(self.plain_text.split())).chars(90)

    @property
    def author_name(self) -> str:
        if self.author is None:
            return ""
        return self.author.get_full_name() or self.author.get_username()

    @property
    def was_edited(self) -> bool:
        return self.revision > 1

    def search_entry(self) -> tuple[int, str, str]:
        """What readers' search finds of the post: its id, title and text."""
        return self.pk, self.key_event_title, self.plain_text


class LivePostDraft(models.Model):
    """A post written for a blog but not yet published: readers never see it, and
    it appends no event. One who may post there publishes it from the desk
    (`actions.check_publish_draft`), which makes it an ordinary post."""

    blog = models.ForeignKey(LiveBlogPage, on_delete=models.CASCADE, related_name="drafts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body_source = models.TextField(help_text=_("What the writer typed."))
    image = models.ForeignKey(
        "photos.Photo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(
        max_length=255, blank=True, help_text=_("Where it came from, e.g. a wire item.")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return Truncator(" ".join(self.body_source.split())).chars(90)

    @property
    def preview_html(self) -> str:
        return text_to_html(self.body_source)


class LiveEvent(models.Model):
    """One change to a live blog, as readers receive it (a transactional outbox)."""

    class Type(models.TextChoices):
        POST_PUBLISHED = "post_published"
        POST_EDITED = "post_edited"
        POST_DELETED = "post_deleted"
        POST_PINNED = "post_pinned"
        POST_UNPINNED = "post_unpinned"
        KEY_EVENT_MARKED = "key_event_marked"
        KEY_EVENT_UNMARKED = "key_event_unmarked"
        SUMMARY_CHANGED = "summary_changed"
        COVERAGE_OPENED = "coverage_opened"
        COVERAGE_CLOSED = "coverage_closed"

    blog = models.ForeignKey(LiveBlogPage, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveBigIntegerField()
    type = models.CharField(max_length=24, choices=Type.choices)
    # Not a foreign key: the event outlives a deleted post.
    post_id = models.BigIntegerField(null=True, blank=True)
    post = models.JSONField(null=True, blank=True)
    html = models.TextField(blank=True)
    blog_state = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["blog", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["blog", "seq"], name="live_event_unique_seq")
        ]

    def __str__(self) -> str:
        return f"{self.blog_id}#{self.seq} {self.type}"

    def as_json(self) -> dict:
        """The event as the polling endpoint, the stream and the app see it."""
        data = {
            "seq": self.seq,
            "type": self.type,
            "post_id": self.post_id,
            "post": self.post,
            "html": self.html,
        }
        if self.blog_state is not None:
            data["blog"] = self.blog_state
        return data
