"""Claims: the sentences of an article that assert something checkable.

A sentence is a claim when it states a number, reports an action by someone named, or attributes
a statement to a source. Each claim keeps the verbatim sentence and its anchor, and carries:

- kinds: "number", "action", "attributed", "quote";
- entities: the names it mentions, possessives folded, short forms resolved to the full name
  the article gave ("Biden" -> "Joe Biden");
- numbers: from the one number parser (numbers.py);
- predicates: what is done, with synonyms folded ("authorized" / "approved" / "greenlit" ->
  "authorize"), so that comparison can require the same action, not only the same words;
- modality: fact / plan / possibility;
- score: importance within the article (centrality, numbers, attribution, position).

`rank_claims` gives the article's most important claims for its claim summary.
"""
from __future__ import annotations

import re

from .model import Claim, Quote, Sentence
from .names import PeopleRegister, find_names, role_words_before
from .numbers import PLAN_CUES, POSSIBILITY_CUES, find_numbers
from .quotes import SPEECH_VERBS, quote_spans
from .summary import centrality
from .text import STOPWORDS, words

# Predicate classes: verb stems (see `stem`) folded onto one name per action.
_PREDICATE_CLASSES = {
    "authorize": "authoriz approv allow permit greenlight greenlit green-light sanction "
                 "clear lift okay ok'd",
    "send": "send sent deploy dispatch",
    "strike": "strik struck attack hit target bomb shell fire launch",
    "warn": "warn caution threaten",
    "say": "say said state tell told announc declar confirm report remark comment",
    "criticize": "criticiz criticis condemn slam blast denounc accus attack lambast",
    "meet": "meet met visit host",
    "kill": "kill die dead death",
    "sue": "sue lawsuit su",
    "reject": "reject refus deni deny",
    "agree": "agre sign accept",
    "invade": "invad occup seiz captur",
    "test": "test",
    "delay": "delay postpon",
    "impose": "impos levi",
    "resign": "resign quit",
    "fire": "fir dismiss oust",
    "arrest": "arrest detain",
    "leak": "leak",
    "investigat": "investigat probe",
    "release": "releas publish",
    "support": "support back aid",
    "end": "end halt stop suspend",
}
PREDICATE_OF: dict[str, str] = {}
for _name, _stems in _PREDICATE_CLASSES.items():
    for _s in _stems.split():
        PREDICATE_OF.setdefault(_s, _name)
_NOT_PREDICATES = frozenset(
    """united based armed limited related supposed called alleged reported proposed
    unprecedented sophisticated advanced detailed unexpected""".split())
_ATTRIBUTION = re.compile(
    r"\baccording to\b|\b(?:said|says|told|stated|confirmed|announced|reported|citing|"
    r"cited|claimed|warned|noted|argued)\b", re.IGNORECASE)


def stem(word: str) -> str:
    """A crude English stem, enough to fold inflections: "authorized", "authorizes",
    "authorization" -> "authoriz"."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s$", "", w)
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "es",
                   "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                w += "i"
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":  # "committ" -> "commit"
        w = w[:-1]
    return w


def predicates(text: str) -> list[str]:
    """The actions a sentence reports, synonyms folded, in order, unique."""
    out: list[str] = []
    for w in words(text):
        low = w.lower()
        if low in STOPWORDS and low not in ("said", "says", "told", "say"):
            continue
        st = stem(low)
        name = PREDICATE_OF.get(st) or PREDICATE_OF.get(low)
        if not name and low.endswith("ed") and len(low) > 5 and low not in _NOT_PREDICATES \
                and w[0].islower():
            name = st
        if name and name not in out:
            out.append(name)
    return out


def modality_of(text: str, numbers: list) -> str:
    """fact / plan / possibility: from the numbers' clauses when the sentence states numbers,
    else from cue words anywhere in the sentence outside quotations."""
    if numbers:
        kinds = [n.modality for n in numbers]
        return "fact" if "fact" in kinds else kinds[0]
    outside = _outside_quotes(text)
    lows = [w.lower() for w in words(outside)]
    if any(w in PLAN_CUES for w in lows):
        return "plan"
    if any(w in POSSIBILITY_CUES for w in lows):
        return "possibility"
    return "fact"


def _outside_quotes(text: str) -> str:
    spans = quote_spans(text)
    out, pos = [], 0
    for a, b in spans:
        out.append(text[pos:max(a - 1, pos)])
        pos = b + 1
    out.append(text[pos:])
    return " ".join(out)


def extract_claims(sentences: list[Sentence], quotes: list[Quote] | None = None) -> list[Claim]:
    """The checkable sentences of an article, in reading order, each scored."""
    quoted = {q.sentence for q in quotes or []}
    people = PeopleRegister()
    # words seen capitalised inside sentences are names; a sentence's capitalised first word
    # ("Intelligence reports ...", "Advisers ...") is a name only if it is one elsewhere too
    mid_caps = {w for s in sentences for w in words(s.text)[1:] if w[:1].isupper()}
    central = centrality(sentences) if sentences else {}
    top = max(central.values(), default=0.0) or 1.0
    n = len(sentences)
    claims: list[Claim] = []
    for index, s in enumerate(sentences):
        text = s.text
        entities = _entities(text, people, mid_caps)
        if text.rstrip("”\"’' ").endswith("?") or len(words(text)) < 5:
            continue
        numbers = find_numbers(text)
        preds = predicates(_outside_quotes(text))
        kinds: list[str] = []
        if numbers:
            kinds.append("number")
        if entities and [p for p in preds if p != "say"]:
            kinds.append("action")
        if _ATTRIBUTION.search(text) or s.id in quoted:
            kinds.append("attributed")
        if s.id in quoted:
            kinds.append("quote")
        if not kinds or not (entities or numbers):
            continue
        modality = modality_of(text, numbers)
        score = (central.get(s.id, 0.0) / top
                 + 0.5 * any(x.qualifier != "vague" and x.modality == "fact" for x in numbers)
                 + 0.2 * ("attributed" in kinds) + 0.15 * min(len(entities), 3)
                 + 0.4 * (1 - index / max(n, 1))
                 - 0.3 * (modality != "fact") - 0.2 * ("quote" in kinds))
        claims.append(Claim(id=s.id, text=text, kinds=kinds, entities=entities, numbers=numbers,
                            modality=modality, score=round(score, 4), predicates=preds))
    return claims


def _entities(text: str, people: PeopleRegister, mid_caps: set[str]) -> list[str]:
    out: list[str] = []
    for name in find_names(text):
        if name.start == 0 and " " not in name.text and not name.title and (
                name.text not in mid_caps):
            continue
        full = None
        if name.person:
            full = people.resolve(name.text) if len(name.text.split()) < 2 else None
            full = full or people.add(name, role_words_before(text, name))
        else:
            full = people.resolve(name.text) or name.text
        if full not in out:
            out.append(full)
    return out


def rank_claims(claims: list[Claim], limit: int = 5) -> list[str]:
    """The ids of the article's most important claims, most important first (ties: earlier
    first). Facts first: a plan or possibility is ranked after every fact of equal score."""
    order = {c.id: i for i, c in enumerate(claims)}
    ranked = sorted(claims, key=lambda c: (-c.score, order[c.id]))
    return [c.id for c in ranked[:limit]]
