"""The check-worthiness model: the shipped file, its round trip, and training on sentences of our own."""

import gzip
import json

import pytest

from newsprobe.checkworthy import CheckworthinessModel, hand_features, load_model, score_sentences, train

CHECKABLE = [
    "Unemployment fell to 3.5 percent last year, the lowest in fifty years.",
    "We spent $4 billion on roads in 2019 alone.",
    "Crime rose by 12% in the city since 2020.",
    "The state lost 40,000 factory jobs under his plan.",
]
OTHER = [
    "Thank you all for coming tonight.",
    "Good evening and welcome.",
    "Let me ask you a question.",
    "I want to thank my family.",
    "Please, go ahead.",
    "We are going to make it great.",
]


def test_shipped_model_ranks_a_figure_claim_above_a_greeting():
    high, low = score_sentences(["Unemployment fell to 3.5 percent last year.", "Good evening, and welcome."])
    assert 0.0 <= low < high <= 1.0
    assert high > 0.5 > low


def test_shipped_model_is_small_and_says_what_it_was_trained_on():
    model = load_model()
    assert model.meta["sentences"] > 16000 and model.meta["positives"] > 400
    assert len(model.coef) == len(model.word.vocabulary_) + len(model.char.vocabulary_) + 6


def test_empty_input_scores_nothing():
    assert score_sentences([]) == []


def test_round_trip_through_the_model_file(tmp_path):
    model = train(CHECKABLE + OTHER, [1] * len(CHECKABLE) + [0] * len(OTHER), min_df=1)
    path = tmp_path / "model.json.gz"
    model.save(path)
    again = load_model(str(path))
    probe = ["Taxes rose 5% in 2021.", "Thanks, everyone."]
    assert again.score(probe) == pytest.approx(model.score(probe), abs=1e-4)
    assert again.score(probe)[0] > again.score(probe)[1]


def test_a_foreign_file_is_refused(tmp_path):
    path = tmp_path / "other.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"format": "something-else"}).encode()))
    with pytest.raises(ValueError, match="not a check-worthiness model"):
        CheckworthinessModel.from_json(json.loads(gzip.decompress(path.read_bytes())))


def test_hand_features():
    rows = hand_features(["Did it really cost $5 million?", "Hi"])
    assert rows.shape == (2, 6)
    assert list(rows[0][1:5]) == [0.0, 1.0, 1.0, 1.0]  # not very short, digit, money, question
    assert rows[1][1] == 1.0


def test_char_counts_give_the_vectorizers_own_matrix():
    from newsprobe.checkworthy import CharCounts

    model = load_model()
    texts = [*CHECKABLE, *OTHER, "", "a", "Tabs\tand  double  spaces, Émile’s «quotes»", "İstanbul grew 5%"]
    expected = model.char.transform(texts)
    got = CharCounts(model.char).transform(texts)
    assert (got != expected).nnz == 0
    assert (got.indices == expected.indices).all() and (got.indptr == expected.indptr).all()
