"""A file that is not a sound WordPress export is refused whole, with the fix named."""

from __future__ import annotations

import pytest
from django.core.management import CommandError

from dateline.archive.models import ImportedPost
from dateline.articles.models import ArticlePage

from .support import export, import_wordpress

pytestmark = pytest.mark.django_db


def refusal(path, edition="es") -> str:
    with pytest.raises(CommandError) as refused:
        import_wordpress(path, edition=edition)
    return str(refused.value)


def test_an_export_cut_short_is_refused_and_nothing_is_stored(newsroom, tmp_path):
    path = export(tmp_path, posts=20)
    path.write_bytes(path.read_bytes()[:-2000])
    refusal(path)
    assert (ArticlePage.objects.count(), ImportedPost.objects.count()) == (0, 0)


def test_an_export_cut_short_is_named_as_not_well_formed(newsroom, tmp_path):
    path = export(tmp_path, posts=20)
    path.write_bytes(path.read_bytes()[:-2000])
    assert "not well-formed XML" in refusal(path)


def test_an_rss_feed_is_not_taken_for_an_export(newsroom, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text('<rss version="2.0"><channel><title>A feed</title></channel></rss>')
    assert "Tools → Export" in refusal(path)


def test_another_xml_document_is_not_taken_for_an_export(newsroom, tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text("<urlset><url><loc>https://example.org/</loc></url></urlset>")
    assert "its root is <urlset>" in refusal(path)


def test_an_export_declaring_an_external_entity_is_refused_unread(newsroom, tmp_path):
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><title>&x;</title></channel></rss>"
    )
    assert "refused unread" in refusal(path)


def test_an_entity_expansion_bomb_is_refused_unread(newsroom, tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel>&b;</channel></rss>'
    )
    assert "refused unread" in refusal(path)


def test_an_edition_that_does_not_exist_is_named_with_those_that_do(newsroom, tmp_path):
    assert "Give --edition one of: es, cl, us, mx" in refusal(export(tmp_path), edition="zz")


def test_a_missing_file_is_named(newsroom, tmp_path):
    assert "is not a file" in refusal(tmp_path / "nowhere.xml")
