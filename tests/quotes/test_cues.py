from newsprobe.quotes.cues import CueModel
from newsprobe.quotes.extract import CUE_THRESHOLD
from newsprobe.quotes.found import Attribution
from newsprobe.stages.quotes import drop_duplicates, drop_nested


def candidate(key, features, content=((0, 10),), cue=(20, 24), mention=None):
    found = Attribution(list(content), cue, mention, 0)
    found.key, found.features = key, features
    return found


def test_shipped_model_loads_and_separates_speech_from_other_verbs():
    model = CueModel.load()
    assert model.weights, "src/newsprobe/models/quote_cues.json is missing: run scripts/train_quote_cues.py"

    def features(lemma, kind, speech):
        return [
            f"k={lemma}|{kind}",
            f"l={lemma}",
            f"c={kind}",
            "s=PROPN:PERSON",
            f"ls={lemma}|PROPN",
            "dep=ROOT",
            "tag=VBD",
            "n=False",
            f"q=-|{kind}",
            "size=11",
            f"cs={kind}|11",
            "parts=1",
            f"speech={speech}|{kind}",
            f"direct=False|{speech}",
            f"prt={lemma}|-",
            f"lp={lemma}|-",
            f"ot={kind}|-" if kind == "ccomp" else f"ot={kind}|NOUN:-",
            f"lot={lemma}|-" if kind == "ccomp" else f"lot={lemma}|NOUN",
            f"op={kind}|that" if kind == "ccomp" else f"op={kind}|the",
            f"lop={lemma}|that" if kind == "ccomp" else f"lop={lemma}|the",
            "md=-",
            f"seg=body|{kind}",
            f"pos=VERB|{kind}",
        ]

    said = candidate("say|ccomp", features("say", "ccomp", True))
    ate = candidate("eat|dobj", features("eat", "dobj", False))
    assert model.score(said) > 0.8
    assert model.score(ate) < CUE_THRESHOLD


def test_without_a_model_the_speech_verbs_stand_in():
    empty = CueModel()
    assert empty.score(candidate("say|ccomp", ["speech=True|ccomp"])) == 0.9
    assert empty.score(candidate("eat|dobj", ["speech=False|dobj"])) == 0.0
    assert empty.score(candidate("accord|according", [])) == 0.9


def test_a_candidate_inside_another_content_is_dropped():
    outer = candidate("refuse|xcomp", [], content=[(10, 40)], cue=(0, 7))
    inner = candidate("say|ccomp", [], content=[(20, 40)], cue=(13, 16))
    apart = candidate("say|ccomp", [], content=[(60, 80)], cue=(50, 54))
    assert drop_nested([outer, inner, apart]) == [outer, apart]


def test_of_two_candidates_with_one_content_the_surer_is_kept():
    aspect = candidate("continue|xcomp", [], content=[(20, 60)], cue=(0, 9))
    inner = candidate("blast|dobj", [], content=[(20, 60)], cue=(13, 18))
    other = candidate("say|ccomp", [], content=[(80, 120)], cue=(70, 74))
    aspect.score, inner.score, other.score = 0.4, 0.7, 0.9
    assert drop_duplicates([aspect, inner, other]) == [inner, other]
