"""Reading an actor's role and affiliation from the words around a name or a role noun.

``premodifiers`` walks left from a token boundary over titles, country adjectives, possessive
country names, known organisations, honorifics and words such as "former" (the word lists of
``actor_words.tsv``)
("former Russian President | Dmitry Medvedev", "Russia's foreign minister"). ``postmodifiers``
reads "of/in/from X" after a role noun ("the president of Armenia", "rebels in Darfur").
``Affiliation`` collects what was found; absent facts stay ``None``/empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...codes import ActorCode
from ...knowledge.actor_lexicon import INTERNATIONAL, ActorKnowledge, OrgEntry, RoleEntry, Sectors
from .scan import POSSESSIVE, ScanResult

COUNTRY_KINDS = ("country", "adjective", "people", "capital", "city", "place", "ethnic")
LOCATIVE = frozenset({"of", "in", "from", "for", "at", "inside", "near"})
ORIGIN = frozenset({"of", "from"})
"""The prepositions of a displaced people's origin ("refugees from Syria")."""
OPPOSITION = "OPP"


@dataclass
class Affiliation:
    """What the words around a mention say. Empty lists / ``None`` mean "not stated"."""

    start: int
    """Leftmost token used (the mention starts here)."""
    countries: list[str] = field(default_factory=list)
    """ISO3 codes in order of appearance (several for "Hungarian and Romanian officials")."""
    orgs: list[OrgEntry] = field(default_factory=list)
    roles: list[RoleEntry] = field(default_factory=list)
    """Role phrases, nearest to the name or head noun first."""
    former: bool = False
    shadow: bool = False
    """A "shadow" office: the opposition's counterpart of it."""
    ethnic: bool = False
    """An ethnic or religious word stood where a country adjective would, and no country word
    before the title ("ethnic Albanian guerrillas", "Moslem forces"): the actor is of the
    country it lives in."""
    group: str | None = None
    """The CAMEO tertiary code of an ethnic or faith word among the modifiers ("alb" of
    "ethnic Albanian", "CHR" of "Christian"; ``ethnic_groups.tsv``), ``None`` when none."""
    called_ethnic: bool = False
    """The word "ethnic" stood before that word: the group is what the actor is."""
    body: bool = False
    """A named organisation our tables do not know (an ORG entity: "Fiat", "Shell") is
    attached to the title: "Shell chairman", "Fiat's president", "president of Fiat"."""
    body_sector: str | None = None
    """The sector the institution words of that name give ("Pensions Commission": GOV),
    ``None`` when they give none."""
    gender: str | None = None
    honorific: bool = False
    beyond: str | None = None
    """A modifier placed the actor beyond any one state ("a foreign oil company", "European
    firms", "Latin American leaders"; ``actor_words.tsv``): the word, lower case. Such an
    actor takes no country from its context and joins no other country's actor."""

    def country(self) -> str | None:
        """The first country named, else a named organisation's, else the one a role implies
        ("the Pope"); ``None`` when nothing says."""
        if self.countries:
            return self.countries[0]
        for org in self.orgs:
            if org.country:
                return org.country
        for role in self.roles:
            if role.country:
                return role.country
        return None


def _is_country_hit(scan: ScanResult, end: int) -> tuple[int, str | None] | None:
    """A country-like or organisation name ending at token ``end``: (start, iso3)."""
    m = scan.names_by_end.get(end)
    if m is None:
        return None
    hit = m.first(*COUNTRY_KINDS)
    if hit is not None:
        return m.start, hit.iso3
    return None


def _adjective_before(scan: ScanResult, end: int) -> bool:
    """True when the name ending at ``end`` can be a country adjective ("Hungarian and
    Romanian officials"), not a country named before a comma ("Bulgaria, Macedonian ...")."""
    m = scan.names_by_end.get(end)
    return m is not None and m.first("adjective") is not None


