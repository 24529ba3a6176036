"""The quotation extractor: who said what, as ``doc._.quotes``.

Three kinds of quotation are found (see ``extensions.QuoteSpan``):

* **direct**: text between quotation marks (``marks.find_quoted``) that reads as speech,
  attributed to the nearest speech cue in its own sentence, the short sentence right after it,
  or a colon lead-in before it ("Kerry said:"; with a colon, a cue of any class: "The Times
  reports:", "the senator made the following comment:"). “A,” Kerry said, “B.” is one quote with
  two fragments; a quoted paragraph or sentence without a cue after an attributed quote
  continues it (same speaker). Quoted titles and short quoted phrases that no verb governs
  (scare quotes, nicknames) are not quotations, nor are title-cased words after a possessive
  or before a year in parentheses, however long (Brenda Lee's “Rockin' Around the Christmas
  Tree” (1958)) or after a noun for works ("films including “Wall Street” and “Major League”":
  ``pieces.Piece.work``); a clause reported around such a name is still a (mixed) quote;
* **mixed**: a reported clause that contains quoted words ("Lavrov said the two nations “are
  united by a shared responsibility”"); the content is the whole clause;
* **indirect**: a proposition reported by a cue (the ``ccomp`` of "said", "told reporters
  that", the clause that "according to X" attaches to, the that-clause of a report noun: "his
  claim that ...", what a speech act asks or promises: "urged everyone to act"); not what an
  attitude wants or refuses, a bare noun phrase or an embedded question (``cues.proposition``);
  also a paragraph without quotation marks that a speech cue and a colon ending the paragraph
  before announce ("The governor added:"): a block quotation whose marks were the page's layout.
  A cue inside the clause that "according to X" attaches to, or inside the that-clause of a
  report noun ("denied reports that he had told ..."), reports nothing of its own: the outer
  report holds it (``cues.reports_around``).

Speakers come from the cue's syntax (``cues``), are widened to their noun phrase and resolved to
actors (``speakers``, ``coref``); transcript labels ("PENCE: ..."), a headline that names its
source before a colon ("Smith: Council has failed our schools", only for a person's name) and
dash signatures ("” ― Name", "” - Newcastle boss Name") and dash labels before a quotation
("- Bolton boss Name “...") are read from layout (``layout``). Quoted words inside two reported
clauses belong to the one whose cue has a speaker. A continuation has no cue (``cue`` is
``None``) and carries the speaker mention of the quote it continues; a quote whose speaker could
not be found has ``speaker``, ``actor`` and ``speaker_name`` ``None``; one whose speaker is a
pronoun that resolves to no actor keeps the pronoun as ``speaker`` with ``speaker_name``
``None`` (unresolved). A cue whose subject is the generic "you" or "one", an amount or an event
noun attributes to no one (``subjects.generic``, ``subjects.can_speak``).

Quoted words in the object of any verb with a subject ("called the test “a clear violation”")
also make a mixed quote, with that verb as cue: news annotation (PolNeAR) counts them
(``pieces.object_host``), unless the verb is no cue and the quoted words a term of one or
two words ("placed in a “liquidating trust”", "bought a “philanthropub”"): scare quotes or
a name, no quotation; nor is such a term listed among plain nouns in the object of a cue that
is no speech ("help graduates find jobs and “taster courses”"), unless a document's ("the audit
found fraud and “serious failings”").

Cost: one regex pass over the text, one pass over the tokens for cues, then work local to each
cue or quote (about 2-4% on top of the spaCy pass).

The word counts, gaps and paragraph windows these rules use are the ``QuoteConfig`` of the
component (set from ``communique_quotes``' config).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ...knowledge.cues import Cue, CueLexicon, load_cues
from ...records import QuoteKind
from ..extensions import ActorCluster, QuoteSpan, actor_of
from ..syntax import SUBJECT_DEPS, VERB_POS
from .config import QuoteConfig
from .cues import Attribution, CueHit, attribution, find_cues, proposition, reports_around
from .index import DocIndex, clip_to_paragraph
from .layout import label_before, signature_after, transcript_paragraphs
from .marks import find_quoted
from .narrator import author_name, first_person_piece
from .neighbours import nearby_speakers, previous_speaker
from .pieces import Piece, nickname, object_host, quoted_pieces
from .report_nouns import noun_report
from .reported import COMPLEMENTIZERS, trim
from .speakers import listed_name, name_speaker


@dataclass
class _Found:
    """A quotation under construction (converted to ``QuoteSpan`` at the end)."""

    kind: QuoteKind
    fragments: list[tuple[int, int]]
    """Character ranges of the content."""
    attr: Attribution | None
    para: int
    pieces: list[Piece] = field(default_factory=list)
    source: _Found | None = None
    """For a continuation (no cue of its own): the quote whose speaker it shares."""


class QuoteExtractor:
    """spaCy component setting ``doc._.quotes`` (a list, empty when the doc has no quotes).

    ``knowledge_dir``: a folder whose knowledge files override the bundled ones ("" = bundled
    only); ``config``: the tuning numbers (``None``: the defaults).
    """

    def __init__(self, knowledge_dir: str = "", config: QuoteConfig | None = None) -> None:
        self.knowledge_dir = knowledge_dir
        self.config = config if config is not None else QuoteConfig()
        self.lexicon = load_cues(knowledge_dir)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, self.lexicon, self.config)
        return doc


def _inside(attr: Attribution, piece: Piece) -> bool:
    """Whether the piece lies in the attribution's clause (trailing punctuation aside)."""
    if attr.content is None:
        return False
    a, b = attr.content
    return a <= piece.start and piece.word_end <= b


