"""`--background` hands the import to the job engine."""

from __future__ import annotations

import pytest

from dateline.articles.models import ArticlePage

from ..jobs.support import run_ready_jobs
from .support import export, import_wordpress

pytestmark = pytest.mark.django_db


def test_a_background_import_waits_for_a_worker(newsroom, tmp_path):
    import_wordpress(export(tmp_path), "--background")
    assert not ArticlePage.objects.exists()


def test_a_background_import_is_done_by_a_worker(newsroom, tmp_path):
    import_wordpress(export(tmp_path), "--background")
    run_ready_jobs()
    assert ArticlePage.objects.count() == 5
