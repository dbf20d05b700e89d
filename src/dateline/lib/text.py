"""What counts as text a person wrote: the one check every text write makes.

A post, comment, summary, update, correction or reason is refused, with a
message saying why, when it holds a NUL or a lone surrogate (neither is text,
and databases refuse or silently drop them), or when nothing in it would be
visible: only spaces, zero-width characters or direction controls.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.formats import number_format

# Invisible on their own: format characters (zero-width spaces and joiners,
# direction marks and controls, the BOM…), controls, and separators.
_INVISIBLE = {"Cf", "Cc", "Zs", "Zl", "Zp"}


def has_visible_character(text: str) -> bool:
    return any(unicodedata.category(char) not in _INVISIBLE for char in text)


def not_text(value: str) -> str | None:
    """Why the string is not text (a NUL, a lone surrogate), or None if it is."""
    if "\x00" in value:
        return "contains a NUL character"
    if any(unicodedata.category(char) == "Cs" for char in value):
        return "contains a lone surrogate, which is not valid Unicode"
    return None


def checked_text(text: str | None, field: str, empty: str, *, required: bool = True) -> str:
    """The text stripped of surrounding space, or a ValidationError on `field`.

    `empty` is the message when nothing visible was written. Text that is not
    `required` may be empty (it clears the field), but not invisible.
    """
    text = (text or "").strip()
    problem = not_text(text)
    if problem:
        raise ValidationError({field: f"The text {problem}; remove it and try again."})
    if (required or text) and not has_visible_character(text):
        raise ValidationError({field: empty})
    return text


def grouped(number: int) -> str:
    """A count as the active language writes it: 2,000; 2.000; 2 000."""
    return number_format(number, force_grouping=True)
