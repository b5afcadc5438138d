"""The SSRF guard: kronika only connects to public addresses, and only to the address it checked.

A feed is outside input: its item links, and the redirects its server sends, may point anywhere, including the
machine kronika runs on (127.0.0.1, a local admin page), the user's network (10.x, 192.168.x) or a cloud
provider's metadata service (169.254.169.254), where a request leaks credentials. So every connection goes
through `GuardedBackend`, the network backend under httpx: it resolves the host itself, refuses the connection
when any address the name resolves to is not public, and connects to the checked address (the name is never
resolved a second time, so a DNS answer that changes between check and connect cannot slip through). TLS still
verifies the certificate against the host name. Redirects open new connections, so each hop is checked again.

Refused: loopback, private (RFC 1918, unique local fc00::/7), link-local (169.254.0.0/16, fe80::/10),
carrier-grade NAT, multicast, reserved, unspecified, documentation ranges; IPv4 inside IPv6 (::ffff:a.b.c.d,
6to4, Teredo) is judged by the IPv4 address it carries. `allow_private=True` (`--allow-private`) lifts the guard
for feeds on the user's own network, except for the cloud metadata addresses, which are never a news source.
`allowed` lets tests open one exact network (their loopback server) while the rest stays guarded.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

import httpcore

from kronika.errors import KronikaError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Cloud instance metadata services (AWS/GCP/Azure/OpenStack, AWS ECS, AWS IPv6, Alibaba): refused even with
# --allow-private.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")
)


class BlockedAddress(KronikaError):
    """A URL's host is, or resolves to, an address kronika does not connect to; the message says which."""


class Resolver(Protocol):
    """Turns a host name into the IP addresses to try, in order (the seam tests inject)."""

    def __call__(self, host: str, port: int) -> Sequence[str]: ...


def system_resolver(host: str, port: int) -> list[str]:
    """The operating system's resolver (getaddrinfo), addresses in its order, duplicates dropped."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror or exc}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(ip: IPAddress) -> str | None:
    """Why `ip` is not a public address ("a loopback address"), or None when it is one."""
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        why = address_problem(embedded)
        return f"{why} (inside the IPv6 address {ip})" if why else None
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    for test, what in _CLASSES:
        if test(ip):
            return what
    if not ip.is_global:
        return "a special-purpose (non-public) address"
    return None


_CLASSES: tuple[tuple[Callable[[IPAddress], bool], str], ...] = (
    (lambda ip: ip.is_unspecified, "an unspecified address"),
    (lambda ip: ip.is_loopback, "a loopback address"),
    (lambda ip: ip.is_link_local, "a link-local address"),
    (lambda ip: ip.is_multicast, "a multicast address"),
    (lambda ip: ip.is_reserved, "a reserved address"),
    (lambda ip: ip.is_private, "a private address"),
)


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]  # the client's address
    return None


class AddressGuard:
    """Decides which addresses kronika may connect to, and resolves host names for the connection."""

    def __init__(
        self,
        allow_private: bool = False,
        resolver: Resolver = system_resolver,
        allowed: Iterable[str | IPNetwork] = (),
    ) -> None:
        self.allow_private = allow_private
        self.resolver = resolver
        self.allowed = tuple(ipaddress.ip_network(n) if isinstance(n, str) else n for n in allowed)

    def problem(self, ip: IPAddress) -> str | None:
        """Why kronika must not connect to `ip`, or None when it may."""
        if any(ip.version == net.version and ip in net for net in self.allowed):
            return None
        why = address_problem(ip)
        if why is None:
            return None
        if self.allow_private and why != "a cloud metadata address":
            return None
        return why

    def addresses(self, host: str, port: int) -> list[str]:
        """The checked addresses to connect to for `host`; raises BlockedAddress when any of them is refused.

        Any, not all: a name that resolves to both a public and a private address is refused, since which one
        a connection reaches is not kronika's choice.
        """
        host = host.strip("[]")
        literal = _ip_or_none(host)
        candidates = [host] if literal is not None else list(self.resolver(host, port))
        if not candidates:
            raise httpcore.ConnectError(f"cannot resolve {host}: no addresses")
        for address in candidates:
            ip = _ip_or_none(address)
            if ip is None:
                raise BlockedAddress(f"{host} resolved to {address!r}, which is not an IP address")
            why = self.problem(ip)
            if why is not None:
                named = f"{host} is {why}" if literal is not None else f"{host} resolves to {ip}, {why}"
                raise BlockedAddress(f"{named}: refused (--allow-private lifts this for your own network)")
        return candidates

    def check_host(self, host: str, port: int) -> None:
        """Raise BlockedAddress when `host` is or resolves to a refused address (DNS failures pass: they are
        reported when the connection is tried)."""
        with contextlib.suppress(httpcore.ConnectError):
            self.addresses(host, port)


def _ip_or_none(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])  # a zone index (fe80::1%eth0) is not part of it
    except ValueError:
        return None


class GuardedBackend(httpcore.NetworkBackend):
    """An httpcore network backend that connects only to addresses the guard accepted (see the module doc)."""

    def __init__(self, guard: AddressGuard, inner: httpcore.NetworkBackend | None = None) -> None:
        self.guard = guard
        self.inner = inner if inner is not None else httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        error: Exception | None = None
        for address in self.guard.addresses(host, port):
            try:
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc  # the next checked address of the same name, as create_connection would
        assert error is not None
        raise error

    def connect_unix_socket(self, *args: object, **kwargs: object) -> httpcore.NetworkStream:
        raise BlockedAddress("connections to local sockets are refused")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


__all__ = [
    "METADATA_ADDRESSES",
    "AddressGuard",
    "BlockedAddress",
    "GuardedBackend",
    "Resolver",
    "address_problem",
    "system_resolver",
]
