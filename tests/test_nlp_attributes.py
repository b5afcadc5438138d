"""The memoised attribute ruler gives every token what the model's own AttributeRuler gives it."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from kronika.nlp import EXCLUDED, MODEL_PACKAGE, load_nlp
from kronika.nlp_attributes import COMPONENT, MemoAttributeRuler, replace_attribute_ruler

# Sentences of our own, written to reach the model's rarer rules: two-token lemmas (gonna, gotta, let's, y'all,
# ain't, c'mon), pronoun cases by dependency, auxiliaries, 'but' as an adverb, expletive 'there', stray spaces.
TEXTS = [
    "I told you it was gonna rain, and it did. Let's go, y'all: we gotta leave now.",
    "They ain't coming back, she said. C'mon, nothin' gets done by waiting; he got it.",
    "There were 40 drones over the city overnight, and all but two were shot down.",
    "Officials, who had been warned, said the plant  \n\n  was hit twice. Which one? That one.",
    "",
    "   ",
]
COLUMNS = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"]


@pytest.fixture(scope="module")
def stock():
    return spacy.load(MODEL_PACKAGE, exclude=list(EXCLUDED))


def test_kronika_runs_the_memoised_rules(nlp) -> None:  # noqa: ANN001
    assert COMPONENT in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert nlp is load_nlp()


def test_every_token_gets_the_stock_rulers_attributes(stock) -> None:  # noqa: ANN001
    memo = spacy.load(MODEL_PACKAGE, exclude=list(EXCLUDED))
    assert replace_attribute_ruler(memo)
    for text in TEXTS * 2:  # the second round answers from the memo
        a, b = stock(text), memo(text)
        assert a.to_bytes(exclude=["user_data", "tensor"]) == b.to_bytes(exclude=["user_data", "tensor"])
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in a] == [
            (t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in b
        ]


def test_a_multi_token_rule_overrides_in_rule_order(stock) -> None:  # noqa: ANN001
    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"LOWER": "air"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": "air"}, {"LOWER": {"REGEX": "^forc"}}]], {"LEMMA": "second"}, index=0)
    ruler.add([[{"LOWER": {"IN": ["force", "forces"]}}]], {"LEMMA": "third"})
    ruler.add([[{"LOWER": "air"}]], {"POS": "PROPN"})
    memo = MemoAttributeRuler(stock.vocab)
    assert memo.take_rules(ruler)
    for text in ("The Air Force said the air forces were ready.", "Air air force", "air"):
        a, b = ruler(stock.make_doc(text)), memo(stock.make_doc(text))
        assert [(t.lemma_, t.pos_) for t in a] == [(t.lemma_, t.pos_) for t in b]
    doc = memo(stock.make_doc("The Air Force said the air forces were ready."))
    assert [t.lemma_ for t in doc][1:3] == ["second", "third"] and doc[1].pos_ == "PROPN"


def test_a_pattern_it_cannot_evaluate_keeps_the_models_component(stock) -> None:  # noqa: ANN001
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "air"}, {"LOWER": "force", "OP": "?"}]], {"LEMMA": "air"})
    assert not replace_attribute_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
