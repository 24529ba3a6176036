"""Plain-text layout: body spans, headline, byline and outlet (``communique.article.plaintext``)."""

from __future__ import annotations

import pytest

from communique.article import plaintext as pt
from communique.article.furniture import FurnitureLexicon, load_furniture
from communique.article.plaintext import (
    LOCAL_FEATURES,
    LayoutModel,
    PlainTextLayout,
    analyze_layout,
    load_layout_model,
)
from communique.errors import ConfigError

from helpers import SEED

CAPTION = "Secretary of State John Kerry and Defense Secretary Chuck Hagel attend a meeting"

PAGE = """Ministers meet in Washington to mend ties - The Daily Courier

Home
World
Politics
Subscribe Sign In
Ministers meet in Washington to mend ties
By Jane Roe and John Smith
August 9, 2013 10:42 AM
The foreign ministers of the two countries met in Washington on Friday to discuss the war in \
Syria and the future of a relationship that both sides describe as strained.
“We will discuss these differences today, for certain, but this meeting remains important,” \
the secretary of state said before the talks, which lasted four hours.
Officials said afterwards that the talks had been constructive, and that further meetings \
would follow in the autumn, when both sides expect progress on arms control.
The defence ministers, who joined the second half of the meeting, agreed to restore a \
military hotline that was suspended last year after a series of incidents at sea.
Share this article
Facebook
Twitter
Related
Senate passes budget bill
12 Comments
jimbo77
August 9, 2013 at 11:02 am
This is a disgrace and everyone involved should be ashamed of themselves, frankly.
Reply
We use cookies to improve your experience on our site. By continuing to browse you agree to \
our use of cookies.
Privacy Policy
© 2013 The Daily Courier. All rights reserved.
"""

CLEAN = """Rain returns to the valley

Farmers in the valley welcomed the first heavy rain in three months on Tuesday, saying it \
came just in time for the autumn planting.

The regional weather office said more than forty millimetres fell overnight, filling \
reservoirs that had dropped to a third of their capacity.

"We had started to think it would never come," said one grower, who has farmed the same \
fields for thirty years.
"""

BODY_TEXT = (
    "Officials said the talks had been constructive and that further meetings would follow in "
    "the autumn, when both sides expect progress on arms control."
)


def body_text(text: str, layout: PlainTextLayout) -> list[str]:
    return [text[s:e] for s, e in layout.body]


def in_body(layout: PlainTextLayout, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in layout.body)


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_layout(seed: str) -> PlainTextLayout:
    return analyze_layout(seed)


# ------------------------------------------------------------------------------ the seed


@pytest.mark.parametrize(
    "boilerplate",
    ["AP Photo/Charles Dharapak", "AA Font size + Print", "Close [ x ] More from DefenseOne"],
)
def test_seed_boilerplate_is_not_body(
    seed: str, seed_layout: PlainTextLayout, boilerplate: str
) -> None:
    start = seed.index(boilerplate)
    assert not in_body(seed_layout, start, start + len(boilerplate))


def test_seed_keeps_at_most_one_copy_of_the_repeated_caption(
    seed: str, seed_layout: PlainTextLayout
) -> None:
    first = seed.index(CAPTION)
    second = seed.index(CAPTION, first + 1)
    assert not (
        in_body(seed_layout, first, first + len(CAPTION))
        and in_body(seed_layout, second, second + len(CAPTION))
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        "With President Obama in a standoff",
        "Senior administration officials told reporters",
        "Lavrov said the two nations",
        "Obama clearly misses Medvedev.",
        "The Russian foreign minister also took a dig at the U.S.",
    ],
)
def test_seed_article_paragraphs_are_body(
    seed: str, seed_layout: PlainTextLayout, paragraph: str
) -> None:
    start = seed.index(paragraph)
    assert in_body(seed_layout, start, start + len(paragraph))


def test_seed_metadata(seed_layout: PlainTextLayout) -> None:
    assert seed_layout.title == "With Summit’s Collapse, Now Russia is Kerry and Hagel’s\xa0Problem"
    assert "Stephanie Gaskell" in seed_layout.byline
    assert seed_layout.outlet == "DefenseOne"


