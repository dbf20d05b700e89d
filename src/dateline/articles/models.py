"""Stories and their anatomy: topic hubs, articles, updates and corrections.

`StoryPage` holds what every story shares (articles here, live blogs in
`dateline.live`): topic, standfirst, bylines, lead photo and circulation to
other editions. What readers may see of stories is decided in one place,
`StoryPage.objects.visible_to_readers()`.
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    Aggregate,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.http import urlencode
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
    readers_editions,
)
from dateline.lib.absolute import absolute_url
from dateline.lib.dates import iso
from dateline.lib.generation import remember
from dateline.lib.sanitize import html_to_text

from .blocks import ArticleBodyBlock
from .editing import PublicRecordPanel, StoryPageForm

NOTE_FEATURES = ["bold", "italic", "link"]
# The query parameter that keeps a reader in an edition a story is circulated to
# (`/es/story/?edition=cl`): the story keeps its one URL, the chrome is Chile's.
EDITION_PARAM = "edition"
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
        # A subquery rather than a join: no duplicates to remove, so the
        # database can walk an index in date order and stop at the first few.
        circulated = StoryPage.circulated_to.through.objects.filter(editionpage=edition)
        return self.filter(
            Q(path__startswith=edition.path) | Q(pk__in=circulated.values("storypage"))
        )

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


class IdList(Aggregate):
    """Ids as one comma-separated string, so that a page's own query can carry
    a short list of related ids (the editions a story is circulated to)."""

    function = "GROUP_CONCAT"
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s((%(expressions)s)::text, ',')",
            **extra_context,
        )


def story_visible_to_readers(pk: int) -> bool:
    return StoryPage.objects.visible_to_readers().filter(pk=pk).exists()


def readers_topics() -> dict[int, TopicPage]:
    """Every topic hub readers may see, by id: a few per edition, shown on most
    pages (topic labels, the topic bar, feed links), so read once per publication."""
    return remember(
        "readers-topics", lambda: TopicPage.objects.visible_to_readers().order_by("title").in_bulk()
    )


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
    # What a story card shows beyond the story's own fields, fetched with it.
    card_related = ("lead_image",)
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
        return story_visible_to_readers(self.pk)

    @classmethod
    def served_with(cls):
        """The story with what its page shows of it besides its own fields: the
        topic label, the lead photo, the bylines and where it is circulated."""
        circulation = (
            StoryPage.circulated_to.through.objects.filter(storypage=OuterRef("pk"))
            .values("storypage")
            .annotate(ids=IdList("editionpage_id"))
            .values("ids")
        )
        return (
            cls.objects.select_related("lead_image", "topic")
            .prefetch_related(
                Prefetch("bylines", queryset=StoryByline.objects.select_related("author"))
            )
            .annotate(circulated_ids=Subquery(circulation))
        )

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

    def search_text(self) -> list[str]:
        """What readers' search finds of the story besides its headline, in reading
        order (`articles.search`). Each story type adds its own parts."""
        return [self.standfirst]

    def search_posts(self):
        """The story's posts readers' search finds one by one, as (post, headline,
        text): none, but a live blog's."""
        return []

    def post_url(self, post_id: int) -> str:
        """Where a reader lands to read one of the story's posts."""
        return self.url

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

    def runs_in(self) -> list[EditionPage]:
        """The editions whose readers get this story: its home, then those it is
        circulated to. (A draft being previewed holds its circulation in memory,
        where only .all() works.)"""
        home = self.edition
        return [home, *(e for e in self.circulated_editions() if e.pk != home.pk)]

    def circulated_editions(self) -> list[EditionPage]:
        """The editions readers see the story circulated to. A page fetched by
        `served_with()` names them in `circulated_ids`, read against the editions
        every page already knows (`readers_editions`), so they cost no query."""
        if hasattr(self, "circulated_ids"):
            wanted = {int(pk) for pk in (self.circulated_ids or "").split(",") if pk}
            return [edition for edition in readers_editions() if edition.pk in wanted]
        return list(self.circulated_to.all())

    def translations(self) -> StoryQuerySet:
        """The story's versions in other languages: the stories that share its
        `translation_key` (each in its own language, `editions.models.locale_for`)."""
        return StoryPage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)

    def visible_translations(self) -> list[tuple[StoryPage, EditionPage]]:
        """The versions readers may see, each with its home edition, by language."""
        # Versions change only with a publication or a link between versions,
        # both of which start a new generation (`lib/generation`).
        found = remember(
            f"versions:{self.translation_key}",
            lambda: visible_versions([self]).get(self.translation_key, []),
        )
        return sorted(
            ((version, home) for version, home in found if version.pk != self.pk),
            key=lambda pair: pair[1].language,
        )

    @cached_property
    def _versions_by_edition(self) -> dict[int, tuple[StoryPage, EditionPage]]:
        return versions_by_edition(self, self.edition, self.visible_translations())

    def edition_alternates(self, request):
        """The edition switcher: each edition's readers go to the story, or its
        version in their language, or else to their edition's front page. A
        version circulated to an edition keeps the reader in that edition."""
        versions = self._versions_by_edition
        links = []
        for edition in readers_editions():
            if edition.pk not in versions:
                links.append((edition, edition.get_url(request)))
                continue
            version, home = versions[edition.pk]
            url = version.get_url(request)
            if home.pk != edition.pk:
                url = f"{url}?{urlencode({EDITION_PARAM: edition.slug})}"
            links.append((edition, url))
        return links

    def language_alternates(self, request):
        """`hreflang`: each edition where a version runs, with that version's one URL."""
        versions = self._versions_by_edition
        return [
            (edition, versions[edition.pk][0].get_url(request))
            for edition in readers_editions()
            if edition.pk in versions
        ]

    def reader_edition(self, request) -> EditionPage:
        """The edition the reader is in: one the story is circulated to when the
        reader came from it (`?edition=`), else the story's home."""
        slug = request.GET.get(EDITION_PARAM) if request is not None else None
        for edition in self.runs_in():
            if edition.slug == slug and edition.live:
                return edition
        return self.edition

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


