"""The hostile corpus (every input of issue 7 beside the five real seeds) built twice with the
real Pelican build: exit 0, every bad file named with a reason, every good article present, no
executable markup in any file written, and the two builds byte-identical."""
from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import Site, run_pelican, site_files
from hostile_corpus import write_hostile_corpus

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data",
                  "background", "cite", "srcset", "ping"}
BAD_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


class MarkupAudit(HTMLParser):
    """Everything executable in an HTML or XML file: inline scripts, on* handlers, script
    URLs, meta refreshes; and, in feeds, the same inside type="html" text (which feed readers
    render as HTML)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.html_text: list[list[str]] = []  # open type="html" elements' text
        self.external_scripts = 0

    def handle_starttag(self, tag, attrs):
        values = {k: (v or "") for k, v in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"event handler <{tag} {name}=...>")
            if name in URL_ATTRIBUTES and BAD_SCHEME.match(value):
                self.problems.append(f"script URL <{tag} {name}={value[:40]!r}>")
        if tag == "script":
            if values.get("src"):
                self.external_scripts += 1
            elif values.get("type", "").lower() not in DATA_SCRIPT_TYPES:
                self.problems.append("inline <script>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.problems.append("meta refresh")
        if tag in ("iframe", "object", "embed", "base"):
            self.problems.append(f"<{tag}>")
        if values.get("type") == "html":
            self.html_text.append([])

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self.html_text:
            self.html_text[-1].append(data)

    def handle_endtag(self, tag):
        if self.html_text and tag in ("content", "summary", "title", "subtitle"):
            inner = MarkupAudit()
            inner.feed("".join(self.html_text.pop()))
            self.problems += [f"in type=html text: {p}" for p in inner.problems]


def markup_problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        problems = ["raw < in JSON"] if "<" in text else []

        def walk(node, key=""):
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, k)
            elif isinstance(node, list):
                for v in node:
                    walk(v, key)
            elif isinstance(node, str) and key in ("url", "href", "page") and BAD_SCHEME.match(node):
                problems.append(f"script URL in {key!r}")
        walk(json.loads(text))
        return problems
    audit = MarkupAudit()
    audit.feed(text)
    audit.close()
    if len(re.findall(r"<script\b", text, re.IGNORECASE)) != audit.external_scripts:
        audit.problems.append("a <script> tag that is not an external script")
    unquoted = re.sub(r'"[^"]*"|\'[^\']*\'', '""', text)  # escaped text inside values is inert
    if re.search(r"<[^>]*\son\w+\s*=", unquoted, re.IGNORECASE):
        audit.problems.append("an on...= attribute")
    return audit.problems


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    expected = write_hostile_corpus(content, root / "outside")
    started = time.monotonic()
    first = run_pelican(content, root / "site1")
    seconds = time.monotonic() - started
    second = run_pelican(content, root / "site2")
    print(f"\nhostile corpus: first build {seconds:.1f} s")
    return SimpleNamespace(expected=expected, content=content, first=Site(root / "site1", first),
                           second=Site(root / "site2", second))


def report_files(site) -> dict[str, dict]:
    return {f["path"]: f for f in site.json("data/build-report.json")["files"]}


def test_the_hostile_corpus_builds_with_exit_0(hostile):
    for site in (hostile.first, hostile.second):
        assert site.run.returncode == 0, site.run.stderr[-3000:] + site.run.stdout[-3000:]
    assert hostile.first.json("data/build-report.json")["errors"] == []


def test_every_bad_file_is_named_in_the_report_with_its_reason(hostile):
    files = report_files(hostile.first)
    for path, word in hostile.expected.skipped.items():
        assert files[path]["status"] == "skipped", (path, files.get(path))
        assert word in files[path]["reason"], (path, files[path]["reason"])
    for path, kept in hostile.expected.merged.items():
        assert files[path]["status"] == "merged" and kept in files[path]["reason"], path
        assert files[path]["article"] == files[kept]["article"]
    assert {p for p, f in files.items() if f["status"] == "read"} == set(hostile.expected.read)


def test_each_skip_is_one_warning_line_naming_the_file(hostile):
    lines = (hostile.first.run.stdout + hostile.first.run.stderr).splitlines()
    for path in list(hostile.expected.skipped) + list(hostile.expected.merged):
        naming = [ln for ln in lines if re.search(rf"(Skipped|Merged) {re.escape(path)}:", ln)]
        assert len(naming) == 1 and "WARNING" in naming[0], (path, naming)
    assert not [ln for ln in lines if "ERROR" in ln or "Could not process" in ln]


def test_every_good_article_is_present_once(hostile):
    articles = [a for e in hostile.first.events for a in e["articles"]]
    paths = [a["source_path"] for a in articles]
    assert sorted(paths) == sorted(hostile.expected.read)
    ids = [a["id"] for a in articles]
    assert len(set(ids)) == len(ids)
    for a in articles:
        assert (hostile.first.root / "articles" / a["id"] / "index.html").exists()


def test_legacy_encodings_are_decoded_correctly(hostile):
    titles = {a["source_path"]: a["title"] for e in hostile.first.events for a in e["articles"]}
    for path, note in hostile.expected.read.items():
        if path.startswith("enc/"):
            assert titles[path].startswith(note), (path, titles[path])


def test_non_english_text_is_marked_not_applicable(hostile):
    site = hostile.first
    for event in site.events:
        for a in site.event(event["slug"])["articles"]:
            if a["source_path"] == "german.txt":
                assert a["readability"]["applicable"] is False
                assert "not English" in a["readability"]["note"]
                return
    pytest.fail("german.txt not built")


def test_files_outside_the_content_folder_never_reach_the_site(hostile):
    for path in hostile.first.root.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "must never be published" not in text and "Also Secret" not in text, path


def test_no_executable_markup_in_any_output_file(hostile):
    checked = 0
    for path in sorted(hostile.first.root.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".json"):
            assert markup_problems(path) == [], path
            checked += 1
    assert checked > 20
    xss = [a for e in hostile.first.events for a in e["articles"] if a["source_path"] == "xss.txt"]
    page = hostile.first.text(f"articles/{xss[0]['id']}/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text, not dropped


def test_a_second_build_is_byte_identical(hostile):
    """Every file, Pagefind's search bundle too."""
    first, second = site_files(hostile.first.root), site_files(hostile.second.root)
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []


