"""Calling the API as a client does: tokens, bearer headers, problem details."""

from __future__ import annotations


def token_for(client, username: str) -> str:
    response = client.post(
        "/api/v1/auth/token",
        {"username": username, "password": "correct horse battery"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def assert_problem(response, status: int) -> dict:
    """The response is an RFC 9457 problem with this status, and says what went wrong."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"]
    return body
