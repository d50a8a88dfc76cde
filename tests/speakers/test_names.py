from newsprobe.speakers.names import (
    first_name_gender,
    full_name_in_text,
    honorific_gender,
    is_first_name,
    name_key,
    role_gender,
)


def test_first_name_gender_from_the_lists():
    assert first_name_gender("Karoline") == "f"
    assert first_name_gender("Dmitry") == "m"
    assert first_name_gender("Bill") == "m"  # a short form the lists lack, added in data/people.py
    assert first_name_gender("Pat") is None  # given to both
    assert first_name_gender("Hoffman") is None
    assert is_first_name("Steve") and not is_first_name("Witkoff")


def test_name_key_drops_honorifics_and_possessives():
    assert name_key("Mr. Obama's") == ["obama"]
    assert name_key("Sen. Lindsey Graham") == ["lindsey", "graham"]


def test_gender_from_honorifics_and_roles():
    assert honorific_gender("Mrs. ") == "f"
    assert honorific_gender("Mr. ") == "m"
    assert role_gender("campaign spokeswoman") == "f"
    assert role_gender("spokesperson for the mayor") is None


def test_full_name_in_text():
    text = "Chief Justice Anne Keller ruled.\n\nKeller said no. Later KELLER left."
    assert full_name_in_text(text, "Keller") == "Anne Keller"
    assert full_name_in_text(text, "KELLER") == "Anne Keller"
    assert full_name_in_text("Hoffman said so.", "Hoffman") is None
    # two different people share the surname: no single full name
    assert full_name_in_text("Tom Hale and Anna Hale arrived.", "Hale") is None
    # a sentence break is no part of a name
    assert full_name_in_text("He met Donald.\n\nHale spoke.", "Hale") is None
