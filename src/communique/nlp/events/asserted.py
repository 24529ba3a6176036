"""Whether a clause reports something done, or only names it: the clauses of a sentence that
the event coder leaves uncoded because the sentence asks about them, denies them, makes them
depend on a condition, forecasts them, weighs them or gives them as the content of a noun.

"police are investigating whether the lyrics incite the assault" (a question), "the withdrawal
did not mean that Libya had cut its ties" (denied), "if the cabinet approves, this will be the
first deal Iraq has signed" (a consequent), "a deal could be reached when WTO members gather"
(a future time), "see reforming the banks as vital" (weighed), "fears that X will invade"
(content of a noun). Each rule reads the clause's own dependencies and the few words around
it; the word lists are ``event_words.tsv``'s ``speculation_noun`` and ``judging_verb``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..syntax import VERB_POS, first_subject, to_infinitive
from .clauses import FUTURE_AUX, ClauseReader
from .config import EventConfig
from .lexicon import EventLexicon

CONDITION_MARKS: frozenset[str] = frozenset({"if", "unless"})
"""Subordinators of a condition clause, which codes nothing of its own."""


class Assertion:
    """Reads whether clauses are asserted as done, for one lexicon, clause reader and config."""

    def __init__(self, lexicon: EventLexicon, reader: ClauseReader, config: EventConfig) -> None:
        self.lexicon = lexicon
        self.reader = reader
        self.config = config

    def questioned(self, sent: Span, questions: tuple[int, ...]) -> set[int]:
        """The tokens of the sentence's embedded questions ("police are investigating whether
        the lyrics incite the assault of gay people"): asked about, not reported as done."""
        doc = sent.doc
        out: set[int] = set()
        for i in questions:
            if not sent.start <= i < sent.end:
                continue
            mark = doc[i]
            clause = mark.head
            if mark.dep_ == "mark" and (mark.lower_ == "whether" or clause.dep_ == "ccomp"):
                out.update(range(clause.left_edge.i, clause.right_edge.i + 1))
        return out

    def undone(self, verb: Token) -> bool:
        """Whether the clause headed by ``verb`` names something not reported as done."""
        return (
            self._noun_content(verb)
            or self._future_time(verb)
            or self._condition(verb)
            or self._consequent(verb)
            or self._denied(verb)
            or self._judged(verb)
        )

    def _noun_content(self, verb: Token) -> bool:
        """Whether a clause is the content of a noun ("an admission that X murdered Y", "claims
        that X attacked Y", "fears that X will invade"): said or feared, not reported as done.
        A noun of speech or speculation (``event_words.tsv``, list ``speculation_noun``) takes
        its clause without "that" too ("refused to give succour to suggestions it was preparing
        for strikes"), where the parser may hang the clause on the verb: the noun just before
        the clause then claims it."""
        if verb.dep_ not in ("acl", "ccomp", "relcl"):
            return False
        if verb.head.pos_ in ("NOUN", "PROPN") and any(
            m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in verb.children
        ):
            return True
        start = verb.left_edge.i
        before = verb.doc[start - 1] if start > 0 else None
        return (
            before is not None
            and before.pos_ == "NOUN"
            and before.lemma_.lower() in self.lexicon.speculation_nouns
        )

    def _future_time(self, verb: Token) -> bool:
        """Whether a clause is a time clause ("when X meets ...") of a clause that is future or
        only possible ("a deal could be reached in December, when WTO members gather for a
        summit"): it dates what is expected, and has not happened either."""
        if verb.dep_ not in ("advcl", "relcl") or not any(
            c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in verb.children
        ):
            return False
        main = verb.head
        for _ in range(self.config.max_clause_climb):
            if main.pos_ in VERB_POS or main.head is main:
                break
            main = main.head
        return main.pos_ in VERB_POS and (
            self.reader.unreal(main) or bool(self.reader.aux(main) & FUTURE_AUX)
        )

    def aim(self, verb: Token) -> Token | None:
        """The verb whose purpose a clause is ("raised $250,000 to advertise the release and
        support the foundation": "raised"), ``None`` when it is none: a to-infinitive adjunct
        names an aim, not an act reported as done, and a conjunct without a subject of its own
        shares it. The coder leaves out the aim of a verb that is no event word and codes
        nothing ("advertise", "raise $250,000"), but keeps an aim to protest ("shunned work
        to protest": the act is the protest); the purpose of a coded event is
        ``EventCoder._result_of``'s."""
        tok = verb
        for _ in range(self.config.max_clause_climb):
            if tok.dep_ != "conj" or tok.head is tok or to_infinitive(tok) or first_subject(tok):
                break
            tok = tok.head
        head = tok.head
        if tok.dep_ == "advcl" and to_infinitive(tok) and head is not tok and head.pos_ in VERB_POS:
            return head
        return None

    def _judged(self, verb: Token) -> bool:
        """Whether a clause is a gerund that a verb of judgement takes with an "as" predicate
        ("China's leaders see reforming the banks as vital", "regards talking to X as futile";
        ``event_words.tsv``, list ``judging_verb``): an activity weighed, not reported as done."""
        head = verb.head
        return (
            verb.tag_ == "VBG"
            and verb.dep_ in ("xcomp", "ccomp", "dobj")
            and head.i != verb.i
            and head.lemma_.lower() in self.lexicon.judging_verbs
            and any(
                t.lower_ == "as" and t.dep_ in ("prep", "advmod")
                for t in (
                    *head.children,
                    *verb.children,
                    *(g for c in verb.children if c.pos_ == "ADJ" for g in c.children),
                )
            )
        )

    def _denied(self, verb: Token) -> bool:
        """Whether a clause is the content of a negated verb ("the withdrawal did not mean that
        Libya had cut its ties", "did not say that X attacked"): not reported as done."""
        return verb.dep_ == "ccomp" and verb.head is not verb and self.reader.negated(verb.head)

    @staticmethod
    def _condition(verb: Token) -> bool:
        """Whether a clause is a condition ("... unless X arranged a ceasefire", "if X
        attacks"): what it names has not happened, it is what another act depends on."""
        return verb.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in verb.children
        )

    def _consequent(self, verb: Token) -> bool:
        """Whether a clause is what an if-condition makes depend on it: a main clause that
        states no intent ("if X attacks, Y retaliates"; "Y will retaliate if ..." stays a
        conditional intent or threat), or a relative clause in one ("if the cabinet approves,
        this will be the first deal that Iraq has signed"): hypothetical, not done."""
        if verb.dep_ in ("relcl", "acl"):
            main = verb.head
            for _ in range(self.config.max_clause_climb):
                if main.pos_ in VERB_POS or main.head is main:
                    break
                main = main.head
            return main.pos_ in VERB_POS and self._conditioned(main)
        return (
            self._conditioned(verb)
            and not self.reader.aux(verb) & FUTURE_AUX
            and not self.reader.going_to(verb)
        )

    @staticmethod
    def _conditioned(verb: Token) -> bool:
        """Whether a clause has a condition clause ("if X attacks") of its own."""
        return any(c.dep_ == "advcl" and Assertion._condition(c) for c in verb.children)
