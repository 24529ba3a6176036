"""The event lexicon's knowledge files: what loading checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.nlp.events.lexicon import PATTERN_FLAGS, EventLexicon

VERBS = "verb\tobject\tcode\tflags\n# a comment line\nmeet\t\t036\tmutual\n"


def test_known_flags_load(tmp_path: Path) -> None:
    (tmp_path / "verbs.tsv").write_text(VERBS, encoding="utf-8")
    assert EventLexicon.load(str(tmp_path)).verbs["meet"][""].flags == {"mutual"}


def test_an_unknown_verb_flag_names_the_file_the_line_and_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "verbs.tsv"
    path.write_text(VERBS + "attack\t\t190\tnotarget recp\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        EventLexicon.load(str(tmp_path))
    message = str(raised.value)
    assert str(path) in message
    assert "line 4" in message
    assert "'recp'" in message


def test_an_unknown_event_noun_flag_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "event_nouns.tsv"
    path.write_text("noun\tcode\tflags\nsummit\t043\trecip lite\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 2: unknown flag 'lite'"):
        EventLexicon.load(str(tmp_path))


def test_the_bundled_files_use_known_flags_only() -> None:
    lexicon = EventLexicon.load()
    used = {f for rows in lexicon.verbs.values() for p in rows.values() for f in p.flags}
    used |= {f for p in lexicon.nouns.values() for f in p.flags}
    assert used <= PATTERN_FLAGS


def test_a_modal_kind_without_its_default_row_is_refused(tmp_path: Path) -> None:
    (tmp_path / "event_modal_codes.tsv").write_text(
        "kind\tcontent\tcode\nintent\t04\t036\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="no default row"):
        EventLexicon.load(str(tmp_path))
