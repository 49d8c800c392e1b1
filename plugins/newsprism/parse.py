"""Parse one article file (bytes) into an Article: decode, read metadata, clean the body.

Two input formats share everything but the body syntax:

- `.txt`: optional `Key: value` header lines, a blank line, then the body. With no header the
  first line is the headline when it looks like one.
- `.md`: Pelican's metadata block (`Key: value` lines), then Markdown.

Bad input raises UnreadableArticle with a reason a person can act on.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
from urllib.parse import urlsplit

from .model import Article, Block
from .text import DATELINE, normalise_space, shorten, slugify, split_sentences, words

KNOWN_KEYS = ("title", "source", "outlet", "url", "date", "author", "event", "slug", "summary",
              "tags", "category", "lang", "modified", "authors", "status")
MAX_TITLE_CHARS = 90
# Larger files are skipped as "too large": 20 MB articles build; nothing real is 50 MB of text.
MAX_ARTICLE_BYTES = 50_000_000
# Body text past this many characters (~170,000 words, a hundred long features) is not read:
# the analysis costs time in proportion to the text, and no news article comes near it.
MAX_BODY_CHARS = 1_000_000


class UnreadableArticle(ValueError):
    """The file cannot be read as an article; the message says why."""


# --- decoding -----------------------------------------------------------------------------

def check_size(n_bytes: int) -> None:
    if n_bytes > MAX_ARTICLE_BYTES:
        raise UnreadableArticle(f"too large ({n_bytes / 1e6:.0f} MB; the limit is "
                                f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB)")


def decode(raw: bytes) -> str:
    """Bytes to text: BOM-marked UTF-8/16/32, then UTF-8, then cp1252 (Windows text; Latin-1
    text decodes the same, its printable range being a subset).
    Raises UnreadableArticle for empty, binary or oversized content."""
    check_size(len(raw))
    if not raw.strip():
        raise UnreadableArticle("empty file (whitespace only)" if raw else "empty file")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return _check_text(raw.decode(codec))
            except UnicodeDecodeError as exc:
                raise UnreadableArticle(f"marked as {codec} but not valid {codec}: {exc.reason}")
    if b"\x00" in raw[:8192]:
        raise UnreadableArticle("binary file (contains NUL bytes)")
    try:
        return _check_text(raw.decode("utf-8"))
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined are C1 controls in Latin-1: no text either way.
        return _check_text(raw.decode("cp1252", errors="ignore"))


# C0/C1 control characters (but tab and newline) and XML's non-characters: never text, and
# they would make the feeds invalid XML. Form feed and vertical tab break lines.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f]")


def _check_text(text: str) -> str:
    sample = text[:8192]
    control = len(_CONTROL_CHARS.findall(sample))  # below 32, but not \t \n \v \f \r
    if control > max(8, len(sample) // 50):
        raise UnreadableArticle("binary file (mostly control characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = _CONTROL.sub("", text.lstrip("\ufeff"))
    if not text.strip():
        raise UnreadableArticle("empty file (whitespace only)")
    return text


# --- metadata -----------------------------------------------------------------------------

_HEADER = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):\s*(.*)$")


def split_header(text: str, require_known: bool = True,
                 problems: list[str] | None = None) -> tuple[dict[str, str], str]:
    """Split leading `Key: value` lines (ended by a blank line) from the body.
    Only a block whose keys are all metadata keys counts, so a body that starts with
    "Washington: ..." is not taken for a header. A block that starts like metadata but breaks
    off is read as body text, and `problems` gets a line saying so."""
    lines = text.split("\n", 64)  # a header is a few lines: never split a whole huge body
    meta: dict[str, str] = {}
    i = 0
    while i < len(lines) and lines[i].strip():
        line = lines[i].strip()
        m = _HEADER.match(line)
        key = m and m.group(1).strip().lower().replace(" ", "_").replace("-", "_")
        if not m or (require_known and key not in KNOWN_KEYS):
            if meta and problems is not None:
                problems.append(f"metadata ignored (line {i + 1} is not a `Key: value` line "
                                f"with a known key: {shorten(line, 40)!r}); read as body text")
            return {}, text
        if key in meta and problems is not None:
            problems.append(f"metadata {key!r} given twice; the last value is used")
        meta[key] = m.group(2).strip()
        i += 1
    if not meta:
        return {}, text
    return meta, "\n".join(lines[i + 1:])


def normalise_date(value: str) -> str | None:
    """Common date spellings to YYYY-MM-DD; None when it is not a real date."""
    value = value.strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", value)
    try:
        if m:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%m/%d/%Y",
                    "%B %d %Y"):
            try:
                return _dt.datetime.strptime(value, fmt).date().isoformat()
            except ValueError:
                continue
    except ValueError:
        return None
    return None


def safe_url(value: str | None) -> str | None:
    """Only absolute http(s) links to sources survive."""
    if not value:
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or any(
            ch in value for ch in " \t\"'<>`\\"):
        return None
    return value


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = host[4:] if host.startswith("www.") else host
    return host or None


# --- body cleaning ------------------------------------------------------------------------

# Web debris: whole lines that are comment, share or subscribe prompts, links to other
# stories ("More: A minute-by-minute guide to ...", "Related: ..."), or a video's blurb ("A
# major lawsuit from the Democratic National Committee, ... Veuer's Nick Cardona has that
# story."), not reporting.
_DEBRIS = re.compile(
    r"""^(?:
        leave\ a\ (?:reply|comment)|reply|or\ to\ participate\.?|
        (?:reply|log\ ?in|sign\ ?in|subscribe)\b.{0,40}\bto\ participate\.?|
        share\ (?:this|on)\b.{0,40}|share|tweet|email|print|
        (?:subscribe|sign\ up)\b.{0,80}(?:newsletter|updates|inbox|free)\b.{0,40}|
        subscribe(?:\ now)?|click\ (?:here\ )?to\ (?:share|print|email|subscribe)\b.{0,60}|
        follow\ us\ on\b.{0,60}|advertisement|related\ articles?|comments?|
        \d+\ comments?|you\ (?:may|might)\ also\ like\.?|read\ more\.?|
        (?:more|related|read\ (?:more|also)|see\ also|also\ read|watch|the\ bubble|
        don'?t\ miss|recommended):\ .{1,200}|
        .{1,250}?[.!?]["”’]?\ (?:[\w'’.-]+\ ){1,4}ha(?:s|ve)\ (?:that|this|the)\ story
    )[:.!]?$""",
    re.IGNORECASE | re.VERBOSE,
)
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to vs with".split())


def is_debris(line: str) -> bool:
    return len(line) < 300 and bool(_DEBRIS.match(normalise_space(line)))


def looks_like_heading(line: str) -> bool:
    """A short title-cased line without a closing period (also none inside a closing quotation
    mark: `..." Ron Dermer told Bret Baier on "Special Report."` is a sentence): a headline or
    sub-heading."""
    line = normalise_space(line)
    if not line or len(line) > 140 or line.rstrip("\"'”’").endswith((".", ",", ";")):
        return False
    tokens = words(line)
    if not tokens or len(tokens) > 16:
        return False
    if line.endswith(("?", ":")) and len(tokens) <= 12:
        return True
    content = [t for t in tokens if t.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for t in content if t[0].isupper() or t[0].isdigit())
    return capitalised / len(content) >= 0.6


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", "…", "\"", "”", "’", "'", ":", ")"))


def _txt_blocks(body: str) -> list[Block]:
    """Plain-text body: blank lines or single line breaks separate blocks; a line cut mid
    sentence (hard wrap) is joined to the next; short title-cased lines are headings."""
    lines = [normalise_space(x) for x in body.split("\n")]
    blocks: list[Block] = []
    buffer: list[str] = []  # the lines of the paragraph being read (joined once: linear)

    def flush() -> None:
        if buffer:
            blocks.append(Block("paragraph", " ".join(buffer)))
            buffer.clear()

    for i, line in enumerate(lines):
        if not line or is_debris(line):
            flush()
            continue
        if not buffer and looks_like_heading(line):
            blocks.append(Block("heading", line))
            continue
        buffer.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        wrapped = nxt and not _ends_sentence(line) and not looks_like_heading(nxt)
        if not wrapped:
            flush()
    flush()
    return blocks


# Inline Markdown to plain words. Every pattern is linear in the text, whatever it holds: a
# scan that starts at one delimiter stops at the next one (the character classes exclude it),
# and emphasis marks are dropped one run at a time instead of being paired.
_MD_TARGET = r"\((?:[^()]|\([^()]*\))*\)"  # a link target, with one level of (parentheses)
_MD_INLINE = [  # (a character every match holds, pattern, replacement)
    ("[", re.compile(r"!\[([^\[\]]*)\]" + _MD_TARGET), r"\1"),  # images: keep alt text
    ("[", re.compile(r"\[([^\[\]]+)\]" + _MD_TARGET), r"\1"),  # links: keep the words
    ("<", re.compile(r"<[^<>]{0,200}>"), ""),  # inline HTML tags
    ("*_", re.compile(r"(?<![\w*])[*_]+(?=\S)"), ""),  # emphasis opening a word run
    ("*_", re.compile(r"(?<=[^\s*_])[*_]+(?![\w*])"), ""),  # emphasis closing one
    ("`", re.compile(r"`([^`]*)`"), r"\1"),
]
_RAW_ELEMENTS = ("script", "style")  # raw HTML whose content is code, not the article's words


def _drop_raw_elements(text: str) -> str:
    """Remove <script>/<style> elements with their content (to the paragraph's end when
    unclosed). One forward scan with str.find: linear."""
    lower = text.lower()
    if "<script" not in lower and "<style" not in lower:
        return text
    out: list[str] = []
    pos = 0
    next_at = {name: lower.find(f"<{name}") for name in _RAW_ELEMENTS}
    while True:
        found = sorted((at, name) for name, at in next_at.items() if at >= 0)
        if not found:
            break
        at, name = found[0]
        out.append(text[pos:at])
        end = lower.find(f"</{name}", at)
        close = lower.find(">", end) if end >= 0 else -1
        pos = len(text) if close < 0 else close + 1
        for other, other_at in next_at.items():  # each search resumes past the removed part
            if 0 <= other_at < pos:
                next_at[other] = lower.find(f"<{other}", pos)
    out.append(text[pos:])
    return "".join(out)


def _md_inline(text: str) -> str:
    text = _drop_raw_elements(text)
    for marks, pattern, repl in _MD_INLINE:
        if any(mark in text for mark in marks):  # plain prose: no pattern can match
            text = pattern.sub(repl, text)
    return normalise_space(text)


def _md_heading(line: str) -> str | None:
    """The text of an ATX heading line (`## Text ##`), else None. String operations, not a
    regex: a heading's trailing spaces and hashes are stripped in linear time."""
    level = len(line) - len(line.lstrip("#"))
    if not 1 <= level <= 6 or len(line) == level or not line[level].isspace():
        return None
    return line[level:].strip().rstrip("#").rstrip()


_MD_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_MD_LINE_MARK = re.compile(r"^(?:>\s*|[-*+]\s+)")


def _md_blocks(body: str) -> list[Block]:
    """Markdown body: `#` lines are headings, blank lines separate paragraphs."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            text = _md_inline(" ".join(para))
            if text and not is_debris(text):
                blocks.append(Block("paragraph", text))
            para.clear()

    for raw_line in body.split("\n"):
        line = raw_line.strip()
        heading = _md_heading(line)
        if heading is not None:
            flush()
            text = _md_inline(heading)
            if text:
                blocks.append(Block("heading", text))
        elif not line or _MD_RULE.match(line):
            flush()
        else:
            para.append(_MD_LINE_MARK.sub("", line))  # quote and bullet marks
    flush()
    return blocks


def cut_at_boundary(text: str, limit: int) -> str:
    """The first `limit` characters of text, ended at the last paragraph, line or word break
    in their final tenth when there is one."""
    head = text[:limit]
    for sep in ("\n\n", "\n", " "):
        at = head.rfind(sep, limit - limit // 10)
        if at > 0:
            return head[:at]
    return head


# --- the article --------------------------------------------------------------------------

def article_id(source_path: str) -> str:
    """Stable id from the file's path inside the content folder (extension dropped)."""
    stem = source_path.rsplit(".", 1)[0] if "." in source_path.rsplit("/", 1)[-1] else source_path
    return slugify(stem, max_length=80)


def is_lead_as_title(title: str) -> bool:
    """Is the file's title its lead sentence? A dateline, then a sentence ending on a full
    stop: a headline has neither."""
    return bool(DATELINE.match(title)) and title.rstrip("”\"’'").endswith((".", "!"))


def derive_title(blocks: list[Block]) -> str:
    """A headline-less article's title: its first sentence, after its dateline, shortened at a
    word."""
    for block in blocks:
        if block.kind == "paragraph":
            first = split_sentences(block.text)
            lead = first[0] if first else block.text
            return shorten(DATELINE.sub("", lead) or lead, MAX_TITLE_CHARS)
    return ""


def parse_article(raw: bytes, source_path: str) -> Article:
    """Parse raw file bytes into an Article. `source_path` is relative to the content folder;
    its extension picks the body syntax."""
    text = decode(raw)
    fmt = "md" if source_path.lower().endswith((".md", ".markdown")) else "txt"
    warnings: list[str] = []
    meta, body = split_header(text.lstrip("\n"), require_known=(fmt == "txt"), problems=warnings)
    if len(body) > MAX_BODY_CHARS:
        warnings.append(f"long article: only its first {MAX_BODY_CHARS:,} characters are read "
                        f"(it has {len(body):,})")
        body = cut_at_boundary(body, MAX_BODY_CHARS)
    blocks = _md_blocks(body) if fmt == "md" else _txt_blocks(body)

    title = normalise_space(meta.get("title", ""))
    title_derived = False
    if is_lead_as_title(title):  # the lead, which the body then goes on from
        blocks = [Block("paragraph", title)] + blocks
        title = ""
    if not title and blocks and blocks[0].kind == "heading":
        title = blocks[0].text
        blocks = blocks[1:]
    if not title:
        title = derive_title(blocks)
        title_derived = True
    if not any(b.kind == "paragraph" for b in blocks):
        raise UnreadableArticle("no article text (metadata or headline only)")
    if len(title) > MAX_TITLE_CHARS * 2:
        title = shorten(title, MAX_TITLE_CHARS * 2)

    url = safe_url(meta.get("url"))
    if meta.get("url") and not url:
        warnings.append(f"URL ignored (not an http(s) link): {meta['url'][:80]!r}")
    date = None
    if meta.get("date"):
        date = normalise_date(meta["date"])
        if date is None:
            warnings.append(f"date ignored (not a real date): {meta['date'][:40]!r}")

    outlet = shorten(meta.get("source") or meta.get("outlet") or "", MAX_TITLE_CHARS)
    outlet_derived = "source"
    if not outlet:
        outlet = outlet_from_url(url) or ""
        outlet_derived = "url"
    if not outlet:
        outlet = f"unknown outlet ({source_path.rsplit('/', 1)[-1]})"
        outlet_derived = "file"

    event = slugify(meta["event"]) if meta.get("event", "").strip() else None
    return Article(
        id=article_id(source_path),
        source_path=source_path,
        title=title,
        outlet=outlet,
        url=url,
        date=date,
        author=shorten(meta.get("author", ""), MAX_TITLE_CHARS) or None,
        event=event,
        blocks=blocks,
        content_hash=hashlib.sha256(raw).hexdigest(),
        title_derived=title_derived,
        outlet_derived=outlet_derived,
        warnings=warnings,
    )
