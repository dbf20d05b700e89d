"""What a username may be: letters of one alphabet, digits and . _ -, and nothing
that passes for a letter it is not.

A username names a person wherever they write (comments, bylines, the People
screen), so it must read as what it is: "admin" spelt with a Cyrillic a
(U+0430) reads as `admin`, and so does `admin` with an invisible joiner inside
it. Usernames are normalised to NFKC first (as Django does), which turns full-width and other
compatibility forms into the plain letters they show. Then every character must
be a letter, a digit 0-9 or one of . _ -; the letters must come from one script
(Latin with its accents, as in `núñez`, is one script); and no character may
look like a Latin letter or digit without being one (Cyrillic a, Greek o, the
Latin dotless i), whichever script it belongs to. Unicode's own data says which
characters belong to which script and which look alike (confusable_homoglyphs).
"""

from __future__ import annotations

import unicodedata

from confusable_homoglyphs import categories, confusables
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PUNCTUATION = frozenset("._-")
DIGITS = frozenset("0123456789")
# Letters in Unicode's own terms that show nothing: the Hangul fillers.
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")


def normalize_username(username: str) -> str:
    return unicodedata.normalize("NFKC", username)


def _is_invisible(char: str) -> bool:
    # Control, format (joiners, direction marks, soft hyphen), private-use,
    # surrogate and unassigned code points, and the blank letters.
    return unicodedata.category(char).startswith("C") or char in BLANK_LETTERS


def _latin_look_alike(char: str) -> str | None:
    """The plain Latin letters or digits the character passes for, if any."""
    for found in confusables.is_confusable(char, greedy=True) or []:
        for homoglyph in found["homoglyphs"]:
            if homoglyph["c"].isascii() and homoglyph["c"].isalnum():
                return homoglyph["c"]
    return None


def validate_username(value: str) -> None:
    username = normalize_username(value)
    for char in username:
        if _is_invisible(char):
            raise ValidationError(
                _("A username cannot contain invisible characters (here U+%(code)04X).")
                % {"code": ord(char)},
                code="invisible",
            )
        if not (char.isalpha() or char in DIGITS or char in PUNCTUATION):
            raise ValidationError(
                _("A username may contain only letters, digits and . _ -, not “%(char)s”.")
                % {"char": char},
                code="character",
            )
    for char in username:
        if not char.isascii() and (look_alike := _latin_look_alike(char)):
            raise ValidationError(
                _(
                    "“%(char)s” looks like “%(look_alike)s” but is a different character, "
                    "so it cannot be used in a username."
                )
                % {"char": char, "look_alike": look_alike},
                code="confusable",
            )
    scripts = categories.unique_aliases(username) - {"COMMON"}
    if len(scripts) > 1:
        raise ValidationError(
            _("A username must use the letters of one alphabet; this one mixes %(scripts)s.")
            % {"scripts": " and ".join(sorted(script.title() for script in scripts))},
            code="mixed_scripts",
        )


# ACCOUNT_USERNAME_VALIDATORS names this list.
username_validators = [validate_username]
