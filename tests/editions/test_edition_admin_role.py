"""Edition admins do what editors do and manage their own edition's people:
who may give or remove a role where, and the audit trail each change leaves."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from dateline.editions.access import editions_administered_by
from dateline.editions.actions import check_grant_role, check_revoke_role
from dateline.editions.models import Role
from dateline.editions.roles import ensure_edition_groups, roles_of


def role_changes():
    """Everything a refused change must leave alone: memberships and log entries."""
    memberships = set(Group.user_set.through.objects.values_list("user_id", "group_id"))
    entries = PageLogEntry.objects.filter(action__startswith="dateline.").count()
    return memberships, entries


def test_edition_admin_gives_a_reader_the_reporter_role_in_their_edition(newsroom, chief, reader):
    check_grant_role(chief, reader, newsroom["cl"], "reporters")
    assert roles_of(reader) == {newsroom["cl"]: {Role.REPORTER}}
    assert newsroom["cl"].permissions_for_user(reader).can_add_subpage()


def test_edition_admin_may_do_what_an_editor_does_in_their_edition_only(newsroom, chief):
    assert newsroom["cl"].permissions_for_user(chief).can_publish()
    assert not newsroom["es"].permissions_for_user(chief).can_edit()


def test_roles_of_says_which_roles_a_person_holds_in_each_edition(newsroom, editor, chief):
    assert roles_of(editor) == {newsroom["es"]: {Role.EDITOR}, newsroom["cl"]: {Role.EDITOR}}
    assert roles_of(chief) == {newsroom["cl"]: {Role.ADMIN}}


def test_site_admin_holds_every_role_and_administers_every_edition(newsroom, admin):
    editions = [newsroom[slug] for slug in ("es", "cl", "us", "mx")]
    assert roles_of(admin) == {edition: set(Role) for edition in editions}
    assert set(editions_administered_by(admin)) == set(editions)


def test_only_edition_admins_administer_an_edition(newsroom, chief, editor, reporter, reader):
    assert list(editions_administered_by(chief)) == [newsroom["cl"]]
    for person in (editor, reporter, reader):
        assert not editions_administered_by(person).exists()


def test_roles_survive_renaming_the_edition(newsroom, chief):
    chile = newsroom["cl"]
    chile.title = "Chile hoy"
    chile.save()
    groups = Group.objects.count()
    ensure_edition_groups(chile)
    # The same groups, found through their link to the edition rather than their names.
    assert Group.objects.count() == groups
    assert roles_of(chief) == {chile: {Role.ADMIN}}


def test_edition_admin_cannot_give_a_role_in_another_edition(newsroom, chief, reader):
    before = role_changes()
    with pytest.raises(PermissionDenied, match="España's edition admins"):
        check_grant_role(chief, reader, newsroom["es"], "reporters")
    assert role_changes() == before


def test_editor_cannot_give_a_role_even_where_they_edit(newsroom, editor, reader):
    before = role_changes()
    with pytest.raises(PermissionDenied):
        check_grant_role(editor, reader, newsroom["cl"], "reporters")
    assert role_changes() == before


def test_edition_admin_cannot_make_someone_a_site_admin(newsroom, chief, reader):
    before = role_changes()
    with pytest.raises(ValidationError, match="not a role in an edition"):
        check_grant_role(chief, reader, newsroom["cl"], "site admin")
    reader.refresh_from_db()
    assert not reader.is_superuser and not reader.is_staff
    assert role_changes() == before


def test_edition_admin_makes_a_colleague_edition_admin_too(newsroom, chief, editor):
    check_grant_role(chief, editor, newsroom["cl"], "admins")
    assert roles_of(editor)[newsroom["cl"]] == {Role.EDITOR, Role.ADMIN}


def test_giving_a_role_someone_holds_is_refused(newsroom, chief, reporter):
    before = role_changes()
    with pytest.raises(ValidationError, match="already holds the reporter role in Chile"):
        check_grant_role(chief, reporter, newsroom["cl"], "reporters")
    assert role_changes() == before


def test_edition_admin_removes_a_role_in_their_edition(newsroom, chief, editor):
    check_revoke_role(chief, editor, newsroom["cl"], "editors")
    assert roles_of(editor) == {newsroom["es"]: {Role.EDITOR}}


def test_edition_admin_cannot_remove_a_role_in_another_edition(newsroom, chief, editor):
    before = role_changes()
    with pytest.raises(PermissionDenied):
        check_revoke_role(chief, editor, newsroom["es"], "editors")
    assert role_changes() == before


def test_removing_a_role_someone_does_not_hold_is_refused(newsroom, chief, reader):
    before = role_changes()
    with pytest.raises(ValidationError, match="does not hold the editor role"):
        check_revoke_role(chief, reader, newsroom["cl"], "editors")
    assert role_changes() == before


def test_only_edition_admin_cannot_give_up_the_role(newsroom, chief):
    # Otherwise nobody but a site admin could manage Chile's people any more.
    before = role_changes()
    with pytest.raises(PermissionDenied, match="only edition admin"):
        check_revoke_role(chief, chief, newsroom["cl"], "admins")
    assert role_changes() == before


def test_edition_admin_steps_down_once_someone_else_holds_the_role(newsroom, chief, editor):
    check_grant_role(chief, editor, newsroom["cl"], "admins")
    check_revoke_role(chief, chief, newsroom["cl"], "admins")
    assert roles_of(chief) == {}


def test_site_admin_may_remove_the_last_edition_admin(newsroom, admin, chief):
    check_revoke_role(admin, chief, newsroom["cl"], "admins")
    assert not editions_administered_by(chief).exists()


def test_giving_and_removing_a_role_is_written_to_the_edition_history(newsroom, chief, reader):
    check_grant_role(chief, reader, newsroom["cl"], "reporters")
    check_revoke_role(chief, reader, newsroom["cl"], "reporters")
    entries = PageLogEntry.objects.filter(page=newsroom["cl"], action__startswith="dateline.")
    given, removed = entries.order_by("pk")
    assert (given.action, removed.action) == ("dateline.grant_role", "dateline.revoke_role")
    assert given.user == removed.user == chief
    assert given.data == {"person": {"id": reader.pk, "username": "reader"}, "role": "reporters"}
    # The admin's history views read the message from the registered formatter.
    assert given.message == "Gave reader the reporter role in Chile"
    assert removed.message == "Removed the reporter role in Chile from reader"


def test_role_actions_are_registered_with_readable_labels():
    choices = dict(log_registry.get_choices())
    assert choices["dateline.grant_role"] == "Give a role"
    assert choices["dateline.revoke_role"] == "Remove a role"
