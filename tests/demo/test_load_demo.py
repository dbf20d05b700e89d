"""`dateline load_demo` builds the demo newsroom, idempotently, with its local accounts."""

from __future__ import annotations

from io import StringIO
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from wagtail.models import Page, Revision, WorkflowState

from dateline.articles.models import ArticlePage
from dateline.editions.models import EditionPage, Role
from dateline.editions.roles import roles_of
from dateline.live.models import LiveBlogPage

pytestmark = pytest.mark.django_db


def load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(module_transaction, restore_migrated_database):
    """The demo newsroom, loaded once for the module: what `load_demo` printed
    and the mail it sent.

    A test that loads the demo again, or changes anything, leaves the next test
    the demo as first loaded (see `module_transaction`).
    """
    # As `make demo` finds it: the suite's shared newsroom and people are not there.
    restore_migrated_database()
    mail.outbox = []
    output = load()
    return SimpleNamespace(output=output, mail=list(mail.outbox))


@pytest.fixture(autouse=True)
def _isolated_media():
    """The demo's photos stay where the module loaded them (see `demo`)."""


def test_demo_has_the_seven_editions_in_their_languages(demo):
    editions = {e.url: e.language for e in EditionPage.objects.order_by("path")}
    assert editions == {
        "/es/": "es-ES",
        "/cl/": "es-CL",
        "/co/": "es-CO",
        "/us/": "en-US",
        "/mx/": "es-MX",
        "/us-es/": "es-US",
        "/america/": "es-419",
    }


def test_running_the_demo_twice_duplicates_nothing(demo):
    counts = (Page.objects.count(), get_user_model().objects.count())
    load()
    assert (Page.objects.count(), get_user_model().objects.count()) == counts


def test_demo_front_pages_of_spain_and_chile_lead_with_their_editors_choice(demo, client):
    spain = client.get("/api/v1/editions/es/front-page").json()
    live = LiveBlogPage.objects.get(slug="tormenta-aurelia-en-directo")
    assert spain["lead_story"]["id"] == live.pk
    assert [topic["slug"] for topic in spain["topics"]] == ["storm-aurelia", "economy"]
    chile = client.get("/api/v1/editions/cl/front-page").json()
    main = ArticlePage.objects.get(slug="tormenta-aurelia-apagon-costa-valdemar")
    assert [chile["lead_story"]["id"], chile["top_stories"][0]["id"]] == [main.pk, live.pk]


def test_running_the_demo_twice_leaves_the_curated_front_pages_as_they_were(demo):
    revisions = Revision.objects.count()
    load()
    assert Revision.objects.count() == revisions


def test_demo_prints_its_local_accounts(demo):
    for username in ("editor", "reporter", "reader"):
        assert username in demo.output
    assert "dateline-demo" in demo.output


def test_loading_the_demo_mails_nobody(demo):
    # Its draft in review would otherwise notify the demo's editors.
    assert WorkflowState.objects.filter(status="in_progress").exists()
    assert demo.mail == []


def test_demo_accounts_sign_in_with_the_demo_password(demo, client):
    assert client.login(username="editor", password="dateline-demo")


def test_demo_editor_edits_two_editions_and_reporter_one(demo):
    User = get_user_model()
    editor, reporter = User.objects.get(username="editor"), User.objects.get(username="reporter")
    spain, chile, mexico = (EditionPage.objects.get(slug=s) for s in ("es", "cl", "mx"))
    assert spain.permissions_for_user(editor).can_publish()
    assert chile.permissions_for_user(editor).can_publish()
    assert not mexico.permissions_for_user(editor).can_edit()
    assert chile.permissions_for_user(reporter).can_add_subpage()
    assert not chile.permissions_for_user(reporter).can_publish()
    assert not spain.permissions_for_user(reporter).can_edit()


def test_demo_chief_is_edition_admin_of_chile_only(demo, client):
    load()  # the role is given once, however often the demo loads
    chief = get_user_model().objects.get(username="chief")
    assert roles_of(chief) == {EditionPage.objects.get(slug="cl"): {Role.ADMIN}}
    assert client.login(username="chief", password="dateline-demo")


