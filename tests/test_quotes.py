from hypothesis import given, settings, strategies as st

from newsprism.model import Sentence
from newsprism.quotes import extract_quotes
from newsprism.text import split_sentences


def sentences(*paragraphs):
    out = []
    for b, p in enumerate(paragraphs):
        for t in split_sentences(p):
            out.append(Sentence(id=f"s{len(out) + 1}", text=t, block=b))
    return out


def speakers(*paragraphs):
    return [(q.speaker, q.text) for q in extract_quotes(sentences(*paragraphs))]


def test_tag_after_with_description_then_surname():
    got = speakers("“This isn’t just about Ukraine or Russia,” explains geopolitical analyst "
                   "Jay Douglas.", "“Trump’s critics like to paint him as naive,” says Douglas.")
    assert got == [("Jay Douglas", "This isn’t just about Ukraine or Russia"),
                   ("Jay Douglas", "Trump’s critics like to paint him as naive")]


def test_speaker_then_verb_after_quote_resolves_surname():
    got = speakers("Russian President Vladimir Putin has warned repeatedly.",
                   "“Ukrainian servicemen cannot do this,” Putin stated in September.")
    assert got == [("Vladimir Putin", "Ukrainian servicemen cannot do this")]


def test_pronoun_is_last_named_person():
    got = speakers("But Douglas suggests it is a natural response.",
                   "“If dozens of nations are arming Ukraine, it is logical,” he explains.")
    assert got[0][0] == "Douglas"


def test_lead_in_before_quote():
    got = speakers("In Ukraine, President Volodymyr Zelenskyy responded to the news of U.S. "
                   "support by stating, “Strikes are not made with words,” and expressed hope.")
    assert got == [("Volodymyr Zelenskyy", "Strikes are not made with words")]


def test_description_before_partial_quote():
    got = speakers("The response was unequivocal, with Kremlin spokesperson Dmitry Peskov "
                   "accusing Washington of “pouring oil into the flames” and more.")
    assert got == [("Dmitry Peskov", "pouring oil into the flames")]


def test_scare_quotes_and_titles_are_not_quotes():
    assert speakers("Critics accused the administration of attempting to “poison the well” "
                    "for the next one.") == []
    assert speakers("It is Russia that now plays the “adult in the room,” ironically.") == []
    assert speakers("He read “The Art of the Deal” on the plane.") == []


def test_straight_quotes_and_multi_sentence():
    got = speakers('"It\'s insane. It\'s ridiculous," Trump said when asked.')
    assert got == [("Trump", "It's insane. It's ridiculous")]


def test_continuation_paragraph():
    got = speakers("“This is high-stakes geopolitics,” says Jay Douglas.",
                   "“The next few weeks will shape the future of this conflict.”")
    assert [s for s, _ in got] == ["Jay Douglas", "Jay Douglas"]


_piece = st.sampled_from([
    "“", "”", '"', "said Jay Douglas", "he said", "Douglas warns,", "The deal is bad.",
    "Officials agreed", ",", ".", " ", "Kremlin spokesperson Dmitry Peskov", "according to",
    "It is “a sham” now.", "We will win.", "Nobody knows", "\u00a0", "’", "‘",
])


@settings(max_examples=300)
@given(st.lists(st.lists(_piece, min_size=1, max_size=12).map(" ".join), min_size=1,
                max_size=4))
def test_property_quote_text_is_verbatim(paragraphs):
    sents = sentences(*paragraphs)
    joined = {}
    for s in sents:
        joined.setdefault(s.block, []).append(s.text)
    blocks = {b: " ".join(t) for b, t in joined.items()}
    ids = {s.id for s in sents}
    for q in extract_quotes(sents):
        assert q.text and any(q.text in text for text in blocks.values())
        assert q.sentence in ids


# --- speaker rules: closest speech verb and its subject -------------------------------------

def _speakers(*paragraphs):
    from newsprism.model import Sentence
    from newsprism.quotes import extract_quotes
    from newsprism.text import split_sentences
    sentences = []
    for b, para in enumerate(paragraphs):
        for t in split_sentences(para):
            sentences.append(Sentence(f"s{len(sentences) + 1}", t, b))
    return [(q.text, q.speaker) for q in extract_quotes(sentences)]


def test_lead_in_beats_a_relative_clause_after_the_quote():
    got = _speakers("Chancellor Anna Berg met Prime Minister Paul Dorn on Monday. "
                    "Ms. Berg said the aim was to “keep the pipeline open all winter,” a view "
                    "that seemed to please Mr. Dorn, who said prices would fall.")
    assert got == [("keep the pipeline open all winter", "Anna Berg")]


