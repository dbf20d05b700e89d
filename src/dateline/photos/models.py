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

    def save(self, *args, **kwargs):
        if self._state.adding and self.file:
            self.fill_in_credit()
        super().save(*args, **kwargs)

    def fill_in_credit(self) -> None:
        """Fills the photographer, agency and caption the image itself states,
        where the editor left them blank: a credit is never typed twice."""
        from .credits import credit_from_image

        credit = credit_from_image(self.file)
        self.photographer = self.photographer or credit.photographer
        self.agency = self.agency or credit.agency
        self.caption = self.caption or credit.caption

    @property
    def credit(self) -> str:
        """ "PHOTOGRAPHER / AGENCY", or whichever of the two is known."""
        return " / ".join(part for part in (self.photographer, self.agency) if part)


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
