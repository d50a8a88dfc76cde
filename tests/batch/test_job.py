"""A work unit that fails whole is reported in the errors table; the output folder is guarded."""

import duckdb
import pytest

from newsprobe.batch import job
from newsprobe.batch.job import OutputExists, finish_output, prepare_output, process_unit
from newsprobe.batch.tables import TABLES
from newsprobe.batch.units import WorkUnit


def test_a_failing_unit_leaves_no_part_files_and_lands_in_errors(tmp_path, monkeypatch):
    def broken_reader(unit):
        raise OSError("the disk went away")
        yield  # a generator, like the real reader

    monkeypatch.setattr(job, "read_unit", broken_reader)
    unit = WorkUnit(4, "files", ("/data/a.txt", "/data/b.txt"))
    summary = process_unit(unit, str(tmp_path))
    assert summary.failure == "OSError: the disk went away"
    assert summary.errors == 1 and summary.documents == 0
    assert not any(p.name.startswith("part-000004") for t in TABLES for p in (tmp_path / t).iterdir())
    finish_output(tmp_path, [summary])
    rows = duckdb.sql(f"SELECT kind, source, message FROM '{tmp_path}/errors/*.parquet'").fetchall()
    assert rows == [
        ("unit", "/data/a.txt and 1 more files", "the unit failed, its pages are missing: OSError: the disk went away")
    ]
    assert (tmp_path / "_SUCCESS").exists()


def test_output_folder_is_not_overwritten_unless_asked(tmp_path):
    out = prepare_output(tmp_path / "out")
    (out / "quotes").mkdir()
    (out / "quotes" / "part-000000.parquet").write_bytes(b"old")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputExists, match="--overwrite"):
        prepare_output(out)
    prepare_output(out, overwrite=True)
    assert not (out / "quotes").exists() and (out / "notes.txt").read_text(encoding="utf-8") == "mine"
