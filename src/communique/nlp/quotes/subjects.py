"""Who speaks: the speaker token that a cue's syntax names, and who can be a speaker at all.

``cue_subject`` finds the speaker of a cue verb, in this order: the understood subject of a
participle after a name ("footage of Hillary Clinton asking, ..."); the subject of the verb,
found also through ``xcomp``/``conj``/``advcl`` chains ("Trump said, adding ...") and, for an
infinitive or a participle complement, the object that controls it ("forced the chief executive
to admit ...", "left many E.U. nations feeling that ..."); the name or
pronoun the parser left before a finite cue, also across a participial aside (", opening the
library on Saturday, said"); the name after a fronted cue ("Said Ruiz: ..."). It then corrects
what the parser gets wrong around quotations and datelines: the name between a closing quotation
mark and the cue wins over a subject inside the quotation (``_after_quotation``); the subject of
a passive cue is spoken to or about, so its "by" phrase speaks (``passive_agent``); a person's
name in apposition replaces a dateline or a thing the parser took for the subject ("WASHINGTON
-- President Obama said").

Not every subject speaks: the generic "you" or "one" (``generic``); an amount, a time, an
event, "what" or the "us" of "let's" (``can_speak``); an expletive ("it is said":
``impersonal``).  ``animate`` is the narrower test of who can be the source of an object or a
topic: a name, a personal pronoun, a named entity or a source noun.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...knowledge.cues import CueLexicon
from ..syntax import FINITE_TAGS, SUBJECT_DEPS, to_infinitive
from .config import QuoteConfig
from .coref import GENERIC_PRONOUNS

_UP_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acl"})
_COMPARING_PREPS = frozenset({"like", "unlike"})
_PEOPLE = frozenset({"PERSON", "ORG", "NORP", "GPE"})
"""Entity types of those who can be told or made to speak."""
"""Prepositions whose gerund is a comparison, not an act of the clause's subject."""


def subject_of(tok: Token, max_climb: int, depth: int = 0) -> Token | None:
    """The subject of a verb, looking up through at most ``max_climb`` non-finite and
    coordinated verbs (``depth``: how many were climbed already)."""
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        # two subjects happen when the parser takes quoted words for one: keep the nearest
        return min(subjects, key=lambda c: abs(c.i - tok.i))
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return tok.head
    if tok.dep_ == "pcomp" and tok.head.lower_ in _COMPARING_PREPS:
        return None  # "it's like saying I lost": a comparison, no one says it
    if tok.dep_ == "xcomp" and (to_infinitive(tok) or tok.tag_ == "VBG"):
        # object control: "forced the chief executive to admit ...", "asked him to explain
        # ...", and a participle complement of the object: "left many E.U. nations feeling
        # that ...", "had voters saying ..."
        obj = next(
            (c for c in tok.head.children if c.dep_ in ("dobj", "dative") and c.i < tok.i), None
        )
        if obj is not None and _controller(obj):
            return obj
    if depth < max_climb and tok.dep_ in _UP_DEPS and tok.head is not tok:
        return subject_of(tok.head, max_climb, depth + 1)
    return None


def passive_agent(verb: Token, subj: Token) -> Token | None:
    """The speaker of a passive cue whose subject is what was said or whom it was said to
    ("she has been called a fraud by her peers", "he was told that ..."): the
    object of its "by" phrase, ``None`` when it names none; ``subj`` itself when the verb is
    active."""
    if subj.dep_ != "nsubjpass" or subj.head.i != verb.i:
        return subj
    agent = next(
        (c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")),
        None,
    )
    if agent is None:
        return None
    return next((c for c in agent.children if c.dep_ == "pobj"), None)


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


def fragment_verb(subj: Token) -> bool:
    """Whether a subject is the capitalised verb of a sentence fragment that the tagger took
    for a plural noun ("Keeps saying she opposed the war", the subject left out): a lone
    common noun opening the sentence right before a participle that is the sentence's root
    with no auxiliary (no finite clause, so no subject of its own)."""
    verb = subj.head
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and subj.i == verb.sent.start
        and subj.i == verb.i - 1
        and subj.pos_ == "NOUN"
        and not subj.n_lefts
        and not subj.n_rights
    )


