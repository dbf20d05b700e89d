"""The reader's address is read through the configured number of trusted proxies, no further."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from dateline.lib.addresses import client_ip, client_ip_of_scope


def _request(forwarded_for=None, peer="10.0.0.1"):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=peer, **headers)


def test_without_trusted_proxies_a_forwarded_address_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_ip(_request("203.0.113.7")) == "10.0.0.1"


def test_behind_one_proxy_the_address_it_saw_counts(settings):
    settings.TRUSTED_PROXIES = 1
    assert client_ip(_request("203.0.113.7")) == "203.0.113.7"


def test_an_address_the_client_wrote_itself_is_not_believed(settings):
    settings.TRUSTED_PROXIES = 1
    assert client_ip(_request("198.51.100.66, 203.0.113.7")) == "203.0.113.7"


def test_behind_two_proxies_the_outer_one_names_the_reader(settings):
    settings.TRUSTED_PROXIES = 2
    assert client_ip(_request("198.51.100.66, 203.0.113.7, 10.0.0.9")) == "203.0.113.7"


@pytest.mark.parametrize("forwarded_for", ["", "not-an-address", "203.0.113.7"])
def test_a_header_that_does_not_fit_the_proxies_falls_back_to_the_connection(
    settings, forwarded_for
):
    settings.TRUSTED_PROXIES = 2
    assert client_ip(_request(forwarded_for)) == "10.0.0.1"


def test_the_live_stream_reads_the_same_address(settings):
    settings.TRUSTED_PROXIES = 1
    scope = {"client": ("10.0.0.1", 5000), "headers": [(b"x-forwarded-for", b"203.0.113.7")]}
    assert client_ip_of_scope(scope) == "203.0.113.7"
