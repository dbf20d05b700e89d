"""Writes to editions that are not Wagtail's own page editing: who holds which
role there, and the front page when a script or the demo curates it (with the
rule the page editor's form applies).

`check_…` checks the actor's right to act and the request, then calls `do_…`,
which assumes checked input and changes data atomically. Role changes are
written to Wagtail's audit log on the edition's page, so they show in the
page's history and in Reports → Site history.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Page

from .access import administers, may_publish
from .curation import curation_errors
from .models import EditionGroup, EditionPage, FeaturedTopic, FrontPageStory, Role
from .roles import ensure_edition_groups, holders

GRANT_ROLE = "dateline.grant_role"
REVOKE_ROLE = "dateline.revoke_role"


def _require_administers(actor, edition: EditionPage) -> None:
    if not administers(actor, edition):
        raise PermissionDenied(
            f"Only {edition.title}'s edition admins and site admins may change who holds "
            f"a role in {edition.title}."
        )


def _checked_role(role: str) -> Role:
    """The role named, if it is one: a site admin is never made here, only by a
    site admin in Settings → Users."""
    try:
        return Role(role)
    except ValueError:
        names = ", ".join(str(choice.label) for choice in Role)
        raise ValidationError(
            f"“{role}” is not a role in an edition; the roles are: {names}."
        ) from None


def _log(action: str, actor, person, edition: EditionPage, role: Role) -> None:
    log(
        edition,
        action,
        user=actor,
        data={"person": {"id": person.pk, "username": person.get_username()}, "role": role.value},
    )


def _lock_role(edition: EditionPage, role: Role) -> None:
    """Locks the edition's group link for the role until the transaction ends, so
    two changes to the same role cannot both pass a check that the other's change
    would break. Call inside atomic()."""
    list(EditionGroup.objects.select_for_update().filter(edition=edition, role=role))


def do_grant_role(actor, person, edition: EditionPage, role: Role) -> None:
    with transaction.atomic():
        ensure_edition_groups(edition)[role].user_set.add(person)
        _log(GRANT_ROLE, actor, person, edition, role)


def check_grant_role(actor, person, edition: EditionPage, role: str) -> None:
    _require_administers(actor, edition)
    role = _checked_role(role)
    if holders(edition, role).filter(pk=person.pk).exists():
        raise ValidationError(
            f"{person.get_username()} already holds the {role.label} role in {edition.title}."
        )
    do_grant_role(actor, person, edition, role)


def do_revoke_role(actor, person, edition: EditionPage, role: Role) -> None:
    with transaction.atomic():
        EditionGroup.objects.get(edition=edition, role=role).group.user_set.remove(person)
        _log(REVOKE_ROLE, actor, person, edition, role)


def check_revoke_role(actor, person, edition: EditionPage, role: str) -> None:
    """Refuses an edition admin giving up their own admin role when nobody else
    (no other active account) holds it there: the edition would be left with no
    one to manage its people until a site admin stepped in. Site admins act
    deliberately and can always restore the role, so they are not held back."""
    _require_administers(actor, edition)
    role = _checked_role(role)
    with transaction.atomic():
        _lock_role(edition, role)
        if not holders(edition, role).filter(pk=person.pk).exists():
            raise ValidationError(
                f"{person.get_username()} does not hold the {role.label} role in {edition.title}."
            )
        if (
            role == Role.ADMIN
            and person.pk == actor.pk
            and not actor.is_superuser
            and not holders(edition, role).filter(is_active=True).exclude(pk=person.pk).exists()
        ):
            raise PermissionDenied(
                f"You are {edition.title}'s only edition admin: give the role to someone "
                f"else first, so that someone can still manage {edition.title}'s people."
            )
        do_revoke_role(actor, person, edition, role)


def do_curate_front_page(
    edition: EditionPage,
    user,
    *,
    lead_story: Page | None = None,
    top_stories: Sequence[Page] = (),
    featured_topics: Sequence[Page] = (),
) -> EditionPage:
    """Publishes a new revision of the edition page with this front page.

    The revision starts from the live page, not from any pending draft, so
    curating never publishes unreviewed changes to the edition's other fields.
    """
    with transaction.atomic():
        edition = EditionPage.objects.select_for_update().get(pk=edition.pk)
        edition.lead_story = lead_story
        # Inline rows keep their order in sort_order; assigning a list does not set it.
        edition.top_story_slots = [
            FrontPageStory(story=story, sort_order=i) for i, story in enumerate(top_stories)
        ]
        edition.featured_topics = [
            FeaturedTopic(topic=topic, sort_order=i) for i, topic in enumerate(featured_topics)
        ]
        revision = edition.save_revision(user=user, log_action=True)
        revision.publish(user=user)
    return edition


def check_curate_front_page(
    edition: EditionPage,
    user,
    *,
    lead_story: Page | None = None,
    top_stories: Sequence[Page] = (),
    featured_topics: Sequence[Page] = (),
) -> EditionPage:
    if not may_publish(user, edition):
        raise PermissionDenied(f"Only the editors of {edition.title} may change its front page.")
    errors = curation_errors(edition, lead_story, top_stories, featured_topics)
    if errors:
        raise ValidationError([error.message for error in errors])
    return do_curate_front_page(
        edition,
        user,
        lead_story=lead_story,
        top_stories=top_stories,
        featured_topics=featured_topics,
    )
