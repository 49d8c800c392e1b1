"""The one name finder: capitalised names in a sentence, possessives folded, titles split off,
and a per-article register of the people named (so "Douglas" resolves to "Jay Douglas" and
"the spokesperson" to "Dmitry Peskov"). Claims use it for entities, quotes for speakers.

Small rules of our own, no model: a name is a run of capitalised words; a person is a run of
two or more such words that is not a place or an organisation, or a single word that is the
surname of a person named in the same article, or that follows a title ("President Trump").
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from .text import STOPWORDS

# A capitalised word: "Zelenskyy", "O'Rourke", "Jong-un", "U.S.", "J.", "Jr.", "al-Assad"
_CAP = r"(?:(?:[A-Z]\.){2,}|[A-ZÀ-Þ][\w’'\-]*\.?)"
_CONNECT = r"(?:de|da|del|van|von|der|bin|al|la|le|du|dos)"
# An organisation's name goes on over "of" / "for" after its head word ("Department of
# Justice", "Center for Strategic & International Studies", "San Ysidro Port of Entry"); a
# person's does not ("Macron of France" is Macron and France).
_ORG_HEADS = """Center Centre Institute Department Ministry Office University College School
    Committee Council Commission Bank Fund Foundation Association Federation Union League
    Coalition Alliance Party District Port Plan Bureau Agency Court Board Society Academy
    Museum Organization Organisation Corporation Administration Republic""".split()
_ORG_OF = r"(?:%s)\s+(?:of|for)\s+(?:the\s+)?" % "|".join(f"(?<={w})" for w in _ORG_HEADS)
_RUN = re.compile(rf"(?<![\w’']){_CAP}(?:(?:{_ORG_OF}|\s+(?:(?:{_CONNECT}|&)\s+)?){_CAP})*")

# Words that, capitalised, are titles or roles rather than part of a person's name.
TITLES = frozenset(
    """president vice chancellor secretary minister prime senator sen rep representative
    governor gov mayor director chief spokesperson spokesman spokeswoman judge justice general
    gen admiral adm colonel col lieutenant lt major maj captain capt sergeant sgt king queen
    prince princess pope sheikh ambassador speaker leader chairman chairwoman chair ceo
    attorney counsel dr mr mrs ms miss former acting deputy lady press officer commander
    analyst adviser advisor aide envoy dictator premier emir ayatollah rev reverend sir dame
    lord supreme marshal founder executive strongman candidate nominee whip host anchor
    professor prof economist correspondent editor agent inspector
    superintendent commissioner administrator sheriff detective mp mep lawmaker""".split())
# Last words of places and organisations: a run ending in one is not a person.
_NON_PERSON_HEADS = frozenset(
    """korea states kingdom east west north south house times post street news department
    ministry council party union nations court congress senate agency office administration
    committee bank fund forces army navy command republic federation city county island
    islands sea ocean river accords agreement act treaty accord war journal network tv radio
    institute university college school foundation group association organization
    organisation corporation company inc corp ltd llc club center centre hall square airport
    station base bay valley mountains desert peninsula gulf strait region province district
    zone border airlines press service services guard police commission board authority
    caravan campaign times tribune herald telegraph guardian gazette review reuters
    trust alliance coalition summit media channel program programme plan system initiative
    church mosque temple palace building tower bridge park garden hospital prison
    partnership pact deal news network initiative doctrine strategy affairs relations
    security intelligence defense defence justice treasury commerce energy
    america africa europe asia australia arabia emirates york angeles jersey dakota carolina
    hampshire mexico zealand guinea lanka leone rica salvador kong port
    congressional nuclear weekend memos emails servers hunt olympics ceremony""".split())
_NON_PERSON_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday god internet""".split())
# Sentence openers that are capitalised only because they open the sentence ("Mr." is a stop
# word to content words, but opens "Mr. Trump said" as his title).
_OPENERS = (STOPWORDS - TITLES) | frozenset(
    """yet however meanwhile thus still instead similarly ultimately additionally moreover
    furthermore indeed nevertheless nonetheless predictably ironically officially
    domestically critics supporters others some several both either neither many most few
    analysts officials reports experts observers earlier later today yesterday tomorrow
    tonight once unlike whether although though despite following according as while
    since until unless because another each every""".split())
PRONOUNS = frozenset({"he", "she"})


