"""Hand-built analyses for the web tests: no spaCy, offsets computed from the text.

Two articles: a meeting between John Kerry and Sergei Lavrov (August 2013, with boilerplate,
a direct and an indirect quote and two events), and a hostile article (September 2013) whose
title, text, quote and actor name carry HTML and ``<script>`` that must be shown as text.
"""

from __future__ import annotations

from pathlib import Path

from communique.records import Actor, Analysis, Article, Event, Quote, content_hash
from communique.store.db import Store

KERRY_TEXT = (
    "Menu | Subscribe | Login\n\n"
    "Kerry meets Lavrov in Washington\n\n"
    "Secretary of State John Kerry met Foreign Minister Sergei Lavrov on Friday. "
    "\u201cWe will discuss these differences today,\u201d Kerry said. "
    "Lavrov said Russia would not extradite Snowden.\n\n"
    "Share this article"
)

HOSTILE_TEXT = (
    "Officials traded threats. <script>alert('xss')</script> <b>bold</b>\n\n"
    "\u201c<img src=x onerror=alert(2)>\u201d, Mallory said. "
    "The Pentagon warned Russia about military drills."
)
HOSTILE_TITLE = "<script>alert('title')</script> Threats"
HOSTILE_ACTOR = "<i>Mallory</i>"


def span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def kerry_analysis() -> Analysis:
    t = KERRY_TEXT
    body_start = t.index("Kerry meets")
    body = ((body_start, t.index("\n\nShare")),)
    article = Article(
        id="kerry-lavrov-2013",
        source="test",
        text=t,
        body=body,
        content_hash=content_hash(t),
        title="Kerry meets Lavrov",
        outlet="Test Wire",
        published="2013-08-09",
        url="https://example.org/kerry",
    )
    s1 = t.index("Secretary")
    kerry_full = span(t, "John Kerry")
    kerry_said = span(t, "Kerry", t.index("\u201d"))
    lavrov_full = span(t, "Sergei Lavrov")
    lavrov_said = span(t, "Lavrov", lavrov_full[1])
    russia = span(t, "Russia", lavrov_said[1])
    actors = (
        Actor(
            id="a1",
            name="John Kerry",
            kind="person",
            mentions=(kerry_full, kerry_said),
            country="USA",
            role="Secretary of State",
            code="USAGOV",
            aliases=("John Kerry", "Kerry"),
        ),
        Actor(
            id="a2",
            name="Sergei Lavrov",
            kind="person",
            mentions=(lavrov_full, lavrov_said),
            country="RUS",
            role="Foreign Minister",
            code="RUSGOV",
            aliases=("Sergei Lavrov", "Lavrov"),
        ),
        Actor(
            id="a3", name="Russia", kind="country", mentions=(russia,), country="RUS", code="RUS"
        ),
    )
    direct = span(t, "We will discuss these differences today,")
    said1 = span(t, "said", kerry_said[1])
    indirect = span(t, "Russia would not extradite Snowden")
    said2 = span(t, "said", lavrov_said[1])
    quotes = (
        Quote(
            start=direct[0],
            end=direct[1],
            fragments=(direct,),
            text=t[direct[0] : direct[1]],
            kind="direct",
            speaker="John Kerry",
            speaker_actor="a1",
            speaker_start=kerry_said[0],
            speaker_end=kerry_said[1],
            cue="said",
            cue_start=said1[0],
            cue_end=said1[1],
        ),
        Quote(
            start=indirect[0],
            end=indirect[1],
            fragments=(indirect,),
            text=t[indirect[0] : indirect[1]],
            kind="indirect",
            speaker="Sergei Lavrov",
            speaker_actor="a2",
            speaker_start=lavrov_said[0],
            speaker_end=lavrov_said[1],
            cue="said",
            cue_start=said2[0],
            cue_end=said2[1],
        ),
    )
    sentence1 = (s1, t.index(".", s1) + 1)
    sentence3 = (lavrov_said[0], t.index(".", lavrov_said[0]) + 1)
    events = (
        Event(
            source="USAGOV",
            target="RUSGOV",
            code="040",
            name="Consult, not specified",
            plover="CONSULT",
            goldstein=1.0,
            quad_class=1,
            start=sentence1[0],
            end=sentence1[1],
            source_actor="a1",
            target_actor="a2",
            date="2013-08-09",
            text=t[sentence1[0] : sentence1[1]],
        ),
        Event(
            source="RUSGOV",
            target="USAGOV",
            code="120",
            name="Reject, not specified",
            plover="REJECT",
            goldstein=-4.0,
            quad_class=3,
            start=sentence3[0],
            end=sentence3[1],
            source_actor="a2",
            target_actor="a1",
            date="2013-08-09",
            text=t[sentence3[0] : sentence3[1]],
        ),
    )
    return Analysis(
        article=article,
        actors=actors,
        quotes=quotes,
        events=events,
        topics=("diplomacy",),
        tone=-0.5,
    )


