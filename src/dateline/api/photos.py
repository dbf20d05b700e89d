"""Photos as the API gives them: caption, credit and ready-made renditions."""

from __future__ import annotations

from ninja import Field, Schema

from dateline.lib.absolute import absolute_url
from dateline.photos.models import Photo

# The widths the pages' srcset uses, so the app and the site share renditions.
RENDITION_WIDTHS = (480, 800, 1200)


class RenditionOut(Schema):
    url: str
    width: int
    height: int


class PhotoOut(Schema):
    id: int
    alt: str = Field(..., description="Text alternative for readers who cannot see the photo.")
    caption: str
    credit: str = Field(..., description='"PHOTOGRAPHER / AGENCY", as printed under the photo.')
    photographer: str
    agency: str
    width: int
    height: int
    renditions: list[RenditionOut] = Field(..., description="Smallest first.")


def photo_out(photo: Photo, request, caption: str = "") -> dict:
    renditions = photo.get_renditions(*(f"width-{width}" for width in RENDITION_WIDTHS))
    return {
        "id": photo.pk,
        "alt": photo.default_alt_text or "",
        "caption": caption or photo.caption,
        "credit": photo.credit,
        "photographer": photo.photographer,
        "agency": photo.agency,
        "width": photo.width,
        "height": photo.height,
        "renditions": [
            {
                "url": absolute_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
            for rendition in renditions.values()
        ],
    }