def test_people_named_together_speak_together():
    """Fox filed the chairmen's joint statement under Devin Nunes alone ("Goodlatte, Gowdy and
    Nunes noted that ..."), Breitbart and USA Today under Bob Goodlatte alone ("a statement
    from Judiciary Chairman Bob Goodlatte, R-Va., Oversight Chairman Trey Gowdy, R-S.C., and
    ..."): one of them is a wrong attribution."""
    all_three = "Bob Goodlatte, Trey Gowdy and Devin Nunes"
    got = _speakers(
        "House Judiciary Chairman Bob Goodlatte met House Oversight Chairman Trey Gowdy and "
        "House Intelligence Chairman Devin Nunes on Thursday.",
        "Goodlatte, Gowdy and Nunes noted that Comey \"never wrote that he felt obstructed,\" "
        "on Friday.",
        "\"These memos are significant for what is not in them,\" said a statement from "
        "Judiciary Chairman Bob Goodlatte, R-Va., Oversight Chairman Trey Gowdy, R-S.C., and "
        "Intelligence Chairman Devin Nunes, R-Calif.")
    assert got == [("never wrote that he felt obstructed", all_three),
                   ("These memos are significant for what is not in them", all_three)]
    # one met by the one who speaks is no co-speaker; nor a place before a name
    got = _speakers("President Ann Lee met Tom Reyes and Governor Jo Park said \"we will talk "
                    "again soon about the harbour.\"",
                    "In Ukraine, President Volodymyr Zelenskyy said, \"Strikes are not made "
                    "with words.\"")
    assert [who for _, who in got] == ["Jo Park", "Volodymyr Zelenskyy"]


def test_a_group_described_after_its_joint_statement_is_the_same_speakers():
    """USA Today quotes "a statement from ... Goodlatte, ... Gowdy, ... and ... Nunes", then
    "the chairmen said" and "the Republican congressmen wrote": one statement, one speaker,
    not three in the quotes section. A group of another party is not them, nor one quoted
    long after."""
    all_three = "Bob Goodlatte, Trey Gowdy and Devin Nunes"
    opening = ("\"These memos are significant for what is not in them,\" said a statement from "
               "Judiciary Chairman Bob Goodlatte, R-Va., Oversight Chairman Trey Gowdy, R-S.C., "
               "and Intelligence Chairman Devin Nunes, R-Calif.")
    got = _speakers(
        opening,
        "\"The memos show the director never felt obstructed,\" the chairmen said.",
        "\"Nor did he say so at the time,\" the Republican congressmen wrote.",
        "\"The memos prove the opposite,\" the Democratic lawmakers said.")
    assert [who for _, who in got] == [all_three, all_three, all_three,
                                       "the Democratic lawmakers"]
    filler = ["The harbour ferry ran late on Tuesday for the third week in a row."] * 11
    got = _speakers(opening, *filler, "\"The memos show nothing new,\" the chairmen said.")
    assert [who for _, who in got] == [all_three, "the chairmen"]


def test_an_office_described_by_whose_it_is_speaks_through_a_participle():
    """USA Today: "The prime minister's office confirmed that ..., saying only that "further
    details would be set out in due course."" was left with no speaker."""
    got = _speakers("The prime minister's office confirmed that the two leaders would meet, "
                    "but did not elaborate, saying only that \"further details would be set "
                    "out in due course.\"",
                    "The harbour master's office said \"the ferry will sail again on "
                    "Monday.\"")
    assert [who for _, who in got] == ["the prime minister's office",
                                       "the harbour master's office"]


def test_a_question_of_a_list_is_asked_by_whoever_the_article_says_asks_them():
    """USA Today, Breitbart and HuffPost tag the special counsel's questions by the list
    ("reads one question", "goes another", "another asks"): they were left with no speaker,
    though each article says whose questions they are."""
    got = _speakers(
        "Special counsel Ann Reyes has given a list of four dozen questions to the mayor's "
        "lawyers.",
        "The harbour deal is among the topics.",
        "\"What did you know about the harbour contract?\" reads one question. Another asks if "
        "anyone offered the builder \"a pardon or a promotion at the harbour office.\"",
        "\"When did you first meet the builder?\" one question asks.",
        "\"Who signed the contract for the new sea wall in March?\" goes another.")
    assert [who for _, who in got] == ["Ann Reyes"] * 4
    # questions no one is named as asking stay no one's: a ballot, reporters
    got = _speakers("Voters in Portlow go to the polls on Tuesday.",
                    "\"Should the city rebuild the sea wall?\" reads one question.")
    assert [who for _, who in got] == [None]
    got = _speakers("Mayor Jo Park took questions from reporters on Monday.",
                    "\"Will the ferry run in June?\" one question asks.")
    assert [who for _, who in got] == [None]


def test_appositive_aside_is_skipped_when_finding_the_subject():
    got = _speakers("President Lena Ortiz hosted Prime Minister Omar Haddad on Friday. "
                    "The president, sitting next to Prime Minister Omar Haddad, said she "
                    "believed “there is a lot of goodwill on both sides.”")
    assert got[0][1] == "Lena Ortiz"


def test_reported_speech_inside_reported_speech_goes_to_the_inner_speaker():
    got = _speakers("Director Sam Reyes kept notes of his talks with President Lena Ortiz. "
                    "Reyes wrote that the president told him he was “doing a great job and "
                    "should keep going.”")
    assert got[0][1] == "Lena Ortiz"


