"""What counts as a quotation: propositions reported by a cue, not attitudes, questions, noun
phrases or scare quotes; datelines, first-person pieces and pronouns of the sentence before."""

from __future__ import annotations

import dataclasses

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.nlp.extensions import QuoteSpan
from communique.nlp.quotes import QuoteConfig, QuoteExtractor
from communique.nlp.quotes.layout import datelines
from communique.nlp.quotes.reported import object_content


def analyse(nlp: Language, text: str, byline: tuple[str, ...] = ()) -> Doc:
    doc = nlp.make_doc(text)
    doc._.byline = byline
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    return doc


def quotes(nlp: Language, text: str, byline: tuple[str, ...] = ()) -> list[QuoteSpan]:
    found: list[QuoteSpan] = analyse(nlp, text, byline)._.quotes
    return found


def content(q: QuoteSpan) -> str:
    return " | ".join(f.text for f in q.fragments)


# ---------------------------------------------------------------- no proposition, no quote

ATTITUDES = [
    # infinitives of wanting, planning, refusing, offering
    "Clinton wants to triple the size of AmeriCorps.",
    "The company plans to open a new plant in Ohio.",
    "Trump refused to accept the result of the election.",
    "He offered to resign from the board.",
    "He declined to comment.",
    # bare noun phrases, a topic
    "Clinton opposes the trade deal.",
    "The senator complained about the microphone after the debate.",
    # findings that are things, not propositions
    "Polls show a close contest in the state.",
    "A 2014 study found 31 incidents of voter fraud.",
    "Police found the car in a ditch near the highway.",
    # embedded questions, and cues inside a question or a condition
    "He asked why the plant had closed.",
    "She explained how the plan would work.",
    "He was asked whether he thought the country was well governed.",
    "If she said that the plan would fail, she was wrong.",
    # a cue that a modal of possibility makes a mere possibility
    "If a lecturer breaks the rules, the college may decide that he has broken his contract.",
    "Some might argue that the new stadium is far too expensive.",
    "Officials refused to explain exactly how the money was spent.",
    # a wish, not a belief: an attitude's infinitive with a subject of its own, or an object
    # with a predicate after a cue of wanting
    "The chef does not want viewers to think he is perfect.",
    "Prosecutors want the trial scheduled while the local school is closed for the summer.",
    "Businesses wanted it frozen for a year.",
    # a cue that an attitude governs, a reflexive state, a comparison, a participle adjective
    "She refused to say that the deal was dead.",
    "The team find themselves fighting to avoid relegation.",
    "Staying at home would be like saying the critics were right.",
    "The outlook for the firm is promising, and the shares rose sharply.",
    # a small clause of perception or judgement: an evaluation, not a report
    "Fans found it interesting that the coach had never heard of her.",
    "Critics found the plan unworkable.",
    # a bare infinitive after a cue of perception: an event heard or seen, no proposition
    "The diver heard his friends talk about old wrecks on the sea floor.",
    # a participle that opens a condition is a conjunction: no one assumes anything
    "Assuming he wins on Saturday, the champion will fight again in March.",
    "The two boxers could meet in the spring supposing both of them win their next bouts.",
    # a free relative after a cue in a relative clause is a thing, no proposition
    "Dating is easier when you meet people who want what you want.",
    # a relative word moved out of the cue's complement leaves a gap: no complete clause
    "The new coach proved to be the man who he said he was all along.",
    "This is the bridge which the mayor said the city would rebuild.",
    "It is the house that she said she built.",
    # a finite verb without a subject is no clause: the parser took a word of the subject
    # for the cue (two verbs in a row) and the real verb for its complement
    "Their refusal to embrace acknowledge the mess that is their candidate in an election "
    "year also probably explains why it took so long to announce the news.",
]


