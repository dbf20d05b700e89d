"""Editions: one presentation of the site for one market.

The tree is Root → HomePage (the edition picker at /) → EditionPage (/es/, /cl/,
…) → topic hubs and stories. An edition's slug is its URL prefix; its language
(BCP 47) and time zone govern how every page below it is rendered.
"""

from __future__ import annotations

import uuid
import zoneinfo
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Locale, Orderable, Page, PageManager, PageQuerySet, PageViewRestriction
from wagtail.snippets.models import register_snippet

from dateline.lib.generation import remember

from .editing import EditionPageForm

# BCP 47 tags Dateline knows how to render (template strings in Spanish or English).
LANGUAGE_CHOICES = [
    ("es-ES", "Spanish (Spain)"),
    ("es-CL", "Spanish (Chile)"),
    ("es-CO", "Spanish (Colombia)"),
    ("es-MX", "Spanish (Mexico)"),
    ("es-US", "Spanish (United States)"),
    ("es-419", "Spanish (Latin America)"),
    ("es-AR", "Spanish (Argentina)"),
    ("en-US", "English (United States)"),
    ("en-GB", "English (United Kingdom)"),
]

# What editors may put on a front page: the kinds of story readers open.
STORY_TYPES = ["articles.ArticlePage", "live.LiveBlogPage"]


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a time zone name (try Europe/Madrid or America/Santiago)."),
            params={"value": value},
        )


EDITION_DEPTH = 3


def edition_path(page: Page) -> str:
    """The tree path of the page's edition (empty above the editions)."""
    if page.depth < EDITION_DEPTH:
        return ""
    return page.path[: EDITION_DEPTH * Page.steplen]


def every_edition() -> dict[str, EditionPage]:
    """Every edition, published or not, keyed by its tree path: read once per
    process and publication (`lib.generation`), as every page asks for its own."""
    return remember("editions", lambda: {e.path: e for e in EditionPage.objects.order_by("path")})


def readers_editions() -> list[EditionPage]:
    """The editions readers may see, in tree order (the edition switcher, hreflang)."""
    return remember(
        "readers-editions", lambda: list(EditionPage.objects.visible_to_readers().order_by("path"))
    )


def home_page() -> HomePage | None:
    """The published home page (`x-default` in every page's alternates)."""
    return remember("home-page", lambda: HomePage.objects.live().first())


def view_restrictions() -> list[PageViewRestriction]:
    """Every page view restriction with its page (and groups), once per publication:
    saving or deleting one starts a new generation (`signal_handlers`)."""
    return remember(
        "view-restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
    )


class Restrictions(list):
    """View restrictions already read, answering what Wagtail asks of the
    queryset `get_view_restrictions` would return (copying a page asks `exists()`)."""

    def exists(self) -> bool:
        return bool(self)


def restrictions_over(page: Page) -> Restrictions:
    """The view restrictions on the page and its ancestors, as Wagtail's
    `get_view_restrictions` finds them, without a query (aliases excepted)."""
    return Restrictions(r for r in view_restrictions() if page.path.startswith(r.page.path))


def edition_of(page: Page) -> EditionPage | None:
    """The edition a page belongs to: its ancestor (or itself) two levels below the root."""
    path = edition_path(page)
    if not path:
        return None
    if isinstance(page, EditionPage) and page.path == path:
        return page
    return every_edition().get(path)


def editions_by_path(paths: Iterable[str]) -> dict[str, EditionPage]:
    """The editions of many pages' paths, keyed by the edition's path, for
    listings that show pages from several editions."""
    editions = every_edition()
    prefixes = {path[: EDITION_DEPTH * Page.steplen] for path in paths}
    return {prefix: editions[prefix] for prefix in prefixes if prefix in editions}


def _as_served(page: Page) -> Page:
    """The page as its own type, with what serving it reads (`served_with`) in
    the same query where the type says what that is."""
    model = page.specific_class
    served_with = getattr(model, "served_with", None)
    if served_with is None:
        return page.specific
    return served_with().get(pk=page.pk)


def locale_for(language: str) -> Locale:
    """The Wagtail locale of a BCP 47 tag's language: es-CL and es-ES are `es`.

    A page's locale is its edition's language, so that versions of one story in
    several languages share a `translation_key` and Wagtail's own constraint
    (one page per key and locale) keeps one version per language.
    """
    locale, _ = Locale.objects.get_or_create(language_code=language.split("-")[0].lower())
    return locale


