"""Planning work units and reading them back as ``newsprobe analyze`` reads the inputs."""

import json

import pytest

from newsprobe.batch.units import UsageError, plan_units, read_unit
from newsprobe.ingest import InputError, iter_inputs
from newsprobe.record import Document
from tests.ingest.test_ingest import make_warc


def described(items):
    return [(i.id, i.source) if isinstance(i, Document) else ("error", i.source) for i in items]


@pytest.fixture
def inputs(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(5):
        (pages / f"story{n}.txt").write_text(f"Story {n}. The council said it would vote.", encoding="utf-8")
    lines = [json.dumps({"id": f"j{n}", "text": f"Line story {n}."}) for n in range(7)]
    lines[3] = "{not json"
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "crawl.warc.gz").write_bytes(make_warc(3))
    return tmp_path


def test_units_cover_the_inputs_exactly_as_analyze_reads_them(inputs):
    paths = [str(inputs / "pages"), str(inputs / "feed.jsonl"), str(inputs / "crawl.warc.gz")]
    units = plan_units(paths, unit_size=2)
    kinds = [u.kind for u in units]
    assert kinds.count("jsonl") == 4  # 7 lines, 2 a unit
    assert kinds.count("files") == 3 + 1  # 5 pages, 2 a unit; the WARC file whole
    assert [u.index for u in units] == list(range(len(units)))
    from_units = [item for unit in units for item in read_unit(unit)]
    assert sorted(described(from_units)) == sorted(described(iter_inputs(paths)))
    [bad] = [i for i in from_units if isinstance(i, InputError)]
    assert bad.source == f"{inputs / 'feed.jsonl'}:4"


def test_jsonl_line_ranges_keep_the_file_line_numbers(inputs):
    units = [u for u in plan_units([str(inputs / "feed.jsonl")], unit_size=3)]
    assert [(u.first_line, u.pages) for u in units] == [(1, 3), (4, 3), (7, 1)]
    last = list(read_unit(units[2]))
    assert [d.id for d in last] == ["j6"] and last[0].source.endswith("feed.jsonl:7")


def test_missing_paths_and_empty_folders_become_error_units(tmp_path):
    (tmp_path / "empty").mkdir()
    units = plan_units([str(tmp_path / "nope.jsonl"), str(tmp_path / "empty")])
    errors = [e for u in units for e in read_unit(u)]
    assert [e.message for e in errors] == [
        "no such file or folder",
        "folder holds no .txt, .html, .jsonl or .warc files",
    ]


def test_stdin_and_bad_unit_size_are_usage_errors():
    with pytest.raises(UsageError, match="standard input"):
        plan_units(["-"])
    with pytest.raises(UsageError, match="at least 1"):
        plan_units(["x"], unit_size=0)
