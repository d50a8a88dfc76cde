"""Check-worthiness on CLEF 2019 CheckThat! task 1: mean average precision over debates.

Gold: the CSV of ../shared/data/checkworthy (``line_number, speaker, text, label, file_name``) or the
task's original per-debate TSV files (``line_number<TAB>speaker<TAB>text<TAB>label``, one file a
debate), given as files or a folder. Each debate's sentences are ranked by score; a debate's average
precision is the mean of the precision at the rank of each check-worthy sentence (the task's scorer).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class Line:
    """One debate line with its gold label."""

    debate: str
    line_number: int
    speaker: str
    text: str
    label: int


def read_gold(paths: Sequence[str | Path]) -> list[Line]:
    """The labelled lines of CLEF 2019 task 1 files (CSV with header, or per-debate TSVs, or folders)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".csv", ".tsv"))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder; give the CLEF 2019 task 1 CSV or TSV files")
    lines: list[Line] = []
    for path in files:
        lines += _read_csv(path) if path.suffix == ".csv" else _read_tsv(path)
    if not lines:
        raise ValueError(f"no labelled lines in {', '.join(map(str, paths))}")
    return lines


def _read_csv(path: Path) -> list[Line]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        missing = {"line_number", "text", "label", "file_name"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(
                f"{path}: columns {', '.join(sorted(missing))} are missing; expected "
                "line_number, speaker, text, label, file_name"
            )
        return [
            Line(
                row["file_name"],
                int(row["line_number"]),
                row.get("speaker") or "",
                row["text"] or "",
                int(row["label"]),
            )
            for row in reader
        ]


def _read_tsv(path: Path) -> list[Line]:
    lines = []
    with path.open(encoding="utf-8") as stream:
        for number, raw in enumerate(stream, start=1):
            fields = raw.rstrip("\n").split("\t")
            if len(fields) < 4:
                raise ValueError(f"{path}, line {number}: expected line_number, speaker, text, label separated by tabs")
            lines.append(Line(path.name, int(fields[0]), fields[1], fields[2], int(fields[-1])))
    return lines


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Average precision of one ranked debate (ties keep the debate's order)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, index in enumerate(order, start=1):
        if labels[index]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def mean_average_precision(lines: Sequence[Line], scores: Sequence[float]) -> dict[str, Any]:
    """MAP over debates, with each debate's AP; debates without a check-worthy line are left out."""
    by_debate: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        by_debate.setdefault(line.debate, []).append(index)
    per_debate = {}
    for debate, indices in sorted(by_debate.items()):
        labels = [lines[i].label for i in indices]
        if any(labels):
            per_debate[debate] = round(average_precision(labels, [scores[i] for i in indices]), 4)
    mean = sum(per_debate.values()) / len(per_debate) if per_debate else 0.0
    return {"map": round(mean, 4), "debates": len(per_debate), "sentences": len(lines), "per_debate": per_debate}


def cross_validate(lines: Sequence[Line], folds: int | None = None, **train_options: Any) -> dict[str, Any]:
    """Leave-debates-out cross-validated MAP: each debate is scored by a model trained without it.

    ``folds=None`` leaves one debate out at a time; a number groups the debates into that many folds.
    """
    from newsprobe.checkworthy import train

    debates = sorted({line.debate for line in lines})
    groups = [debates[i::folds] for i in range(folds)] if folds else [[d] for d in debates]
    scores = [0.0] * len(lines)
    for held_out in groups:
        held = set(held_out)
        train_index = [i for i, line in enumerate(lines) if line.debate not in held]
        test_index = [i for i, line in enumerate(lines) if line.debate in held]
        model = train([lines[i].text for i in train_index], [lines[i].label for i in train_index], **train_options)
        for i, score in zip(test_index, model.score([lines[i].text for i in test_index]), strict=True):
            scores[i] = score
    result = mean_average_precision(lines, scores)
    result["folds"] = len(groups)
    return result


def evaluate(
    paths: list[str], options: Any = None, scorer: Callable[[list[str]], list[float]] | None = None
) -> dict[str, Any]:
    """MAP over debates of the shipped model (or ``scorer``) on gold files."""
    from newsprobe.checkworthy import score_sentences

    lines = read_gold(paths)
    scores = (scorer or score_sentences)([line.text for line in lines])
    return mean_average_precision(lines, scores)
