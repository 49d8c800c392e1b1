from newsprism.claims import extract_claims, predicates
from newsprism.model import Sentence
from newsprism.tone import assess_tone


def sents(*texts):
    return [Sentence(id=f"s{i + 1}", text=t, block=0) for i, t in enumerate(texts)]


def test_claim_kinds_entities_numbers_modality():
    claims = extract_claims(sents(
        "President Joe Biden has authorized Ukraine to use U.S. missiles inside Russia.",
        "Biden’s decision was confirmed by officials, according to Reuters.",
        "Pyongyang is planning to send up to 100,000 soldiers.",
        "Is this the end?",
    ))
    by_id = {c.id: c for c in claims}
    assert "action" in by_id["s1"].kinds and "Joe Biden" in by_id["s1"].entities
    assert "authorize" in by_id["s1"].predicates
    assert "Joe Biden" in by_id["s2"].entities  # possessive folded, surname resolved
    assert "attributed" in by_id["s2"].kinds
    assert by_id["s3"].modality == "plan" and by_id["s3"].numbers[0].unit == "troops"
    assert "s4" not in by_id  # a question asserts nothing


def test_a_question_quoted_with_only_its_tag_is_no_claim():
    """'"What efforts were made to reach out to Mr Flynn ...?" goes another.' asks; it was the
    Mueller event's first shared claim. Where the outlet says more around it (who supplied the
    question), the sentence states that."""
    from newsprism.quotes import extract_quotes
    sentences = sents(
        "Special counsel Ann Reyes has given a list of four dozen questions to the mayor.",
        "“What efforts were made to reach the builder about a pardon?” goes another.",
        "“Who signed the harbour contract in March?” reads one of the questions supplied to "
        "reporters by an official of the council.")
    quotes = extract_quotes(sentences)
    assert [q.speaker for q in quotes] == ["Ann Reyes", "Ann Reyes"]
    assert [c.id for c in extract_claims(sentences, quotes)] == ["s1", "s3"]


def test_predicates_fold_synonyms():
    assert "authorize" in predicates("Biden approved the strikes")
    assert "authorize" in predicates("the White House greenlit the plan")


def test_tone_label_has_reasons_and_evidence():
    tone = assess_tone(sents(
        "This reckless, dangerous gamble is a catastrophic betrayal.",
        "We must stop it now!",
        "Critics argue it is a sinister ploy.",
    ))
    assert tone.label == "opinion"
    assert tone.reasons and "reckless" in tone.loaded_words
    assert "Critics argue" in tone.hedges
    # counts read as English: "1 sentence says", not "1 sentences say"
    assert "1 sentence says what should or must happen" in tone.reasons
    assert "1 hedge (critics argue)" in tone.reasons and "0 attribution cues" in tone.reasons
    news = assess_tone(sents(
        "The ministry said on Monday that 40 people were evacuated.",
        "According to officials, the road reopened at noon.",
        "Police confirmed the figures, the agency reported.",
    ))
    assert news.label == "news report"
    assert "According to" in news.attributions
    # the cue is the verb, not the word after it; a name keeps its capitals
    cues = assess_tone(sents("Mr. Trump told Mr. Dowd he would testify, the White House said.",
                             "Mr. Mueller told Mr. Dowd he was no target."))
    assert "3 attribution cues (told ×2, the White House said)" in cues.reasons


def test_an_article_from_an_opinion_section_is_opinion_whatever_its_wording():
    plain = sents("The ministry said on Monday that 40 people were evacuated.",
                  "According to officials, the road reopened at noon.")
    column = assess_tone(plain, "http://www.foxnews.com/opinion/2018/04/20/beware-kims-talk.html")
    assert column.label == "opinion"
    assert column.reasons[0] == ("opinion: the outlet publishes it in its opinion section "
                                 "(/opinion/ in its address)")
    # the story's own slug and the query name no section; nor does a missing address
    for url in ("https://example.com/politics/opinion-poll-shows-lead.html",
                "https://www.nytimes.com/2018/04/17/world/asia/talks.html?module=first-column",
                "https://example.com/news/opinionated/story", None):
        assert assess_tone(plain, url).label == "news report", url


def test_a_headline_that_judges_in_the_outlets_own_words_is_no_plain_news_report():
    plain = sents("The party filed the lawsuit in federal court in Manhattan on Friday.",
                  "According to officials, the suit seeks millions of dollars in damages.")
    judged = assess_tone(plain, headline="DESPERATION: DNC Files Lawsuit Against Russia")
    assert judged.label == "analysis"
    assert judged.reasons[0] == ("analysis: its headline passes judgement in the outlet's "
                                 "own words")
    assert "its headline uses loaded wording: DESPERATION" in judged.reasons
    assert judged.loaded_words == ["DESPERATION"] and judged.loaded_sentences == []
    # words the headline quotes, in single marks as headlines quote, are the speaker's
    for headline in ("Trump calls Iran deal 'insane'", "Memos ‘clearly’ show no collusion",
                     "DNC Files Lawsuit Against Russia", None):
        tone = assess_tone(plain, headline=headline)
        assert tone.label == "news report" and tone.loaded_words == [], headline


def test_the_loaded_share_reads_the_same_in_the_reasons_as_in_the_tone_box():
    """3 of 66 is 4.5%: the reasons and the box (`loaded_share * 100`, rounded) say one figure."""
    tone = assess_tone(sents(*["The council met on Monday."] * 63
                             + ["The reckless plan failed badly, officials said."] * 3))
    assert tone.loaded_share == 0.045
    shown = round(tone.loaded_share * 100)  # as the template's `|round|int`
    assert f"3 of 66 sentences ({shown}%) use loaded or opinionated wording" in tone.reasons[1]


def test_quoted_words_do_not_count_as_the_outlets_tone():
    tone = assess_tone(sents("“This is a reckless disaster,” the minister said on Monday."))
    assert tone.loaded_words == []


def test_a_quotation_over_several_sentences_or_paragraphs_is_not_the_outlets_tone():
    from newsprism.text import split_sentences
    paragraphs = ['"This is a total Witch Hunt. It is a terrible deal that should never have '
                  'been made," Trump said on Monday.',
                  '"The deal is a disaster. It is insane and ridiculous.',
                  'We must end it now and we should do it today," he added.']
    sentences = []
    for b, p in enumerate(paragraphs):
        for t in split_sentences(p):
            sentences.append(Sentence(f"s{len(sentences) + 1}", t, b))
    tone = assess_tone(sentences)
    assert tone.loaded_words == [] and tone.loaded_sentences == []


def test_conditionals_modals_and_reported_prescriptions_are_not_the_outlets():
    from newsprism.tone import find_prescription
    for text in ("Protesters will gather should he visit London in July.",
                 "The lawsuit, should it go forward, may keep the issue alive.",
                 "The plan depends on what happens should Iran restart its program.",
                 "Officials later said that it should have said 'had' instead.",
                 "Exporters would have to agree to quotas instead of tariffs.",
                 "His lawyer argued that he did not need to sit for an interview.",
                 "It told trading partners they must make concessions.",
                 "The deal is flawed and should be thrown out, Netanyahu said Monday.",
                 # a rule or a deadline the outlet reports, not its advice
                 "Under the legislation passed by Congress, Trump must certify every 90 days "
                 "whether Iran is in compliance.",
                 "To qualify for asylum, applicants must prove they have been persecuted.",
                 "Trump must decide next month whether to restore sanctions on Iran.",
                 # a view or a question the sentence reports
                 "The questions cemented Mr. Dowd's view that the president should not sit "
                 "for an interview.",
                 "They appear to have been divided on how much Trump should cooperate.",
                 "He tests whether he sees them as investigators or people who should "
                 "loyally protect him."):
        assert find_prescription(text) is None, text
    for text in ("The administration must move past the announcement.",
                 "Any agreement should be contingent on inspections.",
                 "The allies need to act before the summit.",
                 "This is how it works, and Europe should act now."):
        assert find_prescription(text), text


# --- conflicts: synthetic two- and three-outlet events --------------------------------------

def _event(*articles):
    """Compare tiny articles, one list of sentences (one paragraph) each."""
    from newsprism.analyse import analyse_article
    from newsprism.compare import compare_event
    from newsprism.model import Event
    from newsprism.parse import parse_article
    analyses = []
    for k, texts in enumerate(articles):
        raw = f"Source: Outlet {k}\n\nHeadline number {k}\n\n" + " ".join(texts) + "\n"
        analyses.append(analyse_article(parse_article(raw.encode(), f"a{k}.txt")))
    event = Event(slug="e", title="e", article_ids=[a.article.id for a in analyses])
    return compare_event(event, analyses)


def test_a_describing_word_does_not_split_a_subject():
    cmp = _event(["The minister said the archive held 55,000 files about the secret programme."],
                 ["The minister said 100,000 secret files about the programme were taken."])
    assert [(c.unit, sorted(v.value for v in c.values)) for c in cmp.conflicts] == [
        ("files", [55000, 100000])]


