"""The event coder's knowledge, read once from the knowledge files into dicts keyed by lemma.

``verbs.tsv``         verb (+ particle) and object lemma -> CAMEO code and flags
``cameo_verbs.tsv``   the same from PETRARCH-2's verb dictionary ``CAMEO.2.0.txt`` (converted by
                      ``knowledge.verb_dictionary``), with the preposition a pattern needs; the
                      ``verb_dictionaries`` setting adds a user's own dictionaries
``event_nouns.tsv``   event nouns ("summit", "sanctions") -> CAMEO code and flags
``event_modals.tsv``  governing verbs and adjectives ("pledge", "threaten", "refuse") -> kind
``event_agents.tsv``  agent head nouns ("government", "troops") -> CAMEO sector code, and
                      nouns that are no agent: documents, mishaps, frames
``event_modal_codes.tsv``  modal kind and the governed event's code -> the resulting code
``event_words.tsv``   measure nouns, partial and reciprocal adverbs, protest nouns
``event_codes.tsv``   codes treated specially: undone acts, protest aims, material conflict,
                      visits, force by a military
``sectors.tsv``       the armed and police forces (a country's own is no target)
``cameo.tsv``         the codebook (names, quad classes) through ``knowledge.cameo.Codebook``

Each file documents its own columns. ``EventLexicon`` is immutable after loading and can be
shared between pipelines.

The verb dictionaries broaden ``verbs.tsv``; where both speak, our own rows win
(``clauses.ClauseReader.lookup``): (1) a verb's own rows with its object, and for a light verb
the event noun, come first; (2) then a dictionary's discard (``[---]``: "killed in an
accident") codes nothing; (3) a dictionary's phrase (direct object or adjective complement,
preposition + noun, preposition alone) codes only a verb with no bare row of our own ("kill"
keeps our code whatever its object); (4) then the verb's own bare row, (5) and last a
dictionary's bare verb. Among dictionaries, a user's come before the bundled one and the first
row of a phrase wins. From the bundled ``cameo_verbs.tsv`` we take only the rows that name a
noun (the object, or the object of the preposition) and the discards: its bare verbs, and its
verbs with a particle or a preposition alone, read idioms and synonyms as events on news
("debated the proposal" as a consultation, "kicked Trump off the ballot" as a negotiation). A
user's own dictionaries are taken whole. No dictionary row is taken for the verbs and nouns of
``event_modals.tsv`` ("reiterated its demand that ..."): their reading is the modality's; nor
rows coding ``010``: a statement codes nothing but its content.

A pattern flag that the coder does not know (a typo in ``verbs.tsv``
or ``event_nouns.tsv``) raises ``ConfigError`` naming the file and line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from ...codes import EventCode
from ...errors import ConfigError
from ...knowledge import data_path, read_lists, read_numbered_table, read_table
from ...knowledge.actor_lexicon import WORD_LISTS as ACTOR_WORD_LISTS
from ...knowledge.actor_lexicon import load_sectors
from ...knowledge.cameo import Codebook
from ...knowledge.verb_dictionary import BUNDLED_NAME, convert_file

MODAL_KINDS: frozenset[str] = frozenset(
    {
        "intent",
        "threat",
        "refuse",
        "appeal",
        "demand",
        "attempt",
        "prepare",
        "none",
        "report",
        "deny",
    }
)
PATTERN_FLAGS: frozenset[str] = frozenset(
    {
        "recip",
        "mutual",
        "active",
        "needobj",
        "needevent",
        "noobj",
        "personobj",
        "thingobj",
        "inverse",
        "notarget",
        "from",
        "light",
        "legal",
        "weaponwith",
    }
)
"""The flags of ``verbs.tsv`` and ``event_nouns.tsv`` (``verbs.tsv`` documents each)."""
MODAL_CODE_KINDS: tuple[str, ...] = ("intent", "threat", "refuse", "appeal", "demand", "deny")
"""The kinds of ``event_modal_codes.tsv``."""
WORD_LISTS: tuple[str, ...] = (
    "measure_noun",
    "partial_adverb",
    "reciprocal_adverb",
    "protest_noun",
    "hedge_adjective",
    "contest_topic",
    "work",
    "protester",
    "weapon",
    "traveller",
    "office_noun",
    "judging_verb",
    "in_words",
    "speculation_noun",
    "forecast_verb",
    "object_control",
    "part_prep",
    "person_state",
    "harm_verb",
    "conflict_noun",
    "contest",
)
"""The lists of ``event_words.tsv`` (the file documents each)."""
CODE_LISTS: tuple[str, ...] = (
    "undone_root",
    "protest_aim",
    "material_conflict",
    "visit",
    "military_force",
    "armed",
    "place_authority",
    "person_victim",
    "prepared_force",
    "addressed",
    "public_act",
    "crowd_violence",
    "repression",
    "verbal_force",
    "armed_noun",
    "own_forces",
    "formal_charge",
)
"""The lists of ``event_codes.tsv`` (the file documents each)."""
DICTIONARY_FLAGS: frozenset[str] = frozenset({"recip", "needobj"})
"""The flags of ``cameo_verbs.tsv`` (``knowledge.verb_dictionary.VerbRow``)."""
STATEMENT_CODE = "010"
"""A statement with no content: the verb dictionaries' code that we do not take."""


