"""Live coverage in the API: live blogs, their events (polling) and posts.

The SSE stream at /api/v1/liveblogs/{id}/stream is served by `live.stream`.
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Literal

from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from dateline.api.auth import optional_user, token_or_session
from dateline.api.problems import Problem
from dateline.lib.absolute import absolute_url
from dateline.photos.models import Photo

from . import actions, delivery, rendering
from .models import LiveBlogPage, LivePost, LiveState

router = Router(tags=["live coverage"])


class LiveBlogOut(Schema):
    id: int
    title: str
    edition: str
    status: Literal["live", "ended"]
    url: str
    standfirst: str
    topic: str | None
    started_at: datetime
    ended_at: datetime | None
    summary: str
    last_seq: int


class LiveBlogList(Schema):
    items: list[LiveBlogOut]
    next: str | None = Field(None, description="Cursor for the next page, if any.")


class EventOut(Schema):
    seq: int
    type: str
    post_id: int | None
    post: dict | None
    html: str
    blog: dict | None = None


class EventList(Schema):
    events: list[EventOut]
    last_seq: int
    reset: bool = Field(
        False, description="True when `after` cannot be honoured: reload the blog's current state."
    )


class PostIn(Schema):
    body: str = Field(..., description="Plain text (blank lines make paragraphs) or simple HTML.")
    key_event: bool = False
    image_id: int | None = None


class PostPatch(Schema):
    body: str | None = None
    revision: int | None = Field(None, description="The revision the edit was made against.")
    pinned: bool | None = None
    key_event: bool | None = None
    key_event_title: str | None = None


class BlogPatch(Schema):
    summary: str | None = None
    status: Literal["live", "ended"] | None = None


def _blog_out(blog: LiveBlogPage, request) -> dict:
    state: LiveState = blog.state
    return {
        "id": blog.pk,
        "title": blog.title,
        "edition": blog.edition.slug if blog.edition else "",
        "status": state.status,
        "url": absolute_url(request, blog.url),
        "standfirst": blog.standfirst,
        "topic": blog.topic.title if blog.topic else None,
        "started_at": state.started_at,
        "ended_at": state.ended_at,
        "summary": state.summary,
        "last_seq": state.last_seq,
    }


def readable_blog(request, blog_id: int) -> LiveBlogPage:
    """The blog if the caller may read it (published, or editable by them)."""
    blog = delivery.visible_blog(blog_id, optional_user(request))
    if blog is None:
        raise Problem(404, "Not found", f"No live blog {blog_id} is published.")
    return blog


def postable_blog(user, blog_id: int) -> LiveBlogPage:
    blog = get_object_or_404(LiveBlogPage, pk=blog_id)
    if not actions.can_post(user, blog):
        if delivery.visible_blog(blog_id, user) is None:
            raise Problem(404, "Not found", f"No live blog {blog_id} is published.")
        edition = blog.edition.title if blog.edition else "this edition"
        raise Problem(403, "Forbidden", f"You may not post in {edition}.")
    return blog


def editable_post(user, blog_id: int, post_id: int) -> LivePost:
    blog = postable_blog(user, blog_id)
    post = LivePost.objects.filter(blog=blog, pk=post_id).select_related("blog").first()
    if post is None:
        raise Problem(404, "Not found", f"Live blog {blog_id} has no post {post_id}.")
    return post


def _decode_cursor(cursor: str | None) -> tuple[str, int] | None:
    if not cursor:
        return None
    try:
        published, pk = base64.urlsafe_b64decode(cursor.encode()).decode().rsplit("|", 1)
        return published, int(pk)
    except (ValueError, UnicodeDecodeError):
        raise Problem(
            400, "Bad request", "The cursor is malformed; use the `next` value as given."
        ) from None


@router.get("/", response=LiveBlogList, summary="List live blogs, newest first")
def list_live_blogs(
    request,
    cursor: str | None = None,
    limit: int = Query(20, ge=1, le=100),
    edition: str | None = None,
):
    blogs = LiveBlogPage.objects.visible_to_readers().order_by("-first_published_at", "-pk")
    if edition:
        blogs = blogs.filter(path__startswith=_edition_path(edition))
    position = _decode_cursor(cursor)
    if position:
        published, pk = position
        blogs = blogs.filter(first_published_at__lte=published).exclude(
            first_published_at=published, pk__gte=pk
        )
    page = list(blogs.select_related("topic", "live_state")[: limit + 1])
    items = [_blog_out(blog, request) for blog in page[:limit]]
    next_cursor = None
    if len(page) > limit:
        last = page[limit - 1]
        next_cursor = base64.urlsafe_b64encode(
            f"{last.first_published_at.isoformat()}|{last.pk}".encode()
        ).decode()
    return {"items": items, "next": next_cursor}


def _edition_path(slug: str) -> str:
    from dateline.editions.models import EditionPage

    edition = EditionPage.objects.filter(slug=slug).first()
    if edition is None:
        raise Problem(404, "Not found", f"There is no edition {slug!r}.")
    return edition.path


@router.get("/{blog_id}", response=LiveBlogOut, summary="A live blog and its current state")
def get_live_blog(request, blog_id: int):
    return _blog_out(readable_blog(request, blog_id), request)


@router.get(
    "/{blog_id}/events",
    response={200: EventList, 304: None},
    summary="Events after a sequence number (polling)",
    description=(
        "The same events as the SSE stream at /api/v1/liveblogs/{id}/stream. Poll with "
        "`after` set to the last `seq` you applied. Responses carry an ETag; send it back "
        "as If-None-Match to get 304 Not Modified when nothing changed."
    ),
)
def list_events(
    request,
    blog_id: int,
    after: int = Query(0, ge=0),
    limit: int = Query(500, ge=1, le=1000),
):
    blog = readable_blog(request, blog_id)
    newest = delivery.last_seq(blog.pk)
    public = LiveBlogPage.objects.visible_to_readers().filter(pk=blog.pk).exists()
    etag = f'W/"live-{blog.pk}-{after}-{newest}-{limit}"'
    cache_control = "public, max-age=1, stale-while-revalidate=2" if public else "private, no-store"
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    elif not delivery.can_replay(after, newest):
        response = JsonResponse({"events": [], "last_seq": newest, "reset": True})
    else:
        events = [event.as_json() for event in delivery.events_after(blog.pk, after, limit)]
        response = JsonResponse(
            {"events": events, "last_seq": newest, "reset": False},
            json_dumps_params={"ensure_ascii": False},
        )
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return response


@router.post(
    "/{blog_id}/posts",
    response={201: dict},
    auth=token_or_session,
    summary="Publish a post",
)
def publish_post(request, blog_id: int, payload: PostIn):
    blog = postable_blog(request.user, blog_id)
    image = None
    if payload.image_id is not None:
        image = Photo.objects.filter(pk=payload.image_id).first()
        if image is None:
            raise Problem(422, "Unprocessable content", f"There is no photo {payload.image_id}.")
    post = actions.check_publish_post(
        blog, request.user, payload.body, image=image, key_event=payload.key_event
    )
    return Status(201, rendering.post_json(post, blog))


@router.patch(
    "/{blog_id}/posts/{post_id}",
    response=dict,
    auth=token_or_session,
    summary="Edit, pin or mark a post as a key event",
    description="An edit of `body` must carry the `revision` it was made against; a stale "
    "revision gets 409 Conflict with the current post.",
)
def change_post(request, blog_id: int, post_id: int, payload: PostPatch):
    post = editable_post(request.user, blog_id, post_id)
    if payload.body is not None:
        if payload.revision is None:
            raise Problem(422, "Unprocessable content", "An edit must carry `revision`.")
        post = actions.check_edit_post(post, request.user, payload.body, payload.revision)
    if payload.pinned is not None:
        post = actions.check_pin_post(post, request.user, payload.pinned)
    if payload.key_event is not None or payload.key_event_title is not None:
        key_event = post.is_key_event if payload.key_event is None else payload.key_event
        post = actions.check_mark_key_event(
            post, request.user, key_event, payload.key_event_title or post.key_event_title
        )
    return rendering.post_json(post, post.blog)


@router.delete(
    "/{blog_id}/posts/{post_id}",
    response={204: None},
    auth=token_or_session,
    summary="Delete a post",
)
def delete_post(request, blog_id: int, post_id: int):
    actions.check_delete_post(editable_post(request.user, blog_id, post_id), request.user)
    return HttpResponse(status=204)


@router.patch(
    "/{blog_id}",
    response=LiveBlogOut,
    auth=token_or_session,
    summary="Change the summary, or open or close coverage (editors)",
)
def change_blog(request, blog_id: int, payload: BlogPatch):
    blog = postable_blog(request.user, blog_id)
    if payload.summary is not None:
        actions.check_update_summary(blog, request.user, payload.summary)
    if payload.status is not None:
        actions.check_set_coverage(blog, request.user, payload.status == "live")
    blog.__dict__.pop("state", None)
    return _blog_out(blog, request)