@pytest.mark.parametrize("text", ATTITUDES)
def test_what_is_no_proposition_is_no_quote(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # an exclamative "how" before a degree word states a proposition
        (
            "The coach explained how important it is to train in the heat.",
            "how important it is to train in the heat",
        ),
        # a conditional "if" inside a reported clause opens no question
        ("He said if elected he would cut taxes.", "if elected he would cut taxes"),
        # "may have said" hedges a saying that happened; it is still reported
        (
            "The president may have said that the war would end soon.",
            "that the war would end soon",
        ),
        # a mandative subjunctive, which the tagger may take for a present, is a clause
        (
            "The senator is demanding the president make a pledge not to pardon his allies.",
            "the president make a pledge not to pardon his allies",
        ),
        # a clause, also from a document
        ("A 2014 study found that voter fraud was rare.", "that voter fraud was rare"),
        # what a request or a promise asks or commits to
        ("Obama called on Congress to act on climate change.", "Congress to act on climate change"),
        ("Smith vowed to bring back lost mining jobs.", "to bring back lost mining jobs"),
        # an infinitive with a subject of its own
        (
            "The expert expects prices to rise sharply next year.",
            "prices to rise sharply next year",
        ),
        # an object with a predicate
        (
            "The president accused the Saudi government of attempting to intimidate the families.",
            "the Saudi government of attempting to intimidate the families",
        ),
        ("She described Mr. Obama as a climate evangelist.", "Mr. Obama as a climate evangelist"),
        # a document's finding may be an evaluation
        ("The audit found the accounts unreliable.", "the accounts unreliable"),
        # a gerund clause names the action a request asks for, as an infinitive does
        (
            "The senator called for cutting the fuel tax to 10 percent.",
            "cutting the fuel tax to 10 percent",
        ),
        # private verbs of cognition report their clause
        (
            "Investors assumed that the bank had the backing of the government.",
            "that the bank had the backing of the government",
        ),
        (
            "The newspaper has learned that the minister resigned on Friday.",
            "that the minister resigned on Friday",
        ),
        # the complementizer after an aside that the parser hung from the clause
        (
            "Two economists warned, as did the union itself, that the new rules would hurt"
            " small farms.",
            "that the new rules would hurt small farms",
        ),
        # a relative word that is the cue's subject or adverbial leaves no gap in what is said
        ("Farmers who said the dam would fail were ignored.", "the dam would fail"),
        ("It was the night on which he said the strike was over.", "the strike was over"),
        # a non-restrictive relative states something of its antecedent, which the cue reports
        (
            "She praised the new stadium, which she said would be ready by May.",
            "which she said would be ready by May",
        ),
    ],
)
def test_propositions_are_indirect_quotes(nlp: Language, text: str, reported: str) -> None:
    assert [content(q) for q in quotes(nlp, text) if q.kind == "indirect"] == [reported]


def test_a_participle_of_belief_that_does_not_open_its_clause_still_reports(
    nlp: Language,
) -> None:
    text = "Many shoppers buy vegan snacks, sometimes assuming the product is healthier."
    assert [content(q) for q in quotes(nlp, text)] == ["the product is healthier"]


@pytest.mark.parametrize(
    ("text", "reported", "speaker"),
    [
        # a quotation after a colon, then the cue's own clause
        (
            'In a statement, the company said: "The mine was a success for many years,"'
            " adding that its value doubled in less than a year.",
            "that its value doubled in less than a year",
            "company",
        ),
        # the same with the cue before its clause and the quotation on its own line
        (
            'The company said in a statement: "The mine was a success for many years,"'
            " adding that its shares had doubled since the merger.",
            "that its shares had doubled since the merger",
            "company",
        ),
    ],
)
def test_the_cue_of_a_quotation_also_reports_its_own_clause(
    nlp: Language, text: str, reported: str, speaker: str
) -> None:
    found = [q for q in quotes(nlp, text) if q.kind == "indirect"]
    assert [content(q) for q in found] == [reported]
    assert found[0].speaker is not None and found[0].speaker.text.endswith(speaker)


def test_an_adverbial_after_the_cue_of_a_quotation_is_no_report(nlp: Language) -> None:
    text = (
        "\u201cYou should give the money back and resign,\u201d the senator told the banker,"
        " after he admitted under questioning he had not been held accountable."
    )
    assert [q.kind for q in quotes(nlp, text)] == ["direct"]


@pytest.mark.parametrize(
    ("text", "reported", "speaker"),
    [
        (
            "The economy, as Mr. Smith noted, is slowing down this year.",
            "The economy, as Mr. Smith noted, is slowing down this year",
            "Smith",
        ),
        (
            "As Trump said in his speech on Monday, the wall will be built by Mexico.",
            "the wall will be built by Mexico",
            "Trump",
        ),
        ("The prices rose, as analysts predicted.", "The prices rose", "analysts"),
    ],
)
def test_an_as_clause_reports_the_clause_it_qualifies(
    nlp: Language, text: str, reported: str, speaker: str
) -> None:
    found = [q for q in quotes(nlp, text) if q.kind == "indirect"]
    assert [content(q) for q in found] == [reported]
    assert found[0].speaker is not None and found[0].speaker.text.endswith(speaker)


