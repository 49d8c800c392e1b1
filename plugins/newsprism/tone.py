"""Tone: how loaded an article's own language is, how much it hedges and how much it attributes.

`assess_tone(sentences)` reads the outlet's own words only: text inside quotation marks belongs
to the people quoted and is left out. It counts

- loaded sentences: evaluative or emotive words ("reckless", "catastrophic"; not in a plain
  sense: "the inspection regime", "failed to bridge gaps"), prescriptions
  ("must", "should"), first person, rhetorical questions and exclamations;
- hedges: "reportedly", "allegedly", "critics argue", "some speculate", "appears to";
- attribution cues: "according to", "officials said", "citing", "confirmed by";
- the headline's loaded words, outside its quotations ("DESPERATION: DNC Files ...");

and labels the article news report / analysis / opinion with the reasons spelled out and the
evidence words listed, never a bare score. An article whose address puts it in the outlet's
opinion section ("/opinion/", "/op-ed/", "/commentary/") is opinion whatever its wording: the
outlet says so itself.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from .model import Sentence, Tone
from .quotes import headline_own_words, own_words
from .text import SPEECH_VERBS, CaselessPattern, words

_LOADED = frozenset(
    """reckless dangerous catastrophic catastrophe disastrous disaster shocking outrageous
    radical extremist extreme slam slams slammed blast blasted disgraceful pathetic absurd
    ridiculous brutal sinister naive perilous failing failed desperate desperation
    dysfunctional bogus sham scandal scandalous corrupt crooked chaos chaotic insane
    unhinged hysterical hysteria disgusting shameful shameless appalling horrific horrible
    terrible evil vile heinous notorious infamous lunatic bizarre stunning staggering
    alarming devastating damning explosive bombshell humiliating humiliation embarrassing
    embarrassment fiasco debacle meltdown rant tirade smear witch hunt propaganda
    puppet regime thug thugs tyrant dictator warmonger warmongering hawkish
    incompetent inept foolish stupid idiotic cowardly craven arrogant brazen blatant
    unprecedented draconian gamble recklessness misstep pretext proxy mercenaries
    irresponsible provocative provocation aggressive aggression cynical ploy scheme
    dubious far-fetched untenable grave dire ominous landmark bold boldly historic
    heroic courageous brilliant triumph triumphant masterful genius steadfast
    sovereignty betrayal betray betrayed treachery treacherous traitor capitulation
    ironically predictably clearly obviously undoubtedly certainly surely simply merely
    truly blatantly shockingly""".split())
_PRESCRIPTIVE = CaselessPattern(
    r"\b(?:must|should|ought to|need to|needs to|have to|has to)\b")
# "should he visit London", "should Iran restart", "should have said": no prescription
_CONDITIONAL_SHOULD = re.compile(
    r"\s+(?:(?i:have|he|she|it|they|we|you|i|the|a|an|any|this|that|these|those|there)\b|[A-Z])")
# "would have to agree", "did not need to": no prescription
_MODAL_BEFORE = re.compile(r"(?i:\b(?:would|will|not|may|might|could)|n['’]t)\s+$")
# Someone's view or a question the sentence reports, not the outlet's advice: "cemented Mr.
# Dowd's view that the president should not sit for an interview", "divided on how much Trump
# should cooperate", "whether he sees them as ... people who should loyally protect him"
_REPORTED_BEFORE = re.compile(
    r"(?i:\b(?:whether|how|why|views?|belief|argument|position|insistence|conviction)\b)"
    r"(?:[^\w,;:—–]+\w+){0,11}[^\w,;:—–]*$")  # in the same clause
# A rule or a deadline, not advice: "Under the Iran deal legislation ..., Trump must certify",
# "To qualify for asylum, applicants must prove ...", "must decide next month", "must certify
# every 90 days"
_RULE_OPENING = re.compile(r"^\W*(?:Under|To (?!be sure)[a-z]+\b[^,]{0,60},)")
_DEADLINE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:next (?:week|month|year)|every \d+ (?:days|weeks|months|years)|"
    r"within \d+ (?:days|weeks|months)|by (?:the end of |)(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec)[a-z]*\.? \d|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"midnight))")


def find_prescription(own: str) -> str | None:
    """The first words in a text of the outlet's own that say what should or must happen
    ("must", "should", "need to"), verbatim; None when there are none, when a speech verb
    says they report what someone else said ("told trading partners they must make
    concessions", "the deal should be thrown out, Netanyahu said") or they follow a view or a
    question the sentence reports ("Mr. Dowd's view that the president should not sit", "how
    much Trump should cooperate"), or when they state a rule or a deadline ("Under the
    legislation, Trump must certify ...", "must decide next month").
    """
    for a, b in _PRESCRIPTIVE.spans(own):  # most sentences: none
        found = own[a:b].lower()
        if found == "should" and _CONDITIONAL_SHOULD.match(own, b):
            continue
        if found[0] in "hn" and _MODAL_BEFORE.search(own, max(0, a - 12), a):
            continue
        if _RULE_OPENING.match(own) or _DEADLINE_AFTER.match(own, b):
            continue
        if _REPORTED_BEFORE.search(own, max(0, a - 100), a):
            continue
        if any(w in SPEECH_VERBS for w in words(own) if w.islower()):
            return None
        return own[a:b]
    return None


_FIRST_PERSON = re.compile(r"\b(?:I|we|our|us|my)\b")
_HEDGES = CaselessPattern(
    r"\b(?:reportedly|allegedly|apparently|purportedly|supposedly|seemingly|"
    r"(?:appears?|appeared|seems?|seemed) to|is said to|are said to|"
    r"(?:critics|some|others|analysts|observers|experts) (?:argue|say|suggest|speculate|"
    r"believe|contend|claim|fear|warn|question)s?|some speculate|it is unclear|remains unclear|"
    r"possibly|potentially|perhaps|likely|unconfirmed|rumou?red|may have|might have|"
    r"could have)\b")
_ATTRIBUTIONS = re.compile(
    r"\b(?:(?i:according to)|(?:officials?|sources?|spokes(?:person|man|woman)|a statement|"
    r"reports?|the (?:White House|Kremlin|ministry|department|agency)) (?:said|say|says|"
    r"told|confirmed|reported|stated|indicated|suggest|suggested)|citing|cited|"
    r"confirmed by|told reporters|said in a statement|in a statement|(?:he|she|they) said|"
    r"said(?= (?:on|in|that)\b)|told(?= [A-Z][a-z])|reported by|a report by)\b")


_LOADED_TOKEN = re.compile(r"[A-Za-z][A-Za-z\-]*")


def find_loaded(text: str) -> list[str]:
    """The loaded or opinionated words of a text, verbatim, in order."""
    return list(_loaded_in(text))


# The claims and the tone of an article both read each sentence's own words.
@functools.lru_cache(maxsize=4096)
def _loaded_in(text: str) -> tuple[str, ...]:
    tokens = _LOADED_TOKEN.findall(text)
    lows = " ".join(tokens).lower().split(" ")  # ASCII letters: one call lower-cases them all
    if _LOADED.isdisjoint(lows):  # most sentences: no per-word loop
        return ()
    return tuple(w for k, (w, low) in enumerate(zip(tokens, lows))
                 if low in _LOADED and not _neutral_sense(low, lows, k, tokens))


# Loaded words in a plain sense: a system of rules ("the inspection regime"), a fact of what
# was not done ("have failed to bridge gaps"), clarity denied ("did not clearly state"; "not
# merely a tactical shift" stays loaded: it is said to make the next words weigh more), a
# hedge ("almost certainly"), and an event's name ("the Watergate scandal": a capitalised
# word before "scandal", not the sentence's first).
_REGIME_OF = frozenset("""inspection inspections sanctions sanction tariff trade verification
    monitoring safeguards nonproliferation non-proliferation treaty visa export import tax
    regulatory legal""".split())
_NOT = frozenset({"not", "never", "t"})  # "don't" is "don", "t"


def _neutral_sense(low: str, lows: list[str], k: int, tokens: list[str]) -> bool:
    """Is the loaded word at `lows[k]` (`tokens[k]` as written) used in a plain sense (see
    above)?"""
    before = lows[k - 1] if k else ""
    if low == "scandal":
        return k > 1 and tokens[k - 1][:1].isupper()
    if low == "regime":
        return before in _REGIME_OF
    if low in ("failed", "failing"):
        return k + 1 < len(lows) and lows[k + 1] == "to"
    if low == "certainly":
        return before in _NOT or before == "almost"  # a hedge: "almost certainly would have"
    return low == "clearly" and before in _NOT


# Folders of an article's address that name an opinion section: "foxnews.com/opinion/2018/...".
_OPINION_SECTIONS = frozenset(
    "opinion opinions op-ed op-eds oped commentary editorial editorials columnists".split())


def opinion_section(url: str | None) -> str:
    """The folder of an article's address naming an opinion section ("opinion"), or "". Only
    folders count, not the last part (the story's own slug: ".../opinion-poll-shows-lead")
    nor the query ("?module=first-column-region")."""
    if not url:
        return ""
    folders = urlsplit(url).path.lower().split("/")[:-1]
    return next((f for f in folders if f in _OPINION_SECTIONS), "")


def assess_tone(sentences: list[Sentence], url: str | None = None,
                headline: str | None = None) -> Tone:
    """The article's tone, with the evidence words and the reasons for its label; `url`, the
    original's address, may name its opinion section (`opinion_section`). `headline`, the
    file's own (None when it had none), is read in its own words too: a headline that judges
    ("DESPERATION: DNC Files ...") makes a report no plain news report, however neutral its
    sentences."""
    n = len(sentences)
    loaded_ids: list[str] = []
    loaded_words: list[str] = []
    hedges: list[str] = []
    attributions: list[str] = []
    prescriptive = first_person = questions = 0
    own_of = own_words(sentences)
    for s in sentences:
        own = own_of[s.id]
        found = find_loaded(own)
        is_loaded = bool(found)
        prescription = find_prescription(own)
        if prescription:
            prescriptive += 1
            is_loaded = True
            found.append(prescription)
        if _FIRST_PERSON.search(own):
            first_person += 1
        if own.rstrip().endswith(("?", "!")):
            questions += 1
            is_loaded = True
        if is_loaded:
            loaded_ids.append(s.id)
        loaded_words.extend(found)
        hedges.extend(_HEDGES.findall(own))
        attributions.extend(m.group() for m in _ATTRIBUTIONS.finditer(s.text))
    headline_loaded = find_loaded(headline_own_words(headline)) if headline else []
    share = len(loaded_ids) / n if n else 0.0
    hedge_rate = len(hedges) / n if n else 0.0
    attr_rate = len(attributions) / n if n else 0.0
    reasons: list[str] = []

    def pct(x: float) -> str:  # rounded as the tone box rounds the loaded_share kept below
        return f"{round(100 * round(x, 3))}%"

    reasons.append(f"{len(loaded_ids)} of {_counted(n, 'sentence')} ({pct(share)}) "
                   f"{'uses' if len(loaded_ids) == 1 else 'use'} loaded or opinionated wording"
                   + (f": {', '.join(_top(loaded_words))}" if loaded_words else ""))
    loaded_words[:0] = headline_loaded
    if headline_loaded:
        reasons.append(f"its headline uses loaded wording: {', '.join(headline_loaded)}")
    reasons.append(_counted(len(hedges), "hedge")
                   + (f" ({', '.join(_top(hedges))})" if hedges else ""))
    reasons.append(_counted(len(attributions), "attribution cue") + (
        f" ({', '.join(_top(attributions))})" if attributions else ""))
    if prescriptive:
        reasons.append(_counted(prescriptive, "sentence says", "sentences say")
                       + " what should or must happen")
    if first_person:
        reasons.append(_counted(first_person, "sentence speaks", "sentences speak")
                       + " in the first person")
    if questions:
        reasons.append(_counted(questions, "rhetorical question or exclamation",
                                "rhetorical questions or exclamations"))
    opinion_signals = share >= 0.28 or (share >= 0.2 and (
        first_person + prescriptive + questions) >= 3)
    section = opinion_section(url)
    if section:
        label = "opinion"
        reasons.insert(0, f"opinion: the outlet publishes it in its opinion section "
                          f"(/{section}/ in its address)")
    elif opinion_signals and attr_rate < 0.2:
        label = "opinion"
        reasons.insert(0, "opinion: much of its own wording is loaded and it attributes little "
                          "to sources")
    elif share >= 0.15 or hedge_rate >= attr_rate + 0.15 or (questions and attr_rate < 0.2):
        label = "analysis"
        reasons.insert(0, "analysis: it interprets and speculates beyond what sources said")
    elif headline_loaded:
        label = "analysis"
        reasons.insert(0, "analysis: its headline passes judgement in the outlet's own words")
    else:
        label = "news report"
        reasons.insert(0, "news report: mostly neutral wording, with statements attributed "
                          "to sources")
    return Tone(label=label, reasons=reasons, loaded_share=round(share, 3), hedges=hedges,
                attributions=attributions, loaded_words=loaded_words,
                loaded_sentences=loaded_ids)


def _counted(n: int, one: str, many: str | None = None) -> str:
    """"1 hedge", "3 hedges"; `many` where the plural is not `one` + "s"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def _top(items: list[str], k: int = 6) -> list[str]:
    """The most frequent evidence words, each once (first seen first on ties), counted
    caselessly and written as first seen with the first word in lower case ("According to"
    as "according to"; "the White House said" keeps its name's capitals)."""
    counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for item in items:
        low = item.lower()
        counts[low] = counts.get(low, 0) + 1
        if low not in spelling:
            first, space, rest = item.partition(" ")
            spelling[low] = first.lower() + space + rest
    order = sorted(counts, key=lambda w: (-counts[w], list(counts).index(w)))
    return [f"{spelling[w]} ×{counts[w]}" if counts[w] > 1 else spelling[w] for w in order[:k]]