def _outside_words(doc: Doc, attr: Attribution, in_quote: list[int]) -> int:
    assert attr.content is not None
    a, b = attr.content
    return sum(1 for i in range(a, b) if in_quote[i] < 0 and not doc[i].is_punct)


def _colon_lead_in(doc: Doc, hit: CueHit, first: Piece) -> bool:
    """Whether the cue's clause ends in a colon right before the piece's opening mark ("The Times
    reports:", "the senator made the following comment:"): the colon announces
    the quotation, whatever the cue's class."""
    j = first.start - 1
    while j >= hit.end and (doc[j].is_space or doc[j].is_quote or doc[j].text == "\n"):
        j -= 1
    if j < hit.end or doc[j].text != ":":
        return False
    return not any(doc[k].text in (".", "?", "!", ";", ":") for k in range(hit.end, j))


def _adjacent_cue(
    doc: Doc,
    index: DocIndex,
    chain: list[Piece],
    attrs: list[Attribution],
    in_quote: list[int],
    config: QuoteConfig,
) -> Attribution | None:
    """The speech cue that attributes a chain of quoted pieces, or ``None``."""
    first, last = chain[0], chain[-1]
    best: tuple[int, Attribution] | None = None
    for attr in attrs:
        hit = attr.hit
        if (
            not hit.cue.speech
            and not (attr.content and any(_inside(attr, p) for p in chain))
            and not (attr.speaker is not None and _colon_lead_in(doc, hit, first))
        ):
            continue
        if hit.end <= first.start:
            gap = first.start - hit.end
            if gap > config.max_cue_gap_before or index.para_of(hit.start) != first.para:
                # colon lead-in at the end of the previous paragraph
                j = first.start - 2
                colon = j >= 0 and any(
                    doc[k].text == ":" for k in range(max(j - 1, hit.end), first.start)
                )
                if not (colon and gap <= config.max_cue_gap_before + 2):
                    continue
            elif any(in_quote[k] >= 0 for k in range(hit.end, first.start - 1)):
                continue
            if index.sent_of[hit.start] != index.sent_of[first.start] and not any(
                doc[k].text == ":" for k in range(hit.end, first.start)
            ):
                continue
            dist = gap
        elif hit.start >= last.end:
            gap = hit.start - last.end
            if index.para_of(hit.start) != last.para:
                continue
            if gap > config.max_cue_gap_after and not (
                gap <= config.max_cue_gap_apposition
                and attr.speaker is not None
                and last.end <= attr.speaker < hit.start
            ):
                continue
            if any(in_quote[k] >= 0 for k in range(last.end, hit.start)):
                continue
            if any(
                doc[k].text in (".", "?", "!") and doc[k].i > last.end
                for k in range(last.end + 1, hit.start)
            ):
                continue
            dist = gap
        else:
            # between two pieces of the chain: “A,” he said, “B.”
            inner = [p for p in chain if p.end <= hit.start]
            nxt = [p for p in chain if p.start >= hit.end]
            if not inner or not nxt:
                continue
            dist = hit.start - inner[-1].end
        if attr.speaker is not None and in_quote[attr.speaker] >= 0:
            continue
        if best is None or dist < best[0]:
            best = (dist, attr)
    return best[1] if best else None


