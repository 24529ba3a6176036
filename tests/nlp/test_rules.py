"""spaCy's rule components in their table forms give spaCy's own annotations."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from communique.nlp.pipeline import base_model_name, load_base
from communique.nlp.rules import MemoLemmatizer, TableAttributeRuler, make_tables

TEXTS = [
    "The ministers said they had been meeting since Monday and would meet again.",
    "Russia's foreign minister says talks aren't over; the talks were held in Geneva.",
    "Y'all ain't gonna win this, ain't ya? I'm gonna go and they're gonna stay.",
    "WASHINGTON \u2014 The U.S. imposed sanctions.\n\n  \n\u201cWe won\u2019t,\u201d he said.",
    "",
    "   ",
    "3-2, 10-15 people; e-mail: a@b.org; 50% of $3bn (\u00a32bn).",
]
ATTRS = ["POS", "MORPH", "LEMMA", "TAG", "DEP", "HEAD"]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    return spacy.load(base_model_name()), load_base()


def test_the_base_model_gets_the_table_forms(pair: tuple[Language, Language]) -> None:
    plain, ours = pair
    assert type(plain.get_pipe("attribute_ruler")) is AttributeRuler
    assert type(ours.get_pipe("attribute_ruler")) is TableAttributeRuler
    assert type(ours.get_pipe("lemmatizer")) is MemoLemmatizer


@pytest.mark.parametrize("rounds", [1, 2])  # the second round answers from the tables
def test_annotations_are_spacys_own_token_by_token(
    pair: tuple[Language, Language], rounds: int
) -> None:
    plain, ours = pair
    for _ in range(rounds):
        for theirs, mine in zip(plain.pipe(TEXTS), ours.pipe(TEXTS), strict=True):
            assert mine.to_array(ATTRS).tolist() == theirs.to_array(ATTRS).tolist()
            assert [str(t.morph) for t in mine] == [str(t.morph) for t in theirs]
    gonna = next(ours.pipe(["They're gonna stay."]))
    assert [t.lemma_ for t in gonna][2:4] == ["go", "to"]  # a two-token pattern applied


def test_a_pattern_beyond_a_table_leaves_spacys_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    make_tables(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"TAG": "NN", "LOWER": {"IN": ["x"]}}]], {"POS": "NOUN"})
    holder = spacy.blank("en")
    holder.add_pipe("attribute_ruler").add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    make_tables(holder)
    assert type(holder.get_pipe("attribute_ruler")) is TableAttributeRuler


def test_a_pattern_added_later_is_decided_by_the_table() -> None:
    nlp = load_base()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "kremlin", "TAG": "NNP"}]], {"LEMMA": "Moscow"})
    assert type(ruler) is TableAttributeRuler
    doc = nlp("The Kremlin said nothing.")
    assert [t.lemma_ for t in doc if t.lower_ == "kremlin"] == ["Moscow"]