def can_speak(subj: Token, lexicon: CueLexicon) -> bool:
    """Whether a subject can be the source of words: a person, a group, an organisation or a
    document, as far as its form tells; not an amount or a time (``_MUTE_ENTITIES``), nor an
    event ("Talks", "the sanctions": ``lexicon.event_nouns``, unless also a source noun or a
    document), nor a bare singular demonstrative ("That said, ...": "that" and "this" stand for
    a thing or a proposition, never a person), nor a "which" that opens its sentence (it stands
    for the sentence before), nor "what", nor the "us" of "let's"."""
    if subj.ent_type_ in _MUTE_ENTITIES:
        return False
    if subj.lower_ in ("that", "this") and subj.pos_ in ("PRON", "DET") and not subj.n_rights:
        return False
    if subj.lower_ == "which" and subj.i == subj.sent.start:
        # a relative opening its sentence has no noun to stand for: it takes up the whole
        # sentence before ("... as long as he gets justice. Which is all to suggest that ...")
        return False
    if subj.lower_ in ("what", "'s"):
        # a free relative stands for a thing ("what has become known as ..."); "let's focus
        # on ..." is an exhortation, no one's report
        return False
    if subj.like_num:
        # a number stands for people only with a determiner or a partitive: "the two said",
        # "one of the officials said"
        return any(
            c.dep_ == "det" or (c.dep_ == "prep" and c.lower_ == "of") for c in subj.children
        )
    if subj.pos_ == "NOUN" and not subj.ent_type_:
        lemma = subj.lemma_.lower()
        if lemma in lexicon.source_nouns or lemma in lexicon.documents:
            return True
        return lemma not in lexicon.event_nouns and not (
            _possessed_predicate(subj) and not _speech_act(lemma, lexicon)
        )
    return True


def _possessed_predicate(noun: Token) -> bool:
    """Whether a common noun has a possessor and a complement: a preposition other than
    "of" ("the couple's interest in gardening", "the party's anger over the vote") or an
    infinitive ("their refusal to accept the result"): a nominalised predicate whose
    possessor is its subject ("the couple is interested in gardening"), a state or an act of
    someone, not someone who speaks (a role with its place, "the paper's man in Moscow", is a
    source noun; a speech act, "the party's complaint to the court", is ``_speech_act``)."""
    return any(c.dep_ == "poss" for c in noun.children) and any(
        (c.dep_ == "prep" and c.lower_ != "of") or (c.dep_ == "acl" and to_infinitive(c))
        for c in noun.rights
    )


def _speech_act(lemma: str, lexicon: CueLexicon) -> bool:
    """Whether a noun is the nominalisation of a verb of speech ("complaint" of "complain",
    "announcement" of "announce"): a speech act or its record, which can say things; read
    from the stem of the speech cues of ``cues.tsv`` (the verb without a final "e")."""
    return lemma in lexicon.nouns or any(
        cue.speech and len(verb) > 3 and lemma.startswith(verb.removesuffix("e"))
        for verb, cue in lexicon.lemmas.items()
    )


def _controller(obj: Token) -> bool:
    """Whether an object can be the understood subject of the verb it controls: a name, a
    pronoun, a people entity or a noun with a proper-name compound ("many E.U. nations")."""
    return (
        obj.pos_ in ("PROPN", "PRON")
        or obj.ent_type_ in _PEOPLE
        or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children)
    )


