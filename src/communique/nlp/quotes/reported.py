"""Where a cue verb's reported content is: the clause, object or phrase it attributes.

``cues.attribution`` asks these readers, in its order of preference, for the token range
a cue reports: its clausal complement (``reported_clause``, or ``misparsed_clause`` when the
parser attached it as something else; ``clause_range`` starts it at its "that" when an aside
hangs before it); the clause it is a parenthetical of ("X is Y, he said", "The museum, Mr.
Obama said, would ..."), also when the parser hung it from the subject or made the cue the root
(``inline_report``), or the clause a comparative "as" aside qualifies ("The economy, as Mr.
Smith noted, is slowing": ``as_report``); its object and predicate ("urged everyone to act"); an
infinitive after an addressee ("told his aides to ..."); the object of a topic preposition
("complained about his mic").  ``subtree_range`` and ``trim`` turn a clause into a range.

Each reader also tells the grammatical form of what it found (``ContentForm``: a clause, a
small clause, an embedded question, an infinitive, a noun phrase, a topic), from which
``proposition`` decides whether it is reported speech or thought at all.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Token

from ..syntax import FINITE_OR_MODAL_TAGS, OBJECT_PRONOUNS, SUBJECT_DEPS, VERB_POS, to_infinitive

COMPLEMENT_DEPS = frozenset({"ccomp"})
"""Dependency labels of the clause a cue verb reports."""
COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
"""Conjunctions that open a reported clause (any other opens an adverbial: "said after ...")."""
QUESTION_WORDS = frozenset(
    {"why", "what", "how", "when", "where", "who", "whom", "whose", "which", "whether", "if"}
)
"""First words of an embedded question ("why it lost ...", "whether he would run")."""
_PARENTHETICAL_OPENERS = frozenset(
    {",", "\u2014", "\u2013", "--", "-", "\u201d", '"', "''", "\u2019", "'"}
)
_ASIDE_MARKS = frozenset({",", "\u2014", "\u2013", "--", "(", ")", ".", ";", ":"})
"""Punctuation that sets off an aside ("The economy, as Mr. Smith noted, is slowing.")."""
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "dative"})
TOPIC_PREPS = frozenset({"about", "against", "of"})
"""Prepositions whose object is what a cue verb reports on ("complained about his mic",
"railed against super PACs")."""
_STANCE_PREPS = frozenset({"for", "as", "over", "about", "of", "on", "to", "with"})
"""Prepositions that continue a stance verb's object with its ground or its predicate."""
_PREDICATE_PREPS = frozenset({"as"})
"""Prepositions that give a verb's object a predicate ("described Obama as an evangelist")."""

_PREDICATES = frozenset({"ADJ", "NOUN", "PROPN"})
"""Parts of speech of the head of a verbless complement ("found it interesting")."""
_VERBAL_DEPS = frozenset({"aux", "auxpass", "cop", "mark"})
"""Children that make a clause headed by an adjective or noun a finite one."""

ContentForm = Literal[
    "clause",
    "subject_infinitive",
    "small_clause",
    "evaluation",
    "wish",
    "question",
    "infinitive",
    "object",
    "topic",
    "subjectless",
]
"""The grammatical form of what a cue reports:

* ``clause``: a finite clause ("said (that) X was Y"), or a non-finite one with a subject of
  its own ("shown Clinton's lead eroding");
* ``subject_infinitive``: an infinitive with a subject of its own ("expects them to become
  scarcer", "wants viewers to think he is perfect"): a belief for a thought, a wish for an
  attitude;
* ``small_clause``: an object with a predicate ("called the test a violation", "described
  Obama as a climate evangelist"): the proposition that the object is the predicate; or with
  a bare infinitive ("heard his colleagues talk about it"): an event perceived or caused;
* ``evaluation``: a small clause that a cue of perception or judgement assigns ("fans found
  it interesting he hadn't heard of her", "critics consider him a liar"): an opinion about
  something, no report (unless a document finds it: "the audit found the accounts sound");
* ``wish``: a small clause, or a clause without "that", after a cue of wanting ("want the
  trial scheduled", "wants him gone": ``volition_cue`` of ``quote_words.tsv``): a state
  wished for, no report;
* ``question``: an embedded question ("explained why he backs Trump", "asked whether ...");
* ``infinitive``: an infinitive without a subject of its own, after an addressee or not
  ("urged everyone to act", "vowed to bring back jobs", "wants to build a wall"): an action
  requested, promised or wanted;
* ``object``: a noun phrase, with or without its ground ("opposes the deal", "attacked
  Clinton for her vote", "found 31 incidents");
* ``topic``: the object of a topic preposition ("complained about his mic");
* ``subjectless``: a finite verb without a subject of its own, which no English declarative
  clause is (the subject is obligatory in a finite clause; only an imperative, a relative
  clause or a coordinated verb goes without one): the parser took a word of the subject for
  the cue ("Their reluctance to embrace admit the failure also explains why ...": "admit"
  the root, "explains" its "complement"), so no proposition is reported.
"""


