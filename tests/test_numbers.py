from hypothesis import given, strategies as st

from newsprism.numbers import find_numbers


def one(sentence):
    found = find_numbers(sentence)
    assert len(found) == 1, found
    return found[0]


def test_digits_with_commas_and_subject():
    n = one("Reports suggest that as many as 12,000 North Korean troops have been deployed.")
    assert (n.value, n.unit, n.qualifier, n.subject) == (12000, "troops", "upper",
                                                         "North Korean troops")
    assert n.text == "12,000 North Korean troops"


def test_words_and_synonyms_fold():
    n = one("Officials said eleven thousand soldiers crossed.")
    assert (n.value, n.unit) == (11000, "troops")
    assert one("They sent 500 forces there.").unit == "troops"


def test_plan_is_not_a_fact():
    n = one("Pyongyang is planning to send up to 100,000 soldiers to support Russian forces.")
    assert (n.value, n.unit, n.qualifier, n.modality) == (100000, "troops", "upper", "plan")


def test_vague_amounts():
    n = one("North Korea has begun deploying thousands of troops to Kursk.")
    assert (n.unit, n.qualifier) == ("troops", "vague")
    assert one("tens of thousands of migrants arrived").value == 10000


def test_a_figure_almost_reached_is_just_under_it():
    """USA Today's "almost four dozen questions" is fewer than 48, not about 48 either way."""
    n = one("Mueller has given a list of almost four dozen questions to the lawyers.")
    assert (n.value, n.unit, n.qualifier) == (48, "questions", "under")
    assert one("Nearly 80 percent of them pass the interview.").qualifier == "under"
    assert one("They waited just under 30 days.").qualifier == "under"
    assert one("Mueller has at least four dozen questions.").qualifier == "lower"
    assert one("About 200 migrants arrived.").qualifier == "approx"


def test_a_count_of_people_says_what_befell_them():
    """A death toll is a count of the killed, not of people at large: "killed at least 30
    people", "45 people were killed", "120 injured" and "the death toll rose to 32" say what
    happened to those counted; "About 100 people marched" says nothing of the kind."""
    def fate(sentence):
        return [(n.value, n.unit, n.subject) for n in find_numbers(sentence)]
    assert fate("The earthquake killed at least 30 people in the province.") == [
        (30, "people", "people killed")]
    assert fate("At least 45 people were killed and 120 injured in the blast.") == [
        (45, "people", "people killed"), (120, "people", "people injured")]
    assert fate("The blast killed 38 people and wounded more than 100.") == [
        (38, "people", "people killed"), (100, "people", "people injured")]
    assert fate("The death toll rose to 32 on Tuesday.") == [(32, "people", "people killed")]
    assert fate("The attack left 30 people dead.") == [(30, "people", "people killed")]
    assert fate("The quake caused 32 deaths.") == [(32, "people", "people killed")]
    assert fate("Police said 14 people were arrested.") == [(14, "people", "people arrested")]
    assert fate("About 100 people marched along the beach.") == [(100, "people", "people")]
    assert fate("Some 3,000 workers walked off the job.") == [(3000, "workers", "workers")]


def test_a_share_is_the_level_of_what_its_verb_links_it_to():
    """"Unemployment rose to 4.1%": a rate of unemployment; "rose by 5%" is a change, and "It"
    names nothing."""
    assert one("Unemployment in the country rose to 4.1% in March.").subject == "Unemployment"
    assert one("Officials said turnout in the referendum reached 65%.").subject == "turnout"
    assert one("Trump's approval rating fell to 38 percent in the poll.").subject == (
        "Trump's approval rating")
    assert one("It rose to 5%.").subject == ""
    assert one("Russia holds roughly 20% of Ukraine.").subject == "Ukraine"


def test_a_number_between_commas_after_a_name_is_an_age():
    assert [(n.value, n.unit, n.subject) for n in find_numbers(
        "Smith, 45, and Jones, 47, were arrested.")] == [
        (45, "years old", "Smith"), (47, "years old", "Jones")]
    assert one("The migrant, said Rubilio Mendez, 34.").subject == "Rubilio Mendez"
    assert one("On March 3, 45 people died.").unit == "people"  # a date, then a count
    assert one("The Dow fell 300, or more.").unit == ""


def test_a_vote_tally_counts_the_votes_for_and_names_who_voted():
    def tally(sentence):
        return [(n.text, n.value, n.unit, n.subject) for n in find_numbers(sentence)]
    assert tally("The Senate passed the bill 52-48 on Tuesday.") == [
        ("52-48", 52, "votes", "Senate")]
    assert tally("The Senate voted 51 to 49 to confirm him.") == [
        ("51 to 49", 51, "votes", "Senate")]
    assert tally("The court issued a 5-4 ruling.") == [("5-4", 5, "votes", "")]
    # a range is no tally, nor a fall from one figure to another
    assert tally("The town is 10-12 miles away.")[0][2] == "miles"
    assert [n.unit for n in find_numbers("Sales fell from 2,000 to 500 units.")] == [
        "", "units"]


