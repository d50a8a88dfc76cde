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
