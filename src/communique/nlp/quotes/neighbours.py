"""Speakers from the quotes around a quote: what its own cue cannot tell.

* ``previous_speaker``: an unresolved "he", "she" or "they" takes the speaker of the quote
  before it when the sentence right before names that speaker by a noun phrase of its number;
* ``nearby_speakers``: a quotation with no cue of its own continues the nearest quote with a
  speaker before it, if that quote is words, not a thought (past a thought only to the same
  speaker), else leads into the quote after it (a quotation, or a report in its own
  paragraph).
"""

from __future__ import annotations

from ..extensions import QuoteSpan
from .config import QuoteConfig
from .coref import agrees, is_resolvable_pronoun, just_before


def previous_speaker(quote: QuoteSpan, before: QuoteSpan) -> None:
    """An unresolved "he", "she" or "they" takes the speaker of the quote ``before`` when
    that speaker is named by a noun phrase of its number in the sentence right before ("An
    actress playing an anchor reports that ... Then she demands ...")."""
    pronoun = quote.speaker[0] if quote.speaker is not None and len(quote.speaker) == 1 else None
    mention = before.speaker
    if pronoun is None or mention is None or not is_resolvable_pronoun(pronoun):
        return
    if just_before(mention, pronoun) and agrees(mention, pronoun):
        quote.actor, quote.speaker_name = before.actor, before.speaker_name


def _lender_before(
    quotes: list[QuoteSpan], paras: list[int], lenders: list[bool], n: int, max_paras: int
) -> int | None:
    """The quote before quote ``n`` whose speaker an uncued quotation continues: the nearest
    with a speaker, within ``max_paras`` paragraphs, if it is words (``lenders``); past a
    thought only to words of the same speaker ("told ... that while he believes ..., he does
    not expect ..."), else none ("Jones, some pundits believe, is ...": not Jones, not an
    earlier speaker)."""
    thinker: str | None = None
    for m in range(n - 1, -1, -1):
        quote = quotes[m]
        if quote.speaker is None:
            continue
        if paras[n] - paras[m] > max_paras:
            return None
        name = quote.actor.id if quote.actor is not None else quote.speaker_name
        if lenders[m]:
            return m if thinker is None or thinker == name else None
        if name is None:
            continue  # a thought of someone unresolved ("he does not expect ...") tells nothing
        if thinker is not None and thinker != name:
            return None
        thinker = name
    return None


def nearby_speakers(
    quotes: list[QuoteSpan], paras: list[int], lenders: list[bool], config: QuoteConfig
) -> None:
    """A direct quote with no cue of its own takes the speaker of the quote before it (within
    ``config.max_continuation_paras`` paragraphs), else of the quote right after it (within
    ``config.max_lead_in_paras``: a quoted paragraph that leads into "“...,” she said", a
    quotation, or a report in its own paragraph); only a quote that ``lenders`` allows
    (words, not a thought) lends its speaker to the quotes after it (``_lender_before``)."""
    for n, quote in enumerate(quotes):
        if quote.kind != "direct" or quote.speaker is not None or quote.cue is not None:
            continue
        before = _lender_before(quotes, paras, lenders, n, config.max_continuation_paras)
        after = next(
            (
                m
                for m in range(n + 1, len(quotes))
                if quotes[m].speaker is not None and paras[m] - paras[n] <= config.max_lead_in_paras
            ),
            None,
        )
        if after is not None and quotes[after].kind == "indirect" and paras[after] != paras[n]:
            after = None  # a report in the next paragraph is someone else's, not a lead-in
        source = before if before is not None else after
        if source is not None:
            other = quotes[source]
            quote.speaker, quote.actor, quote.speaker_name = (
                other.speaker,
                other.actor,
                other.speaker_name,
            )


__all__ = ["nearby_speakers", "previous_speaker"]
