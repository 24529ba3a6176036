"""Resolving a speaker mention that does not name anyone: pronouns and titles.

* ``resolve_pronoun``: "he said" -> the compatible actor mentioned in the nearest sentence
  before (its subject first; a person named only by a description, "the attorney general",
  only when the subject of the sentence right before), by gender
  (``he``/``she``; an actor's gender is known, or told by a courtesy title before a mention,
  "Mr."), and number (``they``), preferring the current speaker of the paragraph when
  compatible.  Persons only for he/she; groups, organisations and plural actors for they;
  organisations and countries for it.
* ``resolve_title``: "the Russian foreign minister" -> the actor whose ``role`` words all
  appear in the mention (and whose country fits the mention's nationality word, when both are
  known), preferring the most recently mentioned.

* ``resolve_description``: "the minister" (an actor known only by a description of its role)
  -> the one named person of the article whose role fits: the same title, or for a title that
  says nothing about the branch ("minister", "secretary") the same sector. A named person
  without a title of their own takes the title of the description that was the subject of the
  sentence right before their first mention, the cataphoric lead of news style ("..., the
  Trade and Industry Secretary has said. Patricia Hewitt said ...").

All return ``None`` when nothing fits; the caller then keeps the mention text as the name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from ..extensions import ActorCluster
from ..syntax import SUBJECT_DEPS
from .config import QuoteConfig

PRONOUN_FEATURES: dict[str, tuple[str | None, bool, frozenset[str]]] = {
    "he": ("m", False, frozenset({"person"})),
    "him": ("m", False, frozenset({"person"})),
    "his": ("m", False, frozenset({"person"})),
    "she": ("f", False, frozenset({"person"})),
    "her": ("f", False, frozenset({"person"})),
    "they": (None, True, frozenset({"person", "group", "organization", "country"})),
    "them": (None, True, frozenset({"person", "group", "organization", "country"})),
    "their": (None, True, frozenset({"person", "group", "organization", "country"})),
    "it": (None, False, frozenset({"organization", "country"})),
    "its": (None, False, frozenset({"organization", "country"})),
}
"""Pronoun -> (gender or None for any, plural, actor kinds it can refer to)."""

_SINGULAR_PERSONAL = frozenset({"he", "him", "his", "she", "her"})
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
"""Pronouns of the writer (and those the writer speaks for): the author's words in a
first-person piece, someone unnamed elsewhere (a transcript, a quotation the marks missed)."""
GENERIC_PRONOUNS = frozenset({"you", "yourself", "yourselves", "one"})
"""Pronouns that can name anyone, the reader included ("you say ...", "one might argue")."""
NO_TITLES: Mapping[str, str] = MappingProxyType({})


def is_resolvable_pronoun(token: Token) -> bool:
    """True for the pronouns ``resolve_pronoun`` understands."""
    return token.lower_ in PRONOUN_FEATURES


def _last_mention_before(
    actor: ActorCluster, position: int, skip: Callable[[int], bool] | None = None
) -> int | None:
    best: int | None = None
    for m in actor.mentions:
        if skip is not None and skip(m.start):
            continue
        if m.start < position and (best is None or m.start > best):
            best = m.start
    return best


def _gender(actor: ActorCluster, titles: Mapping[str, str]) -> str | None:
    if actor.gender:
        return actor.gender
    for m in actor.mentions:
        if m.start > 0:
            title = m.doc[m.start - 1].lower_
            if title in titles:
                return titles[title]
    return None


def compatible(actor: ActorCluster, pronoun: str, titles: Mapping[str, str] = NO_TITLES) -> bool:
    """Whether ``actor`` can be what ``pronoun`` refers to (unknown gender is compatible).

    ``titles`` maps lower-case courtesy titles ("mr.") to the gender of the person they name
    (the ``CueLexicon``'s ``courtesy_titles``; empty: none)."""
    features = PRONOUN_FEATURES.get(pronoun.lower())
    if features is None:
        return False
    gender, plural, kinds = features
    if actor.kind not in kinds:
        return False
    if actor.kind == "person":
        if plural != actor.plural and pronoun.lower() not in ("they", "them", "their", "we"):
            return False
        if pronoun.lower() in ("they", "them", "their") and not actor.plural:
            return False
        actor_gender = _gender(actor, titles)
        if gender and actor_gender and actor_gender != gender:
            return False
    elif pronoun.lower() in ("it", "its") and actor.plural:
        return False
    return True


def just_before(mention: Span, token: Token) -> bool:
    """Whether ``mention`` is in ``token``'s sentence, before it, or in the sentence right
    before it (blank lines and punctuation between them aside)."""
    sent = token.sent
    if mention.start >= token.i:
        return False
    if mention.start >= sent.start:
        return True
    between = mention.doc[mention.sent.end : sent.start]
    return mention.sent.end <= sent.start and all(t.is_space or t.is_punct for t in between)


def agrees(mention: Span, pronoun: Token) -> bool:
    """Whether a noun phrase can be what a personal pronoun refers to, by number: "he" and
    "she" a singular noun ("An actress playing an anchor"), "they" a plural one."""
    root = mention.root
    if (
        root.pos_ == "PRON"
        or pronoun.lower_ not in PRONOUN_FEATURES
        or pronoun.lower_ in ("it", "its")
    ):
        return False
    plural = PRONOUN_FEATURES[pronoun.lower_][1]
    return root.tag_ in (("NNS", "NNPS") if plural else ("NN", "NNP"))


def _main_subject(mention: Span) -> bool:
    """Whether the mention is the subject of its sentence's main clause."""
    root = mention.root
    return root.dep_ in SUBJECT_DEPS and root.head == root.sent.root


def resolve_pronoun(
    doc: Doc,
    token: Token,
    current: ActorCluster | None = None,
    max_distance: int = QuoteConfig.max_pronoun_distance,
    skip: Callable[[int], bool] | None = None,
    titles: Mapping[str, str] = NO_TITLES,
) -> ActorCluster | None:
    """The actor a speaker pronoun refers to, or ``None``.

    ``current`` is the speaker of the paragraph so far (``None``: no current speaker); it wins
    when compatible, unless another actor was the main subject of an earlier sentence after the
    current speaker's last mention, or its gender is unknown and a person of the pronoun's
    gender was mentioned after it.  ``skip`` tells mentions (by first token) that cannot be antecedents,
    e.g. those inside quotations (``None``: all can).  Otherwise, among the compatible actors
    mentioned within ``max_distance`` tokens before the pronoun, the one mentioned in the
    nearest sentence wins, and within that sentence the main clause's subject before other
    mentions, then the later mention (subjects are what the next sentence goes on to talk about).
    ``titles``: as for ``compatible``.
    """
    pronoun = token.lower_
    if pronoun not in PRONOUN_FEATURES:
        return None
    gendered = PRONOUN_FEATURES[pronoun][0] is not None
    parsed = doc.has_annotation("SENT_START")  # else one sentence, and no subjects known
    best: tuple[int, ActorCluster] | None = None
    rank: tuple[int, bool, int] | None = None
    for actor in doc._.actors or ():
        if not compatible(actor, pronoun, titles):
            continue
        # "the doctor", "a nurse": a generic person is rarely the one speaking, unless the
        # sentence just before is about them ("The attorney general has denied ... he insisted")
        generic_person = pronoun in _SINGULAR_PERSONAL and not actor.name[:1].isupper()
        for m in actor.mentions:
            if m.start >= token.i or token.i - m.start > max_distance:
                continue
            if skip is not None and skip(m.start):
                continue
            if generic_person and not (parsed and _main_subject(m) and just_before(m, token)):
                continue
            # the nearest sentence with a candidate wins, and in it the subject of its main
            # clause ("GM, whose brands include Opel and Vauxhall, ... It said ...": GM)
            key = (m.sent.start, _main_subject(m), m.start) if parsed else (0, False, m.start)
            if rank is None or key > rank:
                rank, best = key, (m.start, actor)
    if current is None or not compatible(current, pronoun, titles):
        return best[1] if best else None
    mine = _last_mention_before(current, token.i, skip)
    if (
        best is not None
        and rank is not None
        and best[1] is not current
        and rank[1]
        and parsed
        and rank[0] < token.sent.start
        and (mine is None or best[0] > mine)
    ):
        # another actor was the subject of an earlier sentence since the current speaker was
        # last named: the story moved on to them ("Robinson said ... Wilkinson, who has
        # scored ..., kicked the winning drop-goal. ... he said")
        return best[1]
    if not gendered or _gender(current, titles) is not None:
        return current
    # a current speaker of unknown gender yields only to a person known to have the
    # pronoun's gender, mentioned after it ("Merkley ... Clinton ... she said")
    if best is None or _gender(best[1], titles) is None:
        return current
    return best[1] if mine is None or best[0] > mine else current


def resolve_title(
    doc: Doc, span: Span, demonyms: dict[str, str] | None = None
) -> ActorCluster | None:
    """The actor holding the role that ``span`` names ("the Russian foreign minister"), or ``None``.

    ``demonyms`` maps lower-case nationality words to ISO alpha-3 codes (``None``: no country
    check).  Only actors with a known ``role`` are considered.
    """
    words = {t.lower_ for t in span if not t.is_punct}
    best: tuple[int, ActorCluster] | None = None
    for actor in doc._.actors or ():
        if not actor.role:
            continue
        role_words = {w.lower() for w in actor.role.split()}
        if not role_words or not role_words <= words:
            continue
        if demonyms and actor.country:
            nationalities = {demonyms[w] for w in words if w in demonyms}
            if nationalities and actor.country not in nationalities:
                continue
        last = _last_mention_before(actor, span.start)
        position = last if last is not None else -1
        if best is None or position > best[0]:
            best = (position, actor)
    return best[1] if best else None


def _titles_held(actors: list[ActorCluster]) -> dict[int, list[tuple[str, str | None]]]:
    """Named persons (by ``id()``) -> the (lower-case role, sector) pairs they hold: their own
    role, else their sector ("" for the role) and the role of a singular description that was the main subject of the sentence
    right before their first mention, which they are the main subject of (a cataphoric
    lead)."""
    descriptions = [
        a for a in actors if not a.named and a.kind == "person" and not a.plural and a.role
    ]
    held: dict[int, list[tuple[str, str | None]]] = {}
    for actor in actors:
        if not actor.named or actor.kind != "person" or actor.plural or not actor.mentions:
            continue
        if actor.role:
            held[id(actor)] = [(actor.role.lower(), actor.sector)]
            continue
        if actor.sector:
            held[id(actor)] = [("", actor.sector)]
        first = min(actor.mentions, key=lambda m: m.start)
        if not _main_subject(first):
            continue
        for d in descriptions:
            if any(
                m.sent.start < first.sent.start and _main_subject(m) and just_before(m, first.root)
                for m in d.mentions
            ):
                role = (d.role or "").lower()
                held.setdefault(id(actor), []).append((role, d.sector or actor.sector))
    return held


def resolve_description(
    doc: Doc, actor: ActorCluster, generic_titles: frozenset[str]
) -> ActorCluster | None:
    """The named person that a singular description of a role ("the minister": ``actor``,
    known by no name) refers to, or ``None``: the only named person of the document holding
    the same title, or a title of the same sector when the description's title is one of
    ``generic_titles`` (lower-case titles that say nothing about the branch)."""
    if actor.named or actor.kind != "person" or actor.plural or not actor.role:
        return None
    if not any(
        m[0].lower_ == "the" or any(c.lower_ == "the" for c in m.root.children)
        for m in actor.mentions
    ):
        return None  # "a minister", "another minister": someone else
    if not doc.has_annotation("SENT_START"):
        return None
    title = actor.role.lower()
    head = title.split()[-1]
    actors = list(doc._.actors or ())
    fits: list[ActorCluster] = []
    held = _titles_held(actors)
    for other in actors:
        for role, sector in held.get(id(other), ()):
            if head in role.split() or (
                title in generic_titles and sector is not None and sector == actor.sector
            ):
                fits.append(other)
                break
    return fits[0] if len(fits) == 1 else None
