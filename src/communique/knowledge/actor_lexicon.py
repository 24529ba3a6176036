"""Actor knowledge: countries, places, organisations, well-known people, role words, given names.

``load_actor_knowledge(knowledge_dir)`` reads ``countries.tsv``, ``places.tsv``,
``organizations.tsv``, ``people.tsv``, ``roles.tsv``, ``ethnic_groups.tsv``, ``given_names.tsv``,
``actor_words.tsv`` and ``sectors.tsv`` (each may be overridden by a file of the same name in
``knowledge_dir``) into a frozen ``ActorKnowledge`` of plain lookup tables. Lists inside a cell
are separated by ``;``.

Proper names (countries, places, organisations, people) are matched case-sensitively as written,
with a leading "the"/"The" ignored; role words are matched in lower case, singular or plural.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..codes import ActorCode
from ..errors import ConfigError
from . import data_path, read_lists, read_numbered_table, read_table

COUNTRY_FILE = "countries.tsv"
PLACE_FILE = "places.tsv"
ORG_FILE = "organizations.tsv"
PEOPLE_FILE = "people.tsv"
ROLE_FILE = "roles.tsv"
ETHNIC_FILE = "ethnic_groups.tsv"
GIVEN_NAME_FILE = "given_names.tsv"
WORD_FILE = "actor_words.tsv"
SECTOR_FILE = "sectors.tsv"
WORD_LISTS = (
    "honorific",
    "former",
    "shadow",
    "skippable",
    "quantity",
    "head_verb",
    "common_noun",
    "beyond_state",
    "region_word",
    "name_suffix",
    "work_noun",
    "work_part",
    "language_noun",
    "flight_verb",
    "relational_noun",
    "follower_noun",
    "then_word",
    "facility_noun",
)
"""The lists of ``actor_words.tsv`` (the file documents each)."""
SECTOR_GROUPS = (
    "state",
    "domestic",
    "force",
    "civilian",
    "transnational",
    "faith",
    "population",
    "displaced",
    "local",
)
"""The groups of ``sectors.tsv`` (the file documents each)."""

#: Code prefixes of international actors (intergovernmental, non-governmental, militant groups).
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG"})
#: The prefix of a non-governmental organisation (see ``Sectors.transnational``).
NGO = "NGO"

#: What a matched proper-name phrase denotes.
NAME_KINDS = (
    "country",
    "adjective",
    "people",
    "capital",
    "city",
    "place",
    "ethnic",
    "org",
    "person",
)
"""``place`` is a region; ``city`` a city other than a capital; ``ethnic`` an ethnic group's
adjective ("Karen"), which gives its home country to the noun it modifies."""


@dataclass(frozen=True)
class OrgEntry:
    """A known organisation. ``country`` is ``None`` for international ones (IGO/NGO)."""

    name: str
    country: str | None
    code: str
    seat: str | None = None
    """The capital whose name stands for the organisation in an article that names it
    ("Brussels" for the European Union); ``None`` for most."""

    @property
    def sector(self) -> str | None:
        """The code minus the country or international prefix: ``MIL`` for ``USAMIL``,
        ``MED`` for ``IGOMED``; ``None`` for a bare country or bare ``IGO``/``NGO``."""
        code = ActorCode.parse(self.code)
        if self.country and self.code.startswith(self.country):
            return code.sector or None
        if code.base in INTERNATIONAL:
            return code.sector or None
        return self.code or None


@dataclass(frozen=True)
class Term:
    """An office a well-known person holds; ``since``/``until`` ``None`` mean open-ended."""

    role: str | None
    code: str | None
    since: dt.date | None = None
    until: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


@dataclass(frozen=True)
class PersonEntry:
    """A well-known person. ``country`` ``None`` for international office holders;
    ``terms`` in file order (at least one)."""

    name: str
    country: str | None
    gender: str | None
    terms: tuple[Term, ...]

    def term_on(self, day: dt.date | None) -> Term | None:
        """The office held on ``day``. Without a date (``None``), the last office listed.
        After the last office ended: that office as a former one (code ``ELI``). ``None``
        when ``day`` falls before or between offices."""
        if day is None:
            return self.terms[-1]
        for t in self.terms:
            if t.covers(day):
                return t
        last = self.terms[-1]
        if last.until is not None and day > last.until:
            base = ActorCode.parse(last.code).base or None
            return Term(f"former {last.role}" if last.role else None, base and base + "ELI")
        return None


@dataclass(frozen=True)
class RoleEntry:
    """A role word or title. ``sector`` ``None`` when the word implies none; ``title`` is the
    canonical title for people (``None`` for collective words)."""

    phrase: str
    sector: str | None
    title: str | None
    kind: str
    """``person``, ``group`` or ``body``."""
    plural: bool = False
    generic: bool = False
    """True when the title says nothing about the branch ("spokesman", "official"), so that a
    named organisation next to it gives the sector."""
    country: str | None = None
    """The country the title itself implies ("pope": VAT); ``None`` for almost all."""
    shared: bool = False
    """True for a title of the state that other organisations give too ("president",
    "spokesman"): attached to a named organisation it takes that organisation's sector."""


