import json

import pytest

from newsprobe.record import SCHEMA, Claim, Document, Entity, Figure, Flag, Quote, Segment, Speaker, StageError


def make_doc() -> Document:
    text = "“We will win,” she said. Leavitt spoke for the White House."
    return Document(
        id="d1",
        text=text,
        segments=[Segment("body", 0, len(text))],
        entities=[Entity("e1", "Karoline Leavitt", "PERSON", [(25, 32)], ["press secretary"])],
        quotes=[
            Quote([(1, 12)], (15, 19), "direct", Speaker((15, 18), "Karoline Leavitt", "e1", None, "pronoun", 0.8))
        ],
        claims=[Claim((0, 24), [Figure((0, 2), 3.0, None, "count")], "e1", 0.5, ["reportedly"])],
        flags=[Flag("hedged-report", (0, 5), "hedged")],
        errors=[StageError("quotes.v1", "boom")],
    )


def test_round_trip_through_json_keeps_every_field():
    doc = make_doc()
    record = json.loads(json.dumps(doc.to_dict()))
    assert record["schema"] == SCHEMA
    assert record["quotes"][0]["content"] == [[1, 12]]
    assert record["quotes"][0]["speaker"]["mention"] == [15, 18]
    assert Document.from_dict(record).to_dict() == doc.to_dict()


def test_contract_top_level_keys_in_order():
    keys = list(make_doc().to_dict())
    assert keys == [
        "schema",
        "id",
        "url",
        "title",
        "published",
        "text",
        "segments",
        "entities",
        "quotes",
        "claims",
        "related",
        "headline_check",
        "flags",
        "errors",
    ]


def test_other_schema_is_refused():
    record = make_doc().to_dict()
    record["schema"] = "newsprobe/9"
    with pytest.raises(ValueError, match="newsprobe/9"):
        Document.from_dict(record)


def test_body_text_joins_body_segments_only():
    doc = Document(
        id="x",
        text="Title\n\nOne.\n\nCaption\n\nTwo.",
        segments=[Segment("title", 0, 5), Segment("body", 7, 11), Segment("caption", 13, 20), Segment("body", 22, 26)],
    )
    assert doc.body_text() == "One.\nTwo."
