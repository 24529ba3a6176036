"""Converting PETRARCH/TABARI verb dictionaries into the event lexicon's verb patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import DictionaryError
from communique.knowledge import BUNDLED
from communique.knowledge.cameo import Codebook
from communique.knowledge.verb_dictionary import (
    BUNDLED_NAME,
    NOTICE_NAME,
    Conversion,
    VerbRow,
    convert,
    convert_file,
    main,
    singular,
    to_tsv,
)

from helpers import shared_path

TINY = """\
# A hand-made dictionary in the CAMEO.2.0 format.
####### SYNONYM SETS #######

&SIEGE
+BLOCKADE
+SIEGE_
+STATE_OF_SIEGE

&MILITARY
+ARMY
+NAVY

####### VERB PATTERNS #######

---  LIFT   [---]  ---
LIFT
RISE {RISES ROSE RISEN}  # a WordNet synonym
- * &SIEGE                                            [0872]        # LIFT
- * SANCTIONS                                         [085]         # LIFT
- * SANCTIONS                                         [0351]        # LIFT
- * BAN (ON TRADE)                                    [085]         # LIFT
- TENSIONS *                                          [112]         # RISE
- * (TO POWER)                                        [---]         # RISE
- * CURFEW                                            [0813]        # A CODER'S NOTE

---  LOBBY   [020]  ---
LOBBY {LOBBIED LOBBIES LOBBYING}
PETITION [021]
+CALL_OFF [160]
- * (AGAINST)                                         [113]         # LOBBY
- * (FOR {&MILITARY AID})                             [0232]        # LOBBIED
- * (BEFORE COURT)                                    [:173]        # LOBBY

---  VISIT   [042:043]  ---
VISIT [042:043]
- * EACH_OTHER                                        [042:042]     # VISIT
- * OFF (FROM ^)                                      [042]         # VISIT

