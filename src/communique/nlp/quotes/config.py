"""Tuning of the quotation extractor: the numbers ``communique_quotes`` takes from its config."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteConfig:
    """The extractor's tuning numbers; the defaults are the factory's ``default_config``
    (``communique.nlp.components``), which is where a pipeline's values are set."""

    min_words_attributed: int = 2
    """A quoted stretch next to a cue needs this many words to be a direct quotation ..."""
    min_words_speechlike: int = 4
    """... and this many (else a verb, or closing punctuation) to read as speech."""
    min_words_unattributed: int = 6
    """A quoted stretch with no cue needs this many words (and a verb) to count."""
    max_title_words: int = 6
    """A quoted stretch of at most this many words, all capitalised, is a title or a name."""
    max_term_words: int = 2
    """Quoted words, this many or fewer, that no cue attributes are a term, no quotation
    (scare quotes: "the year of “quiet luxury”")."""
    max_cue_gap_before: int = 10
    """Tokens allowed between a cue before a quote and its opening mark ("Kerry told
    reporters,")."""
    max_cue_gap_after: int = 8
    """Tokens allowed between a closing mark and a cue after it (", Obama said during ...") ..."""
    max_cue_gap_apposition: int = 45
    """... or this many when the speaker stands between them with an apposition ("Burman,
    director of the Tax Policy Center, said")."""
    max_source_paras: int = 1
    """An uncued direct quote continues the quote before it (same speaker) when it is at most
    this many paragraphs after it."""
    max_continuation_paras: int = 2
    """How far back (in paragraphs) an uncued direct quote still without a speaker looks for
    the speaker of an earlier quote ..."""
    max_lead_in_paras: int = 1
    """... else how far ahead, for a quote that leads into the next one ("..., she said")."""
    speaker_memory_paras: int = 1
    """A paragraph's current speaker (whom "he said" prefers) is forgotten when the next quote
    is more than this many paragraphs further on."""
    max_pronoun_distance: int = 400
    """A speaker pronoun refers to an actor mentioned at most this many tokens before it."""
    min_first_person_paras: int = 3
    """A piece is in the first person (its "I" is the author) when the writer says "I", "me"
    or "my" outside quotations in at least this many paragraphs ..."""
    min_first_person_share: float = 0.2
    """... and in at least this share of its paragraphs."""
    min_content_tokens: int = 2
    """A cue's reported clause needs this many tokens (one word is no report) ..."""
    min_noun_content_tokens: int = 3
    """... and a report noun's clause ("his claim that ...") this many."""
    max_subject_climb: int = 3
    """How many heads a cue verb without a subject climbs (through xcomp, conj, advcl ...) to
    find its speaker ("Trump said, adding ...")."""
    max_object_climb: int = 6
    """How many heads quoted words climb to the verb whose object holds them ("called the test
    “a clear violation”")."""
    min_label_body_words: int = 4
    """A paragraph opening with a speaker label ("PENCE: ...") needs this many words after it."""
    max_signature_tail: int = 40
    """A dash signature after a quote ("” ― Name") may be followed by at most this many
    characters on its line."""
    report_attitudes: bool = False
    """Also report, as indirect quotes, what a cue names that is no proposition: attitudes and
    intentions ("wants to build a wall", "opposes the deal"), embedded questions ("explained
    why ...") and topics ("talked about taxes"). Attribution corpora such as PolNeAR annotate
    these; a reader looking for what was said does not (``cues.proposition``)."""
