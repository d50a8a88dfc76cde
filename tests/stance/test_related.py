import numpy as np
import pytest

from newsprobe.record import RelatedItem
from newsprobe.stance.related import check_items, strip_boilerplate

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def judge():
    from newsprobe.nlp import load_model
    from newsprobe.options import DEFAULT_MODEL
    from newsprobe.stance.embed import encode

    nlp = load_model(DEFAULT_MODEL)
    return lambda items: check_items(items, lambda texts: list(nlp.pipe(texts)), encode)


def test_a_faithful_paraphrase_is_consistent(judge):
    (verdict,) = judge(
        [
            RelatedItem(
                "City council votes to close the old harbour bridge", "Old harbour bridge to be shut after council vote"
            )
        ]
    )
    assert verdict.consistent
    assert verdict.score > 0.6


def test_a_rewrite_about_another_story_is_a_mismatch(judge):
    (verdict,) = judge(
        [
            RelatedItem(
                "City council votes to close the old harbour bridge", "Celebrity chef opens vegan bakery downtown"
            )
        ]
    )
    assert not verdict.consistent
    assert "another story" in verdict.reason
    assert verdict.score < 0.45


def test_swapped_actors_are_a_mismatch(judge):
    (verdict,) = judge([RelatedItem("Germany sues Google over data breach", "Google sues Germany over data breach")])
    assert not verdict.consistent
    assert "who did what to whom" in verdict.reason


def test_passive_rewrite_keeps_the_roles(judge):
    (verdict,) = judge([RelatedItem("Germany sues Google over data breach", "Google sued by Germany over data breach")])
    assert verdict.consistent


def test_a_replaced_target_is_a_mismatch(judge):
    (verdict,) = judge(
        [
            RelatedItem(
                "Spanish minister criticises Italy and Greece over migrant policy",
                "Spain’s minister slams Morocco over migrant policy",
            )
        ]
    )
    assert not verdict.consistent
    assert "Morocco" in verdict.reason


def test_boilerplate_teasers_do_not_make_a_mismatch(judge):
    item = RelatedItem(
        "City council votes to close the old harbour bridge",
        "Old harbour bridge to be shut after council vote",
        "NEWYou can now listen to Fox News articles! Drivers will need another route…",
    )
    assert judge([item])[0].consistent


def test_strip_boilerplate():
    assert (
        strip_boilerplate("NEWYou can now listen to Fox News articles! Nearly a dozen people…")
        == "Nearly a dozen people"
    )
    assert strip_boilerplate("Last Updated on June 21, 2025 Jay Sullivan, a lobbyist…") == "Jay Sullivan, a lobbyist"
    assert strip_boilerplate(None) == ""


def test_symmetric_verbs_may_swap(judge):
    (verdict,) = judge(
        [RelatedItem("Brazil's president meets Argentina's leader", "Argentina's leader meets Brazil's president")]
    )
    assert verdict.consistent


def test_only_rewrites_whose_actors_could_have_swapped_are_parsed():
    from newsprobe.stance.related import may_swap, word_overlap

    # one shared actor: nothing to swap
    assert not may_swap("Harbour bridge in Oslo to close", "Oslo's harbour bridge will shut", {"oslo"})
    # two actors in the same order, both active: their roles held
    assert not may_swap("Germany sues Google over data", "Germany takes Google to court", {"germany", "google"})
    # another order, or a by-agent: worth parsing
    assert may_swap(
        "Germany sues Google over data breach", "Google sues Germany over data breach", {"germany", "google"}
    )
    assert may_swap("Germany sues Google", "Germany sued by Google", {"germany", "google"})
    assert word_overlap("Germany sues Google", "Google sues Germany") == 1.0
    assert word_overlap("Harbour bridge to close", "Celebrity chef opens bakery") == 0.0


def test_a_one_sided_role_change_is_not_a_swap(judge):
    # the parser reads "Oslo" as acted on in one only: no actor went the other way
    (verdict,) = judge([RelatedItem("Norway fines Meta over ads", "Meta fined over ads in Norway probe")])
    assert verdict.consistent


def test_title_case_paraphrase_naming_the_same_actors_is_consistent(judge):
    (verdict,) = judge(
        [
            RelatedItem(
                "Harbour Authority Says Oslo Bridge Will Close For Repairs",
                "Oslo's old bridge to shut for months of repair work, harbour authority says",
            )
        ]
    )
    assert verdict.consistent


def test_an_alias_is_not_a_changed_actor():
    from newsprobe.stance.related import changed_actors

    assert changed_actors("U.S. envoy meets Iraqi leaders", "US envoy holds talks in Iraq") == ([], [])
    assert changed_actors("ISIL claims the attack", "Islamic State says it carried out bombing") == ([], [])
    added, dropped = changed_actors("Spanish minister criticises Italy over quotas", "Spain's minister slams Morocco")
    assert added == ["Morocco"] and dropped == ["Italy"]


def test_a_changed_actor_is_vetoed_when_the_rewrite_is_close():
    calls = []

    def encode(texts):
        calls.append(list(texts))
        return np.array([[1.0, 0.0]] * len(texts), dtype=np.float32)  # cosine 1: the same story

    item = RelatedItem("Italy and Greece criticised over migrant policy", "Morocco criticised over migrant policy")
    (verdict,) = check_items([item], lambda texts: [], encode)
    assert verdict.consistent
    assert calls  # the overlap alone would have settled it: the encoder was asked for the veto


def test_an_item_with_nothing_to_compare_gets_no_verdict(judge):
    (verdict,) = judge([RelatedItem("Harbour bridge to close for repairs")])
    assert verdict.consistent is None and verdict.score is None


def test_only_teasers_that_could_change_the_verdict_are_encoded():
    from newsprobe.stance.related import teaser_may_be_another_story

    headline = "City council votes to close the old harbour bridge"
    # too short to make a mismatch next to a rewrite
    assert not teaser_may_be_another_story(headline, "Drivers will need")
    # shares council, harbour, bridge with the headline: the same story
    assert not teaser_may_be_another_story(headline, "The harbour bridge will shut, the council said on Tuesday")
    assert teaser_may_be_another_story(headline, "Celebrity chef opens a vegan bakery downtown this week")


def test_a_doubtful_rewrite_with_another_storys_teaser_is_a_mismatch():
    calls = []

    def encode(texts):
        calls.append(list(texts))
        # headline and rewrite close (0.5); the teaser opposite to the headline
        vectors = {"h": [1.0, 0.0], "r": [0.5, 0.866], "t": [-1.0, 0.0]}
        return np.array([vectors[t.split()[0]] for t in texts], dtype=np.float32)

    item = RelatedItem("h council bridge", "r bakery chef", "t one two three four five six")
    (verdict,) = check_items([item], lambda texts: [], encode)
    assert not verdict.consistent and "teaser" in verdict.reason
    assert len(calls) == 2
