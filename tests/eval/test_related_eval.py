import csv

from newsprobe.eval.related import HeadlinePair, headline_pairs, score
from newsprobe.stance.related import Consistency

BODIES = {
    1: "The harbour bridge in Bergen will close for repairs.",
    2: "Oslo opens a new ferry route to Copenhagen.",
}
STANCES = [
    ("Bergen bridge to close for repairs", 1, "agree"),
    ("Repairs will shut the Bergen harbour bridge", 1, "discuss"),
    ("Ferry operator in Bergen cancels winter timetable", 1, "unrelated"),
    ("Oslo launches ferry route to Copenhagen", 2, "agree"),
    ("New Copenhagen ferry leaves from Oslo", 2, "discuss"),
    ("Bergen bridge to close for repairs", 2, "unrelated"),
]


def write_fnc1(folder):
    with (folder / "train_bodies.csv").open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(BODIES.items())
    with (folder / "train_stances.csv").open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Headline", "Body ID", "Stance"])
        writer.writerows(STANCES)


def test_headline_pairs_are_same_story_within_a_body_and_other_story_with_its_unrelated(tmp_path):
    write_fnc1(tmp_path)
    pairs = headline_pairs([str(tmp_path)], "tune", 10) + headline_pairs([str(tmp_path)], "heldout", 10)
    same = {frozenset((p.headline, p.rewrite)) for p in pairs if p.same_story}
    assert same == {
        frozenset(("Bergen bridge to close for repairs", "Repairs will shut the Bergen harbour bridge")),
        frozenset(("Oslo launches ferry route to Copenhagen", "New Copenhagen ferry leaves from Oslo")),
    }
    other = [p for p in pairs if not p.same_story]
    assert other and all(p.rewrite in {s[0] for s in STANCES if s[2] == "unrelated"} for p in other)
    # "Bergen" in both: a hard pair
    assert any(p.hard and p.rewrite.startswith("Ferry operator in Bergen") for p in other)


def test_score_counts_false_flags_and_misses():
    pairs = [
        HeadlinePair("a", "b", True),
        HeadlinePair("c", "d", True),
        HeadlinePair("e", "f", False),
        HeadlinePair("g", "h", False, hard=True),
    ]
    verdicts = [
        Consistency(False, 0.3, "the rewritten headline names X instead of Y"),
        Consistency(True, 0.9),
        Consistency(False, 0.1, "the rewritten headline is about another story (similarity 0.10)"),
        Consistency(True, 0.7),
    ]
    scores = score(pairs, verdicts)
    assert scores["false_flag_rate"] == 0.5
    assert scores["false_flag_reasons"] == {"instead of": 1}
    assert scores["miss_rate"] == 0.5
    assert scores["hard_miss_rate"] == 1.0
