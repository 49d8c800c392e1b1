"""Analyse one article alone: sentences, readability, summary, claims, quotes, tone, and the
features grouping reads of it.

A pure function of the Article, so its result can be cached by the file's content hash and the
analysis version, and mapped over processes or a cluster.
"""
from __future__ import annotations

from .claims import extract_claims, rank_claims
from .grouping_features import article_features
from .model import Article, ArticleAnalysis, Quote, Sentence
from .quotes import extract_quotes
from .readability import measure
from .summary import summarise
from .text import split_sentences, words
from .tone import assess_tone

# Bump when any rule of the per-article analysis changes: cached analyses of an older version
# are then recomputed, never reused.
ANALYSIS_VERSION = "69"  # 2: claims, quotes, tone; 3: stricter claims, quote speakers, summary;
# 4: predicates: participles after "the"/"newly" are no action; arrive/travel/defer/suit folded;
# 5: a sentence repeated word for word counts once; a line ending '."' is no heading; no
# quotation's end (begun in an earlier sentence) in a summary; '?" Trump tweeted.' ends no sentence
# and a possessive ends a name ("China's Xi Jinping" is China and Xi Jinping); 6: a source
# described, not named ("the suit states") is a quote's speaker; more source nouns for claims;
# an organisation's name goes on over "of" / "for" / "&" ("Department of Justice"); a sentence
# with no finite verb (a photo caption) or opening "For example" is a poor summary line; tone
# reads a quotation over several sentences as the speaker's, and conditionals and reported
# prescriptions as no prescription; more speaker rules (asides, "according to", "he"); 7: a
# name holding a common noun or adjective ("Republican Congressional", "Easter Weekend") is no
# person's; a quote's lead-in runs over a scare quote, "but said" shares the subject before, and
# "The president ..., saying" is the president's; tone's reasons count in English ("1 hedge");
# a summary weighs the article's first sentences a little more, and "..., left, and ..." in a
# caption is no verb; 8: a house number ("10 Downing Street") is no quantity; 9: a photo caption
# ending on the article's date is a poor summary line; 10: "it" / "they" in a quote's tag is
# whoever speaks in the sentence before (an organisation, a source described, two people);
# 11: in an article with no date, a sentence ending on a date with only a present verb is a
# caption; 12: a name after a tag's "said that" / "adding that" is not the speaker, and "He ...,
# saying" is whoever "he" is, not a name in between; 13: a later paragraph repeating words the
# article quoted (an embedded tweet) counts once, and a sentence inside a quotation over several
# sentences is no claim; 14: "Mr." / "Mrs." / "Ms." opening a sentence is a title, not an opener,
# and a person in a phrase put in front ("In her meeting with Trump, Merkel said") is not the
# sentence's subject; 15: nor is a possessive after a preposition ("against Mr. Macron's
# entreaties"); 16: a capitalised "May" / "Will" past a sentence's first word is a name or a
# month, no modality cue; a plan cue governing a known action ("will visit") makes a claim; a
# sentence with no finite verb (a photo caption) is no claim; 17: "U.S." / "D.C." / "Inc." before
# "It's", "The", "And" ... ends a sentence; 18: a summary line ending "..., she said" reads worse
# alone; 19: a full name is not the person of the same surname named before ("Boris Johnson"
# after "Woody Johnson"); 20: a quotation in a phrase put in front ("Calling it an “...”, the
# DNC filed ...") is the subject's; 21: a straight quotation runs past a pair nested in it; a
# paragraph closing a quotation it never opened is quoted up to the mark; a tagged two-word
# sentence of speech is a quote; a quote with no speaker shares the next one's tag; 22: '?" Mr.
# Mueller planned to ask' ends no sentence; "Robert S. Mueller III" is a person, "Mr. Mueller";
# 23: a quotation after a colon ending a clause about its subject, naming no one else, is theirs;
# 24: an attribution cue is its verb ("told", not "told Mr"), names keep their capitals; 25: a
# quotation opening a paragraph with no tag is the one's who said something in the paragraph
# before; "a spokeswoman in Washington said": the place is no speaker; 26: "H.R. McMaster" ends
# no sentence (dotted initials end one only before "The", "He", ...); 27: a name after a
# preposition in a tag ('" to President Trump, complaining') is not its speaker; 28: no two
# summary lines say the same; 'what Trump called "..."' is Trump's, whoever speaks after;
# 29: a quotation in the first person of the one spoken to ('told him he was "doing a great
# job and wished me well"') has no speaker; "The Trump campaign ..., arguing" is the campaign
# 30: loaded words in a plain sense ("inspection regime", "failed to", "not clearly") are not
# 31: "on Khan's remarks, when he said" is Khan
# 32: a verb after "to" or "be" is no finite one ("the first to be made by ...": a caption);
# "... reports from West Palm Beach" is a video's caption, no summary line
# 33: a sentence about the page ("A photograph ... shows", "can be seen below") is no claim
# 34: a sentence pointing back at another ("in that country") reads worse alone
# 35: a title field holding the lead ("WASHINGTON — ... .") is the first sentence, not a title
# 36: '" to President Trump, complaining his policies "..."' is not Trump's, before the quote too
# 37: "almost certainly", "the Watergate scandal", a rule or deadline's "must" are not loaded
# 38: a sentence leaving its quotation open for the next one reads worse alone
# 39: "More: ..." / "Related: ..." lines are links to other stories (debris); "Again, ..."
# leans on the sentence before
# 40: a summary weighs sentences using the headline's words a little more
# 41: "the congressman" is the "Rep." named before; "the agency" the agency named last
# 42: a shortened title ends on no "to" / "with" / "the", nor inside a name
# 43: two summary lines say the same when 60% of the shorter's words are the other's (was 80%)
# 44: an article whose address names an opinion section ("/opinion/") is opinion
# 45: the stem folds "country"/"countries", "deny"/"denied"/"denying", "lie"/"lied"/"lying"
# 46: the headline is read for tone: loaded in its own words ("DESPERATION:"), no news report
# 47: the loaded share in the tone reasons is rounded as the tone box rounds it
# 48: a video's blurb ("... Veuer's Nick Cardona has that story.") is debris
# 49: "Mr. Dowd's view that the president should", "how much Trump should" are no advice
# 50: people named together as the ones who speak ("Goodlatte, Gowdy and Nunes noted") are one
# 51: "the chairmen said" after a statement of people quoted together is theirs
# 52: "The prime minister's office confirmed ..., saying" is that office's
# 53: '"...?" reads one question' is asked by whoever the article named as asking the questions
# 54: "told him he was “doing a great job and wished me well”" is the one other person's named
# 55: a quoted question with only its tag ('"...?" goes another.') is no claim
# 56: "almost" / "nearly" a figure is just under it (qualifier "under"), not about it
# 57: a count of people says what befell them ("killed 38 people", "120 injured", "the death
# toll rose to 32": "people killed" / "people injured"), so death tolls compare
# 58: a sentence of 5 or 6 words giving a figure of its own is a claim; a share is the level
# of what its verb links it to ("Turnout in the referendum was 72 percent": "Turnout")
# 59: a whole number between commas after a name is an age ("Robert Mueller, 73, took over")
# 60: wire-copy tags: a source described after its verb ("said a witness"), "police said", a
# company, union, witness, source ...; "Lopez, 45, said"; an aside with a figure's comma
# 61: "According to union leader Maria Lopez, “...”"; "according to a statement from the union"
# 62: a vote's tally ("The Senate passed the bill 52-48") counts the votes for, of that body
# 63: '," the 34-year-old said' / '," said the 34-year-old.' is the person last spoken of
# 64: speeds ("120 mph", "miles per hour", "km/h") and magnitudes ("magnitude 7.1", "7.1-magnitude
# quake") are measures; "near" / "outside" ... and irregular past verbs end a counted noun
# 65: "a 45-year-old man named John Smith", "John Smith, a 45-year-old teacher" give his age
# 66: a short whole sentence of speech goes on with the quotation before it ('"And we're here."');
# '," the agency said, quoting Mr. Kim.' is Kim's; "the adviser said", "chanted"
# 67: a dotted acronym is one content word ("F.B.I." is "fbi"); "sold", "fled", ... are finite
# 68: a sentence opening with a guess ("Mr. Kim could ...") is no claim for a background figure
# 69: a summary line shares the headline's words by their stems (`text.stem`), not 5 letters