def subtree_range(tok: Token, skip: Token | None = None) -> tuple[int, int]:
    """Token range of ``tok``'s subtree; with ``skip``, only the larger side around it."""
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    if skip is None:
        return left, right
    s_left, s_right = skip.left_edge.i, skip.right_edge.i + 1
    # keep the larger side of the clause around the skipped part
    if s_left - left >= right - s_right:
        return left, s_left
    return s_right, right


def clause_range(clause: Token, addressed: bool = False) -> tuple[int, int]:
    """Token range of a reported clause, from its complementizer when an aside before it
    hangs from the clause ("cautioned, as did the campaign itself, that ..."), or from the
    cue's object right before a clause without a subject of its own: the parser took the
    clause's subject for the object ("said individual registration, as opposed to
    registration by household, should be introduced"); not when the cue's object is the one
    it addresses (``addressed``: "told TheStreet, ...") or a pronoun in the object case
    ("told her ..."), which a subject the parser ran into it follows ("told her Will was
    dead")."""
    left, right = subtree_range(clause)
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    if mark is not None and mark.i > left and mark.nbor(-1).text == ",":
        left = mark.i
    verb = clause.head
    if (
        mark is None
        and verb.i < clause.i
        and _finite(clause)
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in clause.children)
    ):
        obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < left), None)
        if obj is not None and obj.lower_ not in OBJECT_PRONOUNS:
            first = obj.left_edge
            if addressed and first.lower_ in OBJECT_PRONOUNS and first.i < obj.i:
                # "told her Will was dead", parsed as "her Will": "her" is the one told
                left = first.i + 1
            elif not addressed:
                left = first.i  # "argued her client ... had not been there": a possessive
    return left, right


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The range without punctuation and spaces at its ends (nor a leading conjunction); a
    per cent sign and a bracket closing one opened inside the range are words ("as opposed
    to 5%", "260bn roubles (£4.8bn)")."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    return start, trim_end(doc, start, end)


def trim_end(doc: Doc, start: int, end: int) -> int:
    """The end of ``doc[start:end]`` without the punctuation and spaces that close it, but
    for a per cent sign and a bracket closing one opened inside the range."""
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        last = doc[end - 1].text
        if last == "%" or (last in _CLOSING_BRACKETS and _opened(doc, start, end - 1, last)):
            break
        end -= 1
    return end


_CLOSING_BRACKETS = {")": "(", "]": "["}


def _opened(doc: Doc, start: int, end: int, closing: str) -> bool:
    """Whether ``doc[start:end]`` leaves a bracket open that ``closing`` closes."""
    opening = _CLOSING_BRACKETS[closing]
    depth = 0
    for t in doc[start:end]:
        if t.text == opening:
            depth += 1
        elif t.text == closing and depth:
            depth -= 1
    return depth > 0


def clause_form(doc: Doc, verb: Token, clause: Token) -> ContentForm:
    """The form of a clause that ``verb`` reports: an embedded question when a question word
    opens it and belongs to its own head, or determines a noun of it ("say why it lost",
    "questioned what kind of person gets up at 3 a.m."; not "explained how important it is
    to ...", an exclamative with "how" before a degree word, which states that it is very
    important (Quirk et al. 1985, ch. 11, exclamatives); not "said if elected he would ...",
    whose "if" opens an adverbial inside, nor "donations, which he said were ...", a relative
    clause);
    a small clause, when the clause has no verb ("found it interesting", "considered him a
    liar", parsed as a complement headed by the predicate); an infinitive, with a subject of
    its own ("wants them to ...") or without ("refused to ...", parsed as a complement); a
    finite verb after the cue without a subject of its own (``subjectless``, a misparse);
    else a clause."""
    first = doc[clause.left_edge.i]
    while first.i < clause.i and first.pos_ == "ADV" and first.lower_ not in QUESTION_WORDS:
        first = doc[first.i + 1]  # "understand exactly how ...", "asked just why ..."
    if first.lower_ in QUESTION_WORDS and (verb.dep_ != "relcl" or first.i > verb.i):
        # (a relative pronoun before a cue in a relative clause is no question: "donations,
        # which he said were ..."; a free relative after one is: "people who want what you
        # want")
        owner = first.head
        if owner.i == clause.i or (first.dep_ in ("det", "poss") and owner.head.i == clause.i):
            return "question"
    if clause.pos_ in _PREDICATES and not any(c.dep_ in _VERBAL_DEPS for c in clause.children):
        return "small_clause"
    if clause.tag_ == "VB" and not any(c.dep_ in _VERBAL_DEPS for c in clause.children):
        # a bare infinitive after its subject ("heard his colleagues talk about it", "saw
        # them leave"): an event perceived, not a proposition (a small clause)
        return "small_clause"
    if to_infinitive(clause):
        if any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            return "subject_infinitive"
        return "infinitive"
    if clause.i > verb.i and subjectless(clause):
        # (a sentence before "..., noted X" is reported whole, however it was tagged: "However
        # debates ... are not likely ...", "debates" read as a verb)
        return "subjectless"
    return "clause"


def _finite(verb: Token) -> bool:
    """Whether a verb heads a finite clause: finite itself, or with a finite auxiliary or a
    modal ("should be introduced")."""
    return verb.tag_ in FINITE_OR_MODAL_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_OR_MODAL_TAGS for c in verb.children
    )