def _attach_window(
    index: DocIndex, piece: Piece, attrs: list[Attribution], keys: list[int], max_gap_before: int
) -> list[Attribution]:
    """Cues near a piece: those in the sentences it touches and in the one after it, and
    those up to ``max_gap_before`` tokens before it (plus a colon and the mark).

    ``keys`` are the first tokens of the ``attrs`` cues, in order (for bisection)."""
    lo = index.sents[index.sent_of[piece.start]][0]
    hi_sent = index.sent_of[min(piece.end, len(index.sent_of) - 1)]
    hi = index.sents[min(hi_sent + 1, len(index.sents) - 1)][1]
    lo = min(lo, max(0, piece.start - max_gap_before - 2))
    return attrs[bisect.bisect_left(keys, lo) : bisect.bisect_left(keys, hi)]


def _signature(doc: Doc, index: DocIndex, last: Piece, max_tail: int) -> Attribution | None:
    """An attribution from a dash signature after the piece ("” ― Oscar P. Quintero")."""
    if last.mark.close_mark is None:
        return None
    return _dash_attribution(
        doc, index, signature_after(index.text, last.mark.close_mark, max_tail), "dash signature"
    )


def _dash_label(doc: Doc, index: DocIndex, first: Piece) -> Attribution | None:
    """An attribution from a dash label before the piece ("- Bolton boss Sam Allardyce “...")."""
    return _dash_attribution(
        doc, index, label_before(index.text, first.mark.open_mark), "dash label"
    )


def _dash_attribution(
    doc: Doc, index: DocIndex, found: tuple[int, int, int] | None, notes: str
) -> Attribution | None:
    """The attribution of a dash and a name at characters ``found`` (dash start, name start,
    name end), the dash standing as the cue; ``None`` when nothing was found."""
    if found is None:
        return None
    dash = index.token_at(found[0])
    name = (index.token_at(found[1]), index.token_end(found[2]))
    if name[1] <= name[0]:
        return None
    cue = Cue(lemma=doc[dash].text, type="phrase", cls="signature", notes=notes)
    return Attribution(CueHit(dash, dash + 1, dash, cue), name[1] - 1, None, name)


def _listed_with_nouns(doc: Doc, piece: Piece, in_quote: list[int]) -> bool:
    """Whether the quoted words are a conjunct of an unquoted noun ("jobs and “taster
    courses”"): one item of a list of things, named, not words someone said."""
    root = next(
        (
            doc[i]
            for i in range(piece.start, piece.word_end)
            if not piece.start <= doc[i].head.i < piece.word_end
        ),
        None,
    )
    return (
        root is not None
        and root.dep_ == "conj"
        and root.head.pos_ in ("NOUN", "PROPN")
        and in_quote[root.head.i] < 0
    )


