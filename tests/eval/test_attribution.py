import importlib.util
import json
from pathlib import Path

import pytest

from newsprobe.eval.attribution import charset, name_matches, score_records, trimmed

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "score_attribution.py"

TEXT = (
    "“The dam is safe,” the engineer said. “We checked it twice.” "
    "The council said that repairs would cost more than planned. "
    "Residents were told to stay calm, according to the sheriff. "
    "Nobody answered the phone."
)


def span(fragment, text=TEXT):
    start = text.index(fragment)
    return [start, start + len(fragment)]


GOLD = [
    {
        "id": "d1",
        "corpus": "hand",
        "text": TEXT,
        "attributions": [
            {
                "content": [span("“The dam is safe,”"), span("“We checked it twice.”")],
                "cue": [span("said")],
                "source": [span("the engineer")],
                "speaker": "Ana Ruiz",
            },
            {
                "content": [span("that repairs would cost more than planned")],
                "cue": [span("said that")],
                "source": [span("The council")],
                "speaker": None,
            },
            {
                "content": [span("Residents were told to stay calm")],
                "cue": [span("according to")],
                "source": [span("the sheriff")],
                "speaker": "Sheriff Tom Webb",
            },
        ],
    }
]
PRED = {
    "d1": {
        "id": "d1",
        "text": TEXT,
        "quotes": [
            # both parts, right speaker mention and name
            {
                "content": [span("“The dam is safe,”"), span("“We checked it twice.”")],
                "speaker": {"mention": span("the engineer"), "name": "Ana Ruiz"},
            },
            # too long for strict, enough for lenient; the mention misses the source
            {
                "content": [[span("The council said")[0], span("planned.")[1]]],
                "speaker": {"mention": span("Residents"), "name": None},
            },
            # half the gold content: lenient only; name with an extra token
            {
                "content": [span("told to stay calm")],
                "speaker": {"mention": span("the sheriff"), "name": "Tom Webb Jr"},
            },
            # a quote with no gold
            {"content": [span("Nobody answered the phone")], "speaker": {"mention": None, "name": None}},
        ],
    },
}


def test_trimming_drops_marks_punctuation_and_a_leading_that():
    text = "  “that the river rose.”  "
    s, e = trimmed(text, 0, len(text))
    assert text[s:e] == "the river rose"
    assert charset("ab, cd", [[0, 6]]) == {0, 1, 2, 3, 4, 5}


def test_name_match_allows_two_extra_tokens_and_drops_honorifics():
    assert name_matches("Sheriff Tom Webb", "Tom Webb") is False  # "sheriff" is not an honorific
    assert name_matches("Dr. Ana Ruiz", "Ana Ruiz")
    assert name_matches("Ana Ruiz", "Ana Maria Ruiz Lopez")
    assert not name_matches("Ana Ruiz", "Ana Maria Ruiz Lopez Diaz")
    assert not name_matches("Ana Ruiz", None)


def test_scores_by_hand():
    scores = score_records(GOLD, PRED)
    assert (scores["gold"], scores["predicted"]) == (3, 4)
    assert scores["lenient_r"] == 1.0 and scores["lenient_p"] == 0.75
    assert scores["strict_r"] == round(1 / 3, 4)
    assert scores["speaker_span_acc"] == round(2 / 3, 4)
    assert scores["speaker_name_acc"] == 0.5


def test_agrees_with_the_reference_scorer(tmp_path):
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} is absent: the agreement check needs ../shared/tools")
    spec = importlib.util.spec_from_file_location("score_attribution", REFERENCE)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    gold_file, pred_file = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_file.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    pred_file.write_text("".join(json.dumps(p) + "\n" for p in PRED.values()), encoding="utf-8")
    ours = score_records(GOLD, PRED)
    theirs = reference.score(str(gold_file), str(pred_file))
    assert {k: ours[k] for k in theirs} == theirs


def test_a_missing_document_counts_as_no_quotes():
    scores = score_records(GOLD, {})
    assert scores["documents_missing"] == 1 and scores["lenient_r"] == 0.0


def test_bad_gold_lines_say_where(tmp_path):
    from newsprobe.eval.attribution import read_gold

    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": 1, "text": "x", "attributions": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:2"):
        list(read_gold(bad))
