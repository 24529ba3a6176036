"""Finding speech cues in a parsed doc, and what each one attributes: who and which clause.

A ``CueHit`` is one occurrence of a lexicon cue ("said", "told", "according to", "was quoted
as saying").  ``attribution`` reads its syntactic neighbourhood:

* the speaker token, found by ``subjects.cue_subject`` (the subject of the cue, its
  controller, a name the parser misplaced; not a generic "you", an amount or an event), or
  for "was quoted as saying" its passive subject, for "according to" its object (the author
  of a document it names: "according to a speech Mrs. Clinton delivered");
* the reported content, read by ``reported``: the ``ccomp`` clause (with its "that"), a
  clause the cue is a parenthetical of ("X is Y, he said") or a comparative aside of ("The
  economy, as Mr. Smith noted, is slowing"), an infinitive for directives ("urged everyone to
  ...", "told his aides to ..."), the object of a topic preposition ("complained about his
  mic"), or for "according to X" the clause it attaches to.

Report nouns ("his claim that ...") are read by ``report_nouns``. Which nouns can be a source,
which cues address someone and which cues' objects are not what was said are word lists of
the ``CueLexicon`` (``quote_words.tsv``).

A question the cue says went unanswered ("declined to say why ...", "did not say whether
...") reports nothing (``unanswered``), nor does a cue inside a question or a condition
("asked whether he thought ...": ``hypothetical``), a cue in the infinitive of an attitude
("refused to say that ...", "does not want viewers to think ...": ``wished``), a comparison
("it's like saying ..."), a participle used as an adjective ("looks promising") or a clause
about the subject's own state ("find themselves fighting ...").

What a cue reports is a quotation of its own (an indirect one) only when it is a proposition
someone stated or holds (``proposition``): a clause for any cue; an
infinitive with a subject of its own for any cue but an attitude ("expects prices to rise" is
a belief, "wants viewers to think" a wish); a small clause for any cue but a thought or a
finding ("found it interesting", "considered him a liar": an evaluation), unless a document
finds it ("the audit found the accounts sound"); an infinitive, or the gerund of a phrasal
request ("called for reducing the tax rate"), for speech acts that ask or commit
(``directive``: "urged everyone to act"; ``assertive``: "vowed to bring back jobs"), never
for attitudes (``stance``: "wants to", "plans to", "refused to", "offered to"); never an
embedded question ("explained why ..."), a bare noun phrase ("opposes the deal", "a study found
31 incidents") or a topic ("talked about taxes"); nor anything the writer thinks in the first
person ("I think ...", "we assume ...").  Any content can still host quoted words, which
make a mixed quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Token

from ...knowledge.cues import Cue, CueLexicon
from ..syntax import SUBJECT_DEPS, VERB_POS, to_infinitive
from .config import QuoteConfig
from .coref import FIRST_PERSON
from .reported import (
    COMPLEMENT_DEPS,
    QUESTION_WORDS,
    ContentForm,
    as_report,
    clause_form,
    clause_range,
    infinitive,
    inline_report,
    misparsed_clause,
    not_infinitive,
    object_content,
    parenthetical,
    parenthetical_in_subject,
    relative_gap,
    reported_clause,
    subtree_range,
    topic,
    trim,
)
from .subjects import animate, can_speak, cue_subject, generic, impersonal


@dataclass
class CueHit:
    """A cue occurrence: ``start``/``end`` are its token range, ``verb`` the token to parse from."""

    start: int
    end: int
    verb: int
    cue: Cue


@dataclass
class Attribution:
    """What one cue attributes.

    ``speaker`` is the head token of the speaker mention, ``None`` when the cue has no subject
    in reach.  ``content`` is the token range of the reported clause, ``None`` when the cue
    introduces no clause (e.g. it only sits next to a direct quotation).
    """

    hit: CueHit
    speaker: int | None
    content: tuple[int, int] | None
    speaker_range: tuple[int, int] | None = None
    """The speaker mention's token range when known from layout (a transcript label, a dash
    signature); ``None``: widen ``speaker`` to its noun phrase."""
    generic: bool = False
    """The cue's subject is the generic "you" or "one" ("you say “This was made by AI”"): an
    explanation addressed to the reader, which attributes nothing to anyone."""
    form: ContentForm = "clause"
    """The grammatical form of ``content`` (see ``reported.ContentForm``)."""


_INFINITIVE_CLASSES = frozenset({"directive", "assertive", "reporting", "written"})
"""Cue classes of speech acts whose infinitive is what was asked, promised or threatened
("urged everyone to act", "vowed to bring back jobs", "told his aides to ..."); a ``stance``
(wanting, planning, seeking, refusing, offering) or a thought reports no speech by its
infinitive."""


def proposition(attr: Attribution) -> bool:
    """Whether the attribution's content is reported speech or thought on its own (an indirect
    quotation): see the module docstring."""
    if attr.content is None:
        return False
    if attr.form in ("clause", "small_clause"):
        return True
    if attr.form == "subject_infinitive":
        # "expects them to become scarcer" is a belief; "wants viewers to think ..." a wish
        return attr.hit.cue.cls != "stance"
    return attr.form == "infinitive" and attr.hit.cue.cls in _INFINITIVE_CLASSES


_JUDGING_CLASSES = frozenset({"cognitive", "evidential"})
"""Cue classes whose small clause is an evaluation ("found it interesting", "considered him
a liar"), unless a document finds it."""

_ADJECTIVAL = frozenset({"amod", "acomp"})
"""Dependencies of a participle used as an adjective ("look promising", "a warning sign"): no
cue."""


def find_cues(doc: Doc, lexicon: CueLexicon) -> list[CueHit]:
    """Every cue in ``doc``, in token order (one pass over the tokens, whose attributes are
    read as one array: a spaCy ``Token`` is made anew at each reading)."""
    hits: list[CueHit] = []
    n = len(doc)
    if not n:
        return hits
    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, POS, TAG, LEMMA, DEP]).tolist()
    lowers = [strings[r[0]] for r in rows]
    i = 0
    while i < n:
        lower = lowers[i]
        phrase = lexicon.phrase_at(lowers, i)
        if phrase is not None:
            end, cue = phrase
            verb = i if cue.type == "verb" or cue.lemma == "quoted as saying" else end - 1
            hits.append(CueHit(i, end, verb, cue))
            i = end
            continue
        _, pos_id, tag_id, lemma_id, dep_id = rows[i]
        pos = strings[pos_id] if pos_id else ""
        verbal = pos in VERB_POS or strings[tag_id].startswith("VB")
        if verbal and strings[dep_id] not in _ADJECTIVAL:
            cue_row = lexicon.word(lower, strings[lemma_id].lower())
            if cue_row is not None:
                hits.append(CueHit(i, i + 1, i, cue_row))
        elif pos == "NOUN" and lexicon.nouns:
            noun_row = lexicon.nouns.get(strings[lemma_id].lower())
            if noun_row is not None:
                hits.append(CueHit(i, i + 1, i, noun_row))
        i += 1
    return hits


