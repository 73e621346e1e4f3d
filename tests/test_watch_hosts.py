"""The watcher refuses loopback, private, link-local and multicast hosts unless allowed.

No test here sends traffic anywhere but 127.0.0.1: names are resolved by test resolvers,
and a connection to a public-looking address is led to the loopback server by a patched
``PinnedBackend.connect_address`` that refuses any other address (feed_server.py).
"""
import pytest

from feed_server import PUBLIC, FeedServer, lead_public_to_loopback, resolver_of
from newsgraph.watch.fetch import Fetcher, FetchError, FetchPolicy
from newsgraph.watch.hosts import RefusedHost, address_problem, checked_addresses


@pytest.fixture()
def server():
    with FeedServer() as s:
        yield s


def fetcher(allow_private_hosts=False, resolver=None):
    policy = FetchPolicy(timeout=1.0, per_host_delay=0.0, retries=2, backoff=0.01, allow_private_hosts=allow_private_hosts)
    return Fetcher(policy, sleep=lambda s: None, resolver=resolver)


@pytest.fixture()
def public_to_loopback(monkeypatch):
    return lead_public_to_loopback(monkeypatch)


@pytest.mark.parametrize("address, problem", [
    ("127.0.0.1", "a loopback address"),
    ("127.8.9.10", "a loopback address"),
    ("::1", "a loopback address"),
    ("10.1.2.3", "a private address"),
    ("172.16.0.1", "a private address"),
    ("172.31.255.254", "a private address"),
    ("192.168.1.1", "a private address"),
    ("fc00::1", "a private address"),
    ("169.254.169.254", "a link-local address"),
    ("fe80::1", "a link-local address"),
    ("224.0.0.1", "a multicast address"),
    ("239.255.255.250", "a multicast address"),
    ("ff02::1", "a multicast address"),
    ("0.0.0.0", "an unspecified address"),
    ("::", "an unspecified address"),
    ("100.64.0.1", "a carrier-grade NAT address"),
    ("240.0.0.1", "a reserved address"),
    ("255.255.255.255", "a reserved address"),
    ("fec0::1", "a site-local address"),
    ("192.0.2.1", "a private address"),  # documentation range
    ("::ffff:127.0.0.1", "a loopback address (IPv4-mapped 127.0.0.1)"),
    ("::ffff:10.0.0.1", "a private address (IPv4-mapped 10.0.0.1)"),
    ("::ffff:169.254.169.254", "a link-local address (IPv4-mapped 169.254.169.254)"),
    ("2002:7f00:1::", "a loopback address (6to4 127.0.0.1)"),
    ("64:ff9b::a00:1", "a private address (NAT64 10.0.0.1)"),
])
def test_each_non_public_address_class_is_refused(address, problem):
    assert address_problem(address) == problem
    with pytest.raises(RefusedHost, match="watch_private_hosts"):
        checked_addresses(address, 80)
    assert checked_addresses(address, 80, allow_private=True) == [address]


@pytest.mark.parametrize("address", [PUBLIC, "8.8.8.8", "2606:4700::1", "2a00:1450:4001:80b::200e",
                                     "::ffff:93.184.216.34", "64:ff9b::5db8:d822"])
def test_public_addresses_are_allowed(address):
    assert address_problem(address) is None
    assert checked_addresses(address, 443) == [address]


def test_a_literal_ip_is_not_looked_up_and_a_name_is_checked_on_every_address():
    def no_lookup(host, port):
        raise AssertionError("a literal IP was looked up")

    assert checked_addresses("[2606:4700::1]", 80, resolver=no_lookup) == ["2606:4700::1"]
    resolve = resolver_of({"news.example": [PUBLIC, "2606:4700::1"], "mixed.example": [PUBLIC, "10.0.0.5"]})
    assert checked_addresses("news.example", 80, resolver=resolve) == [PUBLIC, "2606:4700::1"]
    with pytest.raises(RefusedHost) as err:  # one private address among public ones refuses the name
        checked_addresses("mixed.example", 80, resolver=resolve)
    assert str(err.value) == ("refused: mixed.example resolves to 10.0.0.5, a private address "
                              "(set watch_private_hosts, or --allow-private-hosts, to allow)")
    assert checked_addresses("mixed.example", 80, allow_private=True, resolver=resolve) == [PUBLIC, "10.0.0.5"]


