"""One address holds at most DATELINE_LIVE_MAX_STREAMS_PER_IP streams in a process."""

from __future__ import annotations

import asyncio

import pytest

from ..factories import LiveBlogPageFactory
from .sse import StreamReader

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADDRESS = "203.0.113.7"


@pytest.fixture(autouse=True)
def _cap_of_two(settings):
    settings.LIVE_MAX_STREAMS_PER_IP = 2


async def open_streams(blog_id: int, count: int, address: str = ADDRESS, **kwargs):
    readers = [StreamReader(blog_id, address=address, **kwargs).start() for _ in range(count)]
    await StreamReader.wait_for_readers(count)
    return readers


async def refused(reader: StreamReader) -> StreamReader:
    await asyncio.wait_for(reader.ended.wait(), 5)
    await reader.close()
    return reader


def one_past_the_cap(blog_id: int, address: str = ADDRESS, **kwargs) -> StreamReader:
    async def scenario():
        held = await open_streams(blog_id, 2, **kwargs)
        extra = await refused(StreamReader(blog_id, address=address, **kwargs).start())
        for reader in held:
            await reader.close()
        return extra

    return asyncio.run(scenario())


def test_a_stream_past_the_cap_of_its_address_is_refused(blog):
    assert one_past_the_cap(blog.pk).status == 429


def test_a_refused_stream_is_a_problem(blog):
    reader = one_past_the_cap(blog.pk)
    assert reader.headers[b"content-type"] == b"application/problem+json"


def test_a_refused_stream_says_when_to_try_again(blog):
    assert one_past_the_cap(blog.pk).headers[b"retry-after"] == b"30"


def test_the_cap_counts_streams_of_every_blog(newsroom, blog):
    other = LiveBlogPageFactory(parent=newsroom["cl"])

    async def scenario():
        held = await open_streams(blog.pk, 2)
        extra = await refused(StreamReader(other.pk, address=ADDRESS).start())
        for reader in held:
            await reader.close()
        return extra.status

    assert asyncio.run(scenario()) == 429


def test_a_stream_that_ends_frees_its_place(blog):
    async def scenario():
        first, second = await open_streams(blog.pk, 2)
        await first.close()
        third = StreamReader(blog.pk, address=ADDRESS).start()
        await StreamReader.wait_for_readers(2)
        await second.close()
        await third.close()
        return third.status

    assert asyncio.run(scenario()) == 200


def test_a_stream_refused_for_its_blog_frees_its_place(blog):
    async def scenario():
        for _ in range(3):
            await refused(StreamReader(2**40, address=ADDRESS).start())
        readers = await open_streams(blog.pk, 2)
        for reader in readers:
            await reader.close()
        return [reader.status for reader in readers]

    assert asyncio.run(scenario()) == [200, 200]


def test_other_addresses_are_not_held_back_by_one_over_its_cap(blog):
    async def scenario():
        held = await open_streams(blog.pk, 2)
        other = StreamReader(blog.pk, address="198.51.100.9").start()
        await StreamReader.wait_for_readers(3)
        for reader in [*held, other]:
            await reader.close()
        return other.status

    assert asyncio.run(scenario()) == 200


def test_a_cap_of_zero_admits_any_number_of_streams(blog, settings):
    settings.LIVE_MAX_STREAMS_PER_IP = 0

    async def scenario():
        readers = await open_streams(blog.pk, 5)
        for reader in readers:
            await reader.close()
        return [reader.status for reader in readers]

    assert asyncio.run(scenario()) == [200] * 5


def test_behind_a_trusted_proxy_the_cap_counts_the_readers_own_address(blog, settings):
    settings.TRUSTED_PROXIES = 1
    proxy = "192.0.2.10"  # every stream arrives from the proxy

    async def scenario():
        readers = []
        for n in range(3):
            forwarded = ((b"x-forwarded-for", f"198.51.100.{n}".encode()),)
            readers.append(StreamReader(blog.pk, address=proxy, headers=forwarded).start())
        await StreamReader.wait_for_readers(3)
        for reader in readers:
            await reader.close()
        return [reader.status for reader in readers]

    assert asyncio.run(scenario()) == [200] * 3