def test_demo_article_shows_every_part_of_the_anatomy(demo, client):
    article = ArticlePage.objects.get(slug="tormenta-aurelia-apagon-costa-valdemar")
    html = client.get(article.url).content.decode()
    for part in (
        'class="topic-label"',
        "<h1",
        'class="article__standfirst"',
        'class="byline"',
        "<time datetime=",
        'class="update-box"',
        "<figcaption>",
        "Marta Ibáñez / Dateline Photo (sample)",
        '<h2 class="subhead">',
        'class="see-also"',
        "<blockquote",
        'class="corrections"',
        'class="live-link"',
        "application/ld+json",
    ):
        assert part in html, part


def test_demo_runs_a_live_blog_and_labels_itself_as_sample_content(demo, client):
    blog = LiveBlogPage.objects.get(slug="tormenta-aurelia-en-directo")
    html = client.get(blog.url).content.decode()
    assert blog.title in html
    assert "fictional sample content" in html


def test_demo_shows_each_stage_of_a_storys_life_without_leaking_it(demo, client):
    embargoed = ArticlePage.objects.get(slug="informe-danos-aurelia")
    scheduled = ArticlePage.objects.get(slug="balance-semana-aurelia")
    in_review = ArticlePage.objects.get(slug="albergues-santiago")
    assert embargoed.live and embargoed.is_embargoed
    assert not scheduled.live and scheduled.get_latest_revision().approved_go_live_at
    assert WorkflowState.objects.get(object_id=str(in_review.pk)).status == "in_progress"
    front = client.get("/es/").content.decode() + client.get("/cl/").content.decode()
    for story in (embargoed, scheduled, in_review):
        assert story.title not in front


def sign_in_as(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def test_demo_reporter_has_a_chilean_live_blog_to_post_in(demo, client):
    sign_in_as(client, "reporter")
    desk = client.get("/admin/live/").content.decode()
    assert LiveBlogPage.objects.get(slug="chilenos-en-valdemar-en-directo").title in desk


def test_demo_editor_has_a_draft_awaiting_review(demo, client):
    sign_in_as(client, "editor")
    dashboard = client.get("/admin/").content.decode()
    assert ArticlePage.objects.get(slug="albergues-santiago").title in dashboard


def test_demo_chief_has_a_chilean_story_to_assign(demo, client):
    sign_in_as(client, "chief")
    dashboard = client.get("/admin/").content.decode()
    assert ArticlePage.objects.get(slug="vuelos-santiago-valdemar").title in dashboard


def test_demo_reader_has_a_conversation_to_join(demo, client):
    sign_in_as(client, "reader")
    article = ArticlePage.objects.get(slug="tormenta-aurelia-apagon-costa-valdemar")
    page = client.get(article.url).content.decode()
    assert 'id="comment-text"' in page


def test_demo_dashboard_is_titled_with_the_site_name(demo, client):
    # An editor's dashboard names the site of the pages they work on; a site
    # admin's, above every site, names WAGTAIL_SITE_NAME.
    sign_in_as(client, "editor")
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert dashboard.find("h1").get_text(strip=True) == "Dateline"


def test_demo_chilean_live_blog_is_spanish_sample_content(demo, client):
    blog = LiveBlogPage.objects.get(slug="chilenos-en-valdemar-en-directo")
    html = client.get(blog.url).content.decode()
    assert 'lang="es-CL"' in html
    assert "Contenido de muestra" in html


def test_demo_links_its_spanish_and_english_storm_stories(demo):
    spanish = ArticlePage.objects.get(slug="tormenta-aurelia-apagon-costa-valdemar")
    assert [story.slug for story in spanish.translations()] == ["storm-aurelia-power-cuts"]


def test_demo_links_its_spanish_and_english_live_blogs(demo):
    spanish = LiveBlogPage.objects.get(slug="tormenta-aurelia-en-directo")
    assert [blog.slug for blog in spanish.twins()] == ["storm-aurelia-live"]


def test_demo_english_live_blog_leaves_a_spanish_key_event_to_translate(demo):
    spanish = LiveBlogPage.objects.get(slug="tormenta-aurelia-en-directo")
    untranslated = spanish.posts.filter(translations__isnull=True)
    assert [post.is_key_event for post in untranslated] == [True]
