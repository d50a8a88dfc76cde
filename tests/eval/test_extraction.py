from newsprobe.eval.extraction import extraction_prf, shingles


def test_shingles_are_word_4grams():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_perfect_and_disjoint_scores():
    gold = {"x": "one two three four five six", "y": "alpha beta gamma delta epsilon"}
    assert extraction_prf(gold, dict(gold)) == (1.0, 1.0, 1.0)
    p, r, f = extraction_prf(gold, {"x": "nothing at all in common here", "y": ""})
    assert f == 0.0


def test_agrees_with_the_reference_scorer():
    import importlib.util

    from tests.conftest import SHARED_DATA

    reference = SHARED_DATA.parent / "tools" / "score_extraction.py"
    if not reference.exists():
        import pytest

        pytest.skip("../shared/tools/score_extraction.py is absent")
    spec = importlib.util.spec_from_file_location("ref", reference)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold = {"a": "the cat sat on the mat today", "b": "one two three four five"}
    pred = {"a": "the cat sat on the mat", "b": "one two three four five six seven"}
    assert [round(v, 6) for v in extraction_prf(gold, pred)] == [round(v, 6) for v in module.extraction_f1(gold, pred)]
