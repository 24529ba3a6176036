"""``communique.store.queries`` is where callers import the store's reads from: ``__all__``
lists every name the package gives (its modules, ``_quotes``, ``_sql``, ..., are private)."""

from __future__ import annotations

import inspect

from communique.store import queries


def test_all_lists_every_name_the_package_gives() -> None:
    given = {
        name
        for name, value in vars(queries).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert given == set(queries.__all__)
    assert len(queries.__all__) == len(set(queries.__all__))
