"""Hand-built analysed documents for the store and web tests (sentences written for these tests)."""

from __future__ import annotations

from newsprobe.record import Claim, Document, Entity, Figure, Flag, Quote, Segment, Speaker


def _find(text: str, part: str, start: int = 0) -> tuple[int, int]:
    at = text.index(part, start)
    return (at, at + len(part))


def make_doc(
    doc_id: str,
    title: str,
    paragraphs: list[str],
    quotes: list[tuple[str, str, str | None]] = (),
    people: list[str] = (),
    url: str | None = None,
    published: str | None = None,
    claims: list[tuple[str, str | None]] = (),
    flags: list[tuple[str, str, str]] = (),
) -> Document:
    """A document whose quotes are (quoted text, speaker mention, speaker full name or None).

    ``people`` are PERSON entities (full names) mentioned in the text; a quote's speaker is linked to the
    entity with that full name. ``claims`` are (claim text, figure text or None); ``flags`` (code, span text,
    message).
    """
    text = title + "\n\n" + "\n\n".join(paragraphs)
    segments = [Segment("title", 0, len(title))]
    at = len(title) + 2
    for para in paragraphs:
        segments.append(Segment("body", at, at + len(para)))
        at += len(para) + 2
    entities = []
    for i, name in enumerate(people):
        mentions = []
        start = 0
        surname = name.split()[-1]
        while surname in text[start:]:
            s, e = _find(text, surname, start)
            mentions.append((s, e))
            start = e
        entities.append(Entity(f"e{i + 1}", name, "PERSON", mentions, []))
    doc_quotes = []
    for content, mention, name in quotes:
        c = _find(text, content)
        m = _find(text, mention, c[1]) if mention in text[c[1] :] else _find(text, mention)
        entity = next((e.id for e in entities if name and e.name == name), None)
        doc_quotes.append(
            Quote([c], None, "direct", Speaker(m, name, entity, None, "named" if name else "unresolved", 0.9))
        )
    doc_claims = []
    for claim_text, figure in claims:
        span = _find(text, claim_text)
        figures = [Figure(_find(text, figure, span[0]), 12.0, "USD", "money")] if figure else []
        doc_claims.append(Claim(span, figures, None, 0.7, []))
    doc_flags = [Flag(code, _find(text, part), message) for code, part, message in flags]
    return Document(
        id=doc_id,
        text=text,
        url=url,
        title=title,
        published=published,
        segments=segments,
        entities=entities,
        quotes=doc_quotes,
        claims=doc_claims,
        flags=doc_flags,
    )


BRIDGE_PARAS = [
    "The old harbour bridge will close for repairs next spring, city officials confirmed on Tuesday evening.",
    "\u201cWe cannot keep patching a structure that was built for horses and carts,\u201d said Mayor Alma Brandt.",
    "Engineers found rust in twelve of the main cables during an inspection last autumn, according to a report.",
    "The repairs will cost $12 million and take about eight months, the council said in a statement.",
    "\u201cFerries will run every twenty minutes while the bridge is closed,\u201d Brandt added.",
    "\u201cIt will be chaos for the school run,\u201d one resident warned outside the town hall.",
]


def corpus() -> list[Document]:
    """Five documents: a story and its rewritten copy, a hostile page, two more speakers."""
    bridge = make_doc(
        "bridge-1",
        "Harbour bridge to close for repairs",
        BRIDGE_PARAS,
        quotes=[
            (
                "We cannot keep patching a structure that was built for horses and carts",
                "Mayor Alma Brandt",
                "Alma Brandt",
            ),
            ("Ferries will run every twenty minutes while the bridge is closed", "Brandt", "Alma Brandt"),
            ("It will be chaos for the school run", "one resident", None),
        ],
        people=["Alma Brandt"],
        url="https://www.harbourtimes.example/news/bridge",
        published="2025-03-04",
        claims=[("The repairs will cost $12 million and take about eight months", "$12 million")],
        flags=[("hedged-report", "according to a report", "The rust finding is attributed to an unnamed report.")],
    )
    rewritten = [
        p.replace("Tuesday evening", "Tuesday").replace("last autumn", "in the autumn") for p in BRIDGE_PARAS
    ] + ["Residents have been asked to plan their journeys ahead."]
    copy = make_doc(
        "bridge-2",
        "Harbour bridge closing next spring",
        rewritten,
        quotes=[("We cannot keep patching a structure that was built for horses and carts", "Brandt", "Brandt")],
        people=["Brandt"],
        url="https://coastnews.example/bridge-closing",
        published="2025-03-05",
    )
    hostile = make_doc(
        "hostile",
        "Council vote <script>alert('x')</script>",
        [
            "Councillor Ravi Menon rejected the plan. \u201cThis <script>alert(1)</script> budget is a fantasy,\u201d "
            "Ravi Menon said on Monday.",
            "The vote was postponed until the next session of the council, which meets in April.",
        ],
        quotes=[("This <script>alert(1)</script> budget is a fantasy", "Ravi Menon", "Ravi Menon")],
        people=["Ravi Menon"],
        url="https://harbourtimes.example/council",
        published="2025-04-01",
    )
    putin = make_doc(
        "kremlin",
        "Kremlin responds to sanctions",
        [
            "Russian President Vladimir Putin said the sanctions would hurt Europe more than Russia.",
            "\u201cThey are shooting themselves in the foot,\u201d Putin told reporters in Moscow on Friday.",
        ],
        quotes=[("They are shooting themselves in the foot", "Putin", "Russian President Vladimir Putin")],
        people=["Russian President Vladimir Putin"],
        url="https://wire.example/kremlin",
        published="2025-05-02",
    )
    putin_short = make_doc(
        "kremlin-2",
        "Putin on energy prices",
        [
            "Prices for gas will fall by the end of the year, Putin said in a televised address.",
            "\u201cWinter will not be cold for our partners,\u201d said Putin, speaking at an energy forum.",
        ],
        quotes=[("Winter will not be cold for our partners", "Putin", "Putin")],
        people=["Putin"],
        url="https://other.example/energy",
        published="2025-06-10",
    )
    return [bridge, copy, hostile, putin, putin_short]
