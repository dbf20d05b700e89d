"""Every write to live coverage, and the only code that appends live events.

Each `do_…` function changes data and appends its event(s) in one transaction,
holding the blog's `LiveState` row lock so sequence numbers are gap-free; the
notification is published only after commit (`notify_on_commit`). `check_…`
functions validate input and permission first.

Who may do what, in the blog's edition (`editions.access`):
- whoever may write there (reporters and up) posts, and edits and deletes
  their own posts;
- whoever may publish there (editors, edition admins, site admins) also edits
  and deletes anyone's posts, and alone pins posts, marks key events, writes
  the summary and opens or closes coverage.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dateline.articles import search
from dateline.editions.access import may_publish, may_write
from dateline.lib.notify import notify_readers_on_commit
from dateline.lib.sanitize import text_to_html
from dateline.lib.text import checked_text, grouped

from . import rendering
from .broker import notify_on_commit
from .models import LiveBlogPage, LiveEvent, LivePost, LivePostDraft, LiveState, new_epoch

Type = LiveEvent.Type
MARK_KEY_EVENTS_REFUSAL = _("You may not mark key events in %(edition)s.")


class EditConflict(Exception):
    """An edit was made against a revision that is no longer the post's current one."""

    def __init__(self, current: LivePost):
        super().__init__(f"Post {current.pk} is at revision {current.revision}.")
        self.current = current


# Permission ------------------------------------------------------------------


def can_post(user, blog: LiveBlogPage) -> bool:
    return may_write(user, blog)


def can_run_coverage(user, blog: LiveBlogPage) -> bool:
    """Open and close coverage, write the summary, pin posts, mark key events,
    and edit and delete anyone's posts: editors' calls."""
    return may_publish(user, blog)


def posts_changeable_by(user, blog: LiveBlogPage, posts) -> set[int]:
    """The ids of the blog's `posts` that the user may edit and delete: any of them
    for whoever runs the coverage, their own for the others who may post."""
    if can_run_coverage(user, blog):
        return {post.pk for post in posts}
    if not can_post(user, blog):
        return set()
    return {post.pk for post in posts if post.author_id is not None and post.author_id == user.pk}


def can_change_post(user, post: LivePost) -> bool:
    """Whether the user may edit and delete the post (`posts_changeable_by`)."""
    return post.pk in posts_changeable_by(user, post.blog, [post])


def _require(allowed: bool, blog: LiveBlogPage, refusal) -> None:
    """Refuses, in the words of `refusal` (a sentence naming `%(edition)s`)."""
    if not allowed:
        edition = blog.edition.title if blog.edition else gettext("this edition")
        raise PermissionDenied(refusal % {"edition": edition})


POST_REFUSAL = _("You may not post in %(edition)s.")

# What a person who may not change a post is told, by what they tried and
# whether they may post in the blog at all.
CHANGE_REFUSALS = {
    ("edit", True): _("You may not edit other people's posts in %(edition)s."),
    ("edit", False): _("You may not edit posts in %(edition)s."),
    ("delete", True): _("You may not delete other people's posts in %(edition)s."),
    ("delete", False): _("You may not delete posts in %(edition)s."),
}


def _require_change(user, post: LivePost, doing: str) -> None:
    if not can_change_post(user, post):
        _require(False, post.blog, CHANGE_REFUSALS[doing, can_post(user, post.blog)])


# Events ----------------------------------------------------------------------


def _lock_state(blog: LiveBlogPage) -> LiveState:
    """The blog's state, locked until the transaction ends. Call inside atomic()."""
    LiveState.objects.get_or_create(blog_id=blog.pk)
    return LiveState.objects.select_for_update().get(blog_id=blog.pk)


def _append(
    blog: LiveBlogPage,
    type: str,
    post: LivePost | None = None,
    post_id: int | None = None,
    state: LiveState | None = None,
) -> LiveEvent:
    """Appends one event. Precondition: inside atomic(), holding `_lock_state`."""
    LiveState.objects.filter(blog_id=blog.pk).update(last_seq=F("last_seq") + 1)
    seq = LiveState.objects.values_list("last_seq", flat=True).get(blog_id=blog.pk)
    event = LiveEvent.objects.create(
        blog=blog,
        seq=seq,
        type=type,
        post_id=post.pk if post else post_id,
        post=rendering.post_json(post, blog) if post else None,
        html=rendering.event_html(type, blog, post=post, state=state),
        blog_state=rendering.state_json(state) | {"last_seq": seq} if state else None,
    )
    notify_on_commit(blog.pk, seq)
    # Readers' pages show the change too: cached pages, and what is remembered
    # per publication (the open live blogs), are stale once it commits.
    notify_readers_on_commit()
    return event


# Posts -----------------------------------------------------------------------


def _check_body(body: str) -> str:
    body = checked_text(body, "body", gettext("Write the post before publishing it."))
    limit = settings.LIVE_POST_MAX_CHARS
    if len(body) > limit:
        raise ValidationError(
            {
                "body": gettext("Keep the post under %(limit)s characters (it has %(length)s).")
                % {"limit": grouped(limit), "length": grouped(len(body))}
            }
        )
    if not text_to_html(body).strip():
        raise ValidationError({"body": gettext("The post has no text a reader could see.")})
    return body