class ReadersQuerySet(PageQuerySet):
    def visible_to_readers(self) -> ReadersQuerySet:
        """Pages a reader may see: published and not restricted.

        The one rule for editions and topic hubs; stories add their embargo
        (`StoryQuerySet`). Every door readers have asks it here.
        """
        return self.live().public()

    def private_q(self):
        # Wagtail's, from the restrictions remembered for this publication
        # rather than a query each time a listing is built.
        q = Q()
        for restriction in view_restrictions():
            q |= self.descendant_of_q(restriction.page, inclusive=True)
        return q if q else Q(pk__in=[])


ReadersPageManager = PageManager.from_queryset(ReadersQuerySet)


@contextmanager
def reading_in(edition: EditionPage) -> Iterator[None]:
    """Renders what is inside in the edition's language and time zone."""
    with translation.override(edition.language), timezone.override(edition.tzinfo):
        yield


class EditionScoped:
    """Renders a page in its edition's language and time zone.

    The response is rendered inside the override (a TemplateResponse would
    otherwise render later, in the site's default language).
    """

    @cached_property
    def edition(self) -> EditionPage | None:
        return edition_of(self)

    def get_default_locale(self):
        # Called before a new page's first save, when its place in the tree is known.
        edition = edition_of(self) if self.path else None
        if edition is not None and edition.language:
            return locale_for(edition.language)
        return super().get_default_locale()

    def save(self, *args, **kwargs):
        # A page copied from an edition in another language arrives with the
        # source's locale (and a fresh translation_key): it takes its new edition's.
        if self.pk is None and self.path and self.locale_id is not None:
            edition = edition_of(self)
            if edition is not None and edition.language:
                self.locale = locale_for(edition.language)
        return super().save(*args, **kwargs)

    def reader_edition(self, request) -> EditionPage | None:
        """The edition the reader is in on this page (its own, unless a story says otherwise)."""
        return self.edition

    def serve(self, request, *args, **kwargs):
        edition = self.edition
        if edition is None:
            return super().serve(request, *args, **kwargs)
        with reading_in(edition):
            response = super().serve(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response.headers.setdefault("Content-Language", edition.language)
        return response

    def edition_alternates(self, request) -> list[tuple[EditionPage, str]]:
        """For every edition, the URL of this page's counterpart there.

        Pages with no counterpart in an edition point at that edition's front
        page, so a reader who switches edition always lands somewhere useful.
        """
        counterparts = self.counterparts()
        return [
            (edition, counterparts.get(edition.pk) or edition.get_url(request))
            for edition in readers_editions()
        ]

    def language_alternates(self, request) -> list[tuple[EditionPage, str]]:
        """The `hreflang` alternates: for each edition, the page readers there get."""
        return self.edition_alternates(request)

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
        return restrictions_over(self)

    def counterparts(self) -> dict[int, str]:
        """Maps edition ids to the URL of this page's counterpart there."""
        return {}


class HomePage(Page):
    """The root of the site: it introduces the editions and lets readers pick one."""

    intro = models.CharField(max_length=255, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["editions.EditionPage"]
    max_count = 1
    template = "editions/home_page.html"
    objects = ReadersPageManager()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = EditionPage.objects.child_of(self).visible_to_readers()
        context["edition_list"] = editions.order_by("path")
        return context

    def edition_alternates(self, request):
        return [(edition, edition.get_url(request)) for edition in readers_editions()]

    def get_view_restrictions(self):
        return restrictions_over(self)

    def route(self, request, path_components):
        """Finds the page a path names in one query by its URL path (Wagtail walks
        the tree, two queries a level); Wagtail's walk answers what that misses."""
        if path_components:
            # The slug's index finds it; the URL path says it is this one.
            page = Page.objects.filter(
                depth=self.depth + len(path_components),
                slug=path_components[-1],
                url_path=self.url_path + "/".join(path_components) + "/",
            ).first()
            if page is not None:
                return _as_served(page).route(request, [])
        return super().route(request, path_components)

    @property
    def meta_description(self) -> str:
        """What search results and social cards quote."""
        return self.search_description or self.intro


class EditionPage(EditionScoped, Page):
    """An edition and its front page (its search is `articles.views.search`).

    Its editors curate the front page here (the Front page tab): the lead
    story, the top stories in their order and the topics featured under the
    masthead. Publishing the edition page puts a curation before readers.
    """

    language = models.CharField(
        max_length=16,
        choices=LANGUAGE_CHOICES,
        help_text=_("The language and region readers of this edition use (BCP 47)."),
    )
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("Times on this edition's pages are shown in this zone, e.g. America/Santiago."),
    )
    tagline = models.CharField(max_length=255, blank=True)
    lead_story = models.ForeignKey(
        "articles.StoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The story the front page opens with. Leave empty to lead with the newest story."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        MultiFieldPanel([FieldPanel("language"), FieldPanel("time_zone")], heading=_("Market")),
    ]
    front_page_panels = [
        PageChooserPanel("lead_story", page_type=STORY_TYPES),
        InlinePanel(
            "top_story_slots",
            heading=_("Top stories"),
            label=_("Top story"),
            help_text=_(
                "Shown in this order after the lead story; the newest stories fill the "
                "rest of the front page."
            ),
        ),
        InlinePanel(
            "featured_topics",
            heading=_("Topic bar"),
            label=_("Topic"),
            help_text=_(
                "The edition's topics shown under the masthead, in this order. Leave empty "
                "to show all of them by title."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(front_page_panels, heading=_("Front page")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = EditionPageForm
    objects = ReadersPageManager()
    parent_page_types = ["editions.HomePage"]
    subpage_types = ["articles.TopicPage", "articles.ArticlePage", "live.LiveBlogPage"]
    template = "editions/edition_page.html"

    class Meta:
        verbose_name = _("edition")

    def get_default_locale(self):
        return locale_for(self.language) if self.language else super().get_default_locale()

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if self.language and (update_fields is None or "language" in update_fields):
            self.pages_follow_language()
        return result

    def pages_follow_language(self) -> None:
        """Puts the edition and every page in it in the locale of the edition's language.

        After an edition changes language, a story linked to a version in its
        new language would be two versions of one language: it leaves that
        set of translations (its links are dropped, never its content).
        """
        locale = locale_for(self.language)
        pages = Page.objects.filter(path__startswith=self.path).exclude(locale=locale)
        if not pages.exists():
            return
        taken = Page.objects.filter(locale=locale).values("translation_key")
        for pk in pages.filter(translation_key__in=taken).values_list("pk", flat=True):
            Page.objects.filter(pk=pk).update(translation_key=uuid.uuid4())
        pages.update(locale=locale)
        if self.locale_id != locale.pk:
            self.locale = locale

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def language_short(self) -> str:
        return self.language.split("-")[0]

    @property
    def meta_description(self) -> str:
        """What search results and social cards quote."""
        return self.search_description or self.tagline


class Role(models.TextChoices):
    """A newsroom role in one edition. The values are `ensure_edition_groups`' keys."""

    REPORTER = "reporters", _("reporter")
    EDITOR = "editors", _("editor")
    ADMIN = "admins", _("edition admin")


class EditionGroup(models.Model):
    """Says which edition and role a group stands for.

    Roles are found through this link rather than through group names, so
    renaming an edition (or a group) keeps everyone's roles.
    """

    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="edition_group"
    )
    edition = models.ForeignKey(EditionPage, on_delete=models.CASCADE, related_name="role_groups")
    role = models.CharField(max_length=16, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "role"], name="one_group_per_edition_role")
        ]

    def __str__(self) -> str:
        return f"{self.edition.title}: {self.get_role_display()}"


class FrontPageStory(Orderable):
    """A top story slot on an edition's front page, in the editors' order."""

    edition = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="top_story_slots")
    story = models.ForeignKey("articles.StoryPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("story", page_type=STORY_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = _("top story")


class FeaturedTopic(Orderable):
    """A topic in an edition's topic bar, in the editors' order."""

    edition = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="featured_topics")
    topic = models.ForeignKey("articles.TopicPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("topic", page_type="articles.TopicPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured topic")


@register_snippet
class SisterBrand(models.Model):
    """A link in every page's header to a sister publication."""

    name = models.CharField(max_length=80)
    url = models.URLField()
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("sister brand")

    def __str__(self) -> str:
        return self.name


@register_setting(icon="site")
class NewsroomSettings(BaseGenericSetting):
    """Newsroom-wide facts shown in page chrome and structured data."""

    publisher_name = models.CharField(max_length=120, default="Dateline")
    app_url = models.URLField(
        blank=True, help_text=_("Where the 'Get the app' link in the header points.")
    )

    site_notice = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("A notice shown at the top of every page, e.g. that the site is a demo."),
    )

    panels = [FieldPanel("publisher_name"), FieldPanel("app_url"), FieldPanel("site_notice")]

    class Meta:
        verbose_name = _("newsroom settings")

    @classmethod
    def load(cls, request_or_site=None):
        """Every page shows them: read once per publication (saving them starts a
        new one, `signal_handlers`)."""
        return remember("newsroom-settings", cls._get_or_create)
