"""Browser fixtures: Debian's headless Chromium driven by Playwright, against a live server.

The server is ``newsgraph serve``'s app in a uvicorn thread on 127.0.0.1 and a free port,
over a temporary SQLite store filled from the bundled sample corpus through the pipeline
(or, when the sample corpus is absent or NEWSGRAPH_BROWSER_CORPUS=examples, from the
hand-built example records in serve/examples.py). Screenshots
go to ``artifacts/screenshots/``. Nothing is downloaded: Chromium is the system's
(``NEWSGRAPH_CHROMIUM``, else ``/usr/bin/chromium``); never ``playwright install``.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
TOKEN = "browser-test-token"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def _chromium_path() -> str | None:
    candidates = [os.environ.get("NEWSGRAPH_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                  shutil.which("chromium-browser")]
    return next((c for c in candidates if c and os.path.isfile(c) and os.access(c, os.X_OK)), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fill(store) -> str:
    """Fill the store from the sample corpus; returns where the articles came from."""
    from newsgraph.read import ReadOptions, read_inputs, sample_paths

    use_sample = os.environ.get("NEWSGRAPH_BROWSER_CORPUS", "sample") != "examples"
    paths = [str(p) for p in sample_paths()] if use_sample and _has_sample() else []
    if paths:
        from newsgraph.config import load_config
        from newsgraph.pipeline import extract_many
        from newsgraph.record import Article

        articles = (a for a in read_inputs(paths, ReadOptions()) if isinstance(a, Article))
        outcomes = list(extract_many(articles, load_config(environ={})))
        records = [o.record for o in outcomes if o.ok]
        if not records:  # a broken pipeline must fail here, not hide behind the hand-built records
            errors = sorted({o.error or o.skipped or "?" for o in outcomes})
            raise RuntimeError(f"no sample article could be extracted: {errors[:3]}")
        store.add_many(records)
        return f"sample corpus ({len(records)} articles)"
    from newsgraph.serve.examples import example_records

    store.add_many(example_records())
    return "hand-built example records"


def _has_sample() -> bool:
    try:
        from newsgraph.read import sample_paths

        return bool(sample_paths())
    except (ImportError, FileNotFoundError):
        return False


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """``(base_url, origin_of_data)`` of a running server; stopped at the end of the session."""
    import uvicorn

    from newsgraph.config import Config
    from newsgraph.serve import create_app
    from newsgraph.store import open_store

    db = tmp_path_factory.mktemp("browser") / "browser.db"
    store = open_store(str(db))
    origin = _fill(store)
    app = create_app(Config(db=str(db), api_token=TOKEN), store=store)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="newsgraph-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", origin
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="session")
def api_token() -> str:
    """The bearer token the test server's ingest endpoint accepts."""
    return TOKEN


# Per module, not per session: Playwright's sync API runs an event loop in this thread until it
# stops, and later tests (test_api_hostile's asyncio.run) need the thread without one.
@pytest.fixture(scope="module")
def browser():
    path = _chromium_path()
    if path is None:
        pytest.skip("Chromium is not installed (apt-get install chromium, or set NEWSGRAPH_CHROMIUM); browser tests need it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed (pip install playwright; no browser download needed)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page that records every URL it requests and every script error."""
    base, _origin = live_server
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.requested = []
    pg.errors = []
    pg.on("request", lambda r: pg.requested.append(r.url))
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


@pytest.fixture
def shoot():
    """``shoot(page, name)`` saves a full-page screenshot under artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(pg, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        pg.screenshot(path=str(path), full_page=True)
        return path

    return save
