"""``newsprobe run``: usage errors are caught before any model loads, with a message saying what to do."""

import pytest

from newsprobe.cli import build_parser, main


def test_help_has_examples_and_the_tables():
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices["run"]  # noqa: SLF001 - the subcommand's own help
    text = sub.format_help()
    assert "newsprobe run --engine spark" in text and "errors (unreadable inputs" in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--workers", "0"], "--workers must be at least 1"),
        (["--master", "local[2]"], "--master is for --engine spark"),
        (["--unit-size", "0"], "unit size must be at least 1"),
    ],
)
def test_usage_errors_exit_2(tmp_path, capsys, extra, message):
    page = tmp_path / "page.txt"
    page.write_text("The harbour master said the port would reopen.", encoding="utf-8")
    assert main(["run", str(page), "--out", str(tmp_path / "out"), *extra]) == 2
    assert message in capsys.readouterr().err


def test_stdin_and_a_file_as_out_are_refused(tmp_path, capsys):
    assert main(["run", "-", "--out", str(tmp_path / "out")]) == 2
    assert "standard input" in capsys.readouterr().err
    page = tmp_path / "page.txt"
    page.write_text("A page.", encoding="utf-8")
    assert main(["run", str(page), "--out", str(page)]) == 2
    assert "needs a folder" in capsys.readouterr().err