# ------------------------------------------------------------------- spans and offsets


@pytest.mark.parametrize("name", ["seed", "page", "clean", "crlf"])
def test_body_spans_are_sorted_trimmed_whole_lines(seed: str, name: str) -> None:
    text = {
        "seed": seed,
        "page": PAGE,
        "clean": CLEAN,
        "crlf": "\u00a0" + CLEAN.replace("\n", "\r\n"),
    }[name]
    layout = analyze_layout(text)
    assert layout.body
    ends = [0]
    for start, end in layout.body:
        assert ends[-1] <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and "\n" not in piece
        assert start == 0 or text[start - 1] in "\n\u00a0 \t"
        assert end == len(text) or text[end] in "\r\n\u00a0 \t"
        ends.append(end)


@pytest.mark.parametrize("text", ["", "   \n\n\t\n", "\u200b\n"])
def test_empty_text_has_no_layout(text: str) -> None:
    assert analyze_layout(text) == PlainTextLayout(body=(), title=None, byline=(), outlet=None)


# ----------------------------------------------------------------- a flattened page


@pytest.mark.parametrize(
    "line",
    [
        "The foreign ministers of the two countries met in Washington",
        "“We will discuss these differences today",
        "Officials said afterwards that the talks had been constructive",
        "The defence ministers, who joined the second half of the meeting",
    ],
)
def test_page_article_lines_are_body(line: str) -> None:
    assert any(piece.startswith(line) for piece in body_text(PAGE, analyze_layout(PAGE)))


@pytest.mark.parametrize(
    "line",
    [
        "Ministers meet in Washington to mend ties - The Daily Courier",
        "Ministers meet in Washington to mend ties",
        "Home",
        "Subscribe Sign In",
        "By Jane Roe and John Smith",
        "Share this article",
        "Senate passes budget bill",
        "This is a disgrace and everyone involved should be ashamed of themselves, frankly.",
        "We use cookies to improve your experience on our site.",
        "© 2013 The Daily Courier. All rights reserved.",
    ],
)
def test_page_boilerplate_is_not_body(line: str) -> None:
    assert not any(piece.startswith(line) for piece in body_text(PAGE, analyze_layout(PAGE)))


def test_page_metadata() -> None:
    layout = analyze_layout(PAGE)
    assert layout.title == "Ministers meet in Washington to mend ties"
    assert layout.byline == ("Jane Roe", "John Smith")
    assert layout.outlet == "The Daily Courier"


def test_clean_article_keeps_every_paragraph_but_the_headline() -> None:
    layout = analyze_layout(CLEAN)
    assert layout.title == "Rain returns to the valley"
    pieces = body_text(CLEAN, layout)
    assert len(pieces) == 3
    assert pieces[0].startswith("Farmers in the valley") and pieces[-1].startswith('"We had')


# -------------------------------------------------------------- headline and outlet


@pytest.mark.parametrize(
    ("first_line", "title", "outlet"),
    [
        (
            "Google Stadia, Apple Arcade: So Many Ways to Play - WSJ",
            "Google Stadia, Apple Arcade: So Many Ways to Play",
            "WSJ",
        ),
        (
            "Opinion | Republicans Are Following Trump to Nowhere - The New York Times",
            "Opinion | Republicans Are Following Trump to Nowhere",
            "The New York Times",
        ),
        (
            "NASA’s commercial moon shot: firms to bid | News | Al Jazeera",
            "NASA’s commercial moon shot: firms to bid",
            "Al Jazeera",
        ),
        (
            "Michael Webb: Dramatic video shows rescue of a kidnapped girl",
            "Michael Webb: Dramatic video shows rescue of a kidnapped girl",
            None,
        ),
        ("Trump - Live", "Trump - Live", None),
    ],
)
def test_headline_and_outlet_from_the_first_line(
    first_line: str, title: str, outlet: str | None
) -> None:
    layout = analyze_layout(f"{first_line}\n\n{BODY_TEXT}\n")
    assert (layout.title, layout.outlet) == (title, outlet)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            f"{BODY_TEXT}\nCopyright © 2019 Capitol Hill Publishing Corp. All Rights Reserved.\n",
            "Capitol Hill Publishing Corp",
        ),
        (f"{BODY_TEXT}\nMore from Reuters\n", "Reuters"),
        (f"{BODY_TEXT}\n", None),
    ],
)
def test_outlet_from_the_page_when_the_title_names_none(text: str, outlet: str | None) -> None:
    assert analyze_layout(text).outlet == outlet


