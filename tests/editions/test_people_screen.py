"""Admin → People: an edition admin sees and changes who holds a role in their
edition, and nowhere else; editors, reporters and readers get nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from dateline.editions.models import Role
from dateline.editions.roles import roles_of

from ..admin_refusals import refused

PEOPLE = reverse("editions_people")
GRANT = reverse("editions_people_grant")


def revoke_url(edition, person, role):
    return reverse("editions_people_revoke", args=(edition.pk, person.pk, role))


def grant(client, edition, person="reader", role="reporters"):
    return client.post(GRANT, {"person": person, "edition": edition.pk, "role": role})


@pytest.fixture
def as_chief(client, chief):
    client.force_login(chief)
    return client


def test_edition_admin_sees_who_holds_a_role_in_their_edition(as_chief, reporter):
    html = as_chief.get(PEOPLE).content.decode()
    assert "Chile" in html
    assert "reporter@example.com" in html
    assert "España" not in html  # the editor also edits España, which is not the chief's


def test_site_admin_sees_every_edition(client, admin, newsroom):
    client.force_login(admin)
    sections = client.get(PEOPLE).context["sections"]
    assert [edition.slug for edition, _ in sections] == ["es", "cl", "us", "mx"]


def test_editors_and_reporters_may_not_open_people(client, editor, reporter):
    for person in (editor, reporter):
        client.force_login(person)
        assert refused(client.get(PEOPLE))
        assert refused(client.get(GRANT))


def test_reader_is_sent_to_sign_in(client, reader):
    client.force_login(reader)
    assert reverse("wagtailadmin_login") in client.get(PEOPLE).url


def test_refusal_says_why(client, editor):
    client.force_login(editor)
    response = client.get(PEOPLE, follow=True)
    assert "you do not have permission" in response.content.decode()


def test_menu_offers_people_to_edition_admins_and_site_admins_only(client, chief, admin, editor):
    for person, shown in ((chief, True), (admin, True), (editor, False)):
        client.force_login(person)
        assert (PEOPLE in client.get(reverse("wagtailadmin_home")).content.decode()) is shown


def test_edition_admin_gives_a_reader_the_reporter_role(as_chief, newsroom, reader):
    response = grant(as_chief, newsroom["cl"])
    assert response.status_code == 302
    assert roles_of(reader) == {newsroom["cl"]: {Role.REPORTER}}
    assert "reader" in as_chief.get(PEOPLE).content.decode()


def test_edition_admin_finds_the_person_by_email(as_chief, newsroom, reader):
    grant(as_chief, newsroom["cl"], person="READER@example.com", role="editors")
    assert roles_of(reader) == {newsroom["cl"]: {Role.EDITOR}}


def test_an_unknown_account_gets_a_form_error(as_chief, newsroom):
    response = grant(as_chief, newsroom["cl"], person="nobody@example.com")
    assert response.status_code == 200
    assert "No account has the username or email" in response.content.decode()


def test_giving_a_role_someone_holds_shows_why_on_the_form(as_chief, newsroom, reporter):
    response = grant(as_chief, newsroom["cl"], person="reporter")
    assert "already holds the reporter role in Chile" in response.content.decode()


def test_giving_a_role_in_another_edition_is_refused_and_changes_nothing(
    as_chief, newsroom, reader
):
    response = grant(as_chief, newsroom["es"])
    assert response.status_code == 200
    assert response.context["form"].errors["edition"]
    assert roles_of(reader) == {}


def test_the_form_offers_no_site_admin_role(as_chief, newsroom, reader):
    response = grant(as_chief, newsroom["cl"], role="superuser")
    assert response.context["form"].errors["role"]
    reader.refresh_from_db()
    assert not reader.is_superuser and roles_of(reader) == {}


def test_removing_a_role_asks_first(as_chief, newsroom, reporter):
    response = as_chief.get(revoke_url(newsroom["cl"], reporter, "reporters"))
    assert "Remove the reporter role in Chile from reporter?" in response.content.decode()
    assert roles_of(reporter) == {newsroom["cl"]: {Role.REPORTER}}


def test_edition_admin_removes_a_role_once_confirmed(as_chief, newsroom, reporter):
    response = as_chief.post(revoke_url(newsroom["cl"], reporter, "reporters"))
    assert response.status_code == 302
    assert roles_of(reporter) == {}


def test_removing_a_role_needs_the_forms_csrf_token(chief, newsroom, reporter):
    client = Client(enforce_csrf_checks=True)
    client.force_login(chief)
    assert client.post(revoke_url(newsroom["cl"], reporter, "reporters")).status_code == 403
    assert roles_of(reporter) == {newsroom["cl"]: {Role.REPORTER}}


def test_removing_a_role_in_another_edition_is_forbidden_and_changes_nothing(
    as_chief, newsroom, editor
):
    for method in (as_chief.get, as_chief.post):
        assert refused(method(revoke_url(newsroom["es"], editor, "editors")))
    assert roles_of(editor) == {newsroom["es"]: {Role.EDITOR}, newsroom["cl"]: {Role.EDITOR}}


def test_editor_may_not_remove_a_role_where_they_edit(client, editor, newsroom, reporter):
    client.force_login(editor)
    assert refused(client.post(revoke_url(newsroom["cl"], reporter, "reporters")))
    assert roles_of(reporter) == {newsroom["cl"]: {Role.REPORTER}}


def test_only_edition_admin_giving_up_the_role_is_told_why(as_chief, chief, newsroom):
    response = as_chief.post(revoke_url(newsroom["cl"], chief, "admins"), follow=True)
    assert "only edition admin" in response.content.decode()
    assert roles_of(chief) == {newsroom["cl"]: {Role.ADMIN}}
