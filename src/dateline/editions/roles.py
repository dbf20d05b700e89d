"""Per-edition groups: reporters write, editors also publish.

Each edition has a "<Edition> reporters" and a "<Edition> editors" group whose
Wagtail page permissions are granted on the edition's page, so they reach that
edition's pages and no other.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .models import EditionPage
from .workflows import ensure_review_workflow

REPORTER_PAGE_PERMISSIONS = ["add_page", "change_page"]
EDITOR_PAGE_PERMISSIONS = [*REPORTER_PAGE_PERMISSIONS, "publish_page", "lock_page", "unlock_page"]
# Wagtail checks image permissions against wagtailimages.Image, whatever the image model.
PHOTO_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_edition_groups(edition: EditionPage) -> dict[str, Group]:
    """Creates (or completes) the edition's reporter and editor groups, and its
    review workflow (which the editors approve)."""
    admin_access = _permission("wagtailadmin", "access_admin")
    root_collection = Collection.get_first_root_node()
    groups = {}
    for role, page_codenames in (
        ("reporters", REPORTER_PAGE_PERMISSIONS),
        ("editors", EDITOR_PAGE_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=f"{edition.title} {role}")
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
        groups[role] = group
    ensure_review_workflow(edition, reviewers=[groups["editors"]])
    return groups