def test_a_sentence_giving_one_side_of_a_conflict_is_not_only_its_outlets():
    cmp = _event(["The minister said the archive held 55,000 files about the secret programme.",
                  "Fisherman Tom Reyes said the harbour ferry was his only income."],
                 ["The minister said 100,000 secret files about the programme were taken."])
    assert [sorted(v.value for v in c.values) for c in cmp.conflicts] == [[55000, 100000]]
    groups = {g.id: g.text for g in cmp.claim_groups}
    assert {a: [groups[g] for g in ids] for a, ids in cmp.unique.items()} == {
        "a0": ["Fisherman Tom Reyes said the harbour ferry was his only income."], "a1": []}


def test_proper_and_classifying_adjectives_keep_subjects_apart():
    cmp = _event(["Officials said 3,000 Egyptian troops were sent to the border region."],
                 ["Officials said 5,000 troops were sent to the border region."],
                 ["Officials said 9,000 Egyptian and Sudanese troops were sent to the border."])
    assert cmp.conflicts == []
    cmp = _event(["The army tested three ballistic missiles at the coastal range this spring."],
                 ["The army tested 23 missiles at the coastal range this spring."])
    assert cmp.conflicts == []


def test_count_changing_words_are_not_descriptions():
    cmp = _event(["The ministry said 2,000 additional troops were deployed to the border."],
                 ["The ministry said 12,000 troops were deployed to the border."])
    assert cmp.conflicts == []


def test_counts_over_different_years_do_not_conflict():
    cmp = _event(["The agency counted 16 missile tests in 2017 across the peninsula region."],
                 ["The agency counted 6 missile tests in 2016 across the peninsula region."])
    assert cmp.conflicts == []
    cmp = _event(["The agency counted 16 missile tests in 2017 across the peninsula region."],
                 ["The agency counted 20 missile tests in 2017 across the peninsula region."])
    assert len(cmp.conflicts) == 1


def test_a_lower_bound_conflicts_only_with_a_value_below_it():
    """NYT's "More than 150 migrants" was shown against USA Today's "about 200 migrants"; a
    lower bound holds every value above it. The 150 it agrees with and the 200 it agrees with
    still disagree, and the conflict shows only those two."""
    more = "Border officials said more than 150 migrants reached the crossing on Sunday."
    about = "Border officials said about 200 migrants reached the crossing on Sunday."
    exact = "Border officials said 150 migrants reached the crossing on Sunday."
    assert _event([more], [about]).conflicts == []
    assert [sorted(v.value for v in c.values) for c in _event([more], [about], [exact]).conflicts
            ] == [[150, 200]]
    fewer = "Border officials said more than 250 migrants reached the crossing on Sunday."
    assert len(_event([fewer], [about]).conflicts) == 1


def test_almost_a_figure_conflicts_with_at_least_that_figure():
    """NYT: "at least four dozen questions"; USA Today: "almost four dozen questions". The
    same base figure, but one is 48 or more and the other fewer than 48."""
    least = "Mueller has at least four dozen questions he wants to ask President Trump."
    almost = "Mueller has given a list of almost four dozen questions to President Trump."
    [conflict] = _event([least], [almost]).conflicts
    assert sorted(v.qualifier for v in conflict.values) == ["lower", "under"]
    # just under a figure agrees with that figure, with one near it and with a lower bound below
    for other in ("Mueller has four dozen questions he wants to ask President Trump.",
                  "Mueller has about 45 questions he wants to ask President Trump.",
                  "Mueller has more than 40 questions he wants to ask President Trump."):
        assert _event([other], [almost]).conflicts == [], other
    assert len(_event(["Mueller has more than 50 questions he wants to ask President Trump."],
                      [almost]).conflicts) == 1


def test_death_tolls_conflict_and_other_counts_of_people_do_not():
    """Two outlets' death tolls for one earthquake are one figure told two ways; "30 people"
    with no fate said is some crowd, not comparable."""
    [conflict] = _event(["The earthquake in the province killed at least 30 people."],
                        ["The earthquake in the province has left 25 people dead."]).conflicts
    assert sorted(v.value for v in conflict.values) == [25, 30]
    assert "killed" in conflict.subject
    # the dead and the injured are not one count; nor is a crowd with no fate
    assert _event(["The earthquake in the province killed at least 30 people."],
                  ["The earthquake in the province injured 25 people."]).conflicts == []
    assert _event(["The earthquake in the province killed at least 30 people."],
                  ["After the earthquake in the province, 25 people gathered."]).conflicts == []
    # a toll given as one agrees with the same number of dead
    assert _event(["The death toll from the earthquake in the province rose to 30."],
                  ["The earthquake in the province killed 30 people."]).conflicts == []
    assert len(_event(["The death toll from the earthquake in the province rose to 30."],
                      ["The earthquake in the province killed 41 people."]).conflicts) == 1


def test_two_magnitudes_of_one_quake_conflict_and_an_aftershock_is_another_thing():
    [conflict] = _event(["A magnitude 7.1 earthquake struck the coast of the province early on "
                         "Monday."],
                        ["A 6.8-magnitude quake struck the coast of the province on Monday."]
                        ).conflicts
    assert [v.text for v in conflict.values] == ["magnitude 7.1", "6.8-magnitude"]
    assert _event(["A magnitude 7.1 earthquake struck the coast of the province on Monday."],
                  ["A magnitude 5.2 aftershock struck the coast of the province on Monday."]
                  ).conflicts == []


def test_two_wind_speeds_of_one_storm_conflict():
    [conflict] = _event(["The hurricane made landfall near Tampa with winds of 120 mph."],
                        ["The hurricane made landfall near Tampa, where winds reached 140 miles "
                         "per hour."]).conflicts
    assert (conflict.unit, sorted(v.value for v in conflict.values)) == ("mph", [120, 140])


def test_shares_of_one_thing_conflict_in_the_same_month_only():
    march = "Unemployment in the country rose to 4.1% in March, the agency said."
    other = "Unemployment in the country rose to 4.3 percent in March, the agency said."
    april = "Unemployment in the country rose to 4.3 percent in April, the agency said."
    [conflict] = _event([march], [other]).conflicts
    assert conflict.subject == "Unemployment"
    assert _event([march], [april]).conflicts == []
    # Theresa May is no month
    assert len(_event(["Theresa May said unemployment in the country rose to 4.1%."],
                      [other]).conflicts) == 1


def test_two_ages_given_one_person_conflict():
    [conflict] = _event(["The suspect, John Smith, 45, was arrested by police on Monday."],
                        ["Police arrested the suspect, John Smith, 47, at his home on Monday."]
                        ).conflicts
    assert (conflict.subject, sorted(v.value for v in conflict.values)) == ("John Smith",
                                                                            [45, 47])
    assert _event(["The suspect, John Smith, 45, was arrested by police on Monday."],
                  ["Police arrested a neighbour, Mary Jones, 47, at her home on Monday."]
                  ).conflicts == []
    # "a 47-year-old man named John Smith" gives John Smith's age too; a man unnamed does not
    [conflict] = _event(["The suspect, John Smith, 45, was arrested by police on Monday."],
                        ["Police arrested a 47-year-old man named John Smith on Monday."]
                        ).conflicts
    assert [v.text for v in conflict.values] == ["45", "47-year-old"]
    assert _event(["The suspect, John Smith, 45, was arrested by police on Monday."],
                  ["Police arrested a 47-year-old man at his home on Monday."]).conflicts == []


def test_amounts_of_different_orders_conflict_and_an_amount_never_meets_a_figure():
    """Police's "hundreds of protesters" against organisers' "thousands": a crowd's size in
    dispute. "Thousands" against "12,000" is no dispute, nor "hundreds" against "dozens"."""
    hundreds = "Police said hundreds of protesters marched through central Paris on Saturday."
    [conflict] = _event([hundreds], ["Organisers said thousands of protesters marched through "
                                     "central Paris on Saturday."]).conflicts
    assert [v.text for v in conflict.values] == ["hundreds of protesters",
                                                 "thousands of protesters"]
    assert _event(["Thousands of protesters marched through central Paris on Saturday."],
                  ["Some 12,000 protesters marched through central Paris on Saturday."]
                  ).conflicts == []
    assert _event([hundreds], ["Dozens of protesters marched through central Paris on "
                               "Saturday, police said."]).conflicts == []


def test_two_tallies_of_one_vote_conflict_and_two_chambers_do_not():
    senate = "The Senate passed the spending bill 52-48 on Tuesday after a long debate."
    [conflict] = _event([senate], ["The Senate passed the spending bill 51-49 on Tuesday, "
                                   "after a long debate."]).conflicts
    assert [v.text for v in conflict.values] == ["52-48", "51-49"]
    assert _event([senate], ["The House passed the spending bill 220-207 on Tuesday after a "
                             "long debate."]).conflicts == []