def test_the_audit_catches_what_it_looks_for(tmp_path):
    bad = {"a.html": '<p onclick="x()">', "b.html": "<script>alert(1)</script>",
           "c.html": '<a href=" JavaScript:alert(1)">', "d.html": '<a href="&#106;avascript:x">',
           "e.json": '{"t": "<b>"}', "f.json": '{"url": "javascript:x"}',
           "g.xml": '<feed><content type="html">&lt;img src=x onerror=alert(1)&gt;</content></feed>'}
    for name, text in bad.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert markup_problems(tmp_path / name), name
    (tmp_path / "ok.html").write_text('<script src="/s.js"></script><a href="https://x">x</a>'
                                      "<p>&lt;script&gt; onclick=</p>", encoding="utf-8")
    assert markup_problems(tmp_path / "ok.html") == []


def test_a_build_that_reads_nothing_fails_and_says_why(tmp_path):
    content = tmp_path / "c"
    content.mkdir()
    (content / "empty.txt").write_bytes(b"")
    (content / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    run = run_pelican(content, tmp_path / "out")
    assert run.returncode != 0
    assert "no article could be read" in run.stdout + run.stderr
    report = json.loads((tmp_path / "out" / "data" / "build-report.json").read_text())
    assert {f["path"]: f["status"] for f in report["files"]} == {"empty.txt": "skipped",
                                                                  "photo.jpg": "skipped"}
    assert report["errors"] == ["no article could be read"]


def test_wrong_settings_fail_the_build(tmp_path):
    assert run_pelican(tmp_path / "missing", tmp_path / "out").returncode != 0
    bad = tmp_path / "bad.py"
    bad.write_text("PATH = 1 / 0\n")
    assert run_pelican(tmp_path, tmp_path / "out", settings=bad).returncode != 0
