"""What the read commands print and refuse: no store made by a command that only reads, secrets
masked, tables of who did what to whom readable at 80 columns, ids where `show` needs them.

Tables are rendered by the functions that build them, on a console of a set width, so no test
depends on the terminal running it."""
from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli.events import listing
from newsgraph.cli.extract import print_record
from newsgraph.cli.ingest import progress_bar
from newsgraph.cli.tables import cut
from newsgraph.record import Actor, Article, Claim, Event, Record
from newsgraph.store import open_store
from newsgraph.store import query as Q

runner = CliRunner()


def render(renderable_or_fn, width: int = 80) -> list[str]:
    """Lines as a terminal ``width`` columns wide shows them (no colour codes)."""
    out = Console(file=io.StringIO(), width=width, force_terminal=True, color_system=None)
    if callable(renderable_or_fn):
        renderable_or_fn(out)
    else:
        out.print(renderable_or_fn)
    return out.file.getvalue().splitlines()


# A record as the pipeline writes it: the evidence sentence ends at a paragraph break.
TEXT = ("Russia accused Ukraine of shelling a border village in the Belgorod region on Monday, and the "
        "defence ministry said the attack had killed three civilians and damaged a school.\n\n"
        "Kyiv denied it.")


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def column(lines: list[str], header: str) -> str:
    """The words of one table column, from its header down to the end of the table."""
    at = next(i for i, line in enumerate(lines) if f" {header} " in f"{line} ")
    start = lines[at].index(header)
    rows = lines[at + 2:]
    end = next((i for i, line in enumerate(rows) if not line.strip()), len(rows))
    return " ".join(" ".join(line[start:].split()) for line in rows[:end]).strip()


def accusation() -> Record:
    end = TEXT.index("\n\n") + 2  # the span takes the newlines, as a sentence span does
    return Record(
        article=Article(id="story-1", text=TEXT, title="Russia accuses Ukraine of shelling", published="2024-05-06"),
        actors=[Actor(id="a1", name="Russia", type="country", country="RUS", code="RUS", mentions=[(0, 6)]),
                Actor(id="a2", name="Ukraine", type="country", country="UKR", code="UKR", mentions=[(15, 22)]),
                Actor(id="a3", name="the defence ministry", type="organization", country="RUS", code="RUSGOV",
                      mentions=[span("the defence ministry")])],
        events=[Event(id="e1", type="ACCUSE", actor="a1", recipient="a2", factuality="asserted", date="2024-05-06",
                      evidence=[(0, end)])],
        claims=[Claim(id="c1", speaker="a3", speaker_span=span("the defence ministry"), cue=span("said"),
                      content=(span("said")[1] + 1, TEXT.index("\n\n")), stance="assert")],
    )


# -- commands that only read ----------------------------------------------------------------

@pytest.mark.parametrize("command", [["events"], ["stats"], ["show", "x"], ["export", "--format", "csv"],
                                     ["events", "--type", "ASSAULT", "--json"]])
def test_a_read_command_on_a_missing_store_fails_and_creates_nothing(tmp_path, command):
    missing = tmp_path / "does-not-exist.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 2
    assert "no store at" in result.stderr and "newsgraph ingest" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_serve_refuses_a_missing_store_unless_writes_are_on(tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: started.append(kw))
    missing = tmp_path / "new.db"
    assert runner.invoke(app, ["serve", "--db", str(missing)]).exit_code == 2
    assert not missing.exists() and not started
    monkeypatch.setenv("NEWSGRAPH_API_TOKEN", "s3cret")  # the API may fill a new store: it is made
    assert runner.invoke(app, ["serve", "--db", str(missing)]).exit_code == 0
    assert missing.exists() and started


@pytest.mark.parametrize("db", ["postgresql://newsgraph@localhost/news", ":memory:"])
def test_a_server_or_memory_store_is_never_missing(db):
    from newsgraph.api import missing_store

    assert missing_store(db) is None


@pytest.mark.parametrize("args, message", [
    (["--type", "BOGUS"], "--type: unknown event type 'BOGUS'"),
    (["--since", "2024-13-01"], "--since: '2024-13-01' is not a calendar date"),
    (["--factuality", "bogus"], "--factuality: unknown value 'bogus'"),
])
def test_export_refuses_a_bad_filter_and_writes_no_file(tmp_path, args, message):
    db = str(tmp_path / "ng.db")
    open_store(db).close()
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "--format", "csv", "--db", db, "--output", str(out), *args])
    assert result.exit_code == 2 and message in result.stderr
    assert not out.exists()


# -- settings -------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [[], ["--json"]])
def test_settings_never_print_a_secret(monkeypatch, args):
    monkeypatch.setenv("NEWSGRAPH_API_TOKEN", "s3cret")
    monkeypatch.setenv("NEWSGRAPH_DB", "postgresql://newsgraph:hunter2@db.example/news")
    result = runner.invoke(app, ["settings", *args])
    assert result.exit_code == 0
    assert "s3cret" not in result.output and "hunter2" not in result.output
    if args:
        shown = json.loads(result.stdout)
        assert (shown["api_token"], shown["db"]) == ("****", "postgresql://newsgraph:****@db.example/news")