def test_a_subject_that_is_no_person_does_not_borrow_a_later_name():
    got = _speakers("Investigators sent President Lena Ortiz a list of questions. "
                    "One question asks what Ortiz discussed regarding “any meeting with the "
                    "foreign minister,” the list shows.")
    assert got == [] or got[0][1] is None


def test_may_at_sentence_start_can_be_the_prime_minister():
    got = _speakers("Prime Minister Theresa May welcomed the visit on Friday. "
                    "May was similarly glowing in her praise of what she called a “really "
                    "special relationship between our two countries.”")
    assert got[0][1] == "Theresa May"


def test_a_colon_lead_in_paragraph_carries_to_the_quote_below():
    got = _speakers("The former director Sam Reyes kept careful notes. Reyes recounts:",
                    "“The president asked me twice about the inquiry and I said nothing.”")
    assert got[0][1] == "Sam Reyes"


def test_he_is_the_main_clause_subject_not_a_person_in_a_clause_put_in_front():
    got = _speakers("As he held out the prospect of a deal with Mr. Kim, Mr. Trump repeated his "
                    "vow to walk away. “Unlike past administrations, I will leave the table,” "
                    "he said.")
    assert got == [("Unlike past administrations, I will leave the table", "Trump")]
    # when the main clause names nobody, the person in front is still the one meant
    got = _speakers("After Chancellor Anna Berg met the press in Oslo, the talks resumed. "
                    "“We are close,” she said.")
    assert got == [("We are close", "Anna Berg")]


def test_a_quoted_sentence_on_a_line_of_its_own_is_a_paragraph_whose_speaker_is_known():
    from newsprism.analyse import analyse_article
    from newsprism.parse import parse_article
    raw = ('Title: Ambassador\n\nIsrael\'s ambassador praised the speech on Monday.\n\n'
           '"He presented a smoking bomb," Ron Dermer told Bret Baier on "Special Report."\n\n'
           'Dermer said Iran is not being hurt in any way by the deal.\n\n'
           '"This is the foremost sponsor of terrorism in the world," he said.\n').encode()
    a = analyse_article(parse_article(raw, "ambassador.txt"))
    assert [(q.text, q.speaker) for q in a.quotes] == [
        ("He presented a smoking bomb", "Ron Dermer"),
        ("This is the foremost sponsor of terrorism in the world", "Ron Dermer")]


def test_dismissing_something_as_a_quotation_is_saying_it():
    got = _speakers("Roger J. Stone Jr., a former adviser who is named in the suit, dismissed it "
                    "in an email as “a left-wing conspiracy theory dressed up as a lawsuit.”")
    assert got == [("a left-wing conspiracy theory dressed up as a lawsuit.", "Roger J. Stone Jr.")]


# --- sources described rather than named --------------------------------------------------

def _cued(*paragraphs):
    return [(q.text, q.speaker, q.cue) for q in extract_quotes(sentences(*paragraphs))]


def test_a_source_the_outlet_describes_is_the_speaker_in_its_words():
    got = _cued("\"The conspiracy constituted an act of treachery by a hostile power,\" the suit "
                "states.",
                "A Number 10 spokesperson said: \"The President of the United States will "
                "visit the UK on 13 July.\"",
                "\"We recognize,\" one former Israeli official said, \"that we have to show "
                "they are trying to deceive now.\"")
    assert got == [
        ("The conspiracy constituted an act of treachery by a hostile power", "the suit",
         "source"),
        ("The President of the United States will visit the UK on 13 July.",
         "a Number 10 spokesperson", "source"),
        ("We recognize", "one former Israeli official", "source"),
        ("that we have to show they are trying to deceive now.",
         "one former Israeli official", "source")]


def test_a_description_is_no_one_he_can_stand_for():
    got = _speakers("President Lena Ortiz answered the lawsuit on Monday.",
                    "\"The campaign welcomed foreign help at every turn,\" the lawsuit states.",
                    "\"This suit is a sham from start to finish,\" she said.")
    assert got == [("The campaign welcomed foreign help at every turn", "the lawsuit"),
                   ("This suit is a sham from start to finish", "Lena Ortiz")]


def test_a_statement_of_someone_named_is_theirs_and_a_bare_statement_names_nobody():
    got = _speakers("\"In all of these negotiations the focus is on quotas,\" the White House "
                    "statement said.",
                    "Chancellor Angela Merkel spoke to Emmanuel Macron on Sunday. \"We will "
                    "defend our interests within the multilateral framework,\" Merkel's "
                    "statement said.",
                    "Reporters read it twice. The statement said, \"Iran has a robust, "
                    "clandestine nuclear weapons program.\"")
    assert got[:2] == [("In all of these negotiations the focus is on quotas", "White House"),
                       ("We will defend our interests within the multilateral framework",
                        "Angela Merkel")]
    assert got[2][1] is None


