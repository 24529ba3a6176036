"""Report nouns: "his claim that ...", "Trump's promise to ...", "a New York Times report that".

A noun cue (type ``noun`` in ``cues.tsv``) reports its that-clause (or, for a directive noun
such as "promise" or "call", its infinitive).  The speaker is its possessor, else a name
compounded with it ("a New York Times report"), else the subject of the verb it is the object
of ("made the claim that ..."), when that subject can be a source and the verb makes, repeats
or affirms the report: a verb that is no cue ("made", "issued"), a cue of saying or writing
("repeated the claim that ...") or an affirming cue (``quote_words.tsv`` ``affirming_cue``:
"confirmed reports that ...").  Another cue answers or weighs a report someone else made
("denied reports that ...", "dismissed claims that ..."): the report's author is unknown and
it reports nothing (news annotation such as
PolNeAR leaves such a report without an author unannotated).  A noun with neither clause
nor infinitive ("issued a statement on Friday") reports nothing (``content`` ``None``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...knowledge.cues import CueLexicon
from ..syntax import VERB_POS, to_infinitive
from .config import QuoteConfig
from .cues import Attribution, CueHit
from .reported import ContentForm, subtree_range, trim
from .subjects import animate, impersonal, subject_of

_MAKING_CLASSES = frozenset({"reporting", "written"})
"""Classes of the cues (``cues.tsv``) whose subject says or writes the report noun that is
their object ("repeated the claim that ...", "posted a statement saying ..."); the subject of
any other cue responds to a report by someone else ("denied reports that ...")."""


def noun_report(doc: Doc, hit: CueHit, lexicon: CueLexicon, config: QuoteConfig) -> Attribution:
    """A report noun: its that-clause (or, for a directive noun, its infinitive) is the content,
    its possessor the speaker ("Trump's promise to build a wall", "his claim that ...")."""
    noun = doc[hit.verb]
    speaker = next((c.i for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None:
        # "a New York Times report that ...": the name compounded with the noun
        names = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        speaker = names[-1].i if names else None
    if speaker is None and noun.dep_ in ("dobj", "pobj") and noun.head.pos_ in VERB_POS:
        # "made the claim that ...", "issued a statement saying ..."
        verb = noun.head
        cue = lexicon.word(verb.lower_, verb.lemma_.lower())
        made = (
            cue is None
            or cue.cls in _MAKING_CLASSES
            or verb.lemma_.lower() in lexicon.affirming_cues
        )
        subj = subject_of(verb, config.max_subject_climb) if made else None
        if subj is not None and not impersonal(subj) and animate(subj, lexicon):
            speaker = subj.i
    content: tuple[int, int] | None = None
    form: ContentForm = "clause"
    for child in noun.rights:
        first = child.left_edge
        if child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in VERB_POS:
            opened = first.lower_ == "that" and first.dep_ == "mark"
            to_inf = to_infinitive(child)
            saying = child.lower_ in lexicon.report_participles and child.dep_ == "acl"
            directive = hit.cue.cls == "directive" and to_inf and first.lower_ == "to"
            if opened or directive or saying:
                content = trim(doc, *subtree_range(child))
                form = "infinitive" if directive and not opened else "clause"
                break
    if content is not None and content[1] - content[0] < config.min_noun_content_tokens:
        content = None
    return Attribution(hit, speaker, content, form=form)