def _check_open(blog: LiveBlogPage) -> None:
    if LiveState.objects.filter(blog_id=blog.pk, status=LiveState.Status.ENDED).exists():
        raise ValidationError(gettext("Coverage of this blog has ended: reopen it to post again."))


def do_publish_post(
    blog: LiveBlogPage,
    author,
    body: str,
    image=None,
    key_event=False,
    published_at=None,
    translation_of: LivePost | None = None,
) -> LivePost:
    with transaction.atomic():
        _lock_state(blog)
        now = published_at or timezone.now()
        post = LivePost.objects.create(
            blog=blog,
            author=author,
            body_source=body,
            body=text_to_html(body),
            image=image,
            published_at=now,
            updated_at=now,
            is_key_event=key_event,
            translation_of=translation_of,
        )
        _append(blog, Type.POST_PUBLISHED, post)
        if key_event:
            _append(blog, Type.KEY_EVENT_MARKED, post)
        search.index_post(blog, *post.search_entry())
    return post


def _check_translation_of(blog: LiveBlogPage, post_id: int | None) -> LivePost | None:
    """The twin blog's post that a new post translates (`LiveBlogPage.twins`)."""
    if post_id is None:
        return None
    original = LivePost.objects.filter(pk=post_id, blog__in=blog.twins()).first()
    if original is None:
        raise ValidationError(
            {
                "translation_of": _(
                    "Post %(post)s is not in this blog's version in another language."
                )
                % {"post": post_id}
            }
        )
    done = LivePost.objects.filter(blog=blog, translation_of=original).first()
    if done is not None:
        raise ValidationError(
            {
                "translation_of": _("Post %(post)s is already translated here, by post %(done)s.")
                % {"post": post_id, "done": done.pk}
            }
        )
    return original


def check_publish_post(
    blog: LiveBlogPage, author, body: str, image=None, key_event=False, translation_of=None
):
    _require(can_post(author, blog), blog, POST_REFUSAL)
    if key_event:
        _require(can_run_coverage(author, blog), blog, MARK_KEY_EVENTS_REFUSAL)
    body = _check_body(body)
    _check_open(blog)
    original = _check_translation_of(blog, translation_of)
    try:
        return do_publish_post(
            blog, author, body, image=image, key_event=key_event, translation_of=original
        )
    except IntegrityError:
        # A colleague published a translation of the same post a moment before.
        raise ValidationError(
            {"translation_of": f"Post {original.pk} is already translated here."}
        ) from None


def do_save_draft(blog: LiveBlogPage, author, body: str, image=None, source: str = ""):
    """Keeps a post for the blog unpublished: no event, nothing readers see."""
    return LivePostDraft.objects.create(
        blog=blog, author=author, body_source=body, image=image, source=source[:255]
    )


def check_save_draft(blog: LiveBlogPage, author, body: str, image=None, source: str = ""):
    _require(can_post(author, blog), blog, POST_REFUSAL)
    return do_save_draft(blog, author, _check_body(body), image=image, source=source)


def check_publish_draft(draft: LivePostDraft, user) -> LivePost:
    """Publishes a draft as the person at the desk's post, and removes the draft."""
    with transaction.atomic():
        post = check_publish_post(draft.blog, user, draft.body_source, image=draft.image)
        draft.delete()
    return post


def check_discard_draft(draft: LivePostDraft, user) -> None:
    _require(can_post(user, draft.blog), draft.blog, POST_REFUSAL)
    draft.delete()


def do_edit_post(post: LivePost, editor, body: str, base_revision: int) -> LivePost:
    blog = post.blog
    with transaction.atomic():
        _lock_state(blog)
        post = LivePost.objects.select_for_update().get(pk=post.pk)
        if post.revision != base_revision:
            raise EditConflict(post)
        post.body_source = body
        post.body = text_to_html(body)
        post.revision += 1
        post.updated_at = timezone.now()
        post.save()
        _append(blog, Type.POST_EDITED, post)
        search.index_post(blog, *post.search_entry())
    return post


def check_edit_post(post: LivePost, editor, body: str, base_revision) -> LivePost:
    _require_change(editor, post, "edit")
    body = _check_body(body)
    try:
        base_revision = int(base_revision)
    except (TypeError, ValueError):
        raise ValidationError(
            {"revision": "Send the revision the edit was made against."}
        ) from None
    return do_edit_post(post, editor, body, base_revision)


def do_delete_post(post: LivePost) -> None:
    blog = post.blog
    with transaction.atomic():
        _lock_state(blog)
        post_id = post.pk
        if not LivePost.objects.filter(pk=post_id).delete()[0]:
            return
        # Earlier events of the post no longer carry its content: replay shows
        # readers only what they may still see.
        LiveEvent.objects.filter(blog=blog, post_id=post_id).update(post=None, html="")
        _append(blog, Type.POST_DELETED, post_id=post_id)


