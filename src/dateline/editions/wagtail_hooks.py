from __future__ import annotations

from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import actions, views
from .models import Role
from .roles import editions_administered_by


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
