from __future__ import annotations

import datetime as dt

import pytest

from communique.article import ArticleCleaner
from communique.article.dates import DateResolver, parse_date
from communique.records import Article, Document
from communique.settings import Settings

ARTICLE_HTML = """<html><head><title>Ministers meet - The Daily</title>
<meta property="og:site_name" content="The Daily"><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2013-08-09T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Ministers meet</h1>
<p>The foreign ministers of the two countries met in Washington on Friday to discuss the war in Syria and the future of their relationship.</p>
<p>“We will discuss these differences today,” the secretary of state said after the meeting, which lasted four hours and ended without a statement.</p>
<p>Officials said the talks were constructive and that further meetings would follow in the autumn, when both sides expect progress on arms control.</p>
</article><footer>Copyright 2013 The Daily</footer></body></html>"""


@pytest.fixture(scope="module")
def cleaner() -> ArticleCleaner:
    return ArticleCleaner(Settings())


def test_html_gives_text_title_author_date_and_site(cleaner: ArticleCleaner) -> None:
    art = cleaner(Document(source="x.html", id="x", html=ARTICLE_HTML))
    assert art.skipped is None
    assert "foreign ministers of the two countries met" in art.text
    assert "Home" not in art.text and "Copyright" not in art.text
    assert art.body == ((0, len(art.text)),)
    assert art.title and "Ministers meet" in art.title
    assert art.published == "2013-08-09"
    assert art.byline == ("Jane Roe",)
    assert art.outlet == "The Daily"


def test_html_without_article_is_skipped(cleaner: ArticleCleaner) -> None:
    art = cleaner(
        Document(
            source="nav.html", html="<html><body><nav><a href='/'>Home</a></nav></body></html>"
        )
    )
    assert art.skipped and art.skipped.startswith("no article text found in the HTML")


def test_metadata_date_wins_and_is_normalised(cleaner: ArticleCleaner) -> None:
    text = (
        "The minister said on Friday that the talks with the delegation had gone well and would continue. "
        * 3
    )
    art = cleaner(Document(source="a.jsonl:1", id="a", text=text, published="August 9, 2013"))
    assert art.published == "2013-08-09"
    assert art.text == text


def test_non_english_is_skipped(cleaner: ArticleCleaner) -> None:
    text = (
        "Der Außenminister sagte am Freitag, dass die Gespräche mit der Delegation gut verlaufen seien und fortgesetzt würden. "
        * 4
    )
    art = cleaner(Document(source="de.txt", text=text))
    assert art.skipped and art.skipped.startswith("not English")


def test_too_long_is_skipped() -> None:
    cleaner = ArticleCleaner(Settings(max_chars=200))
    art = cleaner(Document(source="long.txt", text="The minister said the talks went well. " * 20))
    assert art.skipped and "COMMUNIQUE_MAX_CHARS" in art.skipped


def test_reader_skip_is_carried_over(cleaner: ArticleCleaner) -> None:
    art = cleaner(Document(source="bin.txt", id="bin", skipped="binary content, not text or HTML"))
    assert art.skipped == "binary content, not text or HTML" and art.id == "bin"


def test_id_defaults_to_content_hash(cleaner: ArticleCleaner) -> None:
    doc = Document(
        source="-", text="The minister said the talks went well and would continue soon. " * 3
    )
    assert cleaner(doc).id == cleaner(doc).content_hash


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2013-08-09", dt.date(2013, 8, 9)),
        ("2013-08-09T10:00:00Z", dt.date(2013, 8, 9)),
        ("Fri, 09 Aug 2013 10:00:00 GMT", dt.date(2013, 8, 9)),
        ("August 9, 2013", dt.date(2013, 8, 9)),
        ("", None),
        (None, None),
        ("not a date at all", None),
    ],
)
def test_parse_date(value: str | None, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Friday", dt.date(2013, 8, 9)),
        ("on Monday", dt.date(2013, 8, 5)),
        ("last year", dt.date(2012, 1, 1)),
        ("2008", dt.date(2008, 1, 1)),
        ("four years", None),
        ("my first four years", None),
        ("August 1", dt.date(2013, 8, 1)),
        ("yesterday", dt.date(2013, 8, 8)),
    ],
)
def test_relative_dates_resolve_against_publication(
    expression: str, expected: dt.date | None
) -> None:
    assert DateResolver().resolve(expression, dt.date(2013, 8, 9)) == expected


def test_relative_date_without_reference_is_unknown() -> None:
    assert DateResolver().resolve("Friday", None) is None
    assert DateResolver().resolve("March 3, 2011", None) == dt.date(2011, 3, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Obama said he would not provide support to Israel",
        "  Russia granted asylum to Snowden\n\nReuters  ",
    ],
)
def test_a_snippet_of_few_lines_is_all_body(cleaner: ArticleCleaner, text: str) -> None:
    art = cleaner(Document(source="s", text=text))
    assert art.skipped is None
    assert [text[s:e] for s, e in art.body] == [
        line.strip() for line in text.splitlines() if line.strip()
    ]


PAGE = (
    "Menu\nHome | World | Sport\n\n"
    + "The minister said the talks with the delegation had gone well and would continue. " * 3
    + "\n\nShare this article\nCookie settings\n"
)


@pytest.mark.parametrize(
    ("mode", "extracted", "whole"),
    [("auto", False, False), ("auto", True, True), ("always", True, False), ("never", False, True)],
)
def test_body_detection_setting(mode: str, extracted: bool, whole: bool) -> None:
    cleaner = ArticleCleaner(Settings(body_detection=mode))
    art = cleaner(Document(source="p", text=PAGE, extracted=extracted))
    kept = [PAGE[s:e] for s, e in art.body]
    assert ("Cookie settings" in kept) is whole
    assert any(k.startswith("The minister said") for k in kept)


def test_knowledge_folder_overrides_the_layout_model(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from communique.knowledge import data_path

    model = json.loads(data_path("plaintext_layout.json").read_text(encoding="utf-8"))
    model["threshold"] = -1.0  # every line passes: everything is body
    (tmp_path / "plaintext_layout.json").write_text(json.dumps(model), encoding="utf-8")
    page = (
        "Menu\nHome | World\n\n"
        + "The minister said the talks with the delegation had gone well. " * 3
        + "\n\nMore text here.\nCookie settings\n"
    )
    default = ArticleCleaner(Settings())(Document(source="p", text=page))
    custom = ArticleCleaner(Settings(knowledge=str(tmp_path)))(Document(source="p", text=page))

    def kept(article: Article) -> list[str]:
        return [page[s:e] for s, e in article.body]

    assert "Cookie settings" not in kept(default)
    assert "Cookie settings" in kept(custom)


def test_an_outlet_given_as_a_site_address_is_named_by_its_host(cleaner: ArticleCleaner) -> None:
    text = "Lawmakers passed the budget on Friday after a long debate in the chamber."
    for given, shown in [
        ("http://www.nba.com", "nba.com"),
        ("https://abcnews.go.com/", "abcnews.go.com"),
        ("HTTP://WWW.Telegraph.co.uk/news", "telegraph.co.uk"),
        ("BBC News", "BBC News"),
        ("www.example.org", "www.example.org"),
    ]:
        article = cleaner(Document(source="t.jsonl", text=text, outlet=given))
        assert article.outlet == shown
