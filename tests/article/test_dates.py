"""Relative dates: the resolver remembers what dateparser said, with the same answers."""

from __future__ import annotations

import datetime as dt

from communique.article.dates import DateResolver

FRIDAY = dt.date(2013, 8, 9)


def test_a_remembered_date_is_the_one_found_first() -> None:
    resolver = DateResolver()
    fresh = DateResolver()
    for expression in ("last year", "Aug. 9", "Thursday", "four years", "March 2012"):
        first = resolver.resolve(expression, FRIDAY)
        assert resolver.resolve(expression, FRIDAY) == first
        assert fresh.resolve(expression, FRIDAY) == first
    assert resolver.resolve("Thursday", FRIDAY) == dt.date(2013, 8, 8)
    assert resolver.resolve("Thursday", dt.date(2013, 8, 20)) == dt.date(2013, 8, 15)


def test_the_memory_is_bounded() -> None:
    resolver = DateResolver()
    resolver.CACHE_SIZE = 3
    for day in range(1, 8):
        resolver.resolve("Monday", dt.date(2013, 8, day))
    assert len(resolver._known) <= 3
