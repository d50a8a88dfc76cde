import json
import subprocess
import sys

import pytest

from newsprobe.cli import main
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow


def test_json_record_of_the_example(capsys):
    assert main(["analyze", str(EXAMPLE)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["schema"] == "newsprobe/1"
    assert record["id"] == "000_aeb1a4d6a8651ca1"
    assert record["text"] == EXAMPLE.read_text(encoding="utf-8")
    assert record["title"].startswith("Trump insists")


def test_jsonl_batch_with_a_bad_file_exits_1_and_keeps_the_rest(tmp_path, capsys):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "out.jsonl"
    status = main(["analyze", str(EXAMPLE), str(tmp_path / "bad.txt"), "--format", "jsonl", "--out", str(out)])
    assert status == 1
    err = capsys.readouterr().err
    assert "bad.txt" in err and "binary" in err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["000_aeb1a4d6a8651ca1"]


def test_json_array_for_several_documents(tmp_path, capsys):
    second = tmp_path / "two.txt"
    second.write_text("Short story\n\nThe mayor said the bridge would reopen on Monday.", encoding="utf-8")
    assert main(["analyze", str(EXAMPLE), str(second)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in records] == ["000_aeb1a4d6a8651ca1", "two"]


def test_markdown_report(capsys):
    assert main(["analyze", str(EXAMPLE), "--format", "md"]) == 0
    report = capsys.readouterr().out
    assert report.startswith("# Trump insists Ukraine-Russia peace deal is close")
    assert "| Vladimir Putin | PERSON |" in report


def test_usage_error_exits_2_and_version():
    run = subprocess.run([sys.executable, "-m", "newsprobe", "analyze"], capture_output=True, text=True)
    assert run.returncode == 2 and "PATH" in run.stderr
    version = subprocess.run([sys.executable, "-m", "newsprobe", "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("newsprobe 0.")


def test_non_english_page_gets_an_error_entry(tmp_path, capsys):
    page = tmp_path / "fr.txt"
    page.write_text(
        "Le président a déclaré que la situation était grave. Les ministres se réuniront demain "
        "pour discuter des mesures à prendre dans les prochains jours.",
        encoding="utf-8",
    )
    assert main(["analyze", str(page)]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["errors"][0]["stage"] == "language.v1"
    assert "unsupported language" in record["errors"][0]["message"]
    assert record["entities"] == []
