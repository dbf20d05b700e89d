"""dateline poll_wire [PROVIDER…]: what a scheduler runs every few minutes."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dateline.wire.models import Provider, WireItem

from .conftest import sample

pytestmark = pytest.mark.django_db


def test_a_due_folder_provider_is_polled(tmp_path):
    (tmp_path / "nitf.xml").write_bytes(sample("nitf.xml"))
    Provider.objects.create(name="Drop", slug="drop", kind="folder", path=str(tmp_path))
    call_command("poll_wire", stdout=StringIO())
    assert WireItem.objects.count() == 1


def test_a_missing_folder_is_noted_on_the_provider(tmp_path):
    Provider.objects.create(name="Drop", slug="drop", kind="folder", path=str(tmp_path / "no"))
    call_command("poll_wire", "drop", stdout=StringIO())
    assert "does not exist" in Provider.objects.get(slug="drop").last_error


def test_an_unknown_provider_is_named():
    with pytest.raises(CommandError, match="No wire provider nope"):
        call_command("poll_wire", "nope", stdout=StringIO())
