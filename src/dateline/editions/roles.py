"""Per-edition groups: reporters write, editors also publish, edition admins also
manage the edition's people.

Each edition has a "<Edition> reporters", a "<Edition> editors" and a "<Edition>
edition admins" group whose Wagtail page permissions are granted on the edition's
page, so they reach that edition's pages and no other. An `EditionGroup` row says
which edition and role each group stands for: roles are looked up through it,
never through a group's name, so renaming an edition keeps everyone's roles.
Site admins (superusers) hold every role in every edition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import QuerySet
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .models import EditionGroup, EditionPage, Role
from .workflows import ensure_review_workflow

if TYPE_CHECKING:
    from django.contrib.auth.models import User

REPORTER_PAGE_PERMISSIONS = ["add_page", "change_page"]
EDITOR_PAGE_PERMISSIONS = [*REPORTER_PAGE_PERMISSIONS, "publish_page", "lock_page", "unlock_page"]
# What sets an edition admin apart (managing people) is checked by `administers`,
# not by a Wagtail permission: on pages and photos they may do what an editor does.
ROLE_PAGE_PERMISSIONS = {
    Role.REPORTER: REPORTER_PAGE_PERMISSIONS,
    Role.EDITOR: EDITOR_PAGE_PERMISSIONS,
    Role.ADMIN: EDITOR_PAGE_PERMISSIONS,
}
# New groups are named "<Edition> <suffix>"; only people read the names.
GROUP_NAME_SUFFIXES = {
    Role.REPORTER: "reporters",
    Role.EDITOR: "editors",
    Role.ADMIN: "edition admins",
}
# Wagtail checks image permissions against wagtailimages.Image, whatever the image model.
PHOTO_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _edition_group(edition: EditionPage, role: Role) -> Group:
    """The edition's group for a role, made (and linked) if it has none yet."""
    link = EditionGroup.objects.select_related("group").filter(edition=edition, role=role).first()
    if link is not None:
        return link.group
    # A group of that name made before groups were linked is adopted, not duplicated.
    group, _ = Group.objects.get_or_create(name=f"{edition.title} {GROUP_NAME_SUFFIXES[role]}")
    EditionGroup.objects.create(group=group, edition=edition, role=role)
    return group


def ensure_edition_groups(edition: EditionPage) -> dict[str, Group]:
    """Creates (or completes) the edition's reporter, editor and edition admin
    groups, and its review workflow (which its editors and edition admins approve)."""
    admin_access = _permission("wagtailadmin", "access_admin")
    root_collection = Collection.get_first_root_node()
    groups = {}
    for role, page_codenames in ROLE_PAGE_PERMISSIONS.items():
        group = _edition_group(edition, role)
        group.permissions.add(admin_access)
        for codename in page_codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=edition, permission=_permission("wagtailcore", codename)
            )
        for codename in PHOTO_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission("wagtailimages", codename),
            )
        groups[role.value] = group
    ensure_review_workflow(edition, reviewers=[groups["editors"], groups["admins"]])
    return groups


def roles_of(user) -> dict[EditionPage, set[str]]:
    """The roles a user holds, per edition (site admins: every role in every edition).

    Inactive accounts and anonymous users hold none: Wagtail grants them nothing.
    """
    if not user.is_active:
        return {}
    if user.is_superuser:
        return {edition: set(Role) for edition in EditionPage.objects.order_by("path")}
    roles: dict[EditionPage, set[str]] = {}
    links = EditionGroup.objects.filter(group__in=user.groups.all()).select_related("edition")
    for link in links.order_by("edition__path"):
        roles.setdefault(link.edition, set()).add(Role(link.role))
    return roles


def holders(edition: EditionPage, role: Role) -> QuerySet[User]:
    """Who holds the role in the edition through its group (site admins hold it
    without being members)."""
    return get_user_model().objects.filter(
        groups__edition_group__edition=edition, groups__edition_group__role=role
    )


def people_with_roles_in(editions: QuerySet[EditionPage]) -> QuerySet[User]:
    """Everyone holding any role in any of these editions through its groups."""
    return get_user_model().objects.filter(groups__edition_group__edition__in=editions)


def people_in(edition: EditionPage) -> list[tuple[User, Role]]:
    """Everyone holding a role in the edition, with that role: reporters first,
    then editors, then edition admins, each by username."""
    return [
        (person, role) for role in Role for person in holders(edition, role).order_by("username")
    ]
