"""GDELT-style geography of a place mention, from ``countries.tsv`` and ``places.tsv``.

A place the text names (a ``records.Mention`` whose ``value`` is its country's ISO code, and
whose name the tables know as a country, a capital or a place) is described as GDELT's geography columns describe a location: its type (1 country, 2 US state,
3 US city, 4 world city, 5 world state), a full name ("Gaza City, Palestine"), the country's
FIPS 10-4 code (``countries.tsv`` column ``fips``) and, for a country, that code as its ADM1
code and feature id. Coordinates and sub-national codes are not known: they stay empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import read_table

COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
"""GDELT's geography types."""


@dataclass(frozen=True)
class Location:
    """One location as GDELT's ``Type``, ``FullName``, ``CountryCode``, ``ADM1Code``,
    ``ADM2Code``, ``Lat``, ``Long`` and ``FeatureID`` columns hold it."""

    type: int
    full_name: str
    country: str
    adm1: str = ""
    feature: str = ""

    def columns(self) -> list[str]:
        return [
            str(self.type),
            self.full_name,
            self.country,
            self.adm1,
            "",
            "",
            "",
            self.feature,
        ]


@dataclass(frozen=True)
class Gazetteer:
    """Countries (ISO code -> name, FIPS code, the names that name them) and places
    (lower-case name -> ``city`` or ``region``)."""

    names: dict[str, str]
    fips: dict[str, str]
    country_names: frozenset[str]
    places: dict[str, str]

    @classmethod
    def load(cls, knowledge_dir: str = "") -> Gazetteer:
        names: dict[str, str] = {}
        fips: dict[str, str] = {}
        country_names: set[str] = set()
        places: dict[str, str] = {}
        for row in read_table("countries.tsv", knowledge_dir):
            code = row["iso3"]
            names[code] = row["name"]
            fips[code] = row.get("fips", "") or ""
            country_names.add(row["name"].lower())
            country_names.update(a.strip().lower() for a in row.get("aliases", "").split(";"))
            for capital in row.get("capitals", "").split(";"):
                if capital.strip():
                    places[capital.strip().lower()] = "city"
        for row in read_table("places.tsv", knowledge_dir):
            places.setdefault(row["place"].lower(), row.get("type", "") or "city")
        country_names.discard("")
        return cls(names, fips, frozenset(country_names), places)

    def location(self, text: str, iso3: str | None) -> Location | None:
        """The location a place mention names; ``None`` when the name is neither a country nor
        a place of the tables (the tagger takes some surnames for places), or its country is
        unknown or has no FIPS code."""
        code = (iso3 or "").upper()
        fips = self.fips.get(code, "")
        if not fips:
            return None
        name = self.names.get(code, code)
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        key = " ".join(words).lower()
        if key in self.country_names or key == name.lower():
            return Location(COUNTRY, name, fips, adm1=fips, feature=fips)
        kind = self.places.get(key)
        if kind is None:
            return None
        if code == "USA":
            kind_code = US_STATE if kind == "region" else US_CITY
        else:
            kind_code = WORLD_STATE if kind == "region" else WORLD_CITY
        return Location(kind_code, f"{' '.join(words)}, {name}", fips)

    def country(self, iso3: str) -> Location | None:
        """A country as a location (an actor's country when no place is named near it)."""
        fips = self.fips.get(iso3.upper(), "")
        if not fips:
            return None
        return Location(COUNTRY, self.names.get(iso3.upper(), iso3), fips, fips, fips)
