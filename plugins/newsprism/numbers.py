"""The one number parser: quantities stated in a sentence, normalised.

`find_numbers(sentence)` reads digits ("12,000", "1.5 million", "$5bn", "20%"), number words
("eleven thousand"), vague amounts ("thousands of troops"), ranges ("10 to 12", "10-12"),
hyphenated measures ("800-mile", "20-year"), speeds ("120 mph", "miles per hour") and magnitudes
("magnitude 7.1", "a 7.1-magnitude quake"). Each becomes a `Number`: value, unit (the counted
noun, singular/plural and synonyms folded: troops / soldiers / forces -> "troops"), the verbatim
span, a qualifier (exact / approx / upper / lower / vague, and "under" for a figure just short
of the one given: "almost four dozen"), the subject it counts or measures ("North Korean
troops", "buffer zone"; for a count of people, what befell them: "people killed") and the
modality of its clause (fact / plan / possibility). Years, dates, times, ordinals and
identifiers ("Article 5", "F-16") are not quantities and are skipped.

Small rules of our own, linear in the sentence: a token scanner, no model, no download.
"""
from __future__ import annotations

import re

from .model import Number
from .text import STOPWORDS

# --- tokens -------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<abbr>(?:[A-Za-z]\.){2,})"
    r"|(?P<word>[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][A-Za-z]+)?)"
    r"|(?P<punct>\S)"
)


class _Tok:
    __slots__ = ("kind", "text", "start", "end", "low")

    def __init__(self, kind: str, text: str, start: int, end: int) -> None:
        self.kind, self.text, self.start, self.end = kind, text, start, end
        self.low = text.lower()


def _tokens(sentence: str) -> list[_Tok]:
    out: list[_Tok] = []
    new = _Tok.__new__
    for m in _TOKEN.finditer(sentence):  # attributes set directly: no __init__ call per token
        tok = new(_Tok)
        tok.kind = m.lastgroup or "punct"
        tok.text = text = m.group()
        tok.start, tok.end = m.span()
        tok.low = text.lower()
        out.append(tok)
    return out


# --- vocabulary ---------------------------------------------------------------------------

_ONES = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
# Plural scale nouns name an amount without giving it: the value is its lower bound.
_VAGUE = {"dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
          "billions": 1e9, "trillions": 1e12}
_CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# A number right after one of these names something rather than counting it.
_ID_WORDS = frozenset(
    """article section chapter no nos number flight route page pages room phase level category
    grade resolution amendment episode season part title vol volume stage version rule item
    paragraph clause district precinct highway interstate gate terminal platform channel
    model mark class type step round game week day""".split())
_TIME_WORDS = frozenset("am pm a.m. p.m. gmt utc et est edt pst pdt bst cet o'clock".split())

_QUALIFIERS = [  # (phrase before the number, qualifier); longest first wins
    ("as many as", "upper"), ("as much as", "upper"), ("up to", "upper"), ("no more than",
     "upper"), ("not more than", "upper"), ("fewer than", "upper"), ("less than", "upper"),
    ("at most", "upper"), ("under", "upper"), ("below", "upper"),
    ("more than", "lower"), ("over", "lower"), ("at least", "lower"), ("upwards of", "lower"),
    ("in excess of", "lower"), ("exceeding", "lower"), ("above", "lower"), ("nearly", "under"),
    ("almost", "under"), ("just under", "under"), ("just shy of", "under"),
    ("not quite", "under"), ("about", "approx"), ("around", "approx"), ("roughly", "approx"),
    ("approximately", "approx"), ("approx", "approx"), ("some", "approx"),
    ("an estimated", "approx"), ("estimated", "approx"), ("close to", "approx"),
    ("circa", "approx"), ("nearly all", "approx"), ("~", "approx"),
]
_QUALIFIERS.sort(key=lambda p: -len(p[0].split()))

# Measures: the unit says how a thing is measured, not what is counted; the subject is then the
# thing measured ("range", "buffer zone"), found around the number.
MEASURE_UNITS = frozenset(
    """miles km metres meters feet yards inches tons tonnes kg pounds dollars euros yen
    years months weeks days hours minutes seconds % points acres hectares gallons barrels
    years-old degrees votes mph km/h knots""".split()) - {"votes"}