def test_a_short_sentence_with_a_figure_is_a_claim():
    """"Police in Paris arrested 150 protesters." has six words and a checkable figure."""
    [conflict] = _event(["Police said 200 protesters were arrested in Paris."],
                        ["Police in Paris arrested 150 protesters."]).conflicts
    assert sorted(v.value for v in conflict.values) == [150, 200]


def test_an_outlet_giving_the_others_figure_elsewhere_is_no_side_of_a_conflict():
    """HuffPost's "The 150 migrants ... spent the night" was shown against USA Today's "about
    200 migrants", though HuffPost also writes "Between 150 and 200 Central American migrants
    plan to present asylum claims": its 150 counts a part, not a different whole."""
    about = "Border officials said about 200 migrants reached the crossing on Sunday."
    part = "Border officials said 150 migrants reached the crossing on Sunday."
    whole = ("Between 150 and 200 Central American migrants plan to present asylum claims at "
             "the crossing, organizers said.")
    assert len(_event([part], [about]).conflicts) == 1
    assert _event([part, whole], [about]).conflicts == []
    # a figure that agrees with neither changes nothing
    other = "Organizers said 400 Central American migrants plan to reach the crossing."
    assert len(_event([part, other], [about]).conflicts) == 1


def test_generic_counts_need_a_subject():
    cmp = _event(["Near the harbour about 100 people marched with banners on Sunday."],
                 ["Near the harbour roughly 400 people waited in shelters on Sunday."])
    assert cmp.conflicts == []


# --- what is a claim ------------------------------------------------------------------------

def _claim_ids(*texts):
    from newsprism.quotes import extract_quotes
    sentences = sents(*texts)
    return [c.id for c in extract_claims(sentences, extract_quotes(sentences))]


def test_a_guess_is_no_claim_for_a_figure_in_its_background_clause():
    """"Mr. Kim could also be trying to drive a wedge ..., since President Moon has put great
    emphasis on ending more than six decades of conflict": the six decades are background,
    not a fact the guess reports; a figure in the clause that states it still makes a claim."""
    assert _claim_ids(
        "Mr. Kim could also be trying to drive a wedge between the allies, since President Moon "
        "has put great emphasis on ending more than six decades of conflict.",
        "President Moon has put great emphasis on ending more than six decades of conflict.",
    ) == ["s2"]


def test_speculation_opinion_and_fragments_are_not_claims():
    ids = _claim_ids(
        "Governor Ann Lee signed the water bill on Tuesday after a long session.",  # action
        "The decision could provoke a sharp response from the neighbouring states.",  # hedge
        "This reckless, shameful gamble is a disaster for everyone involved here.",  # opinion
        "Lawmakers should reject the plan before it is far too late for them.",      # opinion
        "Then came the vote.",                                                       # fragment
        "Is this the end of the long road for the governor and his party?",          # question
        "It may well be the most important choice the state has made in decades.",  # hedge
    )
    assert ids == ["s1"]


def test_attribution_numbers_and_actions_are_claims():
    ids = _claim_ids(
        "The storm may have destroyed 1,200 homes along the coast, officials said.",
        "Governor Ann Lee said the state could ask for federal help within days.",
        "Police arrested 14 people near the harbour on Sunday night after the riot.",
        "Mayor Tom Hart announced the closure of three schools in the district.",
    )
    assert ids == ["s1", "s2", "s3", "s4"]


def test_a_sentence_that_only_continues_a_quote_is_not_a_claim():
    ids = _claim_ids(
        "“We will rebuild every house on this coast,” Governor Ann Lee said on Monday.",
        "“The work starts tomorrow and it will not stop until the job is done.”",
    )
    assert ids == ["s1"]


def test_a_sentence_inside_a_quotation_over_several_sentences_is_not_a_claim():
    # one paragraph: the middle sentence has no quotation mark, but its words are the
    # party's; the quotation's first sentence, whose speaker the tag names, is theirs too
    ids = _claim_ids(
        "“Governor Ann Lee signed the water bill on Tuesday.",
        "Lawmakers approved 14 new dams for the coast in March.",
        "We will rebuild every house on this coast,” the party said in a statement.",
        "Mayor Tom Hart announced the closure of three schools in the district.",
    )
    assert ids == ["s1", "s3", "s4"]


def test_a_pronoun_attribution_is_attributed():
    claims = extract_claims(sents(
        "Governor Ann Lee visited the flooded coast on Monday morning with aides.",
        "She said the state would seek federal money to rebuild the harbour walls.",
    ))
    assert "attributed" in {c.id: c for c in claims}["s2"].kinds


def test_every_attribution_verb_attributes_after_a_pronoun_too():
    # One list of attribution verbs: "He estimated ..." counts as "Mayor Hart estimated ...".
    claims = extract_claims(sents(
        "Governor Ann Lee visited the flooded coast on Monday morning with aides.",
        "She estimated the state would need 40 million dollars to rebuild the harbour walls.",
        "Mayor Tom Hart estimated the city would need 12 million dollars for the schools.",
    ))
    by_id = {c.id: c for c in claims}
    assert "attributed" in by_id["s2"].kinds and "attributed" in by_id["s3"].kinds


def test_years_ago_are_points_in_time_not_conflicting_lengths():
    cmp = _event(["Governor Ann Lee first visited the border region three years ago."],
                 ["Governor Ann Lee first visited the border region 15 years ago."])
    assert cmp.conflicts == []


# --- claim groups ---------------------------------------------------------------------------

def _ref(article, text, entities=None, preds=None, modality="fact", sid="s1"):
    """A claim as claims.py would give it: entities, predicates and numbers from the text
    unless given."""
    from newsprism.claims import predicates
    from newsprism.compare import _ClaimRef
    from newsprism.model import Claim
    from newsprism.numbers import find_numbers
    return _ClaimRef(article, 0, Claim(
        id=sid, text=text, kinds=["action"], entities=entities or [],
        numbers=find_numbers(text), predicates=predicates(text) if preds is None else preds,
        modality=modality), 0)


def _weights(*refs):
    from newsprism.compare import event_weights
    return event_weights(list(refs))


def test_claims_sharing_only_the_events_words_are_not_one_claim():
    from newsprism.compare import _same_claim
    a = _ref("a", "Governor Ann Lee visited the flooded harbour district on Monday morning.",
             ["Ann Lee"], ["visit"], sid="s9")
    b = _ref("b", "Governor Ann Lee visited flooded farms and a shelter near the river.",
             ["Ann Lee"], ["visit"], sid="s9")
    filler = [_ref(x, f"Governor Ann Lee visited flooded {w} today.", ["Ann Lee"], ["visit"])
              for x, w in (("c", "schools"), ("d", "roads"), ("e", "homes"))]
    weight = _weights(a, b, *filler)
    assert weight["lee"] < weight["harbour"]  # the event's own words weigh less
    assert _same_claim(a, b, weight) == 0.0
    c = _ref("c", "Governor Ann Lee visited the flooded harbour district and its shelters.",
             ["Ann Lee"], ["visit"], sid="s9")
    assert _same_claim(a, c, _weights(a, b, c, *filler[1:])) > 0


def test_different_actions_or_modalities_are_not_one_claim():
    from newsprism.compare import _same_claim
    a = _ref("a", "Governor Ann Lee approved the harbour budget on Monday.", ["Ann Lee"],
             ["authorize"])
    b = _ref("b", "Governor Ann Lee rejected the harbour budget on Monday.", ["Ann Lee"],
             ["reject"])
    assert _same_claim(a, b) == 0.0
    c = _ref("c", "Governor Ann Lee approved the harbour budget on Monday.", ["Ann Lee"],
             ["authorize"], modality="possibility")
    assert _same_claim(a, c) == 0.0


def test_denied_actions():
    from newsprism.claims import denied_actions
    assert denied_actions("Comey claims FBI does not leak in redacted memos.") == {"leak"}
    assert denied_actions("Lee was never arrested, and she didn't resign.") == {"arrest", "resign"}
    assert denied_actions("Lee did not immediately sign the bill.") == {"agree"}
    assert denied_actions('Lee said: "We will not sign it."') == frozenset()  # a quotation's
    # "not" that reaches no action within three words denies none
    assert denied_actions("Not all of the memos were released on Thursday.") == frozenset()
    assert denied_actions("Lee signed the bill, not the budget, on Monday.") == frozenset()