def visible_versions(stories) -> dict:
    """The versions readers may see of many stories at once (the stories too), by
    translation key, each with its home edition: three queries."""
    keys = {story.translation_key for story in stories}
    versions = list(
        StoryPage.objects.visible_to_readers()
        .filter(translation_key__in=keys)
        .prefetch_related("circulated_to")
    )
    homes = editions_by_path(version.path for version in versions)
    found = defaultdict(list)
    for version in versions:
        if edition_path(version) in homes:
            found[version.translation_key].append((version, homes[edition_path(version)]))
    return found


def versions_by_edition(
    story: StoryPage, home: EditionPage, translations: list[tuple[StoryPage, EditionPage]]
) -> dict[int, tuple[StoryPage, EditionPage]]:
    """For every edition where a version of the story runs, that version and its
    home: the story itself in its home and the editions it is circulated to, else
    its version in the edition's language homed in or circulated to the edition."""
    found = {home.pk: (story, home)}
    found.update((e.pk, (story, home)) for e in story.circulated_editions() if e.pk not in found)
    for version, version_home in translations:
        for edition in [version_home, *version.circulated_to.all()]:
            if edition.pk not in found and edition.language_short == version_home.language_short:
                found[edition.pk] = (version, version_home)
    return found


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
    # Wagtail's index serves the admin's search; readers' search is `articles.search`.
    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("body"),
        index.RelatedFields("updates", [index.SearchField("text")]),
        index.RelatedFields("corrections", [index.SearchField("text")]),
    ]
    template = "articles/article_page.html"
    schema_type = "NewsArticle"

    class Meta:
        verbose_name = _("article")

    @cached_property
    def _notes(self) -> tuple[list[ArticleUpdate], list[ArticleCorrection]]:
        """The article's updates and corrections, in one query when they are read
        from the database (a draft being previewed holds them in memory)."""
        if self.pk is None:
            # A new article being previewed has no record yet.
            return [], []
        if {*getattr(self, "_prefetched_objects_cache", {})} & {"updates", "corrections"}:
            return list(self.updates.all()), list(self.corrections.all())
        fields = ["id", "sort_order", "published_at", "text", "article_id"]
        kinds = (ArticleUpdate, ArticleCorrection)
        rows = (
            model.objects.filter(article_id=self.pk)
            .order_by()
            .annotate(kind=Value(kind))
            .values_list("kind", *fields)
            for kind, model in enumerate(kinds)
        )
        notes: tuple[list, list] = ([], [])
        for kind, *values in next(rows).union(*rows, all=True):
            note = kinds[kind](**dict(zip(fields, values, strict=True)))
            note._state.adding = False
            notes[kind].append(note)
        return notes

    @cached_property
    def updates_newest_first(self) -> list[ArticleUpdate]:
        return sorted(self._notes[0], key=lambda u: u.published_at, reverse=True)

    @cached_property
    def corrections_in_order(self) -> list[ArticleCorrection]:
        return sorted(self._notes[1], key=lambda c: c.published_at)

    @property
    def last_updated(self):
        notes = [*self.updates_newest_first, *self.corrections_in_order]
        times = [super().last_updated, *(note.published_at for note in notes)]
        return max((t for t in times if t is not None), default=None)

    @classmethod
    def preload_last_updated(cls, stories: list[StoryPage]) -> None:
        prefetch_related_objects(stories, "updates", "corrections")

    def search_text(self) -> list[str]:
        blocks = self.body.stream_block.get_searchable_content(self.body)
        # Read afresh, not through the cached lists: the page may be mid-save.
        notes = [*self.updates.all(), *self.corrections.all()]
        return [
            *super().search_text(),
            *(str(text) for text in blocks),  # Wagtail gives the blocks' text, unmarked
            *(html_to_text(note.text) for note in notes),
        ]

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


class SearchEntry(models.Model):
    """What readers' search finds: a published story's words, or one post's.

    Written when a story is published and when a post is published or edited
    (`articles.search`), so it holds only what was once public; whether readers
    may still see it is asked at search time. `language` is the text search
    configuration of the story's home edition (PostgreSQL's name for it, and
    the Snowball stemmer's): `vector` is filled on PostgreSQL, a full-text table
    of stemmed words on SQLite.
    """

    story = models.ForeignKey(StoryPage, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(
        "live.LivePost", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(max_length=32)
    title = models.TextField(blank=True)
    text = models.TextField(blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["story"], condition=Q(post=None), name="one_search_entry_per_story"
            ),
            models.UniqueConstraint(fields=["post"], name="one_search_entry_per_post"),
        ]

    def __str__(self) -> str:
        return self.title
