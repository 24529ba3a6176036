"""The TABARI/PETRARCH verb dictionary reader: the file's structure as written."""

from __future__ import annotations

import pytest

from communique.errors import DictionaryError
from communique.knowledge.tabari import entry_words, pattern_elements, read_verb_dictionary

TEXT = """\
&FOOD
+FOOD
+FOOD_STUFF_

####### VERB PATTERNS #######
---  LIFT   [---]  ---
+COME_UP {+COMES_UP +CAME_UP }
LIFT  [0872]
- * BLOCKADE                     [0872]   # LIFT
"""


def test_reads_sets_blocks_verbs_and_patterns() -> None:
    found = read_verb_dictionary(TEXT)
    assert found.sets == {"FOOD": ["FOOD", "FOOD_STUFF_"]}
    (block,) = found.blocks
    assert (block.name, block.code) == ("lift", "---")
    assert [(v.words, v.code) for v in block.verbs] == [(("come", "up"), None), (("lift",), "0872")]
    assert block.verbs[0].forms == (("comes", "up"), ("came", "up"))
    assert [(p.text, p.comment) for p in block.patterns] == [
        ("- * BLOCKADE                     [0872]", "LIFT")
    ]


@pytest.mark.parametrize(
    "text", ["NOT A SET\n", "####### VERB PATTERNS #######\n- * BLOCKADE [0872]\n"]
)
def test_a_malformed_dictionary_names_its_line(text: str) -> None:
    with pytest.raises(DictionaryError, match="line"):
        read_verb_dictionary(text, "bad.txt")


def test_entry_words_and_pattern_elements() -> None:
    assert entry_words("KILLED_AND_") == ["killed", "and"]
    assert pattern_elements("(AGAINST {WATER BLOCKADE})") == [
        ("(", ["AGAINST", ("{", ["WATER", "BLOCKADE"])])
    ]
    with pytest.raises(ValueError):
        pattern_elements("(AGAINST")
