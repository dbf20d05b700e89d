"""A story's comments in the API: GET and POST /api/v1/stories/{id}/comments."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from ninja import Field, Query, Router, Schema, Status

from dateline.comments import actions
from dateline.comments.models import Comment
from dateline.comments.views import commentable_story
from dateline.lib.addresses import client_ip

from .auth import token_or_session
from .problems import Problem
from .types import Body, Id, Position, Text

router = Router(tags=["comments"])


class CommentOut(Schema):
    id: int
    parent_id: int | None
    author: str
    html: str = Field(..., description="The comment as shown: escaped text, paragraphs, links.")
    created_at: datetime
    edited_at: datetime | None
    status: str
    deleted: bool


class CommentList(Schema):
    items: list[CommentOut]
    count: int
    next: int | None = Field(None, description="Pass as `after` for the next page.")


class CommentIn(Body):
    text: Text
    parent_id: Id | None = None


def _out(comment: Comment) -> dict:
    return {
        "id": comment.pk,
        "parent_id": comment.parent_id,
        "author": comment.author_name,
        "html": comment.html,
        "created_at": comment.created_at,
        "edited_at": comment.edited_at,
        "status": comment.status,
        "deleted": comment.deleted_by_author,
    }


@router.get(
    "/{story_id}/comments", response=CommentList, summary="A story's comments, oldest first"
)
def list_comments(
    request, story_id: Id, after: Position = Query(0), limit: int = Query(50, ge=1, le=200)
):
    story = commentable_story(story_id)
    comments = story.comments.visible_to_readers().select_related("author")
    page = list(comments.filter(pk__gt=after).order_by("pk")[: limit + 1])
    return {
        "items": [_out(c) for c in page[:limit]],
        "count": comments.count(),
        "next": page[limit - 1].pk if len(page) > limit else None,
    }


@router.post(
    "/{story_id}/comments",
    response={201: CommentOut},
    auth=token_or_session,
    summary="Comment on a story (signed-in readers)",
    description="Replies carry `parent_id`. Too many comments too fast get 429.",
)
def add_comment(request, story_id: Id, payload: CommentIn):
    story = commentable_story(story_id)
    parent = None
    if payload.parent_id is not None:
        parent = Comment.objects.filter(pk=payload.parent_id).first()
        if parent is None:
            raise Problem(422, "Unprocessable content", f"There is no comment {payload.parent_id}.")
    try:
        comment = actions.check_add_comment(
            story, request.user, payload.text, parent, ip=client_ip(request)
        )
    except actions.RateLimited as error:
        raise Problem(429, "Too many requests", str(error)) from None
    except PermissionDenied as error:
        raise Problem(403, "Forbidden", str(error)) from None
    return Status(201, _out(comment))