def _has_own_verb(doc: Doc, attr: Attribution, in_quote: list[int]) -> bool:
    """Whether the attribution's content has a verb outside quotation marks: a clause around a
    quoted name, not a phrase the parser took for one ("In his book, ''Make Your Kid a
    Millionaire,'' he suggested ...": the content is an adverbial and a title)."""
    assert attr.content is not None
    a, b = attr.content
    return any(doc[i].pos_ in VERB_POS and in_quote[i] < 0 for i in range(a, b))


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _reported(
    doc: Doc,
    index: DocIndex,
    attrs: list[Attribution],
    mixed: dict[int, _Found],
    used: set[int],
    in_quote: list[int],
    report_attitudes: bool,
) -> list[_Found]:
    """Mixed quotes (clauses hosting quoted words) and indirect ones (propositions without;
    with ``report_attitudes``, any content)."""
    out: list[_Found] = []
    frames = [f.content for f in attrs if reports_around(f) and f.content is not None]
    for attr in attrs:
        if attr.content is None:
            continue
        a, b = attr.content
        chars = [_char_range(doc, a, b)]
        inner = any(lo <= attr.hit.start < hi and attr.content != (lo, hi) for lo, hi in frames)
        key = id(attr)
        if key in mixed:
            mixed[key].fragments = chars
            out.append(mixed[key])
        elif attr.speaker is None:
            continue  # a reported clause without a speaker in reach is too often not speech
        elif key in used and not (
            a > attr.hit.verb
            and attr.form == "clause"
            and not (doc[a].dep_ == "mark" and doc[a].lower_ not in COMPLEMENTIZERS)
            and not any(t.pos_ in VERB_POS for t in doc[attr.hit.end : a])
        ):
            # the cue of a direct quotation reports nothing else, unless its own clause
            # follows it outside the quotation ("... policy.'' The network said it would
            # send her to Crimea", '"...," adding that its value quadrupled'; not an
            # adverbial the parser took for it ('"...," she told him, after he admitted ...'),
            # nor a clause of another verb between them ('"...," she said of the vote, in
            # which she was sure X would win')
            continue
        elif not (report_attitudes or proposition(attr)):
            continue  # "wants to ...", "opposes the deal", "explained why ...": no report
        elif inner:
            # "According to the ministry, an official said the border would reopen", "denied
            # reports that he had told the minister ...": the clause is the outer report's
            continue
        elif not any(in_quote[i] >= 0 for i in range(a, b)):
            out.append(_Found("indirect", chars, attr, index.para_of(a)))
    return out


def _block_quotes(
    doc: Doc,
    index: DocIndex,
    attrs: list[Attribution],
    used: set[int],
    in_quote: list[int],
    config: QuoteConfig,
) -> list[_Found]:
    """Paragraphs announced by a speech cue and a colon ending the paragraph before ("The governor
    added:"), without quotation marks of their own: a block quotation whose marks the page's
    layout carried (indirect, having no marks in the text)."""
    out: list[_Found] = []
    for attr in attrs:
        hit = attr.hit
        if id(attr) in used or attr.speaker is None or not hit.cue.speech:
            continue
        lo, hi = index.para_tokens(hit.start)
        last = hi - 1
        while last > hit.end and (doc[last].is_space or "\n" in doc[last].text):
            last -= 1
        if last < hit.end or doc[last].text != ":":
            continue
        if any(doc[k].text in (".", "?", "!", ";", ":") for k in range(hit.end, last)):
            continue
        start = last + 1
        while start < len(doc) and (doc[start].is_space or "\n" in doc[start].text):
            start += 1
        if start >= len(doc) or doc[start].is_quote:
            continue
        b_hi = index.para_tokens(start)[1]
        words = [t for t in doc[start:b_hi] if t.is_alpha]
        if len(words) < config.min_words_unattributed or any(
            in_quote[k] >= 0 for k in range(start, b_hi)
        ):
            continue
        a, b = trim(doc, start, b_hi)
        out.append(_Found("indirect", [_char_range(doc, a, b)], attr, index.para_of(a)))
        used.add(id(attr))
    return out