def _then(doc: Doc, left: int, sent_start: int, kb: ActorKnowledge) -> bool:
    """True when a word of ``then_word`` stands before the title that starts at ``left``,
    joined to it by a hyphen ("then-Vice President") or after "the" ("the then President"):
    an office held at the time told, a past one; alone it is an adverb of sequence ("then
    President X replied")."""
    tok = doc[left - 1]
    if tok.text == "-" and not tok.whitespace_ and left - 2 >= sent_start:
        word = doc[left - 2]
        return word.lower_ in kb.then_words and not word.whitespace_
    return tok.lower_ in kb.then_words and left - 2 >= sent_start and doc[left - 2].lower_ == "the"


def _facts(aff: Affiliation) -> int:
    return len(aff.countries) + len(aff.orgs) + len(aff.roles)


def _pro_or_anti(doc: Doc, start: int, sent_start: int) -> bool:
    """True when the word before ``start`` is "pro-"/"anti-" ("pro-Russian")."""
    return (
        start - 2 >= sent_start
        and doc[start - 1].text == "-"
        and doc[start - 2].lower_ in ("pro", "anti")
    )


def premodifiers(
    doc: Doc, boundary: int, scan: ScanResult, kb: ActorKnowledge, *, coordinate: bool
) -> Affiliation:
    """Walk left from token ``boundary`` (exclusive) over a title and its modifiers.

    ``coordinate`` lets the walk cross "and"/"," between two country words, as in "Senior
    Hungarian and Romanian officials" (group nouns only).
    """
    aff = Affiliation(start=boundary)
    left = boundary
    sent_start = scan.sent_start[boundary - 1] if boundary > 0 else 0
    unconfirmed: int | None = None
    seen = 0
    """Where the walk stood before crossing plain adjectives ("Irish nationalist guerrillas")
    or a portfolio's nouns ("Liberal Democrat home affairs spokesman"): they join the mention
    only when a country, title or organisation lies beyond them."""
    while left > sent_start:
        tok = doc[left - 1]
        if (
            tok.lower_ in kb.beyond_state
            and tok.pos_ in ("ADJ", "PROPN", "NOUN")
            and left - 1 not in scan.role_at
            and left - 1 not in scan.name_at
        ):
            aff.beyond = aff.beyond or tok.lower_  # "a foreign oil company", "European firms"
            left -= 1
            continue
        if (
            (
                tok.pos_ == "ADJ"
                and tok.dep_ == "amod"
                or tok.pos_ == "NOUN"
                and tok.dep_ == "compound"
                and bool(aff.roles)  # "home affairs | spokesman": a portfolio after a title
            )
            and tok.is_lower
            and tok.lower_ not in kb.former
            and tok.lower_ not in kb.shadow
            and tok.lower_ not in kb.skippable
            and left - 1 not in scan.role_at
            and left - 1 not in scan.name_at
        ):
            if unconfirmed is None or _facts(aff) > seen:
                unconfirmed, seen = left, _facts(aff)
            left -= 1
            continue
        rm = scan.roles_by_end.get(left)
        if rm is not None and rm.start >= sent_start:
            title = scan.roles_by_start.get(left)  # the title right after it
            if (
                rm.entry.kind == "body"
                and rm.entry.sector not in kb.sectors.state
                and title is not None
                and title.entry.shared
                and not aff.body
            ):
                # "club president", "company chairman": a title the body before it gives (an
                # organ of the state's keeps the title's own: "National Assembly president")
                aff.body, aff.body_sector = True, rm.entry.sector
            aff.roles.append(rm.entry)
            left = rm.start
            continue
        nm = scan.names_by_end.get(left)
        if nm is not None:
            org = nm.first("org")
            hit = nm.first(*COUNTRY_KINDS)
            if hit is not None and hit.kind == "ethnic" and not hit.iso3:
                aff.ethnic = True  # "Moslem forces", "Shiite militias": a faith, no state
                aff.group = aff.group or kb.group_codes.get(_text(doc, nm.start, nm.end))
                left = nm.start
                continue
            if (
                hit is not None
                and hit.iso3
                and nm.start > sent_start
                and region_adjective(doc, nm.start, scan, kb)
            ):
                # "South American oil company", "Latin American leaders": a region's word
                aff.beyond = aff.beyond or _text(doc, nm.start - 1, nm.end).lower()
                left = nm.start - 1
                break
            if hit is not None and hit.iso3 and inside_longer_name(doc, nm.start, scan):
                break  # an unknown word begins the entity: no country's
            if hit is not None and hit.iso3 and _org_around(doc, nm.start, scan, kb, aff):
                break  # "Dairy Farmers of Canada president": the body's title
            if hit is not None and hit.iso3:
                word = _text(doc, nm.start, nm.end)
                left = nm.start
                if _pro_or_anti(doc, left, sent_start):
                    left -= 2  # "pro-Russian rebels" are not Russian
                    continue
                if left > sent_start and doc[left - 1].lower_ == "ethnic":
                    # "ethnic Albanian guerrillas" in Macedonia: a people, not Albania's
                    left -= 1
                    aff.ethnic = aff.called_ethnic = True
                    aff.group = aff.group or kb.group_codes.get(word)
                    continue
                if hit.kind == "ethnic":  # "a Tamil priest": the group's code, for a faith
                    aff.group = aff.group or kb.group_codes.get(word)
                aff.countries.insert(0, hit.iso3)
                continue
            if org is not None and org.org is not None:
                aff.orgs.insert(0, org.org)
                left = nm.start
                continue
            break
        tok = doc[left - 1]
        low = tok.lower_
        if tok.ent_type_ == "NORP" and tok.is_title and not aff.countries:
            aff.ethnic = True  # "Moslem forces", "Shiite militias": a faith or people, no state
            aff.group = aff.group or kb.group_codes.get(tok.text)
            left -= 1
            continue
        if low in POSSESSIVE and left - 1 > sent_start:
            prev = _is_country_hit(scan, left - 1)
            if prev is not None:
                if prev[1]:
                    aff.countries.insert(0, prev[1])
                left = prev[0]
                continue
            pm = scan.names_by_end.get(left - 1)
            if pm is not None and pm.first("org") is not None:
                org_hit = pm.first("org")
                if org_hit is not None and org_hit.org is not None:
                    aff.orgs.insert(0, org_hit.org)
                left = pm.start
                continue
            body = scan.role_at.get(left - 2)
            if body is not None and body.entry.kind != "equipment" and body.end == left - 1:
                # "the party's leader", "the union's spokesman": a title the body gives;
                # "a sheriff's deputy": a title an office holder gives, of the office's sector
                aff.body, aff.body_sector = True, body.entry.sector
                break
            _attach_body(doc[left - 2], scan, aff)  # "Fiat's president"
            break
        if low == "led" and left - 2 > sent_start and doc[left - 2].text == "-":
            prev = _is_country_hit(scan, left - 2)
            if prev is not None and prev[1]:
                aff.countries.insert(0, prev[1])
                left = prev[0]
                continue
        if low in kb.former:
            aff.former = True
            left -= 1
            continue
        if low in kb.shadow and aff.roles:
            aff.shadow = True  # "Tory shadow home secretary"
            left -= 1
            continue
        if tok.text == "-" and left - 2 >= sent_start and doc[left - 2].lower_ in kb.former:
            aff.former = True
            left -= 2
            continue
        if _then(doc, left, sent_start, kb):  # "then-Vice President", "the then President"
            aff.former = True
            left -= 2 if tok.text == "-" else 1
            continue
        if low in kb.honorifics and tok.is_title:
            aff.gender = aff.gender or kb.honorifics[low]
            aff.honorific = True
            left -= 1
            continue
        if low in kb.skippable and tok.pos_ in ("ADJ", "NOUN", "PROPN", "ADV", "VERB"):
            left -= 1
            continue
        if (
            coordinate
            and low in ("and", ",", "&")
            and aff.countries
            and left - 1 > sent_start
            and _is_country_hit(scan, left - 1) is not None
            and _adjective_before(scan, left - 1)
        ):
            left -= 1
            continue
        _attach_body(tok, scan, aff)  # "Shell chairman"
        break
    if aff.countries:
        aff.ethnic = False  # "Bosnian Moslem forces": a state's after all
    if unconfirmed is not None and _facts(aff) == seen:
        left = unconfirmed
    # do not start a mention on a stray "and" or skipped adjective with nothing useful after it
    while left < boundary and (doc[left].lower_ in ("and", ",", "&")):
        left += 1
    aff.start = left
    return aff


