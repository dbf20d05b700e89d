from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail import hooks

from . import actions


@hooks.register("after_bulk_action")
def end_tokens_of_accounts_deactivated_in_bulk(request, action_type, objects, action):
    """The bulk "Set active state" writes with an UPDATE, which no save signal sees."""
    if action_type != "set_active_state" or action.model is not get_user_model():
        return
    deactivated = action.model.objects.filter(
        pk__in=[user.pk for user in objects], is_active=False
    ).values_list("pk", flat=True)
    actions.do_revoke_tokens_of(list(deactivated), actions.DEACTIVATED)
