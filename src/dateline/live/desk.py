"""The live desk: a Wagtail admin screen where reporters run a live blog.

The desk posts, edits and runs coverage through the same JSON API as the app
(session auth with CSRF), and follows the blog on the same stream as readers,
so it sees colleagues' posts arrive as readers do. Its page and its preview are
served here.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.images.widgets import AdminImageChooser

from dateline.editions.access import readable
from dateline.lib.sanitize import text_to_html
from dateline.photos.models import Photo

from . import actions
from .access import postable_blog
from .models import PAGE_SIZE, LiveBlogPage, LivePost, LivePostDraft


class PhotoForm(forms.Form):
    """The composer's photo: chosen from, or uploaded to, the photo library."""

    image = forms.ModelChoiceField(
        queryset=Photo.objects.all(),
        required=False,
        label=_("Photo"),
        widget=AdminImageChooser(),
        help_text=_("Shown under the text with its caption and credit."),
    )


def desk_index(request):
    blogs = [
        blog
        for blog in LiveBlogPage.objects.order_by("-first_published_at").select_related(
            "live_state"
        )
        if actions.can_post(request.user, blog)
    ]
    return TemplateResponse(request, "live/admin/desk_index.html", {"blogs": blogs})


# How many of a twin's untranslated posts the desk lists.
TWIN_POSTS = 50


def twins_to_translate(user, blog: LiveBlogPage) -> list[dict]:
    """The blog's twins (the same blog in other languages) that the user may read,
    each with its posts not yet translated here, newest first. Key events are
    flagged on them, so a desk hears of its twin's key moments."""
    translated = LivePost.objects.filter(blog=blog, translation_of__isnull=False)
    twins = []
    for twin in blog.twins().order_by("pk"):
        twin = readable(LiveBlogPage.objects, twin.pk, user)
        if twin is None:
            continue
        posts = (
            LivePost.objects.filter(blog=twin)
            .exclude(pk__in=translated.values("translation_of"))
            .select_related("author")[:TWIN_POSTS]
        )
        twins.append({"blog": twin, "edition": twin.edition, "posts": list(posts)})
    return twins


def desk(request, blog_id: int):
    blog = postable_blog(request.user, blog_id)
    posts = list(
        LivePost.objects.filter(blog=blog).select_related("author", "image")[: PAGE_SIZE * 5]
    )
    twins = twins_to_translate(request.user, blog)
    return TemplateResponse(
        request,
        "live/admin/desk.html",
        {
            "blog": blog,
            "twins": twins,
            "twin_feeds": [
                {
                    "api": f"/api/v1/liveblogs/{twin['blog'].pk}",
                    "epoch": twin["blog"].state.epoch,
                    "last_seq": twin["blog"].state.last_seq,
                }
                for twin in twins
            ],
            "state": blog.state,
            "posts": posts,
            # Each post shows only the tools the person at the desk may use.
            "changeable": actions.posts_changeable_by(request.user, blog, posts),
            "can_run_coverage": actions.can_run_coverage(request.user, blog),
            "photo_form": PhotoForm(prefix="desk"),
            "drafts": blog.drafts.select_related("image"),
        },
    )


def twin_posts(request, blog_id: int):
    """The desk's list of the twins' posts not yet translated, as it refreshes it."""
    blog = postable_blog(request.user, blog_id)
    return TemplateResponse(
        request,
        "live/admin/_desk_twins.html",
        {"blog": blog, "twins": twins_to_translate(request.user, blog)},
    )


@require_POST
def draft(request, blog_id: int, draft_id: int):
    """Publishes or discards a draft post (one made from a wire item, say)."""
    blog = postable_blog(request.user, blog_id)
    kept = LivePostDraft.objects.filter(blog=blog, pk=draft_id).first()
    if kept is None:
        raise Http404
    try:
        if request.POST.get("action") == "discard":
            actions.check_discard_draft(kept, request.user)
        else:
            actions.check_publish_draft(kept, request.user)
            messages.success(request, _("Published."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("live_desk", blog.pk)


@require_POST
def preview(request, blog_id: int):
    postable_blog(request.user, blog_id)
    return JsonResponse({"html": text_to_html(request.POST.get("body", ""))})


def post_tools(request, blog_id: int, post_id: int):
    """The tools of a post that arrived at the desk live: those the person there may use."""
    blog = postable_blog(request.user, blog_id)
    post = LivePost.objects.filter(blog=blog, pk=post_id).first()
    if post is None:
        raise Http404
    return TemplateResponse(
        request,
        "live/admin/_desk_post_tools.html",
        {
            "post": post,
            "changeable": actions.posts_changeable_by(request.user, blog, [post]),
            "can_run_coverage": actions.can_run_coverage(request.user, blog),
        },
    )


def post_source(request, blog_id: int, post_id: int):
    """What the writer typed, for editing (readers only ever get the sanitised HTML)."""
    blog = postable_blog(request.user, blog_id)
    post = LivePost.objects.filter(blog=blog, pk=post_id).first()
    if post is None:
        raise Http404
    return JsonResponse({"id": post.pk, "body_source": post.body_source, "revision": post.revision})
