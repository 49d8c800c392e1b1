"""Direct quotations and who said them.

`extract_quotes(sentences)` finds every span in quotation marks (curly or straight; a quote may
run over several sentences, or to the end of its paragraph when the closing mark is missing, as
in multi-paragraph quotes) and names its speaker:

- a tag after the quote: `”, says Douglas`, `” Putin stated in September`, `,” he explains`,
  `,” said Rep. Zoe Lofgren`, `,” according to Kim`;
- a lead-in before it: `Zelenskyy responded ... by stating, “`, `Peskov accusing Washington
  of “`, or a colon ending a clause about its subject that names no one else (`Trump also
  took credit for improved relations, including ...: “`); a lead-in naming what the quote
  calls something beats any tag after (`what Trump called “a very special relationship,”
  Macron repeatedly hinted` is Trump's);
- a pronoun resolves to the subject of the latest sentence naming a person outside quotes
  (not someone in a clause put in front of it; a sentence whose subject is "he" keeps him,
  whoever else it names), a surname or a role ("the spokesperson", "the congressman" for a
  "Rep.") to the full name the article gave earlier ("Kremlin spokesperson Dmitry Peskov"),
  an organisation by its kind ("the agency") to the one of that kind it named last ("The
  Korean Central News Agency said");
- a source described rather than named is given in the article's words: `," the suit states`,
  `one former Israeli official said, “`, `A Number 10 spokesperson said: “` (and a statement
  or spokesperson of someone named is theirs: `Merkel's statement said`; a campaign named
  after someone is not them: `The Trump campaign is seeking ..., arguing ... “`), and a group
  described after people quoted together ("the chairmen said" after a statement of
  "Goodlatte, Gowdy and Nunes") is them;
- a paragraph that is only a quote continues the previous quote's speaker, or that of a
  paragraph quoting no one in which someone said something ("A British government
  spokeswoman in Washington said ..."; where they are is no speaker); a quote with
  no tag of its own shares the next one's in its sentence (`"agreed ...," which is
  "resolved ...," Merkel's statement said`).
- a question tagged only as one of a list ('"...?" reads one question', "another asks") is
  asked by whoever the article last named as asking those questions ("Robert Mueller has
  given a list of ... questions");
- reported speech in the first person of the one spoken to, who wrote it down, is theirs:
  the one other person the sentence names before it (`Comey ..., who added that ... the
  president told him he was “doing a great job and wished me well.”`), or no one's.

Straight marks pair past a pair nested inside (`"... these large "Caravans" of people ...,"`);
a paragraph that closes a quotation it never opened is quoted from its start (the outlet left
out the mark). Scare quotes ("poison the well", "adult in the room") and titles in quotation
marks are not quotes; two words are one only as a whole sentence of speech with its tag
(`"It's overkill," Thompson told HuffPost.`). The quote text is always the article's own
characters, verbatim.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from dataclasses import replace

from .model import Quote, Sentence
from .names import (PRONOUNS, Name, PeopleRegister, find_names, find_names_in_sentences,
                    role_words_before)
from .text import SOURCE_NOUNS, SPEECH_VERBS, STOPWORDS, words

_OPENING = "“\""
_CLOSING = "”\""
_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gen|Gov|Lt|Col|St|Jr|Sr|[A-Z])\.")
_TAG_WINDOW = 14  # words after a quote in which its tag (verb and speaker) must stand
_RELATIVES = frozenset({"who", "which", "that", "whom"})
_REPORTED_CLAUSE = frozenset("that whether if how why what".split())  # "said that ..."
_PREPOSITIONS = frozenset("in by for after before of on with without about from into".split())
_OTHER_PRONOUNS = frozenset({"they", "it", "we", "i", "you"})
# A tag further than this many words after a quote loses to a lead-in before it.
_NEAR_TAG = 4
# A lead-in naming what the quotation calls something, right before its opening mark ("what
# Trump called “a very special relationship,” Macron hinted"): the words are the lead-in's
# speaker's, whoever speaks in a tag after them.
_NAMING_LEAD = re.compile(r"\b(?:call(?:s|ed)|dub(?:s|bed)|term(?:s|ed)|brand(?:s|ed)|"
                          r"label(?:s|ed|led)|describ(?:es|ed)(?:\s+\w+)?\s+as)"
                          r"(?:\s+(?:it|them|him|her|this|that|these|those))?\s*$",
                          re.IGNORECASE)
# Reported speech in the first person of the one spoken to, who wrote it down: a quotation
# opening an indirect question or a clause about someone in the third person ('to ask "if I
# did what he had asked"', 'said "he thought very highly of me"'), or going on a clause about
# the one told ('told him he was "doing a great job and wished me well"').
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
_INDIRECT_OPENING = re.compile(r"(?:if|whether|he|she)\b")
_TOLD_ABOUT_THEM = re.compile(r"\b(?:him|her)\s+(?:that\s+)?(?:he|she)(?:\s+[a-z]+)?\s*$")
_QUOTE_CHARS = re.compile(r"[“”\"]")
_LETTERS = re.compile(r"[A-Za-z]+")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_TAG_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w’'\-.]*")
_NOT_LOWER = re.compile(r"[^a-z]")
_ACCORDING_TO = re.compile(r"[\s,”\"]*according to\s+")  # after the closing mark too
_ACCORDING_LEAD = re.compile(r"\b[Aa]ccording to\s+")  # before the quote
_SENTENCE_END = re.compile(r"[.!?]\s")
_CLAUSE_END = re.compile(r"[.!?;]\s")
_ENDS_SENTENCE = re.compile(r"[.!?…]$")
_OF_PLACE = re.compile(r"\s+(?:of|from)\s+")
_COMMA = re.compile(r"\s*,\s*")
_TITLE_WORDS = re.compile(r"\s*(?:[A-Z][\w.\-]*\s+){0,4}")  # "said DNC Chairman Tom Perez"
# Small words a title's capitalisation skips ("The Art of the Deal")
_TITLE_SMALL_WORDS = frozenset(("a", "an", "the", "of", "and", "in", "on", "to", "for", "with"))


class _Block:
    """The sentences of one paragraph joined by single spaces, with each sentence's offset."""

    def __init__(self, sentences: list[Sentence], index: int = 0) -> None:
        self.sentences = sentences
        self.index = index
        self.offsets: list[int] = []
        parts: list[str] = []
        pos = 0
        for s in sentences:
            self.offsets.append(pos)
            parts.append(s.text)
            pos += len(s.text) + 1
        self.text = " ".join(parts)

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding offset `pos` (offsets are ascending: bisect)."""
        return max(0, bisect.bisect_right(self.offsets, pos) - 1)

    def sentence_bounds(self, k: int) -> tuple[int, int]:
        start = self.offsets[k]
        return start, start + len(self.sentences[k].text)

    def main_clause_start(self, k: int) -> int:
        """Where sentence k's main clause begins: after the comma that closes a clause put in
        front of it ("As he held out ... with Mr. Kim, Mr. Trump repeated ..."), else at its
        start. That is the first comma followed by a subject and its verb (a name or pronoun,
        then a word in lower case), not one that opens an aside ("After reports about his
        lawyer, Michael D. Cohen, and a book by James B. Comey, the F.B.I. director he
        ousted, Mr. Trump appeared ..."); failing that, the first comma."""
        start, end = self.sentence_bounds(k)
        first = self.sentences[k].text.split(" ", 1)[0].lower()
        if first in _FRONTED:
            comma = self.text.find(",", start, end)
            if comma == -1:
                return start
            at = comma
            while at != -1:
                if _SUBJECT_THEN_VERB.match(self.text, at + 1, end):
                    return at + 1
                at = self.text.find(",", at + 1, end)
            return comma + 1
        return start

    def pronoun_subject(self, k: int) -> bool:
        """Does sentence k open with "he" or "she" (whom the article named before)? (Not a
        pronoun after a clause put in front: in "While Mr. Abe praised Mr. Trump, he did not
        ...", he is Abe.)"""
        start = self.offsets[k]
        first = _TAG_WORD.search(self.text, start, start + 12)
        return bool(first) and _is_pronoun(first.group())


_SAID_WORDS = ("said", "says", "added", "wrote", "explained", "noted")
_SAID_BEFORE = re.compile(r",\s+(?:%s)\s+(?:[A-Z][\w.]*\s+){0,3}$" % "|".join(_SAID_WORDS))
_SAID_AFTER = re.compile(r"\s+(?:said|says|added|wrote)(?:\s+[A-Za-z]+){0,2}\s*\.")


def _names_its_source(text: str, name: Name) -> bool:
    """Is the name the source a sentence of reported speech ends by naming ("..., said Rick
    Tyler, a consultant", "..., Rick Tyler said.")?"""
    before = text[max(0, name.start - 60):name.start]
    if any(w in before for w in _SAID_WORDS) and _SAID_BEFORE.search(before):
        return True
    return before.endswith(", ") and bool(_SAID_AFTER.match(text, name.end))


# A clause's opening subject and verb: "Mr. Trump appeared", "he said", "President Moon
# Jae-in told".
_SUBJECT_THEN_VERB = re.compile(r"\s*(?:(?:[A-Z][\w.’'\-]*\s+)+|(?:he|she|they|we|it)\s+)[a-z]")


# Words that open a clause or a phrase put in front of the sentence's subject ("In his meeting
# with Mr. Abe, Mr. Trump projected optimism": Mr. Trump's sentence).
_FRONTED = frozenset("as while when whenever after before although though since because if once "
                     "unless until despite during unlike like following amid in on at with "
                     "without for from by over under through throughout across against among "
                     "within upon toward towards beyond".split())


_OPENING_MARK = re.compile("[“\"]")


def _has_opening_mark(text: str) -> bool:
    """Most text has no quotation mark: two plain scans tell so some ten times quicker than
    `_OPENING_MARK` (a pattern that starts with a character class reads char by char)."""
    return "“" in text or "\"" in text


def _has_quote_mark(text: str) -> bool:
    """`_has_opening_mark`, or a closing curly mark (a quotation ending here)."""
    return _has_opening_mark(text) or "”" in text


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quotation marks: curly pairs, straight
    pairs in turn; an opening mark left unclosed runs to the end of the text."""
    if not _has_opening_mark(text):
        return []
    spans: list[tuple[int, int]] = []
    n = len(text)
    found = _OPENING_MARK.search(text)  # jump from mark to mark: most text has none
    while found:
        i = found.start()
        ch = text[i]
        if ch == "“" or _opens_straight(text, i):
            j = text.find("”", i + 1) if ch == "“" else _straight_close(text, i)
            if ch == "“":
                # a stray straight quote may close a curly one in badly typed text
                other = text.find("\"", i + 1)
                if j == -1 or (other != -1 and other < j and text.find("“", i + 1, other) == -1
                               and _closes_straight(text, other)):
                    j = other if other != -1 else j
            nxt_open = text.find("“", i + 1)
            if j == -1 or (ch == "“" and nxt_open != -1 and nxt_open < j):
                j = nxt_open if nxt_open != -1 else n  # unclosed: to the next quote or the end
                spans.append((i + 1, j))
                found = _OPENING_MARK.search(text, j)
                continue
            spans.append((i + 1, j))
            i = j
        found = _OPENING_MARK.search(text, i + 1)
    return spans


def closes_unopened_quotation(text: str) -> bool:
    """Does the sentence close a quotation it never opened (`bigger than ever before," Trump
    said.`: the end of a quote begun in an earlier sentence)? See `_unopened_close`."""
    return _unopened_close(text) != -1


def leaves_quotation_open(text: str, spans: list[tuple[int, int]] | None = None) -> bool:
    """Does the sentence open a quotation it does not close (`Comey said the president "hoped
    I could find a way ...`: the quotation goes on in the next sentence)? `spans`: its
    `quote_spans`, when the caller has them already."""
    spans = quote_spans(text) if spans is None else spans
    return bool(spans) and spans[-1][1] >= len(text)


def _unopened_close(text: str) -> int:
    """Where the text closes a quotation it never opened, or -1: its first quotation mark is a
    closing one, a curly ” before any “, or a straight one right after a word or punctuation
    and before a space or the end."""
    found = [i for i in (text.find("“"), text.find("”"), text.find('"')) if i != -1]
    if not found:  # most sentences: three scans in C, not a loop over every character
        return -1
    i = min(found)
    if text[i] != '"':
        return i if text[i] == "”" else -1
    closes = i > 0 and not text[i - 1].isspace() and (
        i + 1 == len(text) or not text[i + 1].isalnum())
    return i if closes else -1


def paragraph_quote_spans(text: str) -> list[tuple[int, int]]:
    """`quote_spans` of a paragraph, and the quotation it closes without opening from its
    start: the end of one begun in an earlier paragraph, or one whose opening mark the outlet
    left out (`Over the past 24-hours several groups ... Port of Entry," he said.`)."""
    spans = quote_spans(text)
    close = _unopened_close(text)
    if close != -1:
        spans.insert(0, (0, close))
    return spans


# A quotation in a headline, where single marks are the rule ('caravan', ‘clearly’): single or
# double, straight or curly; an apostrophe inside a word ("isn't") neither opens nor closes one.
HEADLINE_QUOTATION = re.compile(
    r"(?:^|(?<=[\s(:—–-]))[\"'“‘](?:[^\"'“”‘’]|(?<=\w)['’](?=\w))+[\"'”’](?=$|[\s,.;:!?)—–-])")


def headline_own_words(title: str) -> str:
    """A headline's words outside its quotations (`HEADLINE_QUOTATION`): the outlet's own."""
    return HEADLINE_QUOTATION.sub(" ", title)


def outside_quotes(text: str) -> str:
    """The text with its quotations left out (the outlet's own words), the pieces joined by
    single spaces."""
    spans = quote_spans(text)
    if not spans:
        return text
    out, pos = [], 0
    for a, b in spans:
        out.append(text[pos:max(a - 1, pos)])
        pos = b + 1
    out.append(text[pos:])
    return " ".join(out)


def own_words(sentences: list[Sentence]) -> dict[str, str]:
    """Each sentence's words outside quotation marks (the outlet's own; by sentence id), read
    paragraph by paragraph: a quotation runs over the sentences of its paragraph ("It is a
    terrible deal. It should have never been made," Trump said.), and a paragraph that opens by
    closing a quotation begun in an earlier one is the outlet's only after that mark."""
    by_block: dict[int, list[Sentence]] = defaultdict(list)
    for s in sentences:
        by_block[s.block].append(s)
    out: dict[str, str] = {}
    for members in by_block.values():
        if not any(_has_quote_mark(s.text) for s in members):  # most paragraphs
            out.update((s.id, s.text) for s in members)
            continue
        block = _Block(members)
        text = block.text
        spans = [(max(0, a - 1), b + 1) for a, b in paragraph_quote_spans(text)]  # with marks
        if not spans:
            out.update((s.id, s.text) for s in members)
            continue
        for k, s in enumerate(members):
            a, b = block.sentence_bounds(k)
            pieces, pos = [], a
            for lo, hi in spans:
                if hi <= pos or lo >= b:
                    continue
                if lo > pos:
                    pieces.append(text[pos:lo])
                pos = min(max(pos, hi), b)
            pieces.append(text[pos:b])
            out[s.id] = " ".join(p for p in pieces if p.strip())
    return out


def _opens_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isspace() and (before.isspace() or before in "([—-:,;" or i == 0)


def _straight_close(text: str, i: int) -> int:
    """The straight mark closing the one that opens at i, past the pairs nested inside it
    ('"Mexico has the absolute power not to let these large "Caravans" of people enter ...,"
    he tweeted'); -1 when none closes it."""
    depth = 0
    j = text.find("\"", i + 1)
    while j != -1:
        if _opens_straight(text, j) and not _closes_straight(text, j):
            depth += 1
        elif depth:
            depth -= 1
        else:
            return j
        j = text.find("\"", j + 1)
    return -1


def _closes_straight(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return after.isspace() or after in ".,;:!?)—-"


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim the quote span: spaces, and a trailing comma that belongs to the sentence."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _verb_positions(text: str) -> list[tuple[int, int, str]]:
    """Speech verbs in `text`; not those used as adjectives or nouns after a determiner
    ("the alleged collusion", "his remarks", "a statement")."""
    out = []
    prev = ""
    for m in _LETTERS.finditer(text):
        low = m.group().lower()
        if low in SPEECH_VERBS and prev not in _DETERMINERS and (
                m.group()[0].islower() or not text[max(0, m.start() - 40):m.start()].strip()):  # not "United States"
            out.append((m.start(), m.end(), low))
        prev = low
    return out


_DETERMINERS = frozenset("the a an this that these those his her its their our my your "
                         "whose".split())


class _SpeakerFinder:
    def __init__(self) -> None:
        self.people = PeopleRegister()
        self.last_person: str | None = None
        self.tag_distance = 0  # words between a quote and its trailing tag's verb
        self.spoken_in: set[tuple[int, int]] = set()  # (block, sentence) with a known speaker
        self.sentence_before = ""  # the sentence before the quote's, for "it" and "they"

    def register(self, block: "_Block", names: list[Name], spans: "_Spans") -> None:
        """Note the people named outside quotes. A later "he" or "she" means the person a
        recent sentence is about: the first person its main clause names (its subject, as a
        rule), not whoever it names last ("Trump ridiculed ... John Kerry. "...," he said"),
        nor someone named in a clause put in front ("As he met Mr. Kim, Mr. Trump said"; only
        when the main clause names nobody). The names come in reading order, so the last such
        sentence's subject wins."""
        text = block.text
        subject: str | None = None  # the subject of the latest sentence seen so far
        subject_sentence = -1
        in_front = False  # is that subject named before its sentence's main clause?
        for name in names:
            if spans.spans and spans.holds(name.start):
                continue
            full = self.person_name(text, name)
            if not full:
                continue
            k = block.sentence_at(name.start)
            # a sentence whose quote was attributed already told us who it is about: names
            # after that quote ("..., said Pottinger ... with Kim") do not replace its speaker
            if (block.index, k) in self.spoken_in:
                continue
            if _names_its_source(text, name):
                # "Rubio, Bush, ... would have stayed in the deal, said Rick Tyler, who worked
                # for Cruz": the one who says it is who the next "he" is
                subject, subject_sentence, in_front = full, k, False
                self.spoken_in.add((block.index, k))
                continue
            owned = _POSSESSIVE_THEN_WORD.match(text, name.end)
            if owned and owned.group(1).lower() in _SPEECH_NOUNS and _WHEN_THEY.match(
                    text, owned.end()):
                # "Breitbart London reported in 2017 on Khan's remarks, when he said": the one
                # whose remarks they are is that "he" ("Trump dismissed Comey's remarks. He
                # said" is still Trump)
                subject, subject_sentence, in_front = full, k, False
                continue
            if owned and _after_preposition(text, block.offsets[k], name):
                # "Aides said he hoped to push back against Mr. Macron's entreaties": whose
                # entreaties they are, not whom the sentence is about (nor the next "he")
                continue
            if k != subject_sentence:
                if block.pronoun_subject(k):
                    continue  # "He said he looks forward to being questioned by Mueller": him
                subject, subject_sentence = full, k
                in_front = name.start < block.main_clause_start(k)
            elif in_front and name.start >= block.main_clause_start(k):
                subject, in_front = full, False
        if subject:
            self.last_person = subject

    def person_name(self, text: str, name: Name) -> str | None:
        """The full name of a person mention, registering new people as they appear."""
        if name.person:
            known = self.people.resolve(name.text)
            if known and len(known.split()) >= len(name.text.split()):
                # "U.S. President Donald Trump" after a bare "Donald Trump": learn the role
                self.people.add_roles(known, role_words_before(text, name))
                return known
            return self.people.add(name, role_words_before(text, name))
        known = self.people.resolve(name.text)
        if known:
            return known
        if name.title:  # "President Trump": a person by title alone
            return self.people.add(name, role_words_before(text, name))
        following = _NEXT_WORD.match(text, name.end, name.end + 40)
        if following and following.group(1) in SPEECH_VERBS and name.text.isalpha() and (
                name.text[1:].islower()) and not (  # a capital that only opens a sentence
                name.start == 0 or text[max(0, name.start - 40):name.start].rstrip().endswith(
                    (".", "!", "?"))):
            return self.people.add(name, [])  # "Douglas suggests": someone who speaks
        return None

    def resolve_mention(self, text: str, name: Name) -> str | None:
        return self.person_name(text, name)


class _Spans:
    """Sorted, non-overlapping quote spans; `holds(pos)` by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]

    def holds(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.spans[k][1]


def extract_quotes(sentences: list[Sentence]) -> list[Quote]:
    """Every direct quotation in the article, in reading order, with its speaker."""
    by_block: dict[int, list[Sentence]] = defaultdict(list)
    marked: set[int] = set()  # the paragraphs with an opening mark
    for s in sentences:
        by_block[s.block].append(s)
        if _has_opening_mark(s.text):
            marked.add(s.block)
    finder = _SpeakerFinder()
    quotes: list[Quote] = []
    previous_speaker: str | None = None
    previous_block: int | None = None
    last_sentence = ""  # the last sentence of the paragraph before
    # paragraphs after the last one with an opening mark hold no quote: they are not read
    if not marked:
        return quotes
    last_marked = max(marked)
    for block_index in sorted(k for k in by_block if k <= last_marked):
        block = _Block(by_block[block_index], block_index)
        text = block.text
        names = find_names_in_sentences([s.text for s in block.sentences])
        name_starts = [n.start for n in names]

        def names_in(lo: int, hi: int) -> list[Name]:
            """The names starting in [lo, hi): a slice, so a huge paragraph stays linear."""
            return names[bisect.bisect_left(name_starts, lo):bisect.bisect_left(name_starts, hi)]

        spans = [_clean(text, a, b) for a, b in paragraph_quote_spans(text)]
        spans = [(a, b) for a, b in spans if b > a]
        in_quotes = _Spans(spans)
        cursor = 0
        quoted_to = 0  # the end of the paragraph's last real quotation so far
        block_speaker_seen = False
        in_block: list[tuple[int, int, int]] = []  # (index in quotes, start, end)
        by_tag: set[int] = set()  # quotes whose speaker a tag after them names
        for qi, (qs, qe) in enumerate(spans):
            # people named before this quote (outside quotes) are known before we resolve it
            finder.register(block, names_in(cursor, qs), in_quotes)
            # a lead-in runs back over a scare quote ("home “relatively soon” but said “...”"),
            # not over a quotation (whose own tag is no lead-in of this one)
            prev_end = quoted_to
            next_start = spans[qi + 1][0] - 1 if qi + 1 < len(spans) else len(text)
            k = block.sentence_at(qs)
            s_start, s_end = block.sentence_bounds(k)
            finder.sentence_before = block.sentences[k - 1].text if k else last_sentence
            k_end = block.sentence_at(min(qe, len(text) - 1))
            _, tail_sentence_end = block.sentence_bounds(k_end)
            head = (max(prev_end, s_start), max(qs - 1, 0))
            tail = (qe + 1, min(next_start, _tail_end(text, qe, tail_sentence_end)))
            local = names_in(s_start, max(tail[1], qe) + 1)  # the quote's sentences
            finder.tag_distance = 0
            speaker, cue = _speaker_after(text, tail, local, finder)
            tagged = bool(speaker)
            if (not speaker or finder.tag_distance > _NEAR_TAG
                    or _NAMING_LEAD.search(text, head[0], head[1])):
                # a lead-in ("Mr. Macron said the goal would be to “...”") beats a far tag;
                # its speech verbs are found once, for its speaker and for how close they are
                lead_verbs = [v for v in _verb_positions(text[head[0]:head[1]])
                              if not in_quotes.holds(head[0] + v[0])]  # not a scare quote's
                lead_speaker, lead_cue = _speaker_before(text, head, local, finder, lead_verbs)
                if lead_speaker and _lead_in_governs(text, head[0], lead_verbs, qs):
                    speaker, cue, tagged = lead_speaker, lead_cue, False
                elif not speaker:
                    speaker, cue = lead_speaker, lead_cue
            if not speaker:
                speaker, cue = _fronted_speaker(text, s_start, (qs, qe), tail[1], local, finder)
            quote_text = text[qs:qe]
            if not _is_real_quote(text, qs, qe, quote_text, cue):
                cursor = qs
                continue
            if not speaker:
                opens_paragraph = not text[max(0, qs - 41):max(0, qs - 1)].strip()
                if opens_paragraph and previous_speaker and previous_block is not None and (
                        block_index - previous_block <= 2):
                    speaker, cue = previous_speaker, "continuation"
                elif qi and quotes and quotes[-1].speaker and block_speaker_seen:
                    speaker, cue = quotes[-1].speaker, "continuation"
            if speaker and cue != "after" and _in_someone_elses_voice(text, head, qs, qe):
                speaker, cue = _the_one_spoken_to(
                    text, speaker, [n for n in local if s_start <= n.start < qs
                                    and not in_quotes.holds(n.start)], finder)
            quoted_to = qe + 1
            quotes.append(Quote(text=quote_text, speaker=speaker,
                                sentence=block.sentences[k].id,
                                sentence_text=block.sentences[k].text, cue=cue))
            in_block.append((len(quotes) - 1, qs, qe))
            if tagged:
                by_tag.add(len(quotes) - 1)
            if speaker:
                previous_speaker, previous_block = speaker, block_index
                block_speaker_seen = True
                if cue != "source":  # "he" is never "the suit"
                    finder.last_person = speaker
                finder.spoken_in.add((block.index, k_end))
            cursor = qs
        _share_tags(text, quotes, in_block, by_tag)
        finder.register(block, names_in(cursor, len(text) + 1), in_quotes)
        last_sentence = block.sentences[-1].text
        said = [v for v in _verb_positions(text) if v[2] in _SAID_WORDS
                and not in_quotes.holds(v[0])] if not quoted_to else []
        if said:
            # a paragraph quoting no one in which someone says something ("A British
            # government spokeswoman said the extension was "positive," but ..."): a quotation
            # opening the next paragraph with no tag is theirs, not the last speaker's
            s_start, _ = block.sentence_bounds(block.sentence_at(said[-1][0]))
            previous_speaker, _ = _speaker_before(text, (s_start, said[-1][1]),
                                                  names_in(s_start, said[-1][1]), finder)
            previous_block = block_index
        elif not spans and names and any(n.person for n in names):
            previous_speaker = None  # a narrative paragraph naming someone breaks continuity
        if text.rstrip().endswith(":") and not (spans and spans[-1][1] >= len(text.rstrip()) - 2):
            # "Comey recounts:" - the quotation that opens the next paragraph is theirs
            s_start, _ = block.sentence_bounds(len(block.sentences) - 1)
            lead_speaker, _ = _speaker_before(text, (max(s_start, cursor), len(text)),
                                              names_in(max(s_start, cursor), len(text) + 1), finder)
            if lead_speaker:
                previous_speaker, previous_block = lead_speaker, block_index
    # the passes that read back over the article for a quote's source ("the agency", "the
    # chairmen", "one question asks"), with each sentence's place in it
    position = {s.id: k for k, s in enumerate(sentences)}
    quotes = _organisations_named(quotes, sentences, position)
    quotes = _groups_named(quotes, position)
    return _askers_named(quotes, sentences, position, finder.people)


# A source described by its kind ("the agency added") is the organisation of that kind the
# article named last, within this many sentences before ("The Korean Central News Agency said").
ORGANISATION_REACH = 30
# Each kind, and its name: capitalised words ending in it ("The Korean Central News Agency").
_NAMED_KIND = {
    kind: re.compile(r"\b((?:[A-Z][\w.&'’-]*\s+){1,5}%s)\b" % kind.capitalize())
    for kind in "agency committee commission ministry department council embassy".split()}


def _organisations_named(quotes: list[Quote], sentences: list[Sentence],
                         position: dict[str, int]) -> list[Quote]:
    """Quotes whose source is "the agency", "the committee" ... given to the organisation of
    that kind the article named last (in at least two capitalised words, "The" aside), if it
    did so within ORGANISATION_REACH sentences before."""
    out = []
    for q in quotes:
        kind = q.speaker[4:] if q.cue == "source" and q.speaker and q.speaker.startswith(
            "the ") else ""
        named = _NAMED_KIND.get(kind)
        if named:
            k = position[q.sentence]
            for s in reversed(sentences[max(0, k - ORGANISATION_REACH):k]):
                found = [m.removeprefix("The ") for m in named.findall(s.text)]
                found = [m for m in found if " " in m]
                if found:
                    q = replace(q, speaker=found[-1], cue="description")
                    break
        out.append(q)
    return out


# "the chairmen said" after a statement of "Goodlatte, Gowdy and Nunes" is theirs, if they
# were quoted within this many sentences before.
GROUP_REACH = 10
# A group described by what its members are, after "the": "the chairmen", "the Republican
# congressmen", "the Republican officials" (not "the suit", "the protesters").
_GROUP_DESCRIBED = re.compile(
    r"the (?:(?:three|two|four|[A-Z][a-z]+) )*(?:chairmen|chairs|congressmen|lawmakers|"
    r"legislators|officials|senators|representatives|leaders|members)")
_PARTIES = (("R", re.compile(r"\bRepublican|\bGOP\b")), ("D", re.compile(r"\bDemocrat")))
_PARTY_OF_MEMBER = re.compile(r"\b([RD])-[A-Z]")


def _party(text: str) -> str:
    return "".join(p for p, word in _PARTIES if word.search(text))


def _groups_named(quotes: list[Quote], position: dict[str, int]) -> list[Quote]:
    """Quotes of a group described ("the chairmen said", "the Republican congressmen wrote")
    given to the people last quoted together as one speaker (`_together`: "Bob Goodlatte,
    Trey Gowdy and Devin Nunes"), if within GROUP_REACH sentences before and not of another
    party ("the Democratic lawmakers" are not three "R-" members): the statement is one,
    and so is its speaker."""
    group: tuple[str, int, str] | None = None  # speaker, sentence position, their parties
    out = []
    for q in quotes:
        speaker = q.speaker or ""
        if " and " in speaker and speaker[:1].isupper() and q.cue not in ("source", ""):
            group = (speaker, position[q.sentence],
                     "".join(sorted(set(_PARTY_OF_MEMBER.findall(q.sentence_text)))))
        elif group and _GROUP_DESCRIBED.fullmatch(speaker):
            party = _party(speaker)
            if (position[q.sentence] - group[1] <= GROUP_REACH
                    and not (party and group[2] and party != group[2])):
                q = replace(q, speaker=group[0], cue="description")
        out.append(q)
    return out


# A quotation that is one of a list of questions, tagged by the list, not by who asks:
# '"What did you know ...?" reads one question.', '"...?" one question asks.', '"...?" goes
# another.', 'Another asks if ... "about seeking immunity."', '"...?" reads one of the queries'.
_QUESTION_TAG = re.compile(
    r"\b(?:reads|goes|asks)\s+(?:one|another)\b|(?:^|[”\"]\s*)(?:one|another)(?:\s+question|"
    r"\s+of\s+the\s+(?:questions|queries))?\s+(?:asks|reads|goes)\b", re.IGNORECASE)
# Someone named as the one asking the questions, right after their name: "Robert Mueller has
# given a list of ... questions", "has submitted questions", "Mueller asks what ...", "hopes to
# ask ... questions", "Mueller's team read over the telephone".
_ASKS = re.compile(
    r"(?:['’]s\s+(?:list of\s+)?(?:questions|queries|team\s+read)\b|\s+(?:(?:has|had|also|"
    r"reportedly)\s+)*(?:given|gave|submitted|sent|posed|provided|asks|asked|(?:hopes|wants|"
    r"plans|planned|intends) to ask)\b)")
_QUESTION_NOUN = re.compile(r"\b(?:questions?|quer(?:y|ies)|asks)\b", re.IGNORECASE)
# How many sentences back the one asking may be named.
QUESTION_REACH = 15


def _askers_named(quotes: list[Quote], sentences: list[Sentence], position: dict[str, int],
                  people: PeopleRegister) -> list[Quote]:
    """A question with no speaker, tagged only as one of a list (`_QUESTION_TAG`), is asked by
    the person the article last named as asking those questions (`_ASKS`), within
    QUESTION_REACH sentences before: the special counsel's questions in USA Today, Breitbart
    and HuffPost are his, as The New York Times says ("... Mr. Mueller planned to ask")."""
    out = []
    for q in quotes:
        if q.speaker is None and _QUESTION_TAG.search(q.sentence_text):
            k = position[q.sentence]
            for earlier in reversed(sentences[max(0, k - QUESTION_REACH):k]):
                asker = _asker_in(earlier.text, people)
                if asker:
                    q = replace(q, speaker=asker, cue="description")
                    break
        out.append(q)
    return out


def _asker_in(text: str, people: PeopleRegister) -> str | None:
    """The person a sentence about questions names as asking them, in full, if any."""
    if not _QUESTION_NOUN.search(text):
        return None
    for name in find_names(text):
        if _ASKS.match(text, name.end):
            full = people.resolve(name.text) or (name.text if name.person else None)
            if full:
                return full
    return None


def _in_someone_elses_voice(text: str, head: tuple[int, int], qs: int, qe: int) -> bool:
    """Is the quotation reported speech in a first person who is not its speaker: words in
    the first person ("me", "I") in an indirect question or a clause about someone in the
    third person (`to ask "if I did what he had asked"`, `the president at times said "he
    thought very highly of me"`), or going on a clause about the one spoken to (`the president
    told him he was "doing a great job and wished me well."`)? Those are the words of the one
    spoken to, who wrote the exchange down, not the speaker's. ('Comey wrote that he "did not
    reply, or even nod or change my facial expression"' is Comey's.)"""
    return bool(_FIRST_PERSON.search(text, qs, qe)) and bool(
        _INDIRECT_OPENING.match(text, qs) or _TOLD_ABOUT_THEM.search(text, head[0], head[1]))


def _the_one_spoken_to(text: str, speaker: str, before: list[Name],
                       finder: _SpeakerFinder) -> tuple[str | None, str]:
    """Whose first person a quotation in someone else's voice is (`_in_someone_elses_voice`):
    the one person its sentence names before it other than the speaker ("Trump called Comey
    again on April 11 to ask “if I did what he had asked last time”" is Comey's, who wrote it
    down); no one when it names no one else, or two others."""
    others = {full for full in (finder.resolve_mention(text, n) for n in before)
              if full and full != speaker}
    return (others.pop(), "description") if len(others) == 1 else (None, "")


def _share_tags(text: str, quotes: list[Quote], in_block: list[tuple[int, int, int]],
                by_tag: set[int]) -> None:
    """A quotation with no speaker, or only the previous quotation's, shares the tag of the
    next one in its sentence when nothing is said between them: 'The three European leaders
    "agreed that the U.S. ought not to take any trade measures ...," which is "resolved to
    defend its interests ...," Merkel's statement said.' `in_block` holds the paragraph's
    quotes (index in `quotes`, start, end)."""
    for (i, _, end), (j, start, _) in reversed(list(zip(in_block, in_block[1:]))):
        between = text[end:start]
        if (j in by_tag and quotes[i].cue in ("", "continuation")
                and quotes[i].sentence == quotes[j].sentence
                and not _CLAUSE_END.search(between) and not _verb_positions(between)):
            quotes[i] = replace(quotes[i], speaker=quotes[j].speaker, cue=quotes[j].cue)
            by_tag.add(i)


def _lead_in_governs(text: str, a: int, verbs: list[tuple[int, int, str]], qs: int) -> bool:
    """Does the lead-in's speech verb introduce this quote: within a few words of it, in the
    same clause (no sentence end between)? `verbs` are those of the lead-in from `a` to the
    quote's opening mark (the mark itself is no letter, so they are those up to `qs` too)."""
    if not verbs:
        return False
    gap = text[a + verbs[-1][1]:qs]
    return len(words(gap)) <= 12 and not _CLAUSE_END.search(gap)


def _tail_end(text: str, qe: int, sentence_end: int) -> int:
    """Where a quote's trailing tag may end: the end of the sentence the quote closes in, or,
    when the quote ends its sentence with a period, the next sentence is not its tag."""
    return max(sentence_end, qe + 1)


def _words_with_pos(text: str, a: int, b: int,
                    limit: int | None = None) -> list[tuple[int, int, str]]:
    """The words of text[a:b] with their offsets in `text`, the first `limit` of them only
    when given (a tag is read in its first words: the rest of a long sentence is not)."""
    return [(m.start(), m.end(), m.group()) for m in
            itertools.islice(_TAG_WORD.finditer(text, a, b), limit)]


def _speaker_after(text: str, span: tuple[int, int], names: list[Name],
                   finder: _SpeakerFinder) -> tuple[str | None, str]:
    """A tag after the quote: verb then speaker, speaker then verb, or a pronoun."""
    a, b = span
    if a >= b:
        return None, ""
    toks = _words_with_pos(text, a, b, _TAG_WINDOW)
    verbs = [i for i, (_, _, w) in enumerate(toks) if w.lower().rstrip(".") in SPEECH_VERBS]
    # "..., an argument that resonated with Mr. Trump, who said ...": a verb in a relative
    # clause far from the quote is what someone else said next, not this quote's tag
    verbs = [i for i in verbs if i <= 3 or toks[i - 1][2].lower() not in _RELATIVES]
    # '"hadn't done anything wrong" in calling the Russians': a gerund, no tag
    verbs = [i for i in verbs if not i or toks[i - 1][2].lower() not in _PREPOSITIONS]
    if not verbs:
        acc = _ACCORDING_TO.match(text, a, b)
        if acc:
            return _according_to(text, acc.end(), b, names, finder, "after")
        speaker = _speaker_past_aside(text, a, b, names, finder)
        return (speaker, "after") if speaker else (None, "")
    v = verbs[0]
    finder.tag_distance = v
    v_start = toks[v][0]
    between = text[a:v_start]
    if v > 0 and _SENTENCE_END.search(_ABBREVIATIONS.sub("", between)):
        return None, ""  # the verb belongs to another sentence
    relayed = _relayed(text, toks[v][1], b, names, finder)
    if relayed:
        return relayed, "after"
    # speaker then verb: "Douglas warns", "leader of ... Irineo Mujica said", "he explains"
    subj_end = _subject_end(text, a, v_start)[0] if v > 0 else v_start
    # not a name after a preposition ('" to President Trump, complaining': whom it was about)
    before = [n for n in names if a <= n.start and n.end <= subj_end
              and not _after_preposition(text, a, n)]
    # "..., Larry Kudlow, Mr. Trump's chief economic adviser, told reporters": the name that
    # opens the tag, set off by a comma, is the speaker, not a name inside the apposition
    if before and before[0].start - a <= 4 and text[before[0].end:before[0].end + 1] == ",":
        full = finder.resolve_mention(text, before[0])
        if full:
            return full, "after"
    # '" compiled by Christopher Steele, they added': a pronoun right before the verb is
    # its subject, whoever the tag names before it ("they" and "it": no one we can name)
    if v > 0 and _is_pronoun(toks[v - 1][2]):
        return finder.last_person, "pronoun" if finder.last_person else ""
    if v > 0 and toks[v - 1][2].lower() in _OTHER_PRONOUNS:
        found = _antecedent(toks[v - 1][2].lower(), finder)
        return (found, "pronoun") if found else (None, "")
    for name in reversed(before):
        full = finder.resolve_mention(text, name)
        if full:
            return full, "after"
    if v > 0:
        role = _role_before(toks[:v], finder)
        if role:
            return role, "description"
        spoken_for = _spoken_for(text, a, subj_end, names, finder)
        if spoken_for:
            return spoken_for, "after"
        source = _source_phrase(text, a, subj_end)
        if source and not words(text[a:source[1]]):  # the tag opens with it
            return source[0], "source"
        if _AGED_ONE.match(text, a, subj_end) and finder.last_person:
            return finder.last_person, "pronoun"  # '," the 45-year-old said': who "he" is
    # verb then speaker: "says Douglas", "said Rep. Zoe Lofgren", "explains analyst Jay Douglas";
    # not a verb then what is said ('," adding that while Comey "...': Comey is said of)
    reported = v + 1 < len(toks) and toks[v + 1][2].lower() in _REPORTED_CLAUSE
    if (v == 0 or (v <= 2 and not before)) and not reported:
        if v + 1 < len(toks) and _is_pronoun(toks[v + 1][2]):
            return finder.last_person, "pronoun" if finder.last_person else ""
        found = _first_name_after(text, toks[v][1], b, names, finder, "after")
        if found[0]:
            return found
        role = _role_before(toks[v + 1:v + 5], finder)
        if role:
            return role, "description"
        source = _source_after(text, toks, v)
        if source:
            return source, "source"
        if _AGED_AFTER.match(text, toks[v][1], b) and finder.last_person:
            return finder.last_person, "pronoun"  # '," said the 45-year-old.'
    if before and not before[-1].person:
        # an organisation speaking: "the Kremlin said"; or one named only by a surname, with
        # an age between ("Lopez, 45, said")
        name = before[-1]
        if v_start - name.end <= 2 or _AGE_ASIDE.fullmatch(text, name.end, v_start):
            return name.text, "after"
    return None, ""


_AGE_ASIDE = re.compile(r",\s*\d{1,3},\s*")  # "Lopez, 45, said"
_QUOTING = re.compile(r",\s+quoting\s+")


def _relayed(text: str, a: int, b: int, names: list[Name], finder: _SpeakerFinder) -> str | None:
    """For '," the news agency said, quoting Mr. Kim.': the one whose words the tag's source
    relays (after its verb, from `a`), who is the speaker; else None."""
    m = _QUOTING.search(text, a, b)
    if not m or _CLAUSE_END.search(text, a, m.start()):
        return None
    return next((full for n in names if m.end() <= n.start <= m.end() + 4
                 and (full := finder.resolve_mention(text, n))), None)
# '," the 45-year-old said', '," the 34-year-old mother told reporters', '," said the
# 34-year-old.': the one last spoken of, described by age (before its verb, or after it)
_AGED = r"the\s+\d{1,3}-year-old(?:\s+[a-z]+)?"
_AGED_ONE = re.compile(rf"[\s”\"’',]*{_AGED}\s*$", re.IGNORECASE)
_AGED_AFTER = re.compile(rf"\s+{_AGED}\s*[.,]")
_PHRASE_PREPOSITIONS = _PREPOSITIONS | {"to", "against", "at", "toward", "towards"}


def _after_preposition(text: str, a: int, name: Name) -> bool:
    """Is the word before the name (and its title), in text[a:], a preposition?"""
    prior = words(text[a:name.start])
    title = set(words(name.title))
    while prior and prior[-1] in title:
        prior.pop()
    return bool(prior) and prior[-1].lower() in _PHRASE_PREPOSITIONS


def _speaker_past_aside(text: str, a: int, b: int, names: list[Name],
                        finder: _SpeakerFinder) -> str | None:
    """A tag whose speaker's long aside holds its verb past the tag window: `," Jeffrey
    Lewis, the director of the East Asia nonproliferation program at the Middlebury
    Institute, wrote in The New York Times.`"""
    opener = next((n for n in names if a <= n.start <= a + 4), None)
    if opener is None or text[opener.end:opener.end + 1] != ",":
        return None
    close = text.find(",", opener.end + 1, b)
    verb = _NEXT_WORD.match(text, close + 1, b) if close != -1 else None
    if verb is None or verb.group(1) not in SPEECH_VERBS:
        return None
    return finder.resolve_mention(text, opener)


# What may stand between people named together as one speaker, once their party-and-state
# tags are left out: a comma, a semicolon, "and" ("Goodlatte, Gowdy and Nunes noted"; "a joint
# statement from House Judiciary Chairman Bob Goodlatte, House Oversight Chairman Trey Gowdy,
# and House Intelligence Chairman Devin Nunes"; "Bob Goodlatte, R-Va.; ... Trey Gowdy, R-S.C.")
_JOINER = re.compile(r"\s*(?:,|;|[,;]?\s+and)\s+(?:[A-Z][\w.’'-]*\s+){0,4}")  # titles too
_PARTY_TAG = re.compile(r",\s*[RDI]-[A-Z][A-Za-z]*\.?(?:[A-Z]\.)*(?=[,;]|\s+and\b)")
# Where such a list may begin: the sentence's or a clause's start, or "a statement from" (not
# "Trump met Kim Jong Un and Moon Jae-in said": Kim is met, Moon speaks), titles aside
_LIST_OPENS = re.compile(r"(?:^|[,;:—–\"”(]|\b(?:from|by))\s*(?:[A-Z][\w.’'-]*\s+){0,5}$")


def _together(text: str, names: list[Name], name: Name, finder: _SpeakerFinder,
              full: str) -> str:
    """The speaker named by `name` (resolved: `full`), or, when it is one of two or more
    people named together in a list ("Goodlatte, Gowdy and Nunes noted that ..."), all of
    them: "Bob Goodlatte, Trey Gowdy and Devin Nunes". One of them alone is a wrong
    attribution of a joint statement."""
    people = [n for n in names if n.person or n is name
              or len((finder.people.resolve(n.text) or "").split()) > 1]  # "Goodlatte"
    if name not in people:
        return full
    k = lo = hi = people.index(name)

    def joined(x: Name, y: Name) -> bool:
        title = len(y.title) + 1 if y.title and text.startswith(
            y.title, y.start - len(y.title) - 1) else 0
        return bool(_JOINER.fullmatch(_PARTY_TAG.sub("", text[x.end:y.start - title])))

    while lo > 0 and joined(people[lo - 1], people[lo]):
        lo -= 1
    while hi + 1 < len(people) and joined(people[hi], people[hi + 1]):
        hi += 1
    if lo == hi or not _LIST_OPENS.search(text, max(0, people[lo].start - 80),
                                          people[lo].start):
        return full
    every = [full if j == k else finder.resolve_mention(text, people[j])
             for j in range(lo, hi + 1)]
    if not all(every):
        return full
    return ", ".join(every[:-1]) + " and " + every[-1]


def _first_name_after(text: str, a: int, b: int, names: list[Name], finder: _SpeakerFinder,
                      cue: str) -> tuple[str | None, str]:
    # "according to Trump's outside counsel", "said Trump's lawyer, Rudy Giuliani": the one
    # whose counsel it is does not speak (whose statement it is does: "Merkel's statement")
    window = [n for n in names if a <= n.start < min(b, a + 80) and not _owns_another(text, n)]
    for name in window:
        full = finder.resolve_mention(text, name)
        if full:
            return _together(text, names, name, finder, full), cue
    if window and window[0].start - a <= 5:
        return window[0].text, cue  # an organisation: ", according to Reuters"
    return None, ""


# A sentence opening with one of these words and a quotation is the subject's speech:
# "Calling it an “all-out assault on our democracy,” the Democratic National Committee filed ...".
_FRONTED_SPEECH = frozenset("calling describing dubbing labeling labelling branding terming "
                            "saying warning vowing insisting declaring".split())
# How far after the comma closing that opening phrase the subject's name may start ("the ").
_SUBJECT_REACH = 6
_CLOSING_THEN_SPACE = re.compile(r"[”\"’'\s]*")


def _fronted_speaker(text: str, s_start: int, span: tuple[int, int], b: int,
                     names: list[Name], finder: _SpeakerFinder) -> tuple[str | None, str]:
    """The speaker of a quotation inside a phrase put in front of the sentence's subject, the
    phrase opening with a word of speech (`_FRONTED_SPEECH`): the subject named right after
    the comma that closes it."""
    qs, qe = span
    first = _words_with_pos(text, s_start, qs, 1)
    if not first or first[0][0] != s_start or first[0][2].lower() not in _FRONTED_SPEECH:
        return None, ""
    comma = text.find(",", qe - 1, qe + 3)
    if comma == -1:
        return None, ""
    start = _CLOSING_THEN_SPACE.match(text, comma + 1).end()
    return _first_name_after(text, start, min(b, start + _SUBJECT_REACH), names, finder,
                             "before")


def _antecedent(pronoun: str, finder: _SpeakerFinder) -> str | None:
    """Who "it" or "they" speaking in a quote's tag is: whoever speaks in the sentence before
    the quote's (`finder.sentence_before`, outside its quotation marks), when that is an
    organisation or a source described in the singular for "it" ("The European Commission
    said the extension prolonged uncertainty. "The EU should be fully ... exempted," it said
    in a statement."), and for "they" a source described in the plural ("The chairmen said
    ...") or two people ("Prime Minister Malcolm Turnbull and the country's Trade Minister
    Steven Ciobo welcomed the exemption, and said ..."). None otherwise: one person is "he"
    or "she", and "they" after one person is someone else."""
    text = finder.sentence_before
    spans = _Spans([_clean(text, a, b) for a, b in quote_spans(text)])
    verbs = [v for v in _verb_positions(text) if not spans.holds(v[0])]
    if not verbs:
        return None
    v_start = verbs[0][0]
    subj_end, _ = _subject_end(text, 0, v_start)
    names = find_names(text[:v_start])
    source = _source_phrase(text, 0, subj_end)
    if source:
        plural = source[0].endswith(("s", "men", "people"))
        return source[0] if plural == (pronoun == "they") else None
    if pronoun == "it":
        near = [n for n in names if not n.person and 0 <= subj_end - n.end <= 2]
        return near[-1].text if near else None
    people = [n for n in names if n.person]
    if len(people) == 2 and " and " in text[people[0].end:people[1].start] and not (
            _PHRASE_BREAK.search(text, people[0].end, people[1].start)):
        return " and ".join(finder.people.resolve(n.text) or n.text for n in people)
    return None


def _is_pronoun(word: str) -> bool:
    """"he", "she", and their contractions ("He's said", "she’d told")."""
    low = word.lower()
    return low in PRONOUNS or low[:-2] in PRONOUNS and low[-2] in "'’"


_POSSESSIVE_THEN_WORD = re.compile(r"['’]s\s+([A-Za-z]+)")
# What someone says, after their possessive ("Khan's remarks").
_SPEECH_NOUNS = frozenset("""remarks remark comments comment words statement statements speech
    tweet tweets testimony interview""".split())
_WHEN_THEY = re.compile(r"\s*,?\s*(?:when|in which|where|as)\s+(?:he|she)\b")


def _owns_another(text: str, name: Name) -> bool:
    """Is the name a possessive of someone else who speaks ("Trump's outside counsel"), not
    of their own words ("Trump's statement")?"""
    m = _POSSESSIVE_THEN_WORD.match(text, name.end)
    return bool(m) and m.group(1).lower() not in _SPOKESWORDS


def _role_before(toks: list[tuple[int, int, str]], finder: _SpeakerFinder) -> str | None:
    """"the spokesperson said", "the president hinted": a role the article gave a person."""
    for _, _, w in reversed(toks):
        full = finder.people.by_role(_NOT_LOWER.sub("", w.lower()))
        if full:
            return full
    return None


# ", sitting next to Shinzo Abe," before a verb; a figure's comma is inside ("3,000")
_ASIDE_END = re.compile(r",(?:[^,]|(?<=\d),(?=\d)){1,120},\s*$")
_SUBJECT_FILLER = re.compile(
    r"(?:\s+(?:also|later|then|again|repeatedly|previously|once|recently|has|have|had|was|"
    r"were|is|would|will|quickly|publicly|privately|reportedly|only|even|further))+\s*$",
    re.IGNORECASE)
# Where the subject is ("a government spokeswoman in Washington said"): a place, no speaker.
_SUBJECT_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}$")


def _subject_end(text: str, a: int, v_start: int) -> tuple[int, tuple[int, int] | None]:
    """Where the subject of a verb at `v_start` ends: before adverbs and auxiliaries ("Trump
    also said", "Kim has said") and before an aside set off by commas ("The president,
    sitting next to Shinzo Abe, said"; "John Kerry, who negotiated the deal, said"). When the
    aside is itself a name ("The official, Ali Shamkhani, said") its span is returned too."""
    head = text[a:v_start]
    m = _SUBJECT_FILLER.search(head)
    if m:
        head = head[:m.start()]
    head = head.rstrip()
    m = _SUBJECT_PLACE.search(head)
    if m and m.start() > 0:
        head = head[:m.start()]
    aside = _ASIDE_END.search(head) if head.endswith(",") else None
    if aside and aside.start() > 0:
        if _is_name_aside(head[aside.start() + 1:-1]):
            return a + len(head), (a + aside.start() + 1, a + len(head) - 1)
        head = head[:aside.start()]
    return a + len(head.rstrip()), None


def _is_name_aside(aside: str) -> bool:
    """", Ali Shamkhani," after "The official": the aside names the subject, keep it."""
    aside = aside.strip()
    names = find_names(aside)
    return bool(names) and names[0].person and names[0].start - len(names[0].title) <= 1 \
        and len(words(aside)) <= 6


def _named_at(text: str, names: list[Name], a: int, b: int,
              finder: _SpeakerFinder) -> tuple[str | None, str]:
    """The person a span names first (for an aside like ", Roberto Saravia from Los
    Angeles,")."""
    for name in (n for n in names if a <= n.start and n.end <= b):
        full = finder.resolve_mention(text, name)
        return (full or name.text), "before"
    return None, ""


def _speaker_before(text: str, span: tuple[int, int], names: list[Name],
                    finder: _SpeakerFinder,
                    verbs: list[tuple[int, int, str]] | None = None) -> tuple[str | None, str]:
    """A lead-in before the quote in the same sentence: the subject of the speech verb
    closest to the quote ("Comey said the president told him, “...”" -> the president).
    `verbs`: the span's `_verb_positions`, when the caller has them already."""
    a, b = span
    if a >= b:
        return None, ""
    if verbs is None:
        verbs = _verb_positions(text[a:b])
    lead = text[a:b].rstrip()
    if lead.endswith(":"):
        # "Mr. Perez demurred:", "Lammy asked:", "Kim's statement:": a name within two
        # words of the colon
        close = [n for n in names if a <= n.start and n.end <= b and (
            words(text[n.end:a + len(lead)]) or not verbs) and all(
            w.lower() in SPEECH_VERBS | _SPOKESWORDS | {"also", "then", "later"}
            for w in words(text[n.end:a + len(lead)])[:2]) and len(
            words(text[n.end:a + len(lead)])) <= 2]
        for name in reversed(close):
            full = finder.resolve_mention(text, name)
            if full:
                return full, "before"
        if not verbs:
            return _colon_subject(text, a, a + len(lead), names, finder)
    if lead.endswith(","):
        # 'According to union leader Maria Lopez, "the strike ..."': the lead-in is its source
        acc = _ACCORDING_LEAD.search(text, a, a + len(lead))
        if acc and not _PHRASE_BREAK.search(text, acc.end(), a + len(lead) - 1):
            return _according_to(text, acc.end(), a + len(lead), names, finder, "before")
    if not verbs:
        return None, ""
    # a participle ("..., saying", "by stating") shares the subject of the verb before it
    k = len(verbs) - 1
    while k > 0 and verbs[k][2].endswith("ing"):
        k -= 1
    v_start, v_end, verb = verbs[k]
    v_start += a
    v_end += a
    if verb.endswith("ing"):
        return _first_person(text, a, v_start, names, finder)
    # the subject right before the verb: a name, a pronoun or a role
    subj_end, name_aside = _subject_end(text, a, v_start)
    if name_aside:
        return _named_at(text, names, name_aside[0], name_aside[1], finder)
    adjacent = [n for n in names if a <= n.start and subj_end - 3 <= n.end <= subj_end]
    if adjacent:
        k = names.index(adjacent[-1])
        # "Rep. Elijah Cummings of Maryland said": the person, not the place
        while k > 0 and not names[k].person and names[k - 1].start >= a and _OF_PLACE.fullmatch(
                text, names[k - 1].end, names[k].start):
            k -= 1
        name = names[k]
        full = finder.resolve_mention(text, name)
        return (_together(text, names, name, finder, full) if full else name.text), "before"
    subj_toks = _words_with_pos(text, a, subj_end)[-3:]
    if subj_toks and subj_toks[-1][2].lower() == "to":
        # "Trump called Comey again to ask “...”": the subject of the clause
        return _first_person(text, a, v_start, names, finder)
    if subj_toks and subj_toks[-1][2].lower() in ("but", "and") and subj_toks[-1][0] > a:
        # "Trump said he wanted ... but said “...”": the subject of the verb before
        return _speaker_before(text, (a, subj_toks[-1][0]), names, finder)
    if subj_toks and subj_toks[-1][2].lower() in ("who", "which"):
        # "Boris Johnson, who said in 2015 “...”", "the announcement from Kim, which read":
        # the one the clause is about
        antecedent = [n for n in names if a <= n.start and n.end <= subj_toks[-1][0]]
        if antecedent and _COMMA.fullmatch(text, antecedent[-1].end, subj_toks[-1][0]):
            full = finder.resolve_mention(text, antecedent[-1])
            return (full or antecedent[-1].text), "before"
    if subj_toks and _is_pronoun(subj_toks[-1][2]):
        return finder.last_person, "pronoun" if finder.last_person else ""
    if subj_toks and subj_toks[-1][2].lower() in ("it", "they"):
        found = _antecedent(subj_toks[-1][2].lower(), finder)
        return (found, "pronoun") if found else (None, "")
    role = _role_before(subj_toks, finder)
    if role:
        return role, "description"
    first = [n for n in names if a <= n.start < v_start]
    if first and first[0].start - a <= 2 and text[first[0].end:first[0].end + 1] == ",":
        # "Jo Swinson, Liberal Democrat deputy leader ..., said": the clause opens with them
        full = finder.resolve_mention(text, first[0])
        if full:
            return full, "before"
    spoken_for = _spoken_for(text, a, subj_end, names, finder)
    if spoken_for:
        return spoken_for, "before"
    # "said Jay Douglas: “...”", "said DNC Chairman Tom Perez": the speaker right after the
    # verb, titles aside
    after = [n for n in names if v_end <= n.start and n.end <= b and _TITLE_WORDS.fullmatch(
        text, v_end, n.start)]
    for name in after:
        full = finder.resolve_mention(text, name)
        if full:
            return full, "before"
    source = _source_phrase(text, a, subj_end)
    if source:
        return source[0], "source"
    if subj_toks and subj_toks[-1][2][:1].islower():
        return None, ""  # "One question asks ...": a subject that is no one we know
    return _first_person(text, a, v_start, names, finder)


# Words that open a source's description ("the suit", "one former Israeli official"); a
# possessive ("his spokesman") does not: it names nobody on its own.
_SOURCE_DETERMINERS = frozenset("the a an one two three several some many other".split())
_PHRASE_BREAK = re.compile(r"[,;:()\[\]“”\"—]")
_MAX_MODIFIERS = 4


def _source_phrase(text: str, a: int, end: int) -> tuple[str, int] | None:
    """A source the outlet describes rather than names, ending at `end` (the subject of a
    speech verb): "the suit", "one former Israeli official", "a Number 10 spokesperson",
    "U.S. officials", "the prime minister's office". Its words as the outlet wrote them, from
    the determiner to the noun (a capital determiner in lower case), and where it starts; None
    unless the words before `end` end in a source noun (text.SOURCE_NOUNS, or "office" after
    a possessive) that opens with a determiner or is plural."""
    toks = _words_with_pos(text, a, end)[-(_MAX_MODIFIERS + 2):]
    if not toks or text[toks[-1][1]:end].strip() or not (
            toks[-1][2].lower() in SOURCE_NOUNS or toks[-1][2] == "office" and len(toks) > 1
            and toks[-2][2].endswith(("'s", "’s"))):  # "the prime minister's office"
        return None
    start = toks[-1][0]
    determiner = False
    for tok_start, tok_end, word in reversed(toks[:-1]):
        low = word.lower()
        if _PHRASE_BREAK.search(text, tok_end, start):
            break
        if low in _SOURCE_DETERMINERS:
            start, determiner = tok_start, True
            break
        if low in STOPWORDS or low in SPEECH_VERBS:
            break
        start = tok_start
    head = toks[-1][2]
    if head[0].isupper():
        return None  # "the Korean Central News Agency": a name, not a description
    if not determiner and not head.endswith("s") and head.lower() != "police":
        return None  # "officials said", "police said"; not "spokesman said"
    phrase = text[start:toks[-1][1]]
    if phrase.lower() in ("the statement", "the report"):
        return None  # a statement named before: its source is, if anyone, the one named there
    if determiner and phrase[0].isupper() and phrase.split(" ", 1)[0].lower() in (
            _SOURCE_DETERMINERS):
        phrase = phrase[0].lower() + phrase[1:]
    return phrase, start


def _source_noun_ends(toks: list[tuple[int, int, str]]) -> list[int]:
    """Where each source noun (text.SOURCE_NOUNS) among `toks` ends, a full stop after it left
    out ("said a witness." ends the sentence)."""
    return [end - word.endswith(".") for _, end, word in toks
            if word.rstrip(".").lower() in SOURCE_NOUNS]


def _source_after(text: str, toks: list[tuple[int, int, str]], v: int) -> str | None:
    """A source described right after its verb: '," said a witness.', '," said one witness,
    who asked not to be named.', '," said police.' (see `_source_phrase`)."""
    ends = _source_noun_ends(toks[v + 1:v + _MAX_MODIFIERS + 3])
    source = _source_phrase(text, toks[v][1], ends[0]) if ends else None
    return source[0] if source and not words(text[toks[v][1]:source[1]]) else None


def _according_to(text: str, a: int, b: int, names: list[Name], finder: _SpeakerFinder,
                  cue: str) -> tuple[str | None, str]:
    """The source after "according to" (text[a:b] follows it): the first one named ("according
    to Reuters", "... to union leader Maria Lopez"), else one described, the one a statement
    is from where it says ("according to a statement from the union": the union)."""
    found = _first_name_after(text, a, b, names, finder, cue)
    if found[0]:
        return found
    clause = _PHRASE_BREAK.search(text, a, b)
    ends = _source_noun_ends(
        _words_with_pos(text, a, clause.start() if clause else b, _MAX_MODIFIERS + 4))
    source = _source_phrase(text, a, ends[-1]) if ends else None
    return (source[0], "source") if source else (None, "")


def _spoken_for(text: str, a: int, subj_end: int, names: list[Name],
                finder: _SpeakerFinder) -> str | None:
    """"the White House statement said", "Merkel's statement said": the one a statement or
    spokesperson speaks for, named right before that word (the subject ending at `subj_end`)."""
    subj = _words_with_pos(text, a, subj_end)
    if not subj or subj[-1][2].lower() not in _SPOKESWORDS:
        return None
    inside = [n for n in names if a <= n.start and n.end <= subj_end]
    if not inside:
        return None
    between = text[inside[-1].end:subj[-1][0]]
    if between[:2] in ("'s", "’s"):
        between = between[2:]
    if words(between):
        return None
    return finder.resolve_mention(text, inside[-1]) or inside[-1].text


_SPOKESWORDS = frozenset("statement spokesman spokeswoman spokesperson office release "
                         "announcement communique".split())


def _colon_subject(text: str, a: int, b: int, names: list[Name],
                   finder: _SpeakerFinder) -> tuple[str | None, str]:
    """The speaker of a quotation after a colon that ends a clause with no verb of speech: the
    person the clause opens with as its subject, when it names no one else ("Trump also took
    credit for improved relations, including North Korea's participation in the Winter
    Olympics: “...”"; not "Trump met Nancy Pelosi on Monday: “...”")."""
    inside = [n for n in names if a <= n.start and n.end <= b]
    if not inside or len(words(text[a:inside[0].start])) > len(words(inside[0].title)):
        return None, ""
    if not _NEXT_WORD.match(text, inside[0].end):
        return None, ""  # "Trump's tweet", "Trump, ...": not the clause's subject and verb
    if any(n.person or finder.people.resolve(n.text) for n in inside[1:]):
        return None, ""
    full = finder.resolve_mention(text, inside[0])
    return (full, "before") if full else (None, "")


# A clause opening with an office described by whose it is: "The prime minister's office".
_WHOSE_OFFICE = re.compile(r"\s*The (?:[a-z]+ ){0,3}[a-z]+['’]s [a-z]+\b")


def _first_person(text: str, a: int, b: int, names: list[Name],
                  finder: _SpeakerFinder) -> tuple[str | None, str]:
    """The first person named in text[a:b]: the clause's subject, as a rule; or the person
    whose role opens it ("The president, however, has since moved to distance himself from
    Cohen, saying ..."), or the last person quoted when "he" or "she" opens it ("He then
    defended his decision to share it with Mr. Trump, saying again that ..."), or a source
    described by whose it is ("The prime minister's office confirmed ..., saying only")."""
    opening = _words_with_pos(text, a, b, 3)
    if opening and _is_pronoun(opening[0][2]):
        return finder.last_person, "pronoun" if finder.last_person else ""
    owner = _WHOSE_OFFICE.match(text, a, b)
    if owner:  # "The prime minister's office confirmed ..., saying only that"
        source = _source_phrase(text, a, owner.end())
        if source:
            return source[0], "source"
    if opening and opening[0][2].lower() == "the" and not any(
            t[2].endswith(("'s", "’s")) for t in opening):  # "The prime minister's office"
        first = next((n.start for n in names if a <= n.start < b), b)
        role = _role_before([t for t in opening if t[1] <= first], finder)
        if role:
            return role, "description"
    # not a name after a preposition ('" to President Trump, complaining': whom it was about)
    for name in (n for n in names if a <= n.start and n.end <= b
                 and not _after_preposition(text, a, n)):
        body = _BODY_OF.match(text, name.end, b)
        if body:  # "The Trump campaign is seeking ..., arguing": the campaign, not Trump
            the = text[max(0, name.start - 4):name.start].lower() == "the "
            return ("the " if the else "") + text[name.start:body.end()], "source"
        full = finder.resolve_mention(text, name)
        if full:
            return full, "before"
    return None, ""


# A body named after someone: "the Trump campaign", "the Obama administration".
_BODY_OF = re.compile(r"\s+(?:campaign|administration)\b")


def _opens_sentence(text: str, qs: int) -> bool:
    """Does the quotation whose text starts at qs open its sentence (after its mark)?"""
    before = text[:max(0, qs - 1)].rstrip()
    return not before or before.endswith((".", "!", "?", "”", "\""))


def _is_real_quote(text: str, qs: int, qe: int, quote: str, cue: str) -> bool:
    """Scare quotes and titles are not quotations: short spans need a speech tag, and a short
    title-cased span with no tag is a title."""
    quote_words = words(quote)
    n = len(quote_words)
    if n == 0:
        return False
    tagged = bool(cue)
    bare = quote.rstrip("’' ")
    # the stop can stand only in the last two characters ("$" also matches before a final
    # newline): a long quote is not read from its start
    ends_sentence = bool(_ENDS_SENTENCE.search(bare, max(0, len(bare) - 2)))
    if n <= 8 and not ends_sentence:
        tokens = [w for w in quote_words if w.lower() not in _TITLE_SMALL_WORDS]
        if tokens and sum(1 for w in tokens if w[0].isupper()) / len(tokens) >= 0.75:
            return False  # title-like
    # a quote set off as speech: its own punctuation before the closing mark, or a colon /
    # comma lead-in, or a tag
    lead = text[max(0, qs - 3):max(0, qs - 1)]
    set_off = ends_sentence or text[qe:qe + 2].startswith(",") or lead.rstrip().endswith(
        (":", ","))
    if n < 3:
        # two words are a quotation only as a whole sentence of speech with its tag:
        # '"It's overkill," Thompson told HuffPost.'
        return n == 2 and tagged and set_off and _opens_sentence(text, qs)
    if n < 6:
        # a whole sentence of speech with no tag of its own goes on with the quotation before
        # it: '"We've fought too much to get here," he said. "And we're here."'
        return tagged and (set_off or n >= 4) or (
            ends_sentence and _opens_sentence(text, qs) and not text[qe + 1:].strip())
    return tagged or set_off or n >= 8