def test_a_first_line_that_is_a_sentence_is_no_headline() -> None:
    layout = analyze_layout(f"{BODY_TEXT}\n\n{BODY_TEXT}\n")
    assert layout.title is None
    assert len(layout.body) == 2


# ------------------------------------------------------------------------------ bylines


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By Meg James Staff Writer", ("Meg James",)),
        ("BY: Amy Kuperinsky | NJ Advance Media for NJ.com", ("Amy Kuperinsky",)),
        ("By\nSarah E. Needleman", ("Sarah E. Needleman",)),
        ("Posted by Joe Rossignol", ("Joe Rossignol",)),
        ("By Joseph Tsidulko November 19, 2019, 07:47 PM EST", ("Joseph Tsidulko",)),
        ("Kerry and Hagel huddle in Washington. By Stephanie Gaskell", ("Stephanie Gaskell",)),
        ("By clicking Subscribe you agree to the terms", ()),
        ("Stand By Me is on tonight", ()),
    ],
)
def test_byline(byline: str, names: tuple[str, ...]) -> None:
    text = f"A headline about the talks\n\n{byline}\n\n{BODY_TEXT}\n\n{BODY_TEXT}\n"
    assert analyze_layout(text).byline == names


def test_the_byline_nearest_before_the_body_wins() -> None:
    text = (
        f"A headline about the talks\nBy Jane Doe\n{BODY_TEXT}\n{BODY_TEXT}\n"
        f"Related\nBy Someone Else\n"
    )
    assert analyze_layout(text).byline == ("Jane Doe",)


# -------------------------------------------------------------------------------- model


def test_the_bundled_model_weighs_every_local_feature() -> None:
    model = load_layout_model()
    assert len(model.local[0]) == len(LOCAL_FEATURES)
    assert model.context and 0.0 < model.threshold < 1.0
    assert ("cookie",) in model.boilerplate


@pytest.mark.parametrize(
    "broken",
    [
        {"local": {}, "context": [], "threshold": 0.5, "boilerplate": []},
        {
            "local": {"no_such_feature": 1.0},
            "context": [],
            "threshold": 0.5,
            "boilerplate": [],
            "name_stops": [],
        },
        {"local": [], "context": [], "threshold": 0.5, "boilerplate": [], "name_stops": []},
        {"local": {}, "context": [], "threshold": "high", "boilerplate": [], "name_stops": []},
    ],
)
def test_a_malformed_model_is_a_config_error(broken: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match="layout model"):
        LayoutModel.from_dict(broken)


def test_an_injected_model_is_used() -> None:
    # a model whose only weight is a large bias calls every line body
    everything = LayoutModel.from_dict(
        {
            "local": {"bias": 30.0},
            "context": [],
            "threshold": 0.5,
            "boilerplate": [],
            "name_stops": [],
        }
    )
    no_furniture = FurnitureLexicon(frozenset(), frozenset(), frozenset())
    layout = analyze_layout(PAGE, everything, no_furniture)
    assert len(layout.body) == len([ln for ln in PAGE.splitlines() if ln.strip()]) - 1


# ------------------------------------------------------------------- line features
# Each feature is checked on a hand-made page: ``features(lines)[i][name]``.

P1 = (
    "Officials said the talks had been constructive and that further meetings would follow "
    "in the autumn, when both sides expect progress on arms control."
)
P2 = (
    "The defence ministers, who joined the second half of the meeting, agreed to restore a "
    "military hotline that was suspended last year after a series of incidents at sea."
)
P3 = (
    "Farmers in the valley welcomed the first heavy rain in three months on Tuesday, saying "
    "it came just in time for the autumn planting season."
)
STANDINGS = [
    "Final standings of the championship after all 36 races of the season:",
    "1 Kyle Busch 5040 5 1 17 27",
    "2 Martin Truex Jr. 5035 7 0 15 24",
    "3 Kevin Harvick 5033 4 6 15 26",
    "4 Denny Hamlin 5027 6 3 19 24",
    "5 Joey Logano 2380 2 3 12 21",
]


