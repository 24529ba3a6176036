"""Tests for in-body page furniture (``communique.article.furniture``) and its use by the
cleaner: links, calls to action, captions and page tables leave the body, the text stays."""

from __future__ import annotations

import pytest

from communique.article import ArticleCleaner
from communique.article.furniture import (
    MAX_CAPTION_WORDS,
    MAX_LINK_ROWS,
    FurnitureLexicon,
    furniture,
    load_furniture,
    without_furniture,
)
from communique.article.plaintext import analyze_layout
from communique.records import Document
from communique.settings import Settings

LEX = load_furniture()
PROSE = (
    "The minister said on Friday that the talks would resume next week in Geneva, after a "
    "pause of several months."
)


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Ministers meet in Geneva as talks resume",
        "Read more: How I Use Sleep Deprivation as a Productivity Tool",
        "Related: These are the space stocks to keep an eye on in 2024",
        "Related Stories",
        "See also - The week in pictures",
        "WATCH: The moment the bridge collapsed",
        "Image caption, Protesters gathered outside parliament",
        "Welcome to Startups Weekly. Sign up here to get it in your inbox every Friday.",
        "Click here to read the full report.",
        "To see the full list, click here.",
        "Follow us on Twitter for the latest news",
        "President Obama speaks in the Rose Garden on Tuesday. (AP Photo/Evan Vucci)",
        "SEE MORE: Protesters gather outside parliament",
        "You may also like...",
        "Image caption Protesters gathered outside parliament on Sunday",
        "Image copyright Getty Images",
        "Troops patrol a street in Kabul on Monday [File: Reuters]",
        "A border checkpoint near Nogales, Arizona. (AP)",
        "The company logo outside its offices in New York. Reuters",
        "Jane Roe | Bloomberg | Getty Images",
        "Jane Roe/The Daily Planet",
        "By Jane Roe | Staff writer",
        "By JANE ROE and JOHN DOE",
        "By Jane Roe on Monday, November 18th, 2019 at 11:04 a.m.",
        "COUNCIL VOTE: MAYOR VOWS TO FIGHT ON AS BUDGET FAILS",
        "FORMER SENATOR SAYS HE CAN PROVE HE WAS FRAMED IN 1999 CASE",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert furniture([PROSE, line, PROSE], LEX) == {1}


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "More than 200 people were evicted from the camp on Monday, the police said.",
        "Related to the case, prosecutors named two more suspects.",
        "Health officials urged residents to sign up for vaccinations before the winter.",
        "An Ipsos/Reuters poll released on Monday showed the two candidates level at 44%.",
        "Watch list: the agency added three companies to it last year.",
        "Final standings after 36 races:",
        "By Friday the talks had failed.",
        "By then, prosecutors had named two more suspects and the police had closed the road.",
        "Popular support for the plan fell to 40% in the spring, a poll by the ministry found.",
        "The findings were first reported by Reuters.",
        "Das Thema wird seit Jahren intensiv diskutiert (ePA).",
        "The senator spoke to reporters after the vote (in the Capitol).",
        "WASHINGTON (AP) —",
        "“WE WANT JUSTICE,” the crowd chanted outside the court.",
        "WHAT HAPPENS NEXT FOR THE COUNCIL?",
        "“THE SUPREME COURT HAS RULED IN OUR FAVOR. A BIG WIN FOR AMERICA AND FREEDOM!”",
        "서울시는 이번 사안에 대해 공식 입장을 밝히지 않았으며 조사를 계속할 것이라고 전했다",
        "다만 MBC 드라마는 방영을 시작한 지 얼마 되지 않았지만 벌써 지쳐가는 인상이다 KBS",
    ],
)
def test_story_lines_are_not_furniture(line: str) -> None:
    assert furniture([PROSE, line, PROSE], LEX) == set()


def test_a_page_table_is_furniture_but_a_table_the_story_introduces_is_not() -> None:
    rows = ["Dow 34,512.20 +0.45%", "S&P 500 4,412.30 +0.31%", "Nasdaq 13,711.00 -0.12%"]
    assert furniture([PROSE, *rows, PROSE], LEX) == {1, 2, 3}
    introduced = [PROSE, "Final standings after 36 races:", "Pos Driver Points", *rows, PROSE]
    assert furniture(introduced, LEX) == set()
    assert furniture([PROSE, *rows[:2], PROSE], LEX) == set()  # two numeric lines: no table


def test_a_credit_line_is_furniture_with_its_caption_before_it() -> None:
    caption = "Kerry and Hagel listen to a question from reporters on Friday."
    credit = "Photo: Jane Roe, AP"
    assert furniture([PROSE, caption, credit, PROSE], LEX) == {1, 2}
    assert furniture([PROSE, caption, f"({credit})", PROSE], LEX) == {1, 2}
    long_paragraph = f"{PROSE} {PROSE} {PROSE}"  # longer than MAX_CAPTION_WORDS: the story
    assert len(long_paragraph.split()) > MAX_CAPTION_WORDS
    assert furniture([long_paragraph, credit, PROSE], LEX) == {1}
    # a credit that closes a caption line takes no other line
    assert furniture([PROSE, f"{caption} {credit}", PROSE], LEX) == {1}


