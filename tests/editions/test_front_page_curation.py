"""Editors choose an edition's lead story, the order of its top stories and its topic bar.

Readers see the curation on the front page and in the API, and never see a
chosen story they may not read.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from dateline.editions.actions import do_curate_front_page
from dateline.editions.models import EditionPage

from ..factories import ArticlePageFactory
from .support import edit_url, front_page_form


def front_page(client, slug: str = "cl") -> tuple[str, list[str]]:
    """The lead headline and the other headlines, in the page's order."""
    response = client.get(f"/{slug}/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    lead = page.select_one(".front-page__lead .story-card__headline").get_text(strip=True)
    rest = page.select(".front-page__latest .story-card__headline")
    return lead, [headline.get_text(strip=True) for headline in rest]


def api_front_page(client, slug: str = "cl") -> tuple[int, list[int]]:
    body = client.get(f"/api/v1/editions/{slug}/front-page").json()
    return body["lead_story"]["id"], [story["id"] for story in body["top_stories"]]


def test_front_page_leads_with_the_chosen_story_and_keeps_the_chosen_order(client, chile, editor):
    do_curate_front_page(
        chile["edition"],
        editor,
        lead_story=chile["third"],
        top_stories=[chile["oldest"], chile["newest"]],
    )
    assert front_page(client) == (
        "The third story",
        ["The oldest story", "The newest story", "The second story"],
    )


def test_api_front_page_has_the_same_curated_order(client, chile, editor):
    do_curate_front_page(
        chile["edition"],
        editor,
        lead_story=chile["third"],
        top_stories=[chile["oldest"], chile["newest"]],
    )
    assert api_front_page(client) == (
        chile["third"].pk,
        [chile["oldest"].pk, chile["newest"].pk, chile["second"].pk],
    )


def test_stories_nobody_chose_fill_the_front_page_newest_first(client, chile, editor):
    # No lead chosen: the newest story leads, then the chosen top story, then the rest.
    do_curate_front_page(chile["edition"], editor, top_stories=[chile["oldest"]])
    assert front_page(client) == (
        "The newest story",
        ["The oldest story", "The second story", "The third story"],
    )


def test_chosen_story_unpublished_later_drops_out_of_the_front_page(client, chile, editor):
    do_curate_front_page(
        chile["edition"], editor, lead_story=chile["third"], top_stories=[chile["second"]]
    )
    chile["third"].unpublish()
    chile["second"].unpublish()
    assert front_page(client) == ("The newest story", ["The oldest story"])
    assert api_front_page(client) == (chile["newest"].pk, [chile["oldest"].pk])


def test_chosen_story_made_private_later_drops_out_of_the_front_page(client, chile, editor):
    do_curate_front_page(
        chile["edition"], editor, lead_story=chile["third"], top_stories=[chile["oldest"]]
    )
    for story in (chile["third"], chile["oldest"]):
        PageViewRestriction.objects.create(page=story, restriction_type="login")
    assert front_page(client) == ("The newest story", ["The second story"])
    assert api_front_page(client) == (chile["newest"].pk, [chile["second"].pk])


def test_front_page_shows_at_most_twenty_five_stories_with_the_chosen_ones_first(
    client, chile, editor
):
    for _ in range(25):
        ArticlePageFactory(parent=chile["edition"])
    do_curate_front_page(chile["edition"], editor, top_stories=[chile["oldest"]])
    _lead, rest = front_page(client)
    assert rest[0] == "The oldest story"
    assert len(rest) == 24


def test_story_of_another_edition_is_refused_with_a_form_error(client, chile, editor):
    client.force_login(editor)
    edition = chile["edition"]
    response = client.post(
        edit_url(edition),
        front_page_form(edition, lead_story=chile["mexican"], top_stories=[chile["mexican"]]),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "circulate" in form.errors["lead_story"][0]
    assert "is not in Chile" in form.formsets["top_story_slots"].errors[0]["story"][0]
    assert EditionPage.objects.get(pk=edition.pk).lead_story is None


def test_story_circulated_to_the_edition_may_be_chosen(client, chile, editor, newsroom):
    spanish = ArticlePageFactory(parent=newsroom["es"], title="A Spanish story")
    spanish.circulated_to.add(chile["edition"])
    spanish.save()
    client.force_login(editor)
    edition = chile["edition"]
    response = client.post(edit_url(edition), front_page_form(edition, lead_story=spanish))
    assert response.status_code == 302
    client.logout()
    assert front_page(client)[0] == "A Spanish story"


def test_story_chosen_as_lead_and_top_story_is_refused(client, chile, editor):
    client.force_login(editor)
    edition = chile["edition"]
    data = front_page_form(edition, lead_story=chile["third"], top_stories=[chile["third"]])
    response = client.post(edit_url(edition), data)
    assert response.status_code == 200
    errors = response.context["form"].formsets["top_story_slots"].errors
    assert "already the lead story" in errors[0]["story"][0]


def test_story_chosen_for_two_slots_is_refused(client, chile, editor):
    client.force_login(editor)
    edition = chile["edition"]
    data = front_page_form(edition, top_stories=[chile["third"], chile["oldest"], chile["third"]])
    response = client.post(edit_url(edition), data)
    assert response.status_code == 200
    errors = response.context["form"].formsets["top_story_slots"].errors
    assert not errors[0] and not errors[1]
    assert "already in an earlier slot" in errors[2]["story"][0]
    assert not EditionPage.objects.get(pk=edition.pk).top_story_slots.exists()


def topic_bar(client, slug: str = "cl") -> list[str]:
    page = BeautifulSoup(client.get(f"/{slug}/").content, "html.parser")
    return [link.get_text(strip=True) for link in page.select(".topic-bar a")]


def test_featured_topics_order_the_topic_bar(client, chile, editor):
    assert topic_bar(client) == ["Economía", "Tormenta Aurelia"]  # by title until curated
    do_curate_front_page(
        chile["edition"], editor, featured_topics=[chile["storm"], chile["economy"]]
    )
    assert topic_bar(client) == ["Tormenta Aurelia", "Economía"]
    body = client.get("/api/v1/editions/cl/front-page").json()
    assert [topic["slug"] for topic in body["topics"]] == ["storm-aurelia", "economy"]


def test_topic_bar_shows_only_featured_topics_readers_may_see(client, chile, editor):
    do_curate_front_page(
        chile["edition"], editor, featured_topics=[chile["storm"], chile["economy"]]
    )
    chile["storm"].unpublish()
    assert topic_bar(client) == ["Economía"]


def test_topic_of_another_edition_cannot_be_featured(client, chile, editor):
    client.force_login(editor)
    edition = chile["edition"]
    data = front_page_form(edition, featured_topics=[chile["economy"], chile["spanish_topic"]])
    response = client.post(edit_url(edition), data)
    assert response.status_code == 200
    errors = response.context["form"].formsets["featured_topics"].errors
    assert "is not a topic of Chile" in errors[1]["topic"][0]


def test_edition_picker_shows_each_editions_chosen_lead(client, chile, editor):
    do_curate_front_page(chile["edition"], editor, lead_story=chile["third"])
    page = BeautifulSoup(client.get("/").content, "html.parser")
    leads = [lead.get_text(strip=True) for lead in page.select(".edition-list__lead")]
    assert leads == ["The third story", "A Mexican story"]
