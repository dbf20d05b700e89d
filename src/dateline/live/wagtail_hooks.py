from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import desk
from .models import LiveBlogPage


@hooks.register("register_admin_urls")
def desk_urls():
    return [
        path("live/", desk.desk_index, name="live_desk_index"),
        path("live/<int:blog_id>/", desk.desk, name="live_desk"),
        path("live/<int:blog_id>/preview/", desk.preview, name="live_desk_preview"),
        path("live/<int:blog_id>/drafts/<int:draft_id>/", desk.draft, name="live_desk_draft"),
        path("live/<int:blog_id>/twins/", desk.twin_posts, name="live_desk_twins"),
        path(
            "live/<int:blog_id>/posts/<int:post_id>/tools/",
            desk.post_tools,
            name="live_desk_post_tools",
        ),
        path(
            "live/<int:blog_id>/posts/<int:post_id>/source/",
            desk.post_source,
            name="live_desk_post_source",
        ),
    ]


@hooks.register("register_admin_menu_item")
def desk_menu_item():
    return MenuItem(_("Live desk"), reverse("live_desk_index"), icon_name="radio-full", order=150)


@hooks.register("register_page_header_buttons")
def desk_header_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, LiveBlogPage):
        yield Button(
            _("Open the live desk"),
            reverse("live_desk", args=(page.pk,)),
            icon_name="radio-full",
            priority=5,
        )