def test_a_claim_denying_what_another_reports_is_not_the_same_claim():
    from newsprism.compare import _same_claim
    a = _ref("a", "Trump asserted that the memos proved that Comey leaked classified information.",
             ["Trump", "James Comey"], sid="s2")
    b = _ref("b", "Comey claims the FBI does not leak in the redacted memos.", ["Comey", "FBI"],
             sid="s2")
    c = _ref("c", "Comey's critics accused him of leaking classified information in the memos.",
             ["James Comey"], sid="s2")
    weight = _weights(a, b, c)
    assert _same_claim(a, c, weight) > 0
    assert _same_claim(a, b, weight) == 0.0 and _same_claim(b, c, weight) == 0.0
    # saying is no action to deny: "did not comment, then confirmed" frames one fact
    d = _ref("d", "The White House did not comment, but Trump confirmed the meeting in a tweet "
             "on Wednesday.", ["White House", "Trump"])
    e = _ref("e", "Trump confirmed the meeting with Kim in a tweet on Wednesday morning.",
             ["Trump", "Kim"])
    assert _same_claim(d, e, _weights(d, e)) > 0


def test_a_paraphrase_with_synonym_actions_is_one_claim():
    from newsprism.compare import _same_claim
    a = _ref("a", "Hundreds of migrants in the caravan reached the border at Tijuana on Sunday.",
             ["Tijuana"])
    b = _ref("b", "The migrant caravan arrived at the border near Tijuana on Sunday morning.",
             ["Tijuana"])
    assert {"arrive"} <= set(a.preds) & set(b.preds)
    assert _same_claim(a, b, _weights(a, b)) > 0
    c = _ref("c", "The White House delayed the steel tariffs on Canada and Mexico for 30 days.",
             ["White House", "Canada", "Mexico"])
    d = _ref("d", "The White House postponed its steel tariffs on Canada and Mexico by 30 days.",
             ["White House", "Canada", "Mexico"])
    assert _same_claim(c, d, _weights(c, d)) > 0


def test_different_numbers_actors_or_plan_and_fact_stay_apart():
    from newsprism.compare import _same_claim
    a = _ref("a", "The White House delayed the steel tariffs on Canada and Mexico for 30 days.",
             ["White House", "Canada", "Mexico"])
    b = _ref("b", "The White House delayed the steel tariffs on Canada and Mexico for 90 days.",
             ["White House", "Canada", "Mexico"])
    assert _same_claim(a, b, _weights(a, b)) == 0.0  # numbers disagree
    c = _ref("c", "Kim Jong Un will meet Moon Jae-in at the summit in the border village.",
             ["Kim Jong Un", "Moon Jae-in"], modality="plan")
    d = _ref("d", "Kim Jong Un will meet Donald Trump at the summit in the border village.",
             ["Kim Jong Un", "Donald Trump"], modality="plan")
    assert _same_claim(c, d, _weights(c, d)) == 0.0  # each names someone the other does not
    e = _ref("e", "Emmanuel Macron warned Iran against restarting its nuclear programme.",
             ["Emmanuel Macron", "Iran"])
    f = _ref("f", "Donald Trump warned Iran against restarting its nuclear programme.",
             ["Donald Trump", "Iran"])
    assert _same_claim(e, f, _weights(e, f)) == 0.0  # different actors
    g = _ref("g", "Donald Trump will visit the United Kingdom on July 13, officials said.",
             ["Donald Trump", "United Kingdom"], modality="plan")
    h = _ref("h", "Donald Trump visited the United Kingdom on July 13, officials said.",
             ["Donald Trump", "United Kingdom"])
    assert _same_claim(g, h, _weights(g, h)) == 0.0  # a plan is not a fact
    quoted = _ref("q", '"The President will visit the UK on 13 July," a spokesman said.',
                  ["UK"])
    assert quoted.modality == "plan"  # a quoted statement's own modality counts


def test_acronyms_and_spacing_name_the_same_thing():
    from newsprism.compare import same_name
    assert same_name("uk", "united kingdom") and same_name("us president", "united states")
    assert same_name("kim jongun", "kim jong un")
    assert not same_name("uk", "united states")
    # one last word names one person ("joe biden" / "biden"), not one place
    assert same_name("joe biden", "biden") and same_name("north korea", "north korean")
    assert not same_name("north korea", "south korea")


def test_a_dateline_is_a_place_and_a_dash_not_a_hyphenated_word():
    from newsprism.compare import _actor_of
    text = ("President Donald Trump says conversations between North and South Korea to end "
            "their decades-long war have his blessing.")
    assert _actor_of(text, ("Donald Trump", "North", "South Korea")) == "donald trump"
    assert _actor_of("WASHINGTON (Reuters) - Joe Biden signed the bill on Friday.",
                     ("WASHINGTON", "Joe Biden")) == "joe biden"
    assert _actor_of("WEST PALM BEACH, Fla. — President Trump dispatched his envoy.",
                     ("WEST PALM BEACH", "Fla.", "Trump")) == "trump"


def test_a_titled_surname_is_a_person_the_other_claim_leaves_out():
    from newsprism.compare import _same_claim
    a = _ref("a", "Kim is also in negotiations to meet with President Trump next month.",
             ["Kim Jong Un", "Trump"])
    b = _ref("b", "Now Kim is scheduled to meet with South Korean President Moon Jae-in next "
             "month.", ["Kim Jong Un", "Moon Jae-in"])
    assert _same_claim(a, b, _weights(a, b)) == 0.0
    c = _ref("c", "Kim is scheduled to meet with President Trump in a month, officials said.",
             ["Kim Jong Un", "Trump"])
    assert _same_claim(a, c, _weights(a, c)) > 0


def test_groups_do_not_chain_and_hold_one_sentence_per_article():
    from newsprism.compare import _group_claims, folded_weights
    core = [_ref(x, "Governor Ann Lee approved the harbour flood budget of $40 million on "
                    "Monday.", ["Ann Lee"], sid="s1") for x in "abc"]
    # close to the core's wording at one end, far from it at the other: never one group
    drift = _ref("d", "Governor Ann Lee approved the harbour flood budget and the new ferry "
                      "timetable for the island route.", ["Ann Lee"], sid="s30")
    far = _ref("e", "Governor Ann Lee approved the new ferry timetable for the island route "
                    "and its winter fares.", ["Ann Lee"], sid="s30")
    twice = _ref("a", "Governor Ann Lee approved the harbour flood budget on Monday.",
                 ["Ann Lee"], sid="s2")
    refs = core + [drift, far, twice]
    groups = _group_claims(refs, folded_weights(refs))
    assert any(set(core) <= set(g) for g in groups)
    assert all(len({r.article for r in g}) == len(g) for g in groups)
    assert not any(core[0] in g and far in g for g in groups)


def test_one_statement_quoted_by_two_outlets_is_one_claim_whoever_they_credit():
    from newsprism.compare import _needed_similarity, _same_claim, _similarity
    # seen on NewsWCL50: one agency statement, credited to its commissioner by one outlet and
    # to a field office director by another
    a = _ref("a", '"Depending on port circumstances at the time of arrival, individuals may '
                  'need to wait in Mexico as CBP officers work to process those already within '
                  'our facilities," said San Diego Field Office Director Pete Flores.',
             ["Mexico", "CBP", "Pete Flores", "San Diego"], modality="possibility")
    b = _ref("b", '"Depending upon port circumstances at the time of arrival, those individuals '
                  'may need to wait in Mexico as CBP officers work to process those already '
                  'within our facilities," CBP Commissioner Kevin McAleenan said in a statement.',
             ["Mexico", "CBP", "Kevin McAleenan"], modality="possibility")
    assert _same_claim(a, b, _weights(a, b)) > 0
    # a few quoted words alike are not one statement: two people saying the same thing
    c = _ref("c", 'Governor Ann Lee said the Riverside bridge "will be open to traffic by the '
                  'end of May" after the vote.', ["Ann Lee", "Riverside"], modality="plan")
    d = _ref("d", 'Mayor Tom Reyes said the Riverside bridge "will be open to traffic by the '
                  'end of May" after the vote.', ["Tom Reyes", "Riverside"], modality="plan")
    weights = _weights(c, d)
    assert _similarity(c, d, weights) >= _needed_similarity(c, d)  # worded alike enough
    assert _same_claim(c, d, weights) == 0.0


def test_a_group_is_shown_by_the_sentence_that_reads_best_alone():
    from newsprism.compare import _shown_first
    he = _ref("a", "He also stood by his criticism of the nuclear pact as President Emmanuel "
                   "Macron lobbied him to preserve it.", ["Emmanuel Macron"])
    tail = _ref("b", "they're going to have big problems with the nuclear pact,” Trump said as "
                     "Emmanuel Macron listened.", ["Emmanuel Macron", "Trump"])
    named = _ref("c", "Receiving President Emmanuel Macron, Trump repeated his criticism of the "
                      "nuclear pact.", ["Emmanuel Macron", "Trump"])
    also = _ref("d", "Trump criticised the nuclear pact again as Emmanuel Macron visited.",
                ["Emmanuel Macron", "Trump"])
    w = _weights(he, tail, named, also)
    assert _shown_first([he, tail, named, also], w)[0] in (named, also)
    assert _shown_first([tail, he], w) == [he, tail]  # "He ..." still reads better than a quote's end


