"""What an import brought, keyed as the archive knows it, so a second run adds nothing twice."""

from __future__ import annotations

from django.db import models


class ImportedPost(models.Model):
    """A post of the archive and the story it became in one edition."""

    edition = models.ForeignKey("editions.EditionPage", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255, help_text="The post's GUID, or its id in the archive.")
    story = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "key"], name="one_story_per_archived_post")
        ]

    def __str__(self) -> str:
        return self.key


class ImportedPhoto(models.Model):
    """A file of the archive's media library and the photo it became."""

    key = models.CharField(max_length=255, unique=True)
    photo = models.ForeignKey("photos.Photo", on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return self.key
