"""Dates: publication dates from metadata, and relative dates resolved against them.

``dateparser`` is only ever given short date expressions (metadata values or spaCy DATE
entities), never free text: its ``search_dates`` finds dates in ordinary words.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NOT_DATES = re.compile(
    r"^(the )?(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|few)"
    r"[- ](year|month|week|day|decade|century)s?([- ]old|[- ]long)?$"
)


def parse_date(value: str | None) -> dt.date | None:
    """A calendar date from a metadata value (ISO, RFC 2822, 'August 9, 2013' ...), else None."""
    if not value:
        return None
    m = _ISO.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


_MONTHS = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)
_DAY_WORDS = frozenset({*_WEEKDAYS, "today", "yesterday", "tonight", "overnight"})
_NUMERIC_DAY = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")


def names_a_day(expression: str) -> bool:
    """Whether a date expression names one day ("Monday", "yesterday", "Aug. 9", "9 August
    2013", "2013-08-09"), not a longer period ("1942", "in March", "last year", "this week")."""
    text = expression.lower()
    if _NUMERIC_DAY.search(text):
        return True
    words = re.findall(r"[a-z]+|\d+", text)
    if any(w in _DAY_WORDS for w in words):
        return True
    has_month = any(w.rstrip(".") in _MONTHS for w in words)
    return has_month and any(w.isdigit() and 1 <= int(w) <= 31 for w in words)


def url_date(url: str | None) -> str | None:
    """The ISO publication date an article's URL states ("/2023/12/04/story"), read by
    htmldate, else ``None``."""
    if not url:
        return None
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    today = dt.datetime.now()
    options = Extractor(
        False, today + dt.timedelta(days=1), dt.datetime(1995, 1, 1), True, "%Y-%m-%d"
    )
    try:
        found = extract_url_date(url, options)
    except (ValueError, TypeError):
        return None
    return found or None


class DateResolver:
    """Resolves DATE expressions ("Friday", "last year", "Aug. 9") against a reference date.

    Weekday names refer to the most recent such day on or before the reference date (news
    reports the past); expressions of duration ("four years") are not dates and give None.
    """

    CACHE_SIZE = 4096
    """Expressions remembered with their reference date (dateparser takes about a millisecond
    per call, and news repeats its dates); the memory is emptied when full."""

    def __init__(self) -> None:
        import dateparser

        self._parse = dateparser.parse
        self._known: dict[tuple[str, dt.date | None], dt.date | None] = {}

    def resolve(self, expression: str, reference: dt.date | None) -> dt.date | None:
        key = (expression, reference)
        if key in self._known:
            return self._known[key]
        if len(self._known) >= self.CACHE_SIZE:
            self._known.clear()
        found = self._known[key] = self._resolve(expression, reference)
        return found

    def _resolve(self, expression: str, reference: dt.date | None) -> dt.date | None:
        text = expression.strip().lower().rstrip(".")
        if not text or _NOT_DATES.match(text) or not any(c.isalpha() or c.isdigit() for c in text):
            return None
        if reference is None and not re.search(r"\d{4}", text):
            return None  # without a publication date only absolute dates can be resolved
        for prefix in ("on ", "this ", "last ", "early ", "late "):
            if text.startswith(prefix) and text[len(prefix) :] in _WEEKDAYS and reference:
                text = text[len(prefix) :]
        if text in _WEEKDAYS and reference is not None:
            delta = (reference.weekday() - _WEEKDAYS.index(text)) % 7
            return reference - dt.timedelta(days=delta)
        settings: dict[str, Any] = {
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_MONTH_OF_YEAR": "first",
        }
        if reference is not None:
            settings["RELATIVE_BASE"] = dt.datetime(reference.year, reference.month, reference.day)
        try:
            parsed = self._parse(text, languages=["en"], settings=settings)
        except (ValueError, OverflowError, TypeError):
            return None
        return parsed.date() if parsed else None