def test_a_heading_takes_the_headlines_after_it_up_to_the_story() -> None:
    links = [
        "Video shows rescue of kidnapped girl",
        "Man arrested after victims found in car: Police",
        "Will the talks resume?",
    ]
    assert furniture([PROSE, "Trending News", *links, PROSE], LEX) == {1, 2, 3, 4}
    assert furniture([PROSE, "Related Stories:", *links, PROSE], LEX) == {1, 2, 3, 4}
    # a line closed by a full stop is the story again, and so is everything after it
    short = "The police declined to comment."
    assert furniture([PROSE, "Most Read", links[0], short, links[1], PROSE], LEX) == {1, 2}
    # a heading followed by words is not a heading ("Related to the case, ...": a story line)
    assert furniture([PROSE, "Trending upward, shares rose again", *links, PROSE], LEX) == set()


def test_a_heading_takes_at_most_max_link_rows_lines() -> None:
    links = [f"Headline number {n} about the talks" for n in range(MAX_LINK_ROWS + 3)]
    found = furniture(["Related", *links], LEX)
    assert found == set(range(MAX_LINK_ROWS + 1))


def test_a_headline_repeated_on_the_next_line_is_a_teaser() -> None:
    teaser = "Column: Freelancers fear the new gig worker law will wipe them out"
    assert furniture([PROSE, teaser, teaser, PROSE], LEX) == {1, 2}
    assert furniture([PROSE, teaser, PROSE, teaser], LEX) == set()  # not adjacent
    sentence = "The police declined to comment."
    assert furniture([PROSE, sentence, sentence, PROSE], LEX) == set()  # a sentence, not a link


def test_empty_lists_find_nothing_new() -> None:
    bare = FurnitureLexicon(LEX.labels, LEX.prompts, LEX.web_only)
    lines = [PROSE, "Trending News", "By Jane Roe | Staff writer", "Image caption Protesters"]
    assert furniture(lines, bare) == set()


def test_without_furniture_keeps_the_other_spans() -> None:
    text = f"{PROSE}\nREAD MORE: Another story entirely\n{PROSE}"
    first = (0, len(PROSE))
    second = (len(PROSE) + 1, text.index("\n", len(PROSE) + 1))
    third = (second[1] + 1, len(text))
    assert without_furniture(text, [first, second, third], LEX) == (first, third)


def test_extracted_article_keeps_its_text_and_drops_furniture_from_the_body() -> None:
    caption = "Kerry and Hagel listen to a question from reporters on Friday."
    text = "\n\n".join(
        [PROSE, "READ MORE: Ministers meet in Geneva", PROSE, caption, "Photo: Jane Roe, AP", PROSE]
    )
    art = ArticleCleaner(Settings())(Document(source="x.jsonl", id="x", text=text, extracted=True))
    assert art.text == text
    body = [art.text[a:b] for a, b in art.body]
    assert body == [PROSE, PROSE, PROSE]


def test_body_detection_never_keeps_every_line() -> None:
    text = "\n\n".join([PROSE, "READ MORE: Ministers meet in Geneva", PROSE, PROSE, PROSE])
    cleaner = ArticleCleaner(Settings(body_detection="never"))
    art = cleaner(Document(source="x.txt", id="x", text=text))
    assert len(art.body) == 5


def test_scraped_page_layout_never_marks_furniture_as_body() -> None:
    text = "\n".join(
        ["Ministers meet in Geneva - The Daily", *[PROSE] * 4, "READ MORE: Another story", PROSE]
    )
    layout = analyze_layout(text)
    assert all("READ MORE" not in text[a:b] for a, b in layout.body)
    assert sum(text[a:b] == PROSE for a, b in layout.body) >= 4


@pytest.mark.parametrize("edge", ["", "\u200b", "\u2003"])
def test_an_extracted_article_reuses_the_layout_furniture(edge: str) -> None:
    # the cleaner takes the furniture the layout found when both split the text into the same
    # lines, and finds it again when they do not (blanks that only one of them trims)
    lines = [PROSE, f"{edge}Trending News{edge}", "Ministers meet in Geneva", PROSE, PROSE]
    text = "\n".join(lines)
    art = ArticleCleaner(Settings())(Document(source="x.jsonl", id="x", text=text, extracted=True))
    spans = []
    start = 0
    for line in lines:
        spans.append((start, start + len(line)))
        start += len(line) + 1
    expected = without_furniture(text, [(a, b) for a, b in spans], LEX)
    assert art.body == expected
    assert [text[a:b] for a, b in art.body] == [PROSE, PROSE, PROSE]