def extract_quotes(
    doc: Doc, lexicon: CueLexicon, config: QuoteConfig | None = None
) -> list[QuoteSpan]:
    """All quotations of ``doc`` (see the module docstring), in text order; ``config``: the
    tuning numbers (``None``: the defaults)."""
    if config is None:
        config = QuoteConfig()
    if not len(doc):
        return []
    index = DocIndex(doc)
    pieces = quoted_pieces(
        doc,
        index,
        find_quoted(index.text),
        config.max_title_words,
        lexicon.work_nouns,
        lexicon.title_leads,
        frozenset(lexicon.lemmas),
        config.max_object_climb,
    )
    in_quote = [-1] * len(doc)
    for n, p in enumerate(pieces):
        for i in range(p.start, p.end):
            in_quote[i] = n
    found: list[_Found] = []
    labelled_pieces: set[int] = set()
    for lab in transcript_paragraphs(
        index.text,
        min_body_words=config.min_label_body_words,
        cue_words=lexicon.words,
        not_labels=lexicon.not_labels,
    ):
        colon = index.token_at(lab.colon)
        label = (index.token_at(lab.label[0]), index.token_end(lab.label[1]))
        body = (index.token_at(lab.body[0]), index.token_end(lab.body[1]))
        if label[1] <= label[0] or body[1] <= body[0]:
            continue
        named = any(doc[i].ent_type_ == "PERSON" for i in range(*label)) or (
            lab.title and _person_in_title(doc, label)
        )
        if not named and (lab.title or not index.text[lab.label[0] : lab.label[1]].isupper()):
            continue
        cue = Cue(lemma=":", type="phrase", cls="label", notes="transcript speaker label")
        said_by = Attribution(CueHit(colon, colon + 1, colon, cue), label[1] - 1, None, label)
        found.append(_Found("direct", [lab.body], said_by, index.para_of_char(lab.body[0])))
        for n, p in enumerate(pieces):
            if lab.label[0] - 3 <= p.mark.start < lab.body[1]:
                labelled_pieces.add(n)
        for i in range(*body):
            if in_quote[i] < 0:
                in_quote[i] = len(pieces)
    attrs = [
        clip_to_paragraph(
            doc,
            index,
            noun_report(doc, h, lexicon, config)
            if h.cue.type == "noun"
            else attribution(doc, h, lexicon, config),
            config.min_content_tokens,
        )
        for h in find_cues(doc, lexicon)
        if in_quote[h.start] < 0
    ]
    attrs = [a for a in attrs if not a.generic]
    keys = [a.hit.start for a in attrs]
    mixed: dict[int, _Found] = {}
    used: set[int] = set()
    chains: dict[int, list[Piece]] = {}
    for n, p in enumerate(pieces):
        if n not in labelled_pieces:
            chains.setdefault(p.mark.chain, []).append(p)
    previous: _Found | None = None
    implicit_hosts: dict[int, _Found] = {}
    for chain in chains.values():
        names = all(nickname(doc, index, p) or p.work for p in chain)
        title = all(p.title for p in chain)
        gap = config.max_cue_gap_before
        near = _attach_window(index, chain[0], attrs, keys, gap)
        if len(chain) > 1:
            near += [a for a in _attach_window(index, chain[-1], attrs, keys, gap) if a not in near]
        # mixed: the quoted words sit inside a reported clause with words of its own
        hosts = [
            a
            for a in near
            if a.content is not None
            and all(_inside(a, p) for p in chain)
            and _outside_words(doc, a, in_quote) >= 1
        ]
        # a clause whose cue has a speaker hosts the quoted words before one without ("compared
        # him to a coach “working the referees” in hopes that ...": not "hopes")
        host = next((a for a in hosts if a.speaker is not None), hosts[0] if hosts else None)
        if names:
            # a name in quotation marks (a nickname, the title of a work) is no quotation; a
            # clause reported around it still is one ("said the film “Iron Sky” was a flop")
            if (
                host is not None
                and host.speaker is not None
                and id(host) not in mixed
                and _has_own_verb(doc, host, in_quote)
            ):
                mixed[id(host)] = _Found("mixed", [], host, chain[0].para)
                used.add(id(host))
            continue
        if host is not None and host.speaker is None:
            implicit = object_host(doc, chain[0], in_quote, lexicon, config)
            if implicit is not None and implicit.content is not None:
                host = None
        if host is not None:
            key = id(host)
            if key not in mixed:
                mixed[key] = _Found("mixed", [], host, chain[0].para)
            mixed[key].pieces.extend(chain)
            used.add(key)
            previous = mixed[key]
            continue
        attr = (
            _adjacent_cue(doc, index, chain, near, in_quote, config)
            or _signature(doc, index, chain[-1], config.max_signature_tail)
            or _dash_label(doc, index, chain[0])
        )
        words = sum(p.words for p in chain)
        frags = [(p.mark.start, p.mark.end) for p in chain]
        speechlike = (
            words >= config.min_words_speechlike
            or any(p.has_verb for p in chain)
            or doc[chain[-1].end - 1].text in (".", ",", "?", "!")
        )
        if attr is not None and words >= config.min_words_attributed and speechlike and not title:
            used.add(id(attr))
            if (
                previous is not None
                and previous.attr is attr
                and previous.kind == "direct"
                and previous.para == chain[0].para
                and not index.text[: previous.fragments[-1][1]].rstrip().endswith((".", "?", "!"))
            ):
                previous.fragments.extend(frags)
                previous.pieces.extend(chain)
                continue
            previous = _Found("direct", frags, attr, chain[0].para, list(chain))
            found.append(previous)
            continue
        if words >= config.min_words_unattributed and any(p.has_verb for p in chain):
            source = (
                previous
                if previous is not None and chain[0].para - previous.para <= config.max_source_paras
                else None
            )
            previous = _Found("direct", frags, None, chain[0].para, list(chain), source=source)
            found.append(previous)
            continue
        implicit = object_host(doc, chain[0], in_quote, lexicon, config)
        if implicit is not None and words <= config.max_term_words:
            verb = doc[implicit.hit.verb]
            cue_row = lexicon.word(verb.lower_, verb.lemma_.lower())
            finder = implicit.speaker
            if (
                cue_row is None
                or cue_row.cls == "cognitive"
                or (
                    not cue_row.speech
                    and _listed_with_nouns(doc, chain[0], in_quote)
                    and not (finder is not None and doc[finder].lemma_.lower() in lexicon.documents)
                )
            ):
                # a quoted term that no speech cue attributes ("placed in a “liquidating
                # trust”", "what has become known as the “sunset clause”"), or one listed
                # among plain nouns in the object of a verb that is no speech ("help graduates
                # find jobs and “taster courses”": a name in a list; but "the audit found
                # fraud and “serious failings”": a document's words)
                continue
        if implicit is not None and implicit.content is not None:
            key = implicit.hit.verb
            if key in implicit_hosts:
                implicit_hosts[key].pieces.extend(chain)
                continue
            implicit_hosts[key] = _Found(
                "mixed", [_char_range(doc, *implicit.content)], implicit, chain[0].para, list(chain)
            )
            found.append(implicit_hosts[key])
    found.extend(_reported(doc, index, attrs, mixed, used, in_quote, config.report_attitudes))
    found.extend(_block_quotes(doc, index, attrs, used, in_quote, config))
    found.sort(key=lambda f: f.fragments[0][0])
    return _to_spans(doc, index, found, in_quote, lexicon, config)


