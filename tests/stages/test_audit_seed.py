"""The sourcing audit on the example page, with its quotes given by hand as quotes.v1 and speakers.v1 see them."""

import pytest

from newsprobe.record import Quote, Speaker

pytestmark = pytest.mark.slow


def span_of(text, part, after=0):
    start = text.index(part, after)
    return (start, start + len(part))


@pytest.fixture(scope="module")
def seed(example_text):
    import newsprobe
    from newsprobe.stages.audit import AuditStage
    from newsprobe.stages.claims import ClaimsStage

    doc = newsprobe.analyze(example_text, id="seed-audit", published="2025-04-23")
    entity = {e.name: e.id for e in doc.entities}
    text = doc.text

    def quote(content, mention, resolution, name):
        start = text.index(content)
        return Quote(
            [(start, start + len(content))],
            None,
            "direct",
            Speaker(span_of(text, mention, start - 40), name, entity.get(name), None, resolution, 0.8),
        )

    doc.quotes = [
        quote("There’s no indication that Putin wants to stop the war", "Hoffman", "surname", "Hoffman"),
        quote("Russia is the invader, so you have to stop them", "he", "pronoun", "Hoffman"),
        quote("will be pursuing the same strategy", "Koffler", "surname", "Koffler"),
        quote("Putin would like to string Trump along", "she", "pronoun", "Koffler"),
        quote("He could promise Trump not to share certain sensitive technologies", "Koffler", "surname", "Koffler"),
        quote("It is not worth setting any rigid time frames", "he", "pronoun", "Dmitry Peskov"),
    ]
    return AuditStage(None)(ClaimsStage(None)(doc))


def texts(doc, code):
    return [doc.text[f.span[0] : f.span[1]] for f in doc.flags if f.code == code]


def test_hoffman_and_koffler_are_underspecified(seed):
    messages = [f.message for f in seed.flags if f.code == "speaker-underspecified"]
    assert [m.split(" but ")[0] for m in messages] == ["Hoffman is quoted twice", "Koffler is quoted 3 times"]
    assert all("never given a first name or a role" in m for m in messages)


def test_unnamed_sources_of_the_example(seed):
    assert texts(seed, "anonymous-source") == ["security experts", "security experts", "sources close to Putin"]


def test_hedges_and_unverified_of_the_example(seed):
    assert texts(seed, "hedged-report") == ["reportedly", "reportedly"]
    assert texts(seed, "unverified")[0].startswith("Fox News Digital could not verify the report’s claims")


def test_claims_of_the_example(seed):
    money = [(f.value, f.unit) for c in seed.claims for f in c.figures if f.kind == "money"]
    assert money == [(66.5e9, "USD"), (841.4e9, "USD")]
    moscow_times = next(e.id for e in seed.entities if e.name == "Moscow Times")
    cited = [seed.text[c.span[0] : c.span[0] + 20] for c in seed.claims if c.source == moscow_times]
    assert cited == ["A report by the Mosc", "The article claimed "]
    hoffman = next(e.id for e in seed.entities if e.name == "Hoffman")
    assert any(c.source == hoffman for c in seed.claims)
