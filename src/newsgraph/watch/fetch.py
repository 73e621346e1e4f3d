"""Polite HTTP fetching for the feed watcher.

Only http and https, and only public addresses unless ``allow_private_hosts`` is set
(both checked on every redirect hop; the address where each connection is opened, see
:mod:`newsgraph.watch.hosts`), a timeout on every request, a size cap enforced while
streaming, a minimum delay between requests to one host, retries with exponential backoff
on timeouts, connection errors, 429 and 5xx, and conditional GET (ETag / Last-Modified) so
an unchanged feed costs one 304.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from newsgraph import __version__
from newsgraph.closable import Closable
from newsgraph.watch.hosts import PinnedBackend, PinnedTransport, RefusedHost, Resolver

LOGGER = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A URL could not be fetched; ``permanent`` says whether retrying later may help."""

    def __init__(self, url: str, message: str, permanent: bool = False):
        super().__init__(f"{url}: {message}")
        self.url = url
        self.permanent = permanent


@dataclass
class Response:
    url: str  # final URL after redirects
    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class FetchPolicy:
    timeout: float = 10.0  # seconds, for connect and for each read
    max_bytes: int = 5 * 1024 * 1024
    per_host_delay: float = 1.0  # seconds between two requests to one host
    retries: int = 3
    backoff: float = 1.0  # first retry waits this long, then doubles
    max_redirects: int = 5
    user_agent: str = f"newsgraph/{__version__} (feed watcher)"
    # loopback, private, link-local, multicast... hosts: refused unless on (watch_private_hosts)
    allow_private_hosts: bool = False


def check_url(url: str) -> None:
    """Refuse anything but http(s) URLs with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.netloc:
        raise FetchError(url, f"only http and https URLs are fetched (scheme {parts.scheme or 'none'!r})", permanent=True)


class Fetcher(Closable):
    """Fetches URLs politely; one instance per watcher, reused across polls."""

    def __init__(self, policy: FetchPolicy | None = None, sleep=time.sleep, clock=time.monotonic,
                 resolver: Resolver | None = None):
        """``resolver(host, port) -> [ip, ...]`` replaces the system's (socket.getaddrinfo) lookup."""
        self.policy = policy or FetchPolicy()
        self._sleep, self._clock = sleep, clock
        self._last_request: dict[str, float] = {}
        self.backend = PinnedBackend(self.policy.allow_private_hosts, resolver)
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.policy.timeout), follow_redirects=False,
            headers={"User-Agent": self.policy.user_agent}, trust_env=False,
            transport=PinnedTransport(self.backend))

    def close(self) -> None:
        self._client.close()

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            wait = self.policy.per_host_delay - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` following redirects, with retries; raises FetchError when it cannot."""
        attempt, delay = 0, self.policy.backoff
        while True:
            try:
                return self._get_following(url, etag, last_modified)
            except FetchError as exc:
                attempt += 1
                if exc.permanent or attempt > self.policy.retries:
                    raise
                LOGGER.info("retrying %s in %.1fs (%s)", url, delay, exc)
                self._sleep(delay)
                delay *= 2

    def _get_following(self, url: str, etag: str | None, last_modified: str | None) -> Response:
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            check_url(current)
            # The host's addresses are checked when the hop's connection is opened
            # (PinnedBackend, which connects to the address it checked; a pooled connection
            # was checked when opened): a hop to a private address fails in _get_once with a
            # permanent "refused: ..." FetchError.
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, location, body, resp_headers = self._get_once(current, headers)
            if status in REDIRECT_STATUS:
                if not location:
                    raise FetchError(current, f"redirect {status} without a Location header", permanent=True)
                current = urljoin(current, location)
                continue
            if status in RETRY_STATUS:
                raise FetchError(current, f"HTTP {status}")
            if status != 304 and not 200 <= status < 300:
                raise FetchError(current, f"HTTP {status}", permanent=True)
            return Response(url=current, status=status, body=body, etag=resp_headers.get("etag"),
                            last_modified=resp_headers.get("last-modified"))
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects", permanent=True)

    def _get_once(self, url: str, headers: dict[str, str]):
        self._wait_for_host(url)
        cap = self.policy.max_bytes
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > cap:
                    raise FetchError(url, f"larger than the {cap:,}-byte cap ({int(declared):,} bytes declared)", permanent=True)
                chunks, size = [], 0
                if resp.status_code not in REDIRECT_STATUS:
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > cap:
                            raise FetchError(url, f"larger than the {cap:,}-byte cap", permanent=True)
                        chunks.append(chunk)
                return resp.status_code, resp.headers.get("location"), b"".join(chunks), resp.headers
        except RefusedHost as exc:
            raise FetchError(url, str(exc), permanent=True) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {self.policy.timeout:g}s") from exc
        except httpx.TransportError as exc:
            raise FetchError(url, f"connection failed ({type(exc).__name__})") from exc
