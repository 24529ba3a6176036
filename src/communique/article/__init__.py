"""From a raw ``Document`` to a clean ``Article``: main text, body spans and metadata.

HTML goes through trafilatura (``html.py``); plain text keeps its text unchanged and marks the
article body, title, byline and outlet (``plaintext.py``). Lines of page furniture inside the
text (links to other stories, captions, calls to action, page tables: ``furniture.py``) are
left out of the body of every article, already-extracted text and HTML extracts included.
Documents that cannot yield an article (no text in the HTML, not English, too long) get a
``skipped`` reason.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..records import Article, Document
from ..settings import Settings
from .dates import iso, parse_date, url_date
from .furniture import load_furniture, without_furniture
from .html import extract_html
from .language import LanguageGuess
from .plaintext import analyze_layout, load_layout_model

__all__ = ["ArticleCleaner", "MIN_HTML_WORDS", "outlet_name"]

SNIPPET_LINES = 3
"""Texts of at most this many non-empty lines are body as a whole."""

MIN_HTML_WORDS = 15
"""Main text shorter than this is navigation or a stub, not an article."""


def outlet_name(value: str | None) -> str | None:
    """The outlet as a reader names it: a site's address given as the outlet
    ("http://www.nba.com", "https://abcnews.go.com/") becomes its host without "www."
    ("nba.com", "abcnews.go.com"); any other value is kept as it is."""
    if not value or not re.match(r"(?i)https?://", value.strip()):
        return value
    host = (urlsplit(value.strip()).hostname or "").removeprefix("www.")
    return host or value


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text``, trimmed of surrounding whitespace."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            start = m.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


class ArticleCleaner:
    """Callable that turns a ``Document`` into an ``Article``; build once, call many times."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.language = LanguageGuess(self.settings.knowledge)
        self.layout_model = load_layout_model(self.settings.knowledge)
        self.furniture = load_furniture(self.settings.knowledge)

    def __call__(self, doc: Document) -> Article:
        chash = doc.raw_hash()
        doc_id = doc.id or chash
        if doc.skipped:
            return Article(
                id=doc_id,
                source=doc.source,
                text="",
                body=(),
                content_hash=chash,
                title=doc.title,
                url=doc.url,
                skipped=doc.skipped,
            )
        if doc.html is not None:
            return self._from_html(doc, doc_id, chash)
        if doc.text is not None and len(doc.text) > self.settings.max_chars:
            # the plain text is the article's text: refuse it before its layout is read
            return self._finish(
                Article(id=doc_id, source=doc.source, text=doc.text, body=(), content_hash=chash)
            )
        return self._from_text(doc, doc_id, chash)

    def _finish(self, article: Article) -> Article:
        reason: str | None
        if len(article.text) > self.settings.max_chars:
            reason = (
                f"text has {len(article.text):,} characters, over the "
                f"{self.settings.max_chars:,} limit (COMMUNIQUE_MAX_CHARS)"
            )
        elif not article.body:
            reason = "no article body found"
        else:
            sample = " ".join(article.text[s:e] for s, e in article.body[:40])
            reason = self.language.not_english_reason(sample)
        if reason:
            return Article(**{**article.__dict__, "skipped": reason})
        return article

    def _from_html(self, doc: Document, doc_id: str, chash: str) -> Article:
        assert doc.html is not None  # for mypy: checked by the caller
        ex = extract_html(doc.html, doc.url)
        words = len(ex.text.split())
        if words < MIN_HTML_WORDS:
            detail = f" (only {words} words of main text)" if words else ""
            return Article(
                id=doc_id,
                source=doc.source,
                text="",
                body=(),
                content_hash=chash,
                url=doc.url,
                skipped="no article text found in the HTML" + detail,
            )
        text = ex.text
        lines = _line_spans(text)
        body = without_furniture(text, lines, self.furniture)
        return self._finish(
            Article(
                id=doc_id,
                source=doc.source,
                text=text,
                body=((0, len(text)),) if len(body) == len(lines) else body,
                content_hash=chash,
                title=doc.title or ex.title,
                byline=doc.byline or ex.authors,
                outlet=outlet_name(doc.outlet or ex.sitename),
                published=iso(parse_date(doc.published) or parse_date(ex.published))
                or url_date(doc.url or ex.url)
                or self.settings.default_date
                or None,
                url=doc.url or ex.url,
                language="en",
            )
        )

    def _from_text(self, doc: Document, doc_id: str, chash: str) -> Article:
        text = doc.text or ""
        layout = analyze_layout(text, self.layout_model, self.furniture)
        lines = _line_spans(text)
        mode = self.settings.body_detection
        # A snippet of a few lines (a sentence, a wire item) has no page around it to strip,
        # and an already-extracted article (``doc.extracted``) has had its page stripped: of
        # both, only the furniture between paragraphs is left out ("never": nothing is).
        whole = len(lines) <= SNIPPET_LINES or (mode == "auto" and doc.extracted)
        if mode == "never":
            body = tuple(lines)
        elif whole and tuple(lines) == layout.lines:  # the layout found the furniture already
            drop = set(layout.furniture)
            body = tuple(span for span in lines if span not in drop)
        elif whole:
            body = without_furniture(text, lines, self.furniture)
        else:
            body = layout.body
        return self._finish(
            Article(
                id=doc_id,
                source=doc.source,
                text=text,
                body=body,
                content_hash=chash,
                title=doc.title or layout.title,
                byline=doc.byline or tuple(layout.byline),
                outlet=outlet_name(doc.outlet or layout.outlet),
                published=iso(parse_date(doc.published))
                or url_date(doc.url)
                or self.settings.default_date
                or None,
                url=doc.url,
                language="en",
            )
        )
