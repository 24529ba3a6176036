"""Tests for in-body page furniture (``communique.article.furniture``) and its use by the
cleaner: links, calls to action, captions and page tables leave the body, the text stays."""

from __future__ import annotations

import pytest

from communique.article import ArticleCleaner
from communique.article.furniture import furniture, load_furniture, without_furniture
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
        "Photo: Jane Roe, AP",
        "President Obama speaks in the Rose Garden on Tuesday. (AP Photo/Evan Vucci)",
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


def test_without_furniture_keeps_the_other_spans() -> None:
    text = f"{PROSE}\nREAD MORE: Another story entirely\n{PROSE}"
    first = (0, len(PROSE))
    second = (len(PROSE) + 1, text.index("\n", len(PROSE) + 1))
    third = (second[1] + 1, len(text))
    assert without_furniture(text, [first, second, third], LEX) == (first, third)


def test_extracted_article_keeps_its_text_and_drops_furniture_from_the_body() -> None:
    text = "\n\n".join(
        [PROSE, "READ MORE: Ministers meet in Geneva", PROSE, "Photo: Jane Roe, AP", PROSE]
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
