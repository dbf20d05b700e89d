"""How posts and blog state look: one partial for the page, the stream and polling."""

from __future__ import annotations

from contextlib import contextmanager

from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import LiveBlogPage, LivePost, LiveState


@contextmanager
def in_edition(blog: LiveBlogPage):
    """Renders in the blog's edition language and time zone."""
    edition = blog.edition
    with (
        translation.override(edition.language if edition else None),
        timezone.override(edition.tzinfo if edition else None),
    ):
        yield


def post_html(post: LivePost, blog: LiveBlogPage) -> str:
    with in_edition(blog):
        return render_to_string("live/_post.html", {"post": post, "blog": blog})


def summary_html(state: LiveState, blog: LiveBlogPage) -> str:
    with in_edition(blog):
        return render_to_string("live/_summary.html", {"state": state, "blog": blog})


def status_html(state: LiveState, blog: LiveBlogPage) -> str:
    with in_edition(blog):
        return render_to_string("live/_status.html", {"state": state, "blog": blog})


def event_html(type: str, blog: LiveBlogPage, post=None, state=None) -> str:
    """The fragment a reader's page puts in place for an event."""
    if post is not None:
        return post_html(post, blog)
    if type == "summary_changed":
        return summary_html(state, blog)
    if type in ("coverage_opened", "coverage_closed"):
        return status_html(state, blog)
    return ""


def post_json(post: LivePost, blog: LiveBlogPage) -> dict:
    image = None
    if post.image:
        rendition = post.image.get_rendition("width-800")
        image = {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "caption": post.image.caption,
            "credit": post.image.credit,
        }
    return {
        "id": post.pk,
        "body": post.body,
        "author": post.author_name,
        "published_at": post.published_at.isoformat(),
        "updated_at": post.updated_at.isoformat(),
        "revision": post.revision,
        "is_pinned": post.is_pinned,
        "is_key_event": post.is_key_event,
        "key_event_title": post.key_event_title,
        "headline": post.headline,
        "image": image,
        "url": blog.permalink(post),
        "translation_of": post.translation_of_id,
    }


def state_json(state: LiveState) -> dict:
    return {
        "status": state.status,
        "started_at": state.started_at.isoformat(),
        "ended_at": state.ended_at.isoformat() if state.ended_at else None,
        "summary": state.summary,
        "last_seq": state.last_seq,
    }
