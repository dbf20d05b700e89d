"""The wires in the API: agencies push items; the newsroom reads them and makes
draft stories and live posts from them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status

from dateline.editions.models import EditionPage
from dateline.lib.absolute import absolute_url
from dateline.live import actions as live_actions
from dateline.live.access import postable_blog
from dateline.wire import actions
from dateline.wire.access import items_for, may_push, may_read_wire, readable_item
from dateline.wire.formats import UnreadableItem
from dateline.wire.ingest import PUSH_PROVIDER, default_provider, receive_document
from dateline.wire.models import Provider, WireItem

from .auth import ExpiringBearerToken, SignedInSession, token_or_session
from .pagination import CursorQuery, LimitQuery, PageMeta, newest_first
from .problems import Problem
from .types import SLUG, Body, Id

router = Router(tags=["wires"])

TITLES = {
    400: "Bad request",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
}
ItemType = Literal["text", "picture", "video", "audio", "graphic", "composite"]


class WirePhotoOut(Schema):
    id: int | None = Field(..., description="The photo library's id, when the item carried it.")
    url: str = Field(..., description="The photo, or the agency's link to it.")
    caption: str
    photographer: str
    agency: str


class WireStoryRef(Schema):
    story_id: int | None
    live_draft_id: int | None
    version: str = Field(..., description="The item's version the story was made from.")
    agency_updated: bool = Field(..., description="The agency has sent a newer version since.")


class WireItemOut(Schema):
    id: int
    guid: str
    version: str
    provider: str
    format: str = Field(..., description="ninjs-1, ninjs-2, ninjs-3, newsml-g2, nitf, rss, atom.")
    type: ItemType
    urgency: int | None = Field(..., description="1 (a flash) to 9.")
    language: str
    headline: str
    standfirst: str
    byline: str
    located: str
    credit: str
    pubstatus: str
    received_at: datetime
    version_created: datetime | None
    embargoed: datetime | None


class WireItemDetailOut(WireItemOut):
    body_html: str = Field(..., description="Sanitised HTML.")
    copyright: str
    usage_terms: str
    ednote: str
    slugline: str
    subjects: list[str]
    members: list[str] = Field(..., description="A package's items, by GUID.")
    photos: list[WirePhotoOut]
    versions: list[str] = Field(..., description="Every version received, newest first.")
    stories: list[WireStoryRef]


class WireItemList(PageMeta):
    items: list[WireItemOut]


class PushedItem(Schema):
    id: int | None
    guid: str
    version: str
    outcome: Literal["created", "updated", "unchanged", "refused"]
    error: str = ""


class PushOut(Schema):
    id: int | None = Field(..., description="The (first) wire item's id.")
    outcome: Literal["created", "updated", "unchanged", "refused"]
    items: list[PushedItem] = Field(..., description="Each item of the document.")


class StoryIn(Body):
    edition: str = Field(..., pattern=SLUG, description="The edition's slug, e.g. `es`.")


class StoryOut(Schema):
    id: int = Field(..., description="The draft story's page id.")
    edit_url: str


class LiveDraftIn(Body):
    blog: Id = Field(..., description="The live blog's id.")


class LiveDraftOut(Schema):
    id: int = Field(..., description="The draft post's id; it is published from the live desk.")
    desk_url: str


def _item_out(item: WireItem) -> dict:
    return {
        "id": item.pk,
        "guid": item.guid,
        "version": item.version,
        "provider": item.provider.slug,
        "format": item.format,
        "type": item.type,
        "urgency": item.urgency,
        "language": item.language,
        "headline": item.headline,
        "standfirst": item.standfirst,
        "byline": item.byline,
        "located": item.located,
        "credit": item.credit,
        "pubstatus": item.pubstatus,
        "received_at": item.received_at,
        "version_created": item.version_created,
        "embargoed": item.embargoed,
    }


def _detail(item: WireItem, request) -> dict:
    photos = [
        {
            "id": p.pk,
            "url": absolute_url(request, p.file.url),
            "caption": p.caption,
            "photographer": p.photographer,
            "agency": p.agency,
        }
        for p in item.photos.all()
    ] + [
        {
            "id": None,
            "url": r.get("href", ""),
            "caption": r.get("caption", ""),
            "photographer": r.get("photographer", ""),
            "agency": r.get("agency", ""),
        }
        for r in item.renditions
    ]
    return {
        **_item_out(item),
        "body_html": item.body_html,
        "copyright": item.copyright,
        "usage_terms": item.usage_terms,
        "ednote": item.ednote,
        "slugline": item.slugline,
        "subjects": item.subjects,
        "members": item.members,
        "photos": photos,
        "versions": list(item.versions.values_list("version", flat=True)),
        "stories": [
            {
                "story_id": s.story_id,
                "live_draft_id": s.live_draft_id,
                "version": s.version,
                "agency_updated": s.agency_updated,
            }
            for s in item.stories.all()
        ],
    }


class _MayPush:
    """Who pushes is settled with who is calling, before the body is even read:
    an account that may not push learns that (403), whatever it sent."""

    def __call__(self, request):
        caller = super().__call__(request)
        if caller and not may_push(request.user):
            raise PermissionDenied("This account may not push to the wire.")
        return caller


class PushToken(_MayPush, ExpiringBearerToken):
    pass


class PushSession(_MayPush, SignedInSession):
    pass


def _wire_reader(request):
    if not may_read_wire(request.user):
        raise PermissionDenied("Only the newsroom reads the wire.")
    return request.user


PUSH_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {"type": "object", "description": "A ninjs 1.x, 2.x or 3.x item."}
        },
        "application/xml": {
            "schema": {
                "type": "string",
                "description": "NewsML-G2 (newsItem, packageItem or newsMessage) or NITF.",
            }
        },
        "application/zip": {
            "schema": {"type": "string", "format": "binary", "description": "Items in a ZIP."}
        },
    },
}


@router.post(
    "/items",
    response={200: PushOut, 201: PushOut},
    auth=[PushToken(), PushSession()],
    summary="Push an item as the agency sends it",
    description=(
        "The body is the item as the agency sends it: ninjs (JSON, 1.x to 3.x), NewsML-G2 "
        "(a newsItem, packageItem or newsMessage, with XHTML or NITF bodies) or NITF, or a "
        "ZIP of such files. 201 when an item is new; 200 when it is a newer version of an "
        "item already held (it is updated, its versions kept, and stories made from it "
        "flagged), or a version already held. Each item of a newsMessage or ZIP is stored "
        "in a transaction of its own: `items` says what became of each. Needs a token of "
        "someone who may push to the wire. Documents with a DTD or entities, malformed, "
        "in an unknown format or over DATELINE_WIRE_ITEM_MAX_KB are refused whole."
    ),
    openapi_extra={"requestBody": PUSH_BODY},
)
def push_item(
    request,
    provider: str | None = Query(
        None, pattern=SLUG, description="The provider's slug; pushed items' own by default."
    ),
):
    source = Provider.objects.filter(slug=provider).first() if provider else None
    if provider and source is None:
        raise Problem(404, "Not found", f"There is no wire provider {provider!r}.")
    source = source or default_provider(PUSH_PROVIDER)
    try:
        report = receive_document(source, request.body)
    except UnreadableItem as error:
        raise Problem(error.status, TITLES.get(error.status, "Bad request"), str(error)) from error
    items = [
        {
            "id": r.item.pk if r.item else None,
            "guid": r.item.guid if r.item else r.error.guid,
            "version": r.item.version if r.item else "",
            "outcome": r.outcome,
            "error": str(r.error) if r.error else "",
        }
        for r in report.received
    ]
    stored = [i for i in items if i["outcome"] != "refused"]
    if not stored:
        first = next(r.error for r in report.received)
        raise Problem(
            first.status,
            TITLES.get(first.status, "Unprocessable content"),
            "; ".join(report.errors),
            items=items,
        )
    outcome = "created" if any(i["outcome"] == "created" for i in stored) else stored[0]["outcome"]
    body = {"id": stored[0]["id"], "outcome": outcome, "items": items}
    return Status(201 if outcome == "created" else 200, body)


@router.get(
    "/items",
    response=WireItemList,
    auth=token_or_session,
    summary="Wire items, newest first",
    description="The items on the caller's wire (reporters and up), newest first.",
)
def list_items(
    request,
    cursor: str | None = CursorQuery,
    limit: int = LimitQuery,
    provider: str | None = Query(None, pattern=SLUG, description="A provider's slug."),
    urgency: int | None = Query(None, ge=1, le=9, description="Items this urgent or more."),
    language: str | None = Query(
        None, pattern=r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", description="e.g. `es`, `en-GB`."
    ),
    type: ItemType | None = Query(None, description="The item's type."),
):
    items = items_for(_wire_reader(request))
    if provider:
        items = items.filter(provider__slug=provider)
    if urgency:
        items = items.filter(urgency__lte=urgency)
    if language:
        items = items.filter(language__istartswith=language)
    if type:
        items = items.filter(type=type)
    page, next_cursor = newest_first(items, cursor, limit, field="received_at")
    return {"items": [_item_out(item) for item in page], "next": next_cursor}


@router.get(
    "/items/{item_id}",
    response=WireItemDetailOut,
    auth=token_or_session,
    summary="A wire item, with its body, photos, versions and stories",
)
def get_item(request, item_id: Id):
    return _detail(readable_item(_wire_reader(request), item_id), request)


@router.post(
    "/items/{item_id}/story",
    response={201: StoryOut},
    auth=token_or_session,
    summary="Make a draft story from a wire item",
    description=(
        "A draft article in the edition (where the caller may write) with the item's "
        "headline, standfirst, body, byline, dateline, credit and photos. It is published "
        "as any draft is, by an editor."
    ),
)
def create_story(request, item_id: Id, payload: StoryIn):
    item = readable_item(_wire_reader(request), item_id)
    edition = EditionPage.objects.filter(slug=payload.edition).first()
    if edition is None:
        raise Problem(422, "Unprocessable content", f"There is no edition {payload.edition!r}.")
    story = actions.check_create_story(item, edition, request.user)
    url = absolute_url(request, reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    return Status(201, {"id": story.pk, "edit_url": url})


@router.post(
    "/items/{item_id}/livepost",
    response={201: LiveDraftOut},
    auth=token_or_session,
    summary="Make a draft live post from a wire item",
    description="A draft post in a live blog the caller may post in; it is published from "
    "the live desk.",
)
def draft_live_post(request, item_id: Id, payload: LiveDraftIn):
    item = readable_item(_wire_reader(request), item_id)
    blog = postable_blog(request.user, payload.blog)
    with transaction.atomic():
        draft = live_actions.check_save_draft(
            blog,
            request.user,
            actions.post_text(item),
            image=actions.first_photo(item),
            source=f"{item.credit}: {item.headline}",
        )
        actions.do_note_live_draft(item, draft, request.user)
    url = absolute_url(request, reverse("live_desk", args=(blog.pk,)))
    return Status(201, {"id": draft.pk, "desk_url": url})
