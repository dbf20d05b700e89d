"""Sanitised HTML read as text, for structured data and headlines."""

from __future__ import annotations

from dateline.lib.sanitize import html_to_text, text_to_html


def test_paragraphs_and_breaks_become_lines():
    markup = text_to_html("Evacuation ordered.\n\nRoads closed:\nN-5 and N-7.")
    assert html_to_text(markup) == "Evacuation ordered.\nRoads closed:\nN-5 and N-7."


def test_character_references_are_decoded_not_shown():
    assert html_to_text(text_to_html('Q&A: 5 < 7 "quoted"')) == 'Q&A: 5 < 7 "quoted"'


def test_links_keep_their_text():
    markup = '<p>See <a href="https://example.com/">the map</a>.</p>'
    assert html_to_text(markup) == "See the map."
