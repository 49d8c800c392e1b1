"""Text primitives shared by every stage: the one sentence splitter, the one slug function,
whitespace folding and word tokens. Pure, fast (regular expressions, linear in the text).
"""
from __future__ import annotations

import functools
import re
import unicodedata

# Words after which a period does not end a sentence (titles, initials handled separately).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt sen rep gov pres st jr sr rev hon
    inc corp co ltd llc dept univ est approx vs etc no nos fig al
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    u.s u.k u.n e.u a.m p.m d.c i.e e.g n.y l.a u.s.a""".split()
)

# Verbs that report speech ("said", "tweeted"): a quote's tag, and an attribution.
SPEECH_VERBS = frozenset(
    """say says said saying tell tells told telling explain explains explained explaining add
    adds added adding warn warns warned warning state states stated stating note notes noted
    noting argue argues argued arguing claim claims claimed claiming insist insists insisted
    insisting write writes wrote writing tweet tweets tweeted tweeting post posted posts declare
    declares declared declaring announce announces announced announcing remark remarks
    remarked respond responds responded responding reply replies replied replying comment
    comments commented commenting suggest suggests suggested suggesting ask asks asked asking
    accuse accuses accused accusing call calls called calling continue continues continued
    recall recalls recalled acknowledge acknowledges acknowledged admit admits admitted
    describe describes described describing emphasize emphasized emphasizes emphasise
    emphasised stress stresses stressed contend contends contended testify testified
    testifies predict predicts predicted urge urges urged joke joked quip quipped agree
    agreed agrees echo echoed echoes read reads concluded concludes conclude complain
    complained complaining hint hinted hints vow vowed vows promise promised promises
    pledge pledged pledges threaten threatened threatens boast boasted deny denied denies
    charge charged charges allege alleged alleges counter countered observe observed
    observes caution cautioned cautions assert asserted asserts reiterate reiterated
    repeated repeat repeats told shouted yelled exclaimed wondered mused lamented demanded
    demand demands maintained maintains recount recounts recounted recounting quoted
    testifying demur demurred demurs vowing pledging promising threatening boasting
    charging alleging countering dismiss dismisses dismissed dismissing disclose discloses
    disclosed disclosing chant chants chanted chanting thundered fumed screamed whispered
    cried""".split())

# The finite verbs that attribute a statement to its source, speech or not ("said",
# "confirmed", "cited"): a claim that names its source beside one is attributed, and a
# closing clause with one says where the news comes from. Not the forms that are as often
# something else: nouns ("reports", "claims", "states" as in "United States") or the passive
# "revealed" ("after the messages were revealed").
ATTRIBUTION_VERBS = frozenset(
    """said says told tells stated confirmed announced reported citing cited claimed warned
    noted argued remarked hinted tweeted wrote added insisted alleged alleges acknowledged
    admitted denied disclosed testified estimated""".split())

# Nouns for a source an outlet describes rather than names: "the suit states", "a Number 10
# spokesperson said", "U.S. officials said". Quotes take such a description as the speaker;
# claims count "said" next to one as an attribution.
SOURCE_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson spokespeople ministry department
    agency statement police authorities military government lawsuit suit complaint report
    memo memos committee commission chairman chairmen chairwoman congressman congressmen
    congresswoman lawmakers senators diplomats prosecutors embassy administration
    campaign company firm union group party family court council hospital airline witness
    witnesses resident residents source sources officer officers investigators analysts
    experts organizers organisers activists lawyer lawyers attorney attorneys adviser advisers
    advisor advisors aide aides""".split())

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace,
# then something that can open a sentence (capital, digit, opening quote or bracket).
# The look-behind lets a match start only at the first mark of a run ("?!", "..."), so a
# megabyte of dots costs one pass, not one pass per dot.
_BOUNDARY = re.compile(r"(?<![.!?…])([.!?…]+)([\"'”’)\]]*)(\s+)(?=[\"“‘(\[]?[A-Z0-9À-Þ])")
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9]+(?:['’][A-Za-z]+)?")
_TOKEN_BEFORE = re.compile(r"([A-Za-z.]+)$")
# The characters outside _WORD's class whose lower case is inside it (Kelvin sign, Angstrom
# sign, Y with diaeresis, dotted I, capital sharp s); tests/test_text.py checks the list.
_LOWERS_INTO_WORD = re.compile("[\u212a\u212b\u0178\u0130\u1e9e]")


# The characters for which matching lower-cased text with a lower-case pattern differs from a
# case-insensitive match: non-ASCII characters IGNORECASE equates with an ASCII letter (dotted
# and dotless i, long s, Kelvin sign), which are also the only ones whose lower case changes
# length, word-ness or space-ness. tests/test_text.py checks the list.
_CASE_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a]")


class CaselessPattern:
    """A case-insensitive regular expression, written in lower case. It runs on the lower-cased
    text, several times faster than IGNORECASE and with the same matches at the same offsets,
    unless the text holds one of the rare characters for which that differs. Matches are
    returned as the text's own characters."""

    def __init__(self, source: str) -> None:
        if source != source.lower():
            raise ValueError(f"write the pattern in lower case: {source!r}")
        self.pattern = re.compile(source)
        self.ignorecase = re.compile(source, re.IGNORECASE)

    def _compiled(self, text: str) -> tuple[re.Pattern, str]:
        if _CASE_EXOTIC.search(text):
            return self.ignorecase, text
        return self.pattern, text.lower()

    def search(self, text: str) -> str | None:
        """The first match, verbatim, or None."""
        pattern, target = self._compiled(text)
        m = pattern.search(target)
        return text[m.start():m.end()] if m else None

    def match(self, text: str) -> str | None:
        """The match at the start of the text, verbatim, or None."""
        pattern, target = self._compiled(text)
        m = pattern.match(target)
        return text[m.start():m.end()] if m else None

    def findall(self, text: str) -> list[str]:
        """Every match, verbatim, in order."""
        return [text[a:b] for a, b in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every match's (start, end) in the text, in order."""
        pattern, target = self._compiled(text)
        return [m.span() for m in pattern.finditer(target)]


# Whitespace that is not already a single space: what normalise_space must replace.
_SPACE_TO_FOLD = re.compile(r" \s+|[^\S ]\s*")


def normalise_space(text: str) -> str:
    """Fold runs of whitespace (including non-breaking spaces) into one space; strip ends."""
    # the same as replacing every run of whitespace, but a single space is left alone
    return _SPACE_TO_FOLD.sub(" ", text).strip()


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences. Verbatim: the pieces, joined by single spaces, give back
    `normalise_space(text)`."""
    text = normalise_space(text)
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end(2)
        if m.group(1) == "." and not m.group(2):
            token = _token_before(text, m.start(1))
            if _is_abbreviation(token) and not _ends_a_sentence(token, text, m.end(3)):
                continue
        if m.group(2) and m.group(1)[-1] in "?!" and _tag_follows(text, m.end(3)):
            continue  # “Will the Witch Hunt continue?” Trump tweeted.
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = m.end(3)
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


# Up to four capitalised words, then the word that decides whether they are a quote's tag,
# after a word of intent ("Mr. Mueller planned to ask", "Trump would ask").
_NAMES_THEN_WORD = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}"
                              r"(?:(?:plans|planned|wants|wanted|hopes|hoped)\s+to\s+|would\s+)?"
                              r"(\w+)")


def _tag_follows(text: str, pos: int) -> bool:
    """Does a quotation's tag start at `pos` ("Trump tweeted", "Rep. Zoe Lofgren said", "Mr.
    Mueller planned to ask")? Then the question or exclamation closing the quote before it
    does not end the sentence."""
    m = _NAMES_THEN_WORD.match(text, pos)
    return bool(m) and m.group(1).lower() in SPEECH_VERBS


# Abbreviations a sentence may end on ("... to the U.S. It's not ..."), and the words that then
# open the next one: a pronoun, an article or a conjunction never follows "U.S." in one sentence.
_FINAL_ABBREVIATIONS = frozenset("u.s u.k u.n e.u d.c a.m p.m n.y l.a u.s.a inc corp co ltd "
                                 "llc jr sr etc".split())
_OPENERS_AFTER = frozenset("""It It's The He She They We I This That These Those But And Yet So
    There His Her Their Its Our""".split())
_FIRST_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def _token_before(text: str, dot: int) -> str:
    """The word or abbreviation the period at `dot` closes, in lower case, without its dots
    ("u.s" for "U.S."); empty when none."""
    m = _TOKEN_BEFORE.search(text, max(0, dot - 12), dot)
    return m.group(1).lower().strip(".") if m else ""


_DOTTED_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "h.r", as `_token_before` gives "H.R."


def _ends_a_sentence(token: str, text: str, next_start: int) -> bool:
    """Does the abbreviation `token` (`_token_before`) end its sentence, the next word (at
    `next_start`) being one that opens a sentence?"""
    if token not in _FINAL_ABBREVIATIONS and not _DOTTED_INITIALS.fullmatch(token):
        return False
    word = _FIRST_WORD.match(text, next_start)
    return bool(word) and word.group().replace("’", "'") in _OPENERS_AFTER


def _is_abbreviation(token: str) -> bool:
    """Is the period closing `token` (`_token_before`) part of an abbreviation or an initial
    ("J.", "U.S.")?"""
    if not token:
        return False
    if len(token) == 1 and token.isalpha():  # an initial: "Donald J. Trump"
        return True
    return token in ABBREVIATIONS or bool(_DOTTED_INITIALS.fullmatch(token))  # "H.R. McMaster"



def words(text: str) -> list[str]:
    """Word tokens (letters/digits with an inner apostrophe), in order, case kept."""
    return _WORD.findall(text)


def lower_words(tokens: list[str]) -> list[str]:
    """The tokens of `words` in lower case, lower-cased in one call rather than one by one."""
    return " ".join(tokens).lower().split(" ") if tokens else []


def slugify(text: str, max_length: int = 60) -> str:
    """Lower-case ASCII slug: letters and digits joined by single hyphens, cut at a word and
    not on one that leads to the rest ("...-in-broad-quest", not "...-in-broad-quest-on")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        parts = (cut.rsplit("-", 1)[0] if "-" in cut else cut).split("-")
        while len(parts) > 1 and parts[-1] in _NO_END_WORDS:
            parts.pop()
        slug = "-".join(parts)
    return slug or "untitled"


# A cut text does not end on these: "... missiles to…", "... to meet with…".
_NO_END_WORDS = frozenset(
    """a an the of to in on at by for from with into about over under after before and or but
    nor as than that which who whose its his her their our my your this these those is are was
    were be been has have had will would can could may might must shall should""".split())


def shorten(text: str, max_chars: int = 90) -> str:
    """Cut text at a word boundary to at most `max_chars`, marking the cut with an ellipsis;
    not after a word that leads into the next ("to", "with", "the") nor inside a name ("the
    former F.B.I. director James…" is "the former F.B.I. director…"), unless that takes away
    half of it."""
    text = normalise_space(text)
    if len(text) <= max_chars:
        return text
    words = text.split(" ")
    kept: list[str] = []
    length = -1
    for word in words:
        length += 1 + len(word)
        if length > max_chars - 2:  # the words and the ellipsis fit in max_chars - 1
            break
        kept.append(word)
    if not kept:
        return text[: max_chars - 1].rstrip(" ,;:—-") + "…"
    following = words[len(kept)]
    while len(kept) > 1 and len(" ".join(kept[:-1])) >= max_chars // 2 and (
            kept[-1].lower().strip(",;:—-") in _NO_END_WORDS
            or kept[-1][:1].isupper() and following[:1].isupper()):
        following = kept.pop()
    return " ".join(kept).rstrip(" ,;:—-") + "…"


# Function words: ignored when weighing what a sentence or an article is about.
# Words that are a finite verb wherever they stand (auxiliaries, common irregular pasts).
_FINITE_WORDS = frozenset(
    """is are was were am has have had do does did will would can cannot could may might must shall
    should said told met went came took gave made saw knew thought found left began ran won
    lost sent spent paid held brought bought got put set led fell rose drew wrote spoke broke
    chose struck fought hit cut let kept meant sought stood sat became grew threw flew drove
    built felt heard sold caught taught fled shook swore stole hid forgot dealt fed hung laid
    slept spun stuck swept swung withdrew understood arose bore bled lent sank sang shot shut
    withheld upheld""".split())
_SUBJECT_PRONOUNS = frozenset("i we they you he she it who".split())
# A verb right after these is an infinitive or a participle of one ("to have", "to be made"); a
# finite verb before them ("will be made", "was to be made") counts already.
_NON_FINITE_BEFORE = frozenset({"to", "be", "been", "being"})
# A participle after these describes a noun ("the proposed visit"): no finite verb.
_BEFORE_PARTICIPLE = frozenset("the a an its his her their our my your this that these those "
                               "newly recently".split())


# Where a photo caption places someone ("Benjamin Netanyahu of Israel, left, and ..."): no verb.
_CAPTION_PLACE = re.compile(r",\s*(?:(?:second |third )?from )?(?:left|right|center|centre)\s*,")


def has_finite_verb(text: str, tense_marked: bool = False) -> bool:
    """Could the sentence hold a finite verb? False for a photo caption or a fragment ("Members
    of the migrant caravan at the border wall in Tijuana on Sunday.", "A family looking through
    the border fence."): no auxiliary or common past form, no "-ed" word but a participle after
    a determiner, no lower-case "-s" word, no contraction, no word after a subject pronoun, no
    "plan to go". Generous: a word that may be a verb counts as one. With `tense_marked`, only
    a form that marks a tense or a mood counts (an auxiliary or modal, a common past, a
    contraction, an "-ed" word): a caption's verb is in the present ("Activists march toward
    the border on April 29.")."""
    if "," in text:
        text = _CAPTION_PLACE.sub(",", text)
    tokens = words(text)
    lows = lower_words(tokens)
    for k, low in enumerate(lows):
        if k and lows[k - 1] in _NON_FINITE_BEFORE:
            continue  # "the first to be made by ...": an infinitive or its participle
        if low in _FINITE_WORDS:
            return True
        if "'" in low or "’" in low:
            if low.endswith(("n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d",
                             "’d", "'m", "’m")):
                return True
            continue  # a possessive ("party's") is no verb
        if tokens[k][0].isupper():
            continue
        prev = lows[k - 1] if k else ""
        if low.endswith("ed") and len(low) > 3 and prev not in _BEFORE_PARTICIPLE:
            return True
        if tense_marked:
            continue
        if prev in _SUBJECT_PRONOUNS:
            return True
        if low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "us", "is")):
            return True
        if k + 2 < len(lows) and lows[k + 1] == "to" and tokens[k + 2][0].islower() and (
                prev not in _BEFORE_PARTICIPLE):
            return True
    return False