@dataclass(frozen=True)
class Name:
    start: int
    end: int  # character offsets of the name itself (title excluded) in the text
    text: str  # the name as written, possessive folded ("Biden’s" -> "Biden")
    title: str  # title words before it within the same run ("Russian President"), may be ""
    person: bool  # looks like a person's name on its own (2+ words, no place/organisation word)


def _fold_possessive(token: str) -> str:
    """"Biden’s" -> "Biden", "allies’" -> "allies" (string tests: called for every token)."""
    if token.endswith(("'s", "’s")):
        return token[:-2]
    if token.endswith(("'", "’")):
        return token[:-1]
    return token


# Capitalised words that are dropped when they lead a run: stopwords, but for two that open
# real names ("New York", "First Lady") and the titles (which are split off instead).
_LEADING_STOPWORDS = STOPWORDS - {"new", "first"} - TITLES
_WHITESPACE_RUN = re.compile(r"\S+")
_OFFICE_OF = re.compile(r"\b([A-Za-z]+)\s+of\s+(?:the\s+)?$")
_INITIAL = re.compile(r"[A-Z]\.")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_INITIALS_OR_SUFFIX = re.compile(r"^(?:[A-Z]\.)+$|^(?:Jr|Sr)\.$")
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,}")
_DESCRIBING = re.compile(r"[A-Z][\w.]*-(?:based|backed|led|born|funded|owned|run|allied)$")


# Claims, quotes, comparison and grouping all ask for the names of the same sentences, mostly
# while one article is analysed or one event compared: a small memo holds them (each entry
# keeps a sentence and its names; 131,072 of them took some 130 MB per process).
@functools.lru_cache(maxsize=1 << 13)
def find_names(text: str, sentence_starts: tuple[int, ...] = (0,)) -> tuple[Name, ...]:
    """Capitalised name runs in `text`, in order. A run's leading words are dropped when they
    only open a sentence ("The", "However") or are title words ("Russian President Vladimir
    Putin" -> "Vladimir Putin", title "Russian President")."""
    out: list[Name] = []
    starts = set(sentence_starts)
    for m in _RUN.finditer(text):
        group = m.group()
        alone, found = _run_alone(group)
        if alone:  # most runs: their name (or none) reads nothing around them
            if found:
                offset = m.start()
                out.append(Name(found.start + offset, found.end + offset, found.text,
                                found.title, found.person))
            continue
        for tokens in _split_run(m):
            found = _name_of_tokens(text, tokens, starts)
            if found:
                out.append(found)
    return tuple(out)  # shared by the cache: immutable


@functools.lru_cache(maxsize=1 << 16)
def _run_alone(run: str) -> tuple[bool, Name | None]:
    """Does a run's name depend on the run alone, and if so which is it (offsets within the
    run)? It does for one or two words, no month or day among them, when the run is not cut
    after its first word (_split_run) and that word is not one dropped from its front: then
    _name_of_tokens reads the run alone (_isolated_name). It does for one word that is a
    leading stopword but "May" (the modal or the name): dropped wherever it stands."""
    words_ = run.split()
    if len(words_) == 1 and words_[0] != "May" and (
            words_[0].lower().rstrip(".") in _LEADING_STOPWORDS):
        return True, None
    if len(words_) > 2 or _may_lead(words_[0]) or any(map(_depends_on_date, words_)):
        return False, None
    if len(words_) == 2 and _cuts_run(words_[0]):
        return False, None
    return True, _isolated_name(run)


def _name_of_tokens(text: str, tokens: list[tuple[int, str]], starts: set[int]) -> Name | None:
    """The name in one run of capitalised tokens of `text`, its openers dropped."""
    if _may_lead(tokens[0][1]):  # most capitalised words open no sentence: skip this
        # drop a sentence-opening ordinary word ("The", "Critics") and quote-opened words
        while tokens and (_opener_key(tokens[0][1]) in _OPENERS
                          and _at_start(text, tokens[0][0], starts)
                          and not _may_as_name(text, tokens)):
            tokens = tokens[1:]
        while tokens and tokens[0][1].lower().rstrip(".") in _LEADING_STOPWORDS \
                and not _may_as_name(text, tokens):
            tokens = tokens[1:]
        if not tokens:
            return None
    if len(tokens) < 3 and not (_depends_on_date(tokens[0][1])
                                or _depends_on_date(tokens[-1][1])):
        # the common case reads nothing around the run: look its words up once
        offset = tokens[0][0]
        found = _isolated_name(text[offset:tokens[-1][0] + len(tokens[-1][1])])
        if found:
            return Name(found.start + offset, found.end + offset, found.text, found.title,
                        found.person)
        return None
    return _name_in_run(text, tokens)


