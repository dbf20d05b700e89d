"""Database reads from the asynchronous stream and fan-out code."""

from __future__ import annotations

from asgiref.sync import sync_to_async
from django.db import close_old_connections


def _then_tidy(func):
    def run(*args):
        try:
            return func(*args)
        finally:
            # These threads serve no request, so nothing else ages their
            # connection out: honour CONN_MAX_AGE and health checks here.
            close_old_connections()

    return run


async def read(func, *args):
    """Runs a database read in a worker thread."""
    return await sync_to_async(_then_tidy(func), thread_sensitive=False)(*args)
