"""POST /api/v1/wire/items: an agency pushes an item as it sends it."""

from __future__ import annotations

import json

import pytest

from dateline.wire.models import WireItem, WireItemVersion, WireStory

from ..api.support import assert_problem, token_for
from .conftest import sample, shared_sample
from .support import agency_token, push

pytestmark = pytest.mark.django_db


def test_a_new_item_is_created(client, newsroom):
    response = push(client, sample("newsitem-xhtml.xml"), agency_token(client))
    assert (response.status_code, response.json()["outcome"]) == (201, "created")


def test_the_answer_names_the_new_items_id(client, newsroom):
    response = push(client, sample("ninjs-2.json"), agency_token(client), "application/json")
    assert WireItem.objects.get(pk=response.json()["id"]).guid == (
        "urn:example:valleywire:2026:0417-bridge"
    )


def test_a_newer_version_updates_the_item_and_keeps_both_versions(client, newsroom):
    token = agency_token(client)
    push(client, sample("newsitem-xhtml.xml"), token)
    newer = sample("newsitem-xhtml.xml").replace(b'version="4"', b'version="5"')
    newer = newer.replace(b"Town library reopens", b"Town library reopens to crowds")
    response = push(client, newer, token)
    item = WireItem.objects.get(pk=response.json()["id"])
    assert (response.status_code, item.version, item.headline, item.versions.count()) == (
        200,
        "5",
        "Town library reopens to crowds after flood repairs",
        2,
    )


def test_a_version_already_held_changes_nothing(client, newsroom):
    token = agency_token(client)
    push(client, sample("newsitem-xhtml.xml"), token)
    response = push(client, sample("newsitem-xhtml.xml"), token)
    assert (response.json()["outcome"], WireItemVersion.objects.count()) == ("unchanged", 1)