@dataclass(frozen=True)
class NameHit:
    """What a proper-name phrase denotes: ``kind`` is one of ``NAME_KINDS``; ``iso3`` is set
    for country-like kinds, ``org``/``person`` for those kinds."""

    kind: str
    iso3: str | None = None
    org: OrgEntry | None = None
    person: PersonEntry | None = None


@dataclass(frozen=True)
class Sectors:
    """What ``sectors.tsv`` says about CAMEO sector codes (empty: nothing known)."""

    priority: tuple[str, ...] = ()
    """Sectors in order of priority: an organisation name with several role words takes the
    first of them ("Union of Teachers": EDU)."""
    state: frozenset[str] = frozenset()
    """Organs of the state: a former holder of such an office is an elite (``ELI``)."""
    domestic: frozenset[str] = frozenset()
    """Institutions that, unnamed, belong to the country an article is about ("police said")."""
    force: frozenset[str] = frozenset()
    """Armed and police forces: a country's own one is its instrument, never a target."""
    civilian: frozenset[str] = frozenset()
    """Civilian bodies (business, media, ...) that neither wield nor threaten armed force."""
    transnational: frozenset[str] = frozenset()
    """Civil-society bodies that, described without a country, are NGOs ("a human rights
    group")."""
    faith: frozenset[str] = frozenset()
    """Religious bodies and clergy, whose faith is the tertiary part of their code ("a
    Christian missionary": RELCHR)."""
    population: frozenset[str] = frozenset()
    """A population of a country (civilians, refugees): the people whose ethnic word names it
    is the third part of its code (CAMEO's national ethnic minority: "Iraqi Kurds" IRQCVLkur,
    "Tamil refugees" LKAREFtam)."""
    displaced: frozenset[str] = frozenset()
    """A people away from its country (refugees): its country is its origin, named by its own
    words ("Syrian refugees", "refugees from Syria"), never the place where it is."""
    local: frozenset[str] = frozenset()
    """Institutions every town has (police, courts): naming one does not make an article news
    of states."""

    def rank(self, sector: str) -> int:
        """The sector's place in ``priority`` (after all of them when it is not listed)."""
        return self.priority.index(sector) if sector in self.priority else len(self.priority)


def load_sectors(knowledge_dir: str = "") -> Sectors:
    """Read ``sectors.tsv``: its rows in order of priority, each with its groups; an unknown
    group raises ``ConfigError`` naming the file and line."""
    priority: list[str] = []
    groups: dict[str, set[str]] = {g: set() for g in SECTOR_GROUPS}
    for number, row in read_numbered_table(SECTOR_FILE, knowledge_dir):
        sector = row["sector"]
        if sector not in priority:
            priority.append(sector)
        for group in row.get("groups", "").split():
            if group not in groups:
                raise ConfigError(
                    f"{data_path(SECTOR_FILE, knowledge_dir)}, line {number}: unknown group "
                    f"{group!r} (expected one of {sorted(groups)})"
                )
            groups[group].add(sector)
    return Sectors(
        priority=tuple(priority),
        state=frozenset(groups["state"]),
        domestic=frozenset(groups["domestic"]),
        force=frozenset(groups["force"]),
        civilian=frozenset(groups["civilian"]),
        transnational=frozenset(groups["transnational"]),
        faith=frozenset(groups["faith"]),
        population=frozenset(groups["population"]),
        displaced=frozenset(groups["displaced"]),
        local=frozenset(groups["local"]),
    )


def _empty() -> Mapping[str, object]:
    return MappingProxyType({})


