"""Reading PETRARCH/TABARI actor and agent dictionaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from communique.errors import DictionaryError
from communique.knowledge import BUNDLED
from communique.knowledge.petrarch import (
    ACTOR_TABLE,
    NOTICE_NAME,
    ActorEntry,
    DatedCode,
    load_actor_table,
    load_dictionaries,
    normalize,
    parse_actors,
    parse_agents,
    parse_code,
    parse_date,
    table_rows,
    to_table,
)

from helpers import shared_path

TINY_ACTORS = """\
# comment line
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV 990809-080507]
\t[RUSGOV >120507]
\t[RUSELI]
DMITRY_MEDVEDEV_
+MEDVEDEV
DMITRI_MEDVEDEV_
\t[RUSGOV 080507-120507]
\t[RUSELI]
UNITED_NATIONS_ [IGOUNO]
+UN_
NOBODY_ [---]
"""

TINY_AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
POLICE {} [~COP]
CATTLE!PERSON! [~AGR]
THIEF {THIEVES} [~CRM]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("700101", dt.date(1970, 1, 1)),
        ("120507", dt.date(2012, 5, 7)),
        ("19270101", dt.date(1927, 1, 1)),
        ("2004017", None),
        ("991399", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("RUSGOV", DatedCode("RUSGOV")),
        ("RUSGOV >120507", DatedCode("RUSGOV", start=dt.date(2012, 5, 7))),
        ("USRARM <900823", DatedCode("USRARM", end=dt.date(1990, 8, 23))),
        ("RUSELI 700101-990809", DatedCode("RUSELI", dt.date(1970, 1, 1), dt.date(1999, 8, 9))),
    ],
)
def test_parse_code(body: str, expected: DatedCode) -> None:
    assert parse_code(body) == expected


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("Putin", dt.date(1995, 1, 1), "RUSELI"),
        ("Putin", dt.date(2003, 1, 1), "RUSGOV"),
        ("Putin", dt.date(2010, 1, 1), "RUSELI"),  # between ranges: the undated default
        ("Putin", dt.date(2013, 8, 9), "RUSGOV"),
        ("president putin", None, "RUSGOV"),  # no date: the open-ended current code
        ("Medvedev", dt.date(2010, 1, 1), "RUSGOV"),
        ("Dmitri Medvedev", dt.date(2013, 8, 9), "RUSELI"),
        ("UN", None, "IGOUNO"),
        ("Nobody", None, None),
    ],
)
def test_code_on_date(name: str, day: dt.date | None, code: str | None) -> None:
    entries = parse_actors(TINY_ACTORS.splitlines())
    entry = entries[normalize(name)]
    assert entry.code_on(day) == code


def test_agents_expand_sets_and_plurals() -> None:
    agents = parse_agents(TINY_AGENTS.splitlines())
    assert agents["POLICE"] == "COP"
    assert agents["CATTLEMEN"] == "AGR"
    assert agents["THIEVES"] == "CRM"


def test_code_before_phrase_is_an_error() -> None:
    with pytest.raises(DictionaryError, match="before any actor phrase"):
        parse_actors(["\t[RUSGOV]", "PUTIN_"])


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read"):
        load_dictionaries([str(tmp_path / "absent.txt")])


def test_load_files_later_overrides(tmp_path: Path) -> None:
    a = tmp_path / "a.actors.txt"
    b = tmp_path / "b.actors.txt"
    a.write_text("PUTIN_ [RUSGOV]\n", encoding="utf-8")
    b.write_text("PUTIN_ [RUSELI]\n", encoding="utf-8")
    ag = tmp_path / "agents.txt"
    ag.write_text(TINY_AGENTS, encoding="utf-8")
    actors, agents = load_dictionaries([str(a), str(b), str(ag)])
    entry = actors.lookup("Putin")
    assert entry is not None and entry.code_on(None) == "RUSELI"
    assert agents.sector("policemen") is None and agents.sector("police") == "COP"


def test_phoenix_reference_dictionaries() -> None:
    ref = shared_path("reference", "petrarch2")
    actors, agents = load_dictionaries(
        [
            str(ref / "Phoenix.Countries.actors.txt"),
            str(ref / "Phoenix.International.actors.txt"),
            str(ref / "Phoenix.agents.txt"),
        ]
    )
    putin = actors.lookup("Vladimir Putin")
    assert putin is not None
    assert putin.code_on(dt.date(2013, 8, 9)) == "RUSGOV"
    assert putin.code_on(dt.date(1990, 1, 1)) == "RUSELI"
    medvedev = actors.lookup("Medvedev")
    assert medvedev is not None and medvedev.code_on(dt.date(2010, 1, 1)) == "RUSGOV"
    un = actors.lookup("UN")
    assert un is not None and (un.code_on(None) or "").startswith("IGO")
    assert agents.sector("police") == "COP"
    assert agents.sector("farmers") == "AGR"


def test_the_narrower_of_overlapping_dated_codes_wins() -> None:
    entry = ActorEntry(
        "YOWERI MUSEVENI",
        (),
        (
            DatedCode("UGAELI", dt.date(1962, 1, 1), dt.date(2000, 1, 1)),
            DatedCode("UGAGOV", dt.date(1986, 1, 26)),
            DatedCode("UGAELI"),
        ),
    )
    assert entry.code_on(dt.date(1980, 1, 1)) == "UGAELI"
    assert entry.code_on(dt.date(1996, 5, 9)) == "UGAGOV"  # both ranges hold: the later start
    assert entry.code_on(None) == "UGAGOV"


def test_files_without_actor_codes_are_passed_over(tmp_path: Path) -> None:
    actors = tmp_path / "a.actors.txt"
    actors.write_text(TINY_ACTORS, encoding="utf-8")
    issues = tmp_path / "issues.txt"
    issues.write_text('<ISSUE CATEGORY="X">\nn:school [SCHOOLS]\n', encoding="utf-8")
    discards = tmp_path / "discards.txt"
    discards.write_text("# discards\n1914\n+BASEBALL\n", encoding="utf-8")
    found, agents = load_dictionaries([str(actors), str(issues), str(discards)])
    assert "N:SCHOOL" not in found.entries and "1914" not in found.entries
    assert found.lookup("Putin") is not None and not agents.agents


def test_the_actor_table_round_trips_and_leaves_places_out(tmp_path: Path) -> None:
    source = tmp_path / "a.actors.txt"
    source.write_text(TINY_ACTORS + "PARIS_\n+PARIS,_FRANCE\n\t[FRA]\n", encoding="utf-8")
    parsed, _ = load_dictionaries([str(source)])
    rows = table_rows(parsed.entries)
    assert sorted(r.phrase for r in rows) == ["DMITRY MEDVEDEV", "UNITED NATIONS", "VLADIMIR PUTIN"]
    (tmp_path / ACTOR_TABLE).write_text(to_table(rows, ["a.actors.txt"]), encoding="utf-8")
    table = load_actor_table(str(tmp_path))
    assert table.lookup("Paris") is None and table.lookup("nobody") is None
    for name, day in [("Putin", dt.date(2000, 1, 1)), ("Medvedev", None), ("UN", None)]:
        entry, original = table.lookup(name), parsed.lookup(name)
        assert entry is not None and original is not None
        assert entry.code_on(day) == original.code_on(day)


def test_a_malformed_table_row_names_its_line(tmp_path: Path) -> None:
    (tmp_path / ACTOR_TABLE).write_text(
        "phrase\tsynonyms\tcodes\nIVAN PETROV\t\tRUSGOV@1990/\n", encoding="utf-8"
    )
    with pytest.raises(DictionaryError, match=r"line 2: expected a phrase"):
        load_actor_table(str(tmp_path))


def test_an_impossible_table_date_is_a_dictionary_error(tmp_path: Path) -> None:
    (tmp_path / ACTOR_TABLE).write_text(
        "phrase\tsynonyms\tcodes\nIVAN PETROV\t\tRUSGOV@1990-13-01/\n", encoding="utf-8"
    )
    table = load_actor_table(str(tmp_path))
    with pytest.raises(DictionaryError, match="IVAN PETROV"):
        table.lookup("Ivan Petrov")


def test_the_bundled_table_is_small_and_carries_its_notice() -> None:
    table = BUNDLED / ACTOR_TABLE
    assert table.stat().st_size < 3_000_000
    assert (BUNDLED / NOTICE_NAME).read_text(encoding="utf-8").startswith("The MIT License")
    assert NOTICE_NAME in table.read_text(encoding="utf-8")[:500]
    entry = load_actor_table().lookup("Yoweri Museveni")
    assert entry is not None and entry.code_on(dt.date(1996, 5, 9)) == "UGAGOV"


def test_the_bundled_table_is_what_the_converter_makes_of_the_reference() -> None:
    ref = shared_path("reference", "petrarch2")
    files = [ref / f"Phoenix.{n}.actors.txt" for n in ("Countries", "International", "MilNonState")]
    parsed, _ = load_dictionaries([str(p) for p in files])
    made = to_table(table_rows(parsed.entries), [p.name for p in files])
    assert made == (BUNDLED / ACTOR_TABLE).read_text(encoding="utf-8")
