from newsprobe.stance.names import is_title_case, known_capitals, names, sentence_case, shouting, tokens


def test_title_case_is_told_from_sentence_case():
    assert is_title_case("Harbour Authority Says Old Bridge Will Close For Repairs")
    assert not is_title_case("Harbour authority in Bergen says the old bridge will close")
    assert not is_title_case("Short One")


def test_sentence_case_keeps_names_and_offsets():
    text = "Harbour Authority Says NATO Drill Near Oslo Bridge Delayed By Storm"
    cased = sentence_case(text)
    assert len(cased) == len(text)
    # a city no list knows and no reference text writes capitalised is not told from a word
    assert cased == "Harbour authority says NATO drill near oslo bridge delayed by storm"
    assert (
        sentence_case(text, frozenset({"oslo"}))
        == "Harbour authority says NATO drill near Oslo bridge delayed by storm"
    )


def test_names_by_rule():
    assert names("Germany sues Google over data breach") == ["Germany", "Google"]
    assert names("Council in Bergen rejects plan, says Oslo and Norway agree") == ["Bergen", "Oslo", "Norway"]
    # Title Case: only marked capitals are names (an acronym, a known place, first name + surname)
    assert names("Report: NATO Drill Delayed As Storm Hits Norwegian Coast") == ["NATO", "Norwegian"]
    assert names("Farmer Karen Olsen Finds Giant Turnip In Her Garden") == ["Karen Olsen"]
    # "U.S." is an abbreviation, so the next word does not open a sentence
    assert names("Bus Company Fined In U.S. Court Over Delays") == ["U.S."]
    # first names are a list, and some are words: a known limitation
    assert names("Bus Company Cancels Summer Route") == ["Summer Route"]


def test_words_capitalised_in_a_reference_are_names():
    known = known_capitals(["The ferry company Fjordline said on Monday the route would close"])
    assert "fjordline" in known
    assert names("Fjordline Cancels Night Route After Engine Failure", known) == ["Fjordline"]


def test_shouting_headlines_have_no_acronyms():
    text = "BUS COMPANY CANCELS ROUTE AFTER ENGINE FAILURE"
    assert shouting(text)
    assert names(text) == []
    assert not shouting("Ferry company cancels route after NATO drill")


def test_a_word_in_capitals_mid_sentence_is_emphasis_not_a_name():
    # sentence case: a non-initial capital is a name, but "DENIES" (no acronym) only shouts
    assert names("Ferry company DENIES claim that NATO drill closed the Bergen route") == ["NATO", "Bergen"]
    assert names("Ferry company says the EU and NATO were told") == ["EU", "NATO"]


def test_un_in_capitals_is_the_united_nations_not_a_stop_word():
    assert names("Ferry company says the UN and NATO were told") == ["UN", "NATO"]
    assert names("Israeli Ambassador Lashes Out At UN Official") == ["Israeli", "UN"]


def test_tokens_mark_sentence_openers():
    opens = {t.text: t.initial for t in tokens("Bridge closed: Council says repairs start. Ferries run")}
    assert opens["Bridge"] and opens["Council"] and opens["Ferries"] and not opens["says"]
