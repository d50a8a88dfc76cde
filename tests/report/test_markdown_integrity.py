from newsprobe.record import Document, Flag, HeadlineCheck, RelatedItem, Segment
from newsprobe.report.markdown import render_markdown


def test_integrity_section_lists_the_check_the_flags_and_the_items():
    doc = Document(
        id="made-up",
        text="Bridge closes\n\nThe bridge closed.",
        title="Bridge closes",
        segments=[Segment("title", 0, 13), Segment("body", 15, 33)],
        related=[RelatedItem("Mayor resigns", "Chef opens bakery", consistency="mismatch", score=0.12, span=(0, 5))],
        headline_check=HeadlineCheck("agree", 0.91),
        flags=[Flag("related-mismatch", (0, 5), "“Mayor resigns”: the rewritten headline is about another story.")],
    )
    report = render_markdown(doc)
    assert "## Page integrity" in report
    assert "Title against body: **agree** (0.91)." in report
    assert "- `related-mismatch`: “Mayor resigns”: the rewritten headline is about another story." in report
    assert "| Mayor resigns | Chef opens bakery | mismatch | 0.12 |" in report


def test_no_integrity_section_without_checks():
    doc = Document(id="x", text="Just text.", segments=[Segment("body", 0, 10)])
    assert "Page integrity" not in render_markdown(doc)
