from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from . import actions
from .models import Role


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
