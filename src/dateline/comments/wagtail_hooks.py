from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import moderation


@hooks.register("register_admin_urls")
def moderation_urls():
    return [path("comments/", moderation.queue, name="comments_queue")]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return moderation.moderates_anything(request.user)


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModerationMenuItem(
        _("Comments"), reverse("comments_queue"), icon_name="comment", order=160
    )