def test_a_name_and_a_possessive_are_not_descriptions():
    got = _cued("\"North Korea will stop nuclear tests and launches of missiles,\" the Korean "
                "Central News Agency said.")
    assert got[0][1:] == ("Korean Central News Agency", "after")
    got = _cued("\"The talks will go on all week in Geneva,\" his spokesman said.")
    assert got[0][1] is None


def test_two_described_officials_are_not_folded_into_one_speaker():
    from newsprism.compare import _canonical_speakers
    from newsprism.model import Quote

    class _A:  # the part of an analysis _canonical_speakers reads
        def __init__(self, quotes):
            self.quotes = quotes

    q = [Quote("a", "a White House official", "s1", cue="source"),
         Quote("b", "a White House official", "s2", cue="continuation"),
         Quote("c", "an Iranian official", "s1", cue="source"),
         Quote("d", "an Iranian official", "s2", cue="continuation"),
         Quote("e", "Trump", "s3", cue="after"), Quote("f", "Donald Trump", "s4", cue="after")]
    canonical = _canonical_speakers([_A(q[:2] + q[4:5]), _A(q[2:4] + q[5:])])
    assert canonical.get("a White House official", "a White House official") == \
        "a White House official"
    assert canonical.get("an Iranian official", "an Iranian official") == "an Iranian official"
    assert canonical["Trump"] == "Donald Trump"


def test_one_person_named_two_ways_across_an_event_is_one_speaker():
    from newsprism.compare import _canonical_speakers
    from newsprism.model import Quote

    class _A:
        def __init__(self, quotes):
            self.quotes = quotes

    names = ["Kim Jong Un", "Kim Jong-un", "Roger Stone", "Roger J. Stone Jr.", "Donald Trump",
             "Ivanka Trump", "Trump", "Stone", "DNC", "Democratic National Committee", "NC",
             "Dnc"]
    canonical = _canonical_speakers([_A([Quote(str(k), n, f"s{k}", cue="after")])
                                     for k, n in enumerate(names)])
    assert canonical["Kim Jong-un"] == canonical["Kim Jong Un"]
    assert canonical["Roger Stone"] == canonical["Stone"] == "Roger J. Stone Jr."
    assert canonical["Ivanka Trump"] == "Ivanka Trump" != canonical["Donald Trump"]
    # an organisation and its acronym are one speaker; other letters are someone else
    assert canonical["DNC"] == "Democratic National Committee"
    assert canonical["NC"] == "NC" and canonical["Dnc"] == "Dnc"


def test_according_to_after_the_closing_mark_and_not_the_owner_of_a_counsel():
    got = _speakers("The hack was a \"major component of the Russian interference campaign,\" "
                    "according to the DNC.",
                    "Trump and Mueller have sent messages \"back and forth every single week,\" "
                    "according to Trump's outside counsel.")
    assert got == [("major component of the Russian interference campaign", "DNC"),
                   ("back and forth every single week", None)]


def test_a_sentence_about_him_does_not_make_the_person_it_names_he():
    got = _speakers("President Lena Ortiz has often dismissed the allegations. She said she is "
                    "\"looking forward\" to being questioned under oath by Sam Reyes.",
                    "She's said the allegations are a \"fake story that is demeaning to all "
                    "of us.\"")
    assert got[-1] == ("fake story that is demeaning to all of us.", "Lena Ortiz")


def test_a_clause_put_in_front_ends_where_a_subject_and_its_verb_begin_not_at_an_aside():
    got = _speakers("President Lena Ortiz met Prime Minister Omar Haddad on Monday.",
                    "After days of reports about her lawyer, Sam Reyes, and a book by Tom "
                    "Dorn, the director she fired, Ms. Ortiz praised Mr. Haddad, whom she "
                    "described as a \"truly fine gentleman.\"",
                    "While Mr. Haddad praised Ms. Ortiz for the deal, which he said was fair, "
                    "he did not repeat her words.",
                    "\"Lena,\" he said, \"you have shown real determination on the border.\"")
    assert got[0] == ("truly fine gentleman.", "Lena Ortiz")
    assert got[-1] == ("you have shown real determination on the border.", "Omar Haddad")


def test_a_tag_whose_speaker_has_a_long_aside_and_disclosed_as_a_speech_verb():
    got = _speakers("\"It is a nice thing to say, but it cannot happen without a settlement,\" "
                    "Jeffrey Lewis, the director of the East Asia nonproliferation program at "
                    "the Middlebury Institute, wrote in The New York Times last month.",
                    "President Lena Ortiz spoke at the White House on Monday.",
                    "The president also disclosed that, amid planning for a meeting, \"we have "
                    "had direct talks at very high levels.\"")
    assert got == [("It is a nice thing to say, but it cannot happen without a settlement",
                    "Jeffrey Lewis"),
                   ("we have had direct talks at very high levels.", "Lena Ortiz")]


