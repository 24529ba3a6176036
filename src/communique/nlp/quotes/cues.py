"""Finding speech cues in a parsed doc, and what each one attributes: who and which clause.

A ``CueHit`` is one occurrence of a lexicon cue ("said", "told", "according to", "was quoted
as saying").  ``attribution`` reads its syntactic neighbourhood:

* the speaker token: the subject of the cue verb, found also through ``xcomp``/``conj``/
  ``advcl`` chains ("Trump said, adding ..."), the antecedent of a relative pronoun ("Figueroa,
  who said ..."), the passive subject of "was quoted as saying", the object of "according to";
* the reported content, read by ``reported``: the ``ccomp`` clause (with its "that"), a
  clause the cue is a parenthetical of ("X is Y, he said"), an infinitive for directives ("urged
  everyone to ...", "told his aides to ..."), the object of a topic preposition ("complained
  about his mic"), or for "according to X" the clause it attaches to;
Report nouns ("his claim that ...") are read by ``report_nouns``. Which nouns can be a source,
which cues address someone and which cues' objects are not what was said are word lists of
the ``CueLexicon`` (``quote_words.tsv``).

Not every subject speaks: the generic "you" or "one" attributes nothing (``generic``), and an
amount, a time or an event ("only 34% said", "Talks showed") is no speaker (``can_speak``).
A question the cue says went unanswered ("declined to say why ...", "did not say whether
...") reports nothing (``unanswered``), nor does a cue inside a question or a condition
("asked whether he thought ...": ``hypothetical``).

What a cue reports is a quotation of its own (an indirect one) only when it is a proposition
someone stated or holds (``proposition``): a clause or a small clause for any cue; an
infinitive for speech acts that ask or commit (``directive``: "urged everyone to act";
``assertive``: "vowed to bring back jobs"), never for attitudes (``stance``: "wants to",
"plans to", "refused to", "offered to"); never an embedded question ("explained why ..."), a
bare noun phrase ("opposes the deal", "a study found 31 incidents") or a topic ("talked about
taxes").  Any content can still host quoted words, which make a mixed quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...knowledge.cues import Cue, CueLexicon
from ..syntax import FINITE_TAGS, SUBJECT_DEPS, VERB_POS
from .config import QuoteConfig
from .coref import GENERIC_PRONOUNS
from .reported import (
    COMPLEMENT_DEPS,
    QUESTION_WORDS,
    ContentForm,
    clause_form,
    infinitive,
    inline_report,
    misparsed_clause,
    not_infinitive,
    object_content,
    parenthetical,
    parenthetical_in_subject,
    reported_clause,
    subtree_range,
    topic,
    trim,
)

_UP_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acl"})


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
    return attr.form == "infinitive" and attr.hit.cue.cls in _INFINITIVE_CLASSES


def find_cues(doc: Doc, lexicon: CueLexicon) -> list[CueHit]:
    """Every cue in ``doc``, in token order (one pass over the tokens)."""
    hits: list[CueHit] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        lower = tok.lower_
        seqs = lexicon.sequences.get(lower)
        matched = False
        if seqs:
            for rest, cue in seqs:
                end = i + 1 + len(rest)
                if end <= n and all(doc[i + 1 + k].lower_ == w for k, w in enumerate(rest)):
                    verb = i if cue.type == "verb" else end - 1
                    if cue.lemma == "quoted as saying":
                        verb = i
                    hits.append(CueHit(i, end, verb, cue))
                    i = end
                    matched = True
                    break
        if matched:
            continue
        if tok.pos_ in VERB_POS or tok.tag_.startswith("VB"):
            cue_row = lexicon.word(lower, tok.lemma_.lower())
            if cue_row is not None:
                hits.append(CueHit(i, i + 1, i, cue_row))
        elif tok.pos_ == "NOUN" and lexicon.nouns:
            noun_row = lexicon.nouns.get(tok.lemma_.lower())
            if noun_row is not None:
                hits.append(CueHit(i, i + 1, i, noun_row))
        i += 1
    return hits


def subject_of(tok: Token, max_climb: int, depth: int = 0) -> Token | None:
    """The subject of a verb, looking up through at most ``max_climb`` non-finite and
    coordinated verbs (``depth``: how many were climbed already)."""
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        # two subjects happen when the parser takes quoted words for one: keep the nearest
        return min(subjects, key=lambda c: abs(c.i - tok.i))
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return tok.head
    if depth < max_climb and tok.dep_ in _UP_DEPS and tok.head is not tok:
        return subject_of(tok.head, max_climb, depth + 1)
    return None


def impersonal(subj: Token) -> bool:
    """An expletive subject ("it is said", "there are reports")."""
    if subj.dep_ == "expl" or subj.lower_ == "there":
        return True
    verb = subj.head
    return subj.lower_ == "it" and (
        subj.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children)
    )


def animate(tok: Token, lexicon: CueLexicon) -> bool:
    """Whether a subject can be a source: a name, a personal pronoun, a named entity or a noun
    of ``lexicon.source_nouns``."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which", "what", "there")
    if tok.pos_ == "NOUN":
        return tok.lemma_.lower() in lexicon.source_nouns or any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children
        )
    return False


