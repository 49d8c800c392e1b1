"""Hostile inputs, one stage at a time and without Pelican: decoding, metadata, body, size,
duplicates, ids, the build report's account of a folder."""
import os

import pytest

from newsprism.analyse import analyse_article
from newsprism.dedupe import body_fingerprint, find_duplicates, unique_ids
from newsprism.parse import (MAX_BODY_CHARS, UnreadableArticle, decode, parse_article,
                             safe_url)
from newsprism.readability import MAX_SCORED_WORDS, scoring_text
from newsprism.report import account_for_files
from newsprism.text import split_sentences

from conftest import SEEDS
from hostile_corpus import CAFE_BODY, GERMAN_BODY, huge_article, within

STORY = "Title: Bridge Closes\nSource: Daily Planet\n\n" + CAFE_BODY


def reason(raw: bytes, name: str = "x.txt") -> str:
    with pytest.raises(UnreadableArticle) as exc:
        parse_article(raw, name)
    return str(exc.value)


# --- empty, whitespace, binary, size --------------------------------------------------------

@pytest.mark.parametrize("raw", [b"", b"   ", b"\n\n\t \r\n", "\ufeff \n".encode("utf-16"),
                                 "\ufeff\n".encode("utf-8")])
def test_empty_and_whitespace_only_files_are_skipped_as_empty(raw):
    assert "empty" in reason(raw)


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 30,
                                 bytes(range(1, 32)) * 100, os.urandom(4096) + b"\x00"])
def test_binary_files_are_skipped_as_binary(raw):
    assert "binary" in reason(raw)


def test_a_file_over_the_size_limit_is_skipped_as_too_large(monkeypatch):
    import newsprism.parse as parse
    monkeypatch.setattr(parse, "MAX_ARTICLE_BYTES", 1000)
    assert "too large" in reason(STORY.encode() * 10)


# --- encodings: decoded, not skipped --------------------------------------------------------

@pytest.mark.parametrize("codec", ["cp1252", "latin-1", "utf-16", "utf-8-sig", "utf-32"])
def test_legacy_and_bom_encodings_are_decoded(codec):
    text = "Title: Café “Zürich” — 5 €\n\n" + CAFE_BODY if codec != "latin-1" else (
        "Title: Café Zürich, señora Núñez\n\n" + CAFE_BODY)
    a = parse_article(text.encode(codec), "enc.txt")
    assert a.title == text.split("\n")[0][len("Title: "):]
    assert a.paragraphs[0].startswith("Café owners in the old town")


def test_utf16_big_endian_with_bom_is_decoded():
    raw = b"\xfe\xff" + STORY.encode("utf-16-be")
    assert parse_article(raw, "x.md").title == "Bridge Closes"


def test_control_characters_are_dropped_from_text():
    raw = ("Title: Bell\x07 and \x1b[31mred\x1b[0m\n\n" + CAFE_BODY.replace("Monday", "Mon\x0eday\x7f")
           ).encode()
    a = parse_article(raw, "x.txt")
    assert a.title == "Bell and [31mred[0m"
    assert "Monday" in a.paragraphs[0] and not any(ord(c) < 32 for c in a.paragraphs[0])


# --- huge inputs: linear, and bounded -------------------------------------------------------

def test_a_20_mb_article_is_read_up_to_the_body_limit_with_a_warning():
    raw = huge_article(20_000_000)
    with within(120):
        a = parse_article(raw, "huge.txt")
        analysis = analyse_article(a)
    body = sum(len(b.text) for b in a.blocks)
    assert MAX_BODY_CHARS * 0.9 < body <= MAX_BODY_CHARS
    assert any("long article" in w for w in a.warnings)
    assert analysis.readability.applicable and "first" in analysis.readability.note


def test_a_2_mb_word_without_spaces_does_not_blow_up():
    raw = ("Title: One Long Word\n\nThe agency said so on Monday. " * 10 + "a" * 2_000_000
           + " Then it ended.\n").encode()
    with within(60):
        analysis = analyse_article(parse_article(raw, "w.txt"))
    assert analysis.article.title == "One Long Word"
    text, _ = scoring_text(["x" * 2_000_000 + " short words here"])
    assert text == "short words here"  # textstat never sees the giant token


@pytest.mark.parametrize("run", [".", "!", "?!", "…", ". ", "“", "\"", "*", "_", "[", "](",
                                 "<", "![", "`", "#", "  "])
def test_long_runs_of_one_mark_are_linear(run):
    body = "It began. " + run * 200_000 + " It ended.\n"
    with within(30):
        split_sentences(body)
        parse_article(("Title: Runs\n\n" + body).encode(), "r.md")
        parse_article(("Title: Runs\n\n" + body).encode(), "r.txt")


def test_readability_scores_at_most_the_first_words():
    text, note = scoring_text(["word " * (MAX_SCORED_WORDS * 2)])
    assert len(text.split()) == MAX_SCORED_WORDS and "first" in note


# --- metadata -------------------------------------------------------------------------------

def test_metadata_only_is_skipped_as_no_text():
    assert "no article text" in reason(b"Title: T\nSource: S\nDate: 2024-01-01\n\n")
    assert "no article text" in reason(b"Title: T\nDate: 2024-01-01\n", "x.md")