def _to_spans(
    doc: Doc,
    index: DocIndex,
    found: list[_Found],
    in_quote: list[int],
    lexicon: CueLexicon,
    config: QuoteConfig,
) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    current: ActorCluster | None = None
    current_para = -10
    made: dict[int, QuoteSpan] = {}
    named: QuoteSpan | None = None  # the last quote with a named speaker
    # only a piece with one named author can give "I" a name: ask whether it is first-person
    # only then
    author = author_name(doc)
    if author is not None and not first_person_piece(
        doc, index, in_quote, config.min_first_person_paras, config.min_first_person_share
    ):
        author = None
    paras: list[int] = []
    lenders: list[bool] = []
    for f in found:
        if f.para - current_para > config.speaker_memory_paras:
            current = None
        fragments = [
            s
            for s in (
                doc.char_span(index.after_dateline(a), b, alignment_mode="expand")
                for a, b in f.fragments
                if index.after_dateline(a) < b
            )
            if s is not None and len(s)
        ]
        if not fragments:
            continue
        quote = QuoteSpan(fragments=fragments, kind=f.kind)
        made[id(f)] = quote
        source = made.get(id(f.source)) if f.source is not None else None
        if source is not None:
            quote.speaker, quote.actor = source.speaker, source.actor
            quote.speaker_name = source.speaker_name
        if f.attr is not None:
            hit = f.attr.hit
            quote.cue = doc[hit.start : hit.end]
            if f.attr.speaker_range is not None:
                span = doc[f.attr.speaker_range[0] : f.attr.speaker_range[1]]
                actor = actor_of(doc, span.start, span.end)
                quote.speaker, quote.actor = span, actor
                quote.speaker_name = listed_name(actor, span)
            elif f.attr.speaker is not None:
                speaker = name_speaker(
                    doc,
                    f.attr.speaker,
                    current,
                    lambda i: in_quote[i] >= 0,
                    max_distance=config.max_pronoun_distance,
                    titles=lexicon.courtesy_titles,
                    author=author,
                    quantifiers=lexicon.quantifier_pronouns,
                    generic_titles=lexicon.generic_titles,
                )
                quote.speaker, quote.actor, quote.speaker_name = (
                    speaker.span,
                    speaker.actor,
                    speaker.name,
                )
                if speaker.name is None and named is not None:
                    previous_speaker(quote, named)
        if quote.kind == "mixed" and _told_about(quote, f.pieces):
            # "In 1999, Kennedy founded the Waterkeeper Alliance ... that act as their
            # “community's coast guard”," he told Vanity Fair: the clause is the reporter's
            # account of its speaker; only the quoted words are his, unless they are a title
            # ("Ms. LaBelle got a roar for ''A Change Is Gonna Come,'' she added")
            if all(p.title for p in f.pieces):
                continue
            quote.fragments = [
                s
                for s in (
                    doc.char_span(p.mark.start, p.mark.end, alignment_mode="expand")
                    for p in f.pieces
                )
                if s is not None and len(s)
            ] or quote.fragments
            quote.kind = "direct"
        if quote.speaker is not None and quote.speaker_name is not None:
            named = quote
        if quote.actor is not None:
            current, current_para = quote.actor, f.para
        out.append(quote)
        paras.append(f.para)
        # a thought ("who, some pundits believe, was ...") lends no speaker to the quoted
        # paragraphs near it: they are someone's words
        lenders.append(f.attr is None or f.attr.hit.cue.cls != "cognitive")
    nearby_speakers(out, paras, lenders, config)
    return out


