"""Records as rows: hand-built documents with quotes, claims and flags, written and read back."""

import json

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsprobe.batch.tables import SCHEMAS, TABLES, PartWriter, document_rows, input_error_row, split_source
from newsprobe.record import (
    Claim,
    Document,
    Entity,
    Figure,
    Flag,
    HeadlineCheck,
    Quote,
    RelatedItem,
    Segment,
    Speaker,
    StageError,
)

TEXT = (
    "Harbour tolls to rise\n\n"
    "“We cannot wait,” said Mara Lindqvist, the port director. “Not this year.”\n\n"
    "The port reportedly lost $4.2 million last year, Lindqvist said."
)


def span_of(fragment: str, start: int = 0) -> tuple[int, int]:
    at = TEXT.index(fragment, start)
    return (at, at + len(fragment))


@pytest.fixture
def doc() -> Document:
    body = TEXT.index("“We")
    speaker = span_of("Mara Lindqvist")
    return Document(
        id="harbour-1",
        text=TEXT,
        url="https://example.org/harbour",
        title="Harbour tolls to rise",
        source="pages.jsonl:7",
        segments=[Segment("title", 0, 21), Segment("body", body, len(TEXT))],
        entities=[
            Entity("e1", "Mara Lindqvist", "PERSON", [speaker, span_of("Lindqvist", speaker[1])], ["port director"])
        ],
        quotes=[
            Quote(
                content=[span_of("We cannot wait"), span_of("Not this year.")],
                cue=span_of("said"),
                kind="direct",
                speaker=Speaker(speaker, "Mara Lindqvist", "e1", "port director", "named", 0.912345),
            )
        ],
        claims=[
            Claim(
                span=span_of("The port reportedly lost $4.2 million last year"),
                figures=[Figure(span_of("$4.2 million"), 4.2e6, "USD", "money")],
                source="e1",
                checkworthiness=0.73,
                hedges=["reportedly"],
            )
        ],
        related=[
            RelatedItem(
                "Ferry fares frozen",
                rewritten="Fares frozen",
                url="https://example.org/f",
                consistency="consistent",
                score=0.4,
            )
        ],
        headline_check=HeadlineCheck("discuss", 0.61),
        flags=[Flag("hedged-report", span_of("reportedly"), "The figure is attributed to unnamed reports.")],
        errors=[StageError("claims.v1", "ValueError: something odd")],
    )


def test_rows_flatten_every_part_of_the_record(doc):
    rows = document_rows(doc)
    [document] = rows["documents"]
    assert document["quotes"] == 1 and document["claims"] == 1 and document["errors"] == 1
    assert document["words"] == len(TEXT.split()) and document["headline_stance"] == "discuss"
    assert json.loads(document["record"]) == doc.to_dict()
    [quote] = rows["quotes"]
    assert quote["content_text"] == "We cannot wait … Not this year."
    assert quote["cue_text"] == "said" and quote["speaker_text"] == "Mara Lindqvist"
    assert quote["speaker_role"] == "port director" and quote["speaker_confidence"] == 0.9123
    [claim] = rows["claims"]
    assert claim["text"] == "The port reportedly lost $4.2 million last year"
    assert claim["source_name"] == "Mara Lindqvist" and claim["hedges"] == ["reportedly"]
    assert claim["figures"][0]["value"] == 4.2e6 and TEXT[claim["figures"][0]["start_char"] :].startswith("$4.2")
    [entity] = rows["entities"]
    assert entity["mention_count"] == 2 and entity["descriptors"] == ["port director"]
    [flag] = rows["flags"]
    assert flag["code"] == "hedged-report" and flag["text"] == "reportedly"
    [error] = rows["errors"]
    assert (error["kind"], error["stage"], error["file"], error["line"]) == ("stage", "claims.v1", "pages.jsonl", 7)
    assert [r["kind"] for r in rows["segments"]] == ["title", "body"]
    assert rows["related"][0]["start_char"] is None and rows["related"][0]["rewritten"] == "Fares frozen"


def test_sources_split_into_file_line_and_offset():
    assert split_source("/data/a.jsonl:12") == ("/data/a.jsonl", 12, None)
    assert split_source("crawl.warc.gz@50331") == ("crawl.warc.gz", None, 50331)
    assert split_source("C:/pages/story.txt") == ("C:/pages/story.txt", None, None)
    row = input_error_row("crawl.warc.gz@77", "WARC record truncated")
    assert row["id"] is None and row["kind"] == "input" and row["byte_offset"] == 77


def test_part_files_open_in_duckdb_and_pandas_with_columns_even_when_empty(doc, tmp_path):
    writer = PartWriter(tmp_path, "part-000000")
    writer.add_document(doc)
    writer.close()
    empty = PartWriter(tmp_path, "part-000001")
    empty.close()
    for table in TABLES:
        files = sorted(p.name for p in (tmp_path / table).iterdir())
        assert files == ["part-000000.parquet", "part-000001.parquet"]  # no half-written leftovers
        frame = pd.read_parquet(tmp_path / table)
        assert list(frame.columns) == SCHEMAS[table].names
        assert pq.read_schema(tmp_path / table / "part-000001.parquet") == SCHEMAS[table]
    quotes = duckdb.sql(f"SELECT speaker_name, content_text FROM '{tmp_path}/quotes/*.parquet'").fetchall()
    assert quotes == [("Mara Lindqvist", "We cannot wait … Not this year.")]
    figures = duckdb.sql(
        f"SELECT f.unit, f.value, f.start_char, f.end_char FROM (SELECT unnest(figures) AS f FROM "
        f"'{tmp_path}/claims/*.parquet')"
    ).fetchall()
    assert figures == [("USD", 4.2e6, *span_of("$4.2 million"))]
    spans = duckdb.sql(f"SELECT kind, start_char, end_char FROM '{tmp_path}/segments/*.parquet'").fetchall()
    assert spans[0] == ("title", 0, 21)


def test_an_aborted_part_leaves_nothing(doc, tmp_path):
    writer = PartWriter(tmp_path, "part-000003")
    writer.add_document(doc)
    writer.abort()
    assert all(not any((tmp_path / table).iterdir()) for table in TABLES)
