"""The wires: providers (who sends, and how items reach Dateline), wire items with
every version the agency sent, and the stories made from them.

As in a newsroom's ingest system: a provider is pushed to (the API), polled (an
RSS or Atom feed) or watched (a folder); an item is known by its GUID across
versions; each version received is kept as the agency sent it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Provider(models.Model):
    class Kind(models.TextChoices):
        PUSH = "push", _("Pushed to the API")
        FEED = "feed", _("RSS or Atom feed, polled")
        FOLDER = "folder", _("Folder, watched")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), unique=True, help_text=_("Pushing agencies name it: ?provider=<slug>.")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.PUSH)
    url = models.URLField(_("feed URL"), blank=True, max_length=1000)
    path = models.CharField(
        _("folder"),
        max_length=500,
        blank=True,
        help_text=_("Files found here are taken and moved to its processed/ or failed/ subfolder."),
    )
    credit_line = models.CharField(
        _("credit line"),
        max_length=255,
        blank=True,
        help_text=_("Printed when an item names no credit of its own."),
    )
    editions = models.ManyToManyField(
        "editions.EditionPage",
        blank=True,
        related_name="+",
        verbose_name=_("editions"),
        help_text=_(
            "The editions its items concern (its flashes reach their live desks). "
            "None: every edition."
        ),
    )
    poll_minutes = models.PositiveIntegerField(_("poll every (minutes)"), default=5)
    is_active = models.BooleanField(_("active"), default=True)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    last_error_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("wire provider")
        verbose_name_plural = _("wire providers")

    def __str__(self) -> str:
        return self.name


class WireItemQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-received_at", "-pk")


class WireItem(models.Model):
    """An agency's item as it stands in its latest version."""

    class Type(models.TextChoices):
        TEXT = "text", _("Text")
        PICTURE = "picture", _("Picture")
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio")
        GRAPHIC = "graphic", _("Graphic")
        COMPOSITE = "composite", _("Package")

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="items")
    guid = models.CharField(max_length=500, unique=True)
    version = models.CharField(max_length=40)
    format = models.CharField(max_length=16)
    type = models.CharField(max_length=10, choices=Type.choices, default=Type.TEXT)
    urgency = models.PositiveSmallIntegerField(null=True, blank=True)
    language = models.CharField(max_length=35, blank=True)
    headline = models.CharField(max_length=500)
    standfirst = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    byline = models.CharField(max_length=255, blank=True)
    located = models.CharField(max_length=120, blank=True)
    credit_line = models.CharField(max_length=255, blank=True)
    copyright = models.CharField(max_length=500, blank=True)
    usage_terms = models.TextField(blank=True)
    ednote = models.TextField(blank=True)
    pubstatus = models.CharField(max_length=16, default="usable")
    embargoed = models.DateTimeField(null=True, blank=True)
    first_created = models.DateTimeField(null=True, blank=True)
    version_created = models.DateTimeField(null=True, blank=True)
    slugline = models.CharField(max_length=255, blank=True)
    subjects = models.JSONField(default=list, blank=True)
    members = models.JSONField(default=list, blank=True)
    renditions = models.JSONField(
        default=list, blank=True, help_text="Pictures the item links to but did not carry."
    )
    photos = models.ManyToManyField("photos.Photo", blank=True, related_name="+")
    received_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()

    objects = WireItemQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("wire item")
        permissions = [("push_wireitem", "Can push items to the wire")]

    def __str__(self) -> str:
        return self.headline

    @property
    def credit(self) -> str:
        return self.credit_line or self.provider.credit_line or self.provider.name

    @property
    def is_flash(self) -> bool:
        return self.urgency == 1


class WireItemVersion(models.Model):
    """A version of an item as the agency sent it."""

    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(max_length=40)
    format = models.CharField(max_length=16)
    headline = models.CharField(max_length=500)
    source = models.TextField()
    received_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.item_id} v{self.version}"


class WireStory(models.Model):
    """A story (or a live post's draft) made from a wire item, and whether the
    agency has sent a newer version of the item since."""

    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="stories")
    story = models.ForeignKey(
        "articles.StoryPage", on_delete=models.CASCADE, null=True, related_name="+"
    )
    live_draft = models.ForeignKey(
        "live.LivePostDraft", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.CharField(max_length=40)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)
    agency_updated = models.BooleanField(default=False)

    class Meta:
        ordering = ["-made_at"]

    def __str__(self) -> str:
        return f"{self.item_id} → {self.story_id or self.live_draft_id}"