# Synonyms of what is counted, folded onto one name (after plural folding).
_SYNONYMS = {
    "soldiers": "troops", "forces": "troops", "servicemen": "troops", "troop": "troops",
    "fighters": "troops", "personnel": "troops", "servicemembers": "troops",
    "service members": "troops", "militaries": "troops",
    "mile": "miles", "kilometers": "km", "kilometres": "km", "kilometer": "km",
    "kilometre": "km", "kms": "km", "meter": "metres", "meters": "metres", "metre": "metres",
    "foot": "feet", "tonnes": "tons", "ton": "tons", "tonne": "tons", "kilograms": "kg",
    "percent": "%", "per cent": "%", "pct": "%", "percentage points": "points",
    "usd": "dollars", "bucks": "dollars", "persons": "people", "individuals": "people",
    "folks": "people", "yrs": "years", "hrs": "hours", "mins": "minutes",
    "missiles": "missiles", "rockets": "rockets", "mph": "mph", "kph": "km/h",
    "knot": "knots", "magnitudes": "magnitude",
}
_IRREGULAR_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children",
                      "foot": "feet", "mouse": "mice", "tooth": "teeth", "police": "police",
                      "personnel": "personnel", "staff": "staff", "people": "people",
                      "men": "men", "women": "women", "children": "children", "feet": "feet",
                      "news": "news", "series": "series", "species": "species"}
_PLURAL_ONLY = frozenset(_IRREGULAR_PLURALS.values()) | {"police", "personnel", "staff", "cattle"}

# What befell the people a number counts, by the word saying it, folded: "killed 38 people",
# "45 people were killed", "120 injured", "the death toll rose to 32" count the killed or the
# injured, not people at large (see `_fate`). Two outlets' counts of the same fate compare.
_FATES = {
    **dict.fromkeys("killed killing kills kill dead died die dies deaths fatalities".split(),
                    "killed"),
    **dict.fromkeys("injured injuring injures injure wounded wounding wounds wound hurt "
                    "injuries".split(), "injured"),
    **dict.fromkeys("missing".split(), "missing"),
    **dict.fromkeys("arrested arresting arrests arrest detained detaining".split(),
                    "arrested"),
    **dict.fromkeys("evacuated evacuating".split(), "evacuated"),
    **dict.fromkeys("rescued rescuing".split(), "rescued"),
}
# A fate's word before the number is a verb acting on the counted ("killing at least 30
# people"), not a noun ("deaths") or adjective ("dead") or a verb with its own subject ("died").
_FATE_VERBS_BEFORE = frozenset(
    w for w in _FATES if w.endswith(("ed", "ing")) or w in ("kills", "hurt", "wounds"))
# Words between the counted and its fate: "45 people were killed", "30 have died".
_BEFORE_FATE = frozenset(
    "were was are is have has had been be being reportedly also all".split())
# A death toll named this many words before a number is what it gives.
DEATH_TOLL_REACH = 10
# Counted nouns that say only that people are counted: with a fate, they count "people".
_PEOPLE_UNITS = frozenset({"", "people", "others", "persons", "individuals", "deaths",
                           "fatalities"})

PLAN_CUES = frozenset(
    """plan plans planning planned will intend intends intending intended aim aims aiming
    propose proposes proposing proposed proposal proposals pledge pledged pledges vow vowed
    vows prepare prepares preparing promise promised promises expected expects expect going
    seek seeks seeking considering consider considers""".split())
POSSIBILITY_CUES = frozenset(
    """could may might would possibly potentially perhaps if likely unlikely possible
    whether risk risks""".split())
_MODALITY_STOP = frozenset(";:")


def with_qualifier(sentence: str, span: str) -> str:
    """A number's verbatim span (`Number.text`) with the qualifier phrase the sentence gives
    it right before ("at least four dozen questions" for "four dozen questions"), as written;
    the span alone when there is none or it is not in the sentence."""
    at = sentence.find(span)
    if at < 0:
        return span
    toks = _tokens(sentence[:at])
    for phrase, _ in _QUALIFIERS:
        parts = phrase.split()
        if len(toks) >= len(parts) and [t.low for t in toks[-len(parts):]] == parts:
            return sentence[toks[-len(parts)].start:at + len(span)]
    return span


def cue_word(word: str, first: bool) -> str:
    """A word as the modality cues read it: in lower case, unless it is capitalised after the
    sentence's first word. "Theresa May", "on May 1", "Will Hurd" are a name or a month, not
    "may" or "will"."""
    low = word.lower()
    return low if first or word[:1] == low[:1] else word