# Sentences about the page, not the news: a picture's or a video's caption ("A photograph
# released by North Korea's state news agency shows ...", "... correspondent John Roberts
# reports from West Palm Beach, Florida."), or a pointer to what the page holds ("Redacted
# copies of the seven documents can be seen below.").
_PAGE_FURNITURE = re.compile(
    r"^(?:an?|this)\s+(?:\w+\s+){0,2}?(?:photograph|photo|image|picture|video|screenshot)"
    r"\b(?:\s+[\w'’.-]+){0,8}?\s+(?:shows|showing)\b"
    r"|\b(?:reports|has more|has the story|has the latest) from [A-Z]"
    r"|\b(?:can|may) be (?:seen|found|read|viewed|watched)\s+(?:below|above)\b"
    r"|^(?:see|watch|read)(?:\s+[\w'’-]+){0,3}?\s+(?:below|above)\s*[.:]?\s*$",
    re.IGNORECASE)


def is_page_furniture(text: str) -> bool:
    """Is the sentence about the page rather than the news (a caption, "can be seen below")?
    It is no claim and no summary line."""
    return bool(_PAGE_FURNITURE.search(text))


STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told according new one two would could may might must shall also like just
    mr mrs ms including since still even many much well back get got make made year years
    week weeks time last first next""".split()
)


# A dateline opening a lead: a place in capitals ("WASHINGTON —", "TEL AVIV (Reuters) -"),
# perhaps its region or a date after a comma ("WEST PALM BEACH, Fla. —", "SEOUL, South Korea
# —", "WASHINGTON, April 30 (Reuters) -"), or a place in any case before a wire service's
# credit ("Washington (AFP) –"); then a dash, or a hyphen with spaces around it
# ("decades-long" is a word). The one rule for parsing titles and for comparing claims.
DATELINE = re.compile(
    r"^(?:[A-Z]{2,}(?:[ .]+[A-Z]{2,})*\.?|[A-Z][a-z]+(?= \())"
    r"(?:,\s*[A-Z][A-Za-z.]{1,14}(?: [A-Z][A-Za-z.]{1,14}| \d{1,2}){0,2})?\s*"
    r"(?:\([^()]{1,30}\)\s*)?(?:[—–―]|\s-{1,2}\s)\s*")


# A dotted acronym of three letters or more: "F.B.I.", "C.I.A." (read as "FBI", "CIA").
_DOTTED_ACRONYM = re.compile(r"\b[A-Z]\.(?:[A-Z]\.){2,}")


def _undot(match: re.Match) -> str:
    return match.group().replace(".", "")


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry meaning (no stopwords, no bare numbers, 3+ letters); a
    dotted acronym is one word ("F.B.I." is "fbi", as "FBI" is)."""
    if "." in text and _DOTTED_ACRONYM.search(text):
        text = _DOTTED_ACRONYM.sub(_undot, text)
    if _LOWERS_INTO_WORD.search(text):  # lower-casing first would change the tokens: rare
        tokens = [t.lower().replace("’", "'") for t in _WORD.findall(text)]
    else:  # lower-case the text once, not each token: the same tokens, faster
        tokens = _WORD.findall(text.lower().replace("’", "'"))
    return list(filter(_carries_meaning, tokens))


@functools.lru_cache(maxsize=1 << 16)
def _carries_meaning(word: str) -> bool:
    return len(word) > 2 and not word.isdigit() and word not in STOPWORDS


# Verbs whose forms the suffix rules cannot fold: "lied", "lying" -> "lie".
_IRREGULAR_STEMS = {"lied": "lie", "lying": "lie", "died": "die", "dying": "die",
                    "tied": "tie", "tying": "tie", "paid": "pay"}


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem, enough to fold inflections: "authorized", "authorizes",
    "authorization" -> "authoriz"; a final "y" after a consonant ends as "ies" and "ied" do:
    "country", "countries" -> "countri"; "deny", "denied", "denying" -> "deni"."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s$", "", w)
    if w in _IRREGULAR_STEMS:
        return _IRREGULAR_STEMS[w]
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "es",
                   "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                w += "i"
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":  # "committ" -> "commit"
        w = w[:-1]
    if len(w) >= 3 and w[-1] == "y" and w[-2] not in "aeiouy":
        w = w[:-1] + "i"
    return w
