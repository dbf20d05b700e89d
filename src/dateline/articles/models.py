"""Stories and their anatomy: topic hubs, articles, updates and corrections.

`StoryPage` holds what every story shares (articles here, live blogs in
`dateline.live`): topic, standfirst, bylines, lead photo and circulation to
other editions. What readers may see of stories is decided in one place,
`StoryPage.objects.visible_to_readers()`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractRendition
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from dateline.editions.models import (
    EditionPage,
    EditionScoped,
    NewsroomSettings,
    ReadersPageManager,
    ReadersQuerySet,
    edition_path,
    editions_by_path,
)
from dateline.lib.absolute import absolute_url
from dateline.lib.dates import iso

from .blocks import ArticleBodyBlock
from .editing import PublicRecordPanel, StoryPageForm

NOTE_FEATURES = ["bold", "italic", "link"]
# The lead photo as search engines, social cards and feeds show it: 16:9, the
# size Google asks of article images and large social cards.
SHARE_IMAGE_SPEC = "fill-1200x675"


class StoryQuerySet(ReadersQuerySet):
    def visible_to_readers(self) -> StoryQuerySet:
        """Stories a reader may see: published, not restricted, and out of embargo.

        Every door readers have (pages, front pages, hubs, feeds, sitemaps,
        search, the API, live streams) goes through this one method.
        """
        return super().visible_to_readers().exclude(embargo_until__gt=timezone.now())

    def in_edition(self, edition: EditionPage) -> StoryQuerySet:
        """Stories whose home is the edition, or that were circulated to it."""
        return self.filter(Q(path__startswith=edition.path) | Q(circulated_to=edition)).distinct()

    def homed_in(self, edition: EditionPage) -> StoryQuerySet:
        """Stories whose home (and so whose one URL) is in the edition."""
        return self.filter(path__startswith=edition.path)

    def about(self, topic_slug: str) -> StoryQuerySet:
        """Stories on a topic, matched by the topic's slug across editions."""
        return self.filter(topic__slug=topic_slug)

    def newest_first(self) -> StoryQuerySet:
        return self.order_by("-first_published_at", "-pk")


StoryManager = PageManager.from_queryset(StoryQuerySet)


@register_snippet
class Author(index.Indexed, models.Model):
    """A person who bylines stories."""

    name = models.CharField(max_length=120)
    role = models.CharField(max_length=120, blank=True, help_text=_("e.g. Correspondent"))
    url = models.URLField(blank=True, help_text=_("A profile page, used in structured data."))

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("url")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TopicPage(EditionScoped, Page):
    """A topic's hub in one edition: its latest stories and live coverage.

    A topic is the same topic in every edition that has a hub with its slug,
    so a story homed in one edition appears on the hub of each edition it is
    circulated to.
    """

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["editions.EditionPage"]
    subpage_types = []
    template = "articles/topic_page.html"

    class Meta:
        verbose_name = _("topic")

    objects = ReadersPageManager()

    def stories(self) -> StoryQuerySet:
        """The topic's stories in the hub's edition that readers may see. The hub's
        template lists them with its live coverage (`live_tags.topic_coverage`)."""
        return StoryPage.objects.visible_to_readers().in_edition(self.edition).about(self.slug)

    def counterparts(self):
        topics = list(TopicPage.objects.visible_to_readers().filter(slug=self.slug))
        editions = editions_by_path(topic.path for topic in topics)
        return {
            editions[edition_path(topic)].pk: topic.url
            for topic in topics
            if edition_path(topic) in editions
        }

    @property
    def meta_description(self) -> str:
        return self.search_description or self.intro


