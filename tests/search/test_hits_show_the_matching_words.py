"""Each hit shows a passage around the words that matched, marked, and where to read it."""

from __future__ import annotations

from dateline.articles import actions
from dateline.live import actions as live_actions

from ..factories import ArticlePageFactory, LiveBlogPageFactory

UPDATE = "Protección Civil amplía la evacuación al barrio de San Telmo."


def test_the_snippet_marks_the_word_found_in_an_update(client, newsroom):
    article = ArticlePageFactory(parent=newsroom["es"], title="Crece el río Claro")
    actions.do_add_update(article, None, UPDATE)
    page = client.get("/es/search/", {"q": "evacuaciones"}).content.decode()
    assert '<p class="search-hit__snippet">' in page and "<mark>evacuación</mark>" in page


def test_the_headline_marks_the_words_found_in_it(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Evacuaciones en La Ribera")
    hit = client.get("/es/search/", {"q": "evacuación"}).context["results"][0]
    assert hit.headline == "<mark>Evacuaciones</mark> en La Ribera"


def test_markup_in_the_text_never_reaches_the_snippet_as_markup(client, newsroom):
    # The text holds "<b>" as words a writer typed; PostgreSQL's snippets leave
    # out what looks like a tag, SQLite's escape it, neither renders it.
    body = [{"type": "paragraph", "value": "<p>Niveles &lt;b&gt; y caudal &amp; lluvia.</p>"}]
    ArticlePageFactory(parent=newsroom["es"], title="Río", body=body)
    hit = client.get("/es/search/", {"q": "caudal"}).context["results"][0]
    assert "<b>" not in hit.snippet


def test_a_long_text_is_cut_around_the_first_match(client, newsroom):
    words = " ".join(f"palabra{n}" for n in range(200))
    body = [{"type": "paragraph", "value": f"<p>{words} inundación {words}</p>"}]
    ArticlePageFactory(parent=newsroom["es"], title="Río", body=body)
    hit = client.get("/es/search/", {"q": "inundaciones"}).context["results"][0]
    assert "<mark>inundación</mark>" in hit.snippet and len(hit.snippet) < 600


def test_a_post_found_links_to_its_permalink(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    post = live_actions.do_publish_post(blog, None, "Los vecinos suben a los pisos altos.")
    page = client.get("/es/search/", {"q": "piso"}).content.decode()
    assert f'href="{blog.url}?post={post.pk}#post-{post.pk}"' in page


def test_the_api_gives_the_snippet_and_the_post_permalink(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    post = live_actions.do_publish_post(blog, None, "Los vecinos suben a los pisos altos.")
    hit = client.get("/api/v1/search/", {"q": "pisos", "edition": "es"}).json()["items"][0]
    assert (hit["post_id"], hit["found_url"], hit["snippet_html"]) == (
        post.pk,
        f"http://testserver{blog.url}?post={post.pk}#post-{post.pk}",
        "Los vecinos suben a los <mark>pisos</mark> altos.",
    )
