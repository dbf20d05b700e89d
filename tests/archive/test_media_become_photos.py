"""The media library's images become photos, with the credits they carry."""

from __future__ import annotations

import pytest

from dateline.articles.models import ArticlePage
from dateline.photos.models import Photo

from ..photos.support import AGENCY_IPTC, jpeg
from .support import attachment, export, import_wordpress

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploads(tmp_path):
    folder = tmp_path / "uploads" / "2019" / "05"
    folder.mkdir(parents=True)
    (folder / "sea-wall.jpg").write_bytes(jpeg(iptc=AGENCY_IPTC))
    return tmp_path / "uploads"


def test_an_image_of_the_media_library_becomes_a_photo_with_its_credit(newsroom, tmp_path, uploads):
    path = export(tmp_path, extra_items=attachment(900, "2019/05/sea-wall.jpg"))
    import_wordpress(path, "--media", str(uploads))
    assert Photo.objects.get(title="Photo 900").credit == "Lucía Ferrer / Agencia Austral"


def test_a_post_s_featured_image_becomes_its_lead_photo(newsroom, tmp_path, uploads):
    path = export(tmp_path, posts=1, extra_items=attachment(900, "2019/05/sea-wall.jpg"))
    text = path.read_text().replace(
        "<wp:post_id>1</wp:post_id>",
        "<wp:post_id>1</wp:post_id><wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        "<wp:meta_value>900</wp:meta_value></wp:postmeta>",
    )
    path.write_text(text)
    import_wordpress(path, "--media", str(uploads))
    assert ArticlePage.objects.get(slug="sample-1").lead_image.title == "Photo 900"


def test_a_missing_media_file_is_reported_as_not_brought(newsroom, tmp_path, uploads):
    path = export(tmp_path, extra_items=attachment(901, "2019/05/gone.jpg"))
    assert "media files missing from the uploads folder" in import_wordpress(
        path, "--media", str(uploads)
    )


def test_a_media_path_leading_outside_the_uploads_folder_is_not_followed(
    newsroom, tmp_path, uploads
):
    (tmp_path / "secret.jpg").write_bytes(jpeg())
    path = export(tmp_path, extra_items=attachment(902, "../secret.jpg"))
    import_wordpress(path, "--media", str(uploads))
    assert not Photo.objects.exists()
