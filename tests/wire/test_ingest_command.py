"""dateline ingest PATH_OR_URL…"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dateline.wire.models import WireItem

pytestmark = pytest.mark.django_db


def ingest(*args) -> str:
    out = StringIO()
    call_command("ingest", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_a_folder_is_imported_and_counted(samples_dir):
    # 3 ninjs, 1 XHTML item, a message of 2 (and a concept refused), a package,
    # NITF, 2 RSS items and 1 Atom entry.
    assert ingest(str(samples_dir)) == "11 created, 0 updated, 0 unchanged, 1 refused.\n"


def test_a_picture_beside_the_item_is_stored_with_the_items_credit(samples_dir):
    ingest(str(samples_dir / "ninjs-1.json"))
    photo = WireItem.objects.get().photos.get()
    assert (photo.photographer, photo.agency) == ("Tom Field", "Harbour News Agency")


def test_importing_twice_changes_nothing(samples_dir):
    ingest(str(samples_dir / "nitf.xml"))
    assert ingest(str(samples_dir / "nitf.xml")).startswith("0 created, 0 updated, 1 unchanged")


def test_a_missing_path_names_the_fix(tmp_path):
    with pytest.raises(CommandError, match="neither a file, a folder nor an http"):
        ingest(str(tmp_path / "nowhere.xml"))


def test_a_file_with_only_bad_items_fails_with_its_reason(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"uri": "x"')
    with pytest.raises(CommandError, match="Nothing was imported"):
        ingest(str(bad))


def test_an_unknown_provider_lists_the_known_ones(samples_dir):
    with pytest.raises(CommandError, match="No wire provider 'nope'"):
        ingest(str(samples_dir / "nitf.xml"), "--provider", "nope")
