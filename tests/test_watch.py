"""``newsgraph watch`` ingests every new feed item once, across polls, failures and kill -9."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from typer.testing import CliRunner

from feed_server import PUBLIC, FeedServer, lead_public_to_loopback, resolver_of
from newsgraph.cli import app
from newsgraph.store import open_store
from newsgraph.watch import Watcher, WatchState, load_feed_list
from newsgraph.watch.fetch import Fetcher, FetchPolicy

pytestmark = pytest.mark.slow


def quick_fetcher(allow_private_hosts=True, **kw):
    """A quick fetcher; private hosts allowed by default, since the test server is on 127.0.0.1."""
    return Fetcher(FetchPolicy(timeout=1.0, per_host_delay=0.0, retries=1, backoff=0.01,
                               allow_private_hosts=allow_private_hosts), **kw)


@pytest.fixture()
def server():
    with FeedServer() as s:
        yield s


def test_feed_lists_are_text_or_opml(tmp_path):
    (tmp_path / "feeds.txt").write_text("# wires\nhttp://a.example/rss\n\nhttps://b.example/atom  # world\n")
    assert load_feed_list(tmp_path / "feeds.txt") == ["http://a.example/rss", "https://b.example/atom"]
    (tmp_path / "feeds.opml").write_text('<opml><body><outline text="A" xmlUrl="http://a.example/rss"/></body></opml>')
    assert load_feed_list(tmp_path / "feeds.opml") == ["http://a.example/rss"]
    (tmp_path / "bad.txt").write_text("ftp://a.example/rss\n")
    with pytest.raises(ValueError, match="only http and https"):
        load_feed_list(tmp_path / "bad.txt")


def test_each_item_is_ingested_once_across_polls(tmp_path, server, nlp):
    state = WatchState(tmp_path / "state.sqlite")
    with open_store(tmp_path / "news.db") as store:
        watcher = Watcher([server.url("/feed.xml")], store, nlp, state, quick_fetcher())
        first = watcher.poll_once()
        assert (first.new_items, first.ingested) == (4, 4)
        again = watcher.poll_once()  # the feed answers 304: nothing new, nothing fetched
        assert (again.new_items, again.ingested) == (0, 0)
        assert server.hits["/news/talks.html"] == 1
        server.items.append("/broken")  # a new item whose page fails: recorded, the rest goes on
        third = watcher.poll_once()
        assert third.new_items == 1 and third.ingested == 0
        assert store.stats()["articles"] == 4
        stored = {r.article.url for r in store.records()}
        assert stored == {server.url(p) for p in ["/news/talks.html", "/news/protest.html", "/news/aid.html", "/news/sanctions.html"]}
    state.close()


def test_a_non_english_item_is_skipped_with_the_reason_and_not_fetched_again(tmp_path, server, nlp):
    server.items[:] = ["/news/french.html", "/news/talks.html"]
    state = WatchState(tmp_path / "state.sqlite")
    with open_store(tmp_path / "news.db") as store:
        watcher = Watcher([server.url("/feed.xml")], store, nlp, state, quick_fetcher())
        report = watcher.poll_once()
        assert (report.new_items, report.ingested) == (2, 1)
        assert [r.article.url for r in store.records()] == [server.url("/news/talks.html")]
        (skipped,) = [f for f in store.failures() if f["kind"] == "skipped"]
        assert skipped["error"].startswith("not English (detected fr")
        watcher.poll_once()
        assert server.hits["/news/french.html"] == 1
    state.close()


def test_kill_9_and_restart_ingests_every_item_once(tmp_path):
    """A watcher killed mid-run leaves nothing lost and nothing doubled after a restart."""
    with FeedServer(page_delay=0.8) as server:
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(server.url("/feed.xml") + "\n")
        db = tmp_path / "news.db"
        cmd = [sys.executable, "-m", "newsgraph", "watch", str(feeds), "--allow-private-hosts", "--db", str(db), "--interval", "1",
               "--per-host-delay", "0", "--timeout", "5"]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 120
        # kill once the first page has been served (the watcher is mid-run)
        while server.hits.get("/news/protest.html", 0) == 0 and time.time() < deadline and proc.poll() is None:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        done = subprocess.run(cmd[:-6] + ["--once", "--per-host-delay", "0"], env=env, capture_output=True,
                              text=True, timeout=180)
        assert done.returncode == 0, done.stderr
        stats = subprocess.run([sys.executable, "-m", "newsgraph", "stats", "--db", str(db), "--json"],
                               capture_output=True, text=True, timeout=60)
        assert json.loads(stats.stdout)["articles"] == 4
        with open_store(db) as store:
            urls = [r.article.url for r in store.records()]
        assert sorted(urls) == sorted(set(urls)) and len(urls) == 4


def test_an_item_linking_to_a_private_host_is_refused_and_the_rest_goes_on(tmp_path, server, nlp, monkeypatch):
    """A feed on a public host lists a page on 127.0.0.1: refused, recorded, the other item stored."""
    lead_public_to_loopback(monkeypatch)
    port = server.base.rsplit(":", 1)[1]
    server.items[:] = [server.url("/news/talks.html"), "/news/protest.html"]  # the second on the feed's host
    state = WatchState(tmp_path / "state.sqlite")
    fetcher = quick_fetcher(allow_private_hosts=False, resolver=resolver_of({"wire.example": [PUBLIC]}))
    with open_store(tmp_path / "news.db") as store:
        watcher = Watcher([f"http://wire.example:{port}/feed.xml"], store, nlp, state, fetcher)
        report = watcher.poll_once()
        assert (report.new_items, report.ingested) == (2, 1)
        assert [r.article.url for r in store.records()] == [f"http://wire.example:{port}/news/protest.html"]
        reason = (f"{server.url('/news/talks.html')}: refused: 127.0.0.1 is a loopback address "
                  "(set watch_private_hosts, or --allow-private-hosts, to allow)")
        assert report.failed == [reason]
        (failure,) = [f for f in store.failures() if f["kind"] == "failed"]
        assert failure["error"] == reason
        assert state.counts()["failed"] == 1
        assert watcher.poll_once().failed == []  # permanent: not tried again
        assert "/news/talks.html" not in server.hits
    state.close()


def test_the_watch_command_refuses_private_hosts_unless_told(tmp_path, server, nlp, monkeypatch, caplog):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSGRAPH_WATCH_PRIVATE_HOSTS", raising=False)
    monkeypatch.delenv("NEWSGRAPH_CONFIG", raising=False)
    monkeypatch.setattr("signal.signal", lambda *args: None)  # keep pytest's own handlers
    (tmp_path / "feeds.txt").write_text(server.url("/feed.xml") + "\n")
    runner = CliRunner()

    def watch(*flags, db):
        result = runner.invoke(app, ["watch", "feeds.txt", "--db", db, "--once", "--per-host-delay", "0",
                                     "--timeout", "2", "--retries", "0", *flags])
        assert result.exit_code == 0, result.output
        return " ".join(result.output.split())

    refused = watch(db="a.db")
    assert "0 ingested" in refused and "1 feed error(s)" in refused
    assert "refused: 127.0.0.1 is a loopback address (set watch_private_hosts" in caplog.text
    monkeypatch.setenv("NEWSGRAPH_WATCH_PRIVATE_HOSTS", "1")
    assert "1 feed error(s)" in watch("--refuse-private-hosts", db="b.db")  # the flag wins
    assert server.hits == {}
    assert "4 ingested" in watch(db="c.db")
    monkeypatch.delenv("NEWSGRAPH_WATCH_PRIVATE_HOSTS")
    assert "4 ingested" in watch("--allow-private-hosts", db="d.db")
    help_text = " ".join(runner.invoke(app, ["watch", "--help"], terminal_width=200).output.split())
    assert "--allow-private-hosts" in help_text and "NEWSGRAPH_WATCH_PRIVATE_HOSTS" in help_text
