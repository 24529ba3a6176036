from __future__ import annotations

import communique


def test_all_is_exactly_the_public_names() -> None:
    public = {n for n in dir(communique) if not n.startswith("_") and n != "annotations"}
    modules = {n for n in public if type(getattr(communique, n)).__name__ == "module"}
    assert set(communique.__all__) == public - modules


def test_every_exported_error_derives_from_the_base() -> None:
    for name in communique.__all__:
        obj = getattr(communique, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, communique.CommuniqueError)
