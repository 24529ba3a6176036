from __future__ import annotations

import pytest

from communique.article.language import LanguageGuess

ENGLISH_LIST = (
    "Lululemon finds are going on right now. Align Pant 25 $69 Wunder Train Tight $59 "
    "Scuba Oversized Hoodie $89 Define Jacket Nulu $99 Swiftly Tech Short Sleeve $49 "
    "Everywhere Belt Bag $38 Hotty Hot Short $39 City Adventurer Backpack $79 "
) * 2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The minister said on Friday that the talks with the delegation had gone well. " * 4,
            None,
        ),
        (ENGLISH_LIST, None),
        (
            "Il ministro ha detto che i colloqui con la delegazione sono andati bene e che la "
            "riunione della commissione si terrà nella capitale per discutere del bilancio. " * 3,
            "Italian",
        ),
        (
            "El ministro dijo que las conversaciones con la delegación fueron bien y que la "
            "reunión de la comisión se celebrará en la capital para hablar del presupuesto. " * 3,
            "Spanish",
        ),
        (
            "Der Minister sagte, dass die Gespräche mit der Delegation gut verlaufen seien und "
            "die Sitzung der Kommission in der Hauptstadt stattfinden wird. " * 3,
            "German",
        ),
        (
            "Министр заявил, что переговоры с делегацией прошли хорошо и будут продолжены. " * 5,
            "Latin script",
        ),
        ("Too short to tell.", None),
    ],
)
def test_language(text: str, language: str | None) -> None:
    reason = LanguageGuess().not_english_reason(text)
    if language is None:
        assert reason is None
    else:
        assert reason is not None and language in reason


def _latin_share_by_letter(text: str) -> float:
    """The definition: each letter's script looked up."""
    import unicodedata

    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for c in letters if c < "\u0250" or "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1234 -- !!",
        "Plain English news, £5m and “quotes”.",
        "Привет, мир: hello world",
        "ḁḃḉ ſ ɐɑ ʰʱ ᴀᴁ ǅǆ ½² 漢字 ñ é",
        "Ἀθῆναι καὶ Ῥώμη",
    ],
)
def test_latin_share_counts_as_the_definition(text: str) -> None:
    from communique.article.language import _latin_share

    assert _latin_share(text) == _latin_share_by_letter(text)