def test_measures_and_their_subjects():
    n = one("ATACMS has a range of about 190 miles.")
    assert (n.value, n.unit, n.qualifier, n.subject) == (190, "miles", "approx", "range")
    n = one("It would secure an 800-mile buffer zone.")
    assert (n.value, n.unit, n.text, n.subject) == (800, "miles", "800-mile", "buffer zone")
    n = one("The plan includes a 20-year moratorium on membership.")
    assert (n.value, n.unit, n.subject) == (20, "years", "moratorium")
    n = one("Russia holds roughly 20% of Ukraine.")
    assert (n.value, n.unit, n.qualifier, n.subject) == (20, "%", "approx", "Ukraine")


def test_speeds_and_magnitudes_are_measures_of_what_they_measure():
    """"120 mph near Tampa" measures winds, not "Tampa"; a quake's magnitude is one figure
    however it is written, and an aftershock's is another thing's."""
    def measure(sentence):
        return [(n.value, n.unit, n.text, n.subject) for n in find_numbers(sentence)]
    assert measure("The hurricane made landfall with winds of 120 mph near Tampa.") == [
        (120, "mph", "120 mph", "winds")]
    assert measure("Winds reached 120 miles per hour near Tampa.") == [
        (120, "mph", "120 miles per hour", "Winds")]
    assert measure("The storm hit with 190 km/h winds.") == [(190, "km/h", "190 km/h", "winds")]
    assert measure("The fire burned 140,000 acres near Paradise.")[0][3] == ""
    assert measure("A 6.9 magnitude earthquake hit, followed by a magnitude 5.2 aftershock.") == [
        (6.9, "magnitude", "6.9 magnitude", "earthquake"),
        (5.2, "magnitude", "magnitude 5.2", "aftershock")]
    assert measure("A 7.1-magnitude quake struck.") == [
        (7.1, "magnitude", "7.1-magnitude", "earthquake")]
    assert measure("A magnitude-7.1 temblor struck.") == [
        (7.1, "magnitude", "magnitude-7.1", "earthquake")]
    assert measure("The quake had a magnitude of 7.1, officials said.") == [
        (7.1, "magnitude", "magnitude of 7.1", "")]
    # an irregular past verb ends the counted thing: "earthquake", not "earthquake struck"
    assert measure("Officials said 12 buildings collapsed.")[0][1:] == (
        "buildings", "12 buildings", "buildings")


def test_scales_currency_ranges():
    assert one("It costs $1.5 billion.").value == 1.5e9
    assert one("It costs $1.5 billion.").unit == "dollars"
    assert one("about 1.5 million people fled").value == 1.5e6
    n = one("between 10 and 12 miles away")
    assert (n.value, n.value_max, n.unit) == (10, 12, "miles")


def test_years_dates_ids_are_not_quantities():
    assert find_numbers("In 2024, on September 12 at 10 a.m., Article 5 and F-16 and COVID-19 "
                        "were discussed in the 1990s for the 1st time.") == []


def test_one_is_not_a_count():
    assert find_numbers("One thing is clear: one of them left.") == []


@given(st.integers(min_value=1, max_value=999_999_999),
       st.sampled_from(["troops", "soldiers", "people", "migrants", "missiles"]),
       st.sampled_from([("", "exact"), ("about ", "approx"), ("up to ", "upper"),
                        ("more than ", "lower"), ("as many as ", "upper")]))
def test_property_digits_round_trip(value, noun, qualifier):
    text = f"{value:,}"
    if 1800 <= value <= 2100:
        return  # may be read as a year when written without a comma; not a round trip
    sentence = f"Officials said {qualifier[0]}{text} {noun} arrived on Tuesday."
    n = one(sentence)
    assert n.value == value
    assert n.qualifier == qualifier[1]
    assert n.text in sentence
    assert n.unit == ("troops" if noun in ("troops", "soldiers") else noun)


@given(st.text(max_size=200))
def test_property_never_crashes_and_spans_are_verbatim(sentence):
    for n in find_numbers(sentence):
        assert n.text in sentence


def test_a_house_number_is_no_quantity():
    assert find_numbers('"He will hold talks," 10 Downing Street said in a statement.') == []
    assert find_numbers("Protesters gathered outside 1600 Pennsylvania Avenue.") == []
    assert [n.value for n in find_numbers("Police closed 10 streets downtown.")] == [10]
