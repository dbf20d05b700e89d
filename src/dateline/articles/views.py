"""Readers' search of an edition, and the newsroom's screens for adding an update
or a correction to a live article and for linking a story's versions in other
languages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from dateline.editions.access import may_publish, may_write, writable
from dateline.editions.models import EditionPage, reading_in

from . import actions
from . import search as finding
from .forms import NoteForm, TranslationForm
from .listing import preload
from .models import ArticlePage, StoryPage

SEARCH_PAGE_SIZE = 20
SEARCH_MAX_CHARS = 200

NOTE_KINDS = {
    "update": (actions.check_add_update, _("Add an update"), _("Update published.")),
    "correction": (
        actions.check_correct_article,
        _("Add a correction"),
        _("Correction published."),
    ),
}


def publishable_article(user, article_id: int) -> ArticlePage:
    """The live article with this id, if the user may publish it."""
    article = get_object_or_404(ArticlePage, pk=article_id)
    if not may_publish(user, article):
        raise PermissionDenied
    return article


def add_note(request, article_id: int, kind: str):
    from wagtail.admin import messages

    article = publishable_article(request.user, article_id)
    action, title, done = NOTE_KINDS[kind]
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action(article, request.user, form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done)
            return redirect("wagtailadmin_explore", article.get_parent().pk)
    return TemplateResponse(
        request,
        "articles/admin/add_note.html",
        {"article": article, "form": form, "title": title, "kind": kind},
    )


def translations(request, story_id: int):
    """A story's versions in other languages: link one, or unlink one."""
    from wagtail.admin import messages

    from .wagtail_hooks import seen_by_staff

    story = writable(StoryPage.objects, story_id, request.user).specific
    seen = seen_by_staff(StoryPage.objects.all(), request.user)
    form = TranslationForm(request.POST or None, story=story, versions=seen)
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"].specific
        unlinking = request.POST.get("action") == "unlink"
        action = actions.check_unlink_translation if unlinking else actions.check_link_translation
        try:
            action(story, version, request.user)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error.messages if hasattr(error, "messages") else str(error))
        else:
            done = _("“%(title)s” unlinked.") if unlinking else _("“%(title)s” linked.")
            messages.success(request, done % {"title": version.title})
            return redirect("articles_translations", story.pk)
    elif form.is_bound:
        # The chooser shows the story a refused value names: only one the person may see.
        errors, form = form.errors, TranslationForm(story=story, versions=seen)
        form._errors = errors
    versions = [
        (version, version.edition, may_write(request.user, version))
        for version in seen.filter(translation_key=story.translation_key)
        .exclude(pk=story.pk)
        .specific()
    ]
    return TemplateResponse(
        request,
        "articles/admin/translations.html",
        {"story": story, "form": form, "versions": versions, "edition": story.edition},
    )


def search(request, edition: str):
    """An edition's search (`/<edition>/search/?q=`): its own and circulated
    stories and their live posts that readers may see, most relevant first,
    twenty to a page, each with the words that matched marked."""
    edition = get_object_or_404(EditionPage.objects.visible_to_readers(), slug=edition)
    terms = request.GET.get("q", "")
    if len(terms) > SEARCH_MAX_CHARS:  # cut between words, never through one
        terms = terms[: SEARCH_MAX_CHARS + 1].rsplit(maxsplit=1)[0][:SEARCH_MAX_CHARS]
    with reading_in(edition):
        results = Paginator(finding.find(terms, edition=edition), SEARCH_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        finding.highlight(terms, results.object_list)
        preload([hit.story for hit in results], last_updated=False)
        context = {"page": edition, "self": edition, "terms": terms, "results": results}
        response = render(request, "articles/search_results.html", context)
    response.headers["Content-Language"] = edition.language
    return response
