"""The photo library: Wagtail's images, with the credit a newsroom must print."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class Photo(AbstractImage):
    caption = models.CharField(
        max_length=500, blank=True, help_text=_("The default caption where the photo is used.")
    )
    photographer = models.CharField(max_length=120, blank=True)
    agency = models.CharField(max_length=120, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "caption", "photographer", "agency")

    class Meta(AbstractImage.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    @property
    def credit(self) -> str:
        """ "PHOTOGRAPHER / AGENCY", or whichever of the two is known."""
        return " / ".join(part for part in (self.photographer, self.agency) if part)


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
