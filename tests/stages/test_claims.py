"""claims.v1 on a short article of our own, with quotes built by hand (quotes.v1 is another stage)."""

import pytest

from newsprobe.record import Claim, Document, Quote, Segment, Speaker
from newsprobe.stages.claims import find_hedges, quote_source

pytestmark = pytest.mark.slow

ARTICLE = """City council approves budget amid doubts

The city council on Monday approved a $1.2bn budget for 2026, up 4.5% from last year, according to the finance office.

“We have cut waste and hired 300 new teachers,” said Mayor Alicia Romero, who has led the city since January 2021.

“The numbers do not add up,” Brandt said. “They never have.”

“It is a fair budget,” he said.

A report by the Harbor Gazette on Sunday cited sources close to the mayor and said the deficit could reach $80 million.

The article claimed that two contractors had been paid twice for the same work.

The Ledger could not verify the report’s claims.

City officials reportedly plan to raise parking fees next year, and security experts warned the cameras are weak.

Talks with union officials continue this week.
"""


def span_of(text, part, after=0):
    start = text.index(part, after)
    return (start, start + len(part))


def entity_id(doc, name):
    return next(e.id for e in doc.entities if e.name == name)


def hand_quotes(doc):
    """The quotes a quote stage would find, with speakers resolved as speakers.v1 would."""
    text = doc.text
    romero = Speaker(
        span_of(text, "Mayor Alicia Romero"), "Alicia Romero", entity_id(doc, "Alicia Romero"), "Mayor", "named", 0.95
    )
    brandt = Speaker(span_of(text, "Brandt"), None, entity_id(doc, "Brandt"), None, "surname", 0.9)
    nobody = Speaker(span_of(text, "he said"), None, None, None, "unresolved", 0.2)
    return [
        Quote([span_of(text, "We have cut waste and hired 300 new teachers")], None, "direct", romero),
        Quote([span_of(text, "The numbers do not add up"), span_of(text, "They never have.")], None, "direct", brandt),
        Quote([span_of(text, "It is a fair budget")], None, "direct", nobody),
    ]


@pytest.fixture(scope="module")
def article():
    import newsprobe
    from newsprobe.stages.claims import ClaimsStage

    doc = newsprobe.analyze(ARTICLE, id="budget", published="2025-11-20")
    doc.quotes = hand_quotes(doc)
    return ClaimsStage(None)(doc)


def claim_with(doc, words):
    found = [c for c in doc.claims if words in doc.text[c.span[0] : c.span[1]]]
    assert found, f"no claim holds {words!r}: {[doc.text[c.span[0] : c.span[1]] for c in doc.claims]}"
    return found[0]


def test_claim_figures_are_normalised(article):
    claim = claim_with(article, "$1.2bn budget")
    read = {article.text[f.span[0] : f.span[1]]: (f.value, f.unit, f.kind, f.iso) for f in claim.figures}
    assert read["$1.2bn"] == (pytest.approx(1.2e9), "USD", "money", None)
    assert read["4.5%"] == (4.5, "%", "percent", None)
    assert read["2026"][2:] == ("date", "2026")
    assert read["last year"][2:] == ("date", "2024")
    assert read["Monday"][2:] == ("date", "2025-11-17")
    assert claim.source is None  # the outlet's own statement
    assert claim.hedges == ["according to"]


def test_claim_inside_a_quote_is_the_speakers(article):
    claim = claim_with(article, "hired 300 new teachers")
    assert claim.source == entity_id(article, "Alicia Romero")
    kinds = {f.kind: article.text[f.span[0] : f.span[1]] for f in claim.figures}
    assert kinds == {"count": "300 new teachers", "date": "since January 2021"}


def test_report_publisher_is_the_source_and_carries_to_the_next_sentence(article):
    gazette = entity_id(article, "Harbor Gazette")
    assert claim_with(article, "deficit could reach $80 million").source == gazette
    assert claim_with(article, "two contractors").source == gazette


def test_hedges_are_listed(article):
    assert claim_with(article, "raise parking fees").hedges == ["reportedly"]
    assert "could not verify" in claim_with(article, "could not verify").hedges


def test_claim_spans_are_trimmed_sentences_of_the_body(article):
    title_end = article.segments[0].end
    for claim in article.claims:
        text = article.text[claim.span[0] : claim.span[1]]
        assert text == text.strip() and claim.span[0] > title_end
        assert 0.0 <= claim.checkworthiness <= 1.0


def test_every_claim_serialises(article):
    record = article.to_dict()
    assert record["claims"] and all(
        {"span", "figures", "source", "checkworthiness", "hedges"} <= set(c) for c in record["claims"]
    )
    assert Document.from_dict(record).claims[0].figures == article.claims[0].figures


def test_quote_source_picks_the_quote_covering_the_sentence():
    quote = Quote([(10, 40)], speaker=Speaker(entity="e7", resolution="named"))
    assert quote_source((8, 50), [quote]) == (True, "e7")
    assert quote_source((60, 90), [quote]) == (False, None)


def test_find_hedges():
    assert find_hedges("He reportedly left, according to reports; it could not be verified.") == [
        "reportedly",
        "according to reports",
        "could not be verified",
    ]
    assert find_hedges("The bill passed on Tuesday.") == []


def test_claims_stage_without_parses_gives_no_claims():
    from newsprobe.stages.claims import ClaimsStage

    doc = Document("x", "Some text.", segments=[Segment("body", 0, 10)])
    assert ClaimsStage(None)(doc).claims == []
    assert isinstance(Claim((0, 1)).figures, list)


def test_questions_are_no_claims_and_pipe_matches_call():
    import newsprobe
    from newsprobe.stages.claims import ClaimsStage

    texts = [
        "Deficit grows\n\nWho will pay for the $80 million deficit? The city borrowed $80 million in 2024.\n",
        "Schools\n\nThe district hired 300 teachers in March, the board said.\n",
    ]
    stage = ClaimsStage(None)
    one_by_one = [stage(newsprobe.analyze(t, id=str(i))) for i, t in enumerate(texts)]
    batched = list(stage.pipe([newsprobe.analyze(t, id=str(i)) for i, t in enumerate(texts)]))
    assert [[d.text[c.span[0] : c.span[1]] for c in d.claims] for d in batched] == [
        ["The city borrowed $80 million in 2024."],
        ["The district hired 300 teachers in March, the board said."],
    ]
    assert [d.claims for d in batched] == [d.claims for d in one_by_one]