def test_a_pronoun_before_the_tag_verb_is_its_subject_and_a_gerund_is_no_tag():
    got = _speakers("Director Sam Reyes met President Lena Ortiz again. This time, he wrote that "
                    "Ms. Ortiz told him that Mr. Dorn \"had not done anything wrong\" in calling "
                    "the Russians and asked him to end the inquiry.",
                    "\"The memos also made clear what the president wanted lifted was the "
                    "dossier\" compiled by former spy Christopher Steele, they added.")
    assert got[0] == ("had not done anything wrong", "Lena Ortiz")
    assert got[1][1] != "Christopher Steele"


def test_he_after_reported_speech_is_the_source_it_names():
    got = _speakers("Senator Marco Rubio, Governor Jeb Bush and Senator Ted Cruz would have kept "
                    "the deal, said Rick Tyler, a consultant who worked for Cruz.",
                    "\"They would have asked what is best for the country,\" he said.",
                    "President Lena Ortiz will sign the deal, Sam Reyes said.",
                    "\"She has wanted this for years,\" he added.")
    assert [s for _, s in got] == ["Rick Tyler", "Sam Reyes"]


def test_a_lead_in_runs_over_a_scare_quote_and_an_and_or_but_shares_its_subject():
    assert _speakers('President Lee warned the rebels Tuesday that if they "threaten" the city '
                     '"they will pay a price like no one has ever paid."') == [
        ("they will pay a price like no one has ever paid.", "Lee")]
    assert _speakers('Ann Lee said she wanted the troops home "relatively soon" but said "we '
                     'want to leave a strong and lasting footprint."') == [
        ("we want to leave a strong and lasting footprint.", "Ann Lee")]


def test_a_participle_after_a_role_opening_the_clause_is_the_roles():
    assert _speakers("President Ann Lee spoke on Monday.",
                     'The president, however, has since moved to distance herself from Tom '
                     'Ford, saying on "Morning Talk" that he did only a "tiny, tiny little '
                     'fraction" of her legal work.') == [("tiny, tiny little fraction", "Ann Lee")]
    # the prime minister's office is not the prime minister, but a source described
    assert _speakers("Prime Minister Ann Lee met him.",
                     "The prime minister's office confirmed the visit, saying only that "
                     '"further details would be set out in due course."') == [
        ("further details would be set out in due course.", "the prime minister's office")]


def test_it_or_they_is_whoever_speaks_in_the_sentence_before():
    got = speakers(
        "The European Commission said the extension prolonged market uncertainty. “The EU "
        "should be fully and permanently exempted from these measures,” it said in a "
        "statement.",
        "The chairmen said the memos underscore that Comey had different standards. He chose "
        "not to memorialize other talks, but “he immediately began to memorialize "
        "conversations with President Trump,” they said.",
        "Prime Minister Malcolm Turnbull and Trade Minister Steven Ciobo welcomed the "
        "exemption, and said they would work with Washington. “The exemption reflects the "
        "fair and reciprocal trade relationship we share,” they said in a statement.",
        # one person is "he" or "she": "they" after one is someone else
        "Senator Ann Lee said the vote was close. “We will be back next year with more "
        "votes,” they said.")
    assert [s for s, _ in got] == ["European Commission", "the chairmen",
                                   "Malcolm Turnbull and Steven Ciobo", None]


def test_a_quotation_opening_a_paragraph_after_someone_else_spoke_is_theirs():
    got = speakers(
        "“The EU should be fully and permanently exempted,” said Cecilia Malmstrom.",
        "A British government spokeswoman in Washington said the extension for the EU was "
        "“positive,” but the steel industry needed safeguarding.",
        "“We remain concerned about the impact of these tariffs on global trade.”",
        "Mayor Tom Hart said on Friday the harbour would reopen next week.",
        "“The walls are safe again and the boats can come back.”")
    assert [s for s, _ in got] == ["Cecilia Malmstrom", "a British government spokeswoman",
                                   "Tom Hart"]


def test_where_the_speaker_is_is_not_the_speaker():
    got = speakers(
        "“We remain concerned about the impact of these tariffs,” a British government "
        "spokeswoman in Washington said.",
        "“We will talk again next week,” Chancellor Anna Berg in Berlin told reporters.")
    assert [s for s, _ in got] == ["a British government spokeswoman", "Anna Berg"]


def test_a_name_in_what_a_tag_reports_is_not_the_speaker():
    # '," adding that while Ford "...': Ford is who they talk about, not who speaks
    assert _speakers('Ann Lee noted that Tom Ford "never wrote that he felt threatened," adding '
                     'that while Ford "went to great lengths to describe the dinner, he never '
                     'once mentioned the threat."') == [
        ("never wrote that he felt threatened", "Ann Lee"),
        ("went to great lengths to describe the dinner, he never once mentioned the threat.",
         "Ann Lee")]


def test_a_participle_after_he_is_his_not_the_name_in_between():
    assert _speakers('"I explained that the analysts agreed," Tom Ford wrote. He then defended '
                     'his decision to share it with Ann Lee, saying again that "much of it was '
                     'consistent with other intelligence."')[-1] == (
        "much of it was consistent with other intelligence.", "Tom Ford")