_UNAMBIGUOUS_FINITE = frozenset({"VBZ", "VBD"})
"""Penn tags of verbs that can only be finite (a "VBP" may be a mandative subjunctive the
tagger took for a present: "demanding Obama make a pledge")."""


def subjectless(clause: Token) -> bool:
    """Whether ``clause`` is a finite verb with no subject of its own and no auxiliary that
    could carry one, opened by no complementizer and no relative or question word (whose gap
    may be the subject: "donations, which he said were ..."), right after no object of the
    cue (which is then its subject: "explaining the firings amounted to ..."): see
    ``ContentForm``."""
    if clause.tag_ not in _UNAMBIGUOUS_FINITE:
        return False
    if any(
        c.dep_ in SUBJECT_DEPS or c.dep_ in ("csubj", "csubjpass", "expl", "mark", "aux", "auxpass")
        for c in clause.children
    ):
        return False
    doc = clause.doc
    left = clause.left_edge.i
    if any(t.tag_ in _RELATIVE_TAGS or t.tag_ == "WRB" for t in doc[left : clause.i]):
        return False
    return not (left == clause.i and left > 0 and doc[left - 1].dep_ in ("dobj", "dative", "pobj"))


def not_infinitive(verb: Token) -> bool:
    """Not an infinitive: "refused to endorse" reports the refusal, not an endorsement."""
    return not to_infinitive(verb)


def reported_clause(doc: Doc, verb: Token) -> Token | None:
    """The clausal complement of a cue verb, or ``None``.

    A complement after the verb wins; one before it counts only when a comma, dash or closing
    quotation mark separates them ("X is Y, he said"), not a semicolon or colon.  Clauses
    opened by a temporal or causal conjunction ("said before he died") are adverbials.
    """
    best: Token | None = None
    for child in verb.children:
        if child.dep_ not in COMPLEMENT_DEPS:
            continue
        # the clause's own conjunction, not one of an adverbial inside it ("cautioned, as did
        # the campaign, that ...")
        mark = next((c for c in child.children if c.dep_ == "mark"), None)
        if mark is not None and mark.lower_ not in COMPLEMENTIZERS:
            continue
        if child.i > verb.i:
            return child
        after = child.right_edge.i + 1
        if after < verb.i and (
            doc[after].text in _PARENTHETICAL_OPENERS
            or doc[after - 1].text in _PARENTHETICAL_OPENERS  # a comma parsed into the clause
        ):
            best = child
    return best


