"""Name cleaning and the merge rules, on hand-built mentions (no spaCy needed)."""

from newsprobe.stages.entities import _Mention, clean_name, merge_mentions, name_tokens


def test_clean_name_keeps_initials_and_drops_possessives():
    assert clean_name("the U.S.") == "U.S."
    assert clean_name("Russia’s") == "Russia"
    assert clean_name("Martin Luther King Jr.") == "Martin Luther King Jr."
    assert clean_name("Acme.") == "Acme"
    assert name_tokens("U.S.") == name_tokens("US") == ["us"]


def test_surname_typed_org_joins_the_person():
    mentions = [
        _Mention((0, 12), "Donald Trump", "PERSON", subject=True),
        _Mention((20, 25), "Trump", "ORG"),
        _Mention((30, 35), "Trump", "PERSON"),
    ]
    entities = merge_mentions(mentions)
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [("Donald Trump", "PERSON", 3)]


def test_lone_name_seen_only_as_a_place_becomes_gpe():
    mentions = [
        _Mention((0, 4), "Kyiv", "PERSON", place_context=True),
        _Mention((10, 14), "Kyiv", "PERSON", place_context=True),
        _Mention((20, 27), "Hoffman", "PERSON", subject=True, place_context=False),
        _Mention((30, 35), "Odesa", "PERSON"),
        _Mention((40, 45), "Odesa", "GPE"),
    ]
    types = {e.name: e.type for e in merge_mentions(mentions)}
    assert types == {"Kyiv": "GPE", "Hoffman": "PERSON", "Odesa": "GPE"}


def test_a_person_seen_as_a_subject_stays_a_person():
    mentions = [_Mention((0, 5), "Smith", "PERSON", subject=True, place_context=True)]
    assert merge_mentions(mentions)[0].type == "PERSON"


def test_descriptor_filter():
    from newsprobe.stages.entities import _is_descriptor

    assert _is_descriptor("White House press secretary")
    assert _is_descriptor("spokesperson for Putin")
    for junk in ("other", "Mr", "Mrs.", "15 percent polling threshold", "pic.twitter.com/x", "a b c d e f g h i"):
        assert not _is_descriptor(junk), junk


def test_descriptors_merge_without_case_repeats():
    mentions = [
        _Mention((0, 12), "Jane Doe", "PERSON", ["Rival"]),
        _Mention((20, 23), "Doe", "PERSON", ["rival", "senator"]),
    ]
    assert merge_mentions(mentions)[0].descriptors == ["Rival", "senator"]
