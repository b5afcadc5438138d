"""The SSRF guard: which addresses are refused, that a connection goes to the address that was checked, and that
every redirect hop is checked again. Through an injected resolver and network backend: no real DNS."""

from __future__ import annotations

import ipaddress

import httpcore
import pytest
from feed_site import FAST, FakeResolver

from kronika.watch import AddressGuard, BlockedAddress, FetchError, PoliteClient
from kronika.watch.guard import GuardedBackend, address_problem


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.1.1", "link-local"),
        ("169.254.169.254", "cloud metadata"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fd12:3456::1", "private"),
        ("ff02::1", "multicast"),
        ("fd00:ec2::254", "cloud metadata"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:169.254.169.254", "cloud metadata"),
        ("2002:a00:1::", "private"),  # 6to4 carrying 10.0.0.1
        ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "private"),  # Teredo, client 10.0.0.1
        ("93.184.216.34", None),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_classes(address: str, expected: str | None) -> None:
    why = address_problem(ipaddress.ip_address(address))
    if expected is None:
        assert why is None
    else:
        assert why is not None and expected in why


def test_a_name_with_any_private_address_is_refused() -> None:
    guard = AddressGuard(resolver=FakeResolver())
    assert guard.addresses("public.test", 443) == ["93.184.216.34"]
    with pytest.raises(BlockedAddress, match=r"mixed.test resolves to 10\.0\.0\.7, a private address"):
        guard.addresses("mixed.test", 443)
    with pytest.raises(BlockedAddress, match="127.0.0.1 is a loopback address"):
        guard.addresses("127.0.0.1", 80)
    with pytest.raises(BlockedAddress, match="::1 is a loopback"):
        guard.addresses("[::1]", 80)


def test_allow_private_lifts_the_guard_but_not_for_cloud_metadata() -> None:
    guard = AddressGuard(allow_private=True, resolver=FakeResolver())
    assert guard.addresses("internal.test", 80) == ["10.0.0.5"]
    assert guard.addresses("127.0.0.1", 80) == ["127.0.0.1"]
    with pytest.raises(BlockedAddress, match="cloud metadata"):
        guard.addresses("metadata.test", 80)


def test_an_allowed_network_opens_exactly_that_network() -> None:
    guard = AddressGuard(resolver=FakeResolver(), allowed=["127.0.0.1/32"])
    assert guard.addresses("127.0.0.1", 80) == ["127.0.0.1"]
    with pytest.raises(BlockedAddress):
        guard.addresses("127.0.0.2", 80)
    with pytest.raises(BlockedAddress):
        guard.addresses("::1", 80)


class RecordingBackend(httpcore.NetworkBackend):
    """Stands in for the socket layer: records where connections go, never opens one."""

    def __init__(self) -> None:
        self.connected: list[tuple[str, int]] = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # noqa: ANN001
        self.connected.append((host, port))
        raise httpcore.ConnectError("recording backend: no network")


class RebindingResolver:
    """A DNS answer that changes: public when asked first, loopback afterwards."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return ["93.184.216.34"] if self.calls == 1 else ["127.0.0.1"]


def test_the_connection_goes_to_the_checked_address_and_a_rebound_name_is_refused() -> None:
    resolver = RebindingResolver()
    inner = RecordingBackend()
    backend = GuardedBackend(AddressGuard(resolver=resolver), inner)
    with pytest.raises(httpcore.ConnectError):
        backend.connect_tcp("news.example", 443)
    assert inner.connected == [("93.184.216.34", 443)]  # the checked address, not the name
    assert resolver.calls == 1  # one lookup per connection: nothing to rebind between check and connect
    with pytest.raises(BlockedAddress, match="loopback"):
        backend.connect_tcp("news.example", 443)
    assert inner.connected == [("93.184.216.34", 443)]  # the rebound answer never reached the socket layer


def test_a_literal_address_is_checked_without_a_lookup() -> None:
    resolver = FakeResolver()
    inner = RecordingBackend()
    backend = GuardedBackend(AddressGuard(resolver=resolver), inner)
    with pytest.raises(BlockedAddress, match="10.0.0.1 is a private address"):
        backend.connect_tcp("10.0.0.1", 80)
    assert resolver.asked == [] and inner.connected == []


def test_the_client_connects_through_the_guard(site, resolver) -> None:
    """news.test is no real name: the request reaches the site only because the guard resolved it and connected
    to 127.0.0.1 itself; the Host header still names news.test."""
    site.static("/hello", "hi", "text/plain")
    with PoliteClient(FAST, AddressGuard(resolver=resolver, allowed=["127.0.0.1/32"])) as client:
        fetched = client.fetch(site.url("/hello"))
    assert fetched.content == b"hi"
    assert site.requests("/hello")[0].headers["host"] == f"news.test:{site.port}"
    assert resolver.asked == ["news.test"]


def test_without_the_allowance_the_local_site_is_refused_before_any_request(site, resolver) -> None:
    site.static("/hello", "hi", "text/plain")
    with PoliteClient(FAST, AddressGuard(resolver=resolver)) as client, \
            pytest.raises(FetchError, match="resolves to 127.0.0.1, a loopback address: refused"):
        client.fetch(site.url("/hello"))
    assert site.log == []


@pytest.mark.parametrize(
    ("location", "why"),
    [
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://metadata.test/computeMetadata/v1/", "cloud metadata"),
        ("http://internal.test/admin", "private"),
        ("http://127.0.0.2:8080/", "loopback"),
        ("http://[::1]:8080/", "loopback"),
    ],
)
def test_every_redirect_hop_is_checked(site, client, resolver, location, why) -> None:
    site.redirect("/go", location)
    with pytest.raises(FetchError, match=why) as info:
        client.fetch(site.url("/go"))
    assert info.value.reason.startswith(f"redirect to {location}")
    assert len(site.log) == 1  # the site saw the first request; the target saw none


def test_proxies_from_the_environment_are_not_used(site, client, monkeypatch) -> None:
    """A proxy would make the connection for us, past the guard."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, "http://10.9.9.9:3128")
    site.static("/hello", "hi", "text/plain")
    with PoliteClient(FAST, client.guard) as fresh:
        assert fresh.fetch(site.url("/hello")).content == b"hi"
