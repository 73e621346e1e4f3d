"""Which addresses the feed watcher may connect to, and connecting only to the one checked.

A feed is untrusted input: an item link, or a redirect, to ``http://127.0.0.1:6379/`` or
``http://169.254.169.254/`` would make the watcher probe the machine it runs on and its
network. Unless the ``watch_private_hosts`` setting is on, every address a host name
resolves to must be public: not loopback, private, link-local, multicast, unspecified,
reserved, site-local or carrier-grade NAT (100.64/10), and ``ipaddress``'s ``is_global``.
An IPv4 address carried inside IPv6 (IPv4-mapped ``::ffff:a.b.c.d``, 6to4, NAT64
``64:ff9b::/96``) is judged as that IPv4 address. One non-public address among several
refuses the host (a name that resolves to a public and a private address is refused).

The check is made where the TCP connection is opened, in :class:`PinnedBackend` (an
httpcore network backend): the name is resolved once, every address is checked, and the
socket is connected to one of those checked addresses. So every redirect hop is checked
like the first request, and a name that resolves to a public address for the check and
to a private one for the connection (DNS rebinding) cannot slip between the two. TLS still
sends the URL's host name as SNI and verifies the certificate against it, and the Host
header is the URL's. No proxy is used (the client ignores the environment's proxies).
"""
from __future__ import annotations

import ipaddress
import socket
from typing import Callable

import httpcore
import httpx

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

SETTING_HINT = "set watch_private_hosts, or --allow-private-hosts, to allow"
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class RefusedHost(Exception):
    """A host resolves to an address the watcher may not connect to; the message says why."""


def address_problem(address: str | IPAddress) -> str | None:
    """Why the watcher may not connect to ``address`` ("a loopback address"), or None if public."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        for form, inner in (("IPv4-mapped", ip.ipv4_mapped), ("6to4", ip.sixtofour),
                            ("NAT64", ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None)):
            if inner is not None:
                problem = address_problem(inner)
                return f"{problem} ({form} {inner})" if problem else None
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "a carrier-grade NAT address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return "a site-local address"
    if ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        return "not a public address"
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver), in its order, once each."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def checked_addresses(host: str, port: int, allow_private: bool = False, resolver: Resolver = resolve) -> list[str]:
    """The addresses to connect to for ``host``; raises RefusedHost if any one is not public.

    A literal IP is not looked up; a name is resolved once with ``resolver``
    (``socket.getaddrinfo`` by default; an OSError such as ``socket.gaierror`` passes through).
    """
    host = host.strip("[]")
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    addresses = [host] if literal is not None else resolver(host, port)
    if not addresses:
        raise OSError(f"{host} resolves to no address")
    if not allow_private:
        for address in addresses:
            problem = address_problem(address)
            if problem:
                subject = f"{address} is" if literal is not None else f"{host} resolves to {address},"
                raise RefusedHost(f"refused: {subject} {problem} ({SETTING_HINT})")
    return addresses


class PinnedBackend(httpcore.SyncBackend):
    """Resolves each host once, checks every address, and connects to a checked one."""

    def __init__(self, allow_private: bool = False, resolver: Resolver | None = None):
        self.allow_private = allow_private
        self.resolver = resolver or resolve

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            addresses = checked_addresses(host, port, self.allow_private, self.resolver)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        error: Exception | None = None
        for address in addresses:  # like socket.create_connection: the first that answers
            try:
                return self.connect_address(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error  # type: ignore[misc]

    def connect_address(self, address, port, timeout=None, local_address=None, socket_options=None):
        """Open the TCP connection to one checked IP address (a literal: no second lookup)."""
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


class PinnedTransport(httpx.HTTPTransport):
    """httpx's own transport, with its connection pool on a :class:`PinnedBackend`.

    ``HTTPTransport`` keeps all of its state in ``self._pool`` (httpx 0.28), so this sets
    that pool and inherits the request handling, exception mapping and closing.
    """

    def __init__(self, backend: PinnedBackend, limits: httpx.Limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)):
        self.backend = backend
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend)