@pytest.mark.parametrize(
    "text",
    [
        # temporal "as", and an "as" clause that is no aside
        "As he welcomed the guests, Scott was launching his bid for the seat.",
        "A slide that the aides carry as they speak to business leaders shows the costs.",
        "As expected, prices fell in March.",
    ],
)
def test_an_as_clause_that_is_no_aside_reports_nothing(nlp: Language, text: str) -> None:
    assert [q for q in quotes(nlp, text) if q.kind == "indirect"] == []


def test_attitudes_are_reported_when_the_component_is_told_to(nlp: Language) -> None:
    doc = analyse(nlp, "Clinton wants to triple the size of AmeriCorps.")
    config = dataclasses.replace(QuoteConfig(), report_attitudes=True)
    found = QuoteExtractor(config=config)(doc)._.quotes
    assert [content(q) for q in found] == ["to triple the size of AmeriCorps"]


# ---------------------------------------------------------------- scare quotes and terms


@pytest.mark.parametrize(
    "text",
    [
        "The less valuable mines were placed in a separate “liquidating trust.”",
        "Clarke bought a “philanthropub” in Roanoke last year.",
    ],
)
def test_a_short_quoted_term_that_no_cue_attributes_is_no_quote(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


def test_a_nickname_inside_a_name_is_no_quote(nlp: Language) -> None:
    text = (
        "A grand jury charged Somjeet Christopher “Lil Chris” Singh and Avin “Smalls” "
        "Seetaram with murder."
    )
    assert quotes(nlp, text) == []


def test_a_short_quoted_term_after_a_cue_is_still_a_mixed_quote(nlp: Language) -> None:
    found = quotes(nlp, "Trump called the deal “a disaster.”")
    assert [(q.kind, q.speaker_name) for q in found] == [("mixed", "Trump")]


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("WASHINGTON — The United States imposed new sanctions.", "WASHINGTON — "),
        ("TALLAHASSEE, Fla. (AP) — Florida State sued the league.", "TALLAHASSEE, Fla. (AP) — "),
        ("LOS ANGELES -- For six years, the video remained a secret.", "LOS ANGELES -- "),
        ("Title\n\nMILLVILLE - Two residents died on Friday.", "MILLVILLE - "),
        ("BMW-brand sales rose 2.3% to 80,600.", None),
        ("RM - ‘Indigo’ (2022)", None),
        ("US - China talks resumed.", None),
        ("QUARTER-FINALS (four times)", None),
    ],
)
def test_datelines(text: str, dateline: str | None) -> None:
    found = [text[a:b] for a, b in datelines(text)]
    assert found == ([dateline] if dateline else [])


def test_no_quote_starts_with_a_dateline(nlp: Language) -> None:
    text = "WASHINGTON — The United States imposed new sanctions on Russia, officials said."
    found = quotes(nlp, text)
    assert [content(q) for q in found] == ["The United States imposed new sanctions on Russia"]


def test_a_speaker_does_not_run_into_the_dateline(nlp: Language) -> None:
    text = "BRUSSELS - European leaders said they would put together a reform plan."
    found = quotes(nlp, text)
    assert [q.speaker.text for q in found if q.speaker is not None] == ["European leaders"]


# ---------------------------------------------------------------- "I", "we" and "he"

COLUMN = (
    "I have covered the council for ten years, and my view has not changed.\n\n"
    "Last week I sat through another meeting about the budget.\n\n"
    "I told the mayor that the plan would fail.\n\n"
    "My editor thinks the column is too harsh."
)
NEWS = (
    "The mayor defended the budget on Monday.\n\n"
    '"I told the council that the plan would work," she said.\n\n'
    "Critics said the plan would fail.\n\n"
    "I told the mayor that the plan would fail."
)


def _first_person(found: list[QuoteSpan]) -> QuoteSpan:
    return next(q for q in found if q.speaker is not None and q.speaker.text == "I")


def test_i_is_the_author_of_a_first_person_piece(nlp: Language) -> None:
    quote = _first_person(quotes(nlp, COLUMN, byline=("Jane Doe",)))
    assert (content(quote), quote.speaker_name) == ("that the plan would fail", "Jane Doe")


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        (COLUMN, ()),  # an author the input does not name
        (COLUMN, ("Jane Doe", "John Roe")),  # "I" is one of two
        (NEWS, ("Jane Doe",)),  # a report whose "I" is someone unnamed
    ],
)
def test_i_is_otherwise_unresolved(nlp: Language, text: str, byline: tuple[str, ...]) -> None:
    quote = _first_person(quotes(nlp, text, byline=byline))
    assert quote.speaker_name is None and quote.actor is None


