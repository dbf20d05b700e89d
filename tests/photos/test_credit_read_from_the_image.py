"""A photo states its own credit: IPTC and XMP metadata are read, never retyped."""

from __future__ import annotations

import io
from datetime import date

from dateline.photos.credits import NO_CREDIT, credit_from_image

from .support import AGENCY_IPTC, BYLINE, CREDIT, SOURCE, jpeg, xmp_packet


def test_iptc_gives_the_photographer_agency_caption_copyright_and_date():
    assert credit_from_image(io.BytesIO(jpeg(iptc=AGENCY_IPTC))) == (
        "Lucía Ferrer",
        "Agencia Austral",
        "Waves break over the sea wall at Puerto Lumen.",
        "© 2026 Agencia Austral",
        date(2026, 11, 30),
    )


def test_xmp_gives_the_photographer_agency_caption_copyright_and_date():
    packet = xmp_packet("Tomás Reyes", "Sur Press", "Flooded road near the port.", "© Sur Press")
    assert credit_from_image(io.BytesIO(jpeg(xmp=packet))) == (
        "Tomás Reyes",
        "Sur Press",
        "Flooded road near the port.",
        "© Sur Press",
        date(2026, 11, 30),
    )


def test_xmp_is_preferred_where_both_state_the_photographer():
    data = jpeg(iptc={BYLINE: "L. FERRER"}, xmp=xmp_packet(creator="Lucía Ferrer"))
    assert credit_from_image(io.BytesIO(data)).photographer == "Lucía Ferrer"


def test_the_source_stands_for_the_agency_when_no_credit_line_is_given():
    assert credit_from_image(io.BytesIO(jpeg(iptc={SOURCE: "Agencia Austral"}))).agency == (
        "Agencia Austral"
    )


def test_an_image_without_metadata_has_no_credit():
    assert credit_from_image(io.BytesIO(jpeg())) == NO_CREDIT


def test_a_file_that_is_not_an_image_has_no_credit():
    assert credit_from_image(io.BytesIO(b"<html>not a photo</html>")) == NO_CREDIT


def test_reading_the_credit_leaves_the_file_where_it_was():
    file = io.BytesIO(jpeg(iptc={CREDIT: "Agencia Austral"}))
    credit_from_image(file)
    assert file.tell() == 0


def test_an_xmp_packet_with_an_external_entity_is_not_followed():
    packet = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="&e;"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    assert "root:" not in credit_from_image(io.BytesIO(jpeg(xmp=packet))).agency
