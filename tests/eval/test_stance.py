import csv

import pytest

from newsprobe.eval.stance import Pair, fnc_score, holdout_bodies, read_fnc1, topic_split


def test_fnc_score_weights_relatedness_and_the_related_label():
    gold = ["agree", "unrelated", "discuss", "disagree"]
    predicted = ["agree", "unrelated", "agree", "unrelated"]
    scores = fnc_score(gold, predicted)
    # agree right 1.0, unrelated right 0.25, discuss->agree 0.25, disagree->unrelated 0; best 3.25
    assert scores["raw_score"] == 1.5
    assert scores["max_score"] == 3.25
    assert scores["fnc_score"] == pytest.approx(46.15, abs=0.01)
    assert scores["related_accuracy"] == 0.75
    assert scores["per_class"]["agree"]["precision"] == 0.5
    assert scores["confusion"]["disagree"]["unrelated"] == 1


def test_perfect_predictions_score_100():
    gold = ["agree", "discuss", "unrelated", "disagree"]
    assert fnc_score(gold, list(gold))["fnc_score"] == 100.0


def test_holdout_split_is_fixed_and_a_fifth_of_the_bodies():
    ids = list(range(1000))
    held = holdout_bodies(ids)
    assert len(held) == 200
    assert held == holdout_bodies(list(reversed(ids)))


def write_fnc(folder, stances):
    with (folder / "x_bodies.csv").open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerow([7, "The council voted on Tuesday to close the old bridge."])
    with (folder / "x_stances.csv").open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Headline", "Body ID", "Stance"])
        for row in stances:
            writer.writerow(row)


def test_read_fnc1_from_a_folder(tmp_path):
    write_fnc(tmp_path, [["Council closes bridge", 7, "agree"]])
    bodies, pairs = read_fnc1([str(tmp_path)])
    assert bodies == {7: "The council voted on Tuesday to close the old bridge."}
    assert [(p.headline, p.body_id, p.stance) for p in pairs] == [("Council closes bridge", 7, "agree")]


def test_read_fnc1_names_the_bad_line(tmp_path):
    write_fnc(tmp_path, [["Council closes bridge", 7, "agree"], ["Mayor quits", 8, "discuss"]])
    with pytest.raises(ValueError, match=r"x_stances.csv:3: Body ID 8"):
        read_fnc1([str(tmp_path)])


def test_read_fnc1_needs_both_files(tmp_path):
    (tmp_path / "only_bodies.csv").write_text("Body ID,articleBody\n", encoding="utf-8")
    with pytest.raises(ValueError, match="BODIES.csv STANCES.csv"):
        read_fnc1([str(tmp_path)])


def test_topic_splits_share_no_headline_and_no_body():
    pairs = []
    for topic in range(20):  # each topic: two claims about three bodies, plus unrelated pairings across topics
        for claim in range(2):
            for body in range(3):
                pairs.append(Pair(f"claim {topic}.{claim}", topic * 10 + body, "discuss"))
        pairs.append(Pair(f"claim {topic}.0", (topic + 1) % 20 * 10, "unrelated"))
    train, test = topic_split(pairs, seed=7)
    assert sum(test) > 0 and sum(train) > sum(test)
    held = [p for p, t in zip(pairs, test, strict=True) if t]
    kept = [p for p, t in zip(pairs, train, strict=True) if t]
    assert not {p.headline for p in held} & {p.headline for p in kept}
    assert not {p.body_id for p in held} & {p.body_id for p in kept}
    assert not any(a and b for a, b in zip(train, test, strict=True))
    assert topic_split(pairs, seed=7) == (train, test) and topic_split(pairs, seed=1) != (train, test)
