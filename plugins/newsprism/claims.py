"""Claims: the sentences of an article that assert something checkable.

A sentence is a claim when it states a number, reports an action by someone named (done, or
planned: "will visit"), or attributes a statement to a source. Each claim keeps the verbatim
sentence and its anchor, and carries:

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

import functools
import re

from .model import Claim, Quote, Sentence
from .names import PeopleRegister, find_names, role_words_before
from .numbers import PLAN_CUES, POSSIBILITY_CUES, cue_word, find_numbers
from .quotes import outside_quotes, own_words as outlets_words
from .summary import centrality
from .text import (ATTRIBUTION_VERBS, SOURCE_NOUNS, SPEECH_VERBS, STOPWORDS, CaselessPattern,
                   has_finite_verb, is_page_furniture, lower_words, stem, words)

# Predicate classes: verb stems (see `stem`) folded onto one name per action.
_PREDICATE_CLASSES = {
    "authorize": "authoriz approv allow permit greenlight greenlit green-light sanction "
                 "clear lift okay ok'd",
    "send": "send sent deploy dispatch",
    "strike": "strik struck attack hit target bomb shell fire launch",
    "warn": "warn caution threaten",
    "say": "say said state tell told announc declar confirm report remark comment",
    "criticize": "criticiz criticis condemn slam blast denounc accus attack lambast",
    "meet": "meet met visit host travel",
    "arrive": "arriv reach",
    "kill": "kill die dead death",
    "sue": "sue lawsuit su suit",
    "reject": "reject refus deni",
    "agree": "agre sign accept",
    "invade": "invad occupi seiz captur",
    "test": "test",
    "delay": "delay postpon defer",
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
_ATTRIBUTION_WORDS = "|".join(sorted(ATTRIBUTION_VERBS))
_ATTRIBUTION = CaselessPattern(r"\baccording to\b|\b(?:%s)\b" % _ATTRIBUTION_WORDS)
# Sources an attribution cue may name instead of a person.
_SOURCE_NOUNS = CaselessPattern(r"\b(?:%s)\b" % "|".join(sorted(SOURCE_NOUNS)))
# "He said ...", "She told ...": a pronoun subject stands for the person just named.
_PRONOUN_ATTRIBUTION = re.compile(r"^(?:He|She|They)\b(?:\s+\w+){0,3}?\s+(?:has |have |had )?"
                                  r"(?:%s)\b" % _ATTRIBUTION_WORDS)


# A participle after these describes a noun ("the released memos"); it reports no action.
_ADJECTIVE_BEFORE = frozenset("the a an newly recently its their his her this these".split())


def predicates(text: str) -> list[str]:
    """The actions a sentence reports, synonyms folded, in order, unique."""
    tokens = words(text)
    return _predicates(tokens, lower_words(tokens))


def _predicates(tokens: list[str], lows: list[str]) -> list[str]:
    """`predicates` of a sentence's word tokens and the same tokens in lower case."""
    out: list[str] = []
    for k, found in enumerate(map(_word_action, lows)):
        if found is _NO_ACTION:  # most words
            continue
        action, participle = found
        if k and lows[k - 1] in _ADJECTIVE_BEFORE and lows[k].endswith("ed"):
            continue  # "the newly released memos": a participle describing, not an action
        name = action or (participle if tokens[k][0].islower() else None)
        if name and name not in out:
            out.append(name)
    return out


_NO_ACTION = (None, None)
# "does not leak", "was never charged", "didn't sign": the next action (a word or three on) is
# denied, not reported.
_NEGATIONS = frozenset("not never cannot no".split())
_NEGATION_REACH = 3


@functools.lru_cache(maxsize=1 << 14)  # asked of the few claims comparison finds alike
def denied_actions(text: str) -> frozenset[str]:
    """The actions (as `predicates` names them) a sentence denies outside its quotations:
    "Comey claims FBI does not leak in redacted memos" denies "leak". Two claims, one denying
    an action the other reports, are different claims however alike their words."""
    tokens = words(outside_quotes(text))
    lows = lower_words(tokens)
    out: set[str] = set()
    for k, low in enumerate(lows):
        if low in _NEGATIONS or low.endswith(("n't", "n’t")):
            for j in range(k + 1, min(k + 1 + _NEGATION_REACH, len(lows))):
                found = _predicates(tokens[j:j + 1], lows[j:j + 1])
                if found:
                    out.update(found)
                    break
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 16)
def _word_action(low: str) -> tuple[str | None, str | None]:
    """(the action a lower-case word names, synonyms folded; the stem of an "-ed" word that
    reports an action of its own when written in lower case), each None when there is none."""
    if low in STOPWORDS and low not in ("said", "says", "told", "say"):
        return _NO_ACTION
    st = stem(low)
    name = PREDICATE_OF.get(st) or PREDICATE_OF.get(low)
    if name:
        return name, None
    if low.endswith("ed") and len(low) > 5 and low not in _NOT_PREDICATES:
        return None, st
    return _NO_ACTION


