"""The event lexicon's knowledge files: what loading checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import ConfigError, DictionaryError
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


USER_DICTIONARY = """\
---  CONDEMN   [---]  ---
CONDEMN
DENOUNCE [111]
- * (TO ASSEMBLY)  [112]  # CONDEMN
---  PLEDGE   [---]  ---
PLEDGE [030]
- * AID  [033]  # PLEDGE
---  EXPLAIN   [---]  ---
EXPLAIN [010]
- * DEMAND  [100]  # EXPLAIN
---  LIFT   [---]  ---
LIFT
- * BLOCKADE  [191]  # LIFT
"""


@pytest.fixture
def user_dictionary(tmp_path: Path) -> Path:
    path = tmp_path / "mine.verbs.txt"
    path.write_text(USER_DICTIONARY, encoding="utf-8")
    return path


def test_the_bundled_dictionary_broadens_the_lexicon() -> None:
    lexicon = EventLexicon.load()
    assert lexicon.phrases["lift"][("", "blockade")].code == "0872"
    assert lexicon.phrases["lodge"][("", "complaint")].code == "114"
    assert lexicon.phrases["open"][("with", "missile")].code == "194"
    assert lexicon.phrases["kill"][("in", "accident")].code == ""  # a discard
    # rows naming no noun are not taken from the bundled file: "- * (AGAINST) [113]  # LOBBY"
    assert ("against", "") not in lexicon.phrases.get("lobby", {})
    assert ("", "") not in lexicon.phrases.get("debate", {})


def test_a_users_verb_dictionary_is_loaded_before_the_bundled_one(user_dictionary: Path) -> None:
    lexicon = EventLexicon.load(verb_dictionaries=[str(user_dictionary)])
    assert lexicon.phrases["denounce"][("", "")].code == "111"
    assert lexicon.phrases["condemn"][("to", "assembly")].code == "112"
    assert lexicon.phrases["lift"][("", "blockade")].code == "191"  # the bundled row is 0872


def test_dictionary_rows_for_modal_words_and_bare_statements_are_not_taken(
    user_dictionary: Path,
) -> None:
    lexicon = EventLexicon.load(verb_dictionaries=[str(user_dictionary)])
    assert "pledge" not in lexicon.phrases  # a verb of event_modals.tsv
    explain = lexicon.phrases.get("explain", {})
    assert ("", "demand") not in explain  # a noun of event_modals.tsv
    assert ("", "") not in explain  # 010: a statement codes its content


def test_own_rows_stay_apart_from_the_dictionaries(user_dictionary: Path) -> None:
    lexicon = EventLexicon.load(verb_dictionaries=[str(user_dictionary)])
    assert lexicon.verbs == EventLexicon.load().verbs  # verbs.tsv, untouched
    assert lexicon.verbs["deny"][""].code == "016"


def test_a_malformed_user_dictionary_is_a_dictionary_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text("####### VERB PATTERNS #######\nCONDEMN\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="broken.txt, line 2"):
        EventLexicon.load(verb_dictionaries=[str(path)])


def test_an_unknown_flag_in_the_converted_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cameo_verbs.tsv"
    path.write_text("verb\tprep\tobject\tcode\tflags\torigin\nlift\t\tban\t081\tmutul\t\n")
    with pytest.raises(ConfigError, match="line 2: unknown flag 'mutul'"):
        EventLexicon.load(str(tmp_path))