@dataclass(frozen=True)
class ActorKnowledge:
    """Lookup tables. ``names`` maps a proper-name phrase to every reading of it (a country
    name may also be an adjective, "U.S."); ``roles`` maps lower-case role phrases (singular and
    plural) to their entry; ``country_names`` maps ISO3 to the canonical name; ``surnames``
    maps the last word of a well-known person's name to the entries with it; ``given_names``
    maps a first name to ``m``/``f`` (``""`` for a name both sexes bear); ``group_codes`` maps an ethnic or faith word to its CAMEO
    tertiary code. ``max_name_words``/``max_role_words`` bound phrase
    lengths. ``name_starts``/``role_starts`` hold the first word of every phrase (for cheap
    pruning). The word lists of ``actor_words.tsv`` and the sectors of ``sectors.tsv`` follow."""

    names: Mapping[str, tuple[NameHit, ...]] = field(default_factory=_empty)  # type: ignore[arg-type]
    roles: Mapping[str, RoleEntry] = field(default_factory=_empty)  # type: ignore[arg-type]
    country_names: Mapping[str, str] = field(default_factory=_empty)  # type: ignore[arg-type]
    surnames: Mapping[str, tuple[PersonEntry, ...]] = field(default_factory=_empty)  # type: ignore[arg-type]
    given_names: Mapping[str, str] = field(default_factory=_empty)  # type: ignore[arg-type]
    group_codes: Mapping[str, str] = field(default_factory=_empty)  # type: ignore[arg-type]
    """An ethnic or faith word as written ("Albanian", "Christians") -> its CAMEO tertiary code
    ("alb", "CHR"; ``ethnic_groups.tsv``)."""
    name_starts: frozenset[str] = frozenset()
    role_starts: frozenset[str] = frozenset()
    max_name_words: int = 1
    max_role_words: int = 1
    honorifics: Mapping[str, str | None] = field(default_factory=_empty)  # type: ignore[arg-type]
    """Lower-case form of address ("mr.", "lady") -> the gender it implies (``None``: any)."""
    former: frozenset[str] = frozenset()
    """Words that make an office a past one ("former", "ex")."""
    shadow: frozenset[str] = frozenset()
    """Words that make an office the opposition's counterpart of it ("shadow")."""
    skippable: frozenset[str] = frozenset()
    """Modifiers a title's premodifiers may hold without saying anything ("senior", "acting")."""
    quantity_nouns: frozenset[str] = frozenset()
    """Nouns that count a people ("thousands of Nigerians"): such people are civilians."""
    head_verbs: frozenset[str] = frozenset()
    common_nouns: frozenset[str] = frozenset()
    """Abbreviations written like names that name no actor ("GMT", "AI"), as written."""
    """Verbs whose object is a person's organisation ("X, who heads the Pentagon")."""
    beyond_state: frozenset[str] = frozenset()
    """Modifiers that place a description beyond any one state ("foreign", "European"),
    lower case."""
    region_words: frozenset[str] = frozenset()
    """Words that make a country's adjective after them a region's ("Latin American")."""
    name_suffixes: frozenset[str] = frozenset()
    """Generational suffixes after a surname ("jr.", "iii"), lower case: not the surname."""
    work_nouns: frozenset[str] = frozenset()
    """Nouns for a work or a part of one ("drama", "album", "season"): a name right after
    one is the work's title, no actor ("the drama Baretta"), lower case."""
    work_parts: frozenset[str] = frozenset()
    """Nouns for a part of a serial work ("season"): a name after "of" following one is the
    work's title ("season four of Stranger Things"), lower case."""
    language_nouns: frozenset[str] = frozenset()
    """Nouns for a language ("language", "tongue"): a country's adjective before one names
    the language, no actor ("the Russian language"), lower case."""
    relational_nouns: frozenset[str] = frozenset()
    """Nouns naming a side by its relation to another ("ally", "proxy", "neighbour"): the
    possessor of one is the other side, not the country of a role word compounded with it
    ("Israel's militia ally"), lower case."""
    then_words: frozenset[str] = frozenset()
    """Words ("then") that make a title joined to them by a hyphen or written after "the" a
    past office, lower case."""
    follower_nouns: frozenset[str] = frozenset()
    """Role phrases for followers ("supporter"): a political side only when they follow a
    person, a body or a people, none when they follow a thing, lower case."""
    facility_nouns: frozenset[str] = frozenset()
    """Nouns that end the name of a place or facility ("airport", "street", "university"):
    a person's name inside such a name ("Imam Khomeini International Airport") is the
    place's, no actor, lower case."""
    flight_verbs: frozenset[str] = frozenset()
    """Lemmas of verbs of leaving one's country ("flee"): their object or "from" phrase is
    the origin of a displaced people ("refugees fleeing the war in Liberia")."""
    sectors: Sectors = Sectors()
    seats: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)  # type: ignore[arg-type]
    """A capital's name -> the organisations seated there (``OrgEntry.seat``), in file order."""

    def name(self, text: str) -> tuple[NameHit, ...]:
        """Readings of a proper-name phrase (``()`` when unknown); "the" is ignored."""
        key = " ".join(text.split())
        found = self.names.get(key)
        if found is None and key[:4] in ("the ", "The "):
            found = self.names.get(key[4:])
        return found or ()

    def first(self, text: str, kinds: tuple[str, ...]) -> NameHit | None:
        """The first reading of ``text`` whose kind is in ``kinds``, ``None`` when none."""
        for hit in self.name(text):
            if hit.kind in kinds:
                return hit
        return None

    def ethnic_code(self, word: str) -> str | None:
        """The CAMEO ethnic code of a people's word ("Kurds": "kur", ``ethnic_groups.tsv``'s
        lower-case codes); ``None`` for a faith's word (its religion code is upper case:
        "Muslims") or a word of no group."""
        code = self.group_codes.get(word)
        return code if code is not None and code.islower() else None

    def role(self, text: str) -> RoleEntry | None:
        """The role entry for a phrase (any case), ``None`` when it is not a role word."""
        return self.roles.get(" ".join(text.lower().split()))