def _participle_subject(doc: Doc, verb: Token, lexicon: CueLexicon) -> Token | None:
    """The understood subject of a participle cue: the person named right before it, as
    object of a verb or preposition ("footage of Hillary Clinton asking, ...", also when the
    parser hung the participle on the main verb: "The spot concludes with footage of Trump
    saying ..."), the speaker of the speech cue whose reported clause the parser hung it on
    when that clause's subject cannot be a source ("said that prices have risen, adding that
    ..."), else the noun a participle modifies when it can be a source (``animate``: "a woman
    saying ...", not "softer language calling for ..."), or ``None``."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.dep_ not in ("xcomp", "acl", "advcl"):
        return None
    prev = doc[verb.i - 1]
    if prev.ent_type_ == "PERSON" and prev.dep_ in ("pobj", "dobj"):
        return prev
    head = verb.head
    if (
        verb.dep_ == "advcl"
        and prev.text == ","
        and head.dep_ == "ccomp"
        and _speech_verb(head.head, lexicon)
        and not ((inner := subject_of(head, 0)) is not None and animate(inner, lexicon))
    ):
        # "The minister said that prices have risen, adding that ...": the parser hung the
        # participle on the reported clause, whose subject cannot speak; the one who said it
        # goes on (but "suggested that Epshteyn has been a bad influence, urging him to ...":
        # Epshteyn urges)
        return subject_of(head.head, 0)
    if verb.dep_ == "acl" and head.i < verb.i and head.pos_ in ("NOUN", "PROPN"):
        # a document's participle ("reports alleging that ...") is a report noun's content
        # (``report_nouns``), no speaker's act
        speaks = animate(head, lexicon) and head.lemma_.lower() not in lexicon.documents
        return head if speaks else None
    return None


def _speech_verb(tok: Token, lexicon: CueLexicon) -> bool:
    """Whether ``tok`` is a speech cue, of one word ("said") or opening several ("pointed
    out")."""
    cue = lexicon.word(tok.lower_, tok.lemma_.lower())
    if cue is not None:
        return cue.speech
    phrase = lexicon.phrase_at([t.lower_ for t in tok.doc[tok.i : tok.sent.end]], 0)
    return phrase is not None and phrase[1].speech


def _subject_before(doc: Doc, verb: Token) -> Token | None:
    """The name or pronoun right before a finite cue the parser left without a subject ("In
    an interview with the Washington Post Trump said ..."), or ``None``."""
    if verb.tag_ not in FINITE_TAGS or verb.dep_ not in ("ROOT", "conj") or verb.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    prev = doc[verb.i - 1]
    if prev.text == "," and (aside := _participial_aside(doc, verb)) is not None:
        # "The president, opening the library on Saturday, said ..."
        prev = aside
        return prev if prev.pos_ in ("PROPN", "PRON") else None
    if prev.pos_ == "PROPN" and prev.dep_ == "pobj":
        return prev
    if prev.pos_ == "PRON" and prev.lower_ in ("he", "she", "they", "we", "i"):
        return prev
    return None


def _after_quotation(doc: Doc, verb: Token, subj: Token | None) -> Token | None:
    """The speaker between a closing quotation mark and its cue ("..., ” the police chief
    said Monday.") when the parser found the cue's subject before the mark, inside
    the quotation, or none: the last name, noun or pronoun before the cue; else ``None``."""
    k = verb.i - 1
    while k > max(verb.sent.start - 1, verb.i - 9) and not doc[k].is_quote:
        k -= 1
    if k < 0 or not doc[k].is_quote or (subj is not None and subj.i > k):
        return None
    if k == 0 or doc[k - 1].text not in (",", "?", "!", "\u2014", "--"):
        return None  # not the end of a quoted sentence ("..., ” he said")
    for i in range(verb.i - 1, k, -1):
        if doc[i].pos_ in ("PROPN", "NOUN", "PRON") and doc[i].ent_type_ not in _MUTE_ENTITIES:
            return doc[i] if i == verb.i - 1 or doc[i + 1].pos_ in ("AUX", "ADV", "PART") else None
    return None


def _named_apposition(subj: Token) -> Token | None:
    """A person's name in apposition to a subject that is a place or cannot be a source at all
    ("WASHINGTON -- President Obama said", "the vote, Jane Roe, a senior adviser, called
    ...": the parser joined a dateline or a phrase to a name), or ``None``."""
    return next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


def _fronted_subject(doc: Doc, verb: Token) -> Token | None:
    """The name after a cue that opens its sentence ("Said Ruiz: ...", "Added Smith, ..."):
    quotative inversion, with the subject after the verb; the last word of the name, or
    ``None``."""
    if verb.tag_ != "VBD" or not verb.is_title or verb.i != verb.sent.start:
        return None
    if any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return None
    i = verb.i + 1
    while i < verb.sent.end and doc[i].pos_ == "PROPN":
        i += 1
    if i == verb.i + 1 or i >= verb.sent.end or doc[i].text not in (":", ","):
        return None
    return doc[i - 1]


def _participial_aside(doc: Doc, verb: Token) -> Token | None:
    """The word before a participial phrase set off by commas right before the cue (",
    opening the library on Saturday, said"), or ``None``."""
    k = verb.i - 2
    while k > max(0, verb.i - _MAX_ASIDE) and doc[k].text != "," and "\n" not in doc[k].text:
        k -= 1
    if k < 1 or doc[k].text != "," or doc[k + 1].tag_ not in ("VBG", "VBN"):
        return None
    return doc[k - 1]


_MAX_ASIDE = 16
"""How far back (in tokens) a participial aside before a cue may begin."""


def cue_subject(doc: Doc, verb: Token, lexicon: CueLexicon, config: QuoteConfig) -> Token | None:
    """The speaker token of cue ``verb`` (see the module docstring), ``None`` when no one in
    reach speaks (no subject, or only a passive subject without a "by" phrase)."""
    subj = (
        _participle_subject(doc, verb, lexicon)
        or subject_of(verb, config.max_subject_climb)
        or _subject_before(doc, verb)
        or _fronted_subject(doc, verb)
    )
    subj = _after_quotation(doc, verb, subj) or subj
    if subj is not None and not impersonal(subj):
        # "he was told that ...", "she has been described as a fraud by her peers": the
        # subject of a passive cue is spoken to or about; its "by" phrase speaks
        subj = passive_agent(verb, subj)
    if subj is not None and (subj.ent_type_ == "GPE" or not animate(subj, lexicon)):
        # "WASHINGTON -- President Obama said": a dateline the parser took for the subject
        subj = _named_apposition(subj) or subj
    return subj


__all__ = [
    "animate",
    "can_speak",
    "cue_subject",
    "fragment_verb",
    "generic",
    "impersonal",
    "passive_agent",
    "subject_of",
]
