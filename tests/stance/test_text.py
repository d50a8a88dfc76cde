from newsprobe.stance.text import content_stems, ngrams, sentences, stem, words


def test_words_normalise_apostrophes():
    assert words("He didn’t say ‘No’.") == ["he", "didn't", "say", "no"]


def test_stems_match_inflections():
    assert stem("arrests") == stem("arrested") == stem("arrest") == "arrest"
    assert stem("Iran's".lower()) == "iran"


def test_content_stems_drop_stop_words_but_keep_negation():
    assert content_stems("The mayor has not resigned") == ["mayor", "not", "resign"]


def test_sentences_split_on_ends_and_paragraphs_and_stop_at_the_limit():
    text = "The mayor resigned. She said “enough.” Then she left!\n\nA new paragraph"
    assert sentences(text) == ["The mayor resigned.", "She said “enough.”", "Then she left!", "A new paragraph"]
    assert sentences(text, limit=2) == ["The mayor resigned.", "She said “enough.”"]


def test_ngrams():
    assert ngrams(["a", "b", "c"], 2) == {("a", "b"), ("b", "c")}
