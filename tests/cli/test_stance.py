import json

import pytest

from newsprobe.cli import main
from newsprobe.stance import LABELS

pytestmark = pytest.mark.slow

BODY = (
    "The city council voted on Tuesday to close the old harbour bridge for six months of repairs. "
    "Engineers had found cracks in two of its supports, the council said."
)


@pytest.mark.parametrize("flags", [[], ["--fast"]])
def test_stance_lines_in_and_out_with_a_bad_line(tmp_path, capsys, flags):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "headline": "Council closes harbour bridge for repairs", "body": BODY}),
                "{not json",
                json.dumps({"id": "b", "headline": "Pop star announces world tour dates", "body": BODY}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["stance", str(pairs), "--out", str(out), *flags]) == 1
    assert "pairs.jsonl:2: invalid JSON" in capsys.readouterr().err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["stance"] in ("agree", "discuss")
    assert records[1]["stance"] == "unrelated"
    for record in records:
        assert set(record["scores"]) == set(LABELS)
        assert sum(record["scores"].values()) == pytest.approx(1.0, abs=1e-3)


def test_stance_missing_file_is_a_usage_error(tmp_path, capsys):
    assert main(["stance", str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
