import pickle

import pytest

from newsprobe.options import Options
from newsprobe.record import Document, RelatedItem, Segment
from newsprobe.stages.integrity import IntegrityStage

pytestmark = pytest.mark.slow

OTHER_STORIES = ("Crackdown Win: AG Bondi", "Israeli ambassador lashes out")


def test_seed_related_items_other_stories_are_flagged(seed_doc):
    assert len(seed_doc.related) == 12
    verdicts = {item.headline: item.consistency for item in seed_doc.related}
    mismatched = sorted(h for h, c in verdicts.items() if c == "mismatch")
    assert len(mismatched) == 2
    assert mismatched[0].startswith(OTHER_STORIES[0]) and mismatched[1].startswith(OTHER_STORIES[1])
    assert all(c == "consistent" for h, c in verdicts.items() if not h.startswith(OTHER_STORIES))
    assert all(0.0 <= item.score <= 1.0 for item in seed_doc.related)


def test_seed_related_mismatch_flags_carry_the_item_span_and_a_reason(seed_doc):
    flags = [f for f in seed_doc.flags if f.code == "related-mismatch"]
    spans = {item.span for item in seed_doc.related if item.consistency == "mismatch"}
    assert {f.span for f in flags} == spans
    messages = " ".join(f.message for f in flags)
    assert "another story" in messages
    assert "Iran" in messages and "UK, France, Canada" in messages


def test_seed_title_is_borne_out_by_the_body(seed_doc):
    assert seed_doc.headline_check is not None
    assert seed_doc.headline_check.stance in ("agree", "discuss")
    assert not [f for f in seed_doc.flags if f.code == "headline-body-mismatch"]
    assert not [e for e in seed_doc.errors if e.stage == "integrity.v1"]


def page(title, body, related=()):
    text = f"{title}\n\n{body}"
    start = len(title) + 2
    return Document(
        id="made-up",
        text=text,
        segments=[Segment("title", 0, len(title)), Segment("body", start, len(text))],
        related=list(related),
    )


def test_a_title_the_body_does_not_address_is_flagged():
    doc = page(
        "Local bakery wins national award for its sourdough bread",
        "The visiting side scored twice in the second half to win the derby 2-0. The home coach said his "
        "defenders had lost concentration after the break. Fans left the stadium before the final whistle, "
        "and the club said it would review its training schedule before the next league match on Saturday.",
    )
    IntegrityStage(Options())(doc)
    assert doc.headline_check.stance == "unrelated"
    (flag,) = [f for f in doc.flags if f.code == "headline-body-mismatch"]
    assert flag.span == (0, len("Local bakery wins national award for its sourdough bread"))
    assert "does not address" in flag.message


def test_made_up_related_items_are_judged():
    doc = page(
        "Harbour bridge to close for repairs",
        "The harbour bridge will close for six months of repairs, the city council said on Tuesday.",
        [
            RelatedItem("Germany sues Google over data breach", "Google sues Germany over data breach", span=(0, 5)),
            RelatedItem(
                "Heatwave sends temperatures soaring in Madrid",
                "Madrid swelters as heatwave pushes temperatures up",
                span=(5, 9),
            ),
        ],
    )
    IntegrityStage(Options())(doc)
    assert [item.consistency for item in doc.related] == ["mismatch", "consistent"]
    assert [f.span for f in doc.flags if f.code == "related-mismatch"] == [(0, 5)]


def test_the_stage_pickles_without_models():
    stage = pickle.loads(pickle.dumps(IntegrityStage(Options())))
    assert stage.model_name == Options().model
    assert stage.__getstate__() == {"model_name": Options().model}


def test_repeated_related_blocks_reuse_their_verdicts():
    stage = IntegrityStage(Options())
    items = [RelatedItem("Germany sues Google over data breach", "Google sues Germany over data breach", span=(0, 5))]
    first = page("Harbour bridge to close", "The harbour bridge will close, the council said.", items)
    stage.check_related(first)
    assert len(stage._verdicts) == 1
    second = page(
        "Harbour bridge to close",
        "The harbour bridge will close, the council said.",
        [RelatedItem("Germany sues Google over data breach", "Google sues Germany over data breach", span=(0, 5))],
    )
    stage.check_related(second)
    assert second.related[0].consistency == "mismatch"
    assert len(stage._verdicts) == 1
    assert pickle.loads(pickle.dumps(stage))._verdicts == {}


def test_a_title_case_rewrite_that_swaps_who_sued_whom_is_a_mismatch():
    # Title Case hides names; the teaser writes "Google" mid-sentence, so it is read as one
    teaser = "Lawyers for Google said on Tuesday that the case brought in Germany had no merit."
    doc = page(
        "Harbour bridge to close",
        "The harbour bridge will close, the council said.",
        [
            RelatedItem(
                "Germany Sues Google Over Data Breach", "Google Sues Germany Over Data Breach", teaser, span=(0, 5)
            ),
            RelatedItem(
                "Germany Sues Google Over Data Breach", "Google Sued By Germany Over Data Breach", teaser, span=(5, 9)
            ),
        ],
    )
    IntegrityStage(Options())(doc)
    assert [item.consistency for item in doc.related] == ["mismatch", "consistent"]
    (flag,) = [f for f in doc.flags if f.code == "related-mismatch"]
    assert "who did what to whom" in flag.message
