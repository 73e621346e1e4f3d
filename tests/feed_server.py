"""A small HTTP server on loopback for the watcher's tests: feeds, pages, and misbehaving URLs.

It listens on 127.0.0.1, which the watcher refuses by default: fetch from it with
``FetchPolicy(allow_private_hosts=True)`` (or ``--allow-private-hosts``), or through a test
resolver and a patched connection that lead a public-looking name here.
"""
from __future__ import annotations

import threading
import time
from email.utils import formatdate
from urllib.parse import unquote
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGES = {
    "/news/talks.html": ("Ministers open water talks",
                         "The foreign ministers of Kenya and Ethiopia met in Nairobi on Monday to discuss a "
                         "drought that has left herders without water. A spokeswoman for the Ethiopian foreign "
                         "ministry said the two governments agreed to set up a joint commission."),
    "/news/protest.html": ("Farmers march on parliament",
                           "Thousands of farmers marched on parliament in Lima on Thursday to protest a new water "
                           "law. Police fired tear gas at the crowd, and the interior minister accused opposition "
                           "lawmakers of stirring unrest, according to local media."),
    "/news/aid.html": ("Aid convoy reaches flooded towns",
                       "A United Nations convoy delivered food and medicine to flooded towns in northern Mozambique "
                       "on Friday, the World Food Programme said. Officials warned that roads to the coast remain "
                       "closed and that more rain is expected next week."),
    "/news/sanctions.html": ("Canada imposes new sanctions",
                             "Canada imposed sanctions on six officials of Belarus on Tuesday over the jailing of "
                             "opposition activists, the foreign ministry in Ottawa said. Minsk rejected the measures "
                             "as interference and promised a response."),
}
# Served but not listed in the feed by default: a page in another language.
OTHER_PAGES = {
    "/news/french.html": ("Le Canada impose de nouvelles sanctions",
                          "Le Canada a imposé mardi des sanctions à six responsables du Bélarus après "
                          "l'emprisonnement de militants de l'opposition, a indiqué le ministère des Affaires "
                          "étrangères à Ottawa. Minsk a rejeté ces mesures qu'il qualifie d'ingérence."),
}


def page_html(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return (f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>Subscribe to our newsletter</footer>"
            f"</body></html>").encode("utf-8")


def rss(base: str, paths: list[str]) -> bytes:
    """An RSS feed of ``paths`` (on ``base``, or absolute URLs as they are)."""
    links = [(p, p if "://" in p else base + p) for p in paths]
    items = "".join(
        f"<item><title>{PAGES.get(p, ('Item ' + p,))[0]}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate><description>short</description></item>"
        for p, link in links)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>'
            f"<link>{base}/</link><description>t</description>{items}</channel></rss>").encode("utf-8")


class FeedServer:
    """Serves ``/feed.xml`` (items = ``self.items``, with ETag), the pages, and misbehaving URLs.

    The feed's links use the host the request named (its Host header); ``/redirect-to?URL``
    redirects to URL; ``hosts`` lists the Host header of each request.
    """

    def __init__(self, page_delay: float = 0.0):
        self.items = list(PAGES)
        self.page_delay = page_delay
        self.hits: dict[str, int] = {}
        self.hosts: list[str] = []
        self.flaky_failures = 1
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                server.hits[self.path] = server.hits.get(self.path, 0) + 1
                server.hosts.append(self.headers.get("Host", ""))
                server.route(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "FeedServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def etag(self) -> str:
        return '"' + str(abs(hash(tuple(self.items)))) + '"'

    def route(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        if path == "/feed.xml":
            if h.headers.get("If-None-Match") == self.etag():
                h.send_response(304)
                h.end_headers()
                return
            base = "http://" + h.headers["Host"] if h.headers.get("Host") else self.base
            return self.send(h, 200, rss(base, self.items), "application/rss+xml",
                             {"ETag": self.etag(), "Last-Modified": formatdate(usegmt=True)})
        if path in PAGES or path in OTHER_PAGES:
            time.sleep(self.page_delay)
            return self.send(h, 200, page_html(*(PAGES.get(path) or OTHER_PAGES[path])), "text/html; charset=utf-8")
        if path == "/slow":
            time.sleep(2.0)
            return self.send(h, 200, b"late", "text/plain")
        if path == "/broken":
            return self.send(h, 500, b"server error", "text/plain")
        if path == "/flaky":
            if self.hits[path] <= self.flaky_failures:
                return self.send(h, 503, b"try later", "text/plain")
            return self.send(h, 200, b"ok now", "text/plain")
        if path == "/huge":
            h.send_response(200)
            h.send_header("Content-Type", "text/plain")
            h.end_headers()  # no Content-Length: the cap must hold while streaming
            try:
                for _ in range(64):
                    h.wfile.write(b"x" * 65536)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if path == "/redirect":
            return self.send(h, 302, b"", "text/plain", {"Location": "/news/talks.html"})
        if path == "/redirect-loop":
            return self.send(h, 302, b"", "text/plain", {"Location": "/redirect-loop"})
        if path.startswith("/redirect-to?"):
            return self.send(h, 302, b"", "text/plain", {"Location": unquote(path.split("?", 1)[1])})
        if path == "/redirect-ftp":
            return self.send(h, 302, b"", "text/plain", {"Location": "ftp://127.0.0.1/file"})
        return self.send(h, 404, b"not found", "text/plain")

    @staticmethod
    def send(h, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)


PUBLIC = "93.184.216.34"  # a public address, never connected to: see lead_public_to_loopback


def lead_public_to_loopback(monkeypatch) -> list[str]:
    """Connections the watcher opens to PUBLIC go to 127.0.0.1 instead; any other address fails.

    With a test resolver naming PUBLIC, this stands for a public host while every byte stays
    on loopback. Returns the list of addresses the watcher connected to.
    """
    from newsgraph.watch.hosts import PinnedBackend

    connected: list[str] = []
    original = PinnedBackend.connect_address

    def connect(self, address, port, *args):
        connected.append(address)
        assert address == PUBLIC, f"the test tried to connect to {address}"
        return original(self, "127.0.0.1", port, *args)

    monkeypatch.setattr(PinnedBackend, "connect_address", connect)
    return connected


def resolver_of(table: dict):
    """A resolver(host, port) answering from ``table`` (name -> addresses), without the network."""
    import socket

    def resolve(host, port):
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, f"test resolver knows no {host}")
        return list(table[host])
    return resolve