def hostile_analysis() -> Analysis:
    t = HOSTILE_TEXT
    article = Article(
        id="hostile/2013 <x>",
        source="test",
        text=t,
        body=((0, len(t)),),
        content_hash=content_hash(t),
        title=HOSTILE_TITLE,
        outlet="<b>Outlet</b>",
        published="2013-09-15",
        url="javascript:alert(3)",
    )
    mallory = span(t, "Mallory")
    pentagon = span(t, "The Pentagon")
    russia = span(t, "Russia", pentagon[1])
    q = span(t, "<img src=x onerror=alert(2)>")
    said = span(t, "said", mallory[1])
    actors = (
        Actor(
            id="a1",
            name=HOSTILE_ACTOR,
            kind="person",
            mentions=(mallory,),
            country="RUS",
            role="<u>Spokesman</u>",
            code="RUSGOV",
        ),
        Actor(
            id="a2",
            name="Pentagon",
            kind="organization",
            mentions=(pentagon,),
            country="USA",
            code="USAMIL",
        ),
        Actor(
            id="a3", name="Russia", kind="country", mentions=(russia,), country="RUS", code="RUS"
        ),
    )
    quotes = (
        Quote(
            start=q[0],
            end=q[1],
            fragments=(q,),
            text=t[q[0] : q[1]],
            kind="direct",
            speaker=HOSTILE_ACTOR,
            speaker_actor="a1",
            speaker_start=mallory[0],
            speaker_end=mallory[1],
            cue="said",
            cue_start=said[0],
            cue_end=said[1],
        ),
    )
    sentence = (pentagon[0], len(t))
    events = (
        Event(
            source="USAMIL",
            target="RUS",
            code="1382",
            name="Threaten with military force",
            plover="THREATEN",
            goldstein=-7.0,
            quad_class=3,
            start=sentence[0],
            end=sentence[1],
            source_actor="a2",
            target_actor="a3",
            date="2013-09-15",
            text=t[sentence[0] : sentence[1]],
        ),
        Event(
            source="RUSGOV",
            target="USAMIL",
            code="190",
            name="Use conventional military force",
            plover="ASSAULT",
            goldstein=-10.0,
            quad_class=4,
            start=0,
            end=25,
            source_actor="a1",
            target_actor="a2",
            date="2013-09-20",
            text=t[0:25],
        ),
    )
    return Analysis(article=article, actors=actors, quotes=quotes, events=events)


def build_db(path: Path) -> Path:
    """A database holding the two sample articles."""
    with Store(path, clock=lambda: "2013-10-01T00:00:00+00:00") as store:
        store.write([kerry_analysis(), hostile_analysis()])
    return path


TIMELINE: tuple[tuple[str, str, str, str, str, float, int], ...] = (
    # date, source, target, CAMEO code, event name, Goldstein, quad class
    ("2013-03-14", "USAGOV", "RUSGOV", "043", "Host a visit", 2.8, 1),
    ("2013-04-02", "RUSGOV", "USAGOV", "057", "Sign formal agreement", 8.0, 1),
    ("2013-05-20", "USAGOV", "RUSGOV", "111", "Criticize or denounce", -2.0, 3),
    ("2013-06-11", "USAGOV", "RUSGOV", "172", "Impose administrative sanctions", -5.0, 4),
    ("2013-07-03", "RUSGOV", "USAGOV", "070", "Provide aid", 7.0, 2),
    ("2013-08-09", "USAGOV", "RUSGOV", "040", "Consult, not specified", 1.0, 1),
    ("2013-09-17", "RUSGOV", "USAGOV", "130", "Threaten, not specified", -4.4, 3),
    ("2013-10-22", "USAGOV", "RUSGOV", "163", "Impose embargo, boycott, or sanctions", -8.0, 4),
    ("2013-11-05", "RUSGOV", "USAGOV", "036", "Express intent to meet or negotiate", 4.0, 1),
    ("2013-12-12", "USAGOV", "RUSGOV", "061", "Cooperate economically", 6.4, 2),
)