---  SET   [---]  ---
+SET_UP
SET
- * UP {BORDER POST}                                  [030]         # SET
- * ASIDE                                             [050]
"""


@pytest.fixture(scope="module")
def tiny() -> Conversion:
    return convert(TINY, name="tiny.txt")


def _row(c: Conversion, verb: str, prep: str = "", obj: str = "") -> VerbRow | None:
    return next((r for r in c.rows if r.key == (verb, prep, obj)), None)


@pytest.mark.parametrize(
    ("key", "code"),
    [
        (("lift", "", "blockade"), "0872"),  # a set member
        (("lift", "", "siege"), "0872"),  # TABARI's trailing "_" dropped
        (("lift", "", "sanction"), "085"),  # singular lemma, the first of two rows wins
        (("lobby", "against", ""), "113"),  # verb + preposition
        (("lobby", "for", "army aid"), "0232"),  # named by an inflection, a set in a phrase
        (("lobby", "for", "navy aid"), "0232"),
        (("set up", "", "border post"), "030"),  # particle + noun of two words
        (("set aside", "", ""), "050"),  # verb + particle
        (("rise", "to", "power"), ""),  # a discard
        (("petition", "", ""), "021"),  # a verb's own code
        (("call off", "", ""), "160"),  # a verb of two words
        (("visit", "", ""), "042"),  # a two-way code keeps the forward one
    ],
)
def test_translated_patterns(tiny: Conversion, key: tuple[str, str, str], code: str) -> None:
    row = _row(tiny, *key)
    assert row is not None
    assert row.code == code


def test_a_two_way_pattern_with_one_code_is_reciprocal(tiny: Conversion) -> None:
    row = _row(tiny, "visit", "", "each other")
    assert row is not None and row.flags == {"recip"}


def test_a_pattern_applies_to_the_verb_its_origin_names_only(tiny: Conversion) -> None:
    assert _row(tiny, "rise", "", "blockade") is None  # found under LIFT, not under RISE
    assert _row(tiny, "petition", "against", "") is None
    # a pattern whose origin names no verb of its block applies to the whole synset
    assert _row(tiny, "lift", "", "curfew") is not None
    assert _row(tiny, "rise", "", "curfew") is not None
    assert tiny.notes["origin names no verb of its block: whole synset"] == 1


def test_a_particle_pattern_skips_verbs_that_have_their_own_particle(tiny: Conversion) -> None:
    assert _row(tiny, "set up up", "", "border post") is None
    assert _row(tiny, "set up", "", "border post") is not None


def test_block_defaults_are_not_inherited_unless_asked(tiny: Conversion) -> None:
    assert _row(tiny, "lobby") is None  # [020] is the block's, not the verb's
    assert tiny.verbs_left["default code inherited from its synset"] == 1
    inherited = convert(TINY, block_defaults=True)
    row = _row(inherited, "lobby")
    assert row is not None and row.code == "020"


@pytest.mark.parametrize(
    ("kind", "count"),
    [
        ("object with a prepositional phrase, or two complements", 1),
        ("words before the verb (subject)", 1),
        ("code for the reverse direction only", 1),
        ("skip marker", 1),
        ("duplicate of an earlier pattern", 1),
    ],
)
def test_untranslated_patterns_are_counted_by_kind(tiny: Conversion, kind: str, count: int) -> None:
    assert tiny.untranslated[kind] == count


def test_the_report_adds_up(tiny: Conversion) -> None:
    assert tiny.patterns == sum(tiny.translated.values()) + sum(tiny.untranslated.values())
    assert tiny.notes["set members of three or more words dropped"] == 1  # STATE_OF_SIEGE
    report = tiny.report()
    assert f"patterns read: {tiny.patterns}" in report
    assert "code for the reverse direction only: 1" in report
    assert "verb + noun set:" in report


def test_codes_outside_the_codebook_are_refused() -> None:
    text = "---  SHOUT   [---]  ---\nSHOUT\n- * ORDER   [999]  # SHOUT\n- * ABUSE  [112] # SHOUT\n"
    result = convert(text, known_codes=set(Codebook.load()))
    assert result.untranslated["code not in the codebook"] == 1
    assert [r.object for r in result.rows] == ["abuse"]


def test_a_line_outside_any_block_is_a_dictionary_error() -> None:
    with pytest.raises(DictionaryError, match=r"mine\.txt, line 2"):
        convert("&SET\nLIFT\n", name="mine.txt")
    with pytest.raises(DictionaryError, match="before any verb block"):
        convert("####### VERB PATTERNS #######\nLIFT\n")


def test_an_unreadable_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read"):
        convert_file(tmp_path / "absent.txt")


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("sanctions", "sanction"),
        ("hostilities", "hostility"),
        ("news", "news"),
        ("crisis", "crisis"),
    ],
)
def test_singular(word: str, lemma: str) -> None:
    assert singular(word) == lemma


def test_the_script_writes_the_rows_and_prints_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "tiny.txt"
    source.write_text(TINY, encoding="utf-8")
    out = tmp_path / "verbs.tsv"
    assert main([str(source), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "lift\t\tblockade\t0872\t\tlift\n" in text
    assert NOTICE_NAME in text
    assert "patterns translated:" in capsys.readouterr().out


def test_the_mit_notice_is_beside_the_converted_file() -> None:
    assert "MIT" in (BUNDLED / NOTICE_NAME).read_text(encoding="utf-8")


def test_the_bundled_file_is_in_sync_with_the_converter() -> None:
    source = shared_path("reference", "petrarch2", "CAMEO.2.0.txt")
    conversion = convert_file(source, known_codes=set(Codebook.load()))
    expected = to_tsv(conversion.rows, source.name)
    assert (BUNDLED / BUNDLED_NAME).read_text(encoding="utf-8") == expected, (
        f"cameo_verbs.tsv is stale: run `python -m communique.knowledge.verb_dictionary {source}`"
    )