def test_a_group_is_shown_by_its_most_typical_and_least_loaded_sentence():
    """Of sentences that read as well alone, the one that says most of what the others say,
    in the fewest loaded words, stands for the group."""
    from newsprism.compare import _shown_first
    kim = ["Kim Jong Un"]
    plain = _ref("a", "North Korean leader Kim Jong Un announced he will suspend nuclear and "
                      "missile tests and close a nuclear test site.", kim)
    loaded = _ref("b", "North Korean dictator Kim Jong Un announced he will suspend nuclear and "
                       "missile tests and close a nuclear test site.", kim)
    third = _ref("c", "Kim Jong Un said North Korea will suspend nuclear and missile tests.", kim)
    w = _weights(plain, loaded, third)
    assert _shown_first([loaded, plain, third], w)[0] is plain
    aside = _ref("d", "Aides said Trump has not spoken with Kim; the Post reported that Mike "
                      "Pompeo made a secret visit to Pyongyang.", ["Trump", "Kim", "Mike Pompeo"])
    met = _ref("e", "Mike Pompeo met with North Korean leader Kim Jong Un in Pyongyang over "
                    "Easter weekend.", ["Mike Pompeo", "Kim Jong Un"])
    trip = _ref("f", "Mike Pompeo made a secret trip to meet Kim Jong Un in Pyongyang over "
                     "Easter.", ["Mike Pompeo", "Kim Jong Un"])
    w = _weights(aside, met, trip)
    assert _shown_first([aside, met, trip], w)[0] is not aside


def test_a_group_is_shown_in_an_outlets_own_voice_not_passing_on_anothers_report():
    from newsprism.compare import _shown_first
    dnc = ["Democratic National Committee"]
    relayed = _ref("a", "The Democratic National Committee alleges that the campaign conspired "
                        "with Russia to hurt the party, according to the Post.", dnc)
    own = _ref("b", "In its lawsuit, the Democratic National Committee said that the campaign "
                    "conspired with Russia to hurt the party.", dnc)
    w = _weights(relayed, own)
    assert _shown_first([relayed, own], w)[0] is own
    from newsprism.compare import _SECOND_HAND
    for text in ("The New York Times reported that Mueller has four dozen questions.",
                 "Pompeo met Kim over Easter weekend, according to media reports Tuesday.",
                 "The memos were released, The Washington Post first reported."):
        assert _SECOND_HAND.search(text), text
    for text in ("The agency said so, according to the Korean Central News Agency.",
                 "Trump met Abe on Tuesday, according to Israeli officials."):
        assert not _SECOND_HAND.search(text), text


def test_a_suffix_is_no_part_of_a_name():
    from newsprism.compare import name_signature, same_name
    assert same_name("roger stone", "roger j stone jr")
    assert name_signature("roger stone") & name_signature("roger j stone jr")
    assert not same_name("roger stone", "roger moore jr")


def _outlets_compared(tmp_path, texts, titles=None):
    """Write each outlet's sentences as an article (headed "Story a" ... unless `titles` gives
    its headline) and compare them as one event: the analyses by outlet letter, the
    comparison and its groups by id."""
    from conftest import compare_files
    paths = []
    for name, sentences in texts.items():
        p = tmp_path / f"{name}.txt"
        title = (titles or {}).get(name, f"Story {name}")
        p.write_text(f"Title: {title}\nSource: Outlet {name.upper()}\n\n"
                     + "\n\n".join(sentences) + "\n", encoding="utf-8")
        paths.append(p)
    analyses, c = compare_files(paths)
    by_outlet = {a.article.outlet[-1].lower(): a.article.id for a in analyses}
    return by_outlet, c, {g.id: g for g in c.claim_groups}


def test_a_second_sentence_of_a_shared_claim_is_not_what_only_its_outlet_reports(tmp_path):
    lead = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    texts = {
        "a": [lead, "The island ferry will run 12 sailings a day from June, Mayor Jo Park "
                    "said.",
              "Governor Ann Lee approved the harbour flood budget of $40 million after a long "
              "debate on Monday, her office said."],
        "b": [lead, "The council meets again in the spring to look at the school roofs."],
        "c": [lead, "Opposition leader Tom Reyes called the vote rushed and promised an appeal "
                    "to the courts."]}
    ids, c, groups = _outlets_compared(tmp_path, texts)
    shared = [g for g in c.claim_groups if len(g.articles) == 3]
    assert len(shared) == 1
    unique_a = [groups[i].text for i in c.unique[ids["a"]]]
    assert unique_a == [texts["a"][1]]  # the budget again is no claim only Outlet A reports


def test_only_a_name_or_figure_no_other_outlet_mentions_makes_a_claim_an_outlets_alone(tmp_path):
    """Fox's "Kim's offer for a summit was initially conveyed to Trump by South Korea last
    month" was listed as only Fox's; The New York Times says it in other words ("last month,
    when Mr. Trump unexpectedly accepted Mr. Kim's invitation"). A claim is said to be its
    outlet's alone only when it names someone, or gives a figure in digits, that no other
    outlet's article mentions anywhere, or quotes someone. One with neither is not listed,
    even when no other outlet says it: the list says less rather than something wrong."""
    lead = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    texts = {
        "a": [lead, "The ferry will carry 340 cars a day across the harbour to the island.",
              "Builder Sam Reyes signed the sea wall contract on Friday."],
        "b": [lead, '"The ferry will open in June and run every hour of the day," Governor Ann '
                    "Lee said."],
        "c": [lead, "The harbour ferry will be the first new one in forty years, officials "
                    "said."]}
    ids, c, groups = _outlets_compared(tmp_path, texts)
    unique = {k: sorted(groups[i].text for i in c.unique[ids[k]]) for k in ids}
    assert unique == {"a": sorted(texts["a"][1:]), "b": [texts["b"][1]], "c": []}


def test_two_outlets_quoting_the_same_short_words_report_one_statement(tmp_path):
    """Fox's "... holding direct talks at "extremely high levels"" and The New York Times' "...
    in direct talks ... at "extremely high levels,"" word the rest otherwise: neither is only
    its outlet's; nor "insane" and "ridiculous" given as the governor's in other words. One
    word quoted alike ("frivolous"), or fewer than half the words a claim quotes, is not
    enough: a phrase anyone may use."""
    lead = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    texts = {
        "a": [lead,
              "The ferry deal came to light hours after Lee told reporters that the city and "
              'the union are holding direct talks at "extremely high levels."',
              'Lee again assailed the old harbour lease as "insane" and "ridiculous."',
              'Mayor Jo Park rejected the harbour audit as "frivolous" on Tuesday evening.',
              'Park announced that the fishing fleet would get "a wholly new berth on the north '
              'quay" and "good news" soon.'],
        "b": [lead,
              "Lee hinted at the ferry mission on Tuesday, saying that negotiations with "
              'dockworkers were going on at "extremely high levels," and that five sites were '
              "being looked at.",
              'The governor made no promise to keep the harbour lease she described as '
              '"insane" and "ridiculous."',
              'The teachers\' union rejected the school survey, calling it "frivolous" and late.',
              'The port authority welcomed the "good news" for the town on Friday.'],
    }
    ids, c, groups = _outlets_compared(tmp_path, texts)
    unique = {k: [groups[g].text for g in c.unique[ids[k]]] for k in ids}
    for k in "ab":
        assert not [t for t in unique[k] if "extremely high levels" in t or "insane" in t]
    assert texts["a"][3] in unique["a"]  # one word quoted alike
    assert texts["a"][4] in unique["a"]  # "good news" is not half of what it quotes


def test_a_summary_line_another_outlet_states_in_its_own_words_is_not_only_its_own(tmp_path):
    """HuffPost's summary line "Trump has also granted a permanent exemption on steel tariffs
    to South Korea as part of a revision of a free trade pact" is what Fox states otherwise
    ("South Korea agreed to limit its exports ... and was granted a permanent exemption"): a
    quarter of what it says will do for a summary line (SUMMARY_COVERED_SHARE)."""
    lead = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    market = "Mayor Jo Park opened a new fish market on the north quay, her office said."
    texts = {"a": [lead, "The Island Ferry Company has also won a permanent exemption from "
                         "harbour fees as part of a revised lease that the governor sharply "
                         "criticized."],
             "b": [lead, "The Island Ferry Company agreed to limit its sailings as part of "
                         "broader talks on its lease and was granted a permanent exemption."],
             "c": [lead, market]}
    ids, c, groups = _outlets_compared(tmp_path, texts)
    assert c.unique[ids["a"]] == c.unique[ids["b"]] == []
    assert [groups[g].text for g in c.unique[ids["c"]]] == [market]  # said by no other


