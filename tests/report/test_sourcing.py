from newsprobe.record import Claim, Document, Entity, Figure, Flag, Quote, Segment, Speaker
from newsprobe.report.markdown import render_markdown
from newsprobe.report.sourcing import readable_number, speaker_rows

TEXT = (
    "“We hired 300 teachers,” said Mayor Alicia Romero. “It is not enough,” Brandt said. "
    "“Fine,” someone said. The city reportedly spent $1.2bn in 2024."
)


def make_doc():
    def at(part):
        start = TEXT.index(part)
        return (start, start + len(part))

    romero = Entity("e1", "Alicia Romero", "PERSON", [at("Alicia Romero")], ["Mayor"])
    brandt = Entity("e2", "Brandt", "PERSON", [at("Brandt")])
    quotes = [
        Quote(
            [at("We hired 300 teachers")],
            speaker=Speaker(at("Mayor Alicia Romero"), "Alicia Romero", "e1", "Mayor", "named", 0.9),
        ),
        Quote([at("It is not enough")], speaker=Speaker(at("Brandt"), None, "e2", None, "surname", 0.9)),
        Quote([at("Fine")], speaker=Speaker(at("someone"), None, None, None, "unresolved", 0.1)),
    ]
    claim = Claim(
        at("The city reportedly spent $1.2bn in 2024."),
        [Figure(at("$1.2bn"), 1.2e9, "USD", "money"), Figure(at("2024"), 1.7e9, None, "date", "2024")],
        None,
        0.83,
        ["reportedly"],
    )
    flags = [
        Flag("hedged-report", at("reportedly"), "“reportedly”: the article passes this on without confirming it"),
        Flag("speaker-underspecified", at("Brandt"), "Brandt is quoted once but never given a first name"),
    ]
    return Document(
        "d",
        TEXT,
        segments=[Segment("body", 0, len(TEXT))],
        entities=[romero, brandt],
        quotes=quotes,
        claims=[claim],
        flags=flags,
    )


def test_speaker_rows_count_quotes_and_words():
    rows = {r.name: (r.identified, r.quotes, r.words) for r in speaker_rows(make_doc())}
    assert rows == {
        "Alicia Romero": ("full name, Mayor", 1, 4),
        "Brandt": ("surname only", 1, 4),
        "(unresolved)": ("not identified by the text", 1, 1),
    }


def test_markdown_has_sourcing_and_claims_sections():
    md = render_markdown(make_doc())
    sourcing = md[md.index("## Sourcing") : md.index("## Claims")]
    assert "| Alicia Romero | full name, Mayor | 1 | 4 | 44% |" in sourcing
    assert "**Hedged** (1)" in sourcing and "**Underspecified speakers** (1)" in sourcing
    claims = md[md.index("## Claims") :]
    assert (
        "| 0.83 | The city reportedly spent $1.2bn in 2024. | $1.2bn = 1.2 billion USD; 2024 = 2024 | the outlet |"
        " reportedly |" in claims
    )


def test_no_sections_without_quotes_claims_or_flags():
    md = render_markdown(Document("d", "Plain.", segments=[Segment("body", 0, 6)]))
    assert "## Sourcing" not in md and "## Claims" not in md


def test_readable_number():
    assert readable_number(66.5e9) == "66.5 billion"
    assert readable_number(1500) == "1,500"
    assert readable_number(0.56) == "0.56"
