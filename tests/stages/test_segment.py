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


CLEAN_ARTICLE = """Council approves new budget after long debate

The city council on Tuesday approved a budget of $4.2 million for the coming year.

"We had to make hard choices," said Mayor Ellen Park.

Not everyone agreed.

Councillor Tom Reyes voted against it, saying the cuts to libraries
went too far and would hurt families.

Read more about it here.
"""


def test_clean_article_text_is_title_and_body():
    segments, related, title = kinds(CLEAN_ARTICLE)
    assert title == "Council approves new budget after long debate"
    assert segments[0] == ("title", title)
    assert [k for k, _ in segments[1:]] == ["body"] * (len(segments) - 1)
    assert ("body", "Not everyone agreed.") in segments
    assert ("body", "went too far and would hurt families.") in segments
    assert related == []


MENU_PAGE = """Daily Bugle
  Home
  World
  Sports
  Business
  Opinion

Harbour bridge to close for repairs next spring

By Ann Lee
March 3, 2024

The harbour bridge will close for six weeks next spring while engineers replace cables, the department said.

Drivers will be sent over the north crossing, which officials expect to add twenty minutes to a commute.

"The work cannot wait any longer," a department spokesperson said, adding that the cables were installed in 1978.

Most read
  Local team wins title
  Storm warning for the coast
  New school opens

About us
Contact
Privacy policy
"""


def test_menus_and_footers_are_not_body():
    segments, _, title = kinds(MENU_PAGE)
    body = [t for k, t in segments if k == "body"]
    assert len(body) == 3 and body[0].startswith("The harbour bridge will close")
    assert title == "Harbour bridge to close for repairs next spring"
    for junk in ("Home", "Sports", "Local team wins title", "Privacy policy", "Daily Bugle"):
        assert dict((t, k) for k, t in segments)[junk] != "body", junk
