"""A photo added to the library arrives with the credit its file states."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from dateline.photos.models import Photo

from .support import AGENCY_IPTC, jpeg

pytestmark = pytest.mark.django_db


def add_photo(**fields) -> Photo:
    return Photo.objects.create(
        title="Sea wall", file=ContentFile(jpeg(iptc=AGENCY_IPTC), name="sea-wall.jpg"), **fields
    )


def test_a_new_photo_takes_photographer_and_agency_from_its_file():
    photo = add_photo()
    assert photo.credit == "Lucía Ferrer / Agencia Austral"


def test_a_new_photo_takes_its_caption_from_its_file():
    assert add_photo().caption == "Waves break over the sea wall at Puerto Lumen."


def test_a_credit_the_editor_typed_is_kept():
    assert add_photo(photographer="L. Ferrer").photographer == "L. Ferrer"