def test_he_in_a_clause_after_the_subject_is_the_subject_titled_at_the_sentence_start():
    # "Mr." opens the sentence: Mr. Trump is its subject, not Mr. Pompeo named after him
    got = speakers("Mr. Trump alluded to Mr. Pompeo’s mission when he said that the talks "
                   "were at “extremely high levels,” and that five sites were considered.")
    assert got == [("Trump", "extremely high levels")]


def test_a_person_in_a_phrase_put_in_front_is_not_the_sentences_subject():
    got = speakers("German Chancellor Angela Merkel met President Donald Trump on Friday.",
                   "In her meeting with Trump, Merkel said, she saw little progress. “The "
                   "decision lies with the president,” she said Friday.")
    assert got == [("Angela Merkel", "The decision lies with the president")]


def test_a_possessive_in_a_phrase_is_not_whom_the_next_he_means():
    got = speakers("Mr. Trump was coy about whether he would tear up the agreement. Aides said he "
                   "hoped to push back against Mr. Macron's entreaties strongly enough.",
                   "“Nobody knows what I'm going to do on the 12th,” he said in an appearance "
                   "with Mr. Macron.")
    assert got == [("Trump", "Nobody knows what I'm going to do on the 12th")]


def test_a_quotation_in_a_phrase_put_in_front_is_the_subjects():
    """"Calling it an “...”, the DNC filed ...": the subject right after the phrase speaks; a
    subject that is someone else's description, or an opener of no speech, names no one."""
    dnc = ("Calling it an \"all-out assault on our democracy,\" the Democratic National "
           "Committee filed the civil suit in federal district court in Manhattan.")
    assert _cued(dnc)[0][1:] == ("Democratic National Committee", "before")
    assert _cued("Calling it an “all-out assault on our democracy”, Tom Perez filed the "
                 "civil suit.")[0][1] == "Tom Perez"
    assert _cued(dnc.replace("the Democratic", "critics of the Democratic"))[0][1] is None
    assert _cued(dnc.replace("Calling it an", "Noting the"))[0][1] is None


# --- quotation marks as outlets type them ---------------------------------------------------

def test_a_straight_quotation_runs_past_the_pair_nested_in_it():
    got = _cued("President Donald Trump has tweeted about it.",
                "\"Mexico has the absolute power not to let these large \"Caravans\" of people "
                "enter their country. They must stop them,\" he tweeted.")
    assert got == [("Mexico has the absolute power not to let these large \"Caravans\" of "
                    "people enter their country. They must stop them", "Donald Trump", "pronoun")]


def test_a_paragraph_closing_a_quotation_it_never_opened_is_quoted_up_to_the_mark():
    """The outlet left out the opening mark (or the quotation began a paragraph before): the
    words up to the closing mark are the speaker's, and so is the quotation after them."""
    got = _cued("In a statement Saturday, Chief Patrol Agent Rodney Scott said there had been "
                "several illegal entries.",
                "Over the past 24 hours several groups have illegally entered the United "
                "States,\" he said.",
                "\"As a father myself, I find it unconscionable that anyone would expose a child "
                "to these dangerous conditions.\"")
    assert got == [
        ("Over the past 24 hours several groups have illegally entered the United States",
         "Rodney Scott", "pronoun"),
        ("As a father myself, I find it unconscionable that anyone would expose a child to "
         "these dangerous conditions.", "Rodney Scott", "continuation")]


def test_two_words_are_a_quotation_only_as_a_tagged_sentence_of_speech():
    got = _cued("\"It's overkill,\" Thompson told HuffPost. \"You would have expected him to "
                "have been briefed by intelligence officials. We know who they are.\"")
    assert got == [("It's overkill", "Thompson", "after"),
                   ("You would have expected him to have been briefed by intelligence "
                    "officials. We know who they are.", "Thompson", "continuation")]
    # a two-word scare quote inside a sentence, or one with no tag, is none
    assert _cued("Thompson called it \"pure overkill,\" he told HuffPost.") == []
    assert _cued("\"Pure overkill.\" That was all.") == []


def test_a_quotation_shares_the_tag_of_the_next_one_in_its_sentence():
    got = _cued("The three European leaders \"agreed that the U.S. ought not to take any trade "
                "measures against the European Union,\" which is \"resolved to defend its "
                "interests within the multilateral trade framework,\" Merkel's statement said.")
    assert [(t[:6], who) for t, who, _ in got] == [("agreed", "Merkel"), ("resolv", "Merkel")]
    # not across a verb of speech: what Ortiz said is not Merkel's
    got = _cued("Lena Ortiz said the leaders \"agreed that the U.S. ought not to take any trade "
                "measures against the European Union,\" and \"resolved to defend its interests "
                "within the multilateral trade framework,\" Merkel's statement said.")
    assert [who for _, who, _ in got] == ["Lena Ortiz", "Merkel"]


