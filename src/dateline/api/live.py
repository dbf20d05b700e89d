"""Live coverage in the API: live blogs, their events (polling) and posts.

The SSE stream at /api/v1/liveblogs/{id}/stream is served by `live.stream`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from ninja import Field, Query, Router, Schema, Status

from dateline.lib.absolute import absolute_url
from dateline.live import actions, delivery, rendering
from dateline.live.access import editable_post, postable_blog
from dateline.live.models import LiveBlogPage, LivePost, LiveState
from dateline.photos.models import Photo

from .auth import optional_user, token_or_session
from .cards import (
    BylineOut,
    CommentsRef,
    TopicRef,
    TranslationOut,
    readable_edition,
    topic_ref,
    translations_out,
)
from .pagination import CursorQuery, LimitQuery, PageMeta, newest_first
from .photos import PhotoOut, photo_out
from .problems import Problem
from .types import SLUG, Body, Id, Patch, Text

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
    epoch: str = Field(
        ...,
        description="Qualifies `last_seq`: a position in the blog is `<epoch>-<seq>`. It changes "
        "when the blog's sequence restarts (a database restored from a backup); positions of "
        "another epoch are reset.",
    )


class LiveBlogList(PageMeta):
    items: list[LiveBlogOut]


class PostImageOut(Schema):
    url: str
    width: int
    height: int
    caption: str
    credit: str


class PostOut(Schema):
    id: int
    body: str = Field(..., description="Sanitised HTML.")
    author: str
    published_at: datetime
    updated_at: datetime
    revision: int = Field(..., description="Send it back with an edit.")
    is_pinned: bool
    is_key_event: bool
    key_event_title: str
    headline: str
    image: PostImageOut | None
    url: str = Field(..., description="The post's permalink on the blog's page.")
    translation_of: int | None = Field(
        None, description="The id of the post of a twin blog that this post translates."
    )


class PostList(PageMeta):
    items: list[PostOut]


class KeyEventOut(Schema):
    post_id: int
    title: str
    published_at: datetime
    url: str


class LiveBlogDetailOut(LiveBlogOut):
    topic_ref: TopicRef | None
    lead_image: PhotoOut | None
    bylines: list[BylineOut]
    pinned_post: PostOut | None
    key_events: list[KeyEventOut] = Field(..., description="Newest first, as on the page.")
    first_published_at: datetime | None
    last_updated: datetime | None
    comments: CommentsRef
    translations: list[TranslationOut] = Field(
        ..., description="The blog's twins: its versions in other languages, by language."
    )


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
    epoch: str = Field(
        ..., description="The blog's epoch: poll on with `after=<epoch>-<last seq applied>`."
    )
    reset: bool = Field(
        False, description="True when `after` cannot be honoured: reload the blog's current state."
    )


class PostIn(Body):
    body: Text = Field(..., description="Plain text (blank lines make paragraphs) or simple HTML.")
    key_event: bool = False
    image_id: Id | None = None
    translation_of: Id | None = Field(
        None,
        description="The id of a post of the blog's version in another language (its twin, "
        "in the blog's `translations`) that this post translates.",
    )


class PostPatch(Patch):
    body: Text | None = None
    revision: int | None = Field(None, description="The revision the edit was made against.")
    pinned: bool | None = None
    key_event: bool | None = None
    key_event_title: Text | None = None


class BlogPatch(Patch):
    summary: Text | None = None
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
        "epoch": state.epoch,
    }


def _blog_detail(blog: LiveBlogPage, request) -> dict:
    posts = LivePost.objects.filter(blog=blog).select_related("author", "image")
    pinned = posts.filter(is_pinned=True).first()
    key_events = posts.filter(is_key_event=True).order_by("-published_at")[:50]
    return {
        **_blog_out(blog, request),
        "topic_ref": topic_ref(blog.topic, request),
        "lead_image": photo_out(blog.lead_image, request, blog.caption)
        if blog.lead_image
        else None,
        "bylines": [{"name": a.name, "role": a.role, "url": a.url} for a in blog.authors],
        "pinned_post": _post_out(pinned, blog, request) if pinned else None,
        "key_events": [
            {
                "post_id": post.pk,
                "title": post.headline,
                "published_at": post.published_at,
                "url": _post_out(post, blog, request)["url"],
            }
            for post in key_events
        ],
        "first_published_at": blog.first_published_at,
        "last_updated": blog.last_updated,
        "comments": {
            "mode": blog.comments_mode,
            "url": absolute_url(request, f"/api/v1/stories/{blog.pk}/comments"),
        },
        "translations": translations_out(blog, request),
    }


def _post_out(post: LivePost, blog: LiveBlogPage, request) -> dict:
    data = rendering.post_json(post, blog)
    data["url"] = absolute_url(request, data["url"])
    if data["image"]:
        data["image"]["url"] = absolute_url(request, data["image"]["url"])
    return data


def readable_blog(request, blog_id: int) -> LiveBlogPage:
    """The blog if the caller may read it (published, or editable by them)."""
    blog = delivery.visible_blog(blog_id, optional_user(request))
    if blog is None:
        raise Problem(404, "Not found", f"No live blog {blog_id} is published.")
    return blog


@router.get("/", response=LiveBlogList, summary="List live blogs, newest first")
def list_live_blogs(
    request,
    cursor: str | None = CursorQuery,
    limit: int = LimitQuery,
    edition: str | None = Query(
        None, pattern=SLUG, description="An edition's slug: the blogs homed there."
    ),
):
    blogs = LiveBlogPage.objects.visible_to_readers()
    if edition:
        blogs = blogs.filter(path__startswith=readable_edition(edition).path)
    page, next_cursor = newest_first(blogs.select_related("topic", "live_state"), cursor, limit)
    return {"items": [_blog_out(blog, request) for blog in page], "next": next_cursor}


@router.get(
    "/{blog_id}",
    response=LiveBlogDetailOut,
    summary="A live blog: its state, pinned post and key events",
)
def get_live_blog(request, blog_id: Id):
    return _blog_detail(readable_blog(request, blog_id), request)


@router.get(
    "/{blog_id}/posts",
    response=PostList,
    summary="A live blog's posts, newest first",
    description="The posts as they stand now. To follow changes, poll /events or open /stream "
    "from the blog's `last_seq`.",
)
def list_posts(request, blog_id: Id, cursor: str | None = CursorQuery, limit: int = LimitQuery):
    blog = readable_blog(request, blog_id)
    posts = LivePost.objects.filter(blog=blog).select_related("author", "image")
    page, next_cursor = newest_first(posts, cursor, limit, field="published_at")
    return {"items": [_post_out(post, blog, request) for post in page], "next": next_cursor}


@router.get(
    "/{blog_id}/events",
    response={200: EventList, 304: None},
    summary="Events after a sequence number (polling)",
    description=(
        "The same events as the SSE stream at /api/v1/liveblogs/{id}/stream. Poll with "
        "`after` set to `<epoch>-<seq>`: the blog's `epoch` and the last `seq` you applied "
        "(a bare `seq` is taken too, but cannot tell another epoch's position from this "
        "one's). A position of another epoch, ahead of the blog or too far behind answers "
        "`reset: true`: reload the blog's current state. Responses carry an ETag; send it "
        "back as If-None-Match to get 304 Not Modified when nothing changed."
    ),
)
def list_events(
    request,
    blog_id: Id,
    after: str = Query(
        "0",
        pattern=delivery.POSITION_PATTERN,
        description="`<epoch>-<seq>`, or a bare `seq`: the last event the client applied.",
    ),
    limit: int = Query(500, ge=1, le=1000),
):
    blog = readable_blog(request, blog_id)
    position = delivery.parse_position(after)
    if position is None:  # the pattern lets none through; kept for the type's sake
        raise Problem(400, "Bad request", "`after` is `<epoch>-<seq>` or a bare `seq`.")
    epoch, newest = delivery.epoch_and_last_seq(blog.pk)
    public = LiveBlogPage.objects.visible_to_readers().filter(pk=blog.pk).exists()
    etag = f'W/"live-{blog.pk}-{epoch}-{after}-{newest}-{limit}"'
    cache_control = "public, max-age=1, stale-while-revalidate=2" if public else "private, no-store"
    start = delivery.replay_after(position, epoch, newest)
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    elif start is None:
        response = JsonResponse({"events": [], "last_seq": newest, "epoch": epoch, "reset": True})
    else:
        events = [event.as_json() for event in delivery.events_after(blog.pk, start, limit)]
        response = JsonResponse(
            {"events": events, "last_seq": newest, "epoch": epoch, "reset": False},
            json_dumps_params={"ensure_ascii": False},
        )
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return response


@router.get(
    "/{blog_id}/stream",
    summary="Events as Server-Sent Events",
    description=(
        "Each message has `id:` the sequence number qualified by the blog's epoch "
        "(`<epoch>-<seq>`), `event:` the type and `data:` the same JSON as one polling event. "
        "Start from the page's position with `after` (`<epoch>-<seq>`, or a bare `seq`); a "
        "reconnecting EventSource sends `Last-Event-ID` and gets exactly what it missed. A "
        "position that cannot be honoured (another blog's or another epoch's id, a bare "
        "number as `Last-Event-ID`, ahead of the blog, malformed, or too far behind) gets a "
        "`reset` event: reload the blog's state. "
        "Heartbeat comments keep idle connections open. Served as a long-lived stream by the "
        "ASGI application; a server without it answers with the missed events and closes, "
        "and the client reconnects after `retry`. One client address holds at most "
        "DATELINE_LIVE_MAX_STREAMS_PER_IP streams in a server process: one more is refused "
        "with 429 and `Retry-After` (poll /events meanwhile)."
    ),
    openapi_extra={
        "responses": {
            "200": {
                "description": "An event stream.",
                "content": {
                    "text/event-stream": {
                        # Each Server-Sent Event: `event` is the type (or `reset`),
                        # `id` is `<epoch>-<seq>`, `data` the event's JSON.
                        "schema": {
                            "type": "object",
                            "properties": {
                                "event": {"type": "string"},
                                "id": {"type": "string"},
                                "data": {"type": "string"},
                                "retry": {"type": "integer"},
                            },
                        }
                    }
                },
            },
            "429": {
                "description": "This address holds as many live streams as it may; see "
                "`Retry-After`.",
                "content": {
                    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                },
            },
        }
    },
)
def stream_events(
    request,
    blog_id: Id,
    after: str | None = Query(
        None,
        pattern=delivery.POSITION_PATTERN,
        description="`<epoch>-<seq>`, or a bare `seq`: the last event the client applied.",
    ),
):
    blog = readable_blog(request, blog_id)
    epoch, newest = delivery.epoch_and_last_seq(blog.pk)
    start = delivery.start_after(request.headers.get("Last-Event-ID"), after, epoch, newest)
    if start is None:
        messages = [delivery.RESET]
    else:
        events = delivery.events_after(blog.pk, start)
        messages = [delivery.sse_message(e, epoch) for e in events]
    return HttpResponse(
        b"".join([delivery.RETRY, *messages]),
        content_type="text/event-stream",
        headers={"Cache-Control": "no-store"},
    )


@router.post(
    "/{blog_id}/posts",
    response={201: dict},
    auth=token_or_session,
    summary="Publish a post",
    description="Anyone who may write in the blog's edition posts; only editors, edition "
    "admins and site admins publish a post as a key event.",
)
def publish_post(request, blog_id: Id, payload: PostIn):
    blog = postable_blog(request.user, blog_id)
    image = None
    if payload.image_id is not None:
        image = Photo.objects.filter(pk=payload.image_id).first()
        if image is None:
            raise Problem(422, "Unprocessable content", f"There is no photo {payload.image_id}.")
    post = actions.check_publish_post(
        blog,
        request.user,
        payload.body,
        image=image,
        key_event=payload.key_event,
        translation_of=payload.translation_of,
    )
    return Status(201, rendering.post_json(post, blog))


@router.patch(
    "/{blog_id}/posts/{post_id}",
    response=dict,
    auth=token_or_session,
    summary="Edit, pin or mark a post as a key event",
    description="An edit of `body` must carry the `revision` it was made against; a stale "
    "revision gets 409 Conflict with the current post. Reporters edit their own posts; "
    "editors, edition admins and site admins edit anyone's, and alone pin posts and mark key "
    "events (403 for anyone else). A patch is applied whole or not at all.",
)
def change_post(request, blog_id: Id, post_id: Id, payload: PostPatch):
    post = editable_post(request.user, blog_id, post_id)
    if payload.body is not None and payload.revision is None:
        raise Problem(422, "Unprocessable content", "An edit must carry `revision`.")
    # All of the patch or none of it: a reporter's edit is not kept when the pin
    # that came with it is refused. Readers hear of it only after commit.
    with transaction.atomic():
        if payload.body is not None:
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
    description="Reporters delete their own posts; editors, edition admins and site admins "
    "delete anyone's.",
)
def delete_post(request, blog_id: Id, post_id: Id):
    actions.check_delete_post(editable_post(request.user, blog_id, post_id), request.user)
    return HttpResponse(status=204)


@router.patch(
    "/{blog_id}",
    response=LiveBlogOut,
    auth=token_or_session,
    summary="Change the summary, or open or close coverage (editors)",
)
def change_blog(request, blog_id: Id, payload: BlogPatch):
    blog = postable_blog(request.user, blog_id)
    if payload.summary is not None:
        actions.check_update_summary(blog, request.user, payload.summary)
    if payload.status is not None:
        actions.check_set_coverage(blog, request.user, payload.status == "live")
    blog.__dict__.pop("state", None)
    return _blog_out(blog, request)