def test_a_claim_another_outlet_words_otherwise_is_not_only_its_own(tmp_path):
    lead = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    flynn = ("Four people, including Mr. Flynn, have pleaded guilty to lying to investigators "
             "in the Russia inquiry.")
    noted = ("The Times noted that four people in the president's orbit have already pleaded "
             "guilty to lying to federal investigators.")
    ferry = "The island ferry will run 12 sailings a day from June, Mayor Jo Park said."
    ids, c, groups = _outlets_compared(tmp_path, {
        "a": [lead, flynn], "b": [lead, noted], "c": [lead, ferry]})
    # not one claim (they name no one in common), yet B says what A says
    assert not any({ids["a"], ids["b"]} <= set(g.articles) for g in groups.values()
                   if g.text in (flynn, noted))
    assert [groups[g].text for g in c.unique[ids["a"]]] == []
    assert [groups[g].text for g in c.unique[ids["b"]]] == []
    assert [groups[g].text for g in c.unique[ids["c"]]] == [ferry]


def test_a_sentence_that_is_no_claim_may_say_what_another_outlet_reports(tmp_path):
    """Only one outlet reports what no sentence of another article says, claim or not: a
    hedged sentence is no claim, yet it reports the fact (Fox's "suing a foreign country
    could be difficult for Democrats because typically, other nations have immunity ...").
    Such a sentence must hold the claim's names too: one holding a claim's common words
    ("state visit", "pomp") about someone else does not say it."""
    leads = ["Governor Ann Lee approved the harbour flood budget of $40 million on Monday.",
             "The budget pays for 12 new pumps along the north quay.",
             "Work on the pumps starts in June, her office said.",
             "The harbour flooded three times last winter."]
    added = ("Mr. Trump added Rudolph W. Giuliani, the former New York City mayor, and two "
             "other lawyers to his legal team this week.")
    hedged = ("Trump's legal team might be expanding again, with the addition of Rudy Giuliani, "
              "the former New York mayor, and two other lawyers.")
    kennedy = ("As part of a triumphant tour of Europe in 1961, President John F. Kennedy "
               "traveled to London, but was not granted the pomp of a state visit.")
    pomp = ("It might have been a full state visit for the president, with all the pomp and "
            "pageantry that a tour entails.")
    ids, c, groups = _outlets_compared(tmp_path, {
        "a": leads + [added, kennedy], "b": leads + [hedged, pomp]})
    assert [groups[g].text for g in c.unique[ids["a"]]] == [kennedy]


def test_an_outlet_quoting_the_same_statement_reports_it_too(tmp_path):
    lead = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    deal = ("\"It should never have been signed by anyone,\" Governor Ann Lee said of the "
            "2019 ferry contract with Blue Line.")
    again = ("Speaking on local radio on Tuesday night, the governor did not hold back: \"It "
             "should never have been signed by anyone.\"")
    phrase = ("Mayor Jo Park wants an \"open harbour for all families\" and will fund two new "
              "piers with the savings.")
    other = ("Opposition leader Tom Reyes promised an \"open harbour for all families\" before "
             "the vote in March.")
    ids, c, groups = _outlets_compared(tmp_path, {
        "a": [lead, deal, phrase], "b": [lead, again], "c": [lead, other]})
    # B quotes Lee's words: A's sentence is not A's alone, nor B's
    assert [groups[g].text for g in c.unique[ids["a"]]] == [phrase]
    assert [groups[g].text for g in c.unique[ids["b"]]] == []
    # a short phrase that two people use is no shared statement
    assert [groups[g].text for g in c.unique[ids["c"]]] == [other]


def test_another_figure_is_another_fact_however_alike_the_words(tmp_path):
    lead = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    fifty = "China said it would subject $50 billion of American goods to new import tariffs."
    thirty = "China said it would subject $30 billion of American goods to new import tariffs."
    ids, c, groups = _outlets_compared(tmp_path, {"a": [lead, fifty], "b": [lead, thirty]})
    assert not any(g.text in (fifty, thirty) and len(g.articles) > 1 for g in groups.values())
    # two sides of a conflict, so neither is only its outlet's
    assert [sorted(v.value for v in x.values) for x in c.conflicts] == [[30e9, 50e9]]
    assert c.unique[ids["a"]] == c.unique[ids["b"]] == []


def test_an_outlet_that_words_a_shared_claim_otherwise_does_not_leave_it_out(tmp_path):
    budget = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    ids, c, groups = _outlets_compared(tmp_path, {
        "a": [budget, "The island ferry will run 12 sailings a day from June."],
        "b": [budget, "The council meets again in the spring to look at the school roofs."],
        "c": ["The state approved a harbour flood budget worth $40 million on Monday night.",
              "Opposition leader Tom Reyes called the vote rushed."],
        "d": ["Opposition leader Tom Reyes called the vote rushed and promised an appeal.",
              "The weather in the harbour town stayed dry all week."],
        "e": [budget, "Fishermen asked for a new quay at the north end of the bay."]})
    shared = [g for g in c.consensus if groups[g].text == budget]
    assert len(shared) == 1 and ids["c"] not in groups[shared[0]].articles
    assert c.omitted[ids["c"]] == []
    assert c.omitted[ids["d"]] == shared
    # the page names it among those that report the claim, in other words, with its sentence
    assert groups[shared[0]].reworded == {
        ids["c"]: "The state approved a harbour flood budget worth $40 million on Monday night."}
    assert groups[shared[0]].reworded_anchors == {ids["c"]: "s1"}


def test_an_outlet_whose_headline_says_a_shared_claim_does_not_leave_it_out(tmp_path):
    budget = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    texts = {
        "a": [budget, "The island ferry will run 12 sailings a day from June."],
        "b": [budget, "The council meets again in the spring to look at the school roofs."],
        "e": [budget, "Fishermen asked for a new quay at the north end of the bay."],
        "c": ["Opposition leader Tom Reyes called the vote rushed and promised an appeal.",
              "The weather in the harbour town stayed dry all week."],
        "d": ["Opposition leader Tom Reyes called the vote rushed and promised an appeal.",
              "The weather in the harbour town stayed dry all week."]}
    ids, c, groups = _outlets_compared(tmp_path, texts, titles={
        "c": "Lee Approves $40 Million Harbour Flood Budget",
        # the same words, but no approval: a headline on the budget, not saying it passed
        "d": "Harbour Flood Budget Of $40 Million Divides The Town"})
    shared = [g for g in c.consensus if groups[g].text == budget]
    assert len(shared) == 1
    assert c.omitted[ids["c"]] == [] and c.omitted[ids["d"]] == shared
    assert groups[shared[0]].reworded == {ids["c"]: "Lee Approves $40 Million Harbour Flood Budget"}
    assert groups[shared[0]].reworded_anchors == {ids["c"]: "headline"}


def test_a_sentence_naming_none_of_those_a_shared_claim_names_does_not_report_it(tmp_path):
    charged = ("Rick Gates and Paul Manafort have both been charged in the special counsel's "
               "investigation into Russian interference in the 2016 election.")
    inquiry = ("The special counsel's investigation into Russian interference in the 2016 "
               "election could take a year, the committee said.")
    ids, c, groups = _outlets_compared(tmp_path, {
        "a": [charged, "Mr. Gates and Mr. Manafort deny wrongdoing."],
        "b": [charged, "Mr. Manafort and Mr. Gates are awaiting trial."],
        "e": [charged, "Lawyers for Mr. Gates and Mr. Manafort did not comment."],
        "c": [inquiry, "Mr. Gates and Mr. Manafort were named in the suit."]})
    shared = [g for g in c.consensus if groups[g].text == charged]
    assert len(shared) == 1 and ids["c"] not in groups[shared[0]].articles
    # C's sentence holds most of the claim's words, but says nothing of the two men
    assert groups[shared[0]].reworded == {}


def test_an_action_done_to_another_person_is_another_claim(tmp_path):
    from newsprism.compare import acted_on
    assert acted_on("He asked whether she had a motive when she fired James B. Comey, the "
                    "F.B.I. director.") == {"fire": "james b comey"}
    assert acted_on("Jo Marsh was fired by Governor Ann Lee on Monday.") == {}
    assert acted_on("Pompeo met Kim Jong Un over Easter.") == {}  # a meeting has two parties
    fired_marsh = "Tom Reyes said Governor Ann Lee fired Jo Marsh on Monday."
    fired_reyes = "Jo Marsh said Governor Ann Lee fired Tom Reyes on Monday."
    chief = "Governor Ann Lee fired police chief Tom Reyes on Monday, Jo Marsh said."
    ids, c, groups = _outlets_compared(tmp_path, {
        "a": [fired_marsh], "b": [fired_reyes], "c": [chief]})
    together = [sorted(g.sentences.values()) for g in groups.values() if len(g.articles) > 1]
    assert together == [sorted([fired_reyes, chief])]