def modality_of(text: str, numbers: list, quoted: bool = False) -> str:
    """fact / plan / possibility: from the numbers' clauses when the sentence states numbers,
    else from cue words anywhere in the sentence outside quotations (inside them too with
    `quoted`: what a quoted statement says, "The President will visit ...", is a plan)."""
    if numbers:
        kinds = [n.modality for n in numbers]
        return "fact" if "fact" in kinds else kinds[0]
    return _cue_modality(_cues(words(text if quoted else outside_quotes(text))))


def _cues(tokens: list[str]) -> list[str]:
    """A sentence's word tokens as the modality cues read them (`numbers.cue_word`)."""
    return [cue_word(w, not k) for k, w in enumerate(tokens)]


# How many words after a plan cue the planned action may stand: "will visit", "is planning to
# meet", "will hold bilateral talks".
PLAN_REACH = 3


def _planned_action(cues: list[str]) -> bool:
    """Does a plan cue govern a known action (`_PREDICATE_CLASSES`, saying aside): "Trump will
    visit the United Kingdom on July 13", "Kim is planning to meet Moon"? Such a plan by
    someone named is news a reader can check; a cue elsewhere ("Trump's peace plans ...
    threaten", "as the administration seeks to ...") plans nothing the sentence reports."""
    for k, cue in enumerate(cues):
        if cue in PLAN_CUES:
            for word in cues[k + 1:k + 1 + PLAN_REACH]:
                action = _word_action(word.lower())[0]
                if action and action != "say":
                    return True
    return False


def _cue_modality(cues: list[str]) -> str:
    """fact / plan / possibility from cue words among a text's `_cues`."""
    if not PLAN_CUES.isdisjoint(cues):
        return "plan"
    if not POSSIBILITY_CUES.isdisjoint(cues):
        return "possibility"
    return "fact"


# Mental states and evaluations: "-ed" words that report no action ("concerned", "determined").
_STATES = frozenset(
    """concerned worried determined pleased surprised disappointed frustrated interested
    convinced committed engaged involved tired prepared supposed scheduled expected designed
    intended inclined positioned poised entitled obsessed fixated focused dedicated""".split())
# Hedges that make a sentence speculation unless someone named says it (read in its `_cues`,
# so "Theresa May" is no "may").
_SPECULATION = re.compile(
    r"\b(?:could|may|might|would|likely|unlikely|possibly|potentially|perhaps|probably|"
    r"appears? to|seems? to|seemingly|it is unclear|remains unclear|it remains to be seen)\b")
# A sentence whose opening clause is a guess ("Mr. Kim could also be trying to drive a wedge
# ..., since President Moon has put great emphasis on ending more than six decades of
# conflict"): a figure in a clause after it is background, no fact the guess stands on.
_HEDGED_OPENING = re.compile(r"^(?:[A-Za-z][\w.’'-]*\s+){1,5}(?:could|may|might)\b")
_TRANSITION = CaselessPattern(
    r"^(?:but|and|so|yet|still|indeed|of course|in other words|put simply|in short|"
    r"that said|to be sure|meanwhile|however|now|then|this|that|it|these|those)\b")
MIN_CLAIM_WORDS = 7
# ... or this many when it states a figure of something counted or measured: "Police in Paris
# arrested 150 protesters." is short and checkable.
MIN_FIGURE_CLAIM_WORDS = 5
# A quoted question with no more words of the outlet's own than this around it is only the
# question and its tag ('"...?" one question asks.'): it asks, it states nothing.
QUESTION_TAG_WORDS = 4


def _attributed(text: str, own: str, sid: str, quotes_here: list[Quote],
                entities: list[str]) -> bool:
    """Is the sentence's statement attributed to a named source: a quote whose speaker this
    sentence names, or an attribution cue ("said", "according to") next to a name?"""
    if any(q.speaker and q.cue not in ("continuation", "") for q in quotes_here):
        return True
    if _PRONOUN_ATTRIBUTION.match(own.lstrip(" “\"")):
        return True
    if not _ATTRIBUTION.search(own):
        return False
    return bool(entities) or bool(_SOURCE_NOUNS.search(own))