def _date(cell: str) -> dt.date | None:
    """An ISO date, ``None`` for an empty or malformed cell."""
    try:
        return dt.date.fromisoformat(cell.strip()) if cell.strip() else None
    except ValueError:
        return None


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def _pluralize_phrase(phrase: str) -> str:
    """Plural of a role phrase: "secretary of state" -> "secretaries of state"."""
    words = phrase.split()
    if "of" in words:
        i = words.index("of")
        if i > 0:
            words[i - 1] = _plural(words[i - 1])
            return " ".join(words)
    words[-1] = _plural(words[-1])
    return " ".join(words)


_SPELLINGS = (("ization", "isation"),)  # American, British


def _spellings(name: str) -> list[str]:
    """``name`` and its other English spelling of the suffix -ize/-ise ("World Trade
    Organization" / "World Trade Organisation"): British and American news write the same
    body's name both ways, and a table row is written once."""
    out = [name]
    for american, british in _SPELLINGS:
        for a, b in ((american, british), (british, american)):
            if a in name and name.replace(a, b) not in out:
                out.append(name.replace(a, b))
    return out


def load_actor_knowledge(knowledge_dir: str = "") -> ActorKnowledge:
    """Read the actor knowledge files (see module docstring)."""
    names: dict[str, list[NameHit]] = {}
    country_names: dict[str, str] = {}

    def add(phrase: str, hit: NameHit) -> None:
        key = " ".join(phrase.split())
        if key and hit not in names.setdefault(key, []):
            names[key].append(hit)

    for row in read_table(COUNTRY_FILE, knowledge_dir):
        iso = row["iso3"]
        country_names[iso] = row["name"]
        for n in [row["name"], *_split(row.get("aliases", ""))]:
            add(n, NameHit("country", iso3=iso))
        for a in _split(row.get("adjectives", "")):
            add(a, NameHit("adjective", iso3=iso))
            if not a.endswith(("ese", "ss", "sh", "ch", ".")) and a.upper() != a:
                add(a + "s", NameHit("people", iso3=iso))
        for p in _split(row.get("people", "")):
            add(p, NameHit("people", iso3=iso))
        for c in _split(row.get("capitals", "")):
            add(c, NameHit("capital", iso3=iso))
    for row in read_table(PLACE_FILE, knowledge_dir):
        kind = "city" if row.get("type") == "city" else "place"
        add(row["place"], NameHit(kind, iso3=row["iso3"]))
    group_codes: dict[str, str] = {}
    for row in read_table(ETHNIC_FILE, knowledge_dir):
        key = " ".join(row["name"].split())
        if row.get("code"):
            group_codes.setdefault(key, row["code"])
        if any(h.kind in ("country", "adjective", "people") for h in names.get(key, ())):
            continue  # a country's word ("Albanian"): the row only gives its code
        kind = "ethnic" if row.get("adjective") == "yes" else "people"
        add(row["name"], NameHit(kind, iso3=row["iso3"] or None))
    seats: dict[str, list[str]] = {}
    for row in read_table(ORG_FILE, knowledge_dir):
        org = OrgEntry(
            row["name"], row.get("country") or None, row["code"], row.get("seat") or None
        )
        if org.seat:
            seats.setdefault(org.seat, []).append(org.name)
        for n in [row["name"], *_split(row.get("aliases", ""))]:
            for spelling in _spellings(n):
                add(spelling, NameHit("org", iso3=org.country, org=org))
    surnames: dict[str, list[PersonEntry]] = {}
    rows: dict[str, list[dict[str, str]]] = {}
    for row in read_table(PEOPLE_FILE, knowledge_dir):
        rows.setdefault(row["name"], []).append(row)
    for name, group in rows.items():
        row = group[0]
        terms = tuple(
            Term(
                r.get("role") or None,
                r.get("code") or None,
                _date(r.get("since", "")),
                _date(r.get("until", "")),
            )
            for r in group
        )
        person = PersonEntry(name, row.get("country") or None, row.get("gender") or None, terms)
        aliases = [a for r in group for a in _split(r.get("aliases", ""))]
        for n in [name, *aliases]:
            add(n, NameHit("person", iso3=person.country, person=person))
            last = n.split()[-1]
            if person not in surnames.setdefault(last, []):
                surnames[last].append(person)
    roles: dict[str, RoleEntry] = {}
    for row in read_table(ROLE_FILE, knowledge_dir):
        phrase = " ".join(row["phrase"].lower().split())
        entry = RoleEntry(
            phrase,
            row.get("sector") or None,
            row.get("title") or None,
            row.get("kind") or "person",
            generic=row.get("generic", "") == "yes",
            country=row.get("country") or None,
            shared=row.get("shared", "") == "yes",
        )
        roles.setdefault(phrase, entry)
        plural = row.get("plural") or _pluralize_phrase(phrase)
        if plural != phrase:
            roles.setdefault(
                plural,
                RoleEntry(
                    phrase,
                    entry.sector,
                    entry.title,
                    entry.kind,
                    True,
                    entry.generic,
                    entry.country,
                    entry.shared,
                ),
            )
    given: dict[str, str] = {}
    for row in read_table(GIVEN_NAME_FILE, knowledge_dir):
        given.setdefault(row["name"], row["gender"])
    words = read_lists(WORD_FILE, knowledge_dir, lists=WORD_LISTS)
    return ActorKnowledge(
        names=MappingProxyType({k: tuple(v) for k, v in names.items()}),
        roles=MappingProxyType(roles),
        country_names=MappingProxyType(country_names),
        surnames=MappingProxyType({k: tuple(v) for k, v in surnames.items()}),
        given_names=MappingProxyType(given),
        group_codes=MappingProxyType(group_codes),
        name_starts=frozenset(_first_words(names)),
        role_starts=frozenset(_first_words(roles)),
        max_name_words=max((_n_words(k) for k in names), default=1),
        max_role_words=max((_n_words(k) for k in roles), default=1),
        honorifics=MappingProxyType({k: v or None for k, v in words["honorific"].items()}),
        former=frozenset(words["former"]),
        shadow=frozenset(words["shadow"]),
        skippable=frozenset(words["skippable"]),
        quantity_nouns=frozenset(words["quantity"]),
        head_verbs=frozenset(words["head_verb"]),
        common_nouns=frozenset(words["common_noun"]),
        beyond_state=frozenset(words["beyond_state"]),
        region_words=frozenset(words["region_word"]),
        name_suffixes=frozenset(words["name_suffix"]),
        work_nouns=frozenset(words["work_noun"]),
        work_parts=frozenset(words["work_part"]),
        language_nouns=frozenset(words["language_noun"]),
        flight_verbs=frozenset(words["flight_verb"]),
        relational_nouns=frozenset(words["relational_noun"]),
        follower_nouns=frozenset(words["follower_noun"]),
        then_words=frozenset(words["then_word"]),
        facility_nouns=frozenset(words["facility_noun"]),
        sectors=load_sectors(knowledge_dir),
        seats=MappingProxyType({k: tuple(v) for k, v in seats.items()}),
    )


def _first_words(keys: Mapping[str, object]) -> set[str]:
    out: set[str] = set()
    for k in keys:
        w = k.split()[0]
        out.add(w)
        out.add(w.split("-")[0])
        out.add(w.split("'")[0])
    return out


def _n_words(key: str) -> int:
    """An upper bound on the spaCy tokens of a phrase (hyphens and 's split words)."""
    return len(key.replace("-", " - ").replace("'", " '").split())


def country_code(value: str, knowledge_dir: str = "") -> str | None:
    """The ISO 3166 alpha-3 code that ``value`` names: a code itself (any case), or a country's
    name, alias or adjective in ``countries.tsv`` ("Russia", "russian" -> ``RUS``); ``None``
    when it names no country."""
    wanted = " ".join(value.split()).casefold()
    if not wanted:
        return None
    for row in read_table(COUNTRY_FILE, knowledge_dir):
        iso = row["iso3"]
        words = [
            iso,
            row["name"],
            *_split(row.get("aliases", "")),
            *_split(row.get("adjectives", "")),
        ]
        if any(w.casefold() == wanted for w in words):
            return iso
    return None