def check_delete_post(post: LivePost, user) -> None:
    _require_change(user, post, "delete")
    do_delete_post(post)


def do_pin_post(post: LivePost, pinned: bool) -> LivePost:
    blog = post.blog
    with transaction.atomic():
        _lock_state(blog)
        post = LivePost.objects.select_for_update().get(pk=post.pk)
        if post.is_pinned == pinned:
            return post
        if pinned:
            # One pinned post at a time: pinning another unpins the old one.
            for other in LivePost.objects.filter(blog=blog, is_pinned=True).exclude(pk=post.pk):
                other.is_pinned = False
                other.save(update_fields=["is_pinned"])
                _append(blog, Type.POST_UNPINNED, other)
        post.is_pinned = pinned
        post.save(update_fields=["is_pinned"])
        _append(blog, Type.POST_PINNED if pinned else Type.POST_UNPINNED, post)
    return post


def check_pin_post(post: LivePost, user, pinned: bool) -> LivePost:
    _require(
        can_run_coverage(user, post.blog), post.blog, _("You may not pin posts in %(edition)s.")
    )
    return do_pin_post(post, bool(pinned))


def do_mark_key_event(post: LivePost, key_event: bool, title: str = "") -> LivePost:
    blog = post.blog
    with transaction.atomic():
        _lock_state(blog)
        post = LivePost.objects.select_for_update().get(pk=post.pk)
        if post.is_key_event == key_event and post.key_event_title == title:
            return post
        post.is_key_event = key_event
        post.key_event_title = title if key_event else ""
        post.save(update_fields=["is_key_event", "key_event_title"])
        _append(blog, Type.KEY_EVENT_MARKED if key_event else Type.KEY_EVENT_UNMARKED, post)
        search.index_post(blog, *post.search_entry())
    return post


def check_mark_key_event(post: LivePost, user, key_event: bool, title: str = "") -> LivePost:
    _require(can_run_coverage(user, post.blog), post.blog, MARK_KEY_EVENTS_REFUSAL)
    title = checked_text(title, "title", gettext("Write the key event's title."), required=False)
    limit = LivePost._meta.get_field("key_event_title").max_length
    if len(title) > limit:
        raise ValidationError(
            {
                "title": gettext("Keep the key event's title under %(limit)s characters.")
                % {"limit": limit}
            }
        )
    return do_mark_key_event(post, bool(key_event), title)


# The blog --------------------------------------------------------------------


def do_update_summary(blog: LiveBlogPage, summary: str) -> LiveState:
    with transaction.atomic():
        state = _lock_state(blog)
        state.summary_source = summary.strip()
        state.summary = text_to_html(summary) if summary.strip() else ""
        state.summary_updated_at = timezone.now()
        state.save(update_fields=["summary_source", "summary", "summary_updated_at"])
        _append(blog, Type.SUMMARY_CHANGED, state=state)
        search.index_story(blog)
    return state


def check_update_summary(blog: LiveBlogPage, user, summary: str) -> LiveState:
    _require(can_run_coverage(user, blog), blog, _("You may not edit the summary in %(edition)s."))
    summary = checked_text(summary, "summary", gettext("Write the summary."), required=False)
    limit = settings.LIVE_SUMMARY_MAX_CHARS
    if len(summary) > limit:
        raise ValidationError(
            {
                "summary": gettext("Keep the summary under %(limit)s characters.")
                % {"limit": grouped(limit)}
            }
        )
    return do_update_summary(blog, summary)


def do_set_coverage(blog: LiveBlogPage, live: bool) -> LiveState:
    with transaction.atomic():
        state = _lock_state(blog)
        wanted = LiveState.Status.LIVE if live else LiveState.Status.ENDED
        if state.status == wanted:
            return state
        state.status = wanted
        state.ended_at = None if live else timezone.now()
        state.save(update_fields=["status", "ended_at"])
        _append(blog, Type.COVERAGE_OPENED if live else Type.COVERAGE_CLOSED, state=state)
    blog.__dict__.pop("state", None)
    return state


def check_set_coverage(blog: LiveBlogPage, user, live: bool) -> LiveState:
    _require(
        can_run_coverage(user, blog), blog, _("You may not open or close coverage in %(edition)s.")
    )
    return do_set_coverage(blog, bool(live))


# Epochs ----------------------------------------------------------------------


def do_renew_epochs() -> int:
    """Gives every live blog a new epoch; returns how many.

    For a database restored from a backup: each blog's sequence carries on from
    where the backup left it, so ids that readers received after the backup
    was taken would name events the restored blog numbers differently. Under a
    new epoch those ids are recognised and reset (DESIGN §5.3). Streams open in
    running processes notice at their next read and drop their readers, who
    reconnect and are reset.
    """
    renewed = 0
    for blog_id in LiveState.objects.values_list("blog_id", flat=True):
        renewed += LiveState.objects.filter(blog_id=blog_id).update(epoch=new_epoch())
    return renewed
