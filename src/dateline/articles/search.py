"""Readers' search: what readers may find is what they may see.

Each published story has one entry (its headline; its standfirst, body, updates
and corrections), and each post of a live blog its own, so a post found leads to
its permalink. An entry is stemmed in its home edition's language
(`language_config`): on PostgreSQL by the database's text search configuration
of that name, on SQLite by the Snowball stemmer of the same name, applied to
the words before they go into an FTS5 table and to the words searched for.
Either way, "evacuaciones" finds "evacuación" and "evacuate" finds "evacuated".

Entries are written when a story is published and when a post is published or
edited; what readers may see is still decided at search time, by
`visible_to_readers()`, so an unpublished, private or embargoed story (and
every post of one) is never found. `dateline update_index` rewrites them all.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache

import snowballstemmer
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import F, Q, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from dateline.editions.models import EditionPage

from .models import SearchEntry, StoryPage

# How many entries a search ranks; readers page through these.
MAX_HITS = 500
# Words a search looks for: more say nothing a reader means.
MAX_WORDS = 32
# A snippet shows about this many words around the first match.
SNIPPET_WORDS = 30
FTS_TABLE = "articles_searchentry_fts"
# Marks the database puts around matching words, swapped for <mark> once the
# text around them is escaped. Characters of a private-use area, removed from
# what is indexed, so they mean nothing else.
START, STOP = "\ue000", "\ue001"

# BCP 47 primary language subtags and the text search configuration (and
# Snowball stemmer) of the same language; any other language is matched word
# for word ("simple").
CONFIGS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
SIMPLE = "simple"


def language_config(language: str) -> str:
    """The text search configuration for an edition's language (`es-CL`: spanish)."""
    return CONFIGS.get(language.split("-")[0].lower(), SIMPLE)


def words(text: str) -> list[str]:
    """The words of a text: letters and digits. Punctuation, quotes, operators and
    control characters (a NUL above all) mean nothing to a reader's search."""
    return "".join(c if c.isalnum() else " " for c in text).split()


@cache
def _stemmer(config: str):
    return snowballstemmer.stemmer(config) if config != SIMPLE else None


