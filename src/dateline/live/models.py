"""Live coverage: a live blog is a story with a stream of posts."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager

from dateline.articles.models import StoryPage, StoryQuerySet


class LiveBlogQuerySet(StoryQuerySet):
    def open(self) -> LiveBlogQuerySet:
        return self.filter(coverage_status=LiveBlogPage.Status.LIVE)


class LiveBlogPage(StoryPage):
    class Status(models.TextChoices):
        LIVE = "live", _("Live")
        ENDED = "ended", _("Ended")

    summary = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("The short summary readers see first, kept current by the editors."),
    )
    coverage_status = models.CharField(max_length=8, choices=Status.choices, default=Status.LIVE)
    coverage_started_at = models.DateTimeField(default=timezone.now)
    coverage_ended_at = models.DateTimeField(null=True, blank=True)

    objects = PageManager.from_queryset(LiveBlogQuerySet)()

    content_panels = [
        FieldPanel("topic"),
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("standfirst"),
        InlinePanel("bylines", label=_("Byline")),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")],
            heading=_("Lead photo"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("coverage_status"),
                FieldPanel("coverage_started_at"),
                FieldPanel("coverage_ended_at"),
            ],
            heading=_("Coverage"),
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("circulated_to")]
    parent_page_types = ["editions.EditionPage"]
    subpage_types = []
    template = "live/live_blog_page.html"

    class Meta:
        verbose_name = _("live blog")

    @property
    def is_live(self) -> bool:
        return self.coverage_status == self.Status.LIVE