def misparsed_clause(verb: Token) -> Token | None:
    """A reported clause the parser attached as something else, or ``None``.

    * an adverbial clause with its own subject, a modal and no subordinating conjunction
      ("said after the convention he would not accept ..."): a complement without "that";
    * a "relative clause" on the addressee opened by the complementizer "that" ("told a
      meeting of leaders that few people understood ...").
    """
    for child in verb.rights:
        if (
            child.dep_ == "advcl"
            and not any(c.dep_ == "mark" for c in child.children)
            and any(c.dep_ in SUBJECT_DEPS for c in child.children)
            and child.tag_ != "VBG"
            and any(a.dep_ == "aux" and a.tag_ == "MD" for a in child.children)
        ):
            return child
        if child.dep_ in ("dobj", "dative"):
            for rel in child.rights:
                first = rel.left_edge
                if (
                    rel.dep_ == "relcl"
                    and first.lower_ == "that"
                    and first.dep_ == "mark"
                    and any(c.dep_ in SUBJECT_DEPS for c in rel.children)
                ):
                    return rel
    return None


def parenthetical(doc: Doc, verb: Token) -> bool:
    """Whether the cue's clause sits between commas inside the clause it reports, with a
    subject of its own ("The museum, Mr. Obama said, would ..."; not a participle that shares
    the subject of the clause around it: "“X” responded, posting more videos, “...”")."""
    head = verb.head
    if head is verb or verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj"):
        return False
    if verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    words = [t.i for t in verb.subtree if not t.is_punct]
    left, right = words[0], words[-1]
    if (
        head.left_edge.i < left
        and right < head.right_edge.i
        and left > 0
        and doc[left - 1].text == ","
        and right + 1 < len(doc)
        and doc[right + 1].text == ","
        and doc[left].dep_ != "mark"
    ):
        return True
    # "Though X was seamless, he said, replacing Clinton would be ...": the first part of the
    # reported sentence hangs from the cue
    subj = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
    return (
        head.i > verb.i
        and subj is not None
        and subj.left_edge.i > 0
        and doc[subj.left_edge.i - 1].text == ","
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
    )