def _asks(doc: Doc, verb: Token) -> bool:
    """Whether the verb's reported clause is an embedded question ("say why ...", "explain
    how ...", "answer whether ...")."""
    clause = reported_clause(doc, verb)
    return clause is not None and doc[clause.left_edge.i].lower_ in QUESTION_WORDS


def unanswered(doc: Doc, verb: Token, lexicon: CueLexicon) -> bool:
    """A question that the cue says was not answered, so nothing was reported: a negated
    cue, or one that a stance cue governs as its infinitive (wanting, refusing, declining),
    with an embedded question as its clause ("did not say whether ...", "declined to say why
    ...", "refused to explain how ..."); also the governing cue of such an infinitive."""
    if _asks(doc, verb):
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        head = verb.head
        if verb.dep_ == "xcomp" and head is not verb:
            cue = lexicon.word(head.lower_, head.lemma_.lower())
            if cue is not None and cue.cls == "stance":
                return True
    own = lexicon.word(verb.lower_, verb.lemma_.lower())
    return (
        own is not None
        and own.cls == "stance"
        and any(
            c.dep_ == "xcomp"
            and lexicon.word(c.lower_, c.lemma_.lower()) is not None
            and _asks(doc, c)
            for c in verb.children
        )
    )


def wished(verb: Token, lexicon: CueLexicon) -> bool:
    """A cue in the infinitive that an attitude governs ("doesn't want viewers to think ...",
    "refused to say that ...", "plans to announce that ..."): wanted, planned or refused,
    not said; unlike "went on to say that ...", whose governor is no cue."""
    head = verb.head
    if head is verb or verb.dep_ not in ("xcomp", "ccomp") or not to_infinitive(verb):
        return False
    cue = lexicon.word(head.lower_, head.lemma_.lower())
    return cue is not None and cue.cls == "stance"