@pytest.mark.parametrize("date", ["2023-02-30", "2023-13-45", "0000-00-00", "February 30, 2024",
                                  "yesterday", "9" * 5000])
def test_impossible_dates_are_warned_not_fatal(date):
    a = parse_article(f"Title: T\nDate: {date}\n\n{CAFE_BODY}".encode(), "x.txt")
    assert a.date is None and any("date ignored" in w for w in a.warnings)


def test_malformed_metadata_is_warned_and_read_as_text():
    a = parse_article(b"Title: Half\nSource Daily Bugle\n\n" + CAFE_BODY.encode(), "x.txt")
    assert any("metadata ignored" in w for w in a.warnings)
    assert a.paragraphs[-1].startswith("Café owners")
    a = parse_article(b"Title: One\nTitle: Two\n\n" + CAFE_BODY.encode(), "x.txt")
    assert a.title == "Two" and any("twice" in w for w in a.warnings)


def test_huge_metadata_values_are_shortened():
    a = parse_article(("Title: " + "T" * 100_000 + "\nSource: " + "S " * 50_000 + "\nAuthor: "
                       + "A" * 100_000 + "\n\n" + CAFE_BODY).encode(), "x.txt")
    assert len(a.title) <= 180 and len(a.outlet) <= 90 and len(a.author) <= 90


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x",
                                 "data:text/html,<script>", "vbscript:x", "ftp://example.com/",
                                 "//example.com/x", "https://example.com/\"onmouseover=\"x",
                                 "https://example.com/<script>", "http://[::1", "https://",
                                 "https://exa mple.com/"])
def test_only_absolute_http_links_to_sources(url):
    assert safe_url(url) is None


def test_markup_stays_text_and_script_elements_are_dropped_from_markdown():
    md = parse_article(b"Title: <b>T</b>\n\nThe [bridge](javascript:alert(1)) closed "
                       b"<span onclick='x()'>today</span>, officials said.\n\n"
                       b"<script>\nsteal(document.cookie)\n</script>\n\nMore text here.\n", "x.md")
    assert md.title == "<b>T</b>"  # verbatim: escaping is the output's job
    assert md.paragraphs == ["The bridge closed today, officials said.", "More text here."]
    txt = parse_article(b"Title: T\n\nSay <script>alert(1)</script> now.\n", "x.txt")
    assert txt.paragraphs == ["Say <script>alert(1)</script> now."]


# --- duplicates and ids ---------------------------------------------------------------------

def test_the_same_article_under_other_names_and_encodings_is_one_article():
    seed = sorted(SEEDS.glob("001*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    copies = [parse_article(seed.read_bytes(), "b/original.txt"),
              parse_article(text.encode("utf-16"), "a/re-encoded.txt"),
              parse_article(("Title: Another Title\nSource: Someone\n\n" + text).encode(),
                            "c/with-metadata.txt"),
              parse_article(STORY.encode(), "d/other.txt")]
    assert find_duplicates(copies) == {"b/original.txt": "a/re-encoded.txt"}
    assert len({body_fingerprint(a) for a in copies}) == 3


def test_ids_are_unique_and_stable():
    arts = [parse_article(STORY.encode(), p) for p in
            ["a.txt", "a.md", "A.txt", "a-2.txt", "a b.txt", "z.txt"]]
    ids = unique_ids(arts)
    assert len(set(ids.values())) == len(arts)
    assert ids == unique_ids(list(reversed(arts)))
    assert ids["A.txt"] == "a" and ids["a-2.txt"] == "a-2" and ids["z.txt"] == "z"


def test_non_english_text_is_not_scored_for_readability():
    r = analyse_article(parse_article(("Title: Regeln\n\n" + GERMAN_BODY).encode(), "de.txt"))
    assert not r.readability.applicable and "not English" in r.readability.note
    assert r.readability.flesch_reading_ease is None


# --- the build report's account of a folder -------------------------------------------------

def test_report_names_every_file_and_symlink(tmp_path):
    content, outside = tmp_path / "c", tmp_path / "o"
    (content / "sub").mkdir(parents=True)
    outside.mkdir()
    (content / "sub" / "good.txt").write_bytes(STORY.encode())
    (content / "notes.pdf").write_bytes(b"%PDF")
    (content / ".DS_Store").write_bytes(b"\x00")
    os.symlink(outside, content / "out")
    os.symlink("..", content / "sub" / "loop")
    good = parse_article(STORY.encode(), "sub/good.txt")
    report = account_for_files(str(content), [good], {}, ["txt", "md"]).to_json()
    files = {f["path"]: f for f in report["files"]}
    assert set(files) == {"sub/good.txt", "notes.pdf", "out", "sub/loop"}
    assert files["sub/good.txt"]["status"] == "read"
    assert "outside" in files["out"]["reason"] and "inside" in files["sub/loop"]["reason"]
    assert report["errors"] == []
    empty = account_for_files(str(content), [], {}, ["txt", "md"]).to_json()
    assert "no article could be read" in empty["errors"]
    assert files == {f["path"]: f for f in account_for_files(
        str(content), [good], {}, ["txt", "md"]).to_json()["files"]}