# A sentence this long repeating words quoted in an earlier paragraph repeats that quotation
# (see `repeats`); a shorter one may say the same few words by chance.
REPEATED_QUOTE_WORDS = 4


def sentences_of(article: Article) -> list[Sentence]:
    """Body sentences in reading order, numbered s1, s2, ... (headings are not sentences)."""
    out: list[Sentence] = []
    for index, block in enumerate(article.blocks):
        if block.kind != "paragraph":
            continue
        for text in split_sentences(block.text):
            out.append(Sentence(id=f"s{len(out) + 1}", text=text, block=index))
    return out


def repeats(sentences: list[Sentence], quotes: list[Quote] = ()) -> set[str]:
    """Ids of the sentences that repeat an earlier sentence of the article word for word (a
    scraped page often holds its lead twice, as standfirst and as first paragraph), or, in a
    later paragraph and at least REPEATED_QUOTE_WORDS long, words it quoted before: a tweet or
    statement embedded after the paragraph quoting it ('"Mike Pompeo met with Kim Jong Un in
    North Korea last week. ..." he tweeted.', then the tweet: "Mike Pompeo met with Kim Jong Un
    in North Korea last week."), which is someone's words, not the outlet's."""
    seen: set[str] = set()
    out: set[str] = set()
    block_of = {s.id: s.block for s in sentences}
    quoted_by_block: dict[int, list[str]] = {}
    for q in quotes:
        quoted_by_block.setdefault(block_of[q.sentence], []).append(
            " " + " ".join(words(q.text)) + " ")
    quoted_before = ""  # the words quoted in the paragraphs before the current one
    block = None
    for s in sentences:  # split_sentences already folded their whitespace
        if s.block != block:
            quoted_before += "".join(quoted_by_block.get(block, ()))
            block = s.block
        tokens = words(s.text)
        if s.text in seen or (len(tokens) >= REPEATED_QUOTE_WORDS
                              and " " + " ".join(tokens) + " " in quoted_before):
            out.add(s.id)
        seen.add(s.text)
    return out


