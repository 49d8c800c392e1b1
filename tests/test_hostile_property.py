"""Property tests: random and adversarial text through reader, analysis and rendering.

The reader, the analysis and the page writing never raise on any input (a bad file is skipped,
never "failed"), and nothing from the input reaches a written file as markup: no `<xq` tag (a
name only the input uses) stands unescaped in any output, and the markup audit of the hostile
build finds nothing executable.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican import Pelican
from pelican.settings import read_settings

from newsprism.analyse import analyse_article
from newsprism.export import dumps, event_detail, events_index
from newsprism.parse import UnreadableArticle, parse_article
from newsprism.pelican_plugin.readers import NothingToBuild
from newsprism.pipeline import build_digest

from conftest import ROOT
from test_hostile_build import markup_problems

HOSTILE = ["<xq>", "</xq>", "<XQ onclick=alert(1)>", "<script>alert(1)</script>",
           "<img src=x onerror=alert(1)>", "javascript:alert(1)", '"', "'", "&", "&lt;xq&gt;",
           "&#60;xq", "<", ">", "{{ 7*7 }}", "{% raw %}", "\u202e", "\x00", "\x1b", "\ufeff",
           "“", "”", "‘", "...", "!", "?", "\n", "\n\n", "# ", "## ", "**", "_", "`", "* ",
           "> ", "[a](javascript:alert(1))", "![i](x)", "Title: ", "URL: ", "Date: ", ": ",
           "]]>", "<![CDATA[", "-->", "<!--", "Mr. ", "U.S. ", "12,000 troops", "5%",
           " said John Smith. ", "“Yes,” she said. ", "Leave a Reply", "\t", "\u00a0",
           "Über", "日本語の記事です。", "مرحبا", "😀"]
fragment = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))
prose = st.lists(fragment, max_size=50).map("".join)
line = fragment.map(lambda s: " ".join(s.split()))
header = st.fixed_dictionaries({}, optional={
    "Title": line, "Source": line, "URL": st.one_of(line, st.just("https://example.com/a?b=<xq>"),
                                                    st.just("javascript:alert(1)")),
    "Date": st.one_of(line, st.dates().map(str)), "Event": line, "Author": line})


@st.composite
def article_file(draw) -> tuple[str, bytes]:
    ext = draw(st.sampled_from(["txt", "md"]))
    if draw(st.integers(0, 9)) == 0:
        return ext, draw(st.binary(max_size=300))
    meta = draw(header)
    text = "".join(f"{k}: {v}\n" for k, v in meta.items()) + ("\n" if meta else "")
    text += draw(prose)
    codec = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "cp1252"]))
    return ext, text.encode(codec, errors="replace")


@settings(max_examples=300, deadline=None)
@given(article_file())
def test_core_never_raises_and_json_holds_no_markup(file):
    ext, raw = file
    try:
        article = parse_article(raw, f"x.{ext}")
    except UnreadableArticle:
        return
    analysis = analyse_article(article)
    digest = build_digest([analysis])
    out = dumps(events_index(digest.comparisons, digest.analyses))
    out += "".join(dumps(event_detail(c, digest.analyses)) for c in digest.comparisons)
    assert "<" not in out


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(article_file(), min_size=1, max_size=3))
def test_a_real_build_never_fails_and_never_emits_input_markup(files):
    with tempfile.TemporaryDirectory() as tmp:
        content, output = Path(tmp) / "content", Path(tmp) / "site"
        content.mkdir()
        for i, (ext, raw) in enumerate(files):
            (content / f"a{i}.{ext}").write_bytes(raw)
        conf = read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(content), "OUTPUT_PATH": str(output), "NEWSPRISM_SEARCH": False})
        try:
            Pelican(conf).run()
        except NothingToBuild:
            pass  # every file was skipped: the report says why, and the build exits 1
        report = (output / "data" / "build-report.json").read_text(encoding="utf-8")
        assert '"failed"' not in report, report
        for path in output.rglob("*"):
            if path.suffix in (".html", ".xml", ".json"):
                text = path.read_text(encoding="utf-8")
                assert "<xq" not in text.lower(), path
                assert markup_problems(path) == [], path