_CAP_AT_END = re.compile(rf"(?<![\w’']){_CAP}\Z")


def find_names_in_sentences(sentences: list[str],
                            sentence_starts: tuple[int, ...] | None = None) -> tuple[Name, ...]:
    """`find_names` of a paragraph given as its sentences: of the sentences joined by single
    spaces, with `sentence_starts` as its sentence starts (by default each sentence start).
    Built from each sentence's own names (which the claims ask for too, so they are found once)
    wherever that gives the same names. Two sentences are read together where a capitalised run
    goes on across their boundary ("... met U.S. Trump said"), where the first ends without a
    stop (then its "of" may make the next run an office, its "in" make "May" a date), or where
    the second opens with a quotation mark and the first ends without a stop (then whether its
    first word opens a sentence depends on the sentence before). Everything else find_names
    reads around a run stays inside its sentence."""
    offsets = list(itertools.accumulate((len(s) + 1 for s in sentences), initial=0))
    if sentence_starts is not None:
        # find_names reads a sentence start only where the text before opens no sentence
        # (_at_start): other starts may differ between the given ones and the sentences' own
        text = " ".join(sentences)
        if any(not _opens_after(text, p)
               for p in set(sentence_starts).symmetric_difference(offsets[:-1])):
            return find_names(text, tuple(sentence_starts))
    out: list[Name] = []
    first = 0  # the first sentence of those read together
    for k, sentence in enumerate(sentences):
        if k + 1 < len(sentences) and _joins(sentence, sentences[k + 1]):
            continue
        if first == k:
            names = find_names(sentence)
        else:
            names = find_names(" ".join(sentences[first:k + 1]),
                               tuple(o - offsets[first] for o in offsets[first:k + 1]))
        offset = offsets[first]
        for n in names:
            out.append(Name(n.start + offset, n.end + offset, n.text, n.title, n.person)
                       if offset else n)
        first = k + 1
    return tuple(out)


def _joins(prev: str, cur: str) -> bool:
    """Must two consecutive sentences be read together (see find_names_in_sentences)?"""
    if not prev.rstrip(_CLOSERS).endswith(_STOPS):
        return True
    # a run that reaches the end of a sentence ending in a stop ends in "Word." and is cut
    # there (_split_run), unless that word keeps it going ("U.S.", "Mr.", "J.")
    last = _CAP_AT_END.search(prev, prev.rfind(" ") + 1)  # a word holds no space
    if last and _keeps_run(last.group()):
        return True
    return cur[:1] in _BEFORE_OPENING and not (
        prev.rstrip(_BEFORE_OPENING).endswith(_OPENING_AFTER))


@functools.lru_cache(maxsize=1 << 16)
def _may_lead(token: str) -> bool:
    """Can this word be dropped from the front of a run (an opener or a stopword)?"""
    return _opener_key(token) in _OPENERS or token.lower().rstrip(".") in _LEADING_STOPWORDS


@functools.lru_cache(maxsize=1 << 16)
def _depends_on_date(token: str) -> bool:
    """A month or day name: whether it names a person depends on the words around it."""
    return (token.lower().rstrip(".") in _NON_PERSON_WORDS
            or _opener_key(token) in _NON_PERSON_WORDS)


@functools.lru_cache(maxsize=1 << 16)
def _isolated_name(run: str) -> Name | None:
    """The name in a run of one or two capitalised words (offsets within the run); the same
    run recurs across an article's sentences and paragraphs, so it is read once."""
    return _name_in_run(run, [(m.start(), m.group()) for m in _WHITESPACE_RUN.finditer(run)])


