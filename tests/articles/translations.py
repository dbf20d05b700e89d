"""Stories in two languages, as the tests about versions build them."""

from __future__ import annotations

from dateline.articles.actions import do_link_translation
from dateline.editions.models import EditionGroup, Role

from ..factories import ArticlePageFactory


def spanish_and_english(newsroom, *, linked=True):
    """A story in España and one in USA, linked as versions of each other."""
    spanish = ArticlePageFactory(parent=newsroom["es"], title="La tormenta Aurelia")
    english = ArticlePageFactory(parent=newsroom["us"], title="Storm Aurelia")
    if linked:
        do_link_translation(spanish, english)
        english.refresh_from_db()
    return spanish, english


def also_edits_usa(user, newsroom):
    """Gives the person the editor's role in USA too."""
    user.groups.add(EditionGroup.objects.get(edition=newsroom["us"], role=Role.EDITOR).group)
    return user
