"""Readers: every input format becomes the same Article."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsgraph.read import ReadOptions, ReadProblem, iso_date, read_inputs, sample_paths
from newsgraph.record import Article

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def read_all(*paths, **options) -> list[Article | ReadProblem]:
    return list(read_inputs([str(p) for p in paths], ReadOptions(**options)))


def articles(*paths, **options) -> list[Article]:
    items = read_all(*paths, **options)
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert not problems, problems
    return items


def test_txt_first_line_is_the_headline_and_flags_fill_the_rest(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("\n\nRebels free aid workers\n\nRebels freed three aid workers on Friday, the Red Cross said.\n")
    (a,) = articles(f, published="2024-05-10", outlet="Example Wire", url="https://example.org/x")
    assert a.title == "Rebels free aid workers"
    assert a.text.strip() == "Rebels freed three aid workers on Friday, the Red Cross said."
    assert (a.published, a.outlet, a.url, a.source) == ("2024-05-10", "Example Wire", "https://example.org/x", str(f))


def test_txt_front_matter_gives_title_date_outlet_url_and_metadata():
    (a,) = articles(FIXTURES / "front-matter.txt")
    assert a.title == "Coastal states agree on joint fisheries patrols"
    assert a.published == "2024-04-18"
    assert a.outlet == "Example Wire"
    assert a.url == "https://example.org/2024/04/fisheries-patrols"
    assert a.metadata == {"section": "Oceans"}
    assert a.text.strip().startswith("Ministers from Ghana, Togo and Benin")


def test_command_line_flags_win_over_front_matter():
    (a,) = articles(FIXTURES / "front-matter.txt", published="2024-04-19")
    assert a.published == "2024-04-19"


def test_txt_markdown_heading_is_a_headline(tmp_path):
    f = tmp_path / "note.md"
    f.write_text("# Ceasefire holds in the north\n\nThe ceasefire held for a third day on Sunday, residents said.\n")
    (a,) = articles(f)
    assert a.title == "Ceasefire holds in the north"


def test_stdin_is_read_as_txt(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO("Minister resigns\n\nThe interior minister of Peru resigned on Monday, his office said.\n".encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    (a,) = articles("-", published="2024-01-08")
    assert (a.title, a.source, a.published) == ("Minister resigns", "<stdin>", "2024-01-08")


def test_jsonl_keeps_other_keys_as_metadata_and_dates_timestamps():
    a, b = articles(FIXTURES / "wire.jsonl")
    assert (a.id, a.url, a.title, a.published) == ("w-1", "https://example.org/a", "Talks on grain corridor resume", "2024-02-07")
    assert a.metadata["section"] == "Europe" and a.metadata["author"] == "Staff"
    assert a.metadata["published_raw"] == "2024-02-07 08:15:00Z"
    assert a.source == f"{FIXTURES / 'wire.jsonl'}:1"
    assert b.published == "2024-02-08"  # the date as written, not converted to UTC


def test_json_file_with_a_list_of_articles(tmp_path):
    f = tmp_path / "two.json"
    f.write_text('[{"title": "A", "text": "Police in Dhaka arrested four people on Monday."},'
                 ' {"title": "B", "text": "Troops in Mali withdrew from a base on Tuesday."}]')
    assert [a.title for a in articles(f)] == ["A", "B"]


@pytest.mark.parametrize("value, expected", [
    ("2025-03-14 20:30:26Z", "2025-03-14"),
    ("2024-02-08T21:40:00-03:00", "2024-02-08"),
    ("2024-02-08", "2024-02-08"),
    ("2024-02", "2024-02"),
    ("Tue, 05 Mar 2024 23:00:00 -0500", "2024-03-05"),
    ("14 March 2025", "2025-03-14"),
    ("March 14, 2025", "2025-03-14"),
    ("2024-13-40", None),
    ("soon", None),
    ("", None),
    (None, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_html_main_text_title_date_and_site():
    (a,) = articles(FIXTURES / "page.html")
    assert a.title == "Border crossing reopens after talks"
    assert a.published == "2024-06-03"
    assert a.outlet == "Example Wire"
    assert "reopened on Monday after two days of talks" in a.text
    assert "Home" not in a.text  # navigation is not article text
    assert "\n\n" in a.text  # paragraphs are separated by a blank line


def test_non_english_article_is_yielded_as_skipped_with_its_language(tmp_path):
    f = tmp_path / "es.txt"
    f.write_text("El gobierno anuncia nuevas medidas\n\nEl ministro de Economía anunció el martes en Madrid un paquete de "
                 "medidas para contener la inflación, según informó la agencia estatal de noticias.\n")
    (a,) = articles(f)
    assert a.language == "es"
    assert a.skipped.startswith("not English (detected es")


def test_short_english_text_is_never_skipped(tmp_path):
    f = tmp_path / "short.txt"
    f.write_text("Tremor\n\nA tremor shook Lima.\n")
    (a,) = articles(f)
    assert a.skipped is None and a.language == "en"


def test_latin1_text_is_decoded_by_detection(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Président visits Gabon\n\nThe président of the Assemblée nationale arrived in Libreville on Monday "
                  "for talks on régional security, officials said.\n".encode("latin-1"))
    (a,) = articles(f)
    assert "Assemblée" in a.text
    assert a.metadata["encoding"] != "utf-8"


def test_directory_is_read_file_by_file(tmp_path):
    (tmp_path / "a.txt").write_text("One\n\nPolice in Accra arrested a suspect on Monday.\n")
    (tmp_path / "b.jsonl").write_text('{"title": "Two", "text": "Troops in Chad left a base on Tuesday."}\n')
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04rest")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot read.\n")
    items = read_all(tmp_path)
    assert [a.title for a in items if isinstance(a, Article)] == ["One", "Two"]
    # The file of unknown type is named, as skipped rather than as an error; hidden files are not.
    assert [(str(p), p.severity) for p in items if isinstance(p, ReadProblem)] == [
        (f"{tmp_path / 'notes.docx'}: unknown file type, left out", "skipped")]


def test_unknown_suffix_is_sniffed(tmp_path):
    f = tmp_path / "story"
    f.write_text("Storm hits coast\n\nA storm hit the coast of Mozambique on Friday, officials said.\n")
    (a,) = articles(f)
    assert a.title == "Storm hits coast"


def test_sample_corpus_is_bundled_and_readable():
    paths = sample_paths()
    assert paths and all(p.exists() for p in paths)
    items = articles(*paths)
    assert len(items) >= 24
    assert all(a.outlet == "newsgraph sample (illustrative)" for a in items)
    assert all(a.published.startswith("2024-") for a in items)
    assert all(a.language == "en" and a.skipped is None for a in items)
    assert all("fictional" in a.metadata["note"] for a in items)
    words = [len(a.text.split()) for a in items]
    assert min(words) >= 120 and max(words) <= 250, words
    assert len({a.id for a in items}) == len(items)


def test_voa_corpus_reads_as_english_articles(shared):
    items = articles(shared / "corpus/voa/voa_stories.jsonl")
    assert len(items) == 89
    assert all(a.skipped is None and a.language == "en" for a in items)
    assert all(a.published and len(a.published) == 10 for a in items)


def test_html_in_its_declared_charset(tmp_path):
    f = tmp_path / "latin.html"
    f.write_bytes(("<html><head><meta charset='iso-8859-1'><title>Réunion talks</title></head><body><article>"
                   "<p>Délégués from Madagascar and Mauritius met in Saint-Denis on Friday for talks on fishing "
                   "rights, the préfecture said.</p></article></body></html>").encode("latin-1"))
    (a,) = articles(f)
    assert "Délégués from Madagascar" in a.text and a.title == "Réunion talks"


def test_windows_line_endings_and_front_matter(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(b"---\r\ntitle: Port strike ends\r\npublished: 2024-08-01\r\n---\r\nDockers in Antwerp ended a "
                  b"three-day strike on Thursday, their union said.\r\n")
    (a,) = articles(f)
    assert (a.title, a.published) == ("Port strike ends", "2024-08-01")
    assert a.text.strip() == "Dockers in Antwerp ended a three-day strike on Thursday, their union said."
