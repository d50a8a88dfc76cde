from newsprobe.record import Document, Quote, Segment, Speaker
from newsprobe.report import render


def test_quotes_are_highlighted_by_speaker_and_page_markup_is_escaped():
    text = "Budget passes <script>alert(1)</script>\n\n“We did it,” said Mayor Ana Ortiz."
    body = text.index("“")
    said = text.index("said")
    mayor = text.index("Mayor")
    doc = Document(
        id="d1",
        text=text,
        title="Budget passes <script>alert(1)</script>",
        segments=[Segment("title", 0, body - 2), Segment("body", body, len(text))],
        quotes=[
            Quote(
                [(body, said - 1)],
                (said, said + 4),
                "direct",
                Speaker((mayor, len(text) - 1), "Ana Ortiz", None, "Mayor", "named", 0.95),
            )
        ],
    )
    page = render([doc], "html")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<mark class="quote" style="background: #ffd6a5" title="Ana Ortiz">“We did it,”</mark>' in page
    assert '<span class="cue">said</span>' in page
