"""What the live blog page shows: posts newest first, pinned post, key events."""

from __future__ import annotations

from .models import LiveBlogPage, LivePost

PAGE_SIZE = 20


def _int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def live_blog_context(blog: LiveBlogPage, request) -> dict:
    """The page's posts: the newest, or older ones (?before=ID), or from a post (?post=ID)."""
    posts = LivePost.objects.filter(blog=blog).select_related("author", "image")
    before, anchor = _int(request.GET.get("before")), _int(request.GET.get("post"))
    window = posts
    if anchor and posts.filter(pk=anchor).exists():
        target = posts.get(pk=anchor)
        window = posts.filter(published_at__lte=target.published_at)
    elif before and posts.filter(pk=before).exists():
        window = posts.filter(published_at__lt=posts.get(pk=before).published_at)
    page = list(window[: PAGE_SIZE + 1])
    state = blog.state
    return {
        "state": state,
        "last_seq": state.last_seq,
        "posts": page[:PAGE_SIZE],
        "older_than": page[PAGE_SIZE - 1].pk if len(page) > PAGE_SIZE else None,
        "showing_newest": window is posts,
        "pinned": posts.filter(is_pinned=True).first(),
        "key_events": list(posts.filter(is_key_event=True).order_by("-published_at")[:20]),
    }
