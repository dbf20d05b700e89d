from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import actions, views
from .access import editions_administered_by, may_publish
from .models import EditionPage, Role


@hooks.register("register_admin_urls")
def people_urls():
    roles = "|".join(Role.values)
    return [
        path("people/", views.PeopleView.as_view(), name="editions_people"),
        path("people/grant/", views.GrantRoleView.as_view(), name="editions_people_grant"),
        re_path(
            rf"^people/(?P<edition_id>\d+)/(?P<person_id>\d+)/(?P<role>{roles})/revoke/$",
            views.RevokeRoleView.as_view(),
            name="editions_people_revoke",
        ),
    ]


class PeopleMenuItem(MenuItem):
    def is_shown(self, request):
        return editions_administered_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def people_menu_item():
    return PeopleMenuItem(_("People"), reverse("editions_people"), icon_name="group", order=170)


class RoleLogFormatter(LogFormatter):
    """Names the person and the role; the log entry's label is the edition."""

    template = ""

    def format_message(self, log_entry):
        data = log_entry.data
        role = data.get("role", "")
        return self.template % {
            "person": data.get("person", {}).get("username", "?"),
            "role": Role(role).label if role in Role.values else role,
            "edition": log_entry.label,
        }


@hooks.register("register_log_actions")
def role_log_actions(log_actions):
    @log_actions.register_action(actions.GRANT_ROLE)
    class GrantRoleFormatter(RoleLogFormatter):
        label = _("Give a role")
        template = _("Gave %(person)s the %(role)s role in %(edition)s")

    @log_actions.register_action(actions.REVOKE_ROLE)
    class RevokeRoleFormatter(RoleLogFormatter):
        label = _("Remove a role")
        template = _("Removed the %(role)s role in %(edition)s from %(person)s")


@hooks.register("before_edit_page")
def only_editors_edit_an_edition(request, page):
    """Keeps reporters out of the edition page's editor: its front page and settings.

    Reporters need Wagtail's add and change permissions granted on the edition
    page, because that is how page permissions reach the stories below it;
    the same grant lets them edit the edition page itself. This hook refuses
    that one page to anyone who may not publish it (`access.may_publish`), with
    a message saying who can help, whether they open the editor, submit it or
    revert to an old revision (the same view). It is a Wagtail hook rather
    than `permission=` on the panels because a panel permission is a site-wide
    model permission, not one edition's, and inline panels take none; and a
    reporter's saved draft of the edition page would otherwise wait there for
    an editor to publish it unseen.
    """
    if isinstance(page, EditionPage) and not may_publish(request.user, page):
        messages.error(
            request,
            _(
                "Only the editors of %(edition)s can change its front page and settings. "
                "Ask one of them."
            )
            % {"edition": page.title},
        )
        return redirect("wagtailadmin_explore", page.pk)
    return None
