"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    """Main text, paragraphs separated by newlines; empty when the page has no article."""
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    sitename: str | None
    url: str | None
    language: str | None


def _split_authors(author: str | None) -> tuple[str, ...]:
    if not author:
        return ()
    parts = [p.strip() for p in author.replace(" and ", ";").split(";")]
    return tuple(p for p in parts if p)


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata of an HTML page (trafilatura, comments excluded)."""
    import trafilatura  # half a second to import: only when a page comes (not for text input)

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if result is None:
        return HtmlExtract("", None, (), None, None, url, None)
    get = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return HtmlExtract(
        text=(get.get("text") or "").strip(),
        title=get.get("title") or None,
        authors=_split_authors(get.get("author")),
        published=get.get("date") or None,
        sitename=get.get("sitename") or None,
        url=get.get("url") or url,
        language=get.get("language") or None,
    )