def timeline_analyses() -> list[Analysis]:
    """Ten short invented dispatches, one a month in 2013, each with one United States-Russia
    event: enough for a relations chart with every quad class and a moving Goldstein line."""
    out = []
    for date, source, target, code, name, goldstein, quad in TIMELINE:
        t = (
            f"Sample dispatch of {date}. Officials of the United States and Russia met; "
            f"the record codes it as: {name.lower()}."
        )
        usa, rus = span(t, "United States"), span(t, "Russia")
        article = Article(
            id=f"sample-{date}",
            source="test",
            text=t,
            body=((0, len(t)),),
            content_hash=content_hash(t),
            title=f"Sample dispatch: {name}",
            outlet="Sample Wire",
            published=date,
        )
        actors = (
            Actor(
                id="a1",
                name="United States",
                kind="country",
                mentions=(usa,),
                country="USA",
                code="USA",
            ),
            Actor(
                id="a2", name="Russia", kind="country", mentions=(rus,), country="RUS", code="RUS"
            ),
        )
        local = {"USAGOV": "a1", "RUSGOV": "a2"}
        event = Event(
            source=source,
            target=target,
            code=code,
            name=name,
            plover=None,
            goldstein=goldstein,
            quad_class=quad,
            start=0,
            end=len(t),
            source_actor=local[source],
            target_actor=local[target],
            date=date,
            text=t,
        )
        out.append(Analysis(article=article, actors=actors, events=(event,)))
    return out


def exchange_analyses() -> list[Analysis]:
    """Two invented articles about a stock exchange, for the network: the first names it in
    full with its abbreviation and quotes a description ("officials"); the second calls it only
    "LSE", which cross-article resolution keeps apart, and the network must draw as one node."""
    first = (
        "The London Stock Exchange (LSE) opened late. "
        "\u201cThe London Stock Exchange will recover,\u201d Xavier Rolet said. "
        "\u201cThe London Stock Exchange failed us,\u201d officials said."
    )
    second = "\u201cThe LSE is strong,\u201d Xavier Rolet said on Monday."
    out = []
    for doc_id, t, date in (
        ("exchange-1", first, "2013-06-03"),
        ("exchange-2", second, "2013-06-10"),
    ):
        exchange_name = "London Stock Exchange" if doc_id == "exchange-1" else "LSE"
        exchange = [span(t, exchange_name)]
        if doc_id == "exchange-1":
            exchange += [span(t, "LSE"), span(t, exchange_name, exchange[0][1] + 1)]
            exchange.append(span(t, exchange_name, exchange[-1][1]))
        rolet = span(t, "Xavier Rolet")
        actors = [
            Actor(
                id="a1",
                name=exchange_name,
                kind="organization",
                mentions=tuple(sorted(exchange)),
                country="GBR",
                aliases=("London Stock Exchange", "LSE") if doc_id == "exchange-1" else ("LSE",),
            ),
            Actor(id="a2", name="Xavier Rolet", kind="person", mentions=(rolet,), country="GBR"),
        ]
        said = span(t, "said", rolet[1])
        if doc_id == "exchange-1":
            quoted = span(t, "The London Stock Exchange will recover,")
        else:
            quoted = span(t, "The LSE is strong,")
        quotes = [
            Quote(
                start=quoted[0],
                end=quoted[1],
                fragments=(quoted,),
                text=t[quoted[0] : quoted[1]],
                kind="direct",
                speaker="Xavier Rolet",
                speaker_actor="a2",
                speaker_start=rolet[0],
                speaker_end=rolet[1],
                cue="said",
                cue_start=said[0],
                cue_end=said[1],
            )
        ]
        if doc_id == "exchange-1":
            officials = span(t, "officials")
            actors.append(
                Actor(
                    id="a3",
                    name="officials",
                    kind="person",
                    mentions=(officials,),
                    named=False,
                )
            )
            q2 = span(t, "The London Stock Exchange failed us,")
            said2 = span(t, "said", officials[1])
            quotes.append(
                Quote(
                    start=q2[0],
                    end=q2[1],
                    fragments=(q2,),
                    text=t[q2[0] : q2[1]],
                    kind="direct",
                    speaker="officials",
                    speaker_actor="a3",
                    speaker_start=officials[0],
                    speaker_end=officials[1],
                    cue="said",
                    cue_start=said2[0],
                    cue_end=said2[1],
                )
            )
        article = Article(
            id=doc_id,
            source="test",
            text=t,
            body=((0, len(t)),),
            content_hash=content_hash(t),
            title="Exchange news",
            outlet="Sample Wire",
            published=date,
        )
        out.append(Analysis(article=article, actors=tuple(actors), quotes=tuple(quotes)))
    return out