def _fold(word: str) -> str:
    """A word as SQLite's FTS5 table compares it: lower case, no diacritics."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stems(config: str, text: str) -> list[str]:
    """The stems of a text's words in a language, as SQLite's index holds them."""
    stemmer = _stemmer(config)
    lowered = [word.lower() for word in words(text)]
    return [_fold(stem) for stem in (stemmer.stemWords(lowered) if stemmer else lowered)]


def _clean(text: str) -> str:
    return text.replace(START, "").replace(STOP, "").replace("\x00", "")


# Writing the index


def _write(story: StoryPage, post_id: int | None, title: str, text: str) -> None:
    config = language_config(story.edition.language)
    title, text = _clean(title), _clean(text)
    values = {"language": config, "title": title, "text": text}
    if connection.vendor == "postgresql":
        values["vector"] = SearchVector(Value(title), config=config, weight="A") + SearchVector(
            Value(text), config=config, weight="B"
        )
    with transaction.atomic():
        entry, _ = SearchEntry.objects.update_or_create(
            story=story, post_id=post_id, defaults=values
        )
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [entry.pk])
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE} (rowid, language, title, text) "
                    "VALUES (%s, %s, %s, %s)",
                    [
                        entry.pk,
                        config,
                        " ".join(stems(config, title)),
                        " ".join(stems(config, text)),
                    ],
                )


def index_story(story: StoryPage) -> None:
    """Writes what search finds of a story as it is now (its live version)."""
    story = story.specific
    _write(story, None, story.title, "\n".join(part for part in story.search_text() if part))


def index_post(story: StoryPage, post_id: int, headline: str, text: str) -> None:
    """Writes what search finds of one post of a story (a live blog's)."""
    _write(story, post_id, headline, text)


def rebuild() -> int:
    """Rewrites every entry from the stories and posts as they are; returns how many."""
    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for story in StoryPage.objects.live().specific().iterator():
            index_story(story)
            for post_id, headline, text in story.search_posts():
                index_post(story, post_id, headline, text)
                count += 1
            count += 1
    return count


# Searching


@dataclass
class Hit:
    """One thing found: a story, or a post of one (`post_id`), with the headline
    and a snippet marking the words that matched (filled by `highlight`)."""

    story: StoryPage
    post: object | None  # a live blog's post (`live.LivePost`)
    entry_id: int
    title: str
    headline: SafeString = field(default_factory=SafeString)
    snippet: SafeString = field(default_factory=SafeString)

    @property
    def url(self) -> str:
        return self.story.post_url(self.post.pk) if self.post else self.story.url


def _readable(edition: EditionPage | None):
    stories = StoryPage.objects.visible_to_readers()
    if edition is not None:
        stories = stories.in_edition(edition)
    return SearchEntry.objects.filter(story__in=stories.values("pk"))


def _ranked_postgres(terms: str, entries) -> list[tuple[int, float]]:
    # Each entry is matched in its own language. One condition per language, each
    # with a constant configuration, lets PostgreSQL use the GIN index.
    configs = {
        language_config(lang) for lang in EditionPage.objects.values_list("language", flat=True)
    }
    match = Q()
    for config in configs:
        match |= Q(language=config, vector=SearchQuery(terms, config=config))
    rank = SearchRank(F("vector"), SearchQuery(terms, config=F("language")))
    found = entries.filter(match).annotate(rank=rank).order_by("-rank", "-pk")
    return list(found.values_list("pk", "rank")[:MAX_HITS])


def _ranked_sqlite(terms: str, entries) -> list[tuple[int, float]]:
    configs = {
        language_config(lang) for lang in EditionPage.objects.values_list("language", flat=True)
    }
    groups = []
    for config in sorted(configs):
        wanted = " AND ".join(f'"{stem}"' for stem in dict.fromkeys(stems(config, terms)))
        if wanted:
            groups.append(f'(language : "{config}" AND {{title text}} : ({wanted}))')
    if not groups:
        return []
    with connection.cursor() as cursor:
        # bm25 weighs the headline above the text, and the language not at all;
        # lower is better.
        cursor.execute(
            f"SELECT rowid, bm25({FTS_TABLE}, 0.0, 4.0, 1.0) AS rank FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s ORDER BY rank LIMIT %s",
            [" OR ".join(groups), MAX_HITS * 4],
        )
        ranked = cursor.fetchall()
    readable = set(entries.filter(pk__in=[pk for pk, _ in ranked]).values_list("pk", flat=True))
    return [(pk, -rank) for pk, rank in ranked if pk in readable][:MAX_HITS]


def find(terms: str, edition: EditionPage | None = None) -> list[Hit]:
    """What readers may see that matches every word of `terms`, most relevant
    first: stories (their own and circulated ones, within an edition) and posts.
    Snippets are filled by `highlight`, for the hits shown."""
    terms = " ".join(words(terms)[:MAX_WORDS])
    if not terms:
        return []
    entries = _readable(edition)
    ranker = _ranked_postgres if connection.vendor == "postgresql" else _ranked_sqlite
    ranked = ranker(terms, entries)
    found = SearchEntry.objects.filter(pk__in=[pk for pk, _ in ranked]).select_related("post")
    found = {entry.pk: entry for entry in found.defer("text", "vector")}
    stories = StoryPage.objects.filter(pk__in={e.story_id for e in found.values()})
    stories = {story.pk: story for story in stories.specific()}
    return [
        Hit(stories[entry.story_id], entry.post, entry.pk, entry.title)
        for entry in (found[pk] for pk, _ in ranked if pk in found)
        if entry.story_id in stories
    ]


def _marked(text: str) -> SafeString:
    """Text the database marked, escaped, with its marks as <mark> elements."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def _highlight_postgres(terms: str, hits: list[Hit]) -> None:
    query = SearchQuery(terms, config=F("language"))
    marks = {"start_sel": START, "stop_sel": STOP, "config": F("language")}
    entries = SearchEntry.objects.filter(pk__in=[hit.entry_id for hit in hits]).annotate(
        marked_title=SearchHeadline("title", query, highlight_all=True, **marks),
        marked_text=SearchHeadline(
            "text", query, max_words=SNIPPET_WORDS, min_words=SNIPPET_WORDS // 2, **marks
        ),
    )
    marked = {e.pk: (e.marked_title, e.marked_text, e.text) for e in entries}
    for hit in hits:
        title, excerpt, text = marked.get(hit.entry_id, (hit.title, "", ""))
        hit.headline, hit.snippet = _marked(title), _marked(_cut(text, excerpt))


def _cut(text: str, excerpt: str) -> str:
    """The excerpt, with an ellipsis where it leaves out the text's start or end."""
    plain = " ".join(excerpt.replace(START, "").replace(STOP, "").split())
    whole = " ".join(text.split())
    if not plain:
        return ""
    prefix = "" if whole.startswith(plain) else "… "
    suffix = "" if whole.endswith(plain) else " …"
    return prefix + " ".join(excerpt.split()) + suffix


def _mark_words(config: str, text: str, wanted: set[str], window: int | None = None) -> str:
    """The text with the words whose stems are wanted between START and STOP; with
    a window, only about that many words around the first one."""
    spans = []  # (start, end, matched) of each word
    position = 0
    for word in words(text):
        start = text.index(word, position)
        position = start + len(word)
        spans.append((start, position, stems(config, word)[0] in wanted))
    if window is not None and spans:
        first = next((i for i, span in enumerate(spans) if span[2]), 0)
        begin = max(0, first - window // 3)
        shown = spans[begin : begin + window]
        prefix = "… " if begin > 0 else ""
        suffix = " …" if begin + window < len(spans) else ""
        offset = shown[0][0] if begin > 0 else 0
        end = shown[-1][1] if suffix else len(text)
        spans = [(s - offset, e - offset, m) for s, e, m in shown]
        text = text[offset:end]
    else:
        prefix = suffix = ""
    out, last = [], 0
    for start, end, matched in spans:
        if matched:
            out += [text[last:start], START, text[start:end], STOP]
            last = end
    out.append(text[last:])
    return prefix + " ".join("".join(out).split()) + suffix


def _highlight_sqlite(terms: str, hits: list[Hit]) -> None:
    entries = SearchEntry.objects.filter(pk__in=[hit.entry_id for hit in hits])
    entries = {entry.pk: entry for entry in entries.only("pk", "language", "title", "text")}
    for hit in hits:
        entry = entries.get(hit.entry_id)
        if entry is None:
            continue
        wanted = set(stems(entry.language, terms))
        hit.headline = _marked(_mark_words(entry.language, entry.title, wanted))
        hit.snippet = _marked(_mark_words(entry.language, entry.text, wanted, SNIPPET_WORDS))


def highlight(terms: str, hits: list[Hit]) -> list[Hit]:
    """Fills the hits' headlines and snippets, the words that matched in <mark>,
    in one query however many hits there are."""
    terms = " ".join(words(terms)[:MAX_WORDS])
    if hits and terms:
        if connection.vendor == "postgresql":
            _highlight_postgres(terms, hits)
        else:
            _highlight_sqlite(terms, hits)
    return hits
