import json

from newsprobe.cli import main


def test_scores_in_order_and_bad_lines_named(tmp_path, capsys):
    path = tmp_path / "s.jsonl"
    path.write_text(
        '{"id": "a", "text": "Unemployment fell to 3.5% last year.", "context": "We did well."}\n'
        '{"id": 7, "text": "Thank you."}\n'
        "not json\n"
        '{"text": "no id"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "scores.jsonl"
    assert main(["checkworthy", str(path), "--out", str(out)]) == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", 7]
    assert rows[0]["score"] > rows[1]["score"]
    err = capsys.readouterr().err
    assert "s.jsonl:3: invalid JSON" in err and "s.jsonl:4" in err


def test_missing_file_is_a_usage_error(tmp_path, capsys):
    assert main(["checkworthy", str(tmp_path / "nope.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_help_has_an_example(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["checkworthy", "--help"])
    assert "newsprobe checkworthy sentences.jsonl" in capsys.readouterr().out