def build_demo_db(path: Path) -> Path:
    """The two sample articles, the timeline and the exchange articles: what the browser tests
    look at."""
    build_db(path)
    with Store(path, clock=lambda: "2013-12-31T00:00:00+00:00") as store:
        store.write(timeline_analyses())
        store.write(exchange_analyses())
    return path


def harvest_analyses(n: int = 45) -> list[Analysis]:
    """``n`` one-line articles, each quoting Ana Lima on the harvest and naming a farm: enough
    rows for totals, numbered pages and sorting."""
    out = []
    for i in range(1, n + 1):
        farm = f"Farm {i:02d}"
        t = f"\u201cThe harvest at {farm} is late,\u201d Ana Lima said."
        quoted = span(t, f"The harvest at {farm} is late,")
        lima, said = span(t, "Ana Lima"), span(t, "said")
        article = Article(
            id=f"harvest-{i:02d}",
            source="test",
            text=t,
            body=((0, len(t)),),
            content_hash=content_hash(t),
            title=f"Harvest report {i}",
            outlet="Farm Wire",
            published=f"2014-{1 + i % 12:02d}-{1 + i % 28:02d}",
        )
        actors = (
            Actor(id="a1", name="Ana Lima", kind="person", mentions=(lima,), country="BRA"),
            Actor(
                id="a2", name=farm, kind="organization", mentions=(span(t, farm),), country="BRA"
            ),
        )
        quote = Quote(
            start=quoted[0],
            end=quoted[1],
            fragments=(quoted,),
            text=t[quoted[0] : quoted[1]],
            kind="direct",
            speaker="Ana Lima",
            speaker_actor="a1",
            speaker_start=lima[0],
            speaker_end=lima[1],
            cue="said",
            cue_start=said[0],
            cue_end=said[1],
        )
        out.append(Analysis(article=article, actors=actors, quotes=(quote,)))
    return out


SYNDICATED_TEXT = (
    "Talks between the two governments on a new trade agreement ended on Tuesday without a "
    "deal, after three days of negotiations in Geneva over tariffs on steel, farm goods and "
    "cars. \u201cWe are closer than ever,\u201d Maria Costa said. Both sides said they would "
    "meet again next month and that a framework agreement was still possible before the end "
    "of the year, although neither gave ground on the central question of subsidies."
)


def syndicated_analyses() -> list[Analysis]:
    """One wire story printed by two outlets (one story of two copies: the quote counts once),
    and an undated article of another outlet quoting the same speaker."""
    out = []
    for doc_id, outlet, published, text in (
        ("wire-a", "Wire A", "2014-03-04", SYNDICATED_TEXT),
        ("wire-b", "Wire B", "2014-04-01", SYNDICATED_TEXT + " Reuters contributed."),
        (
            "costa-undated",
            "Wire C",
            None,
            "\u201cSubsidies are not negotiable,\u201d Maria Costa said at the port.",
        ),
    ):
        quoted = span(
            text,
            "We are closer than ever,"
            if doc_id != "costa-undated"
            else "Subsidies are not negotiable,",
        )
        costa, said = span(text, "Maria Costa"), span(text, "said", span(text, "Maria Costa")[1])
        article = Article(
            id=doc_id,
            source="test",
            text=text,
            body=((0, len(text)),),
            content_hash=content_hash(text),
            title=f"Trade talks ({outlet})",
            outlet=outlet,
            published=published,
        )
        actors = (
            Actor(id="a1", name="Maria Costa", kind="person", mentions=(costa,), country="PRT"),
        )
        quote = Quote(
            start=quoted[0],
            end=quoted[1],
            fragments=(quoted,),
            text=text[quoted[0] : quoted[1]],
            kind="direct",
            speaker="Maria Costa",
            speaker_actor="a1",
            speaker_start=costa[0],
            speaker_end=costa[1],
            cue="said",
            cue_start=said[0],
            cue_end=said[1],
        )
        out.append(
            Analysis(
                article=article,
                actors=actors,
                quotes=(quote,),
                topics=("trade",),
                tone=1.5 if doc_id == "wire-a" else -0.5,
            )
        )
    return out