_MUTE_ENTITIES = frozenset({"PERCENT", "MONEY", "QUANTITY", "DATE", "TIME", "ORDINAL"})
"""Entity types of amounts and times: "only 34% said", "$100 buys": no one speaks."""


def generic(subj: Token) -> bool:
    """The generic pronoun "you" or "one" as a subject ("you say ...", "if one seeks ...";
    not "one of the officials")."""
    if subj.pos_ != "PRON" or subj.lower_ not in GENERIC_PRONOUNS:
        return False
    return subj.lower_ != "one" or not (subj.n_lefts or subj.n_rights)


def can_speak(subj: Token, lexicon: CueLexicon) -> bool:
    """Whether a subject can be the source of words: a person, a group, an organisation or a
    document, as far as its form tells; not an amount or a time (``_MUTE_ENTITIES``), nor an
    event ("Talks", "the sanctions": ``lexicon.event_nouns``, unless also a source noun or a
    document), nor a bare singular demonstrative ("That said, ...": "that" and "this" stand for
    a thing or a proposition, never a person)."""
    if subj.ent_type_ in _MUTE_ENTITIES:
        return False
    if subj.lower_ in ("that", "this") and subj.pos_ in ("PRON", "DET") and not subj.n_rights:
        return False
    if subj.like_num:
        # a number stands for people only with a determiner or a partitive: "the two said",
        # "one of the officials said"
        return any(
            c.dep_ == "det" or (c.dep_ == "prep" and c.lower_ == "of") for c in subj.children
        )
    if subj.pos_ == "NOUN" and not subj.ent_type_:
        lemma = subj.lemma_.lower()
        return not (
            lemma in lexicon.event_nouns
            and lemma not in lexicon.source_nouns
            and lemma not in lexicon.documents
        )
    return True


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


def hypothetical(verb: Token) -> bool:
    """A cue in a question or a condition ("asked whether he thought the country was well
    governed", "if she said so, ..."): it reports nothing as said."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)


def _participle_subject(doc: Doc, verb: Token) -> Token | None:
    """The person named right before a participle cue, as object of a verb or preposition
    ("footage of Hillary Clinton asking, ..."): its understood subject, or ``None``."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.dep_ not in ("xcomp", "acl"):
        return None
    prev = doc[verb.i - 1]
    if prev.ent_type_ == "PERSON" and prev.dep_ in ("pobj", "dobj"):
        return prev
    return None


def _subject_before(doc: Doc, verb: Token) -> Token | None:
    """The name or pronoun right before a finite cue the parser left without a subject ("In
    an interview with the Washington Post Trump said ..."), or ``None``."""
    if verb.tag_ not in FINITE_TAGS or verb.dep_ not in ("ROOT", "conj") or verb.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    prev = doc[verb.i - 1]
    if prev.pos_ == "PROPN" and prev.dep_ == "pobj":
        return prev
    if prev.pos_ == "PRON" and prev.lower_ in ("he", "she", "they", "we", "i"):
        return prev
    return None


def attribution(doc: Doc, hit: CueHit, lexicon: CueLexicon, config: QuoteConfig) -> Attribution:
    """Speaker and content of one cue (see the module docstring)."""
    verb = doc[hit.verb]
    if hit.cue.lemma == "according to":
        to = doc[hit.end - 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        speaker = objs[0].i if objs else None
        prep = doc[hit.start]
        anchor = prep.head if prep.head is not prep else None
        if anchor is not None and prep.dep_ == "prep" and anchor.pos_ in VERB_POS:
            # the clause it attaches to, minus "according to X" itself
            top = anchor
            a, b = top.left_edge.i, top.right_edge.i + 1
            p_left, p_right = prep.left_edge.i, prep.right_edge.i + 1
            if p_left <= a + 1:
                a = p_right
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
    subj = (
        _participle_subject(doc, verb)
        or subject_of(verb, config.max_subject_climb)
        or _subject_before(doc, verb)
    )
    if subj is not None and generic(subj):
        return Attribution(hit, subj.i, None, generic=True)
    if subj is not None and (impersonal(subj) or not can_speak(subj, lexicon)):
        # "It is believed that ...", "it was reported": no one in particular; "only 34%
        # said", "Talks showed": no one at all
        subj = None
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
    if clause is not None:
        content = trim(doc, *subtree_range(clause))
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
        content is not None
        and content[1] - content[0] < config.min_content_tokens
        and not (hit.cue.cls == "stance" and doc[content[0]].pos_ == "PROPN")
    ):
        content = None  # one word is no report, unless a stance toward someone ("attacked Cruz")
    if content is not None and (unanswered(doc, verb, lexicon) or hypothetical(verb)):
        content = None
    return Attribution(hit, subj.i if subj is not None else None, content, form=form)


__all__ = [
    "Attribution",
    "CueHit",
    "animate",
    "attribution",
    "can_speak",
    "find_cues",
    "generic",
    "impersonal",
    "proposition",
    "subject_of",
]
