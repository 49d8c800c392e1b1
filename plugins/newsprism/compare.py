"""Compare the articles of one event: claim groups, consensus, unique and omitted claims,
conflicting numbers and who is quoted by whom.

- Claim groups: two outlets' claims are one claim when their wording is alike, each term
  weighted by how rare it is within the event (leads, which carry the core facts, need a
  little less), AND nothing says they differ: modality (a plan is not a fact), a shared
  entity, the actor they open with, the people they name (a source named in a closing "...,
  X said" aside), the action (synonyms folded) and their numbers. Groups grow from the
  strongest pairs; every member must match one core member and be nearly as alike to all the
  others (no chaining); at most one sentence per article; a sentence whose two groups cannot
  be one moves to the other when that makes a larger group.
- Consensus: groups reported by more than half of the event's outlets (at least two). An
  outlet outside the group whose sentence is the same claim as a member's, or covers it, is
  said to report it in other words (`reworded`), if it names half the people the claim does.
  Listed by how many outlets report them, in their words or in other words; each is shown by
  the member that reads best alone, says most of what the others say, in its own voice and
  the fewest loaded words (`_shown_first`).
- Unique: groups only one outlet reports, that no sentence of another article matches (a
  sentence that matched but could not join, its article being in the group already, is
  reported elsewhere too), covers (holds most of what it says in other words; see
  COVERED_SHARE; a sentence that is no claim, with the names counted) or quotes alike
  (ECHO_QUOTED_WORDS; short quotations together, SHORT_QUOTED_WORDS: "extremely high
  levels"), that gives no side of a conflict
  (another outlet reports the same quantity otherwise), and that quote someone, or name
  someone or give a figure in digits that no other outlet's article mentions anywhere
  (`_has_its_own_anchor`: a claim whose names and figures all stand in another outlet's text
  is, as often as not, reported there in other words). Listed by how much of what they say is
  the outlet's alone, times their importance in the article and how well they read alone
  (`summary.standalone`: "She said ..." after the sentence naming her comes later; the end of
  a quotation begun before is not listed, LISTED_ALONE_ABOVE): a name or a figure only this
  outlet gives comes before its lead worded otherwise. Omitted:
  consensus groups none of an outlet's sentences matches, covers or quotes alike (any
  sentence, claim or not).
- Conflicts: the same quantity about the same subject ("North Korean troops") given different
  values by different outlets. Never compared: a plan with a fact, a vague amount ("thousands")
  with a number, or different subjects that share a unit (a missile's range in miles vs a
  buffer zone in miles).

All-pairs work is only over the claims of this one event. Output is deterministic.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache
from itertools import chain

import numpy as np
import scipy.sparse as sp

from .claims import PREDICATE_OF, denied_actions, modality_of, predicates
from .model import (ArticleAnalysis, Claim, ClaimGroup, Conflict, ConflictValue, Event,
                    EventComparison, Number, sentence_number)
from .names import (_RUN as NAME_RUN, TITLES, Name, find_names, is_acronym_of, name_key,
                    name_words, same_person)
from .numbers import MEASURE_UNITS, find_numbers
from .quotes import closes_unopened_quotation, paragraph_quote_spans, quote_spans
from .summary import standalone
from .tone import find_loaded
from .text import (ATTRIBUTION_VERBS, DATELINE, SPEECH_VERBS, STOPWORDS, content_words,
                   lower_words, stem, words)

@lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    """Do two name keys name the same thing? "russia" / "russian", "ukraine" / "ukrainian",
    "joe biden" / "biden"."""
    if a == b:
        return True
    ta, joined_a, initials_a = _name_parts(a)
    tb, joined_b, initials_b = _name_parts(b)
    if joined_a == joined_b:
        return True  # "kim jongun" / "kim jong un"
    if _acronym_of(ta, initials_b, len(tb)) or _acronym_of(tb, initials_a, len(ta)):
        return True  # "uk" / "united kingdom", "us president" / "united states"
    if ta and tb and ta[-1] == tb[-1] and len(ta[-1]) > 2:
        # "joe biden" / "biden", but "north korea" is not "south korea"
        return not (ta[0] != tb[0] and ta[0] in _QUARTERS and tb[0] in _QUARTERS)
    if len(ta) == len(tb):
        x, y = (a, b) if len(a) <= len(b) else (b, a)
        common = len(_common_prefix(x, y))
        return len(x) >= 4 and common >= max(4, len(x) - 1)
    return False


@lru_cache(maxsize=1 << 16)
def _name_parts(key: str) -> tuple[tuple[str, ...], str, str]:
    """A name key's words, the key without spaces and its initials; a suffix is no part of
    them ("roger j stone jr" is "roger j stone", the same man as "roger stone")."""
    words_ = tuple(key.split())
    while len(words_) > 1 and words_[-1] in _NAME_SUFFIXES:
        words_ = words_[:-1]
    return words_, "".join(words_), "".join(w[0] for w in words_)


_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
_QUARTERS = frozenset("north south east west northern southern eastern western upper lower "
                      "central".split())


def _acronym_of(short: tuple[str, ...], long_initials: str, long_words: int) -> bool:
    return long_words >= 2 and len(short) <= 2 and short[0] == long_initials


@lru_cache(maxsize=1 << 16)
def name_signature(key: str) -> frozenset[str]:
    """Tags of a name key such that two keys `same_name` accepts always share one (the tags
    are a necessary condition, never a sufficient one): the key without spaces, its last word,
    its first four letters, and for an acronym test its first word (keys of up to two words)
    and its initials (keys of two words or more). Lets a claim pair that shares no tag skip
    comparing every two of their names."""
    words_, joined, initials = _name_parts(key)
    tags = {"=" + joined}
    if words_:
        tags.add("$" + words_[-1])
        if len(words_) <= 2:
            tags.add("^" + words_[0])
        if len(words_) >= 2:
            tags.add("^" + initials)
    if len(key) >= 4:
        tags.add("<" + key[:4])
    return frozenset(tags)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _values_agree(x: Number, y: Number) -> bool:
    """Are two values of the same unit compatible (within their qualifiers' slack)? A lower
    bound holds every value above it ("more than 150 migrants" and "about 200 migrants" agree;
    "over 20 missile tests" and "16 tests" do not). An upper one is read as the figure it
    gives: "as many as 12,000 troops" is a report of 12,000, not of any number below. A figure
    just short of one ("almost four dozen questions") is below every figure a lower bound of it
    or more holds ("at least four dozen questions"), and close to it otherwise. An amount
    ("hundreds of protesters") spans its order of magnitude."""
    if x.qualifier == "vague" and y.qualifier == "vague":
        # "hundreds of protesters" / "thousands of protesters": each amount's order of
        # magnitude, from its value up to ten times it
        return x.value < 10 * y.value and y.value < 10 * x.value
    if "vague" in (x.qualifier, y.qualifier):
        # an amount commits to no figure: it never backs one ("thousands of troops" does not
        # say 12,000), and `_comparable` never sets the two against each other
        return False
    for short, bound in ((x, y), (y, x)):
        if short.qualifier == "under" and bound.qualifier == "lower" and (
                bound.value >= short.value):
            return False
    lo_x, hi_x = x.value, math.inf if x.qualifier == "lower" else x.value_max or x.value
    lo_y, hi_y = y.value, math.inf if y.qualifier == "lower" else y.value_max or y.value
    slack = {"exact": 0.005, "upper": 0.05, "lower": 0.05, "approx": 0.1, "under": 0.1,
             "vague": 0.0}
    tol = max(slack.get(x.qualifier, 0.05), slack.get(y.qualifier, 0.05))
    if hi_x < lo_y:
        return (lo_y - hi_x) <= tol * max(abs(lo_y), abs(hi_x), 1e-9)
    if hi_y < lo_x:
        return (lo_x - hi_y) <= tol * max(abs(lo_x), abs(hi_y), 1e-9)
    return True


def _numbers_agree(a: Claim, b: Claim) -> bool:
    for x in a.numbers:
        for y in b.numbers:
            if x.unit and x.unit == y.unit and "vague" not in (x.qualifier, y.qualifier) and (
                    _subject_key(x) == _subject_key(y)) and not _values_agree(x, y):
                return False
    return True


# --- claim groups -------------------------------------------------------------------------

# Two claims are one claim above this IDF-weighted share of their terms (see `_similarity`) ...
MIN_SIMILARITY = 0.30
# ... or this much lower when both open their articles: a lead states the core fact, in the
# outlet's own words, so a paraphrase shares fewer exact words.
LEAD_SIMILARITY = 0.22
# A claim among its article's first LEAD_SENTENCES sentences is a lead.
LEAD_SENTENCES = 4
# With no action known to be shared, the wording alone has to say it is the same claim.
MIN_SIMILARITY_NO_PREDICATE = 0.40
# Besides matching the group's core, every two members must be nearly as similar as a pair
# must be to join: up to this much less.
MEMBER_SLACK = 0.1
# Candidate pairs come only from terms found in at most this many claims (blocking).
MAX_POSTINGS = 60
# "Only this outlet reports" is said of a claim only when no sentence of another article
# covers it: holds at least COVERED_SHARE of the weight of what it says (its terms less the
# words of the names it gives: who a claim is about or by is not what it says) in at least
# COVERED_TERMS terms, and one of its figures if it gives any. Looser than being one claim:
# "Four people ... have pleaded guilty to lying to investigators" is not only The Times'
# when HuffPost writes "The Times noted that four people ... have already pleaded guilty to
# lying to federal investigators".
COVERED_SHARE = 0.45
# ... or this much when both are leads, lower as LEAD_SIMILARITY is than MIN_SIMILARITY: an
# outlet's lead words the core fact its own way ("Trump has decided to push back his decision
# on whether to impose controversial tariffs ... until June 1" / "... has postponed the
# imposition of steel and aluminum tariffs ... until June 1")
LEAD_COVERED_SHARE = round(COVERED_SHARE * LEAD_SIMILARITY / MIN_SIMILARITY, 2)
# ... or this much, whatever the other sentence, when the claim is one of its article's
# summary lines that no other article's claim matches: a summary line states a fact the
# article is about, and other outlets covering the event state its central facts in words of
# their own ("Trump has also granted a permanent exemption on steel tariffs to South Korea as
# part of a revision of a free trade pact" / "South Korea ... was granted a permanent
# exemption"). Not asked of a shared claim: an outlet is said to report one in other words
# only at the shares above.
SUMMARY_COVERED_SHARE = 0.25
COVERED_TERMS = 4
# A sentence is said to report a shared claim in other words only if it names at least this
# share of the people the claim names, if it names two or more (see `_says_it_too`): names
# common in an event weigh little, so the share of the words alone lets a sentence on the
# special counsel's investigation "report" that Gates and Manafort were charged in it.
NAMED_SHARE = 0.5
_FIGURE_COUNT = 1e6  # see `_covering_articles`: no claim has a million terms
# Two claims quoting this many words in a row alike quote one statement (see
# `_same_quotation`); two people say a shorter phrase alike by chance ("will be open to
# traffic by the end of May").
SAME_QUOTATION_WORDS = 12
# A claim an outlet lists as its own is listed once: not again in a sentence holding this
# much of what it says and no word of its own beyond it, and after all the others in one
# holding SAID_AGAIN_SHARE of it, whatever it adds (see `_only_theirs`).
REPEATED_SHARE, SAID_AGAIN_SHARE = 0.7, 0.5
# A claim reading this badly alone (`summary.standalone`: the end of a quotation begun in the
# sentence before, a tweet's exclamation with a pronoun's tag) is no item of an outlet's list.
LISTED_ALONE_ABOVE = 0.3
# A quotation this long is someone's own words (see `_gives_quotation`).
MIN_QUOTED_WORDS = 4
# An article quoting this many words in a row of a claim's quotation, from no other speaker,
# reports that statement too; or all of a shorter one (of MIN_QUOTED_WORDS or more), or a
# shorter one of its own that the claim's holds whole, from the same speaker named (a phrase
# like "denuclearization of the Korean peninsula" is quoted by many). See `_quoted_by`.
ECHO_QUOTED_WORDS = 6
# A sentence putting in quotation marks, word for word, short quotations (under
# MIN_QUOTED_WORDS words each) that hold at least this many of the meaning words a claim
# quotes, and at least half of them, reports the same statement, whoever either credits: "the
# U.S. and North Korea are holding direct talks at "extremely high levels"" (Fox) and "the
# United States was in direct talks with North Korea at "extremely high levels"" (The New York
# Times); "insane" and "ridiculous"; "I need loyalty". See `_quoted_by`.
SHORT_QUOTED_WORDS = 2
_GENERIC_PREDICATES = frozenset({"say"})
# The actions claims.py folds synonyms of; other predicates are any "-ed" verb, too noisy
# ("televised", "carried") to tell two claims apart, though sharing one still counts.
_KNOWN_ACTIONS = frozenset(PREDICATE_OF.values()) - _GENERIC_PREDICATES
# An entity all in capitals ("WASHINGTON", "AFP"): a dateline's place or a wire service, which
# open sentences without being anyone's actor.
_IN_CAPITALS = re.compile(r"^[A-Z][A-Z .,]+$")


def _terms(claim: Claim) -> set[str]:
    """What a claim says, as comparable terms: content-word stems (hyphenated words come
    split: "U.S.-supplied") plus its exact numbers ("#30"), so that two outlets giving the
    same figure count that as shared wording."""
    out = set(_text_terms(claim.text))
    if claim.numbers:
        out.update(f"#{n.value:g}" for n in claim.numbers if n.qualifier != "vague")
    return out


@lru_cache(maxsize=1 << 14)  # wire copies repeat sentences across an event's outlets
def _text_terms(text: str) -> frozenset[str]:
    return frozenset(map(stem, content_words(text)))


def _fold_demonyms(refs: list["_ClaimRef"]) -> None:
    """"russian" is "russia", "korean" is "korea" when the event also uses the shorter form:
    one outlet writes "Russian territory", another "inside Russia"."""
    vocabulary = set().union(*(r.terms for r in refs))
    fold = {t: f for t in vocabulary if (f := _demonym_fold(t, vocabulary)) != t}
    if fold:
        for r in refs:
            if not fold.keys().isdisjoint(r.terms):
                r.terms = {fold.get(t, t) for t in r.terms}


def _demonym_fold(term: str, vocabulary) -> str:
    """The shorter form of a demonym ("russian" -> "russia") if `vocabulary` has it."""
    if term.endswith("n") and len(term) > 5:
        for cut in (1, 2, 3):
            if term[:-cut] in vocabulary and len(term) - cut >= 4:
                return term[:-cut]
    return term


HEADLINE_ID = "headline"  # the anchor of an article page's headline


def _headline_refs(analyses: list[ArticleAnalysis], order: dict[str, int],
                   weight: dict[str, float]) -> list["_ClaimRef"]:
    """Each article's headline as a claim that may say what another outlet's claim says (see
    `_headlines_saying`). Not a headline the parser made from the lead (that sentence is a
    claim already). See `_sentence_ref`."""
    out = []
    for a in analyses:
        article = a.article
        if article.title_derived or not article.title.strip():
            continue
        ref = _sentence_ref(article.id, order[article.id], HEADLINE_ID, article.title, weight)
        ref.lead = True  # a headline states the core fact, in the outlet's own words
        out.append(ref)
    return out


def _sentence_ref(article: str, order: int, sid: str, text: str,
                  weight: dict[str, float]) -> "_ClaimRef":
    """A sentence that is no claim (a headline, a sentence reporting no action we read) as a
    claim that may say what a claim says: its figures and actions, and those of its terms the
    event's claims use (as `_fold_demonyms` folds them): a word no claim uses says nothing of
    theirs. No claim index (-1)."""
    claim = Claim(id=sid, text=text, kinds=[], numbers=find_numbers(text),
                  predicates=predicates(text))
    ref = _ClaimRef(article, order, claim, -1)
    ref.terms = {_demonym_fold(t, weight) for t in ref.terms} & weight.keys()
    return ref


@lru_cache(maxsize=1 << 12)
def _is_lead(sentence_id: str) -> bool:
    """Is the sentence ("s3") among its article's first LEAD_SENTENCES?"""
    return sentence_number(sentence_id) <= LEAD_SENTENCES


_name_key = lru_cache(maxsize=1 << 16)(name_key)  # the same names recur across an event


@lru_cache(maxsize=1 << 16)
def _entity_key(entity: str) -> str:
    """An entity's name key for comparison; "" for a dateline or wire-service opener."""
    return "" if _IN_CAPITALS.match(entity) else _name_key(entity)


class _ClaimRef:
    """One claim of the event with what comparing it needs. Terms, entities and actions are
    read up front (every candidate pair needs them); the opening actor and the quoted
    modality only when a pair is alike enough to ask (`_compatible`)."""
    __slots__ = ("article", "order", "claim", "terms", "entities", "entity_set", "preds",
                 "index", "lead", "summary", "echoed_by",
                 "weight", "_entity_tags", "_actor", "_modality", "_quoted_runs")

    def __init__(self, article: str, order: int, claim: Claim, index: int) -> None:
        self.article, self.order, self.claim, self.index = article, order, claim, index
        self.terms = _terms(claim)
        self.entities = [k for k in map(_entity_key, claim.entities) if k]
        self.entity_set = frozenset(self.entities)
        self._entity_tags: frozenset[str] | None = None
        self.preds = set(claim.predicates)
        self.preds -= _GENERIC_PREDICATES
        self.lead = _is_lead(claim.id)
        # a summary line of its article no other article's claim matches (`compare_event`)
        self.summary = False
        # the articles with a sentence that is the same claim but stands in another group
        # (its article had a sentence there already, or it matches only some of its members),
        # each with the most alike such sentence
        self.echoed_by: dict[str, _ClaimRef] = {}
        self.weight: tuple[dict, float] | None = None  # (event weights, sum over terms)
        self._actor: str | None = None
        self._modality: str | None = None
        self._quoted_runs: frozenset[str] | None = None

    @property
    def entity_tags(self) -> frozenset[str]:
        if self._entity_tags is None:
            self._entity_tags = frozenset().union(*map(name_signature, self.entity_set))
        return self._entity_tags

    @property
    def actor(self) -> str:
        if self._actor is None:
            self._actor = _actor(self.claim)
        return self._actor

    @property
    def quoted_runs(self) -> frozenset[str]:
        """Every run of SAME_QUOTATION_WORDS words in a row inside its quotation marks."""
        if self._quoted_runs is None:
            text, n = self.claim.text, SAME_QUOTATION_WORDS
            runs = set()
            for a, b in quote_spans(text):
                quoted = lower_words(words(text[a:b]))
                runs.update(" ".join(quoted[i:i + n]) for i in range(len(quoted) - n + 1))
            self._quoted_runs = frozenset(runs)
        return self._quoted_runs

    @property
    def modality(self) -> str:
        # a quoted statement's own modality counts: "The President will visit the UK" is a
        # plan even when the outlet only quotes it
        if self._modality is None:
            claim = self.claim
            if claim.modality != "fact":
                self._modality = claim.modality
            elif claim.numbers:
                self._modality = modality_of(claim.text, claim.numbers, quoted=True)
            else:
                self._modality = _quoted_modality(claim.text)
        return self._modality


@lru_cache(maxsize=1 << 14)  # wire copies repeat sentences across an event's outlets
def _quoted_modality(text: str) -> str:
    return modality_of(text, [], quoted=True)


@lru_cache(maxsize=1 << 16)
def _is_person(entity: str) -> bool:
    if len(entity.split()) < 2:
        return False  # a person's name has two words or more (see names.Name.person)
    names = find_names(entity)
    return len(names) == 1 and names[0].person and names[0].text == entity


def _actor(claim: Claim) -> str:
    """Who the sentence is about: the name opening it (after a dateline and a title), as a
    name key; "" when the sentence opens with anything else ("The lawsuit names ...") or with
    a quotation (whose first name is not the speaker)."""
    return _actor_of(claim.text, tuple(claim.entities)) if claim.entities else ""


@lru_cache(maxsize=1 << 14)  # wire copies repeat sentences across an event's outlets
def _actor_of(text: str, entities: tuple[str, ...]) -> str:
    text = text.strip()
    if text[:1] in "“\"‘'":
        return ""
    body = DATELINE.sub("", text)  # "WASHINGTON — Mr. Trump ..."
    keys = [_name_key(e) for e in entities]
    name = _opening_name(body) if keys else None
    if name is not None:
        key = name_key(name.text)
        opens = body[:name.start].strip(" ,") in ("", name.title)
        if opens and any(same_name(key, k) for k in keys):
            return key
    return ""


# How far past a capitalised run the name finder may look (40 characters), with a margin.
_NAME_CONTEXT = 45


def _opening_name(body: str) -> Name | None:
    """The first name `find_names(body)` gives when it comes from the capitalised run that
    opens the body (only such a name can open it, title aside), else None. Reads the body
    only up to a space past that run and the context the name finder looks at after it, so
    a long sentence costs no more than its opening words."""
    run = NAME_RUN.search(body)
    if run is None or run.start() != len(body) - len(body.lstrip(" ,")):
        return None
    cut = body.find(" ", run.end() + _NAME_CONTEXT)
    names = find_names(body[:cut] if cut > 0 else body)
    return names[0] if names and names[0].start < run.end() else None


def _share_entity(a: _ClaimRef, b: _ClaimRef) -> bool:
    """Do two claims name a common entity (in any of its spellings, see `same_name`)?"""
    if not a.entity_set.isdisjoint(b.entity_set):
        return True
    if a.entity_tags.isdisjoint(b.entity_tags):
        return False  # no two of their names could be the same (see `name_signature`)
    return any(same_name(x, y) for x in a.entities for y in b.entities)


def _mentions(ref: _ClaimRef, key: str) -> bool:
    if key in ref.entity_set:
        return True
    if name_signature(key).isdisjoint(ref.entity_tags):
        return False
    return any(same_name(key, e) for e in ref.entities)


def _actors_agree(a: _ClaimRef, b: _ClaimRef) -> bool:
    """Two sentences that each open with who acts must name the same actor, or one must
    mention the other's ("Pompeo met Kim" / "Kim met Pompeo" may be one meeting; "Macron
    warned ..." / "Trump warned ..." with neither naming the other is not one warning)."""
    if not (a.actor and b.actor) or same_name(a.actor, b.actor):
        return True
    return _mentions(b, a.actor) or _mentions(a, b.actor)


def _similarity(a: _ClaimRef, b: _ClaimRef, weight: dict[str, float]) -> float:
    """IDF-weighted overlap of two claims' terms within the event: the weight of what they
    share over the weight of the shorter one's terms, averaged with the same over their union
    (a lead that adds a detail still states the other's fact). Words the whole event uses
    ("caravan", "tariffs") weigh little but still count. Sums are exact (`math.fsum`), so
    equal wording scores equal whatever order a set of terms comes in."""
    shared = a.terms & b.terms
    if not shared:
        return 0.0
    common = math.fsum([weight.get(t, 1.0) for t in shared])
    wa, wb = _total_weight(a, weight), _total_weight(b, weight)
    union = wa + wb - common
    return 0.5 * (common / min(wa, wb) + common / union)


def _compatible(a: _ClaimRef, b: _ClaimRef) -> bool:
    """Nothing in two claims says they are different claims: the same modality (a plan is
    not a fact), a shared named entity, the same opening actor, no one named on each side
    that the other leaves out, a shared action (synonyms folded) done to the same person where
    both say to whom, neither denying an action the other reports, and no disagreeing number."""
    ka, kb = a.preds & _KNOWN_ACTIONS, b.preds & _KNOWN_ACTIONS
    if ka and kb and not ka & kb:
        return False  # different actions: "approved" is not "rejected"
    if _opposed(a.claim, b.claim):
        return False  # "does not leak" is not "leaked"
    # cheapest first: whom the action is done to, the actor and the people named need the
    # name finder ("fired Comey" is not "fire Mueller")
    return (_share_entity(a, b) and a.modality == b.modality
            and _numbers_agree(a.claim, b.claim) and _objects_agree(a.claim, b.claim)
            and (_actors_agree(a, b) and _people_agree(a, b) or _same_quotation(a, b)))


def _opposed(a: Claim, b: Claim) -> bool:
    """Does one claim deny an action the other reports ("Comey claims FBI does not leak" /
    "... proved that he leaked classified information")? Saying is no such action: "did not
    comment on the reports" and "confirmed reports" may frame one fact."""
    if not (a.predicates and b.predicates):
        return False
    da = denied_actions(a.text) - _GENERIC_PREDICATES
    db = denied_actions(b.text) - _GENERIC_PREDICATES
    return bool(da & (set(b.predicates) - db) or db & (set(a.predicates) - da))


# Actions whose object names a party to it as much as its subject does: "Pompeo met Kim" and
# "Kim met Pompeo" may be one meeting.
_MUTUAL_ACTIONS = frozenset({"meet", "agree"})
# Words that may stand between an action and the person it is done to: "fired James B.
# Comey", "fire special counsel Robert Mueller", "firing FBI Director James Comey". Any other
# small word ("by", "with", "that") ends the search.
_BEFORE_OBJECT = frozenset("the a an his her their its".split())
_WORD_AT = re.compile(r"[\w'’.-]+")
_CLAUSE_MARK = re.compile(r"[,;:()—–]")


@lru_cache(maxsize=1 << 14)  # asked of the few claims comparison finds alike
def acted_on(text: str) -> dict[str, str]:
    """The person each action of a sentence is done to, as a name key, where a person's name
    follows the action word within a few words of title: {"fire": "james b comey"} for
    "... when he fired James B. Comey, the F.B.I. director"."""
    people = [n for n in find_names(text) if n.person or n.title]
    if not people:
        return {}
    out: dict[str, str] = {}
    for m in _WORD_AT.finditer(text):
        found = _action_of(m.group())
        if not found or found in out:
            continue
        for person in people:
            if person.start <= m.end():
                continue
            between = words(text[m.end():person.start])
            if len(between) <= 5 and not any(
                    w.lower() in STOPWORDS and w.lower() not in _BEFORE_OBJECT for w in between):
                if not _CLAUSE_MARK.search(text, m.end(), person.start):
                    out[found] = _name_key(person.text)
            break
    return out


@lru_cache(maxsize=1 << 16)
def _action_of(word: str) -> str:
    """The known action a word names, unless it is mutual ("met"); "" for none."""
    found = [p for p in predicates(word) if p in _KNOWN_ACTIONS]
    return found[0] if found and found[0] not in _MUTUAL_ACTIONS else ""


def _objects_agree(a: Claim, b: Claim) -> bool:
    """An action both report is done to the same person in both, where each says to whom:
    "... when he fired James B. Comey" is not "should the president fire special counsel
    Robert Mueller", though each sentence names both men."""
    if not (a.predicates and b.predicates) or _KNOWN_ACTIONS.isdisjoint(
            set(a.predicates).intersection(b.predicates).difference(_MUTUAL_ACTIONS)):
        return True  # no action both report that is done to someone
    oa = acted_on(a.text)
    ob = acted_on(b.text) if oa else {}
    return all(same_name(oa[k], ob[k]) for k in oa.keys() & ob.keys())


def _same_quotation(a: _ClaimRef, b: _ClaimRef) -> bool:
    """Do two claims quote one statement (SAME_QUOTATION_WORDS words in a row alike inside
    quotation marks in both)? Then they are one claim whoever each outlet credits with it:
    one agency statement is given to its commissioner by one outlet and to a field office
    director by another."""
    return not a.quoted_runs.isdisjoint(b.quoted_runs)


def _people_agree(a: _ClaimRef, b: _ClaimRef) -> bool:
    """"Kim will meet Moon" / "Kim will meet Trump": when each names a person the other does
    not, they are about different people."""
    return not (_names_someone_else(a, b) and _names_someone_else(b, a))


def _names_someone_else(a: _ClaimRef, b: _ClaimRef) -> bool:
    """Does `a` name a person `b` does not mention, other than its source (see `_sources`)?
    (Whether a name is a person's is asked only of the names `b` leaves out.)"""
    sources = _sources(a.claim.text, tuple(a.claim.entities))
    return any(not _mentions(b, _name_key(e)) and e not in sources
               and (_is_person(e) or e in _titled(a.claim.text)) for e in a.claim.entities)


# Verbs of a closing clause that says where the news comes from.
# In such a clause "reports" or "revealed" is the verb (", the Post reports.").
_SOURCE_VERBS = SPEECH_VERBS | ATTRIBUTION_VERBS | frozenset(
    "confirms revealed reveals reports".split())
SOURCE_TAG_WORDS = 12  # at most this many words in such a clause


@lru_cache(maxsize=1 << 14)
def _sources(text: str, entities: tuple[str, ...]) -> frozenset[str]:
    """The entities a sentence names only in a closing clause that says who tells the news
    (", the British Ambassador to Washington revealed Thursday afternoon.", ", according to
    the Post."): its source, not whom it is about. Two outlets citing different sources for
    one fact still report one fact."""
    cut = text.rfind(", ")
    tag = words(text[cut:]) if cut > 0 else []
    if not tag or len(tag) > SOURCE_TAG_WORDS:
        return frozenset()
    lows = lower_words(tag)
    if lows[:2] != ["according", "to"] and _SOURCE_VERBS.isdisjoint(lows):
        return frozenset()
    before, told = set(words(text[:cut])), set(tag)
    return frozenset(e for e in entities
                     if told.intersection(e.split()) and before.isdisjoint(e.split()))


# Title words that make a one-word name a person's; not those that may stand before a place
# or a body ("former Yugoslavia", "Supreme Court").
_PERSON_TITLES = TITLES - frozenset("former acting deputy supreme general chief executive".split())


@lru_cache(maxsize=1 << 14)
def _titled(text: str) -> frozenset[str]:
    """The one-word names a sentence gives a person's title: "President Trump", "Mr. Kim"
    (`_is_person` asks two words of a name on its own)."""
    return frozenset(n.text for n in find_names(text) if n.title and " " not in n.text and (
        n.title.split()[-1].lower().rstrip(".") in _PERSON_TITLES))


def _total_weight(ref: _ClaimRef, weight: dict[str, float]) -> float:
    if ref.weight is None or ref.weight[0] is not weight:
        ref.weight = (weight, math.fsum([weight.get(t, 1.0) for t in ref.terms]))
    return ref.weight[1]


def _same_claim(a: _ClaimRef, b: _ClaimRef, weight: dict[str, float] | None = None) -> float:
    """How surely two claims from different articles are the same claim; 0 when they are not:
    compatible (see `_compatible`) and worded alike, judged by the event's term weights."""
    if not _share_entity(a, b):
        return 0.0  # cheap, and what most claims worded alike fail on
    sim = _similarity(a, b, weight or {})
    if sim < _needed_similarity(a, b) or not _compatible(a, b):
        return 0.0
    return sim + 0.05 * (a.lead and b.lead)


def _needed_similarity(a: _ClaimRef, b: _ClaimRef) -> float:
    need = LEAD_SIMILARITY if a.lead and b.lead else MIN_SIMILARITY
    if not a.preds & b.preds:
        need = max(need, MIN_SIMILARITY_NO_PREDICATE)  # no action known to be the same
    return need


def event_weights(refs: list[_ClaimRef]) -> dict[str, float]:
    """Each term's weight within the event: log(1 + claims / claims using it). "Caravan" in
    every article weighs about 1, a word two outlets share about 4."""
    df = Counter(chain.from_iterable(r.terms for r in refs))
    n = len(refs)
    log_of = {c: math.log(1 + n / c) for c in set(df.values())}
    return dict(zip(df, map(log_of.__getitem__, df.values())))


def _coordinates(term_sets: list, vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each term of each set: set k's terms on row k, columns by `vocab`."""
    sizes = np.fromiter(map(len, term_sets), dtype=np.int64, count=len(term_sets))
    cols = np.fromiter(chain.from_iterable(map(vocab.__getitem__, t) for t in term_sets),
                       dtype=np.int64, count=int(sizes.sum()))
    return np.repeat(np.arange(len(term_sets)), sizes), cols


def _alike_pairs(refs: list[_ClaimRef], weight: dict[str, float]) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, of claims from different articles that share a term found in
    at most MAX_POSTINGS claims (blocking: a term in very many claims blocks nothing) and are
    near enough in wording that `_same_claim` may accept them. The wording is estimated with
    a sparse product of the claims' rare terms (one row per claim, so only pairs that share
    one are ever formed); only pairs whose estimate reaches the lowest similarity they could
    need (with a margin for rounding) are returned, and `_same_claim` judges each exactly."""
    n = len(refs)
    if n < 2:
        return []
    vocab = dict(zip(weight, range(len(weight))))
    w = np.fromiter(weight.values(), dtype=np.float64, count=len(weight))
    rows, cols = _coordinates([r.terms for r in refs], vocab)
    rare = np.bincount(cols, minlength=len(w))[cols] <= MAX_POSTINGS
    indptr = np.concatenate(([0], np.cumsum(np.bincount(rows[rare], minlength=n))))
    blocking = sp.csr_matrix((w[cols[rare]], cols[rare], indptr), shape=(n, len(w)))
    shared = blocking @ sp.csr_matrix((np.ones(int(rare.sum())), cols[rare], indptr),
                                      shape=(n, len(w))).T
    lo = np.repeat(np.arange(n), np.diff(shared.indptr))
    hi, common = shared.indices, shared.data
    numbering: dict[str, int] = {}
    article = np.fromiter((numbering.setdefault(r.article, len(numbering)) for r in refs),
                          dtype=np.int64, count=n)
    keep = (hi > lo) & (article[lo] != article[hi])
    lo, hi, common = lo[keep], hi[keep], common[keep]
    if not len(lo):
        return []
    if not rare.all():  # what the pair also shares among the few terms too common to block on
        often = np.unique(cols[~rare])
        uses = np.zeros((n, len(often)), dtype=bool)
        uses[rows[~rare], np.searchsorted(often, cols[~rare])] = True
        step = 1 << 16  # pairs at a time: bounded memory for a very large event
        common = common + np.concatenate([
            (uses[lo[k:k + step]] & uses[hi[k:k + step]]) @ w[often]
            for k in range(0, len(lo), step)])
    total = np.bincount(rows, weights=w[cols], minlength=n)
    wa, wb = total[lo], total[hi]
    sim = 0.5 * (common / np.minimum(wa, wb) + common / (wa + wb - common))
    lead = np.fromiter((r.lead for r in refs), dtype=bool, count=n)
    need = np.where(lead[lo] & lead[hi], LEAD_SIMILARITY, MIN_SIMILARITY)
    near = sim >= need - 1e-9
    return sorted(zip(lo[near].tolist(), hi[near].tolist()))


# Each loaded word ("dictator", "slammed") in a sentence counts this much against showing it
# for its group: of members that say as much, the most neutrally worded is shown.
LOADED_FACTOR = 0.8
# A sentence passing on another outlet's report ("..., according to the Post.", "The New York
# Times reported that ...", "according to media reports") counts this much against showing it:
# of members that say as much, one in the outlet's own voice is shown.
SECOND_HAND_FACTOR = 0.8
_NEWS_OUTLET = (r"(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}(?:Post|Times|Journal|Reuters|CNN|NBC|"
                r"CBS|ABC|AP|Axios|Politico|Bloomberg|BBC|Guardian|Telegraph|Tribune|Herald)\b")
_SECOND_HAND = re.compile(
    r"\b(?:according to|reported by|citing)\s+" + _NEWS_OUTLET + "|" + _NEWS_OUTLET
    + r"\s+(?:first\s+)?(?:reported|reports|noted|obtained)\b|\bmedia reports\b")


def _shown_first(members: list[_ClaimRef], weight: dict[str, float]) -> list[_ClaimRef]:
    """A group's members, the one that stands for the group wherever one sentence does first:
    the one that reads best out of context (not "He also stood by ..." when another outlet
    names Trump; see `summary.standalone`), says most of what the others say (on average the
    most alike to them: "Pompeo met with North Korean leader Kim Jong Un over Easter weekend,
    according to media reports Tuesday" rather than "Aides said Trump himself has not spoken
    with Kim; The Washington Post reported that ..."), in its outlet's own voice (not passing
    on another outlet's report: SECOND_HAND_FACTOR) and in the fewest loaded words ("North
    Korean leader Kim Jong Un announced ..." rather than "North Korean dictator Kim Jong Un's
    surprise announcement ..."). The others, and equals, keep the event's order.
    `weight`: `folded_weights`."""
    if len(members) < 2:
        return members

    def typical(r: _ClaimRef) -> float:
        return math.fsum(_similarity(r, o, weight) for o in members if o is not r)

    best = max(members, key=lambda r: standalone(r.claim.text) * (1 + typical(r))
               * LOADED_FACTOR ** len(find_loaded(r.claim.text))
               * (SECOND_HAND_FACTOR if _SECOND_HAND.search(r.claim.text) else 1.0))
    return [best] + [r for r in members if r is not best]


def folded_weights(refs: list[_ClaimRef]) -> dict[str, float]:
    """Fold the claims' demonyms (`_fold_demonyms`), then weigh their terms (`event_weights`)."""
    _fold_demonyms(refs)
    return event_weights(refs)


def _group_claims(refs: list[_ClaimRef], weight: dict[str, float]) -> list[list[_ClaimRef]]:
    """Agglomerate from the strongest pairs, at most one sentence per article per group, and
    only while every member is the same claim as one core member (no chaining: A~B and B~C
    does not put A with C unless one of them matches both). When a pair's two groups cannot be
    one, either sentence of it may leave its group for the other's if that group is at least
    as large, takes it, and what it leaves still has a core: a lead paired first with one
    outlet's joins the three others that also report it. Candidate pairs come from an
    index of shared terms (see `_alike_pairs`), so the work stays near-linear in the number
    of claims even for a very large event. `weight`: `folded_weights(refs)`."""
    score: dict[tuple[int, int], float] = {}
    for i, j in _alike_pairs(refs, weight):
        s = _same_claim(refs[i], refs[j], weight)
        if s > 0:
            score[(i, j)] = s
    ranked = sorted((-s, i, j) for (i, j), s in score.items())

    def pair(i: int, j: int) -> float:
        return score.get((i, j) if i < j else (j, i), 0.0)

    sims: dict[tuple[int, int], float] = {}

    def similarity(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        if key not in sims:
            sims[key] = _similarity(refs[i], refs[j], weight)
        return sims[key]

    def cored(group: list[int]) -> bool:
        """Is there a member all the others agree with? Else it is a chain, not one claim."""
        return any(all(k == c or pair(c, k) > 0 for k in group) for c in group)

    def joinable(group: list[int], others: list[int]) -> bool:
        """May two groups be one: one sentence per article, a core member, and every two
        members at least alike and compatible?"""
        merged = group + others
        return (len({refs[k].article for k in merged}) == len(merged) and cored(merged)
                and all(pair(k, m) > 0 or (
                    similarity(k, m) >= _needed_similarity(refs[k], refs[m]) - MEMBER_SLACK
                    and _compatible(refs[k], refs[m])) for k in group for m in others))

    group_of = list(range(len(refs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(refs))}
    for _, i, j in ranked:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if joinable(members[gi], members[gj]):
            for k in members.pop(gj):
                group_of[k] = gi
                members[gi].append(k)
            continue
        # the groups cannot be one, but one of the pair may leave its group for the other's
        # when that makes a larger group than it leaves and what it leaves still holds
        for k, src, dst in ((i, gi, gj), (j, gj, gi)):
            rest = [m for m in members[src] if m != k]
            if (len(members[dst]) >= len(members[src]) and rest and cored(rest)
                    and joinable(members[dst], [k])):
                members[src] = rest
                members[dst].append(k)
                group_of[k] = dst
                break
    for _, i, j in ranked:  # most alike first
        if group_of[i] != group_of[j]:
            refs[i].echoed_by.setdefault(refs[j].article, refs[j])
            refs[j].echoed_by.setdefault(refs[i].article, refs[i])
    return [[refs[k] for k in sorted(m)] for m in members.values()]


def _covering_articles(refs: list[_ClaimRef], candidates: list[_ClaimRef],
                       weight: dict[str, float]
                       ) -> dict[tuple[str, int], dict[str, _ClaimRef]]:
    """For each of `candidates`, by its (article, index): the other articles with a claim
    that covers it (see COVERED_SHARE, LEAD_COVERED_SHARE, SUMMARY_COVERED_SHARE), each with
    its claim that holds the most of it. As in `_alike_pairs`, only pairs sharing a term
    found in at most MAX_POSTINGS claims are formed (a sparse product of the candidates'
    terms and the claims'), and the few terms too common to block on are added for those
    pairs only."""
    out: dict[tuple[str, int], dict[str, _ClaimRef]] = {(r.article, r.index): {}
                                                         for r in candidates}
    said = [r.terms.difference(*map(_text_terms, r.claim.entities)) for r in candidates]
    asked = [i for i, terms in enumerate(said) if len(terms) >= COVERED_TERMS]
    if not asked:
        return out
    vocab = dict(zip(weight, range(len(weight))))
    w = np.fromiter(weight.values(), dtype=np.float64, count=len(weight))
    figure = np.fromiter((t.startswith("#") for t in weight), dtype=bool, count=len(weight))
    ref_rows, ref_cols = _coordinates([r.terms for r in refs], vocab)
    own_rows, own_cols = _coordinates([said[i] for i in asked], vocab)
    n, m, v = len(refs), len(asked), len(w)
    rare = np.bincount(ref_cols, minlength=v) <= MAX_POSTINGS
    uses = sp.csr_matrix((np.ones(len(ref_cols)), (ref_rows, ref_cols)), shape=(n, v)).T.tocsr()

    def product(values: np.ndarray, keep: np.ndarray) -> sp.csr_matrix:
        """The candidates' terms (where `keep`, valued `values`) times the claims' terms."""
        return (sp.csr_matrix((values[keep], (own_rows[keep], own_cols[keep])), shape=(m, v))
                @ uses).tocsr()

    blocking = rare[own_cols]
    # one product counts the shared terms and (in millions) the shared figures, another weighs
    # them: both have the same pattern, so their entries line up once sorted
    counted = product(1.0 + _FIGURE_COUNT * figure[own_cols], blocking)
    weighed = product(w[own_cols], blocking)
    counted.sort_indices()
    weighed.sort_indices()
    lo = np.repeat(np.arange(m), np.diff(counted.indptr))
    hi = counted.indices
    article = np.array([r.article for r in refs], dtype=object)
    own_article = np.array([candidates[i].article for i in asked], dtype=object)
    keep = article[hi] != own_article[lo]
    lo, hi, held = lo[keep], hi[keep], weighed.data[keep]
    if not len(lo):
        return out
    figures_held, count = np.divmod(counted.data[keep], _FIGURE_COUNT)
    if not blocking.all():  # what each pair also shares among the terms too common to block on
        often = np.unique(own_cols[~blocking])
        own_often = np.zeros((m, len(often)), dtype=bool)
        own_often[own_rows[~blocking], np.searchsorted(often, own_cols[~blocking])] = True
        ref_often = np.asarray(uses[often].T.todense(), dtype=bool)
        step = 1 << 16  # pairs at a time: bounded memory for a very large event
        for k in range(0, len(lo), step):
            both = own_often[lo[k:k + step]] & ref_often[hi[k:k + step]]
            count[k:k + step] += both.sum(axis=1)
            held[k:k + step] += both @ w[often]
            figures_held[k:k + step] += both @ figure[often]
    total = np.bincount(own_rows, weights=w[own_cols], minlength=m)
    figures = np.bincount(own_rows, weights=figure[own_cols], minlength=m)
    lead = np.fromiter((r.lead for r in refs), dtype=bool, count=n)
    own_lead = np.fromiter((candidates[i].lead for i in asked), dtype=bool, count=m)
    own_summary = np.fromiter((candidates[i].summary for i in asked), dtype=bool, count=m)
    share = np.where(own_summary[lo], SUMMARY_COVERED_SHARE,
                     np.where(own_lead[lo] & lead[hi], LEAD_COVERED_SHARE, COVERED_SHARE))
    covers = ((count >= COVERED_TERMS) & (held >= share * total[lo] - 1e-9)
              & ((figures[lo] == 0) | (figures_held > 0)))
    # the most covering claim of each other article, the first of equals
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for i, k, h in zip(lo[covers].tolist(), hi[covers].tolist(), held[covers].tolist()):
        key = (i, refs[k].article)
        if key not in best or (-h, k) < (-best[key][0], best[key][1]):
            best[key] = (h, k)
    for (i, article), (_, k) in sorted(best.items()):
        ref = candidates[asked[i]]
        out[(ref.article, ref.index)][article] = refs[k]
    return out


# A headline says a claim when it reports one of its actions (synonyms folded, "say" aside) and
# holds at least this many of the claim's terms other than the words of the names it gives
# ("DNC Files Multi-Million Dollar Lawsuit Against Russia, Trump Campaign" files, as "The
# Democratic Party on Friday filed a multimillion-dollar federal lawsuit against Trump campaign
# officials ..." does, and holds "dollar", "lawsuit", "campaign"; it does not say that Trump's
# campaign manager "called the D.N.C. allegations a "sham lawsuit about a bogus Russian
# collusion claim"", which it holds as many words of). A headline is short: a share of a long
# claim's words, as `_covering_articles` asks of a sentence, it never holds.
HEADLINE_TERMS = 3


def _headlines_saying(candidates: list[_ClaimRef], headlines: list[_ClaimRef]
                      ) -> dict[tuple[str, int], dict[str, _ClaimRef]]:
    """For each of `candidates` (by its (article, index)), the other articles whose headline
    says it (HEADLINE_TERMS), names enough of the people it names (`_names_its_people`: "DNC
    Files ... Lawsuit" does not say who the defendants named are) and gives no other figure:
    a headline with a figure must give one of the claim's. Asked of shared claims only: an
    outlet whose headline says one does not leave it out. A headline is too short to tell
    that another outlet's claim, which says more, is not only that outlet's."""
    holding: dict[str, list[int]] = defaultdict(list)  # term -> headlines holding it
    for k, h in enumerate(headlines):
        for t in h.terms:
            holding[t].append(k)
    out: dict[tuple[str, int], dict[str, _ClaimRef]] = {}
    for ref in candidates:
        said = ref.terms.difference(*map(_text_terms, ref.claim.entities))
        counts = Counter(chain.from_iterable(holding.get(t, ()) for t in said))
        for k, n in sorted(counts.items()):
            h = headlines[k]
            if (n < HEADLINE_TERMS or h.article == ref.article or not h.preds & ref.preds
                    or not _names_its_people(ref, h)):
                continue
            figures = {t for t in h.terms if t.startswith("#")}
            if figures and not figures & ref.terms:
                continue
            out.setdefault((ref.article, ref.index), {})[h.article] = h
    return out


def _says_it_too(claim: _ClaimRef, covering: _ClaimRef, weight: dict[str, float]) -> bool:
    """May the page say that a sentence covering a claim (`_covering_articles`) reports it in
    other words? Only if it also covers it with the names counted and, when the claim names
    two or more people, names at least NAMED_SHARE of them (any word of a name will do: "Mr.
    Mueller" names "Robert Mueller"; one person may be meant otherwise: "The state approved"
    for "Governor Ann Lee approved"). Who the claim is about is part of what an outlet is
    said to report ("Gates and Manafort have both been charged in special counsel Robert
    Mueller's investigation into Russian interference in the 2016 election" is not reported
    by a sentence on the special counsel's investigation that names neither man). A headline
    found saying it (`_headlines_saying`) says it."""
    if covering.claim.id == HEADLINE_ID:
        return True  # `_headlines_saying` asked all this of it
    need = LEAD_COVERED_SHARE if claim.lead and covering.lead else COVERED_SHARE
    return (_names_its_people(claim, covering)
            and _share_of(claim, claim.terms & covering.terms, weight) >= need - 1e-9)


def _names_its_people(claim: _ClaimRef, covering: _ClaimRef) -> bool:
    """Does `covering` name at least NAMED_SHARE of the people `claim` names, if it names two
    or more (any word of a name will do)? See `_says_it_too`."""
    people = {e for e in claim.claim.entities if _is_person(e)}
    return len(people) < 2 or sum(
        1 for e in people if _text_terms(e) & covering.terms) >= NAMED_SHARE * len(people)


def _terms_by_outlet(refs: list[_ClaimRef], outlet_of: dict[str, str]) -> dict[str, set[str]]:
    """Every term of each outlet's claims in the event."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in refs:
        out[outlet_of[r.article]].update(r.terms)
    return out


# A name's mark: its letters (dots left out: "F.B.I." is "FBI"), their first NAME_MARK letters
# ("Canada", "Canadian"); a figure's: its digits ("2,500" is "2500").
NAME_MARK = 5
_CAPITALISED = re.compile(r"\b[A-Z][\w.’'-]*")
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
_POSSESSIVE_END = re.compile(r"['’]s?$")


def _name_mark(word: str) -> str:
    return _POSSESSIVE_END.sub("", word.replace(".", "")).lower()[:NAME_MARK]


def _figure_mark(text: str) -> str:
    return text.replace(",", "").rstrip(".")


def _marks_elsewhere(analyses: list[ArticleAnalysis], outlet_of: dict[str, str]
                     ) -> dict[str, set[str]]:
    """For each outlet, the name and figure marks of everything the other outlets' articles
    say, headline included, claim or not."""
    by_outlet: dict[str, set[str]] = defaultdict(set)
    for a in analyses:
        marks = by_outlet[outlet_of[a.article.id]]
        for text in chain([a.article.title or ""], (s.text for s in a.sentences)):
            marks.update(_name_mark(w) for w in _CAPITALISED.findall(text))
            marks.update(_figure_mark(f) for f in _FIGURE.findall(text))
    return {o: set().union(*(m for other, m in by_outlet.items() if other != o))
            for o in by_outlet}


def _has_its_own_anchor(ref: _ClaimRef, elsewhere: set[str]) -> bool:
    """Does the claim quote someone (`_gives_quotation`), or name someone or give a figure in
    digits that no other outlet's article mentions anywhere (`elsewhere`: `_marks_elsewhere`)?
    Only then may it be said to be the outlet's alone: a claim whose names and figures all
    stand in another outlet's text is, as often as not, reported there in other words ("Kim's
    offer for a summit was initially conveyed to Trump by South Korea last month" / "last
    month, when Mr. Trump unexpectedly accepted Mr. Kim's invitation to meet")."""
    if _gives_quotation(ref.claim.text):
        return True
    names = {_name_mark(w) for e in ref.claim.entities for w in e.split()[-1:]}
    figures = {_figure_mark(f) for n in ref.claim.numbers for f in _FIGURE.findall(n.text)}
    return bool((names | figures) - elsewhere)


def _only_theirs(claims: list[tuple[str, _ClaimRef]], outlets_using: Counter,
                 weight: dict[str, float]) -> list[str]:
    """Of one article's claims (group id, claim) that no other article matches or covers, the
    group ids of those only its outlet reports, most its own first (see the module docstring),
    but none reading too badly alone to be listed (LISTED_ALONE_ABOVE). One that says half of
    what a claim listed before it says (SAID_AGAIN_SHARE) comes after all the others ("Shortly
    after learning about it, he mobilized the National Guard." after "The White House mobilized
    the National Guard, threatened prosecution ..."); one that says most of it (REPEATED_SHARE)
    and adds no word of its own is that claim again, not listed ("The tariffs, which have
    increased frictions with U.S. trading partners worldwide and have prompted several
    challenges before the World Trade Organization, ..." then "The tariffs have increased
    frictions ...")."""
    ranked = []
    for gid, ref in claims:
        own = {t for t in ref.terms if outlets_using[t] == 1}
        share = _share_of(ref, own, weight)
        alone = standalone(ref.claim.text)
        if (own or _gives_quotation(ref.claim.text)) and alone > LISTED_ALONE_ABOVE:
            ranked.append((-round(share * ref.claim.score * alone, 6), len(ranked), gid, ref,
                           own))
    ranked.sort(key=lambda x: x[:2])
    listed: list[_ClaimRef] = []
    out, later = [], []
    for _, _, gid, ref, own in ranked:
        repeats = [(other, _share_of(ref, ref.terms & other.terms, weight)) for other in listed]
        if any(share >= REPEATED_SHARE and own <= other.terms for other, share in repeats):
            continue
        if any(share >= SAID_AGAIN_SHARE for _, share in repeats):
            later.append(gid)
            continue
        listed.append(ref)
        out.append(gid)
    return out + later


def _share_of(ref: _ClaimRef, terms: set[str], weight: dict[str, float]) -> float:
    """The share of what a claim says (its terms, weighted as in `event_weights`) in `terms`."""
    total = _total_weight(ref, weight)
    return math.fsum([weight.get(t, 1.0) for t in terms]) / total if total else 0.0


def _quotation_keys(text: str, sizes: range) -> set[str]:
    """Runs of `sizes` words in a row of a quotation, lower-cased."""
    ws = lower_words(words(text))
    return {" ".join(ws[i:i + n]) for n in sizes for i in range(len(ws) - n + 1)}


# quotation words -> {article: (its speaker, the sentence quoting them, its anchor)}
_QuotationIndex = dict[str, dict[str, tuple[str | None, str, str]]]


def _quotation_index(analyses: list[ArticleAnalysis], canonical: dict[str, str]
                     ) -> _QuotationIndex:
    """Every run of MIN_QUOTED_WORDS to ECHO_QUOTED_WORDS words of every quotation of the
    event, with the articles quoting it (see `_quoted_by`); marked with a leading "=", each
    whole quotation shorter than that; marked "~", every run of fewer than MIN_QUOTED_WORDS
    words in a row of any sentence's quotations (a scare quote has no speaker; a short one is
    held by a long one that gives it whole). Speakers as `canonical` names them."""
    index: _QuotationIndex = defaultdict(dict)
    whole = range(MIN_QUOTED_WORDS, ECHO_QUOTED_WORDS)
    for a in analyses:
        for q in a.quotes:
            speaker = canonical.get(q.speaker, q.speaker) if q.speaker else None
            said = (speaker, q.sentence_text, q.sentence)
            for key in _quotation_keys(q.text, range(MIN_QUOTED_WORDS, ECHO_QUOTED_WORDS + 1)):
                index[key].setdefault(a.article.id, said)
            if speaker and len(words(q.text)) in whole:
                index["=" + " ".join(lower_words(words(q.text)))].setdefault(a.article.id, said)
        for s in a.sentences:
            for x, y in paragraph_quote_spans(s.text):
                for key in _quotation_keys(s.text[x:y], range(1, MIN_QUOTED_WORDS)):
                    index["~" + key].setdefault(a.article.id, (None, s.text, s.id))
    return index


def _quoted_by(ref: _ClaimRef, index: _QuotationIndex) -> dict[str, tuple[str, str]]:
    """The other articles that quote what a claim quotes (see ECHO_QUOTED_WORDS) from no other
    speaker, each with its sentence (text, anchor): an outlet giving Trump's "It should have
    never been made" reports it, whatever its own sentence says around it; and one giving
    only "NO COLLUSION and NO OBSTRUCTION," as Trump's, reports his tweet that the memos "show
    clearly that there was NO COLLUSION and NO OBSTRUCTION"". Short quotations count
    together (SHORT_QUOTED_WORDS), in one sentence of the other article."""
    out: dict[str, tuple[str, str]] = {}
    text = ref.claim.text
    spans = paragraph_quote_spans(text)  # also the end of one begun before
    quoted = sum(len(content_words(text[a:b])) for a, b in spans)
    # its quotations under MIN_QUOTED_WORDS words, as `_quotation_index` keys them ("~")
    short = dict.fromkeys("~" + " ".join(q) for q in (lower_words(words(text[a:b]))
                                                     for a, b in spans)
                          if 0 < len(q) < MIN_QUOTED_WORDS)
    held: dict[tuple[str, str, str], int] = defaultdict(int)  # other sentence -> words held
    for key in short:
        meaning = len(content_words(key))
        for article, (_, sentence, anchor) in index.get(key, {}).items():
            if article != ref.article:
                held[(article, sentence, anchor)] += meaning
    for (article, sentence, anchor), n in sorted(held.items(), key=lambda kv: -kv[1]):
        if n >= SHORT_QUOTED_WORDS and 2 * n >= quoted:
            out.setdefault(article, (sentence, anchor))
    for a, b in spans:
        n = min(len(words(text[a:b])), ECHO_QUOTED_WORDS)
        if n < MIN_QUOTED_WORDS:
            continue
        for key in _quotation_keys(text[a:b], range(n, n + 1)):
            said = index.get(key, {})
            speaker = said.get(ref.article, (None,))[0]  # as the claim's article gives it
            for article, (who, sentence, anchor) in said.items():
                if article != ref.article and (who == speaker if n < ECHO_QUOTED_WORDS
                                               else not who or not speaker or who == speaker):
                    out.setdefault(article, (sentence, anchor))
        for key in _quotation_keys(text[a:b], range(MIN_QUOTED_WORDS, n)):
            said = index.get("=" + key)
            if not said:
                continue
            speaker = index.get(key, {}).get(ref.article, (None,))[0]
            for article, (who, sentence, anchor) in said.items():
                if article != ref.article and speaker and who == speaker:
                    out.setdefault(article, (sentence, anchor))
    return out


def _gives_quotation(text: str) -> bool:
    """Does the sentence quote someone at some length (MIN_QUOTED_WORDS), not only in a scare
    quote ("a "terrible deal""), or end a quotation begun before it? A quotation is its
    speaker's own, however common its words."""
    return closes_unopened_quotation(text) or any(
        len(words(text[a:b])) >= MIN_QUOTED_WORDS for a, b in quote_spans(text))


# --- conflicts ----------------------------------------------------------------------------

def _subject_words(n: Number) -> tuple[tuple[str, str], ...]:
    return _words_of_subject(n.subject, n.unit)


@lru_cache(maxsize=1 << 14)
def _words_of_subject(subject: str, unit: str) -> tuple[tuple[str, str], ...]:
    """The words that say what a number is about, besides the counted noun itself, as
    (comparable stem, word as written): "North Korean troops" -> [("north", "North"),
    ("korea", "Korean")]; demonyms are cut to a common prefix."""
    out = []
    for w in re.findall(r"[A-Za-z][A-Za-z\-]*", subject):
        low = w.lower()
        if unit and low and (stem(low) == stem(unit) or low == unit) or low in STOPWORDS:
            continue
        if low in _TIME_ADVERBS:
            continue  # "three years ago" is a point in time, not the length of anything
        out.append((stem(low)[:5], w))
    return tuple(out)


_TIME_ADVERBS = frozenset("ago later earlier before after since hence early late".split())


def _subject_key(n: Number) -> tuple[str, frozenset[str]]:
    """What a number is about: its unit plus the stems of its subject's words ("North Korean
    troops" -> ("troops", {"north", "korea"}))."""
    return _key_of_subject(n.subject, n.unit)


@lru_cache(maxsize=1 << 14)
def _key_of_subject(subject: str, unit: str) -> tuple[str, frozenset[str]]:
    return unit, frozenset(k for k, _ in _words_of_subject(subject, unit))


# Modifiers that change which things are counted, not how they are described: "2,000
# additional troops" is not "12,000 troops".
_COUNT_CHANGING = frozenset(
    """additional more other extra further remaining former current total fewer new
    original initial first last previous latest only all combined""".split())
# Adjective endings that classify (what kind of thing) rather than describe: "ballistic",
# "nuclear", "military", "chemical", "presidential", "wounded", "remaining".
_CLASSIFYING_ENDINGS = ("al", "ic", "ar", "ary", "ian", "ean", "ese", "ish", "ed", "ing")


def _descriptive(word: str) -> bool:
    """A lower-case describing word that leaves what is counted the same: "secret files" are
    the files, "missile tests" the tests; proper adjectives ("North Korean"), classifying
    adjectives ("ballistic"), participles ("wounded") and count-changing words do not."""
    low = word.lower()
    return (word.isalpha() and word.islower() and low not in _COUNT_CHANGING
            and not low.endswith(_CLASSIFYING_ENDINGS))


def _subjects_match(a: Number, b: Number) -> bool:
    """Same counted thing: the same subject words, or one subject is the other plus a single
    describing word ("files" / "secret files")."""
    wa, wb = _subject_words(a), _subject_words(b)
    ka, kb = {k for k, _ in wa}, {k for k, _ in wb}
    measure = a.unit in MEASURE_UNITS or a.unit == "%"
    if ka == kb:
        return bool(ka) or not measure
    if measure:
        # a share or a distance of what: both must say, and one must contain the other
        return bool(ka and kb) and (ka <= kb or kb <= ka)
    if not (ka <= kb or kb <= ka):
        return False
    small, big = (ka, wb) if ka <= kb else (kb, wa)
    extra = [w for k, w in big if k not in small]
    return len(extra) == 1 and _descriptive(extra[0])


def _nested_subjects(a: Number, b: Number) -> bool:
    """The same counted thing, or one a narrower kind of the other ("Central American migrants"
    and "migrants")."""
    ka, kb = _subject_key(a)[1], _subject_key(b)[1]
    return a.unit == b.unit and (ka <= kb or kb <= ka)


_YEAR = re.compile(r"(?<![\d,.$])(?:1[89]|20)\d\d(?![\d,])")


# A month named ("May" only before a day: "Theresa May" is no month).
_MONTH = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|"
                    r"November|December|May(?= \d))\b")


@lru_cache(maxsize=1 << 14)
def _years(text: str) -> frozenset[str]:
    return frozenset(_YEAR.findall(text))


@lru_cache(maxsize=1 << 14)
def _months(text: str) -> frozenset[str]:
    return frozenset(_MONTH.findall(text))


def _same_time_frame(a: Claim, b: Claim) -> bool:
    """Counts over different years are not in conflict ("16 tests in 2017" / "6 tests in
    2016"), nor levels in different months ("Unemployment rose to 4.1% in March" / "... to
    4.3 percent in April"): when both sentences name years, or months, they must name a
    common one."""
    ya, yb = _years(a.text), _years(b.text)
    if ya and yb and not ya & yb:
        return False
    ma, mb = _months(a.text), _months(b.text)
    return not (ma and mb) or bool(ma & mb)


class _Mention:
    __slots__ = ("article", "order", "claim", "number", "key", "ref")

    def __init__(self, ref: _ClaimRef, number: Number) -> None:
        self.article, self.order, self.claim, self.number = ref.article, ref.order, ref.claim, number
        self.key = _subject_key(number)
        self.ref = ref


def _comparable(a: _Mention, b: _Mention) -> bool:
    if a.article == b.article or a.number.unit != b.number.unit or not a.number.unit:
        return False
    if (a.number.qualifier == "vague") != (b.number.qualifier == "vague"):
        return False  # "thousands" vs "12,000" is not a disagreement (see `_values_agree`)
    if a.number.modality != b.number.modality:
        return False  # a plan ("up to 100,000") is not a report of what happened
    if a.number.unit in _GENERIC_UNITS and not (a.key[1] and b.key[1]):
        return False  # "100 people" of which crowd? unknown: do not compare
    if not _subjects_match(a.number, b.number):
        # "North Korean troops" vs "Russian troops"; "range" vs "buffer zone"; but "tariff on
        # steel" is "tariff on steel imports" and "secret files" are "files"
        return False
    if not _same_time_frame(a.claim, b.claim):
        return False
    # the sentences must be about the same thing beyond the counted noun: a shared name, a
    # shared action, or a shared content word other than the unit's own
    unit_stems = _unit_stems(a.number.unit)
    return _share_entity(a.ref, b.ref) or bool(
        (a.ref.preds & b.ref.preds) - _GENERIC_PREDICATES) or bool(
        (a.ref.terms & b.ref.terms) - unit_stems)


@lru_cache(maxsize=1 << 12)
def _unit_stems(unit: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", unit))


# Pairwise comparison of one unit's mentions stops at this many (a 200-article event).
MAX_MENTIONS_PER_UNIT = 400
# Counted nouns too general to tell which group is meant without a modifier.
_GENERIC_UNITS = frozenset("people times things ones cases items others".split())


def _find_conflicts(refs: list[_ClaimRef]) -> list[Conflict]:
    mentions = [_Mention(r, n) for r in refs for n in r.claim.numbers]
    by_key: dict[str, list[int]] = defaultdict(list)
    by_article: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_key[m.number.unit].append(i)
        by_article[(m.number.unit, m.article)].append(m)

    def agrees_elsewhere(a: _Mention, b: _Mention) -> bool:
        """Does a's article give, for the same thing or a narrower one, a value agreeing with
        b's? HuffPost's "The 150 migrants ... spent the night" beside USA Today's "about 200
        migrants" is no dispute when HuffPost also writes "Between 150 and 200 Central
        American migrants plan to present asylum claims": its 150 counts a part."""
        return any(m is not a and _nested_subjects(m.number, b.number)
                   and _same_time_frame(m.claim, b.claim) and _values_agree(m.number, b.number)
                   for m in by_article[(a.number.unit, a.article)])

    conflicts: list[Conflict] = []
    for key in sorted(by_key):
        # all pairs within one unit: capped (first mentions in event order) for huge events
        ids = by_key[key][:MAX_MENTIONS_PER_UNIT]
        parent = {i: i for i in ids}

        def find(i: int) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        disagree: set[int] = set()
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                a, b = mentions[ids[x]], mentions[ids[y]]
                if _comparable(a, b):
                    parent[find(ids[y])] = find(ids[x])
                    if not (_values_agree(a.number, b.number) or agrees_elsewhere(a, b)
                            or agrees_elsewhere(b, a)):
                        disagree.add(ids[x])
                        disagree.add(ids[y])
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in ids:
            clusters[find(i)].append(i)
        for members in clusters.values():
            if not any(i in disagree for i in members):
                continue
            # one article giving two values for the "same" subject means the subject is not
            # specific enough to tell what is counted: no conflict can be claimed
            per_article: dict[str, list[Number]] = defaultdict(list)
            for i in members:
                per_article[mentions[i].article].append(mentions[i].number)
            if any(not _values_agree(x, y) for ns in per_article.values() for x in ns for y in ns):
                continue
            # a value agreeing with every other ("more than 150" beside 150 and "about 200")
            # is in no dispute: the conflict shows the values that are
            chosen = sorted((i for i in members if i in disagree),
                            key=lambda i: (mentions[i].order, mentions[i].ref.index))
            values: list[ConflictValue] = []
            seen: set[tuple[str, float]] = set()
            for i in chosen:
                m = mentions[i]
                if (m.article, m.number.value) in seen:
                    continue
                seen.add((m.article, m.number.value))
                values.append(ConflictValue(article=m.article, value=m.number.value,
                                            text=m.number.text, sentence=m.claim.text,
                                            anchor=m.claim.id, qualifier=m.number.qualifier))
            if len({v.article for v in values}) < 2:
                continue
            subject = max((mentions[i].number.subject for i in chosen), key=lambda s: (
                len(s), s)) or key
            conflicts.append(Conflict(subject=subject, unit=key, values=values))
    return conflicts


def _other_sentence_refs(analyses: list[ArticleAnalysis], articles: set[str],
                         order: dict[str, int], weight: dict[str, float],
                         asked: list[_ClaimRef]) -> list[_ClaimRef]:
    """The sentences of `articles` that are no claim of theirs, as claims that may say what a
    claim says (`_sentence_ref`); only those that may cover one of `asked` of another
    article, sharing COVERED_TERMS terms with it (its words, and as many figures as the
    sentence has digits at most): most share fewer, and reading every sentence's figures and
    actions would cost more than comparing them."""
    asking: dict[str, list[int]] = defaultdict(list)  # term -> the asked claims using it
    for k, r in enumerate(asked):
        for t in r.terms:
            asking[t].append(k)
    out = []
    for a in analyses:
        if a.article.id not in articles:
            continue
        claimed = {c.id for c in a.claims}
        for s in a.sentences:
            if s.id in claimed:
                continue
            shared = Counter(chain.from_iterable(asking.get(_demonym_fold(t, weight), ())
                                                 for t in _text_terms(s.text)))
            need = COVERED_TERMS - len(_FIGURE.findall(s.text))
            if any(n >= need and asked[k].article != a.article.id for k, n in shared.items()):
                out.append(_sentence_ref(a.article.id, order[a.article.id], s.id, s.text,
                                         weight))
    return out


def _drop_said_in_other_sentences(alone: dict[str, list[tuple[str, _ClaimRef]]],
                                  analyses: list[ArticleAnalysis], order: dict[str, int],
                                  weight: dict[str, float]) -> None:
    """Only one outlet reports a claim that no sentence of another article says, claim or
    not: a sentence reporting no action we read, or a hedged one, may still report the fact.
    Leaves out of `alone` (article -> [(group id, claim)]) each claim that a sentence of
    another article which is no claim says in other words as `_says_it_too` has it: covers
    it with the names counted. Not the looser test a claim passes (`_covering_articles`
    alone): such a sentence is most often background or colour that holds a claim's common
    words ("state visit", "pomp") without its facts."""
    asked = [r for claims in alone.values() for _, r in claims]
    if not asked:
        return
    covering = _covering_articles(
        _other_sentence_refs(analyses, set(order), order, weight, asked), asked, weight)
    for claims in alone.values():
        claims[:] = [(gid, r) for gid, r in claims
                     if not any(_says_it_too(r, other, weight)
                                for other in covering[(r.article, r.index)].values())]


def _unomit_said_in_other_sentences(omitted: dict[str, list[str]], groups: list[ClaimGroup],
                                    raw_groups: list[list[_ClaimRef]],
                                    analyses: list[ArticleAnalysis], order: dict[str, int],
                                    weight: dict[str, float]) -> None:
    """An article leaves out a shared claim only if none of its sentences says it: one that
    is no claim of its own (no action we read, no figure: "Also named as defendants were Donald
    Trump Jr., Trump associate Roger Stone and Trump's son-in-law, Jared Kushner.") may still
    cover it (`_covering_articles`, `_says_it_too`). The article is then named as saying it in
    other words, linked to that sentence. Only the few articles that would leave a claim out
    are read again, so this costs next to nothing."""
    omitting = {a for a, ids in omitted.items() if ids}
    if not omitting:
        return
    members = {g.id: m for g, m in zip(groups, raw_groups)}
    asked = [r for ids in omitted.values() for gid in ids for r in members[gid]]
    extra = _other_sentence_refs(analyses, omitting, order, weight, asked)
    covering = _covering_articles(extra, list({id(r): r for r in asked}.values()), weight)
    by_id = {g.id: g for g in groups}
    for article, ids in omitted.items():
        for gid in list(ids):
            said = next((ref for r in members[gid]
                         if (ref := covering[(r.article, r.index)].get(article)) is not None
                         and _says_it_too(r, ref, weight)), None)
            if said is not None:
                ids.remove(gid)
                g = by_id[gid]
                g.reworded[article], g.reworded_anchors[article] = said.claim.text, said.claim.id
                for held in (g.reworded, g.reworded_anchors):  # in event order, as the others
                    for key in sorted(held, key=order.__getitem__):
                        held[key] = held.pop(key)


# --- quotes -------------------------------------------------------------------------------

def _without_repeats(quotes: list[dict]) -> list[dict]:
    """Words an article quotes twice are listed once, in the fuller quotation: Fox's "they
    will pay a price like no country has ever paid." is in its "If Iran threatens us in any
    way, they will pay a price ...", by the same speaker; a pull quote with no speaker is in
    the quotation it repeats, whoever said that ("I strongly doubt [Trump] understands ..."
    repeats "I strongly doubt he understands ...": a word or three in square brackets stands
    for the words they replace). Of two the same, the first stays."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        by_article[q["article"]].append(q)
    repeats: set[int] = set()  # id() of the quotes left out
    for listed in by_article.values():
        texts = [_padded_words(q["text"]) for q in listed]
        for k, q in enumerate(listed):
            inside = _inside(q["text"], texts[k])
            for m, other in enumerate(listed):
                if (m == k or id(other) in repeats or texts[m] == texts[k] and m > k
                        or q["speaker"] is not None and other["speaker"] != q["speaker"]):
                    continue
                if inside(texts[m]):
                    repeats.add(id(q))
                    break
    return [q for q in quotes if id(q) not in repeats]


_BRACKETED = re.compile(r"\[[^\]]{1,40}\]")  # an editor's words in a quotation: "[Trump]"


def _padded_words(text: str) -> str:
    return " " + " ".join(lower_words(words(text))) + " "


def _inside(text: str, padded: str) -> Callable[[str], object]:
    """A test of whether a quotation's words (`padded`, from `_padded_words`) are in another's,
    a bracketed insertion standing for one to three words."""
    if "[" not in text:
        return lambda other: padded in other
    parts = [_padded_words(part).strip() for part in _BRACKETED.split(text)]
    gap = r" (?:\S+ ){0,2}\S+ "  # one to three words
    return re.compile(" " + gap.join(re.escape(p) for p in parts if p) + " ").search


def _canonical_speakers(analyses: list[ArticleAnalysis]) -> dict[str, str]:
    """One name per person across the event: "Trump" and "Donald Trump" -> "Donald Trump",
    "Kim Jong-un" -> "Kim Jong Un", "Roger Stone" -> "Roger J. Stone Jr."; and per
    organisation: "DNC" -> "Democratic National Committee".
    A source described rather than named ("a White House official") stays as it is: two
    descriptions ending in one word need not be one source."""
    described = {q.speaker for a in analyses for q in a.quotes if q.cue == "source"}
    names = sorted({q.speaker for a in analyses for q in a.quotes
                    if q.speaker and q.speaker not in described},
                   key=lambda s: (-len(name_words(s)), -len(s), s))
    canonical: dict[str, str] = {}
    for name in names:
        key = name_words(name)
        match = next((c for c in dict.fromkeys(canonical.values())
                      if same_person(key, name_words(c)) or is_acronym_of(name, c)), None)
        canonical[name] = match or name
    return canonical


def forget_remembered() -> None:
    """Empty the memos comparison uses (this module's, and the name and stem memos it imports)
    once a build's events are compared: nothing needs them while the pages are written, and
    they hold some 40 MB at 2,000 articles."""
    for value in list(globals().values()):
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def compare_event(event: Event, analyses: list[ArticleAnalysis]) -> EventComparison:
    """Everything the event page shows across outlets (see the module docstring)."""
    by_id = {a.article.id: a for a in analyses}
    ordered = [by_id[i] for i in event.article_ids if i in by_id]
    ordered += sorted((a for a in analyses if a.article.id not in event.article_ids),
                      key=lambda a: a.article.id)
    order = {a.article.id: k for k, a in enumerate(ordered)}
    outlet_of = {a.article.id: a.article.outlet for a in ordered}
    n_outlets = len(set(outlet_of.values()))

    refs = [_ClaimRef(a.article.id, order[a.article.id], c, k)
            for a in ordered for k, c in enumerate(a.claims)]
    # members come in event order: refs are built in (article order, claim index) order
    weight = folded_weights(refs)
    raw_groups = _group_claims(refs, weight)

    def group_sort_key(members: list[_ClaimRef]) -> tuple:
        importance = max(r.claim.score for r in members)
        return (-len(members), -round(importance, 4), (members[0].order, members[0].index))

    raw_groups.sort(key=group_sort_key)
    shown = [_shown_first(members, weight) for members in raw_groups]
    groups: list[ClaimGroup] = []
    for k, members in enumerate(shown, start=1):
        groups.append(ClaimGroup(
            id=f"g{k}", text=members[0].claim.text,
            articles=[r.article for r in members],
            sentences={r.article: r.claim.text for r in members},
            anchors={r.article: r.claim.id for r in members}))

    need = max(2, n_outlets // 2 + 1)
    agreed = [g for g in groups if len(g.articles) >= need
              and len({outlet_of[a] for a in g.articles}) >= need]
    consensus = [g.id for g in agreed]
    consensus_set = set(consensus)
    # only one outlet reports a claim no other article's claim matches or covers (one that
    # matched, but could not join that group, is reported elsewhere too); an article omits an
    # agreed claim none of its claims matches or covers
    echoes = {g.id: set().union(*(r.echoed_by for r in members))
              for g, members in zip(groups, raw_groups)}
    asked = [(g, members) for g, members in zip(groups, raw_groups)
             if len(members) == 1 or g.id in consensus_set]
    summary_lines = {(a.article.id, s) for a in ordered for s in a.summary}
    for _, members in asked:  # SUMMARY_COVERED_SHARE: asked of what one outlet alone may say
        if len(members) == 1:
            members[0].summary = (members[0].article, members[0].claim.id) in summary_lines
    covering = _covering_articles(refs, [r for _, members in asked for r in members], weight)
    canonical = _canonical_speakers(ordered)
    index = _quotation_index(ordered, canonical)
    quoting = {(r.article, r.index): _quoted_by(r, index) for _, members in asked for r in members}
    agreed_refs = [r for g, members in asked if g.id in consensus_set for r in members]
    for key, headlines in _headlines_saying(agreed_refs, _headline_refs(ordered, order, weight)
                                            ).items():
        for article, headline in headlines.items():
            covering[key].setdefault(article, headline)  # a sentence saying more comes first
    for g, members in asked:
        echoes[g.id].update(*(covering[(r.article, r.index)] for r in members))
        echoes[g.id].update(*(quoting[(r.article, r.index)] for r in members))
    for g, members in zip(groups, shown):
        if g.id in consensus_set:  # who says it in other words, their sentence that says most
            other: dict[str, tuple[str, str]] = {}  # article -> (sentence, anchor)
            for r in members:
                for article, ref in r.echoed_by.items():  # the same claim, in another group
                    if article not in g.sentences and _names_its_people(r, ref):
                        other.setdefault(article, (ref.claim.text, ref.claim.id))
                for article, ref in covering[(r.article, r.index)].items():
                    if article not in g.sentences and _says_it_too(r, ref, weight):
                        other.setdefault(article, (ref.claim.text, ref.claim.id))
                for article, said in quoting[(r.article, r.index)].items():
                    if article not in g.sentences:
                        other.setdefault(article, said)
            for article in sorted(other, key=order.__getitem__):
                g.reworded[article], g.reworded_anchors[article] = other[article]
    omitted = {a.article.id: [g.id for g in agreed if a.article.id not in g.articles
                              and a.article.id not in echoes[g.id]]
               for a in ordered}
    _unomit_said_in_other_sentences(omitted, groups, raw_groups, ordered, order, weight)
    # the claims most outlets report, in their words or in other words, first (a stable sort:
    # equals keep the groups' order)
    agreed_by_id = {g.id: g for g in agreed}
    consensus.sort(key=lambda gid: -len({outlet_of[a] for a in chain(
        agreed_by_id[gid].articles, agreed_by_id[gid].reworded)}))
    conflicts = _find_conflicts(refs)
    # a sentence giving one side of a conflict reports what another outlet reports otherwise
    disputed = {(v.article, v.anchor) for c in conflicts for v in c.values}
    alone: dict[str, list[tuple[str, _ClaimRef]]] = {a.article.id: [] for a in ordered}
    for g, members in zip(groups, raw_groups):
        if len(g.articles) == 1 and not echoes[g.id] and (
                (g.articles[0], members[0].claim.id) not in disputed):
            alone[g.articles[0]].append((g.id, members[0]))
    elsewhere = _marks_elsewhere(ordered, outlet_of)
    alone = {a: [(gid, r) for gid, r in claims
                 if _has_its_own_anchor(r, elsewhere[outlet_of[a]])] for a, claims in alone.items()}
    _drop_said_in_other_sentences(alone, ordered, order, weight)
    outlets_using = Counter(chain.from_iterable(_terms_by_outlet(refs, outlet_of).values()))
    unique = {a: _only_theirs(claims, outlets_using, weight) for a, claims in alone.items()}

    quotes = []
    for a in ordered:
        for q in a.quotes:
            quotes.append({"speaker": canonical.get(q.speaker, q.speaker) if q.speaker else None,
                           "text": q.text, "article": a.article.id, "anchor": q.sentence,
                           "sentence": q.sentence_text})
    quotes = _without_repeats(quotes)
    quotes.sort(key=lambda d: (d["speaker"] is None, d["speaker"] or "", order[d["article"]],
                               sentence_number(d["anchor"]),
                               d["text"]))
    quoted_by: dict[str, list[str]] = {}
    for d in quotes:
        if d["speaker"]:
            arts = quoted_by.setdefault(d["speaker"], [])
            if d["article"] not in arts:
                arts.append(d["article"])

    return EventComparison(event=event, claim_groups=groups, consensus=consensus,
                           conflicts=conflicts, unique=unique, omitted=omitted,
                           quotes=quotes, quoted_by=quoted_by)
