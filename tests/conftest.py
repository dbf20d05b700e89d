"""Shared fixtures: a small newsroom and its people.

The personas, as in the rest of the suite:
- `editor`: edits the España and Chile editions;
- `reporter`: reports for Chile only;
- `chief`: edition admin of Chile only (manages Chile's people);
- `reader`: a signed-up reader with no newsroom role;
- `admin`: a site admin, who holds every edition.

The newsroom and the personas are built once, when the test database is made,
and committed; every test starts from them. A test runs in a transaction that is
rolled back, so it may change them freely; a transactional test empties the
database when it ends and the next one restores them (`serialized_rollback`).
The fixtures below fetch fresh instances for each test, so no object carries
one test's state into the next.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test import override_settings

from dateline.editions.models import EditionPage, HomePage
from dateline.editions.roles import ensure_edition_groups

from .factories import make_site_tree

if TYPE_CHECKING:
    from django.contrib.auth.models import User

EDITIONS = [
    ("es", "España", "es-ES", "Europe/Madrid"),
    ("cl", "Chile", "es-CL", "America/Santiago"),
    ("us", "USA", "en-US", "America/New_York"),
    ("mx", "México", "es-MX", "America/Mexico_City"),
]
# Django's default hasher spends half a second on every password on purpose; the
# suite creates and signs in people hundreds of times, and hashing is not under test.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The test database as migrations left it, before the shared newsroom was added.
_as_migrated: dict[str, str] = {}


def _person(username, *groups, **flags):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", "correct horse battery", **flags
    )
    user.groups.add(*groups)
    return user


def _build_newsroom() -> None:
    """The newsroom and the personas. Every edition has its groups and review
    workflow, as the product gives each new one."""
    tree = make_site_tree(EDITIONS)
    groups = {slug: ensure_edition_groups(tree[slug]) for slug, *_ in EDITIONS}
    _person("editor", groups["es"]["editors"], groups["cl"]["editors"])
    _person("reporter", groups["cl"]["reporters"])
    _person("chief", groups["cl"]["admins"])
    _person("reader")
    _person("admin", is_staff=True, is_superuser=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the shared newsroom and the personas committed in it."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        _as_migrated[connection.alias] = connection.creation.serialize_db_to_string()
        with transaction.atomic():
            _build_newsroom()
        # What a test marked `serialized_rollback` restores at its start, after a
        # transactional test before it emptied the database.
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield


@pytest.fixture(scope="session")
def restore_migrated_database(django_db_setup):
    """A function that empties the test database back to what migrations left in
    it (Wagtail's root page and default Site, permissions…): no newsroom, no personas.

    For the demo, which builds its own newsroom where there was none.
    """

    def restore() -> None:
        # As a transactional test's end does; resetting the sequences would hand
        # out again the ids of the rows restored below.
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        connection.creation.deserialize_db_from_string(_as_migrated[connection.alias])

    return restore


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker, tmp_path_factory):
    """For a module whose tests all read data too costly to build for each: a
    transaction around the whole module, in which the module's own fixture builds
    that data once (the database is open to it), rolled back when the module is
    done. Each test's transaction is a savepoint inside it, so what one test
    changes the next does not see: the tests must ask for the database (`db`).

    Photos made there are kept in a media folder of the module's: such a module
    overrides `_isolated_media`, which would give each test an empty one.
    """
    media = tmp_path_factory.mktemp("module-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_PASSWORD_HASHERS),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)


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
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS


@pytest.fixture(scope="session", autouse=True)
def _keys_of_this_worker():
    """Cache keys and live channels of this test process's own.

    The suite runs in several processes at once (pytest-xdist), each with its own
    test database; on one Redis, they would read and empty each other's keys and
    hear each other's live blogs, whose ids are the same in every database.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    caches_ = {
        alias: {**options, "KEY_PREFIX": f"{options.get('KEY_PREFIX') or 'dateline'}-{worker}"}
        for alias, options in django_settings.CACHES.items()
    }
    channels = f"{django_settings.LIVE_CHANNEL_PREFIX}-{worker}"
    with override_settings(CACHES=caches_, LIVE_CHANNEL_PREFIX=channels):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache(_keys_of_this_worker):
    """Every test starts with an empty cache.

    Rate limits (sign-up, sign-in, comments), the page cache's generation, the
    newsroom clock and Wagtail's cached site roots and renditions live there; on
    Redis they would outlive a test, and the whole run, and leak into the next.
    On Redis this deletes this process's keys only (see `_keys_of_this_worker`),
    in the database REDIS_URL names: give the suite one of its own, as
    `make test-postgres` does (database 15).
    """
    for cache in caches.all():
        if isinstance(cache, RedisCache):
            client = cache._cache.get_client(write=True)
            keys = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
            if keys:
                client.delete(*keys)
        else:
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


def fetch_newsroom() -> dict:
    """The shared home page and editions, as fresh instances."""
    home = HomePage.objects.get()
    editions = {edition.slug: edition for edition in EditionPage.objects.child_of(home)}
    return {"home": home, **{slug: editions[slug] for slug, *_ in EDITIONS}}


def fetch_persona(username: str) -> User:
    return get_user_model().objects.get(username=username)


@pytest.fixture
def newsroom(db) -> dict:
    """Home page and four editions: España, Chile, USA and México."""
    return fetch_newsroom()


@pytest.fixture
def editor(db):
    return fetch_persona("editor")


@pytest.fixture
def reporter(db):
    return fetch_persona("reporter")


@pytest.fixture
def chief(db):
    return fetch_persona("chief")


@pytest.fixture
def reader(db):
    return fetch_persona("reader")


@pytest.fixture
def admin(db):
    return fetch_persona("admin")


@pytest.fixture(scope="session", autouse=True)
def _short_lived_connections():
    # Live delivery reads the database from worker threads; with persistent
    # connections those would outlive the test database.
    connections["default"].settings_dict["CONN_MAX_AGE"] = 0
