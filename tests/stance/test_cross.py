"""The stance cross-encoder (stance/cross.py) and how the stance model blends it in, on pairs written here."""

import numpy as np
import pytest

from newsprobe.stance import cross, model

HEADLINE = "Harbour council confirms the north pier will close in May"
AGREE_BODY = (
    "The harbour council confirmed on Tuesday that the north pier will close in May. Repairs to the pier's "
    "supports will take the whole summer, the council's engineer said, and the ferries will use the south pier."
)
DENY_BODY = (
    "The harbour council on Tuesday denied reports that the north pier would close. 'The pier stays open all "
    "year,' a council spokeswoman said, calling the reports false."
)


def test_the_related_labels_are_the_stance_model_s_first_three():
    assert model.LABELS[:3] == cross.LABELS


def test_blending_keeps_the_trees_related_mass_and_leaves_unrelated_pairs_alone(monkeypatch):
    pairs = [("h1", "b1"), ("h2", "b2"), ("h3", "b3")]
    probabilities = np.array(
        [
            [0.5, 0.1, 0.2, 0.2],  # related: agree first
            [0.1, 0.0, 0.1, 0.8],  # unrelated: not sent to the encoder
            [0.2, 0.1, 0.4, 0.3],  # related: discuss first
        ]
    )
    sent: list = []

    def fake(chosen):  # the encoder is sure both related pairs disagree
        sent.extend(chosen)
        return np.array([[0.0, 1.0, 0.0]] * len(chosen))

    monkeypatch.setattr(cross, "related_probabilities", fake)
    before = probabilities.copy()
    model._read_together(pairs, probabilities, np.arange(3))
    assert sent == [("h1", "b1"), ("h3", "b3")]
    assert np.allclose(probabilities[1], before[1])
    assert np.allclose(probabilities[:, :3].sum(axis=1), before[:, :3].sum(axis=1))
    # half the trees' related share, half the encoder's: 0.8 * (0.5 * [0.625, 0.125, 0.25] + 0.5 * [0, 1, 0])
    assert np.allclose(probabilities[0], [0.25, 0.45, 0.1, 0.2])
    assert [model.LABELS[int(row.argmax())] for row in probabilities] == ["disagree", "unrelated", "disagree"]


def test_a_missing_encoder_file_says_how_to_get_one(monkeypatch, tmp_path):
    monkeypatch.setattr(cross, "MODEL_FILE", tmp_path / "absent.onnx")
    cross._session_and_tokenizer.cache_clear()
    try:
        assert not cross.available()
        with pytest.raises(cross.CrossEncoderMissing, match="train_stance_encoder.py"):
            cross.related_probabilities([(HEADLINE, AGREE_BODY)])
    finally:
        cross._session_and_tokenizer.cache_clear()


@pytest.mark.slow
def test_the_shipped_encoder_gives_one_distribution_per_pair_whatever_the_batch():
    assert cross.available()
    assert cross.related_probabilities([]).shape == (0, 3)
    long_body = AGREE_BODY + " " + " ".join(["The ferries keep running on the usual timetable."] * 60)
    pairs = [(HEADLINE, AGREE_BODY), (HEADLINE, DENY_BODY), (HEADLINE, long_body), ("", "")]
    together = cross.related_probabilities(pairs)
    assert together.shape == (4, 3)
    assert np.allclose(together.sum(axis=1), 1.0, atol=1e-5)
    alone = np.vstack([cross.related_probabilities([pair]) for pair in pairs])
    assert np.allclose(together, alone, atol=1e-4)  # padding in a batch changes nothing
    assert together[1, cross.LABELS.index("disagree")] > together[0, cross.LABELS.index("disagree")]
