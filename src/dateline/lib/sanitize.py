"""The allow-list sanitiser every piece of user-supplied HTML goes through."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import nh3

POST_TAGS = {"p", "br", "a", "strong", "em", "b", "i", "blockquote", "cite", "q", "ul", "ol", "li"}
POST_ATTRIBUTES = {"a": {"href", "title"}, "p": {"class"}}
URL_SCHEMES = {"http", "https", "mailto"}

_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def clean_html(markup: str) -> str:
    """Keeps only allowed tags, attributes and URL schemes; drops scripts and handlers."""
    return nh3.clean(
        markup,
        tags=POST_TAGS,
        attributes=POST_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )


def _linkify(escaped_line: str) -> str:
    return _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped_line)


def _link_card(url: str) -> str:
    parts = urlsplit(html.unescape(url))
    label = html.escape(parts.netloc + (parts.path if parts.path not in ("", "/") else ""))
    return f'<p class="link-card"><a href="{url}">{label}</a></p>'


# An em dash, an en dash or two hyphens, then who said it.
_SOURCE = re.compile("^(?:\u2014|\u2013|--)\\s*(?=\\S)")


def _quote(block: str) -> str:
    """Lines starting with ">" as a quotation; a last line "— Name" (or "-- Name") is its source."""
    lines = [line.strip() for line in block.split("\n")]
    source = ""
    if len(lines) > 1 and _SOURCE.match(lines[-1]):
        source = _SOURCE.sub("", lines.pop())
    quoted = [re.sub(r"^&gt;\s?", "", line) for line in lines]
    body = "<p>" + "<br>".join(_linkify(line) for line in quoted) + "</p>"
    if source:
        body += f"<p>— <cite>{source}</cite></p>"
    return f"<blockquote>{body}</blockquote>"


def text_to_html(text: str) -> str:
    """Plain text to HTML: paragraphs at blank lines, links made clickable, a URL
    alone on its own line shown as a link card, and a paragraph whose lines start
    with ">" shown as a quotation. HTML typed by the writer is kept only as far
    as the allow-list lets it through."""
    text = text.replace("\r\n", "\n").strip()
    if _TAG.search(text):
        return clean_html(text)
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        escaped = html.escape(block.strip(), quote=True)
        if _URL.fullmatch(escaped):
            paragraphs.append(_link_card(escaped))
        elif escaped.startswith("&gt;"):
            paragraphs.append(_quote(escaped))
        else:
            paragraphs.append(
                "<p>" + "<br>".join(_linkify(line) for line in escaped.split("\n")) + "</p>"
            )
    return clean_html("".join(paragraphs))


def comment_to_html(text: str) -> str:
    """A reader's comment: plain text only, paragraphs kept, URLs made links that
    search engines do not follow. Nothing the reader typed is ever markup."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        escaped = html.escape(block.strip(), quote=True)
        paragraphs.append(
            "<p>" + "<br>".join(_linkify(line) for line in escaped.split("\n")) + "</p>"
        )
    return nh3.clean(
        "".join(paragraphs),
        tags={"p", "br", "a"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="nofollow ugc noopener",
    )


_BLOCK_END = re.compile(r"</(?:p|blockquote|li)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(markup: str) -> str:
    """The text a reader sees in sanitised HTML, for places that take no markup
    (structured data, headlines): a line per paragraph, break or list item, and
    character references decoded."""
    text = html.unescape(nh3.clean(_BLOCK_END.sub("\n", markup), tags=set()))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


ARTICLE_TAGS = POST_TAGS | {"h2", "h3", "h4"}


def clean_article_html(markup: str) -> str:
    """Text from outside the newsroom (an agency's item) kept to what an article's
    body holds: the post allow-list plus subheads."""
    return nh3.clean(
        markup,
        tags=ARTICLE_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )
