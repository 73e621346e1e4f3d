"""The watcher fetches politely: http(s) only, timeouts, size cap, retries, redirects, 304s."""
import pytest

from feed_server import FeedServer
from newsgraph.watch.fetch import Fetcher, FetchError, FetchPolicy


@pytest.fixture()
def server():
    with FeedServer() as s:
        yield s


def fetcher(**kw):
    """A quick fetcher; private hosts allowed, since the test server is on 127.0.0.1."""
    waits = []
    policy = FetchPolicy(**{"timeout": 1.0, "per_host_delay": 0.0, "retries": 2, "backoff": 0.01,
                            "allow_private_hosts": True, **kw})
    return Fetcher(policy, sleep=waits.append), waits


@pytest.mark.parametrize("url", ["ftp://example.org/feed.xml", "file:///etc/passwd", "javascript:alert(1)", "no-scheme"])
def test_only_http_and_https_are_fetched(url):
    f, _ = fetcher()
    with pytest.raises(FetchError, match="only http and https") as err:
        f.get(url)
    assert err.value.permanent


def test_redirects_are_followed_but_not_to_other_schemes_or_forever(server):
    f, _ = fetcher()
    assert f.get(server.url("/redirect")).url.endswith("/news/talks.html")
    with pytest.raises(FetchError, match="only http and https"):
        f.get(server.url("/redirect-ftp"))
    with pytest.raises(FetchError, match="redirects"):
        f.get(server.url("/redirect-loop"))


def test_a_huge_response_is_cut_off_at_the_cap(server):
    f, _ = fetcher(max_bytes=100_000)
    with pytest.raises(FetchError, match="cap") as err:
        f.get(server.url("/huge"))
    assert err.value.permanent


def test_a_slow_server_times_out_after_retries(server):
    f, waits = fetcher(timeout=0.3, retries=1)
    with pytest.raises(FetchError, match="timed out"):
        f.get(server.url("/slow"))
    assert waits == [0.01]  # one retry, after the first backoff


def test_server_errors_are_retried_with_growing_backoff(server):
    server.flaky_failures = 2
    f, waits = fetcher(retries=3)
    assert f.get(server.url("/flaky")).body == b"ok now"
    assert waits == [0.01, 0.02]


def test_client_errors_are_not_retried(server):
    f, waits = fetcher()
    with pytest.raises(FetchError, match="404") as err:
        f.get(server.url("/missing"))
    assert err.value.permanent and waits == []


def test_an_unchanged_feed_costs_one_304(server):
    f, _ = fetcher()
    first = f.get(server.url("/feed.xml"))
    again = f.get(server.url("/feed.xml"), etag=first.etag)
    assert first.status == 200 and again.not_modified and again.body == b""


def test_requests_to_one_host_are_spaced():
    clock = iter([0.0, 0.2, 1.0, 5.0])
    waits = []
    f = Fetcher(FetchPolicy(per_host_delay=1.0), sleep=waits.append, clock=lambda: next(clock))
    f._wait_for_host("http://a.example/1")
    f._wait_for_host("http://a.example/2")  # 0.2 s later: waits the remaining 0.8 s
    f._wait_for_host("http://b.example/1")  # another host: no wait
    assert waits == [pytest.approx(0.8)]
