from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import EditionPage


@hooks.register("before_edit_page")
def only_editors_edit_an_edition(request, page):
    """Keeps reporters out of the edition page's editor: its front page and settings.

    Reporters need Wagtail's add and change permissions granted on the edition
    page, because that is how page permissions reach the stories below it;
    the same grant lets them edit the edition page itself. This hook refuses
    that one page to anyone who may not publish it (`may_be_edited_by`), with
    a message saying who can help, whether they open the editor, submit it or
    revert to an old revision (the same view). It is a Wagtail hook rather
    than `permission=` on the panels because a panel permission is a site-wide
    model permission, not one edition's, and inline panels take none; and a
    reporter's saved draft of the edition page would otherwise wait there for
    an editor to publish it unseen.
    """
    if isinstance(page, EditionPage) and not page.may_be_edited_by(request.user):
        messages.error(
            request,
            _(
                "Only the editors of %(edition)s can change its front page and settings. "
                "Ask one of them."
            )
            % {"edition": page.title},
        )
        return redirect("wagtailadmin_explore", page.pk)
    return None
