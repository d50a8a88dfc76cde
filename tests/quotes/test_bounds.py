"""Content boundaries (quotes/bounds.py), on sentences written for these tests."""

import pytest

from newsprobe.nlp import Parse, load_model
from newsprobe.options import Options
from newsprobe.quotes.bounds import past_cue_noun, refine
from newsprobe.quotes.found import Attribution
from newsprobe.quotes.marks import quote_runs
from newsprobe.record import Segment
from tests.stages.test_quotes import analysed, quote_with

pytestmark = pytest.mark.slow


def test_a_raised_subject_and_its_infinitive_are_two_parts_without_the_cue():
    doc = analysed("The ferry service appears to have lost its last winter customers.")
    parts, cue, mention, _ = quote_with(doc, "ferry")
    assert parts == ["The ferry service", "to have lost its last winter customers"]
    assert (cue, mention) == ("appears", None)


def test_the_auxiliaries_of_a_raising_passive_stay_out_of_both_parts():
    doc = analysed("By March the harbour master was widely expected to close the north pier.")
    parts, cue, _, _ = quote_with(doc, "harbour")
    assert parts == ["the harbour master", "to close the north pier"]
    assert cue == "expected"


def test_a_cue_noun_stays_out_of_the_content():
    doc = analysed("The ferry captain voiced doubts about the timetable for the spring season.")
    assert quote_with(doc, "timetable")[0] == ["the timetable for the spring season"]
    doc = analysed("The ferry captain expressed confidence that the timetable would hold.")
    assert quote_with(doc, "timetable")[0] == ["that the timetable would hold"]


def test_an_object_noun_that_is_not_a_cue_noun_stays_in_the_content():
    doc = analysed("The fishermen mocked the plans of the harbour council.")
    assert quote_with(doc, "council")[0] == ["the plans of the harbour council"]


def parsed(text: str) -> Parse:
    return Parse(Segment("body", 0, len(text)), load_model(Options().model)(text))


def test_past_cue_noun_needs_a_complement_after_the_noun():
    parse = parsed("She voiced concerns.")
    assert past_cue_noun(parse.doc, 2, 3) == 2  # nothing after "concerns": the noun is the content
    parse = parsed("She voiced concerns about the levee.")
    assert parse.doc[past_cue_noun(parse.doc, 2, 6)].text == "the"


def test_refine_never_cuts_into_a_quoted_run():
    text = "She voiced “concerns about the levee” at the meeting."
    parse = parsed(text)
    runs = quote_runs(text, [(0, len(text))])
    content = (text.index("concerns"), text.index(" at"))
    assert parse.doc[past_cue_noun(parse.doc, 3, 8)].text == "the"  # without the run it would start there
    found = Attribution([content], (4, 10), (0, 3), 0, key="voice|dobj")
    refine(parse, runs, found)
    assert found.content == [content]


def test_the_phrase_after_the_object_belongs_to_the_content():
    doc = analysed("The harbour master described the new pier as a costly mistake.")
    assert quote_with(doc, "pier")[0] == ["the new pier as a costly mistake"]
    doc = analysed("The ferry captain blamed the council for the late spring timetable.")
    assert quote_with(doc, "council")[0] == ["the council for the late spring timetable"]


def test_after_a_light_verb_the_object_noun_is_the_cue():
    parse = parsed("The mayor made a film about the flooded market.")
    assert parse.doc[past_cue_noun(parse.doc, 3, 9, light=True)].text == "the"
    assert past_cue_noun(parse.doc, 3, 9) == 3  # "film" is no cue noun of its own


def test_a_second_that_clause_hung_on_the_cue_is_part_of_the_content():
    doc = analysed("The harbour master said the town needs a second pier, but that he would not support a new toll.")
    assert quote_with(doc, "pier")[0] == ["the town needs a second pier, but that he would not support a new toll"]


def test_a_date_after_an_object_is_not_content():
    doc = analysed("The harbour master endorsed the ferry plan on Thursday.")
    assert quote_with(doc, "ferry")[0] == ["the ferry plan"]


def test_a_quote_after_a_colon_before_its_cue_is_the_content_without_the_lead_in():
    doc = analysed(
        "Asked about the closure, the ferry captain gave a blunt answer: "
        "“The pier is finished and so is the season,” he said."
    )
    parts, cue, mention, kind = quote_with(doc, "pier")
    assert parts == ["“The pier is finished and so is the season,”"]
    assert (cue, mention, kind) == ("said", "he", "direct")


