"""Bound variants and the learned chooser (quotes/variants.py), on sentences written for these tests."""

import pytest

from newsprobe.nlp import Parse, load_model
from newsprobe.options import Options
from newsprobe.quotes.found import Attribution
from newsprobe.quotes.marks import quote_runs
from newsprobe.quotes.variants import BoundChooser, chooser, variants
from newsprobe.record import Segment

pytestmark = pytest.mark.slow


def parsed(text: str) -> Parse:
    return Parse(Segment("body", 0, len(text)), load_model(Options().model)(text))


def found_in(text: str, content: str, cue: str, key: str) -> Attribution:
    start = text.index(content)
    return Attribution([(start, start + len(content))], (text.index(cue), text.index(cue) + len(cue)), None, 0, key=key)


TEXT = "The mayor said the bridge would reopen in May, which surprised the engineers. The ferry kept running."
CONTENT = "the bridge would reopen in May, which surprised the engineers"


def test_the_found_edges_come_first_and_the_parse_offers_cuts_and_extensions():
    parse = parsed(TEXT)
    options = variants(parse, [], found_in(TEXT, CONTENT, "said", "say|ccomp"))
    assert options is not None
    keep = options.span(options.starts[0], options.ends[0])
    assert TEXT[keep[0] : keep[1]] == CONTENT
    ends = {e.kind: TEXT[keep[0] : options.span(options.starts[0], e)[1]] for e in options.ends}
    assert ends["keep"] == CONTENT
    assert "the bridge would reopen in May" in ends.values()  # the relative aside cut off
    assert ends["next-sent"].endswith("The ferry kept running")  # run on through the next sentence
    assert all("edge=end" in e.features for e in options.ends)


def test_variants_grow_to_the_quoted_runs_they_touch():
    text = "The mayor said the bridge was “safe for every truck, big or small” and left."
    parse = parsed(text)
    runs = quote_runs(text, [(0, len(text))])
    content = "the bridge was “safe for every truck, big or small”"
    options = variants(parse, runs, found_in(text, content, "said", "say|ccomp"))
    assert options is not None
    for start in options.starts:
        for end in options.ends:
            span = options.span(start, end)
            if span is not None and span[1] > text.index("“"):
                assert span[1] >= text.index("”") + 1  # never ends inside the quote


def test_the_chooser_moves_an_edge_only_past_its_margin():
    parse = parsed(TEXT)
    weights = {"e1=cut:relcl": 4.0}
    found = found_in(TEXT, CONTENT, "said", "say|ccomp")
    options = variants(parse, [], found)
    assert options is not None and any(e.kind.startswith("cut:relcl") for e in options.ends)
    shares = BoundChooser(weights).shares([e.features for e in options.ends])
    cut = next(i for i, e in enumerate(options.ends) if e.kind.startswith("cut:relcl"))
    assert abs(sum(shares) - 1.0) < 1e-9 and shares[cut] == max(shares) and shares[cut] - shares[0] < 0.99
    BoundChooser(weights, margin=0.99).choose(parse, [], found)
    assert [TEXT[s:e] for s, e in found.content] == [CONTENT]
    BoundChooser(weights, margin=0.0).choose(parse, [], found)
    assert [TEXT[s:e] for s, e in found.content] == ["the bridge would reopen in May"]


def test_a_variant_no_better_than_the_found_edge_leaves_it():
    assert BoundChooser({"x": 1.0}).pick([["x"], ["x"], []]) == 0
    assert BoundChooser({"x": 1.0}).pick([[], ["x"]]) == 1
    assert BoundChooser({"x": 1.0}).pick([[]]) == 0


def test_an_empty_chooser_keeps_the_found_bounds_and_the_shipped_one_loads():
    parse = parsed(TEXT)
    found = found_in(TEXT, CONTENT, "said", "say|ccomp")
    BoundChooser().choose(parse, [], found)
    assert [TEXT[s:e] for s, e in found.content] == [CONTENT]
    shipped = chooser()
    assert shipped.weights and 0.0 <= shipped.margin < 1.0


def test_noun_and_adjective_frames_get_variants_and_headline_lines_do_not():
    text = "The council rejected the claim that the tunnel was flooded in March, after the storm. Repairs began."
    parse = parsed(text)
    content = "that the tunnel was flooded in March, after the storm"
    for key in ("claim|N-clause", "critical|A-of"):
        options = variants(parse, [], found_in(text, content, "claim", key))
        assert options is not None and options.ends[0].kind == "keep"
        assert any(e.kind != "keep" for e in options.ends)
    assert variants(parse, [], found_in(text, content, "claim", "claim|headline")) is None


def test_every_word_boundary_near_the_found_edges_is_a_variant():
    parse = parsed(TEXT)
    options = variants(parse, [], found_in(TEXT, CONTENT, "said", "say|ccomp"))
    assert options is not None
    ends = {TEXT[: options.span(options.starts[0], e)[1]].rsplit(" ", 1)[-1] for e in options.ends}  # type: ignore[index]
    assert {"reopen", "May", "surprised"} <= ends  # "the bridge would reopen" is no phrase edge the rules name
    starts = [TEXT[options.span(s, options.ends[0])[0] :].split(" ", 1)[0] for s in options.starts]  # type: ignore[index]
    assert starts[0] == "the" and "bridge" in starts and "said" not in starts