ACCORDING_TO = "according to"
"""The cue whose content is the clause it attaches to ("According to X, Y said Z": the whole
clause is X's report)."""


def reports_around(attr: Attribution) -> bool:
    """Whether the attribution's content is a report whose cues belong to it: the clause "according
    to X" attaches to, or the that-clause of a report noun ("reports that he had told ..."):
    a cue inside says what the report says (news annotation such as PolNeAR marks the outer
    attribution only), no quotation of its own."""
    return attr.content is not None and (
        attr.hit.cue.type == "noun" or attr.hit.cue.lemma == ACCORDING_TO
    )


def conjunction(verb: Token, lexicon: CueLexicon) -> bool:
    """A participle used as a conjunction ("Assuming he wins, ...", "could meet in March
    assuming both win"): it opens its clause and has no subject of its own, so no one assumes
    anything; not "Americans eat too much, sometimes assuming it is healthy"."""
    return (
        verb.lower_ in lexicon.participial_conjunctions
        and verb.left_edge.i == verb.i
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def hypothetical(verb: Token) -> bool:
    """A cue in a question or a condition ("asked whether he thought the country was well
    governed", "if she said so, ..."), or one that a modal of possibility makes a mere
    possibility ("the university may decide that ...", "some might argue that ..."; not "may
    have said", a hedged report of a saying): it reports nothing as said."""
    perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
    return any(
        (c.dep_ == "mark" and c.lower_ in ("whether", "if"))
        or (c.dep_ == "aux" and c.lower_ in _POSSIBILITY_MODALS and not perfect)
        for c in verb.children
    )


_POSSIBILITY_MODALS = frozenset({"may", "might"})
"""Modals that make what follows possible, not done (Quirk et al. 1985, §4.55)."""


def _reflexive(clause: Token) -> bool:
    """Whether the clause's subject is a reflexive pronoun ("found themselves fighting",
    "sees himself as"): the cue describes its own subject's state, it reports nothing."""
    return any(
        c.dep_ in SUBJECT_DEPS and c.lower_.endswith(("self", "selves")) for c in clause.children
    )


_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})
"""Entity types of those who author words (not a document standing for them)."""