def inside_longer_name(doc: Doc, start: int, scan: ScanResult) -> bool:
    """True when the name at ``start`` continues an entity that begins with a word of no
    known name ("South American", "Latin American": a region's adjective)."""
    return (
        start > 0
        and doc[start].ent_iob_ == "I"
        and doc[start - 1].text[:1].isupper()
        and start - 1 not in scan.name_at
    )


def _org_around(
    doc: Doc, start: int, scan: ScanResult, kb: ActorKnowledge, aff: Affiliation
) -> bool:
    """True, recording the body in ``aff``, when the country word at ``start`` lies inside
    an organisation's name that begins with words of no known name (an ORG entity, or
    capitalised words and "of": "Dairy Farmers of Canada"): a title after it is that body's,
    with the sector its own role words give (farmers: AGR; none when they give none), not
    the country's state."""
    if aff.body:
        return False
    first = start
    if doc[start].ent_type_ == "ORG" and doc[start].ent_iob_ == "I":
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
    elif start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].is_title:
        # "Dairy Farmers of Ireland" whatever the model made of it, not "President of France"
        title = kb.role(doc[start - 2].text)
        if title is not None and title.kind == "person" and doc[start - 2].lower_ == title.phrase:
            return False
        first = start - 2
        while first > 0 and doc[first - 1].is_title and first - 1 not in scan.name_at:
            first -= 1
    else:
        return False
    if first in scan.name_at:
        return False  # "US Treasury", "Bank of England": a country's body
    aff.body = True
    for tok in doc[first:start]:
        role = kb.role(tok.text)
        if role is not None and role.sector:
            aff.body_sector = role.sector
    return True


