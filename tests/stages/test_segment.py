from newsprobe.page.textdump import segment_text


def kinds(text):
    segments, related, title = segment_text(text)
    return [(s.kind, text[s.start : s.end]) for s in segments], related, title


def test_seed_furniture_is_typed(example_text):
    segments, related, title = kinds(example_text)
    by_text = {t: k for k, t in segments}
    assert title.startswith("Trump insists Ukraine-Russia peace deal is close")
    for label in ("Putin, Trump, Karoline", "Russia strikes Ukraine", "Ukraine soldiers"):
        assert by_text[label] == "other", label
    assert by_text["(Getty Images)"] == "credit"
    assert by_text["Ukrainian soldiers are seen on March 8, 2025."] == "caption"
    assert by_text["You May Also Like"] == "heading"
    # quote-only and short body paragraphs stay body
    assert by_text["“Putin would like to string Trump along and will continue to try doing so,” she added."] == "body"
    assert all(k == "related" for k, t in segments[segments.index(("heading", "You May Also Like")) + 1 :])


def test_seed_related_items_are_parsed(example_text):
    _, related, _ = kinds(example_text)
    assert len(related) == 12
    jammers = related[3]
    assert jammers.headline.startswith("Crackdown Win: AG Bondi Announces Three MS-13 Members")
    assert jammers.rewritten == "Spike in Chinese-Made Signal Jammers: Criminals Embracing High-Tech Devices"
    assert jammers.teaser == "Several years ago, a friend of mine was in a relationship with…"


def test_short_body_paragraph_without_caption_stays_body():
    text = "A headline here\n\nHe left.\n\nNo comment\n\nShe stayed on for two more years, aides said."
    segments, _, _ = kinds(text)
    assert ("body", "No comment") in segments and ("body", "He left.") in segments