def test_the_loopback_server_is_refused_by_default_with_the_reason(server):
    f = fetcher()
    with pytest.raises(FetchError) as err:
        f.get(server.url("/news/talks.html"))
    assert err.value.permanent
    assert str(err.value) == (f"{server.url('/news/talks.html')}: refused: 127.0.0.1 is a loopback address "
                              "(set watch_private_hosts, or --allow-private-hosts, to allow)")
    assert server.hits == {}  # nothing reached it


def test_localhost_and_ipv6_loopback_are_refused(server):
    port = server.base.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match=r"refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address"):
        fetcher().get(f"http://localhost:{port}/news/talks.html")
    with pytest.raises(FetchError, match=r"refused: ::1 is a loopback address"):
        fetcher().get(f"http://[::1]:{port}/news/talks.html")
    assert server.hits == {}


def test_with_the_setting_on_the_loopback_server_is_fetched(server):
    assert fetcher(allow_private_hosts=True).get(server.url("/news/talks.html")).status == 200


def test_the_connection_goes_to_the_resolved_address_with_the_host_header_kept(server):
    port = server.base.rsplit(":", 1)[1]
    f = fetcher(allow_private_hosts=True, resolver=resolver_of({"news.example": ["127.0.0.1"]}))
    assert f.get(f"http://news.example:{port}/news/talks.html").status == 200
    assert server.hosts == [f"news.example:{port}"]


@pytest.mark.parametrize("target, reason", [
    ("{base}/news/talks.html", "refused: 127.0.0.1 is a loopback address"),
    ("http://intranet.example:{port}/news/talks.html", "refused: intranet.example resolves to 10.0.0.5, a private address"),
    ("http://[::ffff:127.0.0.1]:{port}/news/talks.html", r"refused: ::ffff:127\.0\.0\.1 is a loopback address \(IPv4-mapped"),
])
def test_a_redirect_from_a_public_host_to_a_private_one_is_refused_at_that_hop(server, public_to_loopback, target, reason):
    port = server.base.rsplit(":", 1)[1]
    f = fetcher(resolver=resolver_of({"wire.example": [PUBLIC], "intranet.example": ["10.0.0.5"]}))
    assert f.get(f"http://wire.example:{port}/news/aid.html").status == 200  # a public host is fetched
    hop = target.format(base=server.base, port=port)
    with pytest.raises(FetchError, match=reason) as err:
        f.get(f"http://wire.example:{port}/redirect-to?{hop}")
    assert err.value.permanent and err.value.url == hop
    assert server.hits.get("/news/talks.html") is None  # the first hop was served, the second never sent
    assert set(public_to_loopback) == {PUBLIC}  # nothing but the public host was connected to


def test_a_name_is_resolved_once_per_connection_and_that_address_is_used(server, public_to_loopback):
    """DNS rebinding: a second answer (loopback) is never asked for; the checked address is connected."""
    answers = iter([[PUBLIC], ["127.0.0.1"]])
    calls = []

    def rebinding(host, port):
        calls.append(host)
        return next(answers)

    port = server.base.rsplit(":", 1)[1]
    f = fetcher(resolver=rebinding)
    assert f.get(f"http://rebind.example:{port}/news/talks.html").status == 200
    assert calls == ["rebind.example"] and public_to_loopback == [PUBLIC]


def test_an_unknown_name_is_a_connection_failure_that_may_be_retried():
    f = fetcher(resolver=resolver_of({}))
    with pytest.raises(FetchError, match="connection failed") as err:
        f.get("http://nowhere.example/feed.xml")
    assert not err.value.permanent