def _name_in_run(text: str, tokens: list[tuple[int, str]]) -> Name | None:
    """The name in a capitalised run (its openers dropped), titles split off; None when the
    run names nothing (only titles, a date). Reads the text around the run only for a month
    name ("in May" / "Theresa May") and for an office ("Secretary of State John Kerry")."""
    # split off titles: everything up to the last title word, when a name follows it
    last_title = -1
    for k in range(len(tokens) - 1):
        if _title_word(tokens[k][1]):
            last_title = k
    title_tokens = tokens[: last_title + 1]
    name_tokens = tokens[last_title + 1:]
    if len(name_tokens) > 1 and _DESCRIBING.match(name_tokens[0][1]):
        name_tokens = name_tokens[1:]  # "Washington-based Center for ...": the Center
    # "Secretary of State John Kerry": the run after "<title> of" starts with the office
    if len(name_tokens) >= 3:
        office = _OFFICE_OF.search(text[max(0, tokens[0][0] - 40):tokens[0][0]])
        if office and office.group(1).lower() in TITLES:
            keep = 3 if _INITIAL.fullmatch(name_tokens[-2][1]) else 2
            title_tokens, name_tokens = name_tokens[:-keep], name_tokens[-keep:]
    # a trailing title-less possessive run: "Biden’s" -> "Biden"
    last_tok = name_tokens[-1][1]
    folded_last = _fold_possessive(last_tok)
    possessive = folded_last != last_tok
    cut = possessive or last_tok.endswith(".") and not _INITIALS_OR_SUFFIX.match(last_tok)
    if possessive:
        name_tokens = name_tokens[:-1] + [(name_tokens[-1][0], folded_last)]
    elif cut:
        name_tokens = name_tokens[:-1] + [(name_tokens[-1][0], last_tok.rstrip("."))]
    if not name_tokens or not name_tokens[-1][1]:
        return None
    start = name_tokens[0][0]
    end = name_tokens[-1][0] + len(name_tokens[-1][1])
    name = text[start:end]
    if possessive:
        name = name[: len(name) - (len(last_tok) - len(folded_last))] if name.endswith(
            last_tok) else name
    words_ = [w for _, w in name_tokens]
    lowered = [w.lower().rstrip(".") for w in words_]
    if all(w in TITLES for w in lowered):
        return None
    if lowered[0] in _NON_PERSON_WORDS and (len(lowered) > 1 or _is_date_word(text, start, end)):
        return None
    person = (len(words_) >= 2 and not any(w in _NON_PERSON_HEADS for w in lowered)
              and not any(_ACRONYM.fullmatch(w) for w in words_[:-1])
              and not (_ACRONYM.fullmatch(words_[-1]) and lowered[-1] not in _ORDINALS)
              and not lowered[-1].endswith(("ian", "ean", "ese"))
              and not any(w in _NON_PERSON_WORDS or w in STOPWORDS for w in lowered
                          if not (w == "may" and lowered[-1] == "may")))
    return Name(start, end, name, " ".join(w for _, w in title_tokens), person)


# Finite verbs: after a sentence-opening "May" they make it a name ("May was glowing"), where
# the modal takes a bare verb or a subject ("May God ...", "May we ...").
_FINITE = re.compile(r"\s+(?:was|is|has|had|said|says|told|tells|did|does|will|would|could|"
                     r"can|also|later|then|[a-z]+ed|[a-z]{3,}s)\b")


def _may_as_name(text: str, tokens: list[tuple[int, str]]) -> bool:
    """Is a sentence-opening "May" the surname (Theresa May) rather than the modal verb?"""
    if len(tokens) != 1 or tokens[0][1] != "May":
        return False
    end = tokens[0][0] + 3
    return bool(_FINITE.match(text, end)) and not re.match(r"\s+(?:us|this|these|those)\b",
                                                              text[end:end + 40])


def _split_run(m: re.Match) -> list[list[tuple[int, str]]]:
    """A capitalised run (a match of _RUN) as (offset, token) lists, cut after a token that
    ends a sentence ("... in Tehran. Iran said" is two runs; initials, "U.S." and "Mr." do not
    end one) and after a possessive, which names its owner only ("China's Xi Jinping" is China
    and Xi Jinping, "Obama's Iran deal" Obama and Iran; "People's Republic" stays one run)."""
    group = m.group()
    if len(group.split(maxsplit=1)) == 1:  # one word
        return [[(m.start(), group)]]
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    for t in _WHITESPACE_RUN.finditer(group):
        tok = t.group()
        run.append((t.start() + m.start(), tok))
        if _cuts_run(tok):
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


