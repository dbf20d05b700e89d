from __future__ import annotations

import pytest

from dateline.live import broker, fanout

from ..factories import LiveBlogPageFactory


@pytest.fixture(autouse=True)
def _fresh_broker():
    # Each test runs its own event loop; a broker or hub from another loop is stale.
    broker.reset_broker()
    fanout._hubs.clear()
    yield
    broker.reset_broker()
    fanout._hubs.clear()


@pytest.fixture
def blog(newsroom):
    """A published live blog in Chile, where `reporter` and `editor` may post."""
    return LiveBlogPageFactory(parent=newsroom["cl"], title="Storm: live")
