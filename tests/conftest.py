"""Shared fixtures: a small newsroom and its people.

The personas, as in the rest of the suite:
- `editor`: edits the España and Chile editions;
- `reporter`: reports for Chile only;
- `chief`: edition admin of Chile only (manages Chile's people);
- `reader`: a signed-up reader with no newsroom role;
- `admin`: a site admin, who holds every edition.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connections

from dateline.editions.roles import ensure_edition_groups

from .factories import make_site_tree

EDITIONS = [
    ("es", "España", "es-ES", "Europe/Madrid"),
    ("cl", "Chile", "es-CL", "America/Santiago"),
    ("us", "USA", "en-US", "America/New_York"),
    ("mx", "México", "es-MX", "America/Mexico_City"),
]


@pytest.fixture(scope="session", autouse=True)
def _close_connection_pools(django_db_setup, django_db_blocker):
    """Closes PostgreSQL's connection pool, and every other session on the test
    database, before the test database is dropped.

    Tests run database work in worker threads (`sync_to_async`), whose
    connections outlive their threads and sit in the process's pool; left open
    they keep the test database busy and it cannot be dropped.
    """
    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            if connection.vendor != "postgresql":
                continue
            connection.close()
            if connection.alias in type(connection)._connection_pools:
                connection.close_pool()
            # From the server's maintenance database: no pool, and no session of our own.
            with connection._nodb_cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    [connection.settings_dict["NAME"]],
                )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Django's default hasher spends half a second on every password on purpose; the
    # suite creates and signs in people hundreds of times, and hashing is not under test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache.

    Rate limits (sign-up, sign-in, comments), the page cache's generation, the
    newsroom clock and Wagtail's cached site roots and renditions live there; on
    Redis they would outlive a test, and the whole run, and leak into the next.
    On Redis this empties the whole database REDIS_URL names (FLUSHDB): give the
    suite one of its own, as `make test-postgres` does (database 15).
    """
    cache.clear()


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _plain_static(settings):
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def newsroom(db):
    """Home page and four editions: España, Chile, USA and México."""
    return make_site_tree(EDITIONS)


def _person(username, *groups, **flags):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", "correct horse battery", **flags
    )
    user.groups.add(*groups)
    return user


@pytest.fixture
def editor(newsroom):
    return _person(
        "editor",
        ensure_edition_groups(newsroom["es"])["editors"],
        ensure_edition_groups(newsroom["cl"])["editors"],
    )


@pytest.fixture
def reporter(newsroom):
    return _person("reporter", ensure_edition_groups(newsroom["cl"])["reporters"])


@pytest.fixture
def chief(newsroom):
    return _person("chief", ensure_edition_groups(newsroom["cl"])["admins"])


@pytest.fixture
def reader(db):
    return _person("reader")


@pytest.fixture
def admin(db):
    return _person("admin", is_staff=True, is_superuser=True)


@pytest.fixture(scope="session", autouse=True)
def _short_lived_connections():
    # Live delivery reads the database from worker threads; with persistent
    # connections those would outlive the test database.
    connections["default"].settings_dict["CONN_MAX_AGE"] = 0
