"""Editions: one presentation of the site for one market.

The tree is Root → HomePage (the edition picker at /) → EditionPage (/es/, /cl/,
…) → topic hubs and stories. An edition's slug is its URL prefix; its language
(BCP 47) and time zone govern how every page below it is rendered.
"""

from __future__ import annotations

import zoneinfo
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

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


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a time zone name (try Europe/Madrid or America/Santiago)."),
            params={"value": value},
        )


def edition_of(page: Page) -> EditionPage | None:
    """The edition a page belongs to: its ancestor (or itself) two levels below the root."""
    depth = 3
    if page.depth < depth:
        return None
    path = page.path[: depth * Page.steplen]
    if isinstance(page, EditionPage) and page.path == path:
        return page
    return EditionPage.objects.filter(path=path).first()


class EditionScoped:
    """Renders a page in its edition's language and time zone.

    The response is rendered inside the override (a TemplateResponse would
    otherwise render later, in the site's default language).
    """

    @cached_property
    def edition(self) -> EditionPage | None:
        return edition_of(self)

    def serve(self, request, *args, **kwargs):
        edition = self.edition
        if edition is None:
            return super().serve(request, *args, **kwargs)
        with translation.override(edition.language), timezone.override(edition.tzinfo):
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
            for edition in EditionPage.objects.live().public().order_by("path")
        ]

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

    def get_context(self, request, *args, **kwargs):
        from dateline.articles.models import StoryPage

        context = super().get_context(request, *args, **kwargs)
        editions = list(EditionPage.objects.child_of(self).live().public().order_by("path"))
        for edition in editions:
            edition.lead = (
                StoryPage.objects.visible_to_readers().in_edition(edition).newest_first().first()
            )
        context["edition_list"] = editions
        return context

    def edition_alternates(self, request):
        return [
            (edition, edition.get_url(request))
            for edition in EditionPage.objects.live().public().order_by("path")
        ]


class EditionPage(EditionScoped, RoutablePageMixin, Page):
    """An edition, its front page and its search (`/<edition>/search/?q=`)."""

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

    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        MultiFieldPanel([FieldPanel("language"), FieldPanel("time_zone")], heading=_("Market")),
    ]
    parent_page_types = ["editions.HomePage"]
    subpage_types = ["articles.TopicPage", "articles.ArticlePage", "live.LiveBlogPage"]
    template = "editions/edition_page.html"

    class Meta:
        verbose_name = _("edition")

    @property
    def name(self) -> str:
        return self.title

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def language_short(self) -> str:
        return self.language.split("-")[0]

    def front_page(self) -> dict:
        """What the front page shows, in its order: the lead story, the top
        stories and the edition's topics. The page and the API both read it."""
        from dateline.articles.models import StoryPage, story_cards

        stories = story_cards(
            StoryPage.objects.visible_to_readers().in_edition(self).newest_first()[:25]
        )
        return {
            "lead_story": stories[0] if stories else None,
            "top_stories": stories[1:],
            "topics": list(self.topics()),
        }

    def topics(self):
        """The edition's published topic hubs, by title."""
        from dateline.articles.models import TopicPage

        return TopicPage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not kwargs.get("searching"):
            context.update(self.front_page())
        return context

    @path("")
    def front(self, request):
        return self.render(request)

    @path("search/", name="search")
    def search(self, request):
        from dateline.articles.search import search_stories

        terms = request.GET.get("q", "")[:200]
        results = Paginator(search_stories(terms, edition=self), 20).get_page(
            request.GET.get("page")
        )
        context = self.get_context(request, searching=True)
        context.update({"terms": terms, "results": results})
        return TemplateResponse(request, "editions/search_results.html", context)


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