def first_of_each(quotes: list[Quote]) -> list[Quote]:
    """The quotes in reading order, each quotation's words once (at their first place)."""
    seen: set[str] = set()
    out = []
    for q in quotes:
        if q.text not in seen:
            seen.add(q.text)
            out.append(q)
    return out


def analyse_article(article: Article) -> ArticleAnalysis:
    """The article's analysis. Every sentence stays on its page, but what is said twice counts
    once: a repeated sentence is no second summary line or claim, nor loaded twice, and a
    quotation given twice is one quote. Quotes and claims are found in the whole text, whose
    neighbouring sentences name speakers and continue quotations, and the repeats dropped
    after."""
    sentences = sentences_of(article)
    quotes = extract_quotes(sentences)
    repeated = repeats(sentences, quotes)
    distinct = [s for s in sentences if s.id not in repeated]
    claims = [c for c in extract_claims(sentences, quotes) if c.id not in repeated]
    headline = None if article.title_derived else article.title  # the outlet's own, if any
    return ArticleAnalysis(
        article=article,
        sentences=sentences,
        readability=measure(article.paragraphs, len(sentences)),
        summary=summarise(distinct, article.date, headline),
        key_claims=rank_claims(claims),
        claims=claims,
        quotes=first_of_each(quotes),
        tone=assess_tone(distinct, article.url, headline),
        grouping=article_features(article),
    )