def plural(word: str) -> str:
    """A noun's plural form, by the common English rules (lower case in, lower case out)."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if _looks_plural(word):
        return word
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _looks_plural(word: str) -> bool:
    if word in _PLURAL_ONLY:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


def fold_unit(word: str) -> str:
    """The canonical name of what is counted: plural, lower case, synonyms folded."""
    w = word.lower().replace("’", "'")
    w = w[:-2] if w.endswith("'s") else w
    if w in _SYNONYMS:
        return _SYNONYMS[w]
    w = plural(w)
    return _SYNONYMS.get(w, w)


def _is_verbish(tok: _Tok) -> bool:
    """Words that end a noun phrase: participles, adverbs and the commonest verbs."""
    low = tok.low
    return (low.endswith(("ed", "ly")) and len(low) > 4) or low in _COMMON_VERBS


_COMMON_VERBS = frozenset(
    """is are was were be been being has have had do does did will would can could may might
    must shall should die dies face faces fight fight remain remains live lives need needs take
    takes come comes go goes flee flees hold holds join joins vote votes work works stand stands
    arrive arrives cross crosses wait waits struck hit made took gave came went began fell rose
    said says told sent brought paid met kept held led shook""".split())


# --- the scanner --------------------------------------------------------------------------

def _word_number(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """Parse a run of number words starting at toks[i]; returns (value, index after run)."""
    total, current, j, seen = 0.0, 0.0, i, False
    last_word = i
    while j < len(toks):
        t = toks[j]
        if t.kind != "word":
            if t.text == "-" and seen and j + 1 < len(toks) and toks[j + 1].low in _ONES:
                j += 1
                continue
            break
        low = t.low
        if low in _ONES:
            current += _ONES[low]
        elif low in _TENS:
            current += _TENS[low]
        elif low in _SCALES and (seen or low == "hundred"):
            scale = _SCALES[low]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        elif low in ("a", "an") and not seen and j + 1 < len(toks) and toks[j + 1].low in (
                _SCALES.keys() | {"dozen"}):
            current = 1
        elif low == "dozen" and (seen or current):
            current = (current or 1) * 12
        elif low == "and" and seen and j + 1 < len(toks) and (
                toks[j + 1].low in _ONES or toks[j + 1].low in _TENS):
            j += 1
            continue
        else:
            break
        seen = seen or low not in ("a", "an")
        last_word = j
        j += 1
    if not seen:
        return None
    return total + current, last_word + 1


def _qualifier(toks: list[_Tok], i: int) -> tuple[str, int]:
    """The qualifier phrase ending right before toks[i], and where it starts."""
    for phrase, qual in _QUALIFIERS:
        parts = phrase.split()
        n = len(parts)
        if i - n < 0:
            continue
        if [t.low for t in toks[i - n:i]] == parts:
            return qual, i - n
    return "exact", i


def _modality(toks: list[_Tok], start: int, end: int) -> str:
    """fact / plan / possibility, from cue words in the clause around the number: up to ten
    words before it and four after, never across ';' or ':'."""
    before: list[str] = []
    j = start - 1
    while j >= 0 and len(before) < 10 and toks[j].text not in _MODALITY_STOP:
        if toks[j].kind == "word":
            before.append(cue_word(toks[j].text, j == 0))
        j -= 1
    after: list[str] = []
    j = end
    while j < len(toks) and len(after) < 4 and toks[j].text not in _MODALITY_STOP | {","}:
        if toks[j].kind == "word":
            after.append(cue_word(toks[j].text, False))
        j += 1
    window = before + after
    if any(w in PLAN_CUES for w in window) or ("set" in before and "to" in before):
        return "plan"
    if any(w in POSSIBILITY_CUES for w in window):
        return "possibility"
    return "fact"


# Prepositions the stopword list lacks: "120 mph near Tampa" measures no "Tampa".
_PLACE_PREPOSITIONS = frozenset("near across outside inside around toward towards via".split())


def _noun_run(toks: list[_Tok], j: int, limit: int = 4) -> tuple[list[_Tok], int]:
    """The noun phrase starting at toks[j] (modifiers then head), up to `limit` words.
    Returns (its tokens, the index of its head within them, or -1 when empty)."""
    run: list[_Tok] = []
    while j < len(toks) and len(run) < limit:
        t = toks[j]
        if t.kind == "abbr":
            run.append(t)
            j += 1
            continue
        if t.kind != "word":
            if t.text in "-" and run and j + 1 < len(toks) and toks[j + 1].kind == "word":
                j += 1  # "long-range missiles": keep going
                continue
            break
        if (t.low in STOPWORDS or t.low in _PLACE_PREPOSITIONS) and t.low not in (
                "new", "first") and fold_unit(t.low) not in MEASURE_UNITS:
            break
        if _is_verbish(t) and (run or j + 1 >= len(toks) or toks[j + 1].kind != "word"):
            break
        if t.low in _ONES or t.low in _TENS or t.low in _MONTHS and t.text[0].isupper():
            break
        run.append(t)
        j += 1
        # the first plural common noun is the head: "12,000 North Korean troops have ..."
        if not t.text[0].isupper() and (_looks_plural(t.low) or fold_unit(t.low) in
                                        MEASURE_UNITS or t.low in _PLURAL_ONLY):
            return run, len(run) - 1
    return run, len(run) - 1


def _measured_before(toks: list[_Tok], start: int) -> str:
    """For "a range of about 190 miles": the noun the measure belongs to ("range")."""
    j = start - 1
    if j >= 1 and toks[j].low in ("of", "for", "by", "at"):
        k = j - 1
        words_: list[str] = []
        while k >= 0 and toks[k].kind == "word" and toks[k].low not in STOPWORDS and len(
                words_) < 3 and not _is_verbish(toks[k]):
            words_.insert(0, toks[k].text)
            k -= 1
        return " ".join(words_)
    return ""


# Verbs that give the level a share or measure stands at: "Unemployment rose to 4.1%", "Turnout
# was 72 percent", "Winds reached 120 mph". Not "rose by 2%": a change, not the level.
_LINKING = frozenset(
    """is was are were stands stood remains remained rose rises fell falls climbed climbs
    dropped drops jumped jumps reached reaches hit hits increased decreased grew declined
    slipped edged surged plunged""".split())
# What ends a measure's subject, read back from its verb: a clause's start.
_CLAUSE_START = frozenset(
    "said says that which who while as and but when where after because although though if"
    .split())
_NOT_SUBJECTS = frozenset("it this that these those they he she there which what".split())
LINKED_SUBJECT_WORDS = 6


def _linked_subject(toks: list[_Tok], start: int) -> str:
    """For "Unemployment in the country rose to 4.1%" / "Officials said turnout in the
    referendum reached 65%" / "where winds reached 140 mph": the noun the share or measure is
    the level of, opening the clause whose verb links it to the number ("Unemployment",
    "turnout", "winds"); "" if there is none such."""
    j = start - 1
    if j >= 0 and toks[j].low in ("to", "at"):
        j -= 1
    if j < 1 or toks[j].low not in _LINKING:
        return ""
    k = j - 1
    while k >= 0 and toks[k].kind != "punct" and toks[k].low not in _CLAUSE_START:
        k -= 1
    if j - (k + 1) > LINKED_SUBJECT_WORDS:
        return ""
    k += 1
    while k < j and toks[k].low in ("the", "a", "an", "its", "their", "his", "her", "our"):
        k += 1
    if k >= j or toks[k].low in _NOT_SUBJECTS:
        return ""
    run, _ = _noun_run(toks, k, limit=3)
    return " ".join(t.text for t in run)


def _measured_after(toks: list[_Tok], j: int) -> str:
    """For "20% of Ukraine" / "$5bn in aid": the noun phrase after "of" / "in"."""
    if j < len(toks) and toks[j].low in ("of", "in", "for", "on"):
        k = j + 1
        while k < len(toks) and toks[k].low in ("the", "its", "their", "his", "her", "our"):
            k += 1
        run, head = _noun_run(toks, k, limit=3)
        return " ".join(t.text for t in run)
    return ""


def _is_year(value: float, text: str, toks: list[_Tok], i: int) -> bool:
    return "," not in text and "." not in text and 1800 <= value <= 2100


def _skip_digit(toks: list[_Tok], i: int, sentence: str) -> bool:
    """Digits that do not state a quantity: dates, times, ordinals, identifiers, parts of
    names ("F-16", "COVID-19", "G7")."""
    t = toks[i]
    before = sentence[t.start - 1] if t.start else " "
    after = sentence[t.end] if t.end < len(sentence) else " "
    if before.isalpha() or (before == "-" and t.start >= 2 and sentence[t.start - 2].isalnum()
                            and not sentence[:t.start - 1].lower().endswith("magnitude")):
        return True
    if before in "#/:" or after in "/:" and t.end + 1 < len(sentence) and sentence[
            t.end + 1].isdigit():
        return True
    prev = toks[i - 1].low.rstrip(".") if i else ""
    if i and toks[i - 1].text == ".":
        prev = toks[i - 2].low if i >= 2 else ""
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if prev in _MONTHS or nxt in _MONTHS:
        return True
    if prev in _ID_WORDS and i and toks[i - 1].text[0].isupper():
        return True
    if nxt in _TIME_WORDS or (nxt in ("a", "p") and i + 2 < len(toks) and toks[i + 2].text == "."):
        return True
    return _is_address(toks, i)


_STREET_WORDS = frozenset("street avenue road boulevard lane drive place square plaza".split())


def _is_address(toks: list[_Tok], i: int) -> bool:
    """Is the number a house number ("10 Downing Street", "1600 Pennsylvania Avenue": a
    capitalised street name follows)?"""
    for tok in toks[i + 1:i + 4]:
        if not tok.text[:1].isupper():
            return False
        if tok.low in _STREET_WORDS:
            return True
    return False


_NUMBER_WORDS = frozenset({*_ONES, *_TENS, *_SCALES, *_VAGUE, "dozen"})
# The words a quantity may start with (besides digits): the scanner skips every other token.
_STARTERS = frozenset({*_ONES, *_TENS, *_VAGUE, "tens", "several", "few", "a", "an"})
_LETTERS = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"[a-z]+")


def _may_hold_a_number(sentence: str) -> bool:
    return bool(_DIGIT.search(sentence)) or not _NUMBER_WORDS.isdisjoint(
        _LOWER_WORD.findall(sentence.lower()))


# Words that make "52-48" a vote's tally ("passed the bill 52-48", "voted 51 to 49", "a 5-4
# ruling"), not a range or a score.
_TALLY_WORDS = frozenset(
    """vote votes voted voting passed approved confirmed rejected ruling ruled decision margin
    tally split""".split())
TALLY_REACH = 4  # words before the tally, or after it, where one of them may stand


def _voting_body(toks: list[_Tok], start: int) -> str:
    """Who voted, for a tally: the capitalised word nearest before it ("The Senate passed the
    bill 52-48": "Senate"), so the House's tally is not set against the Senate's; "" if none."""
    for t in reversed(toks[max(0, start - 2 * TALLY_REACH):start]):
        if t.kind == "word" and t.text[0].isupper() and t.low not in STOPWORDS:
            return t.text
    return ""


def _tally(toks: list[_Tok], start: int, end: int) -> bool:
    """Is the number pair toks[start:end] a vote's tally (see `_TALLY_WORDS`)?"""
    near = toks[max(0, start - TALLY_REACH):start] + toks[end:end + 2]
    return any(t.low in _TALLY_WORDS for t in near)


def _magnitude(toks: list[_Tok], start: int, end: int) -> tuple[int, int] | None:
    """An earthquake's magnitude: "magnitude 7.1", "magnitude-7.1", "a magnitude of 7.1" (the
    word before the number, from `start`) or "7.1 magnitude" (after it, at `end`). Returns the
    index after the figure and its unit word, and the index the verbatim span starts at."""
    if end < len(toks) and toks[end].low == "magnitude":
        return end + 1, start
    for k in (start - 1, start - 2):
        if k >= 0 and toks[k].low == "magnitude" and (
                k == start - 1 or toks[start - 1].low == "of" or toks[start - 1].text == "-"):
            return end, k
    return None


_PER_HOUR = {"miles": "mph", "km": "km/h"}
_QUAKE_WORDS = frozenset("quake quakes temblor temblors earthquakes".split())


def _shaken(toks: list[_Tok], j: int) -> str:
    """What a magnitude measures, named after it: "earthquake" for a quake, an aftershock's
    own word; "" when no noun follows ("struck with a magnitude of 7.1")."""
    run, head = _noun_run(toks, j, limit=2)
    if not run or run[head].text[0].isupper():
        return ""
    return "earthquake" if run[head].low in _QUAKE_WORDS else run[head].low


def _aged(toks: list[_Tok], start: int, end: int, value: float) -> str:
    """For "Robert Mueller, 73, took over ..." / "said Rubilio Mendez, 34.": the name whose age
    a whole number between commas (or a comma and a full stop) right after it gives; else
    ""."""
    if not (start >= 2 and end < len(toks) and toks[start - 1].text == ","
            and toks[end].text in (",", ".") and value == int(value) and 0 < value <= 120
            and toks[start].kind == "num"):
        return ""
    return _name_ending(toks, start - 2)


def _name_ending(toks: list[_Tok], k: int) -> str:
    """The name of up to three capitalised words ending at toks[k], or "" (a month, or a
    sentence's opening "The")."""
    name: list[str] = []
    while k >= 0 and len(name) < 3 and toks[k].kind == "word" and toks[k].text[0].isupper():
        name.insert(0, toks[k].text)
        k -= 1
    if not name or name[0].lower() in _MONTHS or name[0].lower() in STOPWORDS:
        return ""
    return " ".join(name)


def _name_of_aged(toks: list[_Tok], start: int, after: int) -> str:
    """Whose age a "45-year-old" gives, when the sentence names them: "John Smith, a
    45-year-old teacher," (the name before) or "a 45-year-old man named John Smith" /
    "identified as John Smith" (the name after the described person, from `after`); else ""."""
    if start >= 3 and toks[start - 1].low in ("a", "an") and toks[start - 2].text == ",":
        return _name_ending(toks, start - 3)
    k = after
    if k < len(toks) and toks[k].low in ("named", "called"):
        k += 1
    elif k + 1 < len(toks) and toks[k].low == "identified" and toks[k + 1].low == "as":
        k += 2
    else:
        return ""
    end = k
    while end < len(toks) and end - k < 3 and toks[end].kind == "word" and toks[
            end].text[0].isupper():
        end += 1
    return _name_ending(toks, end - 1) if end > k else ""


def _fate(toks: list[_Tok], q_start: int, run: list[_Tok], head: int, after: int) -> str:
    """What befell the people counted (see `_FATES`), or "": said by the counted noun itself
    ("120 injured", "32 deaths"), by a verb right before the number and its qualifier
    ("killing at least 30 people"), by the words right after it ("45 people were killed", "30
    people dead"), or by a death toll the number gives ("the death toll rose to 32")."""
    if run and run[head].low in _FATES:
        return _FATES[run[head].low]
    if q_start and toks[q_start - 1].low in _FATE_VERBS_BEFORE:
        return _FATES[toks[q_start - 1].low]
    k = after
    while k < len(toks) and toks[k].low in _BEFORE_FATE:
        k += 1
    if k < len(toks) and toks[k].low in _FATES and toks[k].low not in ("deaths", "injuries"):
        return _FATES[toks[k].low]
    lows = [t.low for t in toks[max(0, q_start - DEATH_TOLL_REACH):q_start]]
    if "toll" in lows and "death" in lows[:lows.index("toll")] and not any(
            t.kind == "num" for t in toks[max(0, q_start - DEATH_TOLL_REACH):q_start]):
        return "killed"  # "The death toll from the earthquake in the province rose to 30"
    return ""


def find_numbers(sentence: str) -> list[Number]:
    """Every quantity stated in `sentence`, in reading order (see the module docstring)."""
    if not _may_hold_a_number(sentence):  # most sentences: skip the token scan
        return []
    toks = _tokens(sentence)
    out: list[Number] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind != "num" and t.low not in _STARTERS:  # most tokens: no quantity starts here
            i += 1
            continue
        start_i = i
        value: float | None = None
        qualifier = "exact"
        unit = ""
        subject = ""
        value_max: float | None = None
        end_i = i + 1  # index after the number (and its scale word)
        if t.kind == "num":
            value = float(t.text.replace(",", ""))
            after = sentence[t.end:t.end + 4]
            suffix = _LETTERS.match(after)
            currency = _CURRENCY.get(sentence[t.start - 1]) if t.start else None
            if suffix:
                s = suffix.group().lower()
                if currency and s in _SCALE_SUFFIX:
                    value *= _SCALE_SUFFIX[s]
                    end_i = i + 2  # the suffix is its own word token
                elif s in ("km", "kg", "mph", "kph", "ft", "m", "mm", "cm", "lb", "lbs"):
                    unit = fold_unit(s)
                    end_i = i + 2
                else:
                    i += 1  # "1st", "1990s", "5G", "10am"
                    continue
            if _skip_digit(toks, i, sentence):
                i += 1
                continue
            if end_i < len(toks) and toks[end_i].low in _SCALES:
                value *= _SCALES[toks[end_i].low]
                end_i += 1
            if currency:
                unit = currency
            if end_i < len(toks) and toks[end_i].text == "%":
                unit = "%"
                end_i += 1
            if not unit and not currency and _is_year(value, t.text, toks, i) and not (
                    end_i < len(toks) and toks[end_i].low in ("percent", "per")):
                i += 1
                continue
        elif t.kind == "word" and t.low in _VAGUE:
            value = float(_VAGUE[t.low])
            qualifier = "vague"
            # "tens of thousands", "hundreds of thousands"
            if end_i + 1 < len(toks) and toks[end_i].low == "of" and toks[end_i + 1].low in _VAGUE:
                value = value * _VAGUE[toks[end_i + 1].low] if t.low != "dozens" else _VAGUE[
                    toks[end_i + 1].low] * 12
                end_i += 2
        elif t.kind == "word" and (t.low in ("tens",) and i + 2 < len(toks)
                                   and toks[i + 1].low == "of" and toks[i + 2].low in _VAGUE):
            value = 10 * _VAGUE[toks[i + 2].low]
            qualifier = "vague"
            end_i = i + 3
        elif t.kind == "word" and t.low in ("several", "a", "few") and i + 1 < len(toks) and (
                toks[i + 1].low in ("thousand", "hundred", "million", "billion", "dozen")
                and (t.low == "several" or t.low == "few")):
            value = _SCALES.get(toks[i + 1].low, 12)
            qualifier = "vague"
            end_i = i + 2
        elif t.kind == "word" and (t.low in _ONES or t.low in _TENS or (
                t.low in ("a", "an") and i + 1 < len(toks) and toks[i + 1].low in _SCALES)):
            parsed = _word_number(toks, i)
            if parsed is None:
                i += 1
                continue
            value, end_i = parsed
            if end_i - i == 1 and t.low in ("one", "zero"):  # "one of", "one thing": not a count
                i += 1
                continue
        if value is None:
            i += 1
            continue

        # "between 10 and 12", "10 to 12", "10-12"
        if end_i + 1 < len(toks) and toks[end_i].text in ("-", "–", "to", "and") and toks[
                end_i + 1].kind == "num" and (toks[end_i].text != "and" or (
                    start_i and toks[start_i - 1].low == "between")):
            hi = float(toks[end_i + 1].text.replace(",", ""))
            k = end_i + 2
            if k < len(toks) and toks[k].low in _SCALES:
                hi *= _SCALES[toks[k].low]
                k += 1
            elif value >= 1e3 and hi < value and 0 < hi < 1000 and t.kind == "num":
                pass
            if hi > value:
                value_max = hi
                end_i = k
                if end_i < len(toks) and toks[end_i].text == "%":
                    unit = "%"
                    end_i += 1
            elif (0 <= hi < value and t.kind == "num" and k == end_i + 2
                  and _tally(toks, start_i, k)):
                unit = "votes"  # "The Senate passed the bill 52-48": the votes for it
                subject = _voting_body(toks, start_i)
                end_i = k

        # the qualifier before the number
        if qualifier != "vague":
            qualifier, q_start = _qualifier(toks, start_i)
        else:
            q_start = start_i
        if start_i and toks[start_i - 1].text == "~":
            qualifier = "approx"

        # the unit: "%" / "percent", a hyphenated measure, or the counted noun
        j = end_i
        head_index = -1
        unit_last: int | None = None
        span_from = start_i  # where the verbatim span starts: the number, or "magnitude" before
        run: list[_Tok] = []
        if not unit and j < len(toks) and toks[j].low in ("percent", "pct"):
            unit = "%"
            j += 1
            unit_last = j - 1
        elif not unit and j + 1 < len(toks) and toks[j].low == "per" and toks[j + 1].low == "cent":
            unit = "%"
            j += 2
            unit_last = j - 1
        elif not unit and (magnitude := _magnitude(toks, q_start, j)) is not None:
            # "a magnitude 7.1 earthquake", "a 7.1 magnitude quake", "a magnitude of 7.1"
            unit, j, span_from = "magnitude", *magnitude
            unit_last = j - 1 if j > end_i else None
            subject = _shaken(toks, j)
        elif not unit and j + 1 < len(toks) and toks[j].text == "-" and toks[j + 1].kind == "word" \
                and sentence[toks[j].end:toks[j].end + 1] != " ":
            # "800-mile buffer zone", "20-year moratorium", "73-year-old", "7.1-magnitude quake"
            unit = fold_unit(toks[j + 1].low)
            j += 2
            unit_last = j - 1
            if j + 1 < len(toks) and toks[j].text == "-" and toks[j + 1].low == "old":
                unit = "years old"
                j += 2
                unit_last = j - 1
            if unit == "magnitude":
                subject = _shaken(toks, j)
            else:
                run_after, _ = _noun_run(toks, j, limit=3)
                subject = " ".join(x.text for x in run_after)
                j += len(run_after)
                if unit == "years old":  # "a 45-year-old man named John Smith": his age
                    subject = _name_of_aged(toks, q_start, j) or subject
        elif not unit and (age_of := _aged(toks, start_i, end_i, value)):
            unit, subject = "years old", age_of  # "Robert Mueller, 73, took over ..."
        elif not unit:
            k = j
            if qualifier == "vague" and k < len(toks) and toks[k].low == "of":
                k += 1
                while k < len(toks) and toks[k].low in ("the", "its", "their", "his", "her"):
                    k += 1
            run, head_index = _noun_run(toks, k)
            if run:
                unit = fold_unit(run[head_index].low) if head_index >= 0 else ""
                if run[head_index].text[0].isupper() and run[head_index].kind == "word" and len(
                        run) == 1:
                    unit = ""  # "5 Ukrainians"? keep as no unit rather than a proper name
                    run = []
                if run:
                    unit_last = toks.index(run[head_index], k)
                j = k + len(run)
        if unit in _PER_HOUR and j + 1 < len(toks) and (
                toks[j].low in ("per", "an", "a") and toks[j + 1].low == "hour"
                or unit == "km" and toks[j].text == "/" and toks[j + 1].low == "h"):
            unit = _PER_HOUR[unit]  # "120 miles per hour" is "120 mph"
            j += 2
            unit_last = j - 1
        if unit == "%" or unit in MEASURE_UNITS:
            if not subject:
                subject = _measured_before(toks, q_start) or _linked_subject(
                    toks, q_start) or _measured_after(toks, j)
            if not subject:
                after_run = _noun_run(toks, j, limit=3)[0]
                subject = " ".join(x.text for x in after_run)
                # "a 25 percent tariff on steel": the measured thing is "tariff on steel"
                k = j + len(after_run)
                if after_run and k + 1 < len(toks) and toks[k].low in ("on", "of", "for"):
                    obj = _measured_after(toks, k)
                    if obj:
                        subject = f"{subject} {toks[k].text} {obj}"
        elif run:
            subject = " ".join(x.text for x in run[: head_index + 1])
        if unit in _PEOPLE_UNITS or run and run[head_index].low in _FATES:  # "120 injured"
            fate = _fate(toks, q_start, run, head_index, j)
            if fate:  # "killed 38 people", "120 injured": the people to whom that happened
                unit, subject = "people", f"people {fate}"
                if unit_last is None and j > end_i:
                    unit_last = j - 1
        # a bare small word number with nothing counted is not a quantity ("the two")
        if t.kind == "word" and not unit and qualifier != "vague":
            i = end_i
            continue
        # the verbatim span: the number with its unit word ("800-mile", "12,000 North Korean
        # troops", "thousands of troops"), not the qualifier
        last = unit_last if unit_last is not None else end_i - 1
        text = sentence[toks[span_from].start - (1 if t.kind == "num" and t.start and sentence[
            t.start - 1] in _CURRENCY else 0):toks[max(last, end_i - 1)].end]
        out.append(Number(value=value, unit=unit, text=text, qualifier=qualifier,
                          value_max=value_max, subject=subject,
                          modality=_modality(toks, q_start, j)))
        i = max(end_i, i + 1)
    return out