def region_adjective(doc: Doc, start: int, scan: ScanResult, kb: ActorKnowledge) -> bool:
    """True when a capitalised word of ``region_word`` ("Latin", "South", "Central") stands
    right before the country adjective at ``start``, as its own word ("Latin American")."""
    if start == 0 or start - 1 in scan.name_at:
        return False
    prev = doc[start - 1]
    return prev.is_title and prev.lower_ in kb.region_words


def _attach_body(tok: Token, scan: ScanResult, aff: Affiliation) -> None:
    """Record in ``aff`` an organisation our tables do not know whose name holds ``tok`` (an
    ORG entity that names no country), with the sector of its institution words."""
    if tok.ent_type_ != "ORG" or tok.i in scan.name_at or aff.body:
        return
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start - 1].ent_iob_ == "I" or doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if any(i in scan.name_at for i in range(start, end)):
        return  # "US Treasury": a country's body
    aff.body = True
    for i in range(start, end):
        role = scan.role_at.get(i)
        if role is not None and role.entry.kind == "body" and role.entry.sector:
            aff.body_sector = role.entry.sector


def postmodifiers(
    head: Token, scan: ScanResult, aff: Affiliation, flight: frozenset[str] | None = None
) -> int:
    """Add countries named in "of/in/from X" after ``head``, also through a participle ("a
    group based in Trinidad"); returns the end token used. ``flight`` (the lemmas of
    ``actor_words.tsv``'s flight verbs) is given for a displaced people (``sectors.tsv``):
    only its origin counts, "of/from X" or what a flight verb leaves ("refugees fleeing the
    war in Liberia"), never where it is ("refugees in Lebanon")."""
    end = head.i + 1
    if flight is not None:
        _origin(head, scan, aff, flight)
    for child in head.rights:
        if child.dep_ == "acl" and child.tag_ in ("VBN", "VBG"):
            # "a terror group based in Trinidad", "guerrillas operating in Macedonia"
            child = next((c for c in child.children if c.dep_ == "prep"), child)
        if child.dep_ != "prep" or child.lower_ not in LOCATIVE:
            continue
        if flight is not None and child.lower_ not in ORIGIN:
            break  # "refugees in Lebanon": where they are, not where they are from
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            found = _country_in_phrase(obj, scan)
            if found and aff.countries and child.lower_ not in ("of", "from"):
                break  # "the Japanese embassy in Seoul": a location, not a second country
            if found:
                aff.countries.extend(c for c in found if c not in aff.countries)
                end = max(end, obj.right_edge.i + 1)
            else:
                m = scan.name_at.get(obj.i)
                org = m.first("org") if m else None
                if org is not None and org.org is not None and child.lower_ in ("of", "for"):
                    aff.orgs.append(org.org)
                    end = max(end, m.end if m else end)
                elif child.lower_ in ("of", "at", "for"):  # "president of Fiat"
                    _attach_body(obj, scan, aff)  # "spokesman for Lycos Europe"
        break
    return end


