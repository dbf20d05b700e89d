"""The API does what its OpenAPI document says, checked by property-based tests.

schemathesis generates requests for every read endpoint from the document
(valid and invalid parameters alike) and checks each answer: no server error,
a documented status and content type, a body matching its schema. The number
of examples is bounded so the suite stays fast.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.config._checks import PositiveDataAcceptanceConfig
from wagtail.models import APIToken

from dateline.api.api import api
from dateline.live import actions
from dateline.wire.ingest import PUSH_PROVIDER, default_provider, receive_document

from ..conftest import fetch_newsroom, fetch_persona
from ..wire.conftest import OURS as SAMPLES
from .conftest import build_desk

EXAMPLES = 25
BOUNDED = settings(
    max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)


READ_PATHS = [
    path for path, operations in api.get_openapi_schema()["paths"].items() if "get" in operations
]


@pytest.fixture
def wsgi_app():
    """Django's WSGI application, kept from closing the test's database
    connection after each request (as Django's own test client does)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def real_ids(module_transaction) -> dict:
    """What the conformance tests read: the morning's desk and three live posts,
    built once for the module (hundreds of generated requests read them; see
    `module_transaction`). Returns real ids to call each read with."""
    desk, editor = build_desk(fetch_newsroom()), fetch_persona("editor")
    for n in range(3):
        actions.do_publish_post(desk["blog"], editor, f"Post {n}")
    pushed = receive_document(
        default_provider(PUSH_PROVIDER), (SAMPLES / "ninjs-1.json").read_bytes()
    )
    return {
        "item_id": pushed.received[0].item.pk,
        "slug": "es",
        "topic_id": desk["topic"].pk,
        "story_id": desk["lead"].pk,
        "article_id": desk["lead"].pk,
        "blog_id": desk["blog"].pk,
    }


@pytest.fixture(autouse=True)
def _isolated_media():
    """The desk's photo stays where the module made it (see `real_ids`)."""


@pytest.fixture
def document(db, real_ids, wsgi_app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)


@pytest.mark.parametrize("path", READ_PATHS)
def test_read_endpoint_conforms_to_the_document(document, path):
    operation = document[path]["GET"]

    @given(case=operation.as_strategy())
    @BOUNDED
    def conforms(case):
        case.call_and_validate()

    conforms()


# Every request reads the site it is for (once per process and publication).
@pytest.mark.django_db
def test_document_is_openapi_3_1_and_names_every_part_of_the_api(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    for path in (
        "/api/v1/editions/",
        "/api/v1/editions/{slug}/front-page",
        "/api/v1/topics/{topic_id}/stories",
        "/api/v1/stories/",
        "/api/v1/articles/{article_id}",
        "/api/v1/liveblogs/{blog_id}/stream",
        "/api/v1/stories/{story_id}/comments",
        "/api/v1/wire/items",
        "/api/v1/wire/items/{item_id}",
        "/api/v1/wire/items/{item_id}/story",
    ):
        assert path in document["paths"], path


def test_real_objects_conform_to_the_document(document, real_ids):
    # Generated ids rarely name a real story: call each read once with real ones.
    checked = 0
    for operation in document.include(method="GET").get_all_operations():
        operation = operation.ok()
        names = [p.name for p in operation.path_parameters]
        query = {"q": "Apagón"} if operation.path == "/api/v1/search/" else None
        case = operation.Case(path_parameters={name: real_ids[name] for name in names}, query=query)
        # The wire is the newsroom's: read it with a newsroom token.
        token = APIToken.create_token(user=fetch_persona("editor"), name="wire")[1]
        headers = {"Authorization": f"Bearer {token}"} if "/wire/" in operation.path else None
        response = case.call_and_validate(headers=headers)
        assert response.status_code == 200, (operation.path, response.text)
        checked += 1
    assert checked == len(READ_PATHS)


WRITES = [
    (path, method.upper())
    for path, operations in api.get_openapi_schema()["paths"].items()
    for method in operations
    if method in ("post", "patch", "delete") and path != "/api/v1/auth/token"
]


@pytest.mark.parametrize(("path", "method"), WRITES)
def test_write_endpoint_with_a_newsroom_token_conforms_to_the_document(
    editor, document, path, method
):
    # Text the schema allows may still be refused for what it says (empty once
    # trimmed, nothing visible, too long for the setting): 422, documented as such.
    document.config.checks.positive_data_acceptance = PositiveDataAcceptanceConfig(
        expected_statuses=["2xx", "401", "403", "404", "409", "422", "429"]
    )
    operation = document[path][method]
    headers = {"Authorization": f"Bearer {APIToken.create_token(user=editor, name='test')[1]}"}

    @given(case=operation.as_strategy())
    @BOUNDED
    def conforms(case):
        case.call_and_validate(headers=headers)

    conforms()
