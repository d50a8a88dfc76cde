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


ENDS = {0: (0, 200), 1: (0, 40), 2: (0, 95), 3: (0, 97)}  # the found end far out; one short cut; two close ends


def test_the_decision_weighs_close_variants_together_over_the_single_likeliest():
    model = BoundChooser({"far": 1.2, "near": 1.0})
    ends = [[], ["far"], ["near"], ["near"]]
    shares = model.shares(ends)
    assert max(range(4), key=shares.__getitem__) == 1  # "far" alone is the likeliest end
    # but the two close ends overlap each other strictly: together they are the likelier place of the true end
    assert model.decide([[]], ends, lambda i, j: ENDS[j]) == (0, 2)
    assert BoundChooser(model.weights, margin=0.5).decide([[]], ends, lambda i, j: ENDS[j]) == (0, 0)


def test_a_variant_no_better_than_the_found_edge_or_without_a_span_leaves_it():
    model = BoundChooser({"x": 1.0})
    assert model.decide([[]], [["x"], ["x"], []], lambda i, j: ENDS[j]) == (0, 0)
    assert model.decide([[]], [[], ["x"]], lambda i, j: ENDS[j]) == (0, 1)
    assert model.decide([[]], [[], ["x"]], lambda i, j: ENDS[j] if j == 0 else None) == (0, 0)
    assert model.decide([[]], [[]], lambda i, j: ENDS[j]) == (0, 0)


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


KREMLIN = "The Kremlin has not indicated they are anywhere near agreeing to ceasefire terms, let alone a peace deal."


def test_an_end_that_tears_an_object_from_its_verb_is_weighed_but_never_taken():
    parse = parsed(KREMLIN)
    content = "they are anywhere near agreeing to ceasefire terms, let alone a peace deal"
    options = variants(parse, [], found_in(KREMLIN, content, "indicated", "indicate|ccomp"))
    assert options is not None
    start = options.starts[0]
    whole = {KREMLIN[slice(*options.span(start, e))].rsplit(" ", 1)[-1]: e.whole for e in options.ends}  # type: ignore[misc]
    assert whole["deal"] and whole["terms"]  # the found end, and the cut before ", let alone …"
    assert not whole["alone"] and not whole["peace"]  # "a peace deal", the object of "let", torn off
    ends = [e.features for e in options.ends]
    alone = next(i for i, e in enumerate(options.ends) if e.index == options.ends[0].index - 3)
    model = BoundChooser({f: 5.0 for f in ends[alone]})  # the torn end is by far the likeliest
    flags = ([s.whole for s in options.starts], [e.whole for e in options.ends])

    def span(i: int, j: int) -> tuple[int, int] | None:
        return options.span(options.starts[i], options.ends[j])

    assert model.decide([s.features for s in options.starts], ends, span)[1] == alone
    assert model.decide([s.features for s in options.starts], ends, span, flags)[1] != alone