def _origin(head: Token, scan: ScanResult, aff: Affiliation, flight: frozenset[str]) -> None:
    """Add to ``aff`` the countries a flight verb attached to ``head`` leaves: its object, its
    "from" phrase or the "in" phrase of the flight, as a participle or a relative clause
    ("refugees fleeing the civil war in Liberia", "refugees who fled Syria"); never where it
    goes ("fleeing to Chad"); also when the people is the verb's subject ("Refugees fled
    Syria")."""
    verbs = [v for v in head.rights if v.dep_ in ("acl", "relcl")]
    if head.dep_ == "nsubj":
        verbs.append(head.head)
    for verb in verbs:
        if verb.lemma_.lower() not in flight:
            continue
        for obj in verb.children:
            if obj.dep_ == "prep" and obj.lower_ in ("from", "in"):
                obj = next((g for g in obj.children if g.dep_ == "pobj"), obj)
            elif obj.dep_ != "dobj":
                continue
            for i in range(obj.left_edge.i, obj.right_edge.i + 1):
                m = scan.name_at.get(i)
                hit = m.first(*COUNTRY_KINDS) if m is not None else None
                if hit is not None and hit.iso3 and hit.iso3 not in aff.countries:
                    aff.countries.append(hit.iso3)


def of_countries(head: Token, scan: ScanResult) -> list[str]:
    """Countries named by an "of" phrase after ``head`` ("President Idriss Deby of Chad")."""
    out: list[str] = []
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out.extend(c for c in _country_in_phrase(obj, scan) if c not in out)
    return out


def _country_in_phrase(obj: Token, scan: ScanResult) -> list[str]:
    """Countries named by a prepositional object: "Armenia", "the Ivory Coast",
    "two American aid groups" (its adjective), "Sindh province", "the province of Herat"."""
    out: list[str] = []
    nested = [
        g
        for c in obj.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]  # "a village in the province of Herat"
    for tok in (obj, *obj.lefts, *nested):
        m = scan.name_at.get(tok.i)
        if m is None:
            continue
        hit = m.first(*COUNTRY_KINDS)
        if hit is not None and hit.iso3 and hit.iso3 not in out:
            out.append(hit.iso3)
    return out


def _text(doc: Doc, start: int, end: int) -> str:
    return " ".join(doc[start:end].text.split())


