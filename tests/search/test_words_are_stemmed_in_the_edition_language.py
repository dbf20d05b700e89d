"""Each story is searched in its edition's language: a word finds its other forms."""

from __future__ import annotations

from dateline.articles import actions
from dateline.articles.search import language_config

from ..factories import ArticlePageFactory


def found(client, path, terms):
    return [hit.story.title for hit in client.get(path, {"q": terms}).context["results"]]


def test_a_word_in_an_update_box_is_found(client, newsroom):
    article = ArticlePageFactory(parent=newsroom["es"], title="Crece el río Claro")
    actions.do_add_update(article, None, "Protección Civil amplía la evacuación a San Telmo.")
    assert found(client, "/es/search/", "evacuación") == ["Crece el río Claro"]


def test_a_spanish_plural_finds_the_singular(client, newsroom):
    article = ArticlePageFactory(parent=newsroom["es"], title="Crece el río Claro")
    actions.do_add_update(article, None, "Protección Civil amplía la evacuación a San Telmo.")
    assert found(client, "/es/search/", "evacuaciones") == ["Crece el río Claro"]


def test_an_english_verb_finds_its_past_tense(client, newsroom):
    ArticlePageFactory(
        parent=newsroom["us"],
        title="River keeps rising",
        body=[{"type": "paragraph", "value": "<p>Three districts were evacuated.</p>"}],
    )
    assert found(client, "/us/search/", "evacuate") == ["River keeps rising"]


def test_a_circulated_story_is_matched_in_its_own_language(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"], title="Evacuaciones en La Ribera")
    story.circulated_to.add(newsroom["us"])
    story.save()
    assert found(client, "/us/search/", "evacuación") == ["Evacuaciones en La Ribera"]


def test_each_language_has_its_configuration():
    assert [language_config(tag) for tag in ("es-CL", "en-US", "pt", "x-klingon")] == [
        "spanish",
        "english",
        "portuguese",
        "simple",
    ]
