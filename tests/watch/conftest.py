"""Fixtures for the watch tests: the local site, a resolver that knows the test names, a guard that opens only the
site's loopback address, and a client with short timeouts and no politeness delay."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from feed_site import FAST, FakeResolver, Site

from kronika.watch import AddressGuard, PoliteClient


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        yield s


@pytest.fixture
def resolver() -> FakeResolver:
    return FakeResolver()


@pytest.fixture
def guard(resolver: FakeResolver) -> AddressGuard:
    return AddressGuard(resolver=resolver, allowed=["127.0.0.1/32"])


@pytest.fixture
def client(guard: AddressGuard) -> Iterator[PoliteClient]:
    with PoliteClient(FAST, guard) as c:
        yield c