def local_feature(lines: list[str], at: int, name: str) -> float:
    parsed = pt._split_lines("\n".join(lines))
    feats = pt._local_features(parsed, None, load_layout_model(), load_furniture(), ())
    return feats[at][LOCAL_FEATURES.index(name)]


def static_feature(lines: list[str], at: int, name: str) -> float:
    parsed = pt._split_lines("\n".join(lines))
    local = pt._local_features(parsed, None, load_layout_model(), load_furniture(), ())
    return pt._neighbourhood(parsed, local)[at][pt.STATIC_FEATURES.index(name)]


@pytest.mark.parametrize(
    ("lines", "at", "value"),
    [
        (STANDINGS, 1, 1.0),  # 1 then 2: a ranked table
        (STANDINGS, 5, 1.0),  # 4 then 5
        (STANDINGS, 0, 0.0),
        (["1. Preheat the oven.", "2. Mix the flour and the butter."], 0, 1.0),
        (["(3) the second reading", "(4) the vote"], 1, 1.0),
        (["1a etapa: 10 de março – Interlagos", "2a etapa: 8 de abril – Curitiba"], 1, 1.0),
        (["5 things to know today", "10 best phones of the year"], 0, 0.0),
        (["2019 was a good year", "2020 was not"], 0, 0.0),  # years are no ranks
    ],
)
def test_seq_marks_lines_numbered_in_sequence(lines: list[str], at: int, value: float) -> None:
    assert local_feature(lines, at, "seq") == value


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("jimbo77 says:", 1.0),
        ("Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:", 1.0),
        ("Rating: 36 Votes", 1.0),
        ("Reply", 1.0),
        ("Report abuse", 1.0),
        ("12 likes", 1.0),
        (P1, 0.0),
        ("Reply to the minister's letter was sent on Monday", 0.0),
    ],
)
def test_chead_marks_comment_headers_and_votes(line: str, value: float) -> None:
    assert local_feature([P1, line], 1, "chead") == value


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Photo: Damian Dovarganes, AP", 1.0),
        ("Sakib Ali/Hindustan Times/Getty Images", 1.0),
        ("Protesters have worn masks to protect their identities (Image: GETTY )", 1.0),
        ("Photograph: Tim Robberts/Getty Images", 1.0),
        ("FILE PHOTO: Traders work on the floor of the exchange", 1.0),
        ("The photo shows the minister leaving the building on Friday.", 0.0),
        (P1, 0.0),
    ],
)
def test_credit_marks_photo_credits(line: str, value: float) -> None:
    assert local_feature([line], 0, "credit") == value


@pytest.mark.parametrize(
    ("lines", "at", "value"),
    [
        (
            [
                "Kerry and Hagel listen to a question from reporters on Friday.",
                "Photo: Charles Dharapak, AP",
            ],
            0,
            1.0,
        ),
        (
            [
                "Photo: Charles Dharapak, AP",
                "Kerry and Hagel listen to a question from reporters on Friday.",
            ],
            1,
            1.0,
        ),
        ([P1, P2], 0, 0.0),
    ],
)
def test_credit_nb_marks_lines_beside_a_credit(lines: list[str], at: int, value: float) -> None:
    assert static_feature(lines, at, "credit_nb") == value


@pytest.mark.parametrize(
    ("lines", "at", "value"),
    [
        (STANDINGS, 1, 1.0 / 1.1),  # one line after "... of the season:"
        (STANDINGS, 5, 1.0 / 1.5),
        (STANDINGS, 0, 0.0),  # the colon line itself introduces, it is not introduced
        (["Read more:", "Senate passes budget bill"], 1, 0.0),  # too short to introduce a list
        ([P1, "Senate passes budget bill"], 1, 0.0),
    ],
)
def test_after_colon_decays_after_a_line_introducing_a_list(
    lines: list[str], at: int, value: float
) -> None:
    assert static_feature(lines, at, "after_colon") == pytest.approx(value)


