"""WARC and RSS/Atom readers; the archives are written by the tests."""
from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from newsgraph.read import ReadOptions, ReadProblem, read_inputs
from newsgraph.record import Article


def page(title: str, sentence: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><nav>Home | World</nav><article><h1>{title}</h1>"
            f"<p>{sentence}</p><p>The talks are expected to continue next week, according to officials.</p>"
            f"</article></body></html>")


STORIES = [
    ("https://example.org/news/port-deal", "Port deal signed",
     "Officials from Kenya and Tanzania signed a port agreement in Mombasa on Monday, a government spokesman said."),
    ("https://example.org/news/curfew", "Curfew lifted",
     "Authorities in Port Moresby lifted a night curfew on Tuesday after a week of unrest, police said."),
    ("https://example.org/news/drill", "Navies hold drill",
     "The navies of Indonesia and Australia began a joint exercise in the Timor Sea on Wednesday, the Indonesian military said."),
]


def write_warc(path: Path, stories=STORIES, gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsgraph tests"}))
    for url, title, sentence in stories:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = io.BytesIO(page(title, sentence).encode())
        writer.write_record(writer.create_warc_record(url, "response", payload=body, http_headers=headers))
    css = StatusAndHeaders("200 OK", [("Content-Type", "text/css")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/site.css", "response",
                                                  payload=io.BytesIO(b"body{}"), http_headers=css))
    path.write_bytes(buf.getvalue())
    return buf.getvalue()


def split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadProblem)])


@pytest.mark.parametrize("name, gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_html_responses_become_articles(tmp_path, name, gz):
    write_warc(tmp_path / name, gz=gz)
    arts, problems = split(read_inputs([str(tmp_path / name)]))
    assert not problems
    assert [a.title for a in arts] == ["Port deal signed", "Curfew lifted", "Navies hold drill"]
    assert arts[0].url == "https://example.org/news/port-deal"
    assert arts[0].published  # the crawl date when the page carries none
    assert "port agreement in Mombasa" in arts[0].text


@pytest.mark.parametrize("name, gz, keep, readable", [
    ("cut.warc.gz", True, 0.95, 3), ("cut.warc.gz", True, 0.8, 2), ("cut.warc.gz", True, 0.6, 2),
    ("cut.warc", False, 0.95, 3), ("cut.warc", False, 0.8, 2), ("cut.warc", False, 0.6, 1),
])
def test_truncated_warc_yields_what_was_readable_then_one_problem(tmp_path, name, gz, keep, readable):
    data = write_warc(tmp_path / "whole.warc.gz")
    if not gz:
        data = gzip.decompress(data)
    cut = tmp_path / name
    cut.write_bytes(data[: int(len(data) * keep)])
    arts, problems = split(read_inputs([str(cut)]))
    assert len(problems) == 1
    assert str(problems[0]).startswith(str(cut)) and "truncated" in problems[0].message
    assert [a.title for a in arts] == [title for _url, title, _s in STORIES[:readable]]


def test_warc_resource_records_and_non_html_are_handled(tmp_path):
    from warcio.warcwriter import WARCWriter

    with (tmp_path / "saved.warc").open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        html = page(*STORIES[2][1:]).encode()
        writer.write_record(writer.create_warc_record(STORIES[2][0], "resource", payload=io.BytesIO(html),
                                                      warc_content_type="text/html"))
        writer.write_record(writer.create_warc_record("https://example.org/logo.png", "resource",
                                                      payload=io.BytesIO(b"\x89PNG"), warc_content_type="image/png"))
    (a,) = read_inputs([str(tmp_path / "saved.warc")])
    assert (a.title, a.url) == ("Navies hold drill", STORIES[2][0])


def test_a_file_named_warc_that_is_not_one(tmp_path):
    f = tmp_path / "fake.warc"
    f.write_text("hello, this is not an archive\n" * 5)
    (problem,) = read_inputs([str(f)])
    assert problem.message == "not a WARC file (it does not start with a WARC record)"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.org</link>
<item><title>Port deal signed</title><link>https://example.org/news/port-deal</link>
<pubDate>Mon, 04 Mar 2024 18:00:00 +0300</pubDate><guid>pd-1</guid>
<description>&lt;p&gt;Kenya and Tanzania sign a port deal.&lt;/p&gt;</description></item>
<item><title>Curfew lifted</title><link>https://example.org/news/curfew.html</link>
<pubDate>Tue, 05 Mar 2024 07:00:00 +1000</pubDate>
<description>&lt;p&gt;Authorities in &lt;b&gt;Port Moresby&lt;/b&gt; lifted a night curfew.&lt;/p&gt;&lt;p&gt;Police said the city was calm.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:x</id><updated>2024-03-06T00:00:00Z</updated>
<entry><title>Navies hold drill</title><link href="https://example.org/news/drill"/><id>urn:drill</id>
<updated>2024-03-06T09:00:00Z</updated>
<content type="html">&lt;p&gt;The navies of Indonesia and Australia began a joint exercise on Wednesday.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.mark.parametrize("name, text, titles", [
    ("wire.rss", RSS, ["Port deal signed", "Curfew lifted"]),
    ("wire.xml", RSS, ["Port deal signed", "Curfew lifted"]),
    ("wire.atom", ATOM, ["Navies hold drill"]),
    ("atom.xml", ATOM, ["Navies hold drill"]),
])
def test_feed_items_become_articles_from_their_summary(tmp_path, name, text, titles):
    (tmp_path / name).write_text(text, encoding="utf-8")
    arts, problems = split(read_inputs([str(tmp_path / name)]))
    assert not problems
    assert [a.title for a in arts] == titles
    assert all(a.metadata["body_from"] in ("summary", "content") for a in arts)
    assert arts[0].outlet in ("Example Wire", "Example Atom")


def test_rss_summary_html_becomes_paragraphs_and_dates_stay_as_written(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    _, curfew = read_inputs([str(tmp_path / "wire.rss")])
    assert curfew.text == "Authorities in Port Moresby lifted a night curfew.\n\nPolice said the city was calm."
    assert curfew.published == "2024-03-05"


def test_feed_items_take_their_body_from_a_folder_of_saved_pages(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "curfew.html").write_text(page(*STORIES[1][1:]), encoding="utf-8")  # matched by slug
    other = page(*STORIES[0][1:]).replace("<head>", '<head><link rel="canonical" href="https://example.org/news/port-deal">')
    (pages / "saved-0001.html").write_text(other, encoding="utf-8")  # matched by canonical URL
    deal, curfew = read_inputs([str(tmp_path / "wire.rss")], ReadOptions(pages=[str(pages)]))
    assert deal.metadata["body_from"] == curfew.metadata["body_from"] == "page"
    assert "port agreement in Mombasa" in deal.text
    assert "lifted a night curfew on Tuesday after a week of unrest" in curfew.text
    assert (curfew.title, curfew.url, curfew.outlet) == ("Curfew lifted", "https://example.org/news/curfew.html", "Example Wire")


def test_feed_items_take_their_body_from_a_warc(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    write_warc(tmp_path / "pages.warc.gz")
    deal, curfew = read_inputs([str(tmp_path / "wire.rss")], ReadOptions(pages=[str(tmp_path / "pages.warc.gz")]))
    assert deal.metadata["body_from"] == "page" and "port agreement in Mombasa" in deal.text
    assert curfew.metadata["body_from"] == "page"  # .../curfew.html matches the crawled .../curfew by its slug
