"""One test per format and version: the item as the agency sends it is read into
the same anatomy (GUID, version, headline, body, byline, dateline, credit, photos)."""

from __future__ import annotations

import pytest

from dateline.wire.formats import read_document

from .conftest import sample, shared_sample

pytestmark = pytest.mark.django_db

LIMIT = 5_000_000


def only(data: bytes):
    (outcome,) = read_document(data, LIMIT)
    assert outcome.error is None, outcome.error
    return outcome.document


def test_ninjs_1_item_with_html_body_and_associated_photo():
    doc = only(sample("ninjs-1.json"))
    assert (doc.format, doc.guid, doc.version, doc.urgency) == (
        "ninjs-1",
        "urn:example:harbournews:2026:ferry-strike",
        "3",
        3,
    )
    assert doc.body_html.startswith("<p>Ferry crews") and "<script>" not in doc.body_html
    assert (doc.byline, doc.located, doc.credit_line) == (
        "By Ana Ruiz",
        "Port Elm",
        "Harbour News Agency",
    )
    assert (doc.photos[0].href, doc.photos[0].photographer) == ("ferry.jpg", "Tom Field")


def test_ninjs_2_item_with_headline_roles_and_plain_text_body():
    doc = only(sample("ninjs-2.json"))
    assert (doc.format, doc.headline, doc.urgency, doc.credit_line) == (
        "ninjs-2",
        "Se derrumba el puente viejo de Valle Alto",
        1,
        "Valley Wire",
    )
    assert doc.body_html == (
        "<p>El puente viejo se derrumbó esta mañana.</p><p>Los bomberos cortaron el tráfico.</p>"
    )


def test_ninjs_3_item_with_camel_case_fields_and_photo_association():
    doc = only(sample("ninjs-3.json"))
    assert (doc.format, doc.version, doc.language, doc.credit_line) == (
        "ninjs-3",
        "2",
        "en-GB",
        "Orchard Press",
    )
    assert doc.photos[0].href == "https://media.example.org/frost.jpg"
    assert doc.photos[0].photographer == "Kim Soto"


def test_shared_ninjs_2_1_agency_text():
    doc = only(shared_sample("ninjs/2.1_dpa_text.json"))
    assert (doc.format, doc.version, doc.language, doc.credit_line) == ("ninjs-2", "2", "de", "dpa")
    assert doc.headline.startswith("Faktencheck Derby-Elfmeter")


def test_shared_ninjs_3_0_agency_picture():
    doc = only(shared_sample("ninjs/3.0_ap_image.json"))
    assert (doc.type, doc.photos[0].agency, doc.photos[0].width) == (
        "picture",
        "ASSOCIATED PRESS",
        3000,
    )


def test_shared_ninjs_3_1_text_prefers_the_rich_body():
    doc = only(shared_sample("ninjs/3.1_005_complex_text_article.json"))
    assert doc.body_html.count("<p>") == 4
    assert doc.located == "Grossetto, Italy"


def test_newsml_g2_news_item_with_xhtml_body():
    doc = only(sample("newsitem-xhtml.xml"))
    assert (doc.format, doc.version, doc.urgency, doc.located, doc.credit_line) == (
        "newsml-g2",
        "4",
        4,
        "Millbrook",
        "ENN",
    )
    assert "<h2>New shelves</h2>" in doc.body_html and "<title>" not in doc.body_html


def test_shared_newsml_g2_news_item_with_nitf_body():
    doc = only(shared_sample("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"))
    assert (doc.guid, doc.byline, doc.located, doc.language) == (
        "urn:newsml:acmenews.com:20161121:US-FINANCE-FED",
        "Meredith Jameson",
        "New York, NY",
        "en-US",
    )
    assert doc.body_html.count("<p>") == 2


def test_shared_newsml_g2_news_item_without_body():
    doc = only(shared_sample("newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml"))
    assert (doc.headline, doc.body_html, doc.located) == (
        'Fed to halt QE to avert "bubble"',
        "",
        "Berlin",
    )


def test_shared_newsml_g2_picture():
    doc = only(shared_sample("newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml"))
    photo = doc.photos[0]
    assert (doc.type, photo.href, photo.photographer, photo.agency) == (
        "picture",
        "./GYI0062134533.jpg",
        "Spencer Platt",
        "Getty Images",
    )


def test_newsml_g2_news_message_reads_each_item_and_refuses_what_is_not_news():
    outcomes = read_document(sample("newsmessage.xml"), LIMIT)
    text, picture, concept = outcomes
    assert (text.document.urgency, text.document.language, picture.document.type) == (
        2,
        "es",
        "picture",
    )
    assert "<h2>Precios</h2>" in text.document.body_html
    assert "conceptItem is not a news item" in str(concept.error)


def test_newsml_g2_package_item_lists_its_members():
    doc = only(sample("packageitem.xml"))
    assert (doc.type, doc.members) == (
        "composite",
        [
            "urn:newsml:example.com:20260701:market-text",
            "urn:newsml:example.com:20260701:market-photo",
        ],
    )


def test_standalone_nitf_document():
    doc = only(sample("nitf.xml"))
    assert (doc.guid, doc.version, doc.urgency, doc.byline, doc.located, doc.standfirst) == (
        "example-rail-20260802",
        "2",
        6,
        "By Sam Okoro",
        "Highfield",
        "Trains ran again on Sunday.",
    )


def test_rss_feed_items():
    outcomes = read_document(sample("feed.rss"), LIMIT)
    first = outcomes[0].document
    assert (len(outcomes), first.guid, first.language, first.byline) == (
        2,
        "https://wire.example.org/lluvias",
        "es",
        "Equipo regional",
    )
    assert first.body_html.startswith("<p>Las lluvias")


def test_atom_feed_entries():
    (outcome,) = read_document(sample("feed.atom"), LIMIT)
    assert (outcome.document.guid, outcome.document.byline, outcome.document.body_html) == (
        "urn:example:atom-wire:runway",
        "Rae Quinn",
        "<p>The main runway closes tonight.</p>",
    )


@pytest.mark.parametrize(
    "version,data",
    [
        ("1", {"uri": "u", "headline": "h"}),
        ("2", {"uri": "u", "headlines": [{"value": "h"}]}),
        ("3", {"uri": "u", "headlines": [{"value": "h"}], "standard": {"version": "3.1"}}),
    ],
)
def test_ninjs_version_is_read_from_the_item(version, data):
    import json

    assert only(json.dumps(data).encode()).format == f"ninjs-{version}"
