"""Tests for who can be a speaker: resolved or unresolved pronouns, the generic "you", things
that cannot speak (amounts, events), and questions a cue says were not answered."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.knowledge.cues import load_cues
from communique.nlp.extensions import QuoteSpan
from communique.nlp.quotes import QuoteConfig
from communique.nlp.quotes.cues import attribution, find_cues
from communique.nlp.quotes.speakers import tidy_name


def quotes(nlp: Language, text: str) -> list[QuoteSpan]:
    found: list[QuoteSpan] = nlp(text)._.quotes
    return found


def content(q: QuoteSpan) -> str:
    return " | ".join(f.text for f in q.fragments)


def test_a_pronoun_takes_its_antecedents_name(nlp: Language) -> None:
    text = (
        "Sergei Lavrov met his counterpart in Geneva on Friday. "
        "He said the two countries were united by a shared responsibility."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker is not None and q.speaker.text == "He"
    assert q.speaker_name == "Sergei Lavrov"


@pytest.mark.parametrize("given", ["Ali", "Kim", "Jordan"])
@pytest.mark.parametrize("pronoun", ["she", "he"])
def test_a_given_name_both_sexes_bear_agrees_with_either_pronoun(
    nlp: Language, given: str, pronoun: str
) -> None:
    text = (
        f"Dr. {given} Morgan runs an obesity clinic in Toronto. "
        f"“We are on the precipice of something new,” {pronoun} says."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker_name == f"{given} Morgan"


def test_the_who_of_an_infinitival_question_speaks_for_no_one(nlp: Language) -> None:
    text = "The town has not figured out who to cheer for in its game of “cops and robbers.”"
    assert all(q.speaker is None or q.speaker.text != "who" for q in quotes(nlp, text))


def test_a_which_that_opens_a_sentence_speaks_for_no_one(nlp: Language) -> None:
    text = (
        "The film follows a detective who works alone. Which is all to suggest that the "
        "country had not yet decided whom to root for."
    )
    assert [q.speaker_name for q in quotes(nlp, text)] in ([], [None])


@pytest.mark.parametrize(
    "text",
    [
        "The minister said that prices have risen sharply, adding that wages would follow.",
        "The agency pointed out that the number of nurses has fallen sharply, adding that at "
        "least 200 doctors have left.",
    ],
)
def test_adding_hung_on_a_reported_clause_is_the_reporters_act(nlp: Language, text: str) -> None:
    # the parser hangs ", adding that ..." on the reported clause; its subject adds nothing
    found = quotes(nlp, text)
    assert [content(q) for q in found][-1].startswith("that") and len(found) == 2
    assert found[0].speaker_name == found[1].speaker_name


def test_a_participle_on_a_reported_clause_about_someone_is_theirs(nlp: Language) -> None:
    text = (
        "Some aides have suggested that Mr Kemp has been a bad influence on the governor, "
        "urging him to act on his worst instincts."
    )
    urging = next(q for q in quotes(nlp, text) if q.cue is not None and q.cue.text == "urging")
    assert urging.speaker_name == "Kemp"


def test_a_passive_predicate_is_still_said_of_the_subject(nlp: Language) -> None:
    found = quotes(nlp, "The television doctor has been called a charlatan by fellow physicians.")
    assert [(content(q), q.speaker_name) for q in found] == [("a charlatan", "fellow physicians")]


@pytest.mark.parametrize(
    "text",
    [
        "The minister warned of “Armageddon” if the deal collapsed.",
        "Trump complained about “Obamacare” at the rally on Friday.",
    ],
)
def test_a_capitalised_word_a_cue_reports_on_stays_the_speakers(nlp: Language, text: str) -> None:
    assert [q.kind for q in quotes(nlp, text)] == ["mixed"]


def test_a_title_after_as_is_still_a_name_given_in_a_quote(nlp: Language) -> None:
    found = quotes(nlp, "The senator described the bill as “The Great Giveaway” on Monday.")
    assert [(q.kind, q.speaker_name) for q in found] == [("mixed", "the senator")]


def test_an_unresolved_pronoun_keeps_the_mention_but_no_name(nlp: Language) -> None:
    (q,) = quotes(nlp, "She said the committee would publish its findings in the spring.")
    assert q.speaker is not None and q.speaker.text == "She"
    assert q.actor is None and q.speaker_name is None


@pytest.mark.parametrize(
    "text",
    [
        "I said the committee would publish its findings in the spring.",
        "We told the board that the committee would publish its findings in the spring.",
    ],
)
def test_first_person_speakers_are_unresolved_not_named_i_or_we(nlp: Language, text: str) -> None:
    found = quotes(nlp, text)
    assert found
    for q in found:
        assert q.speaker is not None and q.speaker.text in ("I", "We")
        assert q.speaker_name is None


@pytest.mark.parametrize(
    "text",
    [
        "I think the committee will publish its findings in the spring.",
        "We believe the committee will publish its findings in the spring.",
        "I assume that the committee will publish its findings in the spring.",
    ],
)
def test_the_writers_own_thought_is_no_quotation(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "When you see an image like this, you say “This was made by a machine,” and move on.",
        "If you think the tax will cost families more, you are not alone.",
        "If one seeks to follow constitutional principles, the answer is simple.",
    ],
)
def test_the_generic_you_or_one_speaks_for_no_one(nlp: Language, text: str) -> None:
    found = quotes(nlp, text)
    assert all(q.speaker is None or q.speaker.text.lower() not in ("you", "one") for q in found)
    assert all(q.speaker_name not in ("you", "You", "one") for q in found)


def test_one_of_a_group_still_speaks(nlp: Language) -> None:
    (q,) = quotes(nlp, "One of the officials said the border would reopen on Monday.")
    assert q.speaker is not None and "officials" in q.speaker.text


@pytest.mark.parametrize(
    "text",
    [
        "Only 34% said the economy was getting better, the poll found.",
        "Talks showed that the two sides were still far apart on the border.",
    ],
)
def test_amounts_and_events_are_no_speakers(nlp: Language, text: str) -> None:
    for q in quotes(nlp, text):
        assert q.speaker is None or q.speaker.root.lower_ not in ("34", "%", "talks")


def test_the_two_said_is_still_a_speaker(nlp: Language) -> None:
    text = "Smith and Jones met in London. The two said they would meet again in March."
    assert any(q.speaker is not None and q.speaker.text == "The two" for q in quotes(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Google declined to say why it lost the certificate.",
        "The senator would not say whether he would run again next year.",
        "A spokesman refused to explain how the money was spent.",
        "Officials did not say what might happen next.",
    ],
)
def test_an_unanswered_question_is_no_quote(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "General Motors, whose brands include Opel and Vauxhall in Europe, is due to report "
            "earnings in January. It said profits would fall this year.",
            "General Motors",
        ),
        (
            "Andy Robinson said: “He is a natural leader and a great talent.” Jonny Wilkinson, "
            "who has scored 817 points, kicked the winning goal in the final. But he then "
            "missed the whole season. “Today I have realised a dream,” he said.",
            "Jonny Wilkinson",
        ),
    ],
)
def test_a_pronoun_prefers_the_subject_the_story_moved_on_to(
    nlp: Language, text: str, speaker: str
) -> None:
    last = quotes(nlp, text)[-1]
    assert last.speaker is not None and last.speaker.text.lower() in ("it", "he")
    assert last.speaker_name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "That said, mSpy is a solid choice for parents who want to monitor their children.",
        "That said, it is not perfect. The app still lacks a few features that rivals offer.",
    ],
)
def test_a_bare_demonstrative_is_no_speaker(nlp: Language, text: str) -> None:
    found = quotes(nlp, text)
    assert all(q.speaker is None or q.speaker.text.lower() not in ("that", "this") for q in found)


def test_a_demonstrative_with_its_noun_still_speaks(nlp: Language) -> None:
    (q,) = quotes(nlp, "That official said the border would reopen on Monday.")
    assert q.speaker is not None and "official" in q.speaker.text


# ---------------------------------------------------------------- where the speaker stands


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser took the cue's subject from inside the quotation
        (
            "“I will make this promise to you: we will get justice in this case,” Harbor"
            " police Chief Dana Whitley said Monday.",
            "Dana Whitley",
        ),
        # a participial aside between the name and the cue
        (
            "President Obama, opening the new library in Chicago on Saturday, said it would"
            " tell the story of the city.",
            "Obama",
        ),
    ],
)
def test_the_speaker_beside_the_cue(nlp: Language, text: str, speaker: str) -> None:
    found = [q for q in quotes(nlp, text) if q.speaker is not None]
    assert found and found[0].speaker is not None
    assert found[0].speaker.text.endswith(speaker)


def test_a_dateline_is_no_speaker(nlp: Language) -> None:
    text = "WASHINGTON -- President Obama said on Saturday the museum would tell an American story."
    (q,) = quotes(nlp, text)
    assert q.speaker is not None and q.speaker.text.endswith("Obama")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Times reports:\n\n“The council has spent twice its budget on consultants"
            " this year.”",
            "The Times",
        ),
        (
            "On July 6, Senator Reyes made the following comment:\n\n“For young people who"
            " have left school, the jobless rate is far higher than we admit.”",
            "Senator Reyes",
        ),
    ],
)
def test_a_colon_lead_in_attributes_the_quotation_whatever_its_cue(
    nlp: Language, text: str, speaker: str
) -> None:
    (q,) = quotes(nlp, text)
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The law created what has become known as the “sunset clause” for taxes.",
        "Let's focus on understanding exactly how the lenders set their rates.",
    ],
)
def test_things_and_exhortations_are_no_speakers(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


def test_a_headline_names_its_source_before_a_colon(nlp: Language) -> None:
    text = "Maria Lopez: The Council Has Failed Our Schools Again.\n\nThe teacher spoke on Monday."
    found = quotes(nlp, text)
    assert [q.speaker.text for q in found if q.speaker is not None] == ["Maria Lopez"]


def test_a_headline_label_the_story_names_as_a_person_is_a_source(nlp: Language) -> None:
    # the tagger leaves the headline's "Okafor" untagged; the story names her in full
    text = (
        "Okafor: The Council Has Failed Our Schools Again\n\nThe teacher Ngozi Okafor spoke "
        "to parents on Monday."
    )
    found = quotes(nlp, text)
    assert [(q.kind, q.speaker_name) for q in found] == [("direct", "Ngozi Okafor")]


def test_a_headline_label_must_be_a_name(nlp: Language) -> None:
    text = "Poll: Voters Turn Against the New Stadium Plan.\n\nThe survey was taken in May."
    assert quotes(nlp, text) == []


# The parser's mistakes, written out: each row is (word, POS, tag, dependency, head, entity).
Row = tuple[str, str, str, str, int, str]


def parsed(nlp: Language, rows: list[Row]) -> Doc:
    words = [r[0] for r in rows]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=[True] * len(words),
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        ents=[("B-" + r[5]) if r[5] else "O" for r in rows],
    )


def speaker_of(doc: Doc, cue: str) -> str | None:
    lexicon = load_cues()
    (hit,) = [h for h in find_cues(doc, lexicon) if doc[h.start].text == cue]
    attr = attribution(doc, hit, lexicon, QuoteConfig())
    return None if attr.speaker is None else doc[attr.speaker].text


def test_a_subject_inside_the_quotation_gives_way_to_the_name_before_the_cue(
    nlp: Language,
) -> None:
    doc = parsed(
        nlp,
        [
            ("“", "PUNCT", "``", "punct", 3, ""),
            ("We", "PRON", "PRP", "nsubj", 3, ""),
            ("will", "AUX", "MD", "aux", 3, ""),
            ("win", "VERB", "VB", "ROOT", 3, ""),
            (",", "PUNCT", ",", "punct", 3, ""),
            ("”", "PUNCT", "''", "punct", 3, ""),
            ("Chief", "PROPN", "NNP", "compound", 8, ""),
            ("Dana", "PROPN", "NNP", "compound", 8, "PERSON"),
            ("Whitley", "PROPN", "NNP", "dobj", 3, "PERSON"),
            ("said", "VERB", "VBD", "conj", 3, ""),
            (".", "PUNCT", ".", "punct", 3, ""),
        ],
    )
    assert speaker_of(doc, "said") == "Whitley"


def test_the_name_before_a_participial_aside_speaks(nlp: Language) -> None:
    doc = parsed(
        nlp,
        [
            ("President", "PROPN", "NNP", "compound", 1, ""),
            ("Obama", "PROPN", "NNP", "appos", 8, "PERSON"),
            (",", "PUNCT", ",", "punct", 8, ""),
            ("opening", "VERB", "VBG", "advcl", 8, ""),
            ("the", "DET", "DT", "det", 5, ""),
            ("library", "NOUN", "NN", "dobj", 3, ""),
            (",", "PUNCT", ",", "punct", 7, ""),
            ("said", "VERB", "VBD", "ROOT", 7, ""),
            ("Museums", "NOUN", "NNS", "nsubj", 9, ""),
            ("matter", "VERB", "VBP", "ccomp", 7, ""),
            (".", "PUNCT", ".", "punct", 7, ""),
        ],
    )
    assert speaker_of(doc, "said") == "Obama"


def test_a_dateline_subject_gives_way_to_the_name_in_apposition(nlp: Language) -> None:
    doc = parsed(
        nlp,
        [
            ("WASHINGTON", "PROPN", "NNP", "nsubj", 4, "GPE"),
            ("--", "PUNCT", ":", "punct", 0, ""),
            ("President", "PROPN", "NNP", "compound", 3, ""),
            ("Obama", "PROPN", "NNP", "appos", 0, "PERSON"),
            ("said", "VERB", "VBD", "ROOT", 4, ""),
            ("museums", "NOUN", "NNS", "nsubj", 6, ""),
            ("matter", "VERB", "VBP", "ccomp", 4, ""),
            (".", "PUNCT", ".", "punct", 4, ""),
        ],
    )
    assert speaker_of(doc, "said") == "Obama"


def test_a_cue_opening_its_sentence_has_its_subject_after_it(nlp: Language) -> None:
    doc = parsed(
        nlp,
        [
            ("Said", "VERB", "VBD", "ROOT", 0, ""),
            ("Ana", "PROPN", "NNP", "compound", 2, "PERSON"),
            ("Ruiz", "PROPN", "NNP", "dobj", 0, "PERSON"),
            (":", "PUNCT", ":", "punct", 0, ""),
            ("“", "PUNCT", "``", "punct", 5, ""),
            ("Nobody", "PRON", "NN", "nsubj", 6, ""),
            ("cares", "VERB", "VBZ", "ccomp", 0, ""),
            (".", "PUNCT", ".", "punct", 0, ""),
            ("”", "PUNCT", "''", "punct", 0, ""),
        ],
    )
    assert speaker_of(doc, "Said") == "Ruiz"


@pytest.mark.parametrize(
    ("name", "tidy"),
    [
        ("\u2015 \u00a0 Christina Olidem", "Christina Olidem"),
        ("and Smith,", "Smith"),
        ("but the company", "the company"),
        ("Sammy Davis Jr.", "Sammy Davis Jr."),
        ("\u201cthe spokesman\u201d", "the spokesman"),
    ],
)
def test_speaker_names_lose_the_punctuation_at_their_edges(name: str, tidy: str) -> None:
    assert tidy_name(name) == tidy


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Jane Smith and Tom Brown run the shelter in Leeds. "
            "Both feel that the council has abandoned them.",
            "Both",
        ),
        (
            "Local shopkeepers are worried about the new road. "
            "Many feel it does not help their trade at all.",
            "Many",
        ),
        ("Economists disagree about the plan. Some say it will raise prices.", "Some"),
        ("Economists disagree about the plan. Others argue it will cut prices.", "Others"),
    ],
)
def test_a_quantifier_standing_for_people_is_a_pronoun_not_a_name(
    nlp: Language, text: str, mention: str
) -> None:
    found = [q for q in quotes(nlp, text) if q.speaker is not None]
    assert found
    for q in found:
        assert q.speaker is not None and q.speaker.text == mention
        assert q.speaker_name != mention


def test_a_partitive_quantifier_keeps_its_noun_phrase(nlp: Language) -> None:
    (q,) = quotes(nlp, "Many of the residents said the road had ruined their trade.")
    assert q.speaker_name is not None and "residents" in q.speaker_name


def test_titles_of_works_after_a_possessive_are_not_quotes(nlp: Language) -> None:
    text = (
        "Several songs return to the charts every December. These include Wham!'s "
        '"Last Christmas" (1984), Brenda Lee\'s "Rockin\' Around the Christmas Tree" and '
        'Mariah Carey\'s "All I Want for Christmas Is You".'
    )
    assert quotes(nlp, text) == []


def test_the_person_a_participle_cue_follows_is_its_speaker(nlp: Language) -> None:
    text = (
        "The campaign released a new advert on Tuesday. The spot concludes with footage of "
        'Donald Trump saying "I will build a great wall" at a rally.'
    )
    (q,) = quotes(nlp, text)
    assert q.speaker_name == "Donald Trump"


def test_a_capitalised_verb_opening_a_fragment_is_no_speakers_name(nlp: Language) -> None:
    (q,) = quotes(nlp, "Keeps saying she opposed the war from the start.")
    assert q.speaker_name is None


def test_a_definite_role_description_names_the_only_person_holding_the_role(
    nlp: Language,
) -> None:
    text = (
        "Firms must do more to train their staff, the Trade and Industry Secretary has said.\n\n"
        "Patricia Hewitt said companies that failed to invest would fall behind.\n\n"
        "The minister told delegates that Britain needed a more skilled workforce.\n\n"
        'She said: "We cannot compete on low wages alone."\n\n'
        '"Skills are the key to our future," she added.'
    )
    found = quotes(nlp, text)
    assert len(found) == 5
    assert [q.speaker_name for q in found] == ["Patricia Hewitt"] * 5


def test_a_role_description_with_two_possible_holders_stays_a_description(
    nlp: Language,
) -> None:
    text = (
        "Foreign Minister Sergei Lavrov met Defence Minister Sergei Shoigu on Monday.\n\n"
        "The minister told reporters that the talks had gone well."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker_name not in ("Sergei Lavrov", "Sergei Shoigu")


def test_the_object_of_left_feeling_is_the_one_who_feels(nlp: Language) -> None:
    # a participle complement of an object has that object as its subject, not the clause's
    (q,) = quotes(nlp, "The defeat left Johnson feeling that his party had deserted him.")
    assert q.speaker is not None and q.speaker.text == "Johnson"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The factory will close in March, according to a speech Senator Jane Ortiz gave "
            "on Tuesday.",
            "Jane Ortiz",
        ),
        (
            "Spending will rise next year, according to a letter the Treasury sent to lawmakers.",
            "Treasury",
        ),
    ],
)
def test_according_to_a_document_someone_delivered_names_its_author(
    nlp: Language, text: str, speaker: str
) -> None:
    (q,) = quotes(nlp, text)
    assert q.speaker_name is not None and speaker in q.speaker_name


def test_according_to_takes_a_noun_phrase_even_when_tagged_as_a_verb(nlp: Language) -> None:
    # the tagger reads "show" as a verb; "according to" governs a noun phrase, so its object
    # is the speaker's head
    (q,) = quotes(nlp, "The series was cancelled, according to show insiders.")
    assert q.speaker is not None and q.speaker.text.endswith("insiders")


def test_according_to_a_plain_source_is_unchanged(nlp: Language) -> None:
    (q,) = quotes(nlp, "The band broke up last year, according to tour insiders.")
    assert q.speaker_name == "tour insiders"


def test_a_description_opening_a_sentence_is_listed_as_it_reads_mid_sentence(
    nlp: Language,
) -> None:
    found = quotes(
        nlp,
        "Analysts said the merger would raise prices in Europe. The deal was criticised, and "
        "analysts said it faced a long review. The company said it was confident. A Vodafone "
        "spokesman said the firm would reply soon. EU officials said talks would go on.",
    )
    assert [q.speaker_name for q in found] == [
        "analysts",
        "analysts",
        "the company",
        "a Vodafone spokesman",
        "EU officials",
    ]


@pytest.mark.parametrize(
    ("text", "source", "subject"),
    [
        # the parser ran the source into the subject after the comma, as its modifier or
        # as an apposition of it; the fronted phrase ends at its comma
        (
            "According to TMZ, Disney's chief executive officer Bob Iger sent a memo "
            "expressing regret over the layoffs and the studio closures.",
            "TMZ",
            "Bob Iger sent a memo",
        ),
        (
            "According to AP, the bank's global chairman John Reed sent a letter expressing "
            "concern over the floods.",
            "AP",
            "John Reed sent a letter",
        ),
    ],
)
def test_a_fronted_according_to_ends_at_its_comma(
    nlp: Language, text: str, source: str, subject: str
) -> None:
    (q,) = quotes(nlp, text)
    assert q.speaker is not None and q.speaker.text == source
    assert subject in content(q)


def test_an_apposition_after_an_according_to_source_stays_out_of_the_report(
    nlp: Language,
) -> None:
    (q,) = quotes(nlp, "According to Mr. Smith, his lawyer, the deal is off.")
    assert q.speaker is not None and q.speaker.text == "Mr. Smith"
    assert content(q) == "the deal is off"


@pytest.mark.parametrize(
    "text",
    [
        # a possessed noun with a complement is a state or an act of its possessor
        'The couple\'s interest in gardening coined the phrase "the green thumb effect" and '
        "created two best sellers.",
        "The party's anger over the vote suggested that the coalition would not last.",
    ],
)
def test_a_state_or_act_of_someone_is_no_speaker(nlp: Language, text: str) -> None:
    for q in quotes(nlp, text):
        assert q.speaker is None or q.speaker.root.lower_ not in ("interest", "anger")


def test_a_possessed_speech_act_is_still_a_speaker(nlp: Language) -> None:
    (q,) = quotes(nlp, "The party's complaint to the court says the official broke the rules.")
    assert q.speaker is not None and q.speaker.root.lower_ == "complaint"