def test_after_use_to_the_content_is_what_the_infinitive_takes():
    text = "The mayor used his speech to attack the ferry company."
    parse = parsed(text)
    found = Attribution([(text.index("his"), text.index("."))], (10, 14), (0, 9), 0, key="use|xcomp")
    refine(parse, [], found)
    assert [text[s:e] for s, e in found.content] == ["the ferry company"]


def test_a_speech_verb_under_a_raising_cue_takes_the_content():
    text = "The mayor seemed to mock the ferry timetable."
    parse = parsed(text)
    found = Attribution([(0, text.index("."))], (10, 16), None, 0, key="seem|xcomp")
    refine(parse, [], found)
    assert [text[s:e] for s, e in found.content] == ["the ferry timetable"]
    text = "The mayor seemed to have a slight lead."
    parse = parsed(text)
    found = Attribution([(0, text.index("."))], (10, 16), None, 0, key="seem|xcomp")
    refine(parse, [], found)
    assert [text[s:e] for s, e in found.content] == ["The mayor", "to have a slight lead"]


def test_a_predicate_content_keeps_what_it_is_said_of():
    text = "The ferry crews seemed equally unperturbed."
    parse = parsed(text)
    assert parse.doc[5].dep_ == "oprd"
    found = Attribution([(text.index("equally"), text.index("."))], (16, 22), None, 0, key="seem|oprd")
    refine(parse, [], found)
    assert [text[s:e] for s, e in found.content] == ["The ferry crews", "equally unperturbed"]


def test_according_to_between_subject_and_verb_leaves_two_parts():
    doc = analysed("Ticket sales, according to the harbour office, have doubled since the spring.")
    parts, cue, mention, _ = quote_with(doc, "doubled")
    assert parts == ["Ticket sales", "have doubled since the spring"]
    assert (cue, mention) == ("according to", "the harbour office")


def test_an_infinitive_after_a_noun_that_takes_one_stays_in_the_content():
    doc = analysed("The mayor praised the efforts of the harbour office to find a new ferry operator.")
    assert quote_with(doc, "efforts")[0] == ["the efforts of the harbour office to find a new ferry operator"]
    doc = analysed("The mayor cited the floods to explain the closure.")
    assert quote_with(doc, "floods")[0] == ["the floods"]  # a purpose clause is not what was cited


def test_made_it_clear_leaves_the_adjective_to_the_cue():
    doc = analysed("She made it clear to the ferry crews on Wednesday that she has their backs.")
    assert quote_with(doc, "backs")[0] == ["that she has their backs"]


def test_where_something_was_said_does_not_carry_the_content_on():
    doc = analysed("The harbour master cited the figure in an interview with the local paper.")
    assert quote_with(doc, "figure")[0] == ["the figure"]


def test_no_candidate_has_an_empty_content_part():
    from newsprobe.options import DEFAULT_PIPELINE
    from newsprobe.quotes.extract import find_in_paragraph

    text = "After the council approved the new budget last year, Moreno said, most city parks were thought to be safe."
    doc = newsprobe_analyze(text, DEFAULT_PIPELINE[:4])
    found = find_in_paragraph(doc.parses[0], [], 0, lambda _: 1.0)  # every candidate, whatever the cue model says
    assert found and all(end > start for a in found for start, end in a.content)
    said = next(a for a in found if a.cue is not None and text[a.cue[0] : a.cue[1]] == "said")
    assert [text[s:e] for s, e in said.content] == ["most city parks were thought to be safe"]


def newsprobe_analyze(text: str, pipeline: tuple[str, ...]):  # type: ignore[no-untyped-def]
    import newsprobe

    return newsprobe.analyze(text, options=Options().with_(pipeline=pipeline))


def test_a_short_run_of_capitalised_words_is_a_title_not_a_quote():
    from newsprobe.quotes.extract import _title_like

    assert _title_like("“Fareed Zakaria GPS,”")
    assert _title_like('"State of the Union"')
    assert not _title_like("“Who do they think they are?”")
    assert not _title_like("“Mexico!” ")  # one word: a shout, not a show
