"""Quoted stretches mapped onto tokens, and quoted words that a verb's object holds.

``quoted_pieces`` turns the ``MarkedSpan``s of ``marks`` into ``Piece``s: token ranges
with the facts the extractor decides on (word count, a verb inside, a title-like shape).
``object_host`` reads the verb that governs quoted words in its object ("called the test “a
clear violation”"): news annotation (PolNeAR) counts these as mixed quotations, with the verb
as cue and its subject as speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...knowledge.cues import Cue, CueLexicon
from ..syntax import FINITE_OR_MODAL_TAGS, VERB_POS, to_infinitive
from .config import QuoteConfig
from .cues import Attribution, CueHit
from .index import DocIndex
from .marks import MarkedSpan
from .reported import TOPIC_PREPS
from .subjects import can_speak, generic, passive_agent, subject_of

_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is"}
)
_NAMING_PREPS = frozenset({"as"})
"""Prepositions whose object is a name someone gives ("described her as “Crooked Hillary”")."""
_SUBJECT_SIDE = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


@dataclass
class Piece:
    """One marked stretch mapped onto tokens (``start``/``end`` token range of the content)."""

    mark: MarkedSpan
    start: int
    end: int
    words: int
    has_verb: bool
    para: int
    word_end: int
    """End of the content without trailing punctuation (token index)."""
    title: bool
    """Every word capitalised, and few of them: a title ("Fox News Sunday"), not speech."""
    work: bool = False
    """Title-cased words after a possessive or before a year in parentheses: the name of a
    work (Wham!'s “Last Christmas” (1984)), never a quotation, however long."""


def quoted_pieces(
    doc: Doc,
    index: DocIndex,
    marked: list[MarkedSpan],
    max_title_words: int,
    work_nouns: frozenset[str] = frozenset(),
    title_leads: frozenset[str] = frozenset(),
    cue_lemmas: frozenset[str] = frozenset(),
    max_climb: int = QuoteConfig.max_object_climb,
) -> list[Piece]:
    """The marked stretches as pieces; one of at most ``max_title_words`` words, all
    capitalised, is a title; a title without a finite verb listed after a noun for works
    (``work_nouns``, directly or through one of ``title_leads``: "films including “Wall
    Street,” “The Three Musketeers” and “Major League”") names a work, and so do titles
    listed together, unless a cue of ``cue_lemmas`` at most ``max_climb`` heads above gives
    them as names (``_listed_titles``)."""
    out: list[Piece] = []
    titles: set[int] = set()  # tokens of the titles so far (a list of them: “A,” “B” and “C”)
    for m in marked:
        start, end = index.token_at(m.start), index.token_end(m.end)
        if end <= start:
            continue
        toks = doc[start:end]
        words = sum(1 for t in toks if t.is_alpha or t.like_num)
        has_verb = any(t.pos_ in VERB_POS for t in toks)
        word_end = end
        while word_end > start + 1 and doc[word_end - 1].is_punct:
            word_end -= 1
        alpha = [t.text for t in toks if t.is_alpha]
        title = (
            0 < len(alpha) <= max_title_words
            and all(w[0].isupper() or w in _TITLE_SMALL_WORDS for w in alpha)
            and alpha[0][0].isupper()
        )
        work = _title_cased(alpha) and (_after_possessive(doc, start) or _before_year(doc, end))
        if title and not _has_finite(toks):
            work = work or _after_work_noun(doc, start, titles, work_nouns, title_leads)
            titles.update(range(start, end))
        out.append(
            Piece(
                m, start, end, words, has_verb, index.para_of_char(m.start), word_end, title, work
            )
        )
    _listed_titles(doc, out, cue_lemmas, max_climb)
    return out


def _listed_titles(
    doc: Doc, pieces: list[Piece], cue_lemmas: frozenset[str], max_climb: int
) -> None:
    """Mark as works the titles listed together (“Wall Street,” “The Three Musketeers” and
    “Major League”): two or more capitalised quotations without a finite verb, with nothing
    between them but commas, "and" or "or" — names in a list, whatever governs it ("His
    credits include ..."); speech is not quoted as a list of titles. Names that someone
    gives stay quotations: after "as", or governed by a cue ("called her “Miss Piggy” and
    “Miss Housekeeping”", "referred to her as “A” and “B”")."""
    for a, b in zip(pieces, pieces[1:], strict=False):
        if (
            not (a.title and b.title)
            or _has_finite(doc[a.start : a.end])
            or _has_finite(doc[b.start : b.end])
            or _given_name(doc, a, cue_lemmas, max_climb)
        ):
            continue
        between = doc[a.end : b.start]
        separated = doc[a.word_end : b.start]  # "“Wall Street,” “The Three Musketeers”"
        if any(t.text == "," or t.dep_ == "cc" for t in separated) and all(
            t.is_quote or t.is_space or t.text == "," or t.lower_ in ("and", "or") for t in between
        ):
            a.work = b.work = True


def _given_name(doc: Doc, piece: Piece, cue_lemmas: frozenset[str], max_climb: int) -> bool:
    """Whether quoted words are a name someone gives: right after "as", or with a cue of
    ``cue_lemmas`` as the first verb above them ("called the winner “Miss Piggy”")."""
    i = piece.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i >= 0 and doc[i].lower_ == "as":
        return True
    tok = next(
        (t for t in doc[piece.start : piece.end] if not piece.start <= t.head.i < piece.end),
        doc[piece.start],
    )
    for _ in range(max_climb):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.pos_ in VERB_POS:
            return tok.lemma_.lower() in cue_lemmas
    return False


def _has_finite(toks: Span) -> bool:
    """Whether quoted words hold a finite verb or a modal: a clause, never a bare title."""
    return any(t.tag_ in FINITE_OR_MODAL_TAGS for t in toks)


def _title_cased(alpha: list[str]) -> bool:
    """Every word capitalised but the small words of titles ("Rockin' Around the Christmas
    Tree")."""
    return (
        bool(alpha)
        and alpha[0][0].isupper()
        and all(w[0].isupper() or w in _TITLE_SMALL_WORDS for w in alpha)
    )


def _after_work_noun(
    doc: Doc, start: int, titles: set[int], work_nouns: frozenset[str], leads: frozenset[str]
) -> bool:
    """Whether the opening mark before token ``start`` follows a noun for works, directly
    ("the film “Wall Street”"), through a word that leads to its titles ("films including
    “Wall Street”", "a show called “The Apprentice”") or after titles of the same list
    (“Wall Street,” “The Three Musketeers” and “Major League”)."""
    i = start - 1
    while i >= 0 and (
        i in titles
        or doc[i].is_quote
        or doc[i].is_space
        or doc[i].text == ","
        or (doc[i].dep_ == "cc" and i + 1 < start and (i + 1 in titles or doc[i + 1].is_quote))
    ):
        i -= 1
    if i >= 0 and doc[i].lower_ in leads:
        i -= 1
        if i >= 0 and doc[i].lower_ == "such":
            i -= 1  # "such as"
        while i >= 0 and (doc[i].text == "," or doc[i].is_space):
            i -= 1
    return (
        i >= 0
        and doc[i].pos_ == "NOUN"
        and (doc[i].lower_ in work_nouns or doc[i].lemma_.lower() in work_nouns)
    )


def _after_possessive(doc: Doc, start: int) -> bool:
    """Whether the opening mark before token ``start`` follows a possessive ("Wham!'s “...”")."""
    i = start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    return i >= 0 and (doc[i].tag_ == "POS" or doc[i].lower_ in ("'s", "’s"))


def _before_year(doc: Doc, end: int) -> bool:
    """Whether the closing mark after the content is followed by a year in parentheses
    ("“Last Christmas” (1984)")."""
    i = end
    while i < len(doc) and (doc[i].is_quote or doc[i].text in (",", ".")):
        i += 1
    return (
        i + 2 < len(doc)
        and doc[i].text == "("
        and doc[i + 1].like_num
        and len(doc[i + 1].text) == 4
        and doc[i + 2].text == ")"
    )


def nickname(doc: Doc, index: DocIndex, piece: Piece) -> bool:
    """Quoted words inside a name, between two proper nouns (Somjeet Christopher “Lil Chris”
    Singh, Avin “Smalls” Seetaram): a nickname, not speech."""
    if piece.mark.close_mark is None or not piece.title:
        return False
    before = index.token_at(piece.mark.open_mark) - 1
    after = index.token_end(piece.mark.close_mark + 1)
    return (
        before >= 0
        and after < len(doc)
        and doc[before].pos_ == "PROPN"
        and doc[after].pos_ == "PROPN"
        and index.text[doc[after].idx - 1].isspace()
    )


_PREMODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
"""Dependencies of words that modify the noun after them."""


def _names_or_scare_quotes(
    doc: Doc, piece: Piece, root: Token, max_title_words: int, lexicon: CueLexicon
) -> bool:
    """Quoted words that name something or hedge one word, rather than report speech.

    * a capitalised name in apposition to a noun: the show ''Politicking'', the documentary
      “13th”, the nickname "Lyin' Ted"; or after a preposition ("depicted in “The Iron
      Claw”", "spoke on “Meet the Press”"), but for the topic of a speech cue ("warned of
      “Armageddon”", "complained about “Obamacare”": the speaker's word; not "think about
      “The Iron Claw”");
    * words modifying a noun after them: “quack” medical cures, a “fair access” clause, the
      “look-how-much-I-know” routine (every word whose head lies outside the quotation hangs
      on that one noun): a label for a kind of thing, not words reported.
    """
    if (root.dep_ == "appos" and root.head.i < piece.start) or (
        root.dep_ == "pobj"
        and root.head.i < piece.start
        and root.head.lower_ not in _NAMING_PREPS
        and not (
            root.head.lower_ in TOPIC_PREPS
            and (cue := lexicon.word(root.head.head.lower_, root.head.head.lemma_.lower()))
            is not None
            and cue.speech
        )
    ):
        alpha = [t.text for t in doc[piece.start : piece.word_end] if t.is_alpha]
        if len(alpha) <= max_title_words and all(
            w[0].isupper() or w in _TITLE_SMALL_WORDS for w in alpha
        ):
            return True
    outside = {
        (t.dep_, t.head.i)
        for t in doc[piece.start : piece.word_end]
        if not t.is_punct and not piece.start <= t.head.i < piece.word_end
    }
    heads = {head for _, head in outside}
    return (
        len(heads) == 1
        and all(dep in _PREMODIFIER_DEPS for dep, _ in outside)
        and (noun := doc[heads.pop()]).i >= piece.word_end
        and noun.pos_ in ("NOUN", "PROPN")
    )


def object_host(
    doc: Doc, piece: Piece, in_quote: list[int], lexicon: CueLexicon, config: QuoteConfig
) -> Attribution | None:
    """Quoted words in the object of a verb with a subject ("called Clinton a “champion”").

    The verb counts as the cue (class ``implicit``) and its subject as the speaker (for a
    passive verb, the object of its "by" phrase, or no one); the content runs from the verb to
    the end of its complement.  ``None`` when the quoted words sit in a
    subject, or are a prepositional phrase of their own ("goes “under the bridges”"), or no
    verb with a subject governs them within ``config.max_object_climb`` heads, or the verb is
    one of ``lexicon.not_implicit``.
    """
    root = next(
        (
            doc[i]
            for i in range(piece.start, piece.word_end)
            if not piece.start <= doc[i].head.i < piece.word_end
        ),
        None,
    )
    if root is None or _names_or_scare_quotes(doc, piece, root, config.max_title_words, lexicon):
        return None
    if root.dep_ == "prep":
        # quoted words that open with their preposition are an adverbial ("goes “under the
        # bridges” to find them"), not the verb's object
        return None
    tok = root
    for _ in range(config.max_object_climb):
        if tok.dep_ in _SUBJECT_SIDE or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in VERB_POS and tok.i < piece.start and in_quote[tok.i] < 0:
            break
    else:
        return None
    if not (tok.pos_ in VERB_POS and tok.i < piece.start):
        return None
    if tok.lemma_.lower() in lexicon.not_implicit:
        return None
    subj = subject_of(tok, config.max_subject_climb)
    if subj is None or in_quote[subj.i] >= 0 or subj.lower_ in ("it", "there", "that", "this"):
        return None
    if subj.tag_ == "WP" and to_infinitive(tok):
        return None  # an infinitival question ("who to root for in the game of “cops and robbers”")
    # a passive verb's subject is what was said or called; its "by" phrase, if any, speaks
    # ("in what is being criticized as a “use it or lose it” approach": someone unnamed)
    speaker = passive_agent(tok, subj)
    if speaker is not None and (generic(speaker) or not can_speak(speaker, lexicon)):
        return None  # "you call it “X”", "prices hit “record highs”"
    end = piece.end
    limit = tok.right_edge.i + 1
    if doc[piece.end - 1].text in (",", ".", ";", "?", "!"):
        limit = end  # the quoted words end the clause: “...,” where ...
    while (
        end < limit
        and doc[end].text not in (",", ";", ":", ".", "\u2014", "\u2013", "--", "(")
        or (end < limit and in_quote[end] >= 0)
    ):
        end += 1
    start = tok.i + 1
    while start < piece.start and (doc[start].is_punct or doc[start].dep_ in ("prt", "neg")):
        start += 1
    cue = Cue(
        lemma=tok.lemma_.lower(),
        type="verb",
        cls="implicit",
        notes="quoted words in the object of a verb that is not a speech cue",
    )
    speaker_i = speaker.i if speaker is not None else None
    return Attribution(CueHit(tok.i, tok.i + 1, tok.i, cue), speaker_i, (start, end))
