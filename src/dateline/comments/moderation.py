"""The moderation queue: an admin screen for editors, across their editions."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from dateline.editions.access import editions_published_by

from . import actions
from .models import Comment

QUEUES = {
    "pending": lambda qs: qs.filter(status=Comment.Status.PENDING),
    "reported": lambda qs: qs.filter(
        Q(held_by_reports=True) | Q(reports__resolved=False), status=Comment.Status.PUBLISHED
    ).distinct(),
    "removed": lambda qs: qs.filter(status=Comment.Status.REMOVED),
    "published": lambda qs: qs.filter(status=Comment.Status.PUBLISHED),
}


def moderated_comments(user):
    """Comments on stories in the editions where the user may publish."""
    paths = [edition.path for edition in editions_published_by(user)]
    if not paths:
        return Comment.objects.none()
    where = Q()
    for path in paths:
        where |= Q(story__path__startswith=path)
    return Comment.objects.filter(where)


def queue(request):
    if not moderates_anything(request.user):
        raise PermissionDenied
    comments = moderated_comments(request.user)
    if request.method == "POST":
        return _act(request, comments)
    name = request.GET.get("queue", "pending")
    if name not in QUEUES:
        name = "pending"
    listing = (
        QUEUES[name](comments)
        .select_related("author", "story")
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved=False)))
        .order_by("-created_at")[:200]
    )
    counts = {key: QUEUES[key](comments).count() for key in ("pending", "reported", "removed")}
    return TemplateResponse(
        request,
        "comments/admin/queue.html",
        {"queue": name, "comments": listing, "counts": counts, "queues": list(QUEUES)},
    )


def moderates_anything(user) -> bool:
    return bool(editions_published_by(user))


def _act(request, comments):
    ids = request.POST.getlist("comment")
    selected = list(comments.filter(pk__in=ids).select_related("story", "author"))
    back = redirect(f"{request.path}?queue={request.POST.get('queue', 'pending')}")
    if not selected:
        messages.error(request, _("Select at least one comment."))
        return back
    action, reason = request.POST.get("action"), request.POST.get("reason", "")
    try:
        if action == "approve":
            count = actions.approve_comments(selected, request.user)
            messages.success(request, _("%(count)d comment(s) approved.") % {"count": count})
        elif action == "remove":
            count = actions.remove_comments(selected, request.user, reason)
            messages.success(request, _("%(count)d comment(s) removed.") % {"count": count})
        elif action == "block":
            actions.remove_comments(selected, request.user, reason or _("Commenter blocked."))
            count = actions.block_commenters(selected, request.user, reason)
            messages.success(request, _("%(count)d commenter(s) blocked.") % {"count": count})
        else:
            messages.error(request, _("Choose approve, remove or block."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        messages.error(request, str(error))
    return back
