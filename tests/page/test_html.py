from newsprobe.page.html import extract_html, split_credit

PARAGRAPHS = [
    "The regional water board voted on Thursday to raise rates for the first time in nine years, "
    "citing the cost of replacing ageing pipes across the valley.",
    "Board chair Maria Lopez said the increase, about four dollars a month for a typical household, "
    "would pay for a ten-year programme of repairs that engineers had urged since 2015.",
    "Residents who spoke at the meeting were divided. Several said they understood the need, while "
    "others asked why the board had waited until the pipes began to fail before acting.",
    "The new rates take effect in January. The board will publish a schedule of the repair work "
    "on its website next month, listing the streets affected in each phase of the programme.",
]

PAGE = f"""<!doctype html>
<html><head><title>Water rates rise to fund pipe repairs | Valley Times</title>
<meta property="og:title" content="Water rates rise to fund pipe repairs">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
<h1>Water rates rise to fund pipe repairs</h1>
<p>{PARAGRAPHS[0]}</p>
<figure><img src="pipes.jpg">
<figcaption>Workers replace a water main on Elm Street. Credit: Jo Smith</figcaption></figure>
<p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p>
<p>{PARAGRAPHS[3]}</p>
</article>
<aside class="related-stories"><h3>Related stories</h3><ul>
<li><a href="/a">Valley reservoir reaches record low in dry summer</a></li>
<li><a href="/b">Council debates new park on the old rail yard</a></li>
<li><a href="/c">More</a></li>
</ul></aside>
<footer><p>Copyright Valley Times. All rights reserved.</p></footer>
</body></html>"""


def test_body_captions_related_and_metadata():
    page = extract_html(PAGE, url="https://example.org/water")
    kinds = [(s.kind, page.text[s.start : s.end]) for s in page.segments]
    body = [t for k, t in kinds if k == "body"]
    assert body == PARAGRAPHS
    assert ("caption", "Workers replace a water main on Elm Street.") in kinds
    assert ("credit", "Credit: Jo Smith") in kinds
    assert ("heading", "Related stories") in kinds
    assert [r.headline for r in page.related] == [
        "Valley reservoir reaches record low in dry summer",
        "Council debates new park on the old rail yard",
    ]
    assert page.related[0].url == "/a"
    assert page.text[slice(*page.related[1].span)] == page.related[1].headline
    assert page.title == "Water rates rise to fund pipe repairs"
    assert page.published == "2024-05-02"
    assert page.url == "https://example.org/water"
    assert "Home" not in body and not any("Copyright" in t for t in body)


def test_split_credit():
    assert split_credit("A man waves. (Getty Images)") == ("A man waves.", "(Getty Images)")
    nyt_style = "Crowds at the fair.Credit...Ann Lee/The Times"
    assert split_credit(nyt_style) == ("Crowds at the fair.", "Credit...Ann Lee/The Times")
    assert split_credit("A quiet street at dawn") == ("A quiet street at dawn", None)