def test_settings_say_an_unset_secret_is_unset(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_API_TOKEN", raising=False)
    assert json.loads(runner.invoke(app, ["settings", "--json"]).stdout)["api_token"] is None


# -- extract on a terminal -------------------------------------------------------------------

@pytest.mark.parametrize("text, limit, expected", [
    ("Troops left the town on Monday.", 40, "Troops left the town on Monday."),
    ("Troops left the town on Monday.", 20, "Troops left the…"),
    ("  Troops left\nthe town.\n\n", 40, "Troops left the town."),
    ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
])
def test_cut_keeps_whole_words_on_one_line(text, limit, expected):
    assert cut(text, limit) == expected


def test_extract_prints_each_article_as_who_did_what_to_whom_and_who_says_so():
    lines = render(lambda out: print_record(out, accusation()))
    text = "\n".join(lines)
    assert lines[0] == "Russia accuses Ukraine of shelling"
    assert "story-1 · 2024-05-06" in lines[1]
    for word in ("ACCUSE", "asserted", "2024-05-06", "Russia", "→ Ukraine", "the defence ministry", "said", "assert"):
        assert word in text, word
    assert column(lines, "content") == "the attack had killed three civilians and damaged a school."
    assert max(map(len, lines)) <= 80


def test_a_long_evidence_sentence_is_cut_at_a_word_and_trimmed():
    evidence = column(render(lambda out: print_record(out, accusation())), "evidence")
    assert evidence.startswith("Russia accused Ukraine of shelling a border village")
    assert evidence.endswith("killed three civilians and…")  # at most 160 characters, the last word whole


def test_extract_table_format_through_the_command(tmp_path, monkeypatch):
    from newsgraph.pipeline import Outcome

    monkeypatch.setattr("newsgraph.cli.extract.extract_many",
                        lambda articles, config: (Outcome(a.source, record=accusation()) for a in articles))
    f = tmp_path / "story.txt"
    f.write_text("Russia accuses Ukraine of shelling\n\n" + TEXT)
    result = runner.invoke(app, ["extract", str(f), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "ACCUSE" in result.stdout and "claims (1)" in result.stdout


# -- events and show -------------------------------------------------------------------------

@pytest.fixture
def store_db(tmp_path):
    db = str(tmp_path / "ng.db")
    record = accusation()
    record.article.id = "a-rather-long-article-identifier-7"
    record.actors[0].name = "the Russian Federation's ministry of foreign affairs"
    with open_store(db) as s:
        s.add(record)
        s.add(Record(article=Article(id="8011115", text="Iran threatened Israel.", title="Iran", published="2024-05-07"),
                     actors=[Actor(id="a1", name="Iran", type="country", code="IRN")],
                     events=[Event(id="e1", type="THREATEN", actor="a1", factuality="asserted")]))
    return db


@pytest.mark.parametrize("width", [60, 80, 120])
def test_events_show_the_article_ids_show_takes_at_any_width(store_db, width):
    with open_store(store_db) as s, s.connect() as conn:
        rows = Q.events(conn)
    lines = render(listing(rows, len(rows), 0, width), width)
    assert max(map(len, lines)) <= width
    ids = [line.split()[0] for line in lines if line.split() and line.split()[0] in ("8011115", "a-rather-lon")]
    assert ids == ["8011115", "a-rather-lon"]  # the long id as a prefix `show` accepts
    shown = runner.invoke(app, ["show", ids[1], "--db", store_db, "--json"])
    assert json.loads(shown.stdout)["article"]["id"] == "a-rather-long-article-identifier-7"


def test_show_help_says_where_ids_come_from():
    result = runner.invoke(app, ["show", "--help"])
    assert "newsgraph events" in " ".join(result.stdout.split())


def test_show_prints_evidence_without_the_paragraph_break(store_db):
    result = runner.invoke(app, ["show", "a-rather", "--db", store_db])
    assert result.exit_code == 0, result.output
    assert "ACCUSE" in result.stdout and "e1" in result.stdout and "c1" in result.stdout
    assert "\n\n\n" not in result.stdout


# -- ingest progress -------------------------------------------------------------------------

def test_the_ingest_bar_shows_rate_and_time_left():
    now = [0.0]
    bar = progress_bar(Console(file=io.StringIO(), force_terminal=True), clock=lambda: now[0])
    task = bar.add_task("ingest", total=89)
    for _ in range(10):  # one article a second, as the library reports each
        now[0] += 1.0
        bar.advance(task, 1)
    (line,) = [line for line in render(bar.make_tasks_table(bar.tasks), 120) if line.strip()]
    assert "10/89 articles" in line and "1.0 articles/s" in line
    assert "eta 0:01:19" in line
