"""Tests for the quotation extractor: kinds, speakers, layouts (small hand-made texts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from communique.knowledge.cues import load_cues
from communique.nlp.extensions import QuoteSpan
from communique.nlp.quotes.index import DocIndex
from communique.nlp.quotes.layout import label_before, signature_after, transcript_paragraphs
from communique.nlp.quotes.marks import find_quoted
from communique.nlp.quotes.pieces import quoted_pieces


def quotes(nlp: Language, text: str) -> list[QuoteSpan]:
    doc = nlp(text)
    found: list[QuoteSpan] = doc._.quotes
    return found


def content(q: QuoteSpan) -> str:
    return " | ".join(f.text for f in q.fragments)


# ---------------------------------------------------------------- direct quotations


@pytest.mark.parametrize(
    ("text", "speaker", "quoted"),
    [
        (
            "“We will discuss these differences today,” Kerry said.",
            "Kerry",
            "We will discuss these differences today,",
        ),
        ("“We must act on this now,” said Kerry.", "Kerry", "We must act on this now,"),
        (
            "Kerry told reporters, “it is no secret that we disagree.”",
            "Kerry",
            "it is no secret that we disagree.",
        ),
        ("Kerry said: “We must act on this now.”", "Kerry", "We must act on this now."),
        (
            "Through an interpreter, Lavrov said, “Syria is at the top of our agenda.”",
            "Lavrov",
            "Syria is at the top of our agenda.",
        ),
        (
            "“This is not the end of the road,” Kerry warned on Friday.",
            "Kerry",
            "This is not the end of the road,",
        ),
        (
            '"We will not give up on this fight," Warren wrote.',
            "Warren",
            "We will not give up on this fight,",
        ),
    ],
)
def test_direct_quote_and_speaker(nlp: Language, text: str, speaker: str, quoted: str) -> None:
    found = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert len(found) == 1
    assert content(found[0]) == quoted
    assert found[0].speaker is not None and speaker in found[0].speaker.text
    assert found[0].speaker_name is not None and speaker in found[0].speaker_name


def test_colon_lead_in_at_the_end_of_the_previous_paragraph(nlp: Language) -> None:
    text = (
        "Secretary of State John Kerry told reporters on Friday:\n\n"
        "“We will discuss these differences today, and we will make progress.”"
    )
    found = quotes(nlp, text)
    assert [q.kind for q in found] == ["direct"]
    assert found[0].speaker_name is not None and "Kerry" in found[0].speaker_name


def test_quote_over_two_paragraphs_is_one_quote_attributed_at_its_end(nlp: Language) -> None:
    text = (
        "“We made a lot of progress on many issues this year.\n\n"
        "“There has been cooperation in some areas and competition in others,” Obama said."
    )
    found = quotes(nlp, text)
    assert len(found) == 1
    assert len(found[0].fragments) == 2
    assert found[0].speaker is not None and found[0].speaker.text == "Obama"


def test_split_quote_is_one_quote_with_two_fragments(nlp: Language) -> None:
    text = (
        "“One thing I would emphasize is that on Syria,” Kerry said, “while we do not always "
        "agree, the answer is a political solution.”"
    )
    found = quotes(nlp, text)
    assert len(found) == 1
    assert [f.text for f in found[0].fragments] == [
        "One thing I would emphasize is that on Syria,",
        "while we do not always agree, the answer is a political solution.",
    ]
    assert found[0].cue is not None and found[0].cue.text == "said"
    assert found[0].speaker is not None and found[0].speaker.text == "Kerry"


@pytest.mark.parametrize(
    "text",
    [
        # a quoted paragraph with no cue after an attributed quote
        "“We made a lot of progress on many issues,” Obama said.\n\n“There has been cooperation "
        "in some areas and competition in others.”",
        # the second quoted sentence after the cue
        "“We made a lot of progress on many issues,” Obama said. “There has been cooperation in "
        "some areas and competition in others.”",
    ],
)
def test_continuations_keep_the_speaker(nlp: Language, text: str) -> None:
    found = quotes(nlp, text)
    assert len(found) == 2
    assert [q.kind for q in found] == ["direct", "direct"]
    assert all(q.speaker_name is not None and "Obama" in q.speaker_name for q in found)


@pytest.mark.parametrize(
    "text",
    [
        "It was under that backdrop that Hagel and Kerry’s “2+2 meeting” went on as scheduled.",
        "Senator Robert “Bobby” Scott threw open his home to the public on Saturday.",
        "The crowd cheered when the “Star Wars” theme started to play at the rally.",
        "“Fox News Sunday” aired a long interview with the senator on Sunday morning.",
        # a name in apposition: a show, a film, a nickname
        "The director makes this clear in her stunning new documentary “13th.” It is long.",
        'Trump unloaded on Cruz, yoking him with the nickname "Lyin\' Ted." It stuck.',
        # one hedged word modifying a noun
        "He has been criticized by physicians for promoting “quack” medical cures.",
        # a quoted phrase modifying a noun: a label for a kind of thing, not reported words
        "The ministry added a “fair access” clause to the supply contracts last year.",
        "Kindness may help them give up the “look-how-much-I-know” routine.",
        "The coach dropped his “win at all costs” approach after the defeat.",
        "The panel also heard from two “Silent Spring” scholars on Monday.",
        # quoted words that are a prepositional phrase of their own: an adverbial
        "She goes “under the bridges” and into the camps to find the people she helps.",
        # a title after a preposition: a show or a film, not words said
        "All three deaths are depicted in “The Last Match,” except the youngest brother's.",
        "The Yankees star appeared on “Good Morning America” on Monday.",
    ],
)
def test_scare_quotes_titles_and_nicknames_are_not_quotations(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Plans include funding for colleges to help young graduates find jobs and “taster "
        "courses” for men and women.",
        "The scheme helps young nurses find homes and “starter flats” in the city.",
    ],
)
def test_a_quoted_term_listed_with_plain_nouns_is_no_quotation(nlp: Language, text: str) -> None:
    # "find" here is getting something, not a finding: the quoted words are one named item
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The audit found “serious failings” in the accounts of the council.", "The audit"),
        ("The audit found fraud and “serious failings” in the accounts.", "The audit"),
        (
            "The inspectors found “serious failings” in the accounts of the council.",
            "The inspectors",
        ),
    ],
)
def test_a_quoted_term_that_is_found_is_a_mixed_quote(
    nlp: Language, text: str, speaker: str
) -> None:
    found = quotes(nlp, text)
    assert [q.kind for q in found] == ["mixed"]
    assert "serious failings" in content(found[0])
    assert found[0].speaker is not None and found[0].speaker.text == speaker


# ---------------------------------------------------------------- mixed and indirect


def test_mixed_quote_keeps_the_reported_clause(nlp: Language) -> None:
    found = quotes(nlp, "Lavrov said the two nations “are united by a shared responsibility.”")
    assert [q.kind for q in found] == ["mixed"]
    assert content(found[0]).startswith("the two nations")
    assert "are united by a shared responsibility" in content(found[0])
    assert found[0].speaker is not None and found[0].speaker.text == "Lavrov"


@pytest.mark.parametrize(
    ("text", "speaker", "reported"),
    [
        (
            "Obama said the Snowden case was just the latest in a series of disagreements.",
            "Obama",
            "the Snowden case was just the latest in a series of disagreements",
        ),
        (
            "Senior administration officials told reporters that the meetings were positive.",
            "Senior administration officials",
            "that the meetings were positive",
        ),
        (
            "The talks will resume next week, according to a senior official.",
            "a senior official",
            "The talks will resume next week",
        ),
        (  # a paragraph follows: its break is no part of the sentence's content
            "The talks will resume next week, according to a senior official.\n\nNo date was set.",
            "a senior official",
            "The talks will resume next week",
        ),
        (
            "According to a senior official, the talks will resume next week in Geneva.",
            "a senior official",
            "the talks will resume next week in Geneva",
        ),
        (
            "Lavrov was quoted as saying that the talks had been useful.",
            "Lavrov",
            "that the talks had been useful",
        ),
        (
            "The economy is slowing down, the minister said on Monday.",
            "the minister",
            "The economy is slowing down",
        ),
        (
            "The museum, Mr. Obama said, would make visitors face uncomfortable truths.",
            "Mr. Obama",
            "The museum, Mr. Obama said, would make visitors face uncomfortable truths",
        ),
        (
            "A spokesman said the company would appeal the ruling.",
            "A spokesman",
            "the company would appeal the ruling",
        ),
    ],
)
def test_indirect_quote(nlp: Language, text: str, speaker: str, reported: str) -> None:
    found = quotes(nlp, text)
    assert [q.kind for q in found] == ["indirect"]
    assert content(found[0]) == reported
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "reported"),
    [
        # an addressee and an infinitive: the request is reported
        (
            "NBC moderator Matt Lauer asked the candidates to discuss their own ideas.",
            "Matt Lauer",
            "the candidates to discuss their own ideas",
        ),
        (
            "Mr. Obama told his advisers to find a way around Congress on emissions.",
            "Mr. Obama",
            "his advisers to find a way around Congress on emissions",
        ),
        # a complement without "that" that the parser took for an adverbial clause
        (
            "Trump said after the convention he would not accept Cruz's endorsement.",
            "Trump",
            "after the convention he would not accept Cruz's endorsement",
        ),
        # "that" after the addressee, parsed as a relative clause
        (
            "In Honolulu, he told a meeting of island leaders that few people understood "
            "the stakes.",
            "he",
            "that few people understood the stakes",
        ),
        # a cue between commas after the subject of the clause it reports
        (
            "The difference now, he told me on Friday, is that he anchors a news program.",
            "he",
            "The difference now, he told me on Friday, is that he anchors a news program",
        ),
        # the comma before a sentence-final cue parsed into the reported clause
        (
            "Trump could embrace clean energy, but only if he can be convinced that it is a "
            "good business decision, Sen. Lindsey Graham told The Huffington Post on Thursday.",
            "Lindsey Graham",
            "Trump could embrace clean energy, but only if he can be convinced that it is a "
            "good business decision",
        ),
    ],
)
def test_indirect_quote_read_past_parser_attachments(
    nlp: Language, text: str, speaker: str, reported: str
) -> None:
    found = [q for q in quotes(nlp, text) if q.kind == "indirect"]
    assert [content(q) for q in found] == [reported]
    assert found[0].speaker is not None and found[0].speaker.text.endswith(speaker)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "Polls show that the contest in the state is close.",
            ["that the contest in the state is close"],
        ),
        ("Police found that the car had been in a ditch.", ["that the car had been in a ditch"]),
    ],
)
def test_evidential_clauses_are_reported(nlp: Language, text: str, reported: list[str]) -> None:
    assert [content(q) for q in quotes(nlp, text) if q.kind == "indirect"] == reported


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "reported"),
    [
        (
            "Trump repeated his claim that the election was rigged against him.",
            "claim",
            "his",
            "that the election was rigged against him",
        ),
        (
            "Clinton broke her promise to release the transcripts of her speeches.",
            "promise",
            "her",
            "to release the transcripts of her speeches",
        ),
        (
            "Clinton seized on a New York Times report that Trump had lost $915 million.",
            "report",
            "New York Times",
            "that Trump had lost $915 million",
        ),
    ],
)
def test_report_nouns(nlp: Language, text: str, cue: str, speaker: str, reported: str) -> None:
    found = [q for q in quotes(nlp, text) if q.cue is not None and q.cue.text == cue]
    assert [content(q) for q in found] == [reported]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        # an infinitive after a report noun that is no request or commitment
        "The experts praised the proposals to benefit small businesses in the state.",
        # a noun that merely names a topic
        "The committee issued its statement on Friday after a long meeting.",
    ],
)
def test_report_nouns_without_a_reported_clause_are_not_quotes(nlp: Language, text: str) -> None:
    assert [
        q
        for q in quotes(nlp, text)
        if q.cue is not None and q.cue.text in ("proposals", "statement")
    ] == []


@pytest.mark.parametrize(
    "text",
    [
        "It is believed that more than 270 hunts went out on Saturday.",
        "Everything went well at the summit, and it was reported that the talks would go on.",
    ],
)
def test_impersonal_reports_have_no_speaker_and_are_not_quotes(nlp: Language, text: str) -> None:
    assert [q for q in quotes(nlp, text) if q.kind == "indirect"] == []


def test_quoted_words_in_a_reported_clause_are_one_mixed_quote(nlp: Language) -> None:
    text = "Senior officials told reporters that Snowden “did not dominate the agenda” at all."
    found = quotes(nlp, text)
    assert [q.kind for q in found] == ["mixed"]
    assert content(found[0]).startswith("that Snowden")


def test_unnamed_group_speaker_keeps_its_phrase(nlp: Language) -> None:
    found = quotes(nlp, "Senior administration officials said the tone was positive.")
    assert found[0].speaker_name is not None
    assert "officials" in found[0].speaker_name.lower()


def test_speaker_that_is_no_actor_is_the_full_noun_phrase(nlp: Language) -> None:
    found = quotes(nlp, "The New York Post reports that the team avoided the emergency room.")
    assert found[0].speaker is not None and found[0].speaker.text == "The New York Post"
    assert found[0].speaker_name is not None and "Post" in found[0].speaker_name


def test_pronoun_speaker_is_resolved_to_the_current_speaker(nlp: Language) -> None:
    text = (
        "“We have a lot of work to do,” John Kerry said on Friday.\n\n"
        "“We will talk again soon about Syria,” he said."
    )
    found = quotes(nlp, text)
    assert len(found) == 2
    assert found[1].speaker is not None and found[1].speaker.text == "he"
    assert found[1].speaker_name is not None and "Kerry" in found[1].speaker_name


# ---------------------------------------------------------------- layout attributions


def test_transcript_labels(nlp: Language) -> None:
    text = (
        "Partial transcript as follows:\n\n"
        "WALLACE: Let us start with breaking news on the debate story tonight.\n\n"
        "PENCE: Well, look, this is serious business for the American people."
    )
    labelled = transcript_paragraphs(text)
    assert [text[a.label[0] : a.label[1]] for a in labelled] == ["WALLACE", "PENCE"]
    found = quotes(nlp, text)
    assert [q.speaker_name for q in found] == ["WALLACE", "PENCE"]


@pytest.mark.parametrize("verb", ["Said", "Added", "Wrote"])
def test_inverted_attribution_label_names_the_speaker_after_the_verb(
    nlp: Language, verb: str
) -> None:
    text = f"The senator left.\n\n{verb} Ellis: “We have to be careful about what we promise.”"
    labelled = transcript_paragraphs(text, cue_words=load_cues().words)
    assert [text[a.label[0] : a.label[1]] for a in labelled] == ["Ellis"]
    assert text[labelled[0].body[0] :].startswith("We have")
    if verb == "Said":  # the label must still read as a name to the parser
        found = quotes(nlp, text)
        assert [q.speaker.text for q in found if q.speaker is not None] == ["Ellis"]


def test_dash_signature(nlp: Language) -> None:
    text = "“The most unqualified candidate in our history.” ― Oscar P. Quintero\n“Next one.”"
    sig = signature_after(text, text.index("”"))
    assert sig is not None and text[sig[1] : sig[2]] == "Oscar P. Quintero"
    found = quotes(nlp, text)
    assert found[0].speaker is not None and found[0].speaker.text == "Oscar P. Quintero"


@pytest.mark.parametrize(
    ("tail", "name"),
    [
        (" - Newcastle boss Graeme Souness\n", "Graeme Souness"),
        (" ― former England captain Alan Shearer.\n", "Alan Shearer"),
        (" - Oscar P. Quintero\n", "Oscar P. Quintero"),
    ],
)
def test_a_dash_signature_names_the_person_after_the_role(tail: str, name: str) -> None:
    text = "“We were not up for the battle.”" + tail
    sig = signature_after(text, text.index("”"))
    assert sig is not None and text[sig[1] : sig[2]] == name


MATCH_REPORT = (
    "Shearer scored twice.\n\n"
    '- Bolton boss Sam Allardyce "I am bitterly disappointed with the result. '
    '"We allowed them to heap too much pressure on us, and in the end we cracked." \n'
    ' - Newcastle boss Graeme Souness "We deserved the win. We had a really good second half.\n'
)


def test_a_dash_label_announces_the_quotations_after_it(nlp: Language) -> None:
    text = MATCH_REPORT
    label = label_before(text, text.index('"We deserved'))
    assert label is not None and text[label[1] : label[2]] == "Graeme Souness"
    found = quotes(nlp, text)
    speakers = [(q.fragments[0].text[:12], q.speaker_name) for q in found]
    assert speakers == [
        ("I am bitterl", "Sam Allardyce"),
        ("We allowed t", "Sam Allardyce"),
        ("We deserved ", "Graeme Souness"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Prices rose.\n- and then they fell "as expected" by most.',
        "“It was a good day.”\n“And a better night.”",
    ],
)
def test_no_dash_label_without_a_dash_and_a_name(text: str) -> None:
    assert label_before(text, text.rindex("“" if "“" in text else '"', 0, len(text) - 5)) is None


def test_component_sets_an_empty_list_without_quotes(nlp: Language) -> None:
    assert quotes(nlp, "The weather was fine on Friday.") == []
    assert quotes(nlp, "") == []


# ---------------------------------------------------------------- quality gate on the seed

SEED_GOLD = (
    Path(__file__).resolve().parents[3] / "shared" / "examples" / "seed-defenseone-2013.gold.json"
)
if not SEED_GOLD.is_file():
    SEED_GOLD = Path("/work/shared/examples/seed-defenseone-2013.gold.json")


def _last_word(name: str | None) -> str:
    words = "".join(c if c.isalnum() else " " for c in (name or "").lower()).split()
    return words[-1] if words else ""


@pytest.mark.skipif(not SEED_GOLD.is_file(), reason="shared seed gold absent")
def test_seed_article_every_gold_quote_found_with_its_speaker(nlp: Language) -> None:
    import json

    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    found = quotes(nlp, gold["text"])
    covered = [
        (set().union(*(set(range(f.start_char, f.end_char)) for f in q.fragments)), q)
        for q in found
    ]
    misses = []
    for g in gold["quotes"]:
        chars = set(range(g["start"], g["end"]))
        best_cover, best = max(((len(chars & c), q) for c, q in covered), key=lambda x: x[0])
        speaker_ok = _last_word(best.speaker_name) == _last_word(g["speaker"]) or (
            g["speaker"].startswith("Senior") and "official" in (best.speaker_name or "").lower()
        )
        if best_cover / len(chars) < 0.8 or not speaker_ok:
            misses.append((g["quote"][:40], best.speaker_name))
    assert misses == []


def test_names_a_speaker_gives_in_a_list_stay_a_quotation(nlp: Language) -> None:
    text = "Trump called the pageant winner “Miss Piggy” and “Miss Housekeeping” on Monday."
    found = quotes(nlp, text)
    assert [(q.kind, q.speaker_name) for q in found] == [("mixed", "Trump")]


@pytest.mark.parametrize(
    "text",
    [
        # a thought lends no speaker to the quoted paragraphs after it, nor does anyone
        # named before it
        "Smith said on Monday that the plan would fail.\n\nDick Morris is, some pundits "
        "believe, the best strategist of his generation.\n\n“I think the greatest threat to "
        "democracy is bureaucracy. It is the growth of bodies of experts who know better.”",
        # a quoted paragraph leads only into a quotation, not into an indirect report
        "“Have you noticed how people are forgetting show etiquette? They are throwing things "
        "on stage.”\n\nThe singer Ana Lopez said last month that fans should stop throwing "
        "presents at performers.",
    ],
)
def test_a_quoted_paragraph_takes_its_speaker_only_from_words(nlp: Language, text: str) -> None:
    direct = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker is None


@pytest.mark.parametrize(
    ("text", "works"),
    [
        # titles listed together: names of works, whatever governs the list
        ("Her credits include “Silent Harbour,” “The Long Road” and “Night Shift.”", True),
        ("The band played “Hey Jude” or “Let It Be” at every show.", True),
        # names a cue gives, or given after "as", are someone's words
        ("Trump called the winner “Miss Piggy” and “Miss Housekeeping” on Monday.", False),
        ("He referred to her as “Miss Piggy” and “Miss Housekeeping” on Monday.", False),
    ],
)
def test_titles_listed_together_are_works(nlp: Language, text: str, works: bool) -> None:
    doc = nlp(text)
    pieces = quoted_pieces(
        doc, DocIndex(doc), find_quoted(doc.text), 6, cue_lemmas=frozenset(load_cues().lemmas)
    )
    assert len(pieces) >= 2 and all(p.work == works for p in pieces)


def test_a_thought_inside_a_speakers_report_does_not_stop_their_quotations(nlp: Language) -> None:
    text = (
        "Hodgson told reporters that while he believes the league should take a winter "
        "break, he does not expect it to cost English clubs.\n\n“I just feel it is very hard "
        "to say with certainty that teams who rested will have an edge over the others.”"
    )
    direct = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert [q.speaker_name for q in direct] == ["Hodgson"]


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        # the clause is the reporter's account of what the speaker did: only the quoted words
        (
            "Maria Ortiz runs a charity. In 2001, Ortiz founded a network of river groups that "
            "act as their “community's coast guard,” she told the Herald in 2016.",
            "direct",
            "community's coast guard,",
        ),
        # the speaker's name inside a report is the reporter's wording: the report stays
        (
            "Trump told the two officials they would look “terrible” if they signed off on "
            "Trump's defeat in the state.",
            "mixed",
            "they would look “terrible” if they signed off on Trump's defeat in the state",
        ),
    ],
)
def test_a_mixed_quote_about_its_own_speaker_is_their_quoted_words_only(
    nlp: Language, text: str, kind: str, words: str
) -> None:
    found = [q for q in quotes(nlp, text) if q.speaker is not None]
    assert [(q.kind, " | ".join(f.text for f in q.fragments)) for q in found] == [(kind, words)]