# Plurals whose possessive is part of a name ("People's Republic", "Women's March").
_PLURAL_OWNERS = frozenset("people women men children workers veterans".split())


def _cuts_run(token: str) -> bool:
    """Does a run end after this token: one that ends a sentence, or a possessive?"""
    if token.endswith("."):
        return not _keeps_run(token)
    return token.endswith(("'s", "’s")) and token[:-2].lower() not in _PLURAL_OWNERS


@functools.lru_cache(maxsize=1 << 14)
def _keeps_run(token: str) -> bool:
    """Does a token ending in a period leave its run going ("U.S.", "Mr.", "Jr.")?"""
    return bool(_INITIALS.fullmatch(token) or _title_word(token)
                or token.lower() in ("jr.", "sr.", "st."))


_DATE_CONTEXT = frozenset("in on since until by of early late mid last next this from through "
                          "during before after".split())


def _is_date_word(text: str, start: int, end: int) -> bool:
    """Is a month-like word ("May") a date here, rather than a name ("Theresa May")?"""
    before = text[max(0, start - 40):start].split()[-1:] or [""]
    after = text[end:end + 40].lstrip()[:1]
    return before[0].lower() in _DATE_CONTEXT or after.isdigit() or text[start:end].lower() != "may"


@functools.lru_cache(maxsize=1 << 16)
def _title_word(token: str) -> bool:
    low = _fold_possessive(token).lower().rstrip(".")
    return low in TITLES or low.removesuffix("-elect") in TITLES


@functools.lru_cache(maxsize=1 << 16)
def _opener_key(token: str) -> str:
    """A run's first word as the sentence-opener list spells it ("However," -> "however")."""
    return _fold_possessive(token).lower().rstrip(".")


# What may stand between a sentence's end and a word that opens the next one, and the marks
# that end a sentence or clause before it.
_BEFORE_OPENING = " \"“‘'("
_OPENING_AFTER = (".", "!", "?", ":", "—", "\"", "“", "”")
# A sentence's stop and the closing marks that may follow it (as split_sentences cuts them).
_STOPS = (".", "!", "?", "…")
_CLOSERS = "\"'”’)]"


def _at_start(text: str, pos: int, starts: set[int]) -> bool:
    return pos in starts or _opens_after(text, pos)


def _opens_after(text: str, pos: int) -> bool:
    """Does the text before `pos` leave it opening a sentence or clause?"""
    before = text[max(0, pos - 40):pos].rstrip(_BEFORE_OPENING)
    return not before or before.endswith(_OPENING_AFTER)


def name_key(name: str) -> str:
    """A comparable key for a name: lower case, possessive folded, "U.S." -> "us"."""
    return re.sub(r"[^a-z0-9 ]", "", _fold_possessive(name).lower().replace("’", "'")).strip()


# Name suffixes a person is named with or without: "Roger J. Stone Jr." is "Roger Stone".
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_ORDINALS = frozenset("ii iii iv".split())


def name_words(name: str) -> list[str]:
    """A person's name as words to match on: lower case, a hyphen a space ("Kim Jong-un" is
    "kim jong un"), suffixes ("Jr.") and middle initials ("J.") left out."""
    out = name.lower().replace("-", " ").replace("‐", " ").split()
    out = [w for w in out if w not in _NAME_SUFFIXES]
    if len(out) < 3:
        return out
    return out[:1] + [w for w in out[1:-1] if len(w.strip(".")) > 1] + out[-1:]


def same_person(short: list[str], long: list[str]) -> bool:
    """Can the name `short` (as `name_words`) be the person fully named `long`? The same last
    name, and a first name, when both give one, that agrees ("Donald Trump" is not "Ivanka
    Trump"; "D. Trump" may be "Donald Trump")."""
    if not short or len(long) < len(short) or short[-1] != long[-1]:
        return False
    if len(short) == 1:
        return True
    first, other = short[0].rstrip("."), long[0].rstrip(".")
    return first == other or len(first) == 1 and other.startswith(first)


def is_acronym_of(short: str, name: str) -> bool:
    """Is `short` the acronym of the organisation `name`: the initials of its capitalised words
    ("DNC" or "D.N.C." of "Democratic National Committee", "FBI" of "Federal Bureau of
    Investigation")?"""
    letters = short.replace(".", "")
    initials = "".join(w[0] for w in name.split() if w[0].isupper())
    return len(letters) >= 2 and letters.isalpha() and letters.isupper() and (
        letters == initials) and len(name.split()) >= 2