TEASERS = [
    "Senate Passes Budget Bill",
    P1,
    "Storm Hits The Coast",
    P2,
    "Rain Returns To The Valley",
    P3,
    "Ministers Meet In Washington",
    P1,
    "Hotline Restored",
    P2,
]


@pytest.mark.parametrize(
    ("lines", "at", "value"),
    [
        (TEASERS, 5, 1.0),  # teaser headline, summary, headline, summary...
        ([P1, P2, P3, P1, P2, P3, P1, P2, P3, P1], 5, 0.0),  # a run of prose
        (["Home", "World", "Sport", "Video", "Weather", "Contact", "About"], 3, 0.0),  # a menu
    ],
)
def test_alternation_counts_short_prose_switches(lines: list[str], at: int, value: float) -> None:
    assert static_feature(lines, at, "alternation") == value


# ------------------------------------------------ lists inside the article, captions

ARTICLE_WITH_TABLE = "\n".join(
    [
        "Busch wins the title in Miami - The Daily Courier",
        "Home",
        "World",
        "Sport",
        "Busch wins the title in Miami",
        P1,
        *STANDINGS,
        P2,
        P3,
        "Share this article",
        "Facebook",
        "Twitter",
    ]
)


@pytest.mark.parametrize("line", STANDINGS)
def test_a_ranked_table_inside_the_article_is_body(line: str) -> None:
    layout = analyze_layout(ARTICLE_WITH_TABLE)
    assert line in body_text(ARTICLE_WITH_TABLE, layout)


ARTICLE_WITH_CAPTION = "\n".join(
    [
        "Ministers meet in Washington - The Daily Courier",
        "Home",
        "World",
        P1,
        "Kerry and Hagel listen to a question from reporters at the State Department on Friday.",
        "Photo: Charles Dharapak, AP",
        P2,
        P3,
        "Share this article",
    ]
)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (P1, True),
        (P3, True),
        (
            "Kerry and Hagel listen to a question from reporters at the State Department on Friday.",
            False,
        ),
        ("Photo: Charles Dharapak, AP", False),
    ],
)
def test_a_captioned_photo_is_not_body(line: str, kept: bool) -> None:
    layout = analyze_layout(ARTICLE_WITH_CAPTION)
    assert (line in body_text(ARTICLE_WITH_CAPTION, layout)) == kept


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("— Jane Roe (@janeroe) November 18, 2019", 1.0),
        ("— Rep. Jane Roe 🇺🇸 (@RepRoe) Nov. 4, 2019", 1.0),
        (
            "Who are we as a nation if we answer threats with threats? pic.twitter.com/s96jjh8AlD",
            1.0,
        ),
        ("Follow @janeroe for updates", 0.0),
        ("— Jane Roe, November 18, 2019", 0.0),
    ],
)
def test_embed_marks_an_embedded_post(line: str, value: float) -> None:
    assert local_feature([P1, line, P3], 1, "embed") == value


def test_embed_next_marks_the_text_of_an_embedded_post() -> None:
    lines = [P1, "We are on it.", "— Jane Roe (@janeroe) November 18, 2019", P3]
    assert static_feature(lines, 1, "embed_next") == 1.0
    assert static_feature(lines, 0, "embed_next") == 0.0


def test_the_furniture_feature_marks_the_lines_found_as_furniture() -> None:
    parsed = pt._split_lines("\n".join([P1, "READ MORE: Another story", P3]))
    feats = pt._local_features(parsed, None, load_layout_model(), load_furniture(), {1})
    assert [f[LOCAL_FEATURES.index("furniture")] for f in feats] == [0.0, 1.0, 0.0]


def test_the_layout_reports_its_lines_and_their_furniture() -> None:
    text = "\n".join(["Talks resume in Geneva - The Daily", P1, "Trending News", P3, P1])
    layout = analyze_layout(text)
    assert [text[a:b] for a, b in layout.lines] == text.split("\n")
    assert [text[a:b] for a, b in layout.furniture] == ["Trending News"]
    assert not set(layout.furniture) & set(layout.body)