@dataclass(frozen=True)
class Pattern:
    """What a verb (with an optional object lemma) or an event noun codes."""

    code: str
    """CAMEO code; ``""`` for a verb dictionary's discard: the phrase codes nothing."""
    flags: frozenset[str] = frozenset()
    """Subset of ``PATTERN_FLAGS`` (``verbs.tsv`` documents each)."""


@dataclass(frozen=True)
class EventLexicon:
    """Lookups for the event coder. Every absent key means "not an event word"."""

    verbs: Mapping[str, Mapping[str, Pattern]]
    """verb lemma (``"call off"``) -> object lemma (``""`` for any) -> pattern (``verbs.tsv``)."""
    nouns: Mapping[str, Pattern]
    modals: Mapping[str, str]
    """word -> one of ``MODAL_KINDS``."""
    agents: Mapping[str, str]
    """agent head noun -> sector code (``GOV``, ``MIL`` ...)."""
    codebook: Codebook
    phrases: Mapping[str, Mapping[tuple[str, str], Pattern]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    """From the verb dictionaries: verb lemma -> (preposition, object lemma) -> pattern, where
    ``("", "")`` is the bare verb, ``("", noun)`` a direct object, ``(prep, noun)`` the object of
    a prepositional phrase and ``(prep, "")`` any such phrase. Looked up after ``verbs``."""
    light_verbs: frozenset[str] = field(default_factory=frozenset)
    """Verbs with at least one ``light`` row: their object noun's code counts first."""
    documents: frozenset[str] = frozenset()
    """Nouns of documents and statements ("report", "letter"): no event of their own, but as a
    subject they speak for their author ("a report by X alleged" is X's allegation)."""
    frames: frozenset[str] = frozenset()
    """Nouns that only frame the event their modifier names ("a mediation effort", "a bombing
    campaign"): the modifier is looked up when the frame noun itself is no event."""
    mishaps: frozenset[str] = frozenset()
    """Nouns of misfortunes that are nobody's act ("earthquake", "crisis"): what they cause
    ("were killed in the earthquake", "the crisis forced X to") is no event."""
    modal_codes: Mapping[str, Mapping[str, str]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    """Modal kind -> content code (a full code or a root; ``""``: any other) -> the code of
    the modal event (``event_modal_codes.tsv``)."""
    measure_nouns: frozenset[str] = frozenset()
    """Object nouns that only measure their "of" phrase ("a series of bombs")."""
    partial_adverbs: frozenset[str] = frozenset()
    """Adverbs that make a negation partial ("do not always agree")."""
    reciprocal_adverbs: frozenset[str] = frozenset()
    """Adverbs that make an act reciprocal ("work jointly")."""
    protest_nouns: frozenset[str] = frozenset()
    """Nouns that name a protest's purpose after "in"/"against" ("in protest against X")."""
    undone_roots: frozenset[str] = frozenset()
    """Roots of acts not done yet (intents, threats), nor is their purpose."""
    protest_aims: frozenset[str] = frozenset()
    """Roots of a protest's purpose clause that restate the protest ("to protest")."""
    material_conflict: frozenset[str] = frozenset()
    """Roots of material conflict."""
    visit_codes: frozenset[str] = frozenset()
    """Consultations whose place is their target ("visited troops in Iraq")."""
    unhosted: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    """Visit code -> sectors that host no visit ("arrived at the High Court": ``JUD``;
    ``event_codes.tsv``, list ``visit``)."""
    judging_verbs: frozenset[str] = frozenset()
    """Verbs that judge an object with an "as" predicate ("see X as vital"): a gerund they
    take is weighed, not done (``event_words.tsv``, list ``judging_verb``)."""
    forecast_verbs: frozenset[str] = frozenset()
    """Verbs of expectation whose passive with an infinitive is a forecast by others ("is
    expected to attack"): no act of its subject (``event_words.tsv``, list ``forecast_verb``)."""
    object_control: frozenset[str] = frozenset()
    """Verbs whose object is their infinitive's subject ("invited X to attend"): in their
    passive the subject is the one invited, not the doer (``event_words.tsv``, list
    ``object_control``)."""
    travellers: frozenset[str] = frozenset()
    """Nouns of private travellers ("tourists"), who as subjects make no visit
    (``event_words.tsv``, list ``traveller``)."""
    office_nouns: frozenset[str] = frozenset()
    """Agent nouns of an office or rank ("officer", "chief", "leader"), whose sector a compound
    modifier naming a body gives ("army officer": MIL; ``event_words.tsv``, list
    ``office_noun``)."""
    military_force: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Code -> the code it becomes when a military does it (killing by a military is 19)."""
    force_sectors: frozenset[str] = frozenset()
    """Sectors of armed and police forces: a country's own is its instrument, not a target."""
    armed_codes: frozenset[str] = frozenset()
    """Roots and codes of armed force or its threat (``event_codes.tsv``, list ``armed``)."""
    civilian_sectors: frozenset[str] = frozenset()
    """Sectors of civilian bodies, which are no source of armed force (``sectors.tsv``)."""
    place_authority: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Code or root of coercion -> the sector of the place's authority that did it when no
    agent is named ("50 people were arrested in Cairo": ``COP``; ``event_codes.tsv``)."""
    own_forces: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    """Codes of what a side does with its own forces (087 demobilize, withdraw) -> the
    non-state sectors of armed sides besides ``force_sectors``: an agentless passive's subject
    that names forces does it (``event_codes.tsv``, list ``own_forces``)."""
    addressed_roots: frozenset[str] = frozenset()
    """Roots of requests (appeals, demands), aimed at whom they ask: for whom the thing asked
    for is ("appealed for aid for X") is no target (``event_codes.tsv``, list ``addressed``)."""
    public_acts: frozenset[str] = frozenset()
    """Roots of acts that are public business whoever does them (threats, protests, coercion,
    violence); any other act between private parties of one country is not coded
    (``event_codes.tsv``, list ``public_act``)."""
    works: frozenset[str] = frozenset()
    """Nouns of made things and creative works ("film", "album"; ``event_words.tsv``, list
    ``work``): shot, beaten or attacked, they suffer no violence."""
    contests: frozenset[str] = frozenset()
    """Nouns of sporting and electoral contests ("tournament", "race"; ``event_words.tsv``,
    list ``contest``): withdrawing from one is no withdrawal of forces."""
    protesters: frozenset[str] = frozenset()
    """Nouns of people protesting ("demonstrators"; ``event_words.tsv``, list ``protester``)."""
    crowd_violence: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Root of force -> the code it is when protesters use it (145)."""
    repression: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Root of force -> the code it is when a force uses it on protesters (175)."""
    verbal_force: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Root of force -> the code it is when done in words (111; ``event_codes.tsv``)."""
    armed_nouns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Code of a noun that may be an armed attack ("strike", 143) -> the attack's code when it
    is aimed against a country or a place (190; ``event_codes.tsv``, list ``armed_noun``)."""
    in_words: frozenset[str] = frozenset()
    """Adverbs ("verbally") and nouns of an "in" phrase ("in a speech") that say an act is
    done in words (``event_words.tsv``, list ``in_words``)."""
    speculation_nouns: frozenset[str] = frozenset()
    """Nouns whose complement clause is said or feared, not done ("suggestions it was
    preparing strikes"; ``event_words.tsv``, list ``speculation_noun``)."""
    part_preps: frozenset[str] = frozenset()
    """Prepositions whose protest noun is an occasion the clause's subject takes part in
    ("threw stones during demonstrations"; ``event_words.tsv``, list ``part_prep``)."""
    weapons: frozenset[str] = frozenset()
    """Nouns of weapons and riot-control tools ("baton", "tear gas"; ``event_words.tsv``, list
    ``weapon``): a verb's "with" phrase naming one reads its ``&weapon`` row (``verbs.tsv``)."""
    person_states: frozenset[str] = frozenset()
    """Complements naming a state only a person is put in ("shot dead", "into custody";
    ``event_words.tsv``, list ``person_state``): their verb's object is a person."""
    harm_verbs: frozenset[str] = frozenset()
    """Verbs that name only the harm done to a person ("killed", "injured"; ``event_words.tsv``,
    list ``harm_verb``): with no actor as agent, an attack only when the clause names one."""
    conflict_nouns: frozenset[str] = frozenset()
    """Nouns of armed conflict that name no single act ("war", "fighting"; ``event_words.tsv``,
    list ``conflict_noun``): near a harm verb, the attack that did the harm."""
    formal_charges: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    """Code of a formal charge -> the sectors that bring one (``event_codes.tsv``, list
    ``formal_charge``; ``verbs.tsv`` flag ``legal``)."""
    hedge_adjectives: frozenset[str] = frozenset()
    """Adjectives that make a nominal event a possibility or a plan ("a possible invasion")."""
    contest_topics: frozenset[str] = frozenset()
    """Topics (``topics.tsv``) of articles about games, whose countries are teams."""
    state_sectors: frozenset[str] = frozenset()
    """Sectors of the organs of a state (``sectors.tsv``, group state: GOV, MIL, COP ...)."""
    sectors: frozenset[str] = frozenset()
    """Every sector code of ``sectors.tsv``: the first part of an actor code that is none of
    them is a country or an international type (``USA``, ``IGO``)."""
    quantity_nouns: frozenset[str] = frozenset()
    """Nouns that count people ("thousands", "dozens"; ``actor_words.tsv``, list quantity)."""
    person_victims: frozenset[str] = frozenset()
    """Codes whose object is a person by the act's meaning (arrest, assault, kill)."""
    prepared_force: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Code or root of armed force -> the force posture its preparation is ("prepared to resume
    shelling": 150; ``event_codes.tsv``, list ``prepared_force``)."""

    @classmethod
    def load(cls, knowledge_dir: str = "", verb_dictionaries: Sequence[str] = ()) -> EventLexicon:
        """Read the knowledge files (``knowledge_dir`` overrides the bundled ones) and the
        PETRARCH/TABARI ``verb_dictionaries`` (paths; a malformed one raises
        ``DictionaryError``)."""
        codebook = Codebook.load(knowledge_dir)
        verbs: dict[str, dict[str, Pattern]] = {}
        light: set[str] = set()
        for number, row in read_numbered_table("verbs.tsv", knowledge_dir):
            flags = _flags(row.get("flags", ""), "verbs.tsv", knowledge_dir, number)
            verb = " ".join(row["verb"].lower().split())
            verbs.setdefault(verb, {})[row["object"].lower()] = Pattern(row["code"], flags)
            if "light" in flags:
                light.add(verb)
        nouns = {
            " ".join(r["noun"].lower().split()): Pattern(
                r["code"], _flags(r.get("flags", ""), "event_nouns.tsv", knowledge_dir, number)
            )
            for number, r in read_numbered_table("event_nouns.tsv", knowledge_dir)
        }
        modals = {
            r["word"].lower(): r["kind"] for r in read_table("event_modals.tsv", knowledge_dir)
        }
        unknown = {k for k in modals.values() if k not in MODAL_KINDS}
        if unknown:
            raise ConfigError(
                f"event_modals.tsv has unknown kinds {sorted(unknown)} (expected {sorted(MODAL_KINDS)}); "
                "fix the file in the knowledge folder"
            )
        agents: dict[str, str] = {}
        kinds: dict[str, set[str]] = {"document": set(), "mishap": set(), "frame": set()}
        for r in read_table("event_agents.tsv", knowledge_dir):
            noun, sector = " ".join(r["noun"].lower().split()), r["sector"]
            if sector.islower():
                if sector not in kinds:
                    raise ConfigError(
                        f"event_agents.tsv gives {noun!r} the unknown kind {sector!r} (expected "
                        f"an upper-case sector or one of {sorted(kinds)}); fix the file in the "
                        "knowledge folder"
                    )
                kinds[sector].add(noun)
            else:
                agents[noun] = sector
        words = read_lists("event_words.tsv", knowledge_dir, lists=WORD_LISTS)
        codes = read_lists("event_codes.tsv", knowledge_dir, lists=CODE_LISTS, key="code")
        phrases = _phrases(knowledge_dir, verb_dictionaries, codebook, modals)
        sectors = load_sectors(knowledge_dir)
        return cls(
            verbs=MappingProxyType({k: MappingProxyType(v) for k, v in verbs.items()}),
            phrases=phrases,
            nouns=MappingProxyType(nouns),
            modals=MappingProxyType(modals),
            agents=MappingProxyType(agents),
            codebook=codebook,
            light_verbs=frozenset(light),
            documents=frozenset(kinds["document"]),
            mishaps=frozenset(kinds["mishap"]),
            frames=frozenset(kinds["frame"]),
            modal_codes=_modal_codes(knowledge_dir),
            measure_nouns=frozenset(words["measure_noun"]),
            partial_adverbs=frozenset(words["partial_adverb"]),
            reciprocal_adverbs=frozenset(words["reciprocal_adverb"]),
            protest_nouns=frozenset(words["protest_noun"]),
            undone_roots=frozenset(codes["undone_root"]),
            protest_aims=frozenset(codes["protest_aim"]),
            material_conflict=frozenset(codes["material_conflict"]),
            visit_codes=frozenset(codes["visit"]),
            unhosted=MappingProxyType(
                {code: frozenset(value.split()) for code, value in codes["visit"].items()}
            ),
            travellers=frozenset(words["traveller"]),
            office_nouns=frozenset(words["office_noun"]),
            judging_verbs=frozenset(words["judging_verb"]),
            forecast_verbs=frozenset(words["forecast_verb"]),
            object_control=frozenset(words["object_control"]),
            military_force=MappingProxyType(dict(codes["military_force"])),
            force_sectors=sectors.force,
            armed_codes=frozenset(codes["armed"]),
            civilian_sectors=sectors.civilian,
            place_authority=MappingProxyType(dict(codes["place_authority"])),
            person_victims=frozenset(codes["person_victim"]),
            prepared_force=MappingProxyType(dict(codes["prepared_force"])),
            addressed_roots=frozenset(codes["addressed"]),
            own_forces=MappingProxyType(
                {code: frozenset(value.split()) for code, value in codes["own_forces"].items()}
            ),
            public_acts=frozenset(codes["public_act"]),
            hedge_adjectives=frozenset(words["hedge_adjective"]),
            person_states=frozenset(words["person_state"]),
            harm_verbs=frozenset(words["harm_verb"]),
            conflict_nouns=frozenset(words["conflict_noun"]),
            formal_charges=MappingProxyType(
                {code: frozenset(value.split()) for code, value in codes["formal_charge"].items()}
            ),
            protesters=frozenset(words["protester"]),
            contests=frozenset(words["contest"]),
            works=frozenset(words["work"]),
            weapons=frozenset(words["weapon"]),
            crowd_violence=MappingProxyType(dict(codes["crowd_violence"])),
            repression=MappingProxyType(dict(codes["repression"])),
            verbal_force=MappingProxyType(dict(codes["verbal_force"])),
            armed_nouns=MappingProxyType(dict(codes["armed_noun"])),
            in_words=frozenset(words["in_words"]),
            speculation_nouns=frozenset(words["speculation_noun"]),
            part_preps=frozenset(words["part_prep"]),
            contest_topics=frozenset(words["contest_topic"]),
            state_sectors=sectors.state,
            sectors=frozenset(sectors.priority),
            quantity_nouns=frozenset(
                read_lists("actor_words.tsv", knowledge_dir, lists=ACTOR_WORD_LISTS)["quantity"]
            ),
        )

    def armed(self, code: str) -> bool:
        """True for a code of armed force or its threat (its own or its root listed)."""
        return code in self.armed_codes or EventCode.parse(code).root in self.armed_codes

    def authority(self, code: str) -> str | None:
        """The sector of the place's authority for an unattributed act of coercion (by the
        code, its base, its root), ``None`` when the code is no such act."""
        parsed = EventCode.parse(code)
        table = self.place_authority
        return table.get(code) or table.get(parsed.base) or table.get(parsed.root)

    def posture(self, code: str) -> str | None:
        """The force posture that preparing an act of armed force is (by the code, its base,
        its root), ``None`` for any other act."""
        parsed = EventCode.parse(code)
        table = self.prepared_force
        return table.get(code) or table.get(parsed.base) or table.get(parsed.root)

    def forces_of(self, code: str) -> frozenset[str]:
        """The sectors of parties that are forces, for a code of what a side does with its own
        forces (by the code or its base); empty for any other code."""
        table = self.own_forces
        sectors = table.get(code, table.get(EventCode.parse(code).base))
        return frozenset() if sectors is None else sectors | self.force_sectors

    def person_victim(self, code: str) -> bool:
        """True for a code whose object is a person by its meaning ("arrest", "kill")."""
        return code in self.person_victims or EventCode.parse(code).base in self.person_victims

    def violent(self, code: str) -> bool:
        """True for coercion and violence (``material_conflict`` roots: 17 to 20), whose victim
        may be left unnamed and whose perpetrator may be unknown."""
        return EventCode.parse(code).root in self.material_conflict

    def quad(self, code: str) -> int | None:
        """Quad class of a code (1-4), ``None`` when the codebook does not know it."""
        return self.codebook.quad_class(code)

    def cooperative(self, code: str) -> bool:
        """True for verbal or material cooperation (quad 1 or 2)."""
        return self.quad(code) in (1, 2)


def _flags(
    cell: str,
    name: str,
    knowledge_dir: str,
    line: int,
    allowed: frozenset[str] = PATTERN_FLAGS,
) -> frozenset[str]:
    """The flags of one pattern row; a flag not in ``allowed`` raises ``ConfigError``."""
    flags = frozenset(cell.split())
    unknown = sorted(flags - allowed)
    if unknown:
        raise ConfigError(
            f"{data_path(name, knowledge_dir)}, line {line}: unknown flag "
            f"{', '.join(map(repr, unknown))} (expected one of {sorted(allowed)}); "
            "fix the file in the knowledge folder"
        )
    return flags


def _phrases(
    knowledge_dir: str,
    verb_dictionaries: Sequence[str],
    codebook: Codebook,
    modals: Mapping[str, str],
) -> Mapping[str, Mapping[tuple[str, str], Pattern]]:
    """The verb dictionaries' rows: the user's (in order), then those of ``cameo_verbs.tsv``
    that name a noun or discard; the first row of a (verb, preposition, object) wins."""
    out: dict[str, dict[tuple[str, str], Pattern]] = {}

    def add(verb: str, prep: str, obj: str, code: str, flags: frozenset[str]) -> None:
        if verb in modals or obj in modals or code == STATEMENT_CODE:
            return
        phrases = out.get(verb)
        if phrases is None:
            phrases = out[verb] = {}
        if (prep, obj) not in phrases:
            phrases[prep, obj] = Pattern(code, flags)

    known = set(codebook)
    for path in verb_dictionaries:
        for r in convert_file(path, known_codes=known).rows:
            add(r.verb, r.prep, r.object, r.code, r.flags)
    # the bundled file has some 18,000 rows and a handful of distinct flag cells: each cell
    # is parsed and checked once
    flag_cells: dict[str, frozenset[str]] = {}
    for number, row in read_numbered_table(BUNDLED_NAME, knowledge_dir):
        cell = row.get("flags", "")
        flags = flag_cells.get(cell)
        if flags is None:
            flags = flag_cells[cell] = _flags(
                cell, BUNDLED_NAME, knowledge_dir, number, DICTIONARY_FLAGS
            )
        if not row["object"] and row["code"]:
            continue  # the broad dictionary speaks through its phrases only, see the docstring
        add(row["verb"], row["prep"], row["object"], row["code"], flags)
    return MappingProxyType({k: MappingProxyType(v) for k, v in out.items()})


def _modal_codes(knowledge_dir: str) -> Mapping[str, Mapping[str, str]]:
    """``event_modal_codes.tsv`` as kind -> content -> code; an unknown kind, or a kind without
    its default row (empty content), raises ``ConfigError``."""
    name = "event_modal_codes.tsv"
    out: dict[str, dict[str, str]] = {k: {} for k in MODAL_CODE_KINDS}
    for number, row in read_numbered_table(name, knowledge_dir):
        table = out.get(row["kind"])
        if table is None:
            raise ConfigError(
                f"{data_path(name, knowledge_dir)}, line {number}: unknown kind {row['kind']!r} "
                f"(expected one of {list(MODAL_CODE_KINDS)})"
            )
        table.setdefault(row["content"], row["code"])
    missing = [k for k, table in out.items() if "" not in table]
    if missing:
        raise ConfigError(
            f"{data_path(name, knowledge_dir)} has no default row (empty content) for {missing}"
        )
    return MappingProxyType({k: MappingProxyType(v) for k, v in out.items()})
