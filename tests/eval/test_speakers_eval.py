import json

import pytest

from newsprobe.eval.speakers import expected_speaker, name_ok


def span_of(text, needle):
    start = text.index(needle)
    return [[start, start + len(needle)]]


def test_name_ok_is_the_contract_metric():
    assert name_ok("Dmitry Peskov", "Dmitry Peskov")
    assert name_ok("Mr. Peskov", "Dmitry Peskov")
    assert name_ok("Peskov", "Dmitry Sergeyevich Peskov")
    assert not name_ok("Dmitry Peskov", "Peskov")
    assert not name_ok("Dmitry Peskov", None)


def test_expected_names_from_the_source_span():
    text = "Longtime pollster Nora Quill spoke. Quill said it was close. Mr. Vance said no. A source said yes."
    assert expected_speaker(text, span_of(text, "Longtime pollster Nora Quill")) == ("named", "Nora Quill")
    second = text.index("Quill said")
    assert expected_speaker(text, [[second, second + 5]]) == ("surname", "Nora Quill")
    assert expected_speaker(text, span_of(text, "Mr. Vance")) == ("surname-only", "Vance")
    assert expected_speaker(text, span_of(text, "A source")) == ("anonymous", None)
    he = "He said so."
    assert expected_speaker(he, [[0, 2]]) == ("pronoun", None)
    both = "Ann Lee and Bob Ray said so."
    assert expected_speaker(both, span_of(both, "Ann Lee and Bob Ray"))[0] == "skip"


@pytest.mark.slow
def test_evaluate_end_to_end_on_a_small_gold_file(tmp_path):
    from newsprobe.eval import evaluate

    text = (
        "Economist Paul Adler visited the plant on Monday.\n\n"
        "Adler said the outlook was poor. A source said the plant would close."
    )
    second = text.index("\n\n")

    def attribution(content, cue, source):
        def at(needle):
            start = text.index(needle, second)
            return [[start, start + len(needle)]]

        return {"content": at(content), "cue": at(cue), "source": at(source), "speaker": None}

    gold = {
        "id": "g1",
        "text": text,
        "attributions": [
            attribution("the outlook was poor", "said the", "Adler"),
            attribution("the plant would close", "said the plant", "A source"),
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    scores = evaluate("speakers", [str(path)])
    assert scores["by_category"]["surname"] == {"n": 1, "accuracy": 1.0, "named": 1}
    assert scores["by_category"]["anonymous"] == {"n": 1, "accuracy": 1.0, "named": 0}
    assert scores["name_acc"] == 1.0 and scores["null_kept"] == 1.0 and scores["wrong_name_rate"] == 0.0
