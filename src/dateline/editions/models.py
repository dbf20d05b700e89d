"""Editions: one presentation of the site for one market.

The tree is Root → HomePage (the edition picker at /) → EditionPage (/es/, /cl/,
…) → topic hubs and stories. An edition's slug is its URL prefix; its language
(BCP 47) and time zone govern how every page below it is rendered.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.template.response import TemplateResponse
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
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable, Page
from wagtail.snippets.models import register_snippet

from .editing import EditionPageForm

if TYPE_CHECKING:
    from dateline.articles.models import StoryPage, StoryQuerySet, TopicPage

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

# How many stories a front page shows, its lead included.
FRONT_PAGE_SIZE = 25
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


def edition_of(page: Page) -> EditionPage | None:
    """The edition a page belongs to: its ancestor (or itself) two levels below the root."""
    path = edition_path(page)
    if not path:
        return None
    if isinstance(page, EditionPage) and page.path == path:
        return page
    return EditionPage.objects.filter(path=path).first()


def editions_by_path(paths: Iterable[str]) -> dict[str, EditionPage]:
    """The editions of many pages' paths in one query, keyed by the edition's path.

    For listings that show pages from several editions; `edition_of` costs a
    query per page.
    """
    prefixes = {path[: EDITION_DEPTH * Page.steplen] for path in paths}
    return {edition.path: edition for edition in EditionPage.objects.filter(path__in=prefixes)}


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
        leads = {
            edition.pk: edition.lead_story_pk(edition.stories_for_readers()) for edition in editions
        }
        stories = StoryPage.objects.in_bulk([pk for pk in leads.values() if pk is not None])
        for edition in editions:
            edition.lead = stories.get(leads[edition.pk])
        context["edition_list"] = editions
        return context

    def edition_alternates(self, request):
        return [
            (edition, edition.get_url(request))
            for edition in EditionPage.objects.live().public().order_by("path")
        ]

    @property
    def meta_description(self) -> str:
        """What search results and social cards quote."""
        return self.search_description or self.intro


class CurationError(NamedTuple):
    """One thing wrong with an edition's front-page choices, and where it is."""

    field: str  # "lead_story", "top_story_slots" or "featured_topics"
    position: int | None  # the slot's or topic's place in its list; None for the lead
    message: str


class EditionPage(EditionScoped, RoutablePageMixin, Page):
    """An edition, its front page and its search (`/<edition>/search/?q=`).

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

    @property
    def meta_description(self) -> str:
        """What search results and social cards quote."""
        return self.search_description or self.tagline

    def may_be_edited_by(self, user) -> bool:
        """Whether the user may change this edition page: its front page and settings.

        Only those who may publish it: editors, edition admins and site admins.
        Reporters hold Wagtail's change permission here too, but only because
        page permissions are granted on the edition page to reach the stories
        below it; editing the page itself is refused to them (wagtail_hooks.py).
        """
        return self.permissions_for_user(user).can_publish()

    def stories_for_readers(self) -> StoryQuerySet:
        """The edition's stories (homed here or circulated here) that readers may see."""
        from dateline.articles.models import StoryPage

        return StoryPage.objects.visible_to_readers().in_edition(self)

    def lead_story_pk(self, shown: StoryQuerySet) -> int | None:
        """The story the front page leads with, among `shown`: the editors' lead
        while readers may see it, otherwise the newest story."""
        if self.lead_story_id and shown.filter(pk=self.lead_story_id).exists():
            return self.lead_story_id
        return shown.newest_first().values_list("pk", flat=True).first()

    def front_page(self) -> dict:
        """What the front page shows, in its order: the lead story, the top
        stories and the topic bar. The page and the API both read it.

        The editors' lead comes first, then their top stories in their order,
        then the newest stories up to FRONT_PAGE_SIZE. What readers may see is
        decided now, not when the page was curated: a chosen story that has
        since been unpublished, restricted or taken out of circulation here
        drops out, and the next story moves up.
        """
        from dateline.articles.models import story_cards

        shown = self.stories_for_readers()
        lead = self.lead_story_pk(shown)
        slots = [slot.story_id for slot in self.top_story_slots.all()]
        chosen = [pk for pk in (lead, *slots) if pk is not None]
        newest = shown.exclude(pk__in=chosen).newest_first().values_list("pk", flat=True)
        order = list(dict.fromkeys([*chosen, *newest[:FRONT_PAGE_SIZE]]))
        cards = {story.pk: story for story in story_cards(shown.filter(pk__in=order))}
        stories = [cards[pk] for pk in order if pk in cards][:FRONT_PAGE_SIZE]
        return {
            "lead_story": stories[0] if stories else None,
            "top_stories": stories[1:],
            "topics": self.topic_bar(),
        }

    def topics(self):
        """The edition's published topic hubs, by title."""
        from dateline.articles.models import TopicPage

        return TopicPage.objects.child_of(self).live().public().order_by("title")

    def topic_bar(self) -> list[TopicPage]:
        """The topics under the masthead: the featured ones in the editors' order.

        With none featured, or none of them still published, every topic of
        the edition by title, so the bar never disappears.
        """
        hubs = self.topics()
        featured = [choice.topic_id for choice in self.featured_topics.all()]
        shown = {topic.pk: topic for topic in hubs.filter(pk__in=featured)} if featured else {}
        return [shown[pk] for pk in featured if pk in shown] or list(hubs)

    def curation_errors(
        self,
        lead_story: StoryPage | None,
        top_stories: Sequence[StoryPage],
        featured_topics: Sequence[TopicPage],
    ) -> list[CurationError]:
        """What is wrong with these front-page choices, each with how to fix it.

        A story must be in this edition (homed here or circulated here, the
        rule of `in_edition`) and chosen once; a topic must be one of this
        edition's own hubs and featured once. Whether readers may see a story
        is not checked: an editor may line up a scheduled story, which shows
        once it is published.
        """
        from dateline.articles.models import StoryPage

        picks = [("lead_story", None, lead_story)] if lead_story is not None else []
        picks += [("top_story_slots", i, story) for i, story in enumerate(top_stories)]
        here = set()
        if self.pk and picks:
            chosen = [story.pk for _field, _position, story in picks]
            here = set(
                StoryPage.objects.in_edition(self)
                .filter(pk__in=chosen)
                .values_list("pk", flat=True)
            )
        errors = []
        taken: dict[int, str] = {}  # a chosen story's pk → what to say if it is chosen again
        for field, position, story in picks:
            if story.pk not in here:
                message = _(
                    "“%(story)s” is not in %(edition)s. Choose a story of %(edition)s, or "
                    "first circulate this one to it (the story's Promote tab, Circulated to)."
                )
            elif story.pk in taken:
                message = taken[story.pk]
            else:
                taken[story.pk] = (
                    _("“%(story)s” is already the lead story. Choose another story.")
                    if field == "lead_story"
                    else _("“%(story)s” is already in an earlier slot. Choose another story.")
                )
                continue
            params = {"story": story.title, "edition": self.title}
            errors.append(CurationError(field, position, message % params))
        featured = set()
        for position, topic in enumerate(featured_topics):
            if topic.path[: -Page.steplen] != self.path:
                message = _(
                    "“%(topic)s” is not a topic of %(edition)s. Choose one of %(edition)s's "
                    "own topics."
                )
            elif topic.pk in featured:
                message = _("“%(topic)s” is already featured. Choose another topic.")
            else:
                featured.add(topic.pk)
                continue
            params = {"topic": topic.title, "edition": self.title}
            errors.append(CurationError("featured_topics", position, message % params))
        return errors

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
