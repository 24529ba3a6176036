"""The word-list and sector files: read in order, unknown names refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.knowledge import read_lists
from communique.knowledge.actor_lexicon import load_actor_knowledge, load_sectors


def test_lists_keep_file_order_and_values(tmp_path: Path) -> None:
    (tmp_path / "actor_words.tsv").write_text(
        "list\tword\tvalue\nhonorific\tsir\tm\nhonorific\tdr\t\nformer\tex\t\n", encoding="utf-8"
    )
    lists = read_lists("actor_words.tsv", str(tmp_path), lists=("honorific", "former", "other"))
    assert lists == {"honorific": {"sir": "m", "dr": ""}, "former": {"ex": ""}, "other": {}}
    assert dict(load_actor_knowledge(str(tmp_path)).honorifics) == {"sir": "m", "dr": None}


def test_an_unknown_list_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "actor_words.tsv"
    path.write_text("list\tword\tvalue\nformer\tex\t\nformr\tformer\t\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_actor_knowledge(str(tmp_path))
    assert f"{path}, line 3: unknown list 'formr'" in str(raised.value)


def test_sectors_are_ranked_in_file_order_with_their_groups(tmp_path: Path) -> None:
    (tmp_path / "sectors.tsv").write_text(
        "sector\tgroups\nEDU\t\nMIL\tstate force\n", encoding="utf-8"
    )
    sectors = load_sectors(str(tmp_path))
    assert sectors.priority == ("EDU", "MIL")
    assert min(["MIL", "GOV", "EDU"], key=sectors.rank) == "EDU"
    assert sectors.state == sectors.force == {"MIL"}
    assert sectors.domestic == frozenset()


def test_an_unknown_sector_group_is_refused(tmp_path: Path) -> None:
    (tmp_path / "sectors.tsv").write_text("sector\tgroups\nMIL\tmilitary\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 2: unknown group 'military'"):
        load_sectors(str(tmp_path))