def tertiary(aff: Affiliation, sector: str | None, sectors: Sectors) -> str | None:
    """The third part of the actor's code (PLOVER keeps one: religion or ethnicity): the code
    of an ethnic or faith word when the text calls the actor ethnic ("ethnic Albanian
    guerrillas": alb), when the actor is a religious one (``sectors.faith``: "a Christian
    missionary": CHR), or when it is a population named by its people's ethnic word
    (``sectors.population``, a lower-case ethnic code: "Tamil refugees": tam); ``None``
    otherwise ("Karen guerrillas", "Moslem forces", "Jewish immigrants")."""
    if aff.group is None:
        return None
    if aff.called_ethnic or (sector is not None and sector in sectors.faith):
        return aff.group
    if sector is not None and sector in sectors.population and aff.group.islower():
        return aff.group  # ethnic codes are lower case, faiths' upper case
    return None


def role_text(aff: Affiliation) -> str | None:
    """The role as a phrase: "former President", "NSA leaker", "Foreign Minister";
    ``None`` when no role word was found."""
    if not aff.roles:
        return None
    title = aff.roles[0].title or aff.roles[0].phrase
    parts: list[str] = []
    if aff.former:
        parts.append("former")
    parts.extend(dict.fromkeys(o.name for o in aff.orgs if o.name != title))
    if aff.shadow:
        parts.append("shadow")  # "Conservative Party shadow Home Secretary"
    parts.append(title)
    return " ".join(parts)


def sector_of(aff: Affiliation, sectors: Sectors) -> str | None:
    """The sector code the affiliation implies (``None`` when none).

    A former holder of an office of the state (``sectors.state``) is ``ELI``, a "shadow" one
    ``OPP``; the armed force
    of a faith or people ("Moslem forces", ``Affiliation.ethnic``) is ``REB``; a generic title
    ("spokesman", "official") takes the sector of a named organisation next to it ("Pentagon
    spokesman" -> MIL, "UN official" -> GOV of the IGO), and so does a title other
    organisations give too (``RoleEntry.shared``: "Fiat's president"), none when that
    organisation is one no table knows; otherwise the nearest role word decides, then an
    organisation's sector.
    """
    if aff.former and aff.roles and aff.roles[0].sector in sectors.state:
        return "ELI"  # a former office holder (CAMEO elites)
    if aff.shadow and aff.roles and aff.roles[0].sector in sectors.state:
        return OPPOSITION  # "shadow home secretary": the opposition's spokesman
    if aff.ethnic and aff.roles and aff.roles[0].sector in sectors.force - sectors.domestic:
        return "REB"  # armed men of a faith or people, not of a state: "Moslem forces"
    org_sector = next((o.sector for o in aff.orgs if o.sector), None)
    if aff.roles:
        first = aff.roles[0]
        if first.generic and org_sector:
            return org_sector
        if first.shared and (org_sector or aff.body):
            # "Fiat's president", "a Shell spokesman", "UKIP leader": a title states and
            # organisations both give takes the organisation's sector (none if unknown)
            return org_sector or aff.body_sector
        if first.sector == "JRN" and any(r.sector == "GOV" for r in aff.roles[1:]):
            return "GOV"  # state media: "the official Syrian newspaper", "state television"
        if first.generic:
            for other in aff.roles[1:]:
                if other.sector and other.sector != first.sector:
                    return other.sector
        if first.sector:
            return first.sector
        return None
    return org_sector


def base_of(aff: Affiliation, country: str | None) -> str | None:
    """The first part of the code: the country, else an international organisation's
    prefix (``IGO``, ``NGO``, ``IMG``); ``None`` when neither is known."""
    if country:
        return country
    for org in aff.orgs:
        base = ActorCode.parse(org.code).base
        if org.country is None and base in INTERNATIONAL:
            return base
    return None


def compose(base: str | None, sector: str | None, group: str | None = None) -> str | None:
    """``RUS`` + ``GOV`` -> ``RUSGOV``; either part may be missing (``None`` when both are).
    ``group``, a tertiary code ("alb"), follows a base and a sector (``MKD`` + ``REB`` +
    ``alb``), never stands in for either."""
    if base and sector and sector != base:
        return base + sector + (group or "")
    return base or sector
