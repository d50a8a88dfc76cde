from newsprobe.web.render import diff_pieces


def changed(pieces):
    return [p["text"].strip() for p in pieces if p["changed"]]


def test_diff_marks_the_words_a_copy_added_and_rebuilds_its_text():
    base = "The ferry leaves at noon.\n\nTickets cost two pounds.\n\nThe harbour is closed on Sundays."
    copy = (
        "The ferry leaves at noon.\n\nTickets now cost three pounds.\n\n"
        "The harbour is closed on Sundays.\n\nCall ahead."
    )
    pieces = diff_pieces(base, copy)
    assert "".join(p["text"] for p in pieces) == copy
    assert changed(pieces) == ["now", "three", "Call ahead."]


def test_diff_of_identical_texts_and_of_a_reordered_copy():
    text = "One paragraph here.\n\nAnother one there."
    assert diff_pieces(text, text) == [{"text": text, "changed": False}]
    swapped = "Another one there.\n\nOne paragraph here."
    pieces = diff_pieces(text, swapped)
    assert "".join(p["text"] for p in pieces) == swapped