def extract_claims(sentences: list[Sentence], quotes: list[Quote] | None = None) -> list[Claim]:
    """The checkable sentences of an article, in reading order, each scored.

    A claim states a number, reports a concrete action by a named actor (or one a plan cue
    governs: `_planned_action`), or attributes a statement to a named source. Not claims:
    questions (also quoted with only their tag: QUESTION_TAG_WORDS), fragments and photo
    captions (no finite verb), sentences about the page (`text.is_page_furniture`: "A
    photograph ... shows", "can be seen below"), sentences that are only the continuation of
    a quotation, hedged speculation nobody named says ("could", "may", "likely"), and
    commentary whose loaded or prescriptive wording carries no checkable fact.
    """
    from .tone import _FIRST_PERSON, find_loaded, find_prescription
    quotes_by_sentence: dict[str, list[Quote]] = {}
    for q in quotes or []:
        quotes_by_sentence.setdefault(q.sentence, []).append(q)
    own_of = outlets_words(sentences)
    people = PeopleRegister()
    # words seen capitalised inside sentences are names; a sentence's capitalised first word
    # ("Intelligence reports ...", "Advisers ...") is a name only if it is one elsewhere too
    tokens_of = [words(s.text) for s in sentences]
    mid_caps = {w for tokens in tokens_of for w in tokens[1:] if w[:1].isupper()}
    central = centrality(sentences) if sentences else {}
    top = max(central.values(), default=0.0) or 1.0
    n = len(sentences)
    claims: list[Claim] = []
    for index, s in enumerate(sentences):
        text = s.text
        entities = _entities(text, people, mid_caps)  # registers people even when skipped
        tokens = tokens_of[index]
        if text.rstrip("”\"’' ").endswith("?") or len(tokens) < MIN_FIGURE_CLAIM_WORDS or (
                len(tokens) < MIN_CLAIM_WORDS and not any(  # the outlet's own figure
                    x.unit and x.qualifier != "vague" for x in find_numbers(own_of[s.id]))):
            continue
        own = own_of[s.id]
        own_words = tokens if own == text else words(own)
        quotes_here = quotes_by_sentence.get(s.id, [])
        if len(own_words) < 2 and not quotes_here:
            continue  # only the continuation of a quotation: its source is elsewhere
        if len(own_words) < 2 and all(q.cue == "continuation" or not q.speaker
                                      for q in quotes_here):
            continue
        if (quotes_here and len(own_words) <= QUESTION_TAG_WORDS
                and all(q.text.rstrip("”\"’' ").endswith("?") for q in quotes_here)):
            continue  # a question quoted with only its tag ("... pardon?" goes another.)
        if not has_finite_verb(text) or is_page_furniture(text):
            continue  # a caption or a fragment: "A protest in London last year ..."
        numbers = find_numbers(text)
        lows = lower_words(own_words)
        preds = _predicates(own_words, lows)
        attributed = _attributed(text, own, s.id, quotes_here, entities)
        cue_words = _cues(own_words)
        cues = " ".join(cue_words)
        modality = modality_of(text, numbers) if numbers else _cue_modality(cue_words)
        facts = [x for x in numbers if x.qualifier != "vague" and x.modality == "fact"]
        # a stated fact, or a source that stands behind it
        vouched = bool(facts) and not _HEDGED_OPENING.match(text) or attributed
        actions = [p for p in preds if p != "say" and p not in _STATES]
        # hedged wording ("could", "may") unmakes an action, and a claim nobody vouches for:
        # looked for once, and only where it decides something
        acting = bool(entities) and bool(actions) and (
            modality == "fact" or modality == "plan" and _planned_action(cue_words))
        hedged = acting and bool(_SPECULATION.search(cues))
        concrete = acting and not hedged
        kinds: list[str] = []
        if numbers:
            kinds.append("number")
        if concrete:
            kinds.append("action")
        if attributed:
            kinds.append("attributed")
        if quotes_here:
            kinds.append("quote")
        if not (facts or concrete or attributed or (numbers and modality != "possibility")):
            continue  # nothing checkable: commentary, speculation, background colour
        loaded = find_loaded(own)
        if not vouched and (len(loaded) >= 2 or find_prescription(own)
                            or _FIRST_PERSON.search(own)):
            continue  # the outlet's own evaluation, not a fact an outlet could get wrong
        if not vouched and (hedged or (not acting and _SPECULATION.search(cues))):
            continue  # hedged speculation nobody named stands behind
        transition = bool(_TRANSITION.match(text))
        if transition and not vouched and len(entities) < 2:
            continue  # a bridge between paragraphs leaning on what came before
        score = (central.get(s.id, 0.0) / top
                 + 0.5 * bool(facts)
                 + 0.3 * concrete + 0.2 * attributed + 0.15 * min(len(entities), 3)
                 + 0.4 * (1 - index / max(n, 1))
                 - 0.3 * (modality != "fact") - 0.2 * (len(own_words) < 6)
                 - 0.2 * bool(loaded) - 0.2 * transition
                 - 0.3 * text.startswith(("“", "\"", "‘", "'")))
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