def test_a_newer_version_flags_the_stories_made_from_it(client, newsroom):
    token = agency_token(client)
    item_id = push(client, sample("newsitem-xhtml.xml"), token).json()["id"]
    editor = token_for(client, "editor")
    client.post(
        f"/api/v1/wire/items/{item_id}/story",
        {"edition": "es"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {editor}",
    )
    push(client, sample("newsitem-xhtml.xml").replace(b'version="4"', b'version="5"'), token)
    assert WireStory.objects.get(item_id=item_id).agency_updated is True


def test_a_news_message_stores_each_item_and_reports_the_one_refused(client, newsroom):
    response = push(client, sample("newsmessage.xml"), agency_token(client))
    outcomes = [item["outcome"] for item in response.json()["items"]]
    assert (response.status_code, outcomes) == (201, ["created", "created", "refused"])


def test_a_package_item_is_taken(client, newsroom):
    response = push(client, sample("packageitem.xml"), agency_token(client))
    assert WireItem.objects.get(pk=response.json()["id"]).type == "composite"


def test_the_shared_agency_samples_are_all_taken(client, newsroom):
    token = agency_token(client)
    names = [
        "ninjs/2.1_dpa_text.json",
        "ninjs/3.0_ap_image.json",
        "ninjs/3.1_005_complex_text_article.json",
        "newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml",
        "newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml",
        "newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml",
    ]
    statuses = [push(client, shared_sample(name), token).status_code for name in names]
    assert statuses == [201] * 6


@pytest.mark.parametrize(
    "data,status,words",
    [
        (b"<newsItem guid='x' version='1'><contentMeta>", 400, "malformed"),
        (b'{"uri": "x", "headline": ', 400, "malformed"),
        (b"headline: nothing", 415, "neither JSON nor XML"),
        (b"<html><body>hello</body></html>", 415, "not a format"),
        (b'{"headline": "No GUID"}', 422, "no GUID"),
        (b'{"uri": "urn:x:1"}', 422, "no headline"),
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
            b'"&lol;&lol;&lol;&lol;">]><newsItem guid="x" version="1">&lol2;</newsItem>',
            400,
            "entities or a document type",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE n [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b'<newsItem guid="x" version="1"><contentMeta><headline>&xxe;</headline>'
            b"</contentMeta></newsItem>",
            400,
            "entities or a document type",
        ),
    ],
    ids=["bad-xml", "bad-json", "unknown", "html", "no-guid", "no-headline", "bomb", "xxe"],
)
def test_bad_input_is_refused_with_a_problem_and_nothing_stored(
    client, newsroom, data, status, words
):
    response = push(client, data, agency_token(client))
    assert (words in assert_problem(response, status)["detail"], WireItem.objects.count()) == (
        True,
        0,
    )


def test_an_item_over_the_size_limit_is_refused(client, newsroom, settings):
    settings.WIRE_ITEM_MAX_BYTES = 1000
    response = push(client, sample("ninjs-1.json"), agency_token(client), "application/json")
    assert "DATELINE_WIRE_ITEM_MAX_KB" in assert_problem(response, 413)["detail"]


def test_a_zip_bomb_is_refused(client, newsroom):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.xml", b"<" + b" " * 3_000_000 + b">")
    response = push(client, buffer.getvalue(), agency_token(client), "application/zip")
    assert_problem(response, 413)


def test_items_of_a_zip_are_each_taken(client, newsroom):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.json", sample("ninjs-2.json"))
        archive.writestr("b.xml", sample("nitf.xml"))
    response = push(client, buffer.getvalue(), agency_token(client), "application/zip")
    assert [i["outcome"] for i in response.json()["items"]] == ["created", "created"]


def test_a_bad_picture_refuses_its_item_and_not_the_others(client, newsroom):
    message = sample("newsmessage.xml").replace(
        b'<remoteContent rendition="rnd:highRes" href="market.jpg" contenttype="image/jpeg" '
        b'width="64" height="48"/>',
        b'<inlineData contenttype="image/jpeg" encoding="base64">bm90IGEgcGljdHVyZQ==</inlineData>',
    )
    response = push(client, message, agency_token(client))
    assert [i["outcome"] for i in response.json()["items"]] == ["created", "refused", "refused"]


def test_an_inline_picture_is_stored_with_the_items_credit(client, newsroom):
    import base64

    jpeg = base64.b64encode(sample("market.jpg"))
    message = sample("newsmessage.xml").replace(
        b'<remoteContent rendition="rnd:highRes" href="market.jpg" contenttype="image/jpeg" '
        b'width="64" height="48"/>',
        b'<inlineData contenttype="image/jpeg" encoding="base64">' + jpeg + b"</inlineData>",
    )
    push(client, message, agency_token(client))
    photo = WireItem.objects.get(guid__endswith="market-photo").photos.get()
    assert (photo.photographer, photo.agency) == ("Luis Vega", "Example Agency")


def test_pushing_needs_a_token(client, newsroom):
    response = client.post("/api/v1/wire/items", sample("nitf.xml"), content_type="application/xml")
    assert_problem(response, 401)


def test_a_wrong_token_is_refused(client, newsroom):
    response = push(client, sample("nitf.xml"), "not-a-token")
    assert_problem(response, 401)


def test_a_newsroom_account_without_the_push_permission_may_not_push(client, newsroom):
    response = push(client, sample("nitf.xml"), token_for(client, "editor"))
    assert_problem(response, 403)


def test_an_unknown_provider_is_named(client, newsroom):
    response = push(client, sample("nitf.xml"), agency_token(client), provider="nobody")
    assert "nobody" in assert_problem(response, 404)["detail"]


def test_a_json_list_of_items_is_refused_as_a_body_must_be_one_object(client, newsroom):
    data = json.dumps([json.loads(sample("ninjs-2.json"))]).encode()
    response = push(client, data, agency_token(client), "application/json")
    assert_problem(response, 400)


def test_a_zip_inside_a_zip_is_refused(client, newsroom):
    import io
    import zipfile

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("a.json", sample("ninjs-2.json"))
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as archive:
        archive.writestr("inner.json", inner.getvalue())
    response = push(client, outer.getvalue(), agency_token(client), "application/zip")
    assert "ZIP inside a ZIP" in assert_problem(response, 413)["detail"]