def test_a_quotation_after_a_colon_is_the_subjects_when_the_clause_names_no_one_else():
    quote = (" \"Without us and without me in particular, I guess, they wouldn't be discussing "
             "anything.\"")
    known = "President Donald Trump spoke on Tuesday."

    def speaker(lead):
        return _cued(known, lead + quote)[0][1]
    assert speaker("Trump also took credit for improved relations, including North Korea's "
                   "participation in the Winter Olympics in South Korea:") == "Donald Trump"
    # another person named before the colon, or a clause not opening with its subject; a
    # name right before the colon is the speaker whatever the clause is about
    assert speaker("Trump met Nancy Pelosi on Monday:") is None
    assert speaker("Trump's plan drew criticism from Nancy Pelosi:") == "Nancy Pelosi"
    assert speaker("Later, Trump took credit for it:") is None
    assert speaker("The crowd took it up:") is None


def test_a_name_after_a_preposition_in_the_tag_is_not_the_speaker():
    got = speakers("Mayor Ann Lee spoke at the harbour on Monday.",
                   "She said it would be \"wrong to welcome the cruise ship\" to Governor Tom "
                   "Hart, adding that the port was closed.")
    assert [s for s, _ in got] == ["Ann Lee"]


def test_what_someone_called_a_thing_is_their_words_whoever_speaks_after():
    """USA Today: 'what Trump called "a very special relationship," Macron repeatedly hinted'
    gave Trump's words to Macron."""
    got = speakers('"I like him a lot," Trump said after a kiss on the cheek from Macron.',
                   'But even as they touted what Trump called "a very special relationship," '
                   "Macron repeatedly hinted at the issues dividing the two countries.",
                   'Pelosi called it "a total and complete disaster for the country," Schumer '
                   "said.")
    assert got[1] == ("Trump", "a very special relationship")
    assert got[2] == ("Pelosi", "a total and complete disaster for the country")
    # "called for" names nothing: the tag's speaker it stays
    assert speakers('Jones called for "an end to the war in the region," Smith said.') == [
        ("Smith", "an end to the war in the region")]


def test_reported_speech_in_the_first_person_of_the_one_told_is_not_the_speakers():
    """Comey's memos quoted by Fox and HuffPost: the "me" and "I" are Comey's, who wrote the
    exchange down, so the words are not Trump's but his, the one other person named before
    them; with two others named, whose they are is not told."""
    got = speakers("President Donald Trump spoke with FBI Director James Comey on March 30.",
                   '"I did not reply," wrote Comey, who added that as Trump ended the call, the '
                   'president told him he was "doing a great job and wished me well."',
                   'Trump called Comey again on April 11 to ask "if I did what he had asked last '
                   'time."',
                   "Comey notes that Trump complimented him, noting that the president at times "
                   'said "he thought very highly of me" in those days.')
    assert got == [("James Comey", "I did not reply"),
                   ("James Comey", "doing a great job and wished me well."),
                   ("James Comey", "if I did what he had asked last time."),
                   ("James Comey", "he thought very highly of me")]
    got = speakers("President Ann Lee met Director Sam Reyes and Judge Jo Park on Monday.",
                   "Reyes and Park say that the president at times said \"he thought very "
                   "highly of me\" in those days.")
    assert got == [(None, "he thought very highly of me")]
    # the first person of the one who speaks stays theirs
    assert speakers('Comey wrote that he "did not reply, or even nod or change my facial '
                    'expression."')[0][0] == "Comey"
    assert speakers('"He told me to leave the room at once," Smith said.')[0][0] == "Smith"
    assert speakers('Trump told him directly, "I need loyalty, I expect loyalty."')[0][0] == (
        "Trump")


def test_a_campaign_named_after_someone_speaks_not_its_namesake():
    """USA Today: the Trump campaign's court filings were given to Donald Trump."""
    got = speakers("President Donald Trump met aides on Friday.",
                   "The Trump campaign is seeking to dismiss that case, arguing in court filings "
                   'that it is a "disruptive, politically motivated lawsuit" that threatens '
                   "his duties.",
                   'The campaign said it was "a fundraising ploy by the desperate Democrats."')
    assert got == [("the Trump campaign", "disruptive, politically motivated lawsuit"),
                   ("the campaign", "a fundraising ploy by the desperate Democrats.")]


def test_he_after_someones_remarks_when_he_said_is_them():
    """Breitbart: 'Breitbart London reported in 2017 on Khan's remarks, when he said it
    wouldn't be "appropriate ..."' gave Sadiq Khan's words to "Breitbart London"."""
    got = speakers("Foremost among those opposing the visit is London Mayor Sadiq Khan.",
                   "Breitbart London reported in 2017 on Khan's remarks, when he said it wouldn't "
                   'be "appropriate for our government to roll out the red carpet" to the '
                   "president.")
    assert got == [("Sadiq Khan", "appropriate for our government to roll out the red carpet")]
    got = speakers("Mayor Jo Park dismissed Governor Ann Lee's remarks on Monday.",
                   '"We will build the bridge on time and on budget," she said.')
    assert got[0][0] == "Jo Park"


