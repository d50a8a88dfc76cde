from newsprobe.quotes.marks import quote_runs


def runs_of(*paragraphs):
    text = "\n\n".join(paragraphs)
    spans, start = [], 0
    for paragraph in paragraphs:
        spans.append((start, start + len(paragraph)))
        start += len(paragraph) + 2
    return text, quote_runs(text, spans)


def test_every_mark_style():
    text, runs = runs_of(
        'She said “curly” and "straight" and «guillemets» and ’’two apostrophes’’.'.replace("’’", "''")
    )
    assert [text[r.start : r.end] for r in runs] == ["“curly”", '"straight"', "«guillemets»", "''two apostrophes''"]
    assert not any(r.unclosed or r.carried for r in runs)


def test_apostrophes_and_inch_marks_do_not_open_quotes():
    text, runs = runs_of('It’s the mayor’s plan, a 6" pipe, they said.')
    assert runs == []


def test_nested_curly_quotes_stay_one_run():
    text, runs = runs_of("“I’d rather live in what he calls “hell” than this,” she wrote.")
    assert [text[r.start : r.end] for r in runs] == ["“I’d rather live in what he calls “hell” than this,”"]


def test_a_quote_carried_over_paragraphs():
    text, runs = runs_of("“We waited for years. Nobody came.", "“Then the river rose,” he said.", "No quote here.")
    assert [text[r.start : r.end] for r in runs] == ["“We waited for years. Nobody came.", "“Then the river rose,”"]
    assert runs[0].unclosed and not runs[0].carried
    assert runs[1].carried and not runs[1].unclosed


def test_a_stray_mark_that_nothing_carries_on_is_no_quote():
    text, runs = runs_of("“We waited for years.", "The mayor left early.")
    assert runs == []
    text, runs = runs_of('The "first time she saw him, she knew.')
    assert runs == []


def test_mixed_pairs_close_each_other():
    text, runs = runs_of(
        'The mayor called it “a plain mistake." Then she left.', '"We will rebuild the bridge,” he said.'
    )
    assert [text[r.start : r.end] for r in runs] == ['“a plain mistake."', '"We will rebuild the bridge,”']
    assert not any(r.unclosed for r in runs)


def test_a_straight_quote_inside_a_curly_one_nests_by_its_place():
    text, runs = runs_of('“He told me "never again" and walked out,” she said.')
    assert [text[r.start : r.end] for r in runs] == ['“He told me "never again" and walked out,”']
    text, runs = runs_of('“They sold a 6" pipe for ten dollars,” he said. “It’s a bargain.”')
    assert [text[r.start : r.end] for r in runs] == ['“They sold a 6" pipe for ten dollars,”', "“It’s a bargain.”"]


def test_curly_quote_inside_a_straight_one_and_stray_marks():
    text, runs = runs_of('"He called it “a disaster” and left," she said.')
    assert [text[r.start : r.end] for r in runs] == ['"He called it “a disaster” and left,"']
    # a nested mark left open does not keep the outer quote from closing
    text, runs = runs_of('"We heard “rumours all week," the clerk said.')
    assert [text[r.start : r.end] for r in runs] == ['"We heard “rumours all week,"']


def test_mixed_marks_carried_over_paragraphs():
    text, runs = runs_of("“We waited for years.", '"Then the river rose," he said.')
    assert [text[r.start : r.end] for r in runs] == ["“We waited for years.", '"Then the river rose,"']
    assert runs[0].unclosed and runs[1].carried


def test_german_and_danish_marks():
    text, runs = runs_of("Er sagte „nie wieder“ und »aldrig igen« und «jamais» dazu.")
    assert [text[r.start : r.end] for r in runs] == ["„nie wieder“", "»aldrig igen«", "«jamais»"]


def test_french_spaced_guillemets_open_and_close():
    for space in (" ", "\u00a0", "\u202f"):
        sentence = f"Le ministre a déclaré : «{space}Nous ne céderons pas{space}», selon l'AFP."
        text, runs = runs_of(sentence)
        assert [text[r.start : r.end] for r in runs] == [f"«{space}Nous ne céderons pas{space}»"]
        assert not any(r.unclosed or r.carried for r in runs)
    text, runs = runs_of("« We will not yield », she said, and « soon » was all he added.")
    assert [text[r.start : r.end] for r in runs] == ["« We will not yield »", "« soon »"]


def test_spaced_guillemets_nest_and_a_stray_one_is_no_quote():
    text, runs = runs_of("Il a dit « c'est « faux » et ‹ injuste › » hier.")
    assert [text[r.start : r.end] for r in runs] == ["« c'est « faux » et ‹ injuste › »"]
    text, runs = runs_of("Le prix a baissé « selon eux.", "Rien de plus.")
    assert runs == []