def test_a_claim_whose_every_word_another_outlet_uses_is_not_only_its_own(tmp_path):
    lead = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    ferry = "Mayor Jo Park said the island ferry would run to the harbour twice a day."
    quoted = "“We will run the ferry to the island twice a day,” Mayor Jo Park said."
    ids, c, groups = _outlets_compared(tmp_path, {
        "a": [lead, ferry, quoted],
        # no one sentence says what A's ferry sentence says, but together they use its words
        "b": [lead, "Mayor Jo Park said the ferry fares were too high.",
              "Harbour master Ann Cole said the boats docked twice.",
              "Island buses run 3,000 trips a day, officials said."]})
    assert not any(ids["b"] in g.articles for g in groups.values() if g.text == ferry)
    # a quotation is its speaker's own words, however common they are
    assert [groups[g].text for g in c.unique[ids["a"]]] == [quoted]


def test_only_this_outlet_lists_what_is_most_its_own_first_and_a_repeat_once():
    from collections import Counter
    from newsprism.compare import _ClaimRef, _only_theirs, event_weights
    from newsprism.model import Claim
    texts = [
        # the lead, worded otherwise than the other outlets: one word of its own
        ("s1", 1.0, "The caravan reached the border on Sunday, testing the administration."),
        # a name and a figure no one else gives
        ("s9", 0.6, "Byron Claros, 19, joined the caravan with his brother Luis Rodriguez."),
        ("s12", 0.5, "The tariffs, which have increased frictions with trading partners "
                     "worldwide, take effect in June."),
        ("s20", 0.2, "The tariffs have increased frictions with trading partners worldwide."),
    ]
    refs = [_ClaimRef("a", 0, Claim(id=i, text=t, kinds=["action"], score=score), k)
            for k, (i, score, t) in enumerate(texts)]
    # the other outlet: the lead but for "Sunday", the tariffs but for "worldwide"
    others = _ClaimRef("b", 1, Claim(id="s1", kinds=["action"], text=(
        "The caravan reached the border, testing the administration. The tariffs, which have "
        "increased frictions with trading partners, take effect in June. He joined his "
        "brother.")), 0)
    outlets_using = Counter(set().union(*(r.terms for r in refs)))  # by outlet
    outlets_using.update(others.terms)
    ids = _only_theirs([(r.claim.id, r) for r in refs], outlets_using,
                       event_weights(refs + [others]))
    assert ids == ["s9", "s1", "s12"]  # "s20" says again what "s12" does
    # a sentence saying mostly what one listed before says, and a little of its own, comes
    # last: after "s30", which it would come before by its score
    refs.insert(3, _ClaimRef("a", 0, Claim(id="s15", kinds=["action"], score=0.05, text=(
        "Shortly after, the tariffs increased frictions with trading partners worldwide.")), 4))
    refs.append(_ClaimRef("a", 0, Claim(id="s30", kinds=["action"], score=0.005, text=(
        "Fisherman Tom Reyes sold his boat.")), 5))
    outlets_using = Counter(set().union(*(r.terms for r in refs)))  # by outlet
    outlets_using.update(others.terms)
    ids = _only_theirs([(r.claim.id, r) for r in refs], outlets_using,
                       event_weights(refs + [others]))
    assert ids == ["s9", "s1", "s12", "s30", "s15"]


def test_only_this_outlet_lists_what_reads_alone_before_what_leans_on_its_neighbour():
    from collections import Counter
    from newsprism.compare import _ClaimRef, _only_theirs, event_weights
    from newsprism.model import Claim
    texts = [
        # the same weight of words of its own, but "she" is someone in the sentence before
        ("s4", 0.9, "She said it was the first time Monica Torres had seen the border fence."),
        # the rest of a quotation opened in the sentence before: too little alone to list
        ("s5", 0.9, 'It is ridiculous to close the harbour ferry," Mayor Jo Park said.'),
        # a connective leaning on what came before
        ("s6", 0.9, "Again, Governor Ann Lee promised 300 new ferry tickets for islanders."),
        ("s7", 0.7, "Fisherman Tom Reyes said the harbour ferry was his only income."),
    ]
    refs = [_ClaimRef("a", 0, Claim(id=i, text=t, kinds=["action"], score=score), k)
            for k, (i, score, t) in enumerate(texts)]
    outlets_using = Counter(set().union(*(r.terms for r in refs)))
    ids = _only_theirs([(r.claim.id, r) for r in refs], outlets_using, event_weights(refs))
    assert ids[0] == "s7" and sorted(ids) == ["s4", "s6", "s7"]


def test_an_outlets_lead_worded_its_own_way_is_covered_by_anothers_lead(tmp_path):
    delayed = ("Governor Ann Lee has decided to push back her decision on whether to close the "
               "harbour ferry until June, the Daily Record reported.")
    ids, c, groups = _outlets_compared(tmp_path, {
        "a": [delayed, "Fisherman Tom Reyes said the ferry was his only income."],
        "b": ["Governor Ann Lee has postponed the closure of the harbour ferry service until "
              "June, the Island Post reported.",
              "Mayor Jo Park welcomed the delay at a council meeting on Friday."],
        "c": ["The island council met on Friday to discuss the harbour school roofs and the "
              "ferry."]})
    # not one claim, and B's lead holds less of A's than a sentence further down would need
    assert not any(len(g.articles) > 1 for g in groups.values())
    assert [groups[g].text for g in c.unique[ids["a"]]] == [
        "Fisherman Tom Reyes said the ferry was his only income."]


def test_a_capitalised_may_or_will_is_a_name_or_a_month_not_a_cue():
    from newsprism.numbers import find_numbers
    # "Theresa May" is no hedge: the sentence reports a meeting, as a fact
    claims = extract_claims(sents(
        "Prime Minister Theresa May met President Trump at the White House on Friday.",
        "Mayor Will Hurd opened the new harbour bridge to traffic on Monday morning."))
    assert [(c.id, c.modality, "action" in c.kinds) for c in claims] == [
        ("s1", "fact", True), ("s2", "fact", True)]
    # "on May 1" is a date: the number it follows is a fact, not a possibility
    assert [n.modality for n in find_numbers(
        "The tariffs on 2,000 products took effect on May 1.")] == ["fact"]
    assert [n.modality for n in find_numbers(
        "The government may impose tariffs on 2,000 products.")] == ["possibility"]
    # a lower-case "may" still hedges
    assert _claim_ids("Governor Ann Lee may sign the water bill on Tuesday after the vote.") == []


def test_a_plan_by_someone_named_is_a_claim_a_cue_elsewhere_plans_nothing():
    claims = extract_claims(sents(
        "President Trump will travel to the United Kingdom on July 13 for a working visit.",
        "Donald Trump is planning to meet with the North Korean leader in the coming months.",
        "Trump's peace plans, built on direct diplomacy, threaten to dismantle the defense "
        "industry's profits."))
    assert [(c.id, c.modality, "action" in c.kinds) for c in claims] == [
        ("s1", "plan", True), ("s2", "plan", True)]


def test_a_photo_caption_is_no_claim():
    assert _claim_ids(
        "A protest in London last year against the proposed state visit of President Trump.",
        "President Barack Obama and his wife, Michelle Obama, with Queen Elizabeth II in London "
        "on a state visit in 2011.",
        "Protesters marched in London against the proposed state visit of President Trump.",
    ) == ["s3"]


def test_a_source_named_in_a_closing_tag_is_not_whom_the_claim_is_about():
    from newsprism.compare import _needed_similarity, _same_claim, _similarity
    told = _ref("a", "President Donald Trump will visit the United Kingdom on July 13, "
                     "ambassador Woody Johnson said Thursday.",
                ["Donald Trump", "United Kingdom", "Woody Johnson"], modality="plan")
    met = _ref("b", "President Trump will travel to the United Kingdom on July 13 for talks "
                    "with Prime Minister Theresa May.",
               ["Trump", "United Kingdom", "Theresa May"], modality="plan")
    weights = _weights(told, met)
    assert _similarity(told, met, weights) >= _needed_similarity(told, met)
    assert _same_claim(told, met, weights) > 0  # who told it is not whom it is about
    # a person named in the body is still someone the other claim leaves out
    other = _ref("c", "President Donald Trump will visit the United Kingdom on July 13 with "
                      "ambassador Woody Johnson, officials said.",
                 ["Donald Trump", "United Kingdom", "Woody Johnson"], modality="plan")
    assert _same_claim(other, met, _weights(other, met)) == 0.0


def test_a_claim_leaves_a_pair_for_a_larger_group_that_takes_it(monkeypatch):
    import newsprism.compare as compare
    # seen on NewsWCL50: A~D was the strongest pair left when A and B had paired, but B's
    # sentence is too unlike D's for all four to be one claim; A then belongs with C and D
    refs = [_ref(x, f"Story {x}", ["Ann Lee"]) for x in "abcd"]
    score = {(2, 3): 0.40, (0, 1): 0.36, (0, 3): 0.35, (0, 2): 0.32}
    monkeypatch.setattr(compare, "_alike_pairs", lambda refs, weight: sorted(score))
    monkeypatch.setattr(compare, "_same_claim", lambda a, b, w: score.get(
        (refs.index(a), refs.index(b)), 0.0))
    monkeypatch.setattr(compare, "_similarity", lambda a, b, w: max(
        score.get((refs.index(a), refs.index(b)), 0.0),
        score.get((refs.index(b), refs.index(a)), 0.0)))
    groups = compare._group_claims(refs, {})
    assert sorted(sorted(r.article for r in g) for g in groups) == [["a", "c", "d"], ["b"]]