def test_a_participle_after_a_name_it_is_said_to_is_the_speakers_not_theirs():
    """Breitbart: '... "appropriate for our government to roll out the red carpet" to
    President Trump, complaining his policies "go[es] against everything we stand for."' gave
    Khan's complaint to Trump, to whom it was made."""
    got = speakers("Foremost among those opposing the visit is London Mayor Sadiq Khan.",
                   "Breitbart London reported in 2017 on Khan's remarks, when he said it wouldn't "
                   'be "appropriate for our government to roll out the red carpet" to President '
                   'Trump, complaining his policies "go[es] against everything we stand for."')
    assert got == [("Sadiq Khan", "appropriate for our government to roll out the red carpet"),
                   ("Sadiq Khan", "go[es] against everything we stand for.")]
    got = speakers('Senator Ann Lee wrote to Governor Bo Park, complaining the plan "breaks every '
                   'promise we made."')
    assert got == [("Ann Lee", "breaks every promise we made.")]


def test_a_role_or_an_organisation_by_its_kind_is_the_one_named_before():
    got = speakers(
        "North Korea will stop its nuclear tests, the Korean Central News Agency said.",
        "The agency added, “the North will shut down a nuclear test site in the north.”",
        "Rep. Elijah E. Cummings of Maryland said the memos were damning.",
        "The congressman added that the memos are “corroborated by other witnesses.”",
        "“The suit has no merit at all, none,” the committee said.",
        "“It has every merit,” the embassy said.")
    assert got == [
        ("Korean Central News Agency",
         "the North will shut down a nuclear test site in the north."),
        ("Elijah E. Cummings", "corroborated by other witnesses."),
        # no committee and no embassy named before: the source stays as the outlet describes it
        ("the committee", "The suit has no merit at all, none"),
        ("the embassy", "It has every merit")]


def test_common_described_sources_and_tags_of_wire_copy():
    """The tags of everyday wire copy: a source described after its verb ("said a witness"),
    "police said", a company or union, an age between a surname and its verb, and an aside
    holding a figure's comma."""
    quote = '"The strike will go on until we win,"'
    cases = {
        f"{quote} said a witness.": "a witness",
        f"{quote} said one witness, who asked not to be named.": "one witness",
        f"{quote} said a spokesman for the company.": "a spokesman",
        f"{quote} police said.": "police",
        f"{quote} said police.": "police",
        f"{quote} the union said in a statement.": "the union",
        f"{quote} the company, which employs 3,000 people, said.": "the company",
        f"{quote} Lopez, 45, told reporters on Monday.": "Lopez",
    }
    for paragraph, speaker in cases.items():
        assert _speakers(paragraph) == [("The strike will go on until we win", speaker)], (
            paragraph)
    # "according to", after the quote or leading into it
    assert _speakers(f"{quote} according to a statement from the union.") == [
        ("The strike will go on until we win", "the union")]
    assert _speakers('According to union leader Maria Lopez, "the strike will go on until we '
                     'win."') == [("the strike will go on until we win.", "Maria Lopez")]
    # "the 34-year-old mother" is the one the article last spoke of
    lost = "Maria Lopez lost her home in the fire on Sunday."
    for tag in ("the 34-year-old mother told reporters.", "said the 34-year-old."):
        assert _speakers(lost, f'"I have nothing left in this town," {tag}') == [
            ("I have nothing left in this town", "Maria Lopez")], tag
    # a possessive names nobody on its own, and a word after the source is not its verb
    assert _speakers(f"{quote} said his spokesman.") == [
        ("The strike will go on until we win", None)]


def test_a_short_whole_sentence_of_speech_goes_on_with_the_quotation_before_it():
    """'"We've fought too much to get here," he said. "And we're here."': a whole sentence in
    quotation marks is speech however short, and the speaker's before it; a short phrase in
    quotation marks with no tag is still no quotation."""
    assert _speakers('Luis Rodriguez waited at the gate. "We\'ve fought too much to get here," '
                     'he said. "And we\'re here."') == [
        ("We've fought too much to get here", "Luis Rodriguez"),
        ("And we're here.", "Luis Rodriguez")]
    assert _speakers('"He doesn\'t know," the adviser said. "And he doesn\'t care."') == [
        ("He doesn't know", "the adviser"), ("And he doesn't care.", "the adviser")]
    assert _speakers('Trump called the deal "a total disaster" on Tuesday.') == []


def test_a_source_quoting_someone_relays_that_ones_words():
    assert _speakers('"From April 21, North Korea will stop nuclear tests," the Korean Central '
                     'News Agency said, quoting Mr. Kim Jong-un.') == [
        ("From April 21, North Korea will stop nuclear tests", "Kim Jong-un")]
    assert _speakers('"We will stop the tests," the Korean Central News Agency said. Officials '
                     'in Seoul said they were quoting Kim Jong-un.') == [
        ("We will stop the tests", "Korean Central News Agency")]
