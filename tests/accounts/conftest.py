from __future__ import annotations

import pytest

from ..factories import ArticlePageFactory


@pytest.fixture
def story(newsroom):
    return ArticlePageFactory(parent=newsroom["cl"], title="Storm cuts power")
