from newsprobe.eval.speakers import expected_speaker, name_ok


def span_of(text, needle):
    start = text.index(needle)
    return [[start, start + len(needle)]]


def test_name_ok_is_the_contract_metric():
    assert name_ok("Dmitry Peskov", "Dmitry Peskov")
    assert name_ok("Mr. Peskov", "Dmitry Peskov")
    assert name_ok("Peskov", "Dmitry Sergeyevich Peskov")
    assert not name_ok("Dmitry Peskov", "Peskov")
    assert not name_ok("Dmitry Peskov", None)


def test_expected_names_from_the_source_span():
    text = "Longtime pollster Nora Quill spoke. Quill said it was close. Mr. Vance said no. A source said yes."
    assert expected_speaker(text, span_of(text, "Longtime pollster Nora Quill")) == ("named", "Nora Quill")
    second = text.index("Quill said")
    assert expected_speaker(text, [[second, second + 5]]) == ("surname", "Nora Quill")
    assert expected_speaker(text, span_of(text, "Mr. Vance")) == ("surname-only", "Vance")
    assert expected_speaker(text, span_of(text, "A source")) == ("anonymous", None)
    he = "He said so."
    assert expected_speaker(he, [[0, 2]]) == ("pronoun", None)
    both = "Ann Lee and Bob Ray said so."
    assert expected_speaker(both, span_of(both, "Ann Lee and Bob Ray"))[0] == "skip"