def _according_source(to: Token, lexicon: CueLexicon) -> int | None:
    """The speaker token of "according to X": the object's head; the object of a verb the
    tagger found where a noun phrase must be ("according to show insiders"); the author
    named in a relative clause of a document or speech ("according to a speech Mrs. Clinton
    delivered", "a statement the ministry released"); ``None`` when there is no object."""
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        verb = next((c for c in to.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
        if verb is not None and verb.i == to.i + 1:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return obj.i if obj is not None else None
    if obj.pos_ == "NOUN" and obj.ent_type_ not in _NAMED:
        for clause in obj.children:
            if clause.dep_ != "relcl":
                continue
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON" and animate(subj, lexicon):
                return subj.i
    return obj.i


def _second_subject_start(doc: Doc, verb: Token, after: int) -> int:
    """Where the clause after a fronted "According to X, Y and Z, ..." begins when the parser
    gave its verb two subjects, taking the end of the source's list for one ("According to
    data from the UN, the WHO and the ministry, Israeli attacks have damaged ..."): the
    subject nearest the verb, after a comma; ``after`` when the verb has one subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and after <= c.i < verb.i]
    if len(subjects) < 2:
        return after
    left = max(subjects, key=lambda c: c.i).left_edge.i
    return left if left > 0 and doc[left - 1].text == "," else after


def _fronted_source_end(doc: Doc, hit: CueHit) -> int | None:
    """The comma that closes a fronted "According to X," whose object the parser ran on
    into the subject of the clause after it ("According to the paper, the firm's chairman
    sent ...": the chairman taken for the object and the paper for its modifier, or for an
    apposition of the paper, leaving "sent" without a subject): a fronted adverbial is set
    off by a comma and a finite clause has a subject of its own.  ``None`` when the phrase
    does not open its sentence, or no comma falls inside it, or the object's head comes
    before the comma while the clause keeps its subject ("According to Mr. Smith, his
    lawyer, the deal is off")."""
    prep = doc[hit.start]
    to = doc[hit.end - 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None or hit.start - prep.sent.start > 1:
        return None
    comma = next((i for i in range(hit.end + 1, prep.right_edge.i) if doc[i].text == ","), None)
    if comma is None:
        return None
    anchor = prep.head
    headless = anchor is not prep and not any(c.dep_ in SUBJECT_DEPS for c in anchor.children)
    return comma if obj.i > comma or (headless and anchor.pos_ in VERB_POS) else None


def attribution(doc: Doc, hit: CueHit, lexicon: CueLexicon, config: QuoteConfig) -> Attribution:
    """Speaker and content of one cue (see the module docstring)."""
    verb = doc[hit.verb]
    if hit.cue.lemma == ACCORDING_TO:
        to = doc[hit.end - 1]
        speaker = _according_source(to, lexicon)
        prep = doc[hit.start]
        comma = _fronted_source_end(doc, hit)
        if comma is not None:
            # "According to the paper, the firm's chairman sent ...": the parser ran the
            # source into the subject after the comma; the source ends there
            speaker = doc[hit.end : comma].root.i
        anchor = prep.head if prep.head is not prep else None
        if anchor is not None and prep.dep_ == "prep" and anchor.pos_ in VERB_POS:
            # the clause it attaches to, minus "according to X" itself
            top = anchor
            a, b = top.left_edge.i, top.right_edge.i + 1
            while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
                b -= 1  # the sentence's full stop and the paragraph break after it
            p_left, p_right = prep.left_edge.i, prep.right_edge.i + 1
            if comma is not None:
                p_right = comma + 1
            if p_left <= a + 1:
                a = max(p_right, _second_subject_start(doc, anchor, p_right))
            elif p_right >= b - 1:
                b = p_left
            return Attribution(hit, speaker, trim(doc, a, b))
        # the parser left "according to X" unattached: the rest of its sentence is the content
        sent = prep.sent
        p_left, p_right = prep.left_edge.i, max(prep.right_edge.i, hit.end - 1) + 1
        if p_left - sent.start <= 1:
            # "According to X, the move reeks ...": X ends at the first comma
            comma = next((i for i in range(hit.end, sent.end) if doc[i].text == ","), None)
            if comma is not None:
                p_right = comma + 1
        if p_left - sent.start <= 1 and sent.end - p_right > 2:
            return Attribution(hit, speaker, trim(doc, p_right, sent.end))
        if sent.end - p_right <= 2 and p_left - sent.start > 2:
            return Attribution(hit, speaker, trim(doc, sent.start, p_left))
        return Attribution(hit, speaker, None)
    if hit.cue.lemma == "quoted as saying":
        quoted = doc[hit.start]
        subj = next((c for c in quoted.children if c.dep_ in SUBJECT_DEPS), None)
        saying = doc[hit.end - 1]
        clause = next((c for c in saying.children if c.dep_ in COMPLEMENT_DEPS), None)
        said = trim(doc, *subtree_range(clause)) if clause is not None else None
        said_form = clause_form(doc, saying, clause) if clause is not None else "clause"
        return Attribution(hit, subj.i if subj is not None else None, said, form=said_form)
    if conjunction(verb, lexicon):
        return Attribution(hit, None, None)
    subj = cue_subject(doc, verb, lexicon, config)
    if subj is not None and generic(subj):
        return Attribution(hit, subj.i, None, generic=True)
    if subj is not None and hit.cue.cls == "cognitive" and subj.lower_ in FIRST_PERSON:
        # "I think ...", "we assume ...": the writer's own thought, which quotes no one
        return Attribution(hit, subj.i, None)
    if subj is not None and (impersonal(subj) or not can_speak(subj, lexicon)):
        # "It is believed that ...", "it was reported": no one in particular; "only 34%
        # said", "Talks showed": no one at all
        subj = None
    if relative_gap(verb):
        # "the man who he said he was": the complement lacks what "who" stands for
        return Attribution(hit, subj.i if subj is not None else None, None)
    content: tuple[int, int] | None = None
    form: ContentForm = "clause"
    clause = reported_clause(doc, verb)
    if clause is None:
        # "tweeted ... that X was": a that-clause the parser attached as an adverbial
        clause = next(
            (c for c in verb.rights if c.dep_ == "advcl" and c.left_edge.lower_ == "that"), None
        )
    if clause is None and hit.cue.speech:
        clause = misparsed_clause(verb)
    if clause is not None and _reflexive(clause):
        clause = None  # "The team find themselves fighting ...": a state, no finding
    elif clause is not None:
        addressed = hit.cue.lemma in lexicon.addressee_cues
        content = trim(doc, *clause_range(clause, addressed))
        form = clause_form(doc, verb, clause)
    elif (clause_head := parenthetical_in_subject(doc, verb)) is not None and subj is not None:
        # "The difference now, he told me on Friday, is that he is the anchor ..."
        content = trim(doc, clause_head.left_edge.i, clause_head.right_edge.i + 1)
    elif (
        verb.head is not verb
        and verb.i > verb.head.i
        and subj is not None
        and verb.dep_ in ("parataxis", "ccomp")
        and verb.left_edge.i > 0
        and doc[verb.left_edge.i - 1].text in (",", "\u2014", "\u2013", "--")
        and doc[verb.left_edge.i].dep_ != "mark"  # ", that he wants ...": a complement
    ):
        # "The Snowden case is the latest, he said." / "X, the Post has learned."
        content = trim(doc, *subtree_range(verb.head, skip=verb))
    elif (
        subj is not None
        and hit.cue.cls != "stance"
        and (as_clause := as_report(doc, verb)) is not None
    ):
        # "The economy, as Mr. Smith noted, is slowing."; not "..., as the Arab group
        # wanted": an attitude's aside names what was wanted, not said
        content = as_clause
    elif parenthetical(doc, verb) and subj is not None:
        # "The museum, Mr. Obama said, would make visitors face uncomfortable truths."
        content = trim(doc, verb.head.left_edge.i, verb.head.right_edge.i + 1)
    elif (inline := inline_report(doc, verb, subj)) is not None:
        content = inline
    elif (
        (
            hit.cue.cls != "evidential"
            or (subj is not None and subj.lemma_.lower() in lexicon.documents)
        )
        and hit.cue.cls != "cognitive"
        and hit.cue.lemma not in lexicon.object_blind_cues
        and subj is not None
        and animate(subj, lexicon)
        and not_infinitive(verb)
    ):
        found = object_content(doc, verb, hit.end, len(hit.cue.words) > 1)
        if found is not None:
            content, form = found
    elif (
        hit.cue.lemma in lexicon.addressee_cues
        and subj is not None
        and animate(subj, lexicon)
        and (inf := infinitive(verb)) is not None
    ):
        content = trim(doc, hit.end, inf.right_edge.i + 1)
        form = "infinitive"
    if (
        content is None
        and clause is None
        and subj is not None
        and animate(subj, lexicon)
        and hit.cue.cls not in ("cognitive", "evidential")
    ):
        content = topic(doc, verb, hit.end)
        form = "topic"
    if (
        form == "small_clause"
        and hit.cue.cls in _JUDGING_CLASSES
        and not (subj is not None and subj.lemma_.lower() in lexicon.documents)
    ):
        form = "evaluation"  # "Fans found it interesting ...": an opinion, not a finding
    elif hit.cue.lemma in lexicon.volition_cues and (
        form == "small_clause"
        or (
            form == "clause"
            and clause is not None
            and not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        )
    ):
        # "want the trial scheduled", "wanted it frozen" (a participle the tagger may take
        # for a past tense): a state wished for, not a report; "offered that ..." reports
        form = "wish"
    if (
        content is not None
        and content[1] - content[0] < config.min_content_tokens
        and not (hit.cue.cls == "stance" and doc[content[0]].pos_ == "PROPN")
    ):
        content = None  # one word is no report, unless a stance toward someone ("attacked Cruz")
    if content is not None and (
        unanswered(doc, verb, lexicon) or hypothetical(verb) or wished(verb, lexicon)
    ):
        content = None
    return Attribution(hit, subj.i if subj is not None else None, content, form=form)


__all__ = [
    "Attribution",
    "CueHit",
    "attribution",
    "find_cues",
    "proposition",
]
