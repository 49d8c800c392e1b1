"""A small hand-written corpus of near-twin events: same topic, different events.

Invented reporting (no real outlet's text), three outlets per event, written with different
wording per outlet, the way real coverage differs.  Event ids are the keys of TWIN_EVENTS.
"""
from newsprism.model import Article, Block

TWIN_EVENTS = {
    "quake-malatya": [
        ("Daily Ledger", "2023-03-02", "Magnitude 6.1 earthquake strikes Malatya, killing 14",
         "A magnitude 6.1 earthquake struck Malatya province in eastern Turkey early on Thursday, "
         "killing at least 14 people and collapsing dozens of buildings, the disaster agency AFAD said. "
         "Rescuers searched the rubble in the town of Yesilyurt through the night."),
        ("Morning Post", "2023-03-02", "Deadly quake hits eastern Turkey's Malatya province",
         "At least 14 people died when a 6.1-magnitude quake shook Malatya on Thursday. "
         "Turkey's AFAD emergency agency said 120 people were injured in Yesilyurt and nearby villages, "
         "and Interior Minister Suleyman Soylu flew to the region."),
        ("Wire Report", "2023-03-03", "Rescuers dig for survivors after Malatya earthquake",
         "Teams in Yesilyurt pulled two survivors from a collapsed apartment block a day after the "
         "6.1 magnitude earthquake in Malatya, Turkey. The death toll stood at 14, AFAD said."),
    ],
    "quake-hatay": [
        ("Daily Ledger", "2023-03-20", "5.6 magnitude earthquake rattles Hatay, three dead",
         "A 5.6 magnitude earthquake hit Hatay province in southern Turkey on Monday, killing three "
         "people in Antakya and Defne, AFAD said. Several damaged buildings collapsed."),
        ("Morning Post", "2023-03-20", "Fresh quake in Turkey's Hatay kills three",
         "Three people were killed in Antakya when a 5.6-magnitude tremor struck Hatay on Monday, "
         "Turkish officials said. Health Minister Fahrettin Koca said 30 people were treated in Defne."),
        ("Wire Report", "2023-03-21", "Hatay shaken again as new earthquake leaves three dead",
         "Residents of Antakya slept outdoors after Monday's 5.6 earthquake in Hatay province of "
         "Turkey left three dead, AFAD said, and buildings in Defne were cordoned off."),
    ],
    "senate-cloture": [
        ("Capitol Daily", "2021-07-28", "Senate advances infrastructure bill in 67-32 procedural vote",
         "The Senate voted 67-32 on Wednesday to open debate on the bipartisan infrastructure bill, "
         "a procedural step that clears the way for amendments. Majority Leader Chuck Schumer said "
         "final passage could come within days."),
        ("National Desk", "2021-07-28", "Infrastructure deal clears first Senate hurdle",
         "Seventeen Republicans joined Democrats in a 67-32 vote to move forward with the "
         "infrastructure package on Wednesday night. Senator Rob Portman said the procedural vote "
         "showed the deal had momentum."),
        ("Wire Report", "2021-07-29", "Senators vote to begin debate on infrastructure package",
         "The Senate's 67-32 procedural vote on Wednesday to begin debate on the infrastructure package "
         "sets up days of amendments, Schumer said, with Portman and Kyrsten Sinema leading talks."),
    ],
    "senate-passage": [
        ("Capitol Daily", "2021-08-10", "Senate passes $1 trillion infrastructure bill 69-30",
         "The Senate passed the $1 trillion bipartisan infrastructure bill 69-30 on Tuesday, sending "
         "it to the House. Speaker Nancy Pelosi said the House would take it up with the budget plan."),
        ("National Desk", "2021-08-10", "Infrastructure bill wins final Senate approval",
         "Nineteen Republicans voted with Democrats as the infrastructure bill passed 69-30 on "
         "Tuesday. The final vote hands the bill to Pelosi and the House."),
        ("Wire Report", "2021-08-11", "Senate approves infrastructure package, House next",
         "After passing the Senate 69-30 on Tuesday, the $1 trillion infrastructure package heads to "
         "the House, where Pelosi has tied it to a larger budget bill."),
    ],
    "summit-set": [
        ("Globe Times", "2018-05-10", "Trump says he will meet Kim Jong Un in Singapore on June 12",
         "President Trump announced on Thursday that his summit with North Korean leader Kim Jong Un "
         "will take place in Singapore on June 12. The meeting would be the first between a sitting "
         "president and a North Korean leader."),
        ("Evening Star", "2018-05-10", "Singapore picked to host Trump-Kim summit",
         "Singapore will host the June 12 summit between Trump and Kim, the president wrote on "
         "Twitter on Thursday, after three detained Americans were freed by Pyongyang."),
        ("Wire Report", "2018-05-11", "Date and place set for historic Trump-Kim meeting",
         "Trump and Kim Jong Un will meet in Singapore on June 12, the White House confirmed, calling "
         "the summit a chance to end North Korea's nuclear program."),
    ],
    "summit-cancelled": [
        ("Globe Times", "2018-05-24", "Trump cancels Singapore summit with Kim Jong Un",
         "President Trump on Thursday called off his planned June 12 summit with Kim Jong Un in "
         "Singapore, citing the tremendous anger and open hostility in a recent North Korean statement."),
        ("Evening Star", "2018-05-24", "Trump calls off Kim meeting in letter",
         "In a letter to Kim released Thursday, Trump cancelled the Singapore summit, saying it would "
         "be inappropriate to hold the long-planned meeting now. Pyongyang had attacked Vice "
         "President Mike Pence."),
        ("Wire Report", "2018-05-25", "North Korea says it is still open to talks after Trump scraps summit",
         "A day after Trump cancelled the June 12 summit in a letter, North Korea's vice foreign "
         "minister Kim Kye Gwan said Pyongyang remained willing to talk to Washington."),
    ],
    "fed-hike": [
        ("Money Daily", "2022-03-16", "Fed raises interest rates for first time since 2018",
         "The Federal Reserve raised its benchmark interest rate by a quarter point on Wednesday, "
         "to a range of 0.25% to 0.5%, and Chair Jerome Powell signalled six more increases this year."),
        ("Market Watchers", "2022-03-16", "Powell's Fed lifts rates a quarter point to fight inflation",
         "Fed policymakers voted 8-1 to lift the federal funds rate by 25 basis points on Wednesday, "
         "the first hike since 2018, as inflation ran at 7.9%."),
        ("Wire Report", "2022-03-17", "Stocks rally after Fed's first rate rise in three years",
         "Markets rose a day after the Federal Reserve's first rate increase since 2018, a quarter "
         "point, with Powell saying the economy was very strong."),
    ],
    "fed-hold": [
        ("Money Daily", "2022-11-02", "Fed delivers fourth straight three-quarter point hike",
         "The Federal Reserve raised rates by 0.75 percentage point on Wednesday, its fourth straight "
         "jumbo increase, to a range of 3.75% to 4%, and Powell said it was premature to pause."),
        ("Market Watchers", "2022-11-02", "Powell: too early to think about pausing after 75-point hike",
         "Jerome Powell said on Wednesday that the ultimate level of rates would be higher than "
         "expected after the Fed approved another 75 basis point increase, lifting rates to 4%."),
        ("Wire Report", "2022-11-03", "Stocks slide after Fed hikes 75 basis points and signals more",
         "Shares fell after the Fed's fourth 0.75-point increase in a row, with Powell warning that "
         "rates would go higher than September projections of 4.6%."),
    ],
}


def twin_articles(dated: bool = True) -> tuple[list[Article], dict[str, str]]:
    """The corpus as Articles, and the gold {article id: event id}."""
    articles, gold = [], {}
    for event, items in TWIN_EVENTS.items():
        for k, (outlet, date, title, body) in enumerate(items):
            aid = f"{event}-{k}"
            articles.append(Article(
                id=aid, source_path=f"{aid}.txt", title=title, outlet=outlet, url=None,
                date=date if dated else None, author=None, event=None,
                blocks=[Block("paragraph", body)], content_hash=aid))
            gold[aid] = event
    return articles, gold
