from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import actions, avatars, views


@hooks.register("after_bulk_action")
def end_tokens_of_accounts_deactivated_in_bulk(request, action_type, objects, action):
    """The bulk "Set active state" writes with an UPDATE, which no save signal sees."""
    if action_type != "set_active_state" or action.model is not get_user_model():
        return
    deactivated = action.model.objects.filter(
        pk__in=[user.pk for user in objects], is_active=False
    ).values_list("pk", flat=True)
    actions.do_revoke_tokens_of(list(deactivated), actions.DEACTIVATED)


@hooks.register("register_admin_urls")
def token_urls():
    return [
        path("api-tokens/", views.TokensView.as_view(), name="accounts_tokens"),
        path(
            "api-tokens/<int:token_id>/revoke/",
            views.RevokeTokenView.as_view(),
            name="accounts_tokens_revoke",
        ),
    ]


@hooks.register("register_account_menu_item")
def token_account_menu_item(request):
    return {
        "url": reverse("accounts_tokens"),
        "label": _("API tokens"),
        "help_text": _("See and revoke the tokens the app and scripts sign in with."),
    }


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    """A person's initials wherever the admin shows their avatar, unless they
    uploaded a picture of their own (Account → Profile). Entries made by no one
    (the newsroom clock) keep Wagtail's own picture."""
    if user is None:
        return None
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    return avatars.initials_avatar_url(user, size)