def _person_in_title(doc: Doc, label: tuple[int, int]) -> bool:
    """Whether a headline's label names a person of the article ("Pence: ...", with Mike
    Pence in the story) that the tagger did not tag in the headline; a finding ("Poll: ...")
    states a result, no one's words."""
    actor = actor_of(doc, *label)
    return actor is not None and actor.kind == "person"


def _told_about(quote: QuoteSpan, pieces: list[Piece]) -> bool:
    """Whether a mixed quote's own words (outside its quotation marks) have its speaker, a
    person, named again as the subject of a clause: someone's account of what they did, not
    their words ("Kennedy founded ... their “coast guard”," he told ...). A name elsewhere
    in a report is the reporter's wording ("told them they would look “terrible” if they
    endorsed Trump's defeat"), and an organisation may speak of itself by name."""
    actor = quote.actor
    if actor is None or actor.kind != "person" or not pieces:
        return False
    quoted = [(p.mark.start, p.mark.end) for p in pieces]
    spoken = quote.speaker
    for m in actor.mentions:
        if m.root.dep_ not in SUBJECT_DEPS or (
            spoken is not None and m.start < spoken.end and spoken.start < m.end
        ):
            continue
        a, b = m.start_char, m.end_char
        if any(f.start_char <= a and b <= f.end_char for f in quote.fragments) and not any(
            qa <= a and b <= qb for qa, qb in quoted
        ):
            return True
    return False