@pytest.mark.parametrize(
    ("text", "pronoun", "speaker"),
    [
        # a person named by a description, subject of the sentence before
        (
            "The attorney general has again denied the claims.\n\n"
            'The reports were "wholly unfounded," he insisted on Monday.',
            "he",
            "attorney general",
        ),
        # the speaker of the quote in the sentence before, who is no actor
        (
            "An actress playing a news anchor reports that the hospital was bombed. "
            "Then she demands that the control room make the death toll higher.",
            "she",
            "An actress",
        ),
    ],
)
def test_a_pronoun_takes_its_antecedent_in_the_sentence_before(
    nlp: Language, text: str, pronoun: str, speaker: str
) -> None:
    found = [q for q in quotes(nlp, text) if q.speaker is not None and q.speaker.text == pronoun]
    assert found and all(speaker in (q.speaker_name or "") for q in found)


# ---------------------------------------------------------------- a predicate needs its object


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A doc with the parse given (heads as token indices), as the parser may leave it."""
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "form"),
    [
        # "called into X's show": the parser made "show" a predicate with no object
        (
            ["Smith", "called", "into", "Carter", "’s", "show", "."],
            [1, 1, 1, 5, 3, 1, 1],
            ["nsubj", "ROOT", "prep", "poss", "case", "oprd", "punct"],
            ["PROPN", "VERB", "ADP", "PROPN", "PART", "NOUN", "PUNCT"],
            "object",
        ),
        (
            ["Smith", "called", "the", "test", "a", "violation", "."],
            [1, 1, 3, 1, 5, 1, 1],
            ["nsubj", "ROOT", "det", "dobj", "det", "oprd", "punct"],
            ["PROPN", "VERB", "DET", "NOUN", "DET", "NOUN", "PUNCT"],
            "small_clause",
        ),
        (
            ["He", "was", "called", "a", "fraud", "."],
            [2, 2, 2, 4, 2, 2],
            ["nsubjpass", "auxpass", "ROOT", "det", "oprd", "punct"],
            ["PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
            "small_clause",
        ),
    ],
)
def test_a_predicate_is_a_small_clause_only_with_what_it_is_said_of(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], form: str
) -> None:
    doc = parsed(words, heads, deps, pos)
    verb = next(t for t in doc if t.lower_ == "called")
    found = object_content(doc, verb, verb.i + 1, phrasal=False)
    assert found is not None and found[1] == form


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "The committee chairman said individual voter registration, as opposed to "
            "registration by household, should be introduced quickly.",
            "individual voter registration, as opposed to registration by household, should be "
            "introduced quickly",
        ),
        (
            "The chief executive was explaining the firings amounted to one percent of staff.",
            "the firings amounted to one percent of staff",
        ),
        # a possessive before the object is the subject's own
        (
            "The lawyer argued her client, unlike the other defendants, had not been at the scene.",
            "her client, unlike the other defendants, had not been at the scene",
        ),
        # the one a cue addresses is no subject; the subject may follow it
        ("Her father told her Will was dead.", "Will was dead"),
        ("Her dad told her “Will's dead.”", "Will's dead."),
    ],
)
def test_the_object_the_parser_gave_the_cue_is_the_clauses_subject(
    nlp: Language, text: str, reported: str
) -> None:
    assert [content(q) for q in quotes(nlp, text)] == [reported]


def test_a_fronted_source_that_lists_several_ends_before_the_clause(nlp: Language) -> None:
    # the parser gives the verb two subjects: the end of the source's list and its own
    text = (
        "According to figures from the health ministry (MoH), the Red Cross (IFRC) and local "
        "officials as of Monday, floods have destroyed more than 2,000 homes."
    )
    assert [content(q) for q in quotes(nlp, text)] == [
        "floods have destroyed more than 2,000 homes"
    ]


def test_a_participle_between_commas_is_no_parenthetical_report(nlp: Language) -> None:
    # it shares the subject of the clause around it: it reports nothing of that clause
    text = (
        "The band responded to the backlash on Friday, posting more videos of the show with "
        "one captioned, \u201cIf you care enough to read the headlines, watch the whole show!\u201d"
    )
    found = quotes(nlp, text)
    assert not any(
        q.cue is not None and q.cue.text == "posting" and "responded" in content(q) for q in found
    )
