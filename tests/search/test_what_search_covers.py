"""Search covers a story's headline, standfirst, body, updates and corrections, and
each post of a live blog."""

from __future__ import annotations

from dateline.articles import actions
from dateline.live import actions as live_actions

from ..factories import ArticlePageFactory, LiveBlogPageFactory


def titles(client, terms, edition="es"):
    return [
        hit.story.title
        for hit in client.get(f"/{edition}/search/", {"q": terms}).context["results"]
    ]


def test_the_standfirst_is_searched(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Apagón", standfirst="Faltan generadores.")
    assert titles(client, "generadores") == ["Apagón"]


def test_the_body_is_searched(client, newsroom):
    body = [{"type": "subhead", "value": "Desalojos en el Muelle"}]
    ArticlePageFactory(parent=newsroom["es"], title="Apagón", body=body)
    assert titles(client, "desalojos") == ["Apagón"]


def test_a_correction_is_searched(client, newsroom):
    article = ArticlePageFactory(parent=newsroom["es"], title="Apagón")
    actions.do_correct_article(article, None, "El desbordamiento fue en La Ribera.")
    assert titles(client, "desbordamiento") == ["Apagón"]


def test_a_live_post_is_found_on_its_own(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["es"], title="Aurelia, en directo")
    post = live_actions.do_publish_post(blog, None, "Los vecinos suben a los pisos altos.")
    hits = client.get("/es/search/", {"q": "pisos"}).context["results"]
    assert [(hit.story.pk, hit.post.pk) for hit in hits] == [(blog.pk, post.pk)]


def test_an_edited_post_is_found_by_its_new_words_only(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    post = live_actions.do_publish_post(blog, None, "Cortada la carretera de la costa.")
    live_actions.do_edit_post(post, None, "Reabierta la autovía.", post.revision)
    assert (titles(client, "carretera"), titles(client, "autovía")) == ([], [blog.title])


def test_a_key_event_title_is_searched(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    post = live_actions.do_publish_post(blog, None, "Llega la tormenta.")
    live_actions.do_mark_key_event(post, True, "Aviso rojo")
    assert titles(client, "aviso") == [blog.title]


def test_a_live_blog_summary_is_searched(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["es"], title="Aurelia, en directo")
    live_actions.do_update_summary(blog, "Colegios cerrados el jueves.")
    assert titles(client, "colegios") == ["Aurelia, en directo"]


def test_a_draft_edit_of_a_live_story_is_not_searched_until_published(client, newsroom):
    article = ArticlePageFactory(parent=newsroom["es"], title="Apagón")
    article.title = "Apagón y granizo"
    article.save_revision()
    assert titles(client, "granizo") == []