def as_report(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The clause that a comparative "as"-clause of the cue qualifies ("The economy, as Mr.
    Smith noted, is slowing"; "As Trump said on Monday, the wall will be built"): the cue
    has a subject but no object or complement of its own, so what it says is that clause;
    ``None`` otherwise ("as expected", "as she said goodbye")."""
    head = verb.head
    if verb.dep_ != "advcl" or head is verb or head.pos_ not in VERB_POS:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in verb.children):
        return None
    left, right = head.left_edge.i, head.right_edge.i + 1
    words = [t.i for t in verb.subtree if not t.is_punct]
    a_left, a_right = words[0], words[-1] + 1
    # set off as an aside: a comma, a dash or the sentence's edge on both sides (not "a
    # slide that aides carry as they speak to leaders shows ...")
    sent = verb.sent
    before = a_left == sent.start or doc[a_left - 1].text in _ASIDE_MARKS
    after = a_right >= sent.end or doc[a_right].text in _ASIDE_MARKS or doc[a_right].is_sent_end
    if not (before and after):
        return None
    if a_left <= left + 1:
        left = a_right  # "As X said, ...": the clause after it
    elif a_right >= right - 1:
        right = a_left  # "..., as X said.": the clause before it
    return trim(doc, left, right)


def parenthetical_in_subject(doc: Doc, verb: Token) -> Token | None:
    """The clause around a cue set between commas after its subject ("The difference now, he
    told me, is that ..."), which the parser hung from the subject noun; else ``None``."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.dep_ not in SUBJECT_DEPS or head.head.i <= verb.i:
        return None
    words = [t.i for t in verb.subtree if not t.is_punct]
    left, right = words[0], words[-1]
    if left == 0 or doc[left - 1].text != "," or right + 1 >= len(doc):
        return None
    return head.head if doc[right + 1].text == "," else None


def inline_report(doc: Doc, verb: Token, subj: Token | None) -> tuple[int, int] | None:
    """The sentence around "..., he said, ..." when the parser made the cue its root."""
    if subj is None or verb.head is not verb or subj.i > verb.i:
        return None
    left = subj.left_edge.i
    if left == 0 or doc[left - 1].text != "," or verb.i + 1 >= len(doc):
        return None
    if doc[verb.i + 1].text != ",":
        return None
    sides = [c for c in verb.children if c.dep_ in ("advcl", "ccomp", "csubj", "parataxis")]
    if not any(c.i < left for c in sides) or not any(c.i > verb.i for c in sides):
        return None
    sent = verb.sent
    return trim(doc, sent.start, sent.end)


def object_content(
    doc: Doc, verb: Token, end: int, phrasal: bool
) -> tuple[tuple[int, int], ContentForm] | None:
    """The object, predicate and infinitive of a cue verb ("urged everyone to act"), with
    their form; ``end`` is where the cue ends, ``phrasal`` whether it is several words ("call
    for")."""
    parts = [c for c in verb.children if c.i >= end and c.dep_ in _OBJECT_DEPS]
    action = False
    if phrasal:  # "call for X": the particle's object, or its gerund clause
        last = doc[end - 1]
        parts += [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
        # "called for reducing the corporate tax rate": a gerund clause without a subject of
        # its own names an action, as an infinitive does ("called on Congress to act")
        action = any(
            c.dep_ == "pcomp"
            and c.tag_ == "VBG"
            and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
            for c in last.children
        )
    if not parts:
        return None
    start = min(c.left_edge.i for c in parts)
    stop = max(c.right_edge.i for c in parts) + 1
    form: ContentForm = "object"
    if action or any(
        c.dep_ in ("xcomp", "ccomp") and c.pos_ in VERB_POS and to_infinitive(c) for c in parts
    ):
        form = "infinitive"
    elif any(c.dep_ in ("xcomp", "ccomp") for c in parts) or (
        any(c.dep_ == "oprd" for c in parts)
        and any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in verb.children)
    ):
        # "called the test a violation", "has been called a charlatan", "admitted using the
        # tax code"; a predicate needs the object it is said of, or the passive subject that
        # stands for it ("called into Hewitt's show": no one was called a show)
        form = "small_clause"
    # the reason or manner right after the object belongs to the stance: "attacked Clinton
    # for her support of the war", "cited the remarks as examples of disrespect"
    for child in verb.rights:
        if child.i == stop and child.dep_ == "prep" and child.lower_ in _STANCE_PREPS:
            stop = child.right_edge.i + 1
            if form == "object" and (
                child.lower_ in _PREDICATE_PREPS
                or any(c.dep_ == "pcomp" and c.pos_ in VERB_POS for c in child.children)
            ):
                # "described Obama as an evangelist", "accused the government of attempting
                # to intimidate the families": what the object is or did
                form = "small_clause"
    return trim(doc, start, stop), form


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
"""Penn tags of relative and interrogative words ("which", "who", "whose"; "that" as a
relative pronoun is tagged WDT)."""


def relative_gap(verb: Token) -> bool:
    """Whether the complement of cue ``verb`` has a gap that a relative word before the cue
    fills ("the man who he said he was all along", "the plan which the minister said he would
    announce", "the house that she said she built"): the relative pronoun is an argument
    moved out of the complement, which is then no complete clause and reports nothing (the
    cue's own subject or adverbial may be the relative word: "officials who said the plan
    would fail", "the day on which he said the war was over" do report), unless the relative
    clause is non-restrictive ("his donations, which he said were ...": set off by a comma,
    it states something of its antecedent that the cue reports)."""
    doc = verb.doc
    for comp in verb.rights:
        if comp.dep_ not in COMPLEMENT_DEPS and comp.dep_ != "xcomp":
            continue
        for tok in doc[comp.left_edge.i : verb.i]:
            if (
                tok.tag_ in _RELATIVE_TAGS
                and comp.is_ancestor(tok)
                and not (tok.i > 0 and doc[tok.i - 1].text == ",")
            ):
                return True
    return False


def infinitive(verb: Token) -> Token | None:
    """An infinitive complement of ``verb`` ("to figure out ..."), or ``None``."""
    return next(
        (
            c
            for c in verb.rights
            if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in VERB_POS and to_infinitive(c)
        ),
        None,
    )


def topic(doc: Doc, verb: Token, end: int) -> tuple[int, int] | None:
    """The object of a topic preposition after the cue, which ends at ``end`` ("complained
    about his mic")."""
    for prep in verb.rights:
        if prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPS and prep.i >= end:
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return trim(doc, objs[0].left_edge.i, prep.right_edge.i + 1)
    return None
