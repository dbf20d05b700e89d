"""Fetching a live blog or post and checking the user's right to it, in one call."""

from __future__ import annotations

from django.http import Http404

from dateline.editions.access import writable

from .models import LiveBlogPage, LivePost


def postable_blog(user, blog_id: int) -> LiveBlogPage:
    """The live blog, if the user may post in it (Http404 or PermissionDenied if not)."""
    return writable(LiveBlogPage.objects, blog_id, user, doing="post")


def editable_post(user, blog_id: int, post_id: int) -> LivePost:
    """The post, if it is in a blog the user may post in. Whether they may change
    this post (their own, or anyone's for editors) is the action's to check."""
    blog = postable_blog(user, blog_id)
    post = LivePost.objects.filter(blog=blog, pk=post_id).select_related("blog").first()
    if post is None:
        raise Http404(f"Live blog {blog_id} has no post {post_id}.")
    return post
