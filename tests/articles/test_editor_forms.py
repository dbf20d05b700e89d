"""Editors work in Wagtail's page editor; bad input gets a form error and changes nothing."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.test.utils.form_data import inline_formset

from dateline.articles.models import ArticlePage
from dateline.photos.models import Photo

from ..factories import AuthorFactory, PhotoFactory, TopicPageFactory
from .support import add_url, article_form


def test_editor_creates_and_publishes_an_article_with_its_anatomy(client, newsroom, editor):
    client.force_login(editor)
    topic = TopicPageFactory(parent=newsroom["es"])
    author = AuthorFactory(name="Lucía Ferrer")
    photo = PhotoFactory()
    data = article_form(
        topic=topic.pk,
        lead_image=photo.pk,
        bylines=inline_formset([{"author": author.pk}]),
    )
    data["action-publish"] = "publish"
    response = client.post(add_url(newsroom["es"]), data)
    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(slug="storm-cuts-power")
    assert article.live
    assert article.authors == [author]
    assert article.topic == topic
    assert client.get(article.url).status_code == 200


@pytest.mark.parametrize("page_type", [("articles", "articlepage"), ("live", "liveblogpage")])
def test_a_new_storys_slug_is_filled_in_from_its_headline(client, newsroom, reporter, page_type):
    # Wagtail's editor copies the headline into the slug as it is typed only when the
    # headline field asks for it; otherwise a reporter's first save fails on an empty slug.
    client.force_login(reporter)
    add = reverse("wagtailadmin_pages:add", args=(*page_type, newsroom["cl"].pk))
    page = BeautifulSoup(client.get(add).content, "html.parser")
    headline = page.find("input", attrs={"name": "title"})
    assert headline["data-w-sync-target-value"] == "#id_slug"
    assert "change->w-sync#apply" in headline["data-action"]
    assert page.find("input", attrs={"name": "slug", "id": "id_slug"}) is not None


def test_article_without_a_headline_is_refused(client, newsroom, editor):
    client.force_login(editor)
    response = client.post(add_url(newsroom["es"]), article_form(title=""))
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert not ArticlePage.objects.exists()


def upload(client, name, content, content_type="image/jpeg"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "photographer": "Marta Ibáñez",
            "agency": "Sample Agency",
        },
    )


def jpeg_bytes(width=64, height=64) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(out, "JPEG")
    return out.getvalue()


def test_editor_uploads_a_photo_with_its_credit(client, newsroom, editor):
    client.force_login(editor)
    response = upload(client, "flood.jpg", jpeg_bytes())
    assert response.status_code == 302
    assert Photo.objects.get().credit == "Marta Ibáñez / Sample Agency"


def test_upload_that_is_not_an_image_is_refused(client, newsroom, editor):
    client.force_login(editor)
    response = upload(client, "flood.jpg", b"%PDF-1.4 this is not an image")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Photo.objects.exists()


@pytest.mark.parametrize("megabytes", [20])
def test_upload_over_the_size_limit_is_refused(client, newsroom, editor, megabytes):
    client.force_login(editor)
    # A valid JPEG padded past the limit: the size alone must be refused.
    content = jpeg_bytes() + b"\0" * (megabytes * 1024 * 1024)
    response = upload(client, "huge.jpg", content)
    assert response.status_code == 200
    assert "too big" in str(response.context["form"].errors["file"])
    assert not Photo.objects.exists()