# A role by its other names: "Rep. Elijah E. Cummings" is "the congressman" after.
_LEGISLATORS = ("representative", "congressman", "congresswoman", "lawmaker")
ROLE_ALIASES = {"rep": _LEGISLATORS, "representative": _LEGISLATORS,
                "sen": ("senator", "lawmaker"), "senator": ("sen", "lawmaker"),
                "gov": ("governor",), "governor": ("gov",)}


class PeopleRegister:
    """The people an article names, so that later short forms resolve to full names:
    a surname ("Douglas"), a title or role ("the spokesperson", "the president", and a role
    by its other names: ROLE_ALIASES)."""

    def __init__(self) -> None:
        self.full_names: list[str] = []  # in order of first mention
        self._by_part: dict[str, str] = {}
        self._by_role: dict[str, str] = {}
        self._titled: set[str] = set()  # bare surnames a title made a person ("President Trump")

    def add(self, name: Name, role_words: list[str]) -> str:
        """Register a person named in full; returns the full name."""
        full = name.text
        if full not in self.full_names:
            self.full_names.append(full)
        parts = full.replace("-", " ").split()
        if len(parts) > 2 and parts[-1].lower() in _ORDINALS:
            # "Robert S. Mueller III" is "Mr. Mueller" (not after "Jr.": "Trump" is his father)
            parts = parts[:-1]
        for part in (parts[-1], parts[0]) if len(parts) > 1 else (parts[0],):
            key = part.lower().rstrip(".")
            if key in _NAME_SUFFIXES:
                continue
            current = self._by_part.get(key)
            if current is None or (len(current.split()) < 2 <= len(parts)
                                   and current not in self._titled):
                self._by_part[key] = full  # a full name replaces a bare surname seen earlier
        if len(parts) > 2:  # "Donald Trump Jr." is also "Trump Jr."; "Kim Jong Un" is "Kim"
            self._by_part.setdefault(parts[0].lower(), full)
        self.add_roles(full, role_words)
        if len(parts) == 1 and name.title:
            # "President Trump" is its own person: a later "Melania Trump" does not rename him
            self._titled.add(full)
        return full

    def add_roles(self, full: str, role_words: list[str]) -> None:
        """Roles given to a person already registered ("the president" -> "Donald Trump")."""
        for role in role_words:
            role = role.lower()
            self._by_role[role] = full
            for alias in ROLE_ALIASES.get(role, ()):
                self._by_role[alias] = full

    def resolve(self, text: str) -> str | None:
        """A full name for a short form, when the article named that person in full."""
        key = text.lower().rstrip(".")
        if key in self._by_part:
            return self._by_part[key]
        parts = key.split()
        if len(parts) > 1 and parts[-1] in self._by_part:
            full = self._by_part[parts[-1]]
            # "Boris Johnson" is not the "Woody Johnson" named before him
            return full if same_person(name_words(key), name_words(full)) else None
        return None

    def by_role(self, role: str) -> str | None:
        return self._by_role.get(role.lower())


_NOT_THE_CHIEF = re.compile(r"\b(?:[Vv]ice|[Dd]eputy|[Aa]ssistant|[Uu]nder)\b")
_NOT_LOWER = re.compile(r"[^a-z]")


def role_words_before(text: str, name: Name) -> list[str]:
    """Role words right before a name: the title in its run and lower-case description words
    ("geopolitical analyst Jay Douglas" -> ["analyst"], "Kremlin spokesperson ..." ->
    ["spokesperson"], "Russian President Vladimir Putin" -> ["president"])."""
    # "Vice President Mike Pence" is not "the president"; nor is a deputy the chief
    title = _NOT_THE_CHIEF.split(name.title)[0]
    roles = [w.lower().rstrip(".") for w in title.split() if w.lower().rstrip(".") in TITLES]
    if title != name.title:
        return roles
    before = text[max(0, name.start - len(name.title) - 80): name.start - len(name.title)].rstrip().split()[-3:]
    for w in reversed(before):
        low = _NOT_LOWER.sub("", w.lower())
        if low in TITLES:
            roles.append(low)
            break
        if not w[:1].islower():
            break
    return roles