def test_an_outlet_whose_sentence_matches_a_member_of_a_shared_claim_says_it_too(tmp_path):
    # D's sentence is the same claim as A's, but names someone B and C leave out, so it stands
    # outside their group; it still reports the claim, and the page says so
    visit = ("Governor Ann Lee will visit Kora in July alongside engineer Peter Novak despite "
             "the threat of protests.")
    ids, c, groups = _outlets_compared(tmp_path, {
        "a": ["The Governor of the Northern Province Ann Lee will visit the island of Kora on "
              "the 13th of July, the harbour master revealed Thursday afternoon.",
              "Fisherman Tom Reyes said the ferry was his only income."],
        "b": ["Governor Ann Lee will travel to the island of Kora in July, her office confirmed "
              "Thursday, where she will meet with Mayor Maria Gonzalez for talks.",
              "The council meets again in the spring to look at the school roofs."],
        "c": ["KORA — Governor Ann Lee will travel to the island of Kora on July 13 for a "
              "working visit with Mayor Maria Gonzalez, ending months of cancelled trips.",
              "Opposition leader Sam Hill called the trip a stunt."],
        "d": [visit, "Hundreds of fishermen plan to march to the harbour on the day of the "
                     "visit."]})
    shared = groups[c.consensus[0]]
    assert sorted(shared.articles) == sorted([ids["a"], ids["b"], ids["c"]])
    assert shared.reworded == {ids["d"]: visit}
    assert c.omitted[ids["d"]] == []


def _shared_by_three(tmp_path, lead, claim, c, d):
    """Outlets a, b and e give `lead` and `claim` (a shared claim); c and d give `lead` and
    their own sentence. The outlets' ids, the comparison and the shared claim's group."""
    ids, cmp, groups = _outlets_compared(tmp_path, {
        "a": [lead, claim], "b": [lead, claim], "e": [lead, claim], "c": [lead, c],
        "d": [lead, d]})
    return ids, cmp, groups[next(g for g in cmp.consensus if groups[g].text == claim)]


def test_an_outlet_giving_a_shorter_quotation_of_the_same_speaker_reports_the_statement(
        tmp_path):
    """The New York Times gives only "NO COLLUSION and NO OBSTRUCTION." of Trump's tweet, which
    the others quote at length: it does not leave the tweet out."""
    ids, c, shared = _shared_by_three(
        tmp_path, "Governor Ann Lee approved the harbour flood budget of $40 million on Monday.",
        'Governor Ann Lee tweeted that the ferry audit "shows clearly that there was NO FRAUD '
        'and NO WASTE."',
        "Governor Ann Lee seized on the audit in a Twitter message posted late Thursday to "
        'repeat what has become a constant refrain, that there was "NO FRAUD and NO WASTE."',
        '"No fraud and no waste," Mayor Jo Park said of the harbour.')
    assert c.omitted[ids["c"]] == [] and ids["c"] in shared.reworded
    assert c.omitted[ids["d"]] == [shared.id]  # someone else's words: not Lee's tweet


def test_an_outlet_saying_a_shared_claim_in_a_sentence_that_is_no_claim_does_not_leave_it_out(
        tmp_path):
    """HuffPost's "Also named as defendants were Donald Trump Jr., ..." reports no action we
    read, so it is no claim, yet it says that the suit names them."""
    from conftest import analyse_files
    ids, c, shared = _shared_by_three(
        tmp_path, "The party filed a lawsuit against the campaign in federal court on Friday.",
        "The lawsuit also names the candidate's son, Donald Trump Jr., and his son-in-law, "
        "Jared Kushner, as defendants.",
        "Also named as defendants were Donald Trump Jr., associate Roger Stone and the "
        "candidate's son-in-law, Jared Kushner.",
        "The weather in the harbour town stayed dry all week long.")
    [analysis] = analyse_files([tmp_path / "c.txt"])
    assert "s2" not in {claim.id for claim in analysis.claims}
    assert c.omitted[ids["c"]] == [] and shared.reworded_anchors[ids["c"]] == "s2"
    assert c.omitted[ids["d"]] == [shared.id]


def test_loaded_words_in_a_plain_sense_are_not_loaded():
    from newsprism.tone import find_loaded
    plain = ["Iran would have to accept changes to the inspection regime under the agreement.",
             "Negotiators have failed to bridge gaps on the sunset clauses.",
             "The statement did not clearly state whether testing would resume.",
             "The party used a similar tactic during the Watergate scandal in 1972.",
             "Trump almost certainly would have stayed in the agreement."]
    assert [find_loaded(t) for t in plain] == [[], [], [], [], []]
    loaded = ["The regime in Tehran lied to the world.", "It was a failed state by then.",
              "This is clearly a dangerous gamble.",
              "The decision is not merely a tactical shift.",
              "Scandal engulfed the campaign.", "This is certainly a scandal for the party."]
    assert [find_loaded(t) for t in loaded] == [["regime"], ["failed"], ["clearly", "dangerous",
                                                "gamble"], ["merely"], ["Scandal"],
                                                ["certainly", "scandal"]]


def test_words_an_article_quotes_twice_are_listed_once_in_the_fuller_quotation(tmp_path):
    """A lead that quotes part of what the article later quotes in full, and a pull quote with
    no speaker repeating a quotation with "[Lee]" for "she", are not two more quotes."""
    texts = {
        "a": ['Governor Ann Lee said the storm wall "will hold the sea back" this winter.',
              'The harbour flooded twice last year, the council said.',
              '"We have built it high and we have built it deep, and it will hold the sea '
              'back," Governor Ann Lee said on Monday.',
              '"I strongly doubt she has read the engineers\' report," Mayor Jo Park said.',
              '"I strongly doubt [Lee] has read the engineers\' report."'],
        "b": ["Governor Ann Lee opened the harbour storm wall on Monday.",
              '"It will hold the sea back," Governor Ann Lee said.']}
    ids, c, _ = _outlets_compared(tmp_path, texts)
    listed = [(q["speaker"], q["text"]) for q in c.quotes if q["article"] == ids["a"]]
    assert listed == [
        ("Ann Lee", "We have built it high and we have built it deep, and it will hold the sea "
                    "back"),
        ("Jo Park", "I strongly doubt she has read the engineers' report")]
    # another outlet's quotation of the same words is its own
    assert [q["text"] for q in c.quotes if q["article"] == ids["b"]] == [
        "It will hold the sea back"]


def test_quotes_left_out_as_repeats_are_always_inside_one_listed():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newsprism.compare import _padded_words, _without_repeats

    quote = st.fixed_dictionaries({
        "speaker": st.sampled_from([None, "Ann Lee", "Jo Park"]),
        "article": st.sampled_from(["a", "b"]),
        "text": st.lists(st.sampled_from("the sea wall will hold back it".split()),
                         min_size=1, max_size=6).map(" ".join)})

    @settings(max_examples=300, deadline=None)
    @given(st.lists(quote, max_size=8))
    def check(quotes):
        kept = _without_repeats(quotes)
        assert [q for q in quotes if any(q is k for k in kept)] == kept  # a subset, in order
        for q in quotes:
            if not any(q is k for k in kept):
                assert any(k["article"] == q["article"]
                           and q["speaker"] in (None, k["speaker"])
                           and _padded_words(q["text"]) in _padded_words(k["text"])
                           for k in kept), q
        # no listed quotation is inside another listed one of its article and speaker
        for x in kept:
            assert not any(y is not x and y["article"] == x["article"]
                           and y["speaker"] == x["speaker"]
                           and _padded_words(x["text"]) in _padded_words(y["text"])
                           for y in kept), x

    check()


def test_the_stem_folds_the_forms_of_a_word_ending_in_a_consonant_and_y_and_of_lie():
    from newsprism.claims import predicates
    from newsprism.text import stem
    for forms in (("country", "countries"), ("deny", "denied", "denies", "denying"),
                  ("lie", "lied", "lies", "lying"), ("party", "parties"),
                  ("occupy", "occupied", "occupying"), ("authorized", "authorizes")):
        assert len({stem(w) for w in forms}) == 1, forms
    assert stem("say") == "say" and stem("movie") == stem("movies")
    # "occupying" is the action "occupied" is, as "denying" is "denied"
    assert predicates("Troops are occupying the town.") == predicates("Troops occupied the town.")
    assert predicates("Iran is denying it.") == predicates("Iran denied it.") == ["reject"]

