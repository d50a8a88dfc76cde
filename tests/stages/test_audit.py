"""audit.v1: the sourcing flags, on our own article and on hand-built documents."""

import pytest

from newsprobe.record import Document, Entity, Flag, Quote, Segment, Speaker
from newsprobe.stages.audit import AuditStage, text_flags, underspecified_flags, unresolved_flags
from tests.stages.test_claims import ARTICLE, hand_quotes


def flags_of(doc, code):
    return [f for f in doc.flags if f.code == code]


def body_doc(text, **fields):
    return Document("d", text, segments=[Segment("body", 0, len(text))], **fields)


def test_hedged_report_and_unverified_from_the_text():
    text = (
        "The minister reportedly resigned, according to reports. Police said the video could not be "
        "independently verified. The council has not been able to confirm the figure."
    )
    flags = text_flags(body_doc(text))
    hedged = [text[f.span[0] : f.span[1]] for f in flags if f.code == "hedged-report"]
    assert hedged == ["reportedly", "according to reports"]
    unverified = [text[f.span[0] : f.span[1]] for f in flags if f.code == "unverified"]
    assert unverified == [
        "Police said the video could not be independently verified.",
        "The council has not been able to confirm the figure.",
    ]
    assert "could not be verified" in [f for f in flags if f.code == "unverified"][0].message


def test_no_audit_flags_on_plain_reporting():
    text = "The council approved the budget on Monday. Mayor Alicia Romero said it was fair."
    assert text_flags(body_doc(text)) == []


def test_speaker_underspecified_counts_quotes_and_names_the_speaker():
    text = "“No,” Hoffman said. “Never,” he added. “Yes,” said Dr. Ann Lee, a surgeon. “Maybe,” Lee said."
    hoffman = Entity("e1", "Hoffman", "PERSON", [(6, 13)])
    lee = Entity("e2", "Ann Lee", "PERSON", [(45, 52), (70, 73)], ["surgeon"])
    quotes = [
        Quote([(1, 3)], speaker=Speaker((6, 13), None, "e1", None, "surname", 0.9)),
        Quote([(21, 26)], speaker=Speaker((29, 31), "Hoffman", "e1", None, "pronoun", 0.7)),
        Quote([(41, 44)], speaker=Speaker((45, 52), "Ann Lee", "e2", "surgeon", "named", 0.9)),
        Quote([(63, 68)], speaker=Speaker((70, 73), "Ann Lee", "e2", None, "surname", 0.9)),
    ]
    doc = body_doc(text, entities=[hoffman, lee], quotes=quotes)
    (flag,) = underspecified_flags(doc)
    assert flag.span == (6, 13)
    assert flag.message.startswith("Hoffman is quoted twice but never given a first name or a role")


def test_a_role_is_enough():
    text = "“No,” said Koffler, a former intelligence officer."
    entity = Entity("e1", "Koffler", "PERSON", [(11, 18)], ["a former intelligence officer"])
    doc = body_doc(
        text, entities=[entity], quotes=[Quote([(1, 3)], speaker=Speaker((11, 18), None, "e1", None, "surname", 0.9))]
    )
    assert underspecified_flags(doc) == []


def test_a_form_of_address_is_no_first_name():
    text = "“No,” said Prof. Koffler. “Yes,” said Lord Hale."
    koffler = Entity("e1", "Prof. Koffler", "PERSON", [(11, 24)])
    hale = Entity("e2", "Lord Hale", "PERSON", [(38, 47)])
    quotes = [
        Quote([(1, 3)], speaker=Speaker((11, 24), None, "e1", None, "surname", 0.9)),
        Quote([(27, 30)], speaker=Speaker((38, 47), None, "e2", None, "surname", 0.9)),
    ]
    doc = body_doc(text, entities=[koffler, hale], quotes=quotes)
    assert [text[f.span[0] : f.span[1]] for f in underspecified_flags(doc)] == ["Prof. Koffler", "Lord Hale"]


def test_an_organisation_is_not_underspecified():
    text = "The Kremlin said talks would go on."
    kremlin = Entity("e1", "Kremlin", "ORG", [(4, 11)])  # named with an article: an institution
    doc = body_doc(
        text,
        entities=[kremlin],
        quotes=[Quote([(17, 34)], speaker=Speaker((4, 11), "Kremlin", "e1", None, "surname", 0.9))],
    )
    assert underspecified_flags(doc) == []


def test_speaker_unresolved_quotes_the_quote():
    text = "“It will pass,” one said."
    doc = body_doc(text, quotes=[Quote([(1, 13)], speaker=Speaker(None, resolution="unresolved"))])
    (flag,) = unresolved_flags(doc)
    assert flag.code == "speaker-unresolved" and flag.span == (1, 13)
    assert "“It will pass,”" in flag.message or "It will pass" in flag.message


def test_stage_is_idempotent_and_keeps_other_flags():
    text = "The mayor reportedly quit."
    other = Flag("related-mismatch", (0, 3), "kept")
    doc = body_doc(text, flags=[other])
    stage = AuditStage(None)
    stage(doc)
    stage(doc)
    assert [f.code for f in doc.flags] == ["related-mismatch", "hedged-report"]


@pytest.fixture(scope="module")
def audited():
    import newsprobe
    from newsprobe.stages.claims import ClaimsStage

    doc = newsprobe.analyze(ARTICLE, id="budget", published="2025-11-20")
    doc.quotes = hand_quotes(doc)
    return AuditStage(None)(ClaimsStage(None)(doc))


@pytest.mark.slow
def test_anonymous_sources_only_where_they_source_something(audited):
    found = [audited.text[f.span[0] : f.span[1]] for f in flags_of(audited, "anonymous-source")]
    assert found == ["sources close to the mayor", "security experts"]  # not "City officials", not "union officials"
    assert "Unnamed source" in flags_of(audited, "anonymous-source")[0].message


@pytest.mark.slow
def test_audit_of_the_article(audited):
    assert [f.message.split(" is quoted")[0] for f in flags_of(audited, "speaker-underspecified")] == ["Brandt"]
    assert [audited.text[f.span[0] : f.span[1]] for f in flags_of(audited, "hedged-report")] == ["reportedly"]
    (unverified,) = flags_of(audited, "unverified")
    assert audited.text[unverified.span[0] : unverified.span[1]] == "The Ledger could not verify the report’s claims."
    (unresolved,) = flags_of(audited, "speaker-unresolved")
    assert audited.text[unresolved.span[0] : unresolved.span[1]] == "It is a fair budget"
    assert [f.span for f in audited.flags] == sorted(f.span for f in audited.flags)


@pytest.mark.slow
def test_named_spokesperson_is_not_anonymous():
    import newsprobe

    text = (
        "Budget talks stall\n\nA spokesperson for the mayor, Dana Whitfield, said the talks would go on. "
        "A spokesperson for the union said the offer was too low.\n"
    )
    doc = AuditStage(None)(newsprobe.analyze(text, id="s"))
    found = [doc.text[f.span[0] : f.span[1]] for f in flags_of(doc, "anonymous-source")]
    assert found == ["A spokesperson"] and doc.text.index("A spokesperson for the union") == doc.flags[0].span[0]