class StoryPage(EditionScoped, Page):
    """What articles and live blogs share. Not created directly."""

    topic = models.ForeignKey(
        TopicPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The topic label above the headline; links to the topic's hub."),
    )
    standfirst = models.TextField(
        max_length=600, help_text=_("The summary under the headline, one or two sentences.")
    )
    lead_image = models.ForeignKey(
        "photos.Photo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(
        max_length=500, blank=True, help_text=_("The photo's own caption if empty.")
    )
    circulated_to = ParentalManyToManyField(
        EditionPage,
        blank=True,
        related_name="circulated_stories",
        verbose_name=_("circulated to"),
        help_text=_(
            "Other editions that show this story on their front page and topic hubs. "
            "It keeps one URL, in its home edition."
        ),
    )

    class Comments(models.TextChoices):
        POST_MODERATED = "post", _("Open: published at once, moderated afterwards")
        PRE_MODERATED = "pre", _("Pre-moderated: published after approval")
        CLOSED = "closed", _("Closed: existing comments stay, no new ones")

    comments_mode = models.CharField(
        _("comments"), max_length=8, choices=Comments.choices, default=Comments.POST_MODERATED
    )
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "A published story stays hidden from readers everywhere (pages, front pages, "
            "feeds, the API, sitemaps, search) until this time, then appears everywhere at once."
        ),
    )

    objects = StoryManager()
    base_form_class = StoryPageForm

    is_creatable = False
    search_fields = [*Page.search_fields, index.SearchField("standfirst")]
    schema_type = "Article"  # the schema.org type of structured_data()

    class Meta:
        verbose_name = _("story")

    @property
    def headline(self) -> str:
        return self.title

    @property
    def is_embargoed(self) -> bool:
        return self.embargo_until is not None and self.embargo_until > timezone.now()

    def is_visible_to_readers(self) -> bool:
        """For links to one story (e.g. "See also"): the same rule as every list."""
        return StoryPage.objects.visible_to_readers().filter(pk=self.pk).exists()

    def route(self, request, path_components):
        # Wagtail serves any live page; an embargoed one must not reach readers.
        # Editors still see it through the admin's preview.
        if not path_components and self.is_embargoed:
            raise Http404
        return super().route(request, path_components)

    @property
    def caption(self) -> str:
        return self.lead_image_caption or (self.lead_image.caption if self.lead_image else "")

    @cached_property
    def authors(self) -> list[Author]:
        if "bylines" in getattr(self, "_prefetched_objects_cache", {}):
            return [byline.author for byline in self.bylines.all()]  # see listing.preload()
        return [byline.author for byline in self.bylines.select_related("author")]

    @cached_property
    def share_image(self) -> AbstractRendition | None:
        """The lead photo's rendition for search engines, social cards and feeds, if any."""
        return self.lead_image.get_rendition(SHARE_IMAGE_SPEC) if self.lead_image else None

    @property
    def meta_description(self) -> str:
        """What search results and social cards quote."""
        return self.search_description or self.standfirst

    @property
    def last_updated(self):
        return self.last_published_at or self.first_published_at

    @classmethod
    def preload_last_updated(cls, stories: list[StoryPage]) -> None:
        """Loads what `last_updated` reads for many stories of this type at once.

        Listings call it through `listing.preload()` so that
        they pay a fixed number of queries, not one or two per story. A story's own
        fields are all the base needs.
        """

    @classmethod
    def preload_cards(cls, cards: list[StoryPage]) -> None:
        """Loads what this type's cards show beyond every story's fields, for many
        cards at once (`story_cards`). A story's own fields are all the base needs."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.structured_data(request)
        return context

    def counterparts(self):
        # One canonical URL, announced for the home edition and each edition
        # the story is circulated to. (A draft being previewed holds its
        # circulation in memory, where only .all() works.)
        url = self.url
        return {
            self.edition.pk: url,
            **{edition.pk: url for edition in self.circulated_to.all()},
        }

    def structured_data(self, request) -> dict:
        """schema.org data every story carries; each story type adds its own."""
        publisher = NewsroomSettings.load(request_or_site=request).publisher_name
        url = absolute_url(request, self.get_url(request))
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "mainEntityOfPage": url,
            "url": url,
            "headline": self.title,
            "description": self.standfirst,
            "inLanguage": self.edition.language,
            "datePublished": iso(self.first_published_at),
            "dateModified": iso(self.last_updated),
            "author": [
                {"@type": "Person", "name": a.name, **({"url": a.url} if a.url else {})}
                for a in self.authors
            ],
            "publisher": {"@type": "Organization", "name": publisher},
        }
        if self.topic:
            data["articleSection"] = self.topic.title
        if self.share_image:
            data["image"] = {
                "@type": "ImageObject",
                "url": absolute_url(request, self.share_image.url),
                "width": self.share_image.width,
                "height": self.share_image.height,
                "caption": self.caption,
                "creditText": self.lead_image.credit,
            }
        return data


class StoryByline(Orderable):
    story = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("author")]


class ArticlePage(StoryPage):
    """A news article with its whole anatomy."""

    dateline_place = models.CharField(
        _("dateline"), max_length=120, blank=True, help_text=_("Where the story was filed from.")
    )
    body = StreamField(ArticleBodyBlock())

    content_panels = [
        FieldPanel("topic"),
        # As in Wagtail's own Page.content_panels, so a new story's slug is filled in
        # from its headline; laid out like the fields around it.
        TitleFieldPanel("title", heading=_("Headline"), classname="", placeholder=False),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [InlinePanel("bylines", label=_("Byline")), FieldPanel("dateline_place")],
            heading=_("Byline and dateline"),
        ),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")],
            heading=_("Lead photo"),
        ),
        FieldPanel("body"),
        PublicRecordPanel(heading=_("Updates and corrections")),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("circulated_to")]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("embargo_until"),
        FieldPanel("comments_mode"),
    ]
    parent_page_types = ["editions.EditionPage"]
    subpage_types = []
    search_fields = [*StoryPage.search_fields, index.SearchField("body")]
    template = "articles/article_page.html"
    schema_type = "NewsArticle"

    class Meta:
        verbose_name = _("article")

    @cached_property
    def updates_newest_first(self) -> list[ArticleUpdate]:
        # A new article being previewed has no record yet (and no id to look one up).
        updates = self.updates.all() if self.pk else []
        return sorted(updates, key=lambda u: u.published_at, reverse=True)

    @cached_property
    def corrections_in_order(self) -> list[ArticleCorrection]:
        corrections = self.corrections.all() if self.pk else []
        return sorted(corrections, key=lambda c: c.published_at)

    @property
    def last_updated(self):
        notes = [*self.updates_newest_first, *self.corrections_in_order]
        times = [super().last_updated, *(note.published_at for note in notes)]
        return max((t for t in times if t is not None), default=None)

    @classmethod
    def preload_last_updated(cls, stories: list[StoryPage]) -> None:
        prefetch_related_objects(stories, "updates", "corrections")

    def structured_data(self, request) -> dict:
        """schema.org NewsArticle for this article."""
        data = super().structured_data(request)
        if self.dateline_place:
            data["dateline"] = self.dateline_place
        if self.corrections_in_order:
            data["correction"] = [
                {
                    "@type": "CorrectionComment",
                    "text": strip_tags(c.text),
                    "datePublished": iso(c.published_at),
                }
                for c in self.corrections_in_order
            ]
        return data


class DatedNote(Orderable):
    """A dated public note on an article: an update or a correction.

    Notes are a public record, so they live outside the article's revisions, as
    Wagtail keeps a page's live state: restoring, reverting, editing, copying or
    publishing any version of the article (now, on schedule, from its history)
    never adds or drops one. They are added, published at once, by
    `actions.check_add_update` and `actions.check_correct_article`.
    """

    published_at = models.DateTimeField(default=timezone.now)
    text = RichTextField(features=NOTE_FEATURES)

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        # An emptied rich-text editor still submits markup such as <p></p>.
        if not strip_tags(self.text or "").strip():
            raise ValidationError({"text": _("Write the text of the note.")})


class ArticleUpdate(DatedNote):
    """A dated note added as the story develops, shown in the article's Update box."""

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="updates")

    class Meta(DatedNote.Meta):
        verbose_name = _("update")


class ArticleCorrection(DatedNote):
    """A public, dated correction."""

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")

    class Meta(DatedNote.Meta):
        verbose_name = _("correction")
