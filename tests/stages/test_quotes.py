import pytest

import newsprobe
from newsprobe.record import Document
from newsprobe.stages.quotes import quote_kind

pytestmark = pytest.mark.slow


def view(doc, quote):
    """A quote as text: (content parts, cue, mention, kind)."""
    text = doc.text

    def at(span):
        return None if span is None else text[span[0] : span[1]]

    return [at(c) for c in quote.content], at(quote.cue), at(quote.speaker.mention), quote.kind


def analysed(*paragraphs):
    doc = newsprobe.analyze("\n\n".join(("River town waits for the spring thaw",) + paragraphs), id="t")
    assert [s.kind for s in doc.segments] == ["title"] + ["body"] * len(paragraphs), doc.segments
    return doc


def sole_quote(doc):
    """The document's one quote, as text (see ``view``)."""
    assert len(doc.quotes) == 1, [view(doc, q) for q in doc.quotes]
    return view(doc, doc.quotes[0])


def quote_with(doc, fragment):
    found = [q for q in doc.quotes if any(fragment in doc.text[s:e] for s, e in q.content)]
    assert len(found) == 1, [view(doc, q) for q in doc.quotes]
    return view(doc, found[0])


def test_a_quote_broken_by_its_cue_is_one_quote_in_two_parts():
    doc = analysed("“The bridge will not open this year,” the engineer said. “We need another winter of work.”")
    parts, cue, mention, kind = quote_with(doc, "bridge")
    assert parts == ["“The bridge will not open this year,”", "“We need another winter of work.”"]
    assert (cue, mention, kind) == ("said", "the engineer", "direct")
    assert len(doc.quotes) == 1


def test_french_spaced_guillemets_make_a_direct_quote():
    doc = analysed("« We will not yield », she said.")
    assert quote_with(doc, "yield") == (["« We will not yield »"], "said", "she", "direct")
    doc = analysed("«\u00a0The river will not wait\u00a0», the minister told reporters on Monday.")
    parts, cue, mention, kind = quote_with(doc, "river")
    assert parts == ["«\u00a0The river will not wait\u00a0»"]
    assert (cue, mention, kind) == ("told", "the minister", "direct")


def test_reported_speech_is_indirect():
    doc = analysed("The mayor on Monday reportedly said the plan was too expensive to finish by spring.")
    parts, cue, mention, kind = quote_with(doc, "the plan")
    assert parts == ["the plan was too expensive to finish by spring"]
    assert (cue, mention, kind) == ("said", "The mayor", "indirect")


def test_a_quoted_fragment_in_reported_speech_is_mixed():
    doc = analysed("Governor Ellis said she is “very” hopeful that the strike will end this week.")
    parts, cue, mention, kind = quote_with(doc, "hopeful")
    assert kind == "mixed"
    assert mention == "Governor Ellis"
    assert parts[0].startswith("she is “very” hopeful")


def test_according_to_names_the_source():
    doc = analysed("The factory will close in June, according to two union officials.")
    parts, cue, mention, kind = quote_with(doc, "factory")
    assert parts == ["The factory will close in June"]
    assert (cue, mention, kind) == ("according to", "two union officials", "indirect")


def test_a_colon_introduces_a_quote():
    doc = analysed("Marsh repeated her warning: “The levee will fail if the rain keeps up.”")
    parts, cue, mention, kind = quote_with(doc, "levee")
    assert parts == ["“The levee will fail if the rain keeps up.”"]
    assert (mention, kind) == ("Marsh", "direct")


def test_a_colon_ending_a_paragraph_introduces_the_next_one():
    doc = analysed("The senator answered the critics:", "“We will not vote for a bill nobody has read.”")
    parts, cue, mention, kind = quote_with(doc, "nobody has read")
    assert parts == ["“We will not vote for a bill nobody has read.”"]
    assert (cue, mention, kind) == ("answered", "The senator", "direct")


def test_transcript_turns_are_attributed_to_the_capitalised_name():
    doc = analysed(
        "Part of the interview follows.",
        "HOST: Will the candidate attend the debate tomorrow night?",
        "MORALES: Well, look, she will be there and she will win it.",
        "CORRECTION: An earlier version misspelled a name.",
    )
    parts, cue, mention, kind = quote_with(doc, "she will be there")
    assert parts == ["Well, look, she will be there and she will win it."]
    assert (cue, mention) == (":", "MORALES")
    assert quote_with(doc, "attend the debate")[2] == "HOST"
    assert not any("misspelled" in doc.text[s:e] for q in doc.quotes for s, e in q.content)


def test_a_quote_over_two_paragraphs_is_one_quote():
    doc = analysed(
        "“We lost the harvest in August,” Okafor said. “Then the prices fell.",
        "“Nobody in the valley has seen a year like it.”",
    )
    parts, cue, mention, kind = quote_with(doc, "harvest")
    assert parts == [
        "“We lost the harvest in August,”",
        "“Then the prices fell.",
        "“Nobody in the valley has seen a year like it.”",
    ]
    assert (cue, mention, kind) == ("said", "Okafor", "direct")


def test_a_quote_only_paragraph_continues_the_last_quote():
    doc = analysed(
        "“The water is safe to drink,” Dr. Alvarez said.",
        "“We test it every morning and every night.”",
    )
    parts, cue, mention, kind = sole_quote(doc)
    assert parts == ["“The water is safe to drink,”", "“We test it every morning and every night.”"]
    assert (cue, mention, kind) == ("said", "Dr. Alvarez", "direct")


def test_a_quote_goes_on_over_several_quote_only_paragraphs():
    doc = analysed(
        "“The water is safe to drink,” Dr. Alvarez said.",
        "“We test it every morning and every night.”",
        "“Nobody has fallen ill this year.”",
        "The council meets on Monday.",
    )
    parts, _, mention, _ = sole_quote(doc)
    assert parts[1:] == ["“We test it every morning and every night.”", "“Nobody has fallen ill this year.”"]
    assert mention == "Dr. Alvarez"


def test_a_short_run_after_the_cue_is_the_quote_s_next_part():
    doc = analysed("“Is everybody here?” the organiser asked. “Okay, great!”")
    parts, cue, _, _ = sole_quote(doc)
    assert parts == ["“Is everybody here?”", "“Okay, great!”"]
    assert cue == "asked"


def test_a_title_in_quote_marks_inside_the_cue_clause_does_not_break_the_quote():
    doc = analysed(
        "“The river is rising fast,” the mayor told “Morning Report” on Friday. “We are moving people out tonight.”"
    )
    quote = next(q for q in doc.quotes if "rising" in doc.text[q.content[0][0] : q.content[0][1]])
    parts, cue, mention, _ = view(doc, quote)
    assert parts == ["“The river is rising fast,”", "“We are moving people out tonight.”"]
    assert (cue, mention) == ("told", "the mayor")


def test_a_title_ending_the_cue_sentence_does_not_break_the_quote():
    # the title's full stop sits inside its closing quote mark: “… on “Morning Report.” “…”
    doc = analysed(
        "“The river is rising fast,” the mayor said on “Morning Report.” “We are moving people out tonight.”"
    )
    parts, cue, mention, _ = quote_with(doc, "rising")
    assert parts == ["“The river is rising fast,”", "“We are moving people out tonight.”"]
    assert (cue, mention) == ("said", "the mayor")


def test_a_quote_the_parse_hangs_on_its_cue_is_still_the_quote():
    # spaCy reads "idea" as a dep of "said": the quote is inside the cue's clause, not before it
    doc = analysed("“Wow, what a great idea,” Trump said in Iowa.")
    parts, cue, mention, kind = sole_quote(doc)
    assert parts == ["“Wow, what a great idea,”"]
    assert (cue, mention, kind) == ("said", "Trump", "direct")


def test_a_quote_after_its_cue_that_the_parse_hangs_on_the_cue_is_still_the_quote():
    # spaCy hangs "Well, maybe so." on "replied" (an advmod): the clause seems to run on into the quote
    doc = analysed(
        "Asked if it had appeared he was encouraging violence with his initial statement, Trump replied, "
        "“Well, maybe so. Maybe that’s why I wouldn’t do it.”"
    )
    quote = quote_with(doc, "maybe so")
    assert quote == (["“Well, maybe so. Maybe that’s why I wouldn’t do it.”"], "replied", "Trump", "direct")


def test_a_quote_another_cue_took_inside_the_cue_sentence_does_not_break_the_quote():
    doc = analysed(
        "“Everything. Everything is on the table,” Carson told the AP on Wednesday after hinting that “personnel "
        "changes” could come. “Every single thing is on the table. I’m looking carefully.”"
    )
    parts, cue, mention, kind = quote_with(doc, "Everything is")
    assert parts == [
        "“Everything. Everything is on the table,”",
        "“Every single thing is on the table. I’m looking carefully.”",
    ]
    assert (cue, mention, kind) == ("told", "Carson", "direct")


def test_a_quote_before_a_cue_with_a_topic_is_the_quote_not_the_topic():
    doc = analysed("“Who do they think they are?” she said about the council.")
    assert sole_quote(doc) == (["“Who do they think they are?”"], "said", "she", "direct")


def test_who_was_told_is_not_what_was_said():
    doc = analysed(
        "“It looks like we will not have a very good relationship, who knows?” Trump told Britain’s ITV television "
        "station in an interview aired on Monday."
    )
    parts, cue, mention, kind = sole_quote(doc)
    assert parts == ["“It looks like we will not have a very good relationship, who knows?”"]
    assert (cue, mention, kind) == ("told", "Trump", "direct")


def test_a_cue_after_an_adjective_is_said_by_the_adjective_s_subject():
    doc = analysed(
        "The minister is ready to argue that the tax is fair.", "It is worth noting that the budget is balanced."
    )
    assert quote_with(doc, "the tax is fair") == (["that the tax is fair"], "argue", "The minister", "indirect")
    assert quote_with(doc, "the budget is balanced")[2] is None  # "it" here is nobody


def test_a_dash_and_a_name_under_a_quote_paragraph_sign_it():
    doc = analysed(
        "The candidates clashed over health care on Thursday night.",
        "“The idea that I would dismantle health care in America is just not accurate.”",
        "- Bernie Sanders.",
        "“I will look into it. I don't know the status.”",
        "— Hillary Clinton, in the Milwaukee debate.",
    )
    assert [view(doc, q) for q in doc.quotes] == [
        (
            ["“The idea that I would dismantle health care in America is just not accurate.”"],
            "-",
            "Bernie Sanders",
            "direct",
        ),
        (["“I will look into it. I don't know the status.”"], "—", "Hillary Clinton", "direct"),
    ]
    assert [q.speaker.name for q in doc.quotes] == ["Bernie Sanders", "Hillary Clinton"]


def test_a_signed_quote_over_two_paragraphs_is_signed_whole():
    doc = analysed(
        "The mayor closed her speech with a warning.",
        "“The river will rise again next spring.",
        "“We have to be ready before it does.”",
        "-Maria Ortega, mayor of Riverton.",
    )
    parts, cue, mention, kind = sole_quote(doc)
    assert parts == ["“The river will rise again next spring.", "“We have to be ready before it does.”"]
    assert (cue, mention, kind) == ("-", "Maria Ortega", "direct")


@pytest.mark.parametrize(
    "before, line",
    [
        ("The committee met on Tuesday with the former chief of staff.", "- Amber Phillips."),  # a byline
        ("“So I think there is resistance among many Americans to change.”", "– An immigrant himself –."),  # a heading
        ("“So I think there is resistance among many Americans to change.”", "- Reuters reported the figures first."),
    ],
)
def test_a_dash_line_is_no_signature_unless_it_signs_a_quote_with_a_name(before, line):
    doc = analysed(before, line, "The council meets on Monday.")
    assert [view(doc, q) for q in doc.quotes if q.cue is not None and doc.text[q.cue[0] : q.cue[1]] in "-–—"] == []


def test_speaker_fields_are_left_for_the_resolver():
    from newsprobe.options import DEFAULT_PIPELINE, Options

    # quotes.v1 alone, without the speaker resolver that runs after it in the default pipeline
    up_to_quotes = DEFAULT_PIPELINE[: DEFAULT_PIPELINE.index("quotes.v1") + 1]
    doc = newsprobe.analyze(
        "River town waits for the spring thaw\n\n“It will rain,” she said.",
        id="t",
        options=Options(pipeline=up_to_quotes),
    )
    speaker = doc.quotes[0].speaker
    assert (speaker.name, speaker.entity, speaker.resolution, speaker.confidence) == (None, None, "unresolved", 0.0)
    assert doc.text[speaker.mention[0] : speaker.mention[1]] == "she"


def test_quote_kind_from_the_quoted_share():
    text = "“All of it,” he said that “some” of it was fine."
    runs_text = [(0, 12), (26, 32)]
    from newsprobe.quotes.marks import QuoteRun

    runs = [QuoteRun(s, e) for s, e in runs_text]
    assert quote_kind(text, [(0, 12)], runs) == "direct"
    assert quote_kind(text, [(21, 45)], runs) == "mixed"
    assert quote_kind(text, [(33, 45)], runs) == "indirect"


def test_no_quotes_outside_body_and_captions():
    doc = Document(id="x", text="nothing parsed")
    from newsprobe.quotes.cues import CueModel
    from newsprobe.stages.quotes import find_quotes

    assert find_quotes(doc, CueModel.load()) == []


# The seed page (examples/000_aeb1a4d6a8651ca1.txt)


def seed_quote(seed_doc, fragment):
    return quote_with(seed_doc, fragment)


def test_seed_trump_very_is_mixed(seed_doc):
    parts, cue, mention, kind = seed_quote(seed_doc, "optimistic")
    assert (cue, mention, kind) == ("said", "President Donald Trump", "mixed")
    assert parts[0].startswith("he is “very” optimistic")


def test_seed_leavitt_caption_quote(seed_doc):
    parts, cue, mention, kind = seed_quote(seed_doc, "grown frustrated")
    start = seed_doc.text.index("he has grown frustrated")
    segment = next(s for s in seed_doc.segments if s.start <= start < s.end)
    assert segment.kind == "caption"
    assert (cue, mention) == ("told", "she")
    assert "he has grown frustrated with both sides of this war" in parts[0]


def test_seed_return_on_investment_he_added(seed_doc):
    parts, cue, mention, kind = seed_quote(seed_doc, "return on investment")
    assert parts == ["“The return on investment is pretty high,”"]
    assert (cue, mention, kind) == ("added", "he", "direct")


def test_seed_peskov_indirect_then_direct(seed_doc):
    parts, cue, mention, kind = seed_quote(seed_doc, "too “complex”")
    assert (cue, kind) == ("said", "mixed")
    assert mention == "A spokesperson for Putin, Dmitry Peskov"
    parts, cue, mention, kind = seed_quote(seed_doc, "It is not worth")
    assert (cue, mention, kind) == ("said", "he", "direct")


def test_seed_hoffman_two_paragraph_quote(seed_doc):
    parts, cue, mention, kind = seed_quote(seed_doc, "no indication")
    assert (cue, mention, kind) == ("said", "Hoffman", "direct")
    assert parts[0] == "“There’s no indication that Putin wants to stop the war,”"
    assert parts[1].startswith("“That isn’t surprising.") and parts[1].endswith("can’t continue to fight.")
    parts, cue, mention, kind = seed_quote(seed_doc, "Russia is the invader")
    assert (cue, mention, kind) == ("added", "he", "direct")
    assert len(parts) == 2 and parts[1].startswith("“The one consistent thing")


def test_seed_koffler_colon_and_later_quotes(seed_doc):
    parts, cue, mention, kind = seed_quote(seed_doc, "same strategy")
    assert (cue, mention, kind) == ("echoed", "Koffler", "direct")
    parts, cue, mention, kind = seed_quote(seed_doc, "string Trump along")
    assert (cue, mention, kind) == ("added", "she", "direct")
    parts, cue, mention, kind = seed_quote(seed_doc, "sensitive technologies")
    assert (cue, mention, kind) == ("said", "Koffler", "direct")
    assert len(parts) == 2
    parts, cue, mention, kind = seed_quote(seed_doc, "face-saving")
    assert (cue, mention) == ("said", "Koffler")


def test_seed_moscow_times_report(seed_doc):
    parts, cue, mention, kind = seed_quote(seed_doc, "spheres of influence")
    assert cue == "said" and kind == "mixed"
    assert "the Moscow Times" in mention


def test_seed_quotes_stay_in_body_captions_and_the_headline(seed_doc):
    allowed = [s for s in seed_doc.segments if s.kind in ("body", "caption", "title")]
    for quote in seed_doc.quotes:
        for start, end in quote.content:
            assert any(s.start <= start and end <= s.end for s in allowed)


def test_markdown_report_lists_the_quotes(seed_doc):
    from newsprobe.report.markdown import render_markdown

    report = render_markdown(seed_doc)
    assert "## Quotes" in report
    assert "| Koffler | echoed | direct | “Putin will be pursuing the same strategy" in report


def test_the_stage_pickles_without_its_model(seed_doc):
    import pickle

    from newsprobe.stages.quotes import QuoteStage

    stage = QuoteStage(None)
    stage(seed_doc)
    copy = pickle.loads(pickle.dumps(stage))
    assert copy._cues is None
    assert [q.content for q in copy(seed_doc).quotes] == [q.content for q in seed_doc.quotes]


def test_a_cue_the_parser_hung_inside_its_own_clause_gets_its_own_quote():
    doc = analysed(
        "A spokesman for the council, Tomas Berg, said the budget was too tight to fund a new bridge"
        " and warned against raising local taxes."
    )
    found = {view(doc, q)[1]: view(doc, q) for q in doc.quotes}
    assert found["said"][0] == ["the budget was too tight to fund a new bridge"]
    assert found["warned"][0] == ["raising local taxes"]
    assert found["warned"][2] == found["said"][2]


def test_a_headline_signed_with_a_colon_is_attributed_to_the_name():
    doc = newsprobe.analyze("Mayor Okafor: Bridge Repairs Will Take Another Winter\n\nThe river is high.", id="t")
    found = [view(doc, q) for q in doc.quotes]
    assert found == [(["Bridge Repairs Will Take Another Winter"], ":", "Mayor Okafor", "indirect")]


def test_a_headline_label_without_a_name_is_no_speaker():
    doc = newsprobe.analyze("Update: the bridge reopens on Monday\n\nThe river is high.", id="t")
    assert all(q.cue is None or doc.text[q.cue[0] : q.cue[1]] != ":" for q in doc.quotes)


def test_an_adjective_with_a_clause_or_preposition_is_a_cue():
    doc = analysed(
        "Several shop owners are worried about the new parking rules downtown.",
        "The harbour master remains confident that the ferry will run all winter.",
    )
    parts, cue, mention, kind = quote_with(doc, "parking rules")
    assert parts == ["the new parking rules downtown"]
    assert (cue, mention, kind) == ("worried", "Several shop owners", "indirect")
    parts, cue, mention, _ = quote_with(doc, "ferry")
    assert parts[0].endswith("the ferry will run all winter")
    assert (cue, mention) == ("confident", "The harbour master")


def test_calling_for_someone_to_act_is_a_cue():
    doc = analysed("The teachers' union is calling for the county to reopen the rural clinic before May.")
    parts, cue, mention, kind = quote_with(doc, "clinic")
    assert parts == ["the county to reopen the rural clinic before May"]
    assert (cue, mention) == ("calling", "The teachers' union")


def test_an_as_phrase_after_the_object_is_part_of_the_content():
    doc = analysed("The council member described the new stadium as a gift to wealthy team owners.")
    parts, cue, mention, _ = quote_with(doc, "stadium")
    assert parts == ["the new stadium as a gift to wealthy team owners"]
    assert (cue, mention) == ("described", "The council member")


def test_an_as_clause_attributes_the_sentence_it_hangs_from():
    doc = analysed("As the county auditor noted, the water fund has run a deficit for six straight years.")
    parts, cue, mention, _ = quote_with(doc, "water fund")
    assert parts == ["the water fund has run a deficit for six straight years"]
    assert (cue, mention) == ("noted", "the county auditor")


def test_a_quote_before_a_cue_with_a_time_phrase_is_the_content():
    doc = analysed("“We will rebuild the pier before the summer,” Harlan said at the time.")
    parts, cue, mention, kind = quote_with(doc, "pier")
    assert parts == ["“We will rebuild the pier before the summer,”"]
    assert (cue, mention, kind) == ("said", "Harlan", "direct")


def test_a_negated_adjective_cue_keeps_its_negation():
    doc = analysed("The ferry operator is not interested in buying the old terminal.")
    parts, cue, mention, _ = quote_with(doc, "terminal")
    assert parts == ["buying the old terminal"]
    assert (cue, mention) == ("not interested", "The ferry operator")


def test_a_headline_label_before_a_colon_is_its_source():
    doc = newsprobe.analyze("Survey: Most Residents Back the New Bridge\n\nThe county asked 800 households.", id="t")
    titled = [q for q in doc.quotes if q.content[0][0] < doc.text.index("\n")]
    assert [view(doc, q) for q in titled] == [(["Most Residents Back the New Bridge"], ":", "Survey", "indirect")]


def test_a_title_case_headline_verb_splits_source_and_content():
    doc = newsprobe.analyze("Harbour Board Chair Blasts Ferry Fare Rise\n\nThe board met on Monday evening.", id="t")
    titled = [q for q in doc.quotes if q.content[0][0] < doc.text.index("\n")]
    assert [view(doc, q) for q in titled] == [(["Ferry Fare Rise"], "Blasts", "Harbour Board Chair", "indirect")]


def test_a_quote_told_to_an_outlet_is_the_content():
    doc = analysed("“The harbour needs dredging before the season,” Okafor told Coastal Radio.")
    parts, cue, mention, kind = quote_with(doc, "dredging")
    assert parts == ["“The harbour needs dredging before the season,”"]
    assert (cue, mention, kind) == ("told", "Okafor", "direct")


def test_as_someone_put_it_is_a_candidate_for_the_cue_model():
    from newsprobe.quotes.cues import CueModel
    from newsprobe.stages.quotes import find_attributions

    class AcceptAll(CueModel):
        def score(self, found):
            return 1.0

    doc = analysed("As the ferry captain put it, the crossing is safe only in calm weather.")
    found = [a for a in find_attributions(doc, AcceptAll()) if a.key == "put|as"]
    assert [[doc.text[s:e] for s, e in a.content] for a in found] == [["the crossing is safe only in calm weather"]]
    assert doc.text[found[0].mention[0] : found[0].mention[1]] == "the ferry captain"


def test_a_passive_cue_keeps_what_the_subject_was_blamed_for():
    doc = analysed("The harbour master was criticized by fishermen for closing the channel too early.")
    parts, cue, mention, _ = quote_with(doc, "harbour master")
    assert parts == ["The harbour master", "for closing the channel too early"]
    assert (cue, mention) == ("criticized", "fishermen")


def _candidates(doc, kind):
    from newsprobe.quotes.cues import CueModel
    from newsprobe.stages.quotes import find_attributions

    class AcceptAll(CueModel):
        def score(self, found):
            return 1.0

    found = [a for a in find_attributions(doc, AcceptAll(), keep_nested=True) if a.key.endswith(f"|{kind}")]
    return [([doc.text[s:e] for s, e in a.content], a.mention) for a in found]


def test_an_agentless_passive_holds_its_subject_and_names_no_speaker():
    doc = analysed("The new toll on the harbour bridge was approved last spring.")
    assert _candidates(doc, "passive-bare") == [(["The new toll on the harbour bridge"], None)]


def test_an_agentless_passive_with_a_preposition_holds_its_subject_and_what_it_takes():
    doc = analysed("The harbour master was criticized for closing the channel too early.")
    assert _candidates(doc, "passive-prep") == [(["The harbour master", "closing the channel too early"], None)]


def test_a_pronoun_it_is_not_the_subject_of_an_agentless_passive():
    doc = analysed("It was announced on the radio.")
    assert _candidates(doc, "passive-bare") == []


def test_a_day_after_the_cue_is_not_its_content():
    doc = analysed("“The channel stays closed until the storm passes,” the harbour master said on Tuesday.")
    parts, cue, mention, kind = quote_with(doc, "channel")
    assert parts == ["“The channel stays closed until the storm passes,”"]
    assert (cue, mention, kind) == ("said", "the harbour master", "direct")


def test_a_cue_between_commas_after_its_clause_attributes_both_sides():
    doc = analysed("The old mill had no fire exits, the inspector said, and its roof leaked badly.")
    parts, cue, mention, _ = quote_with(doc, "fire exits")
    assert parts == ["The old mill had no fire exits", "and its roof leaked badly"]
    assert (cue, mention) == ("said", "the inspector")


def test_a_noun_with_a_participle_and_its_agent_is_a_candidate():
    from newsprobe.quotes.cues import CueModel
    from newsprobe.stages.quotes import find_attributions

    class AcceptAll(CueModel):
        def score(self, found):
            return 1.0

    doc = analysed("The council rejected a toll plan championed by the harbour board last spring.")
    found = [a for a in find_attributions(doc, AcceptAll(), keep_nested=True) if a.key.endswith("|acl-by")]
    assert [[doc.text[s:e] for s, e in a.content] for a in found] == [["a toll plan"]]
    assert doc.text[found[0].mention[0] : found[0].mention[1]] == "the harbour board"


def test_a_plan_adjective_is_not_an_attribution():
    doc = analysed("The new ferry is set to enter service in the spring after sea trials.")
    assert [view(doc, q) for q in doc.quotes if "enter service" in doc.text[q.content[0][0] : q.content[0][1]]] == []


def test_a_negated_verb_cue_keeps_its_negation():
    doc = analysed("The ministry has not indicated that the ferry talks will resume this year.")
    parts, cue, mention, _ = quote_with(doc, "talks")
    assert parts[0].endswith("the ferry talks will resume this year")
    assert (cue, mention) == ("not indicated", "The ministry")


def test_a_cue_without_negation_stays_the_verb():
    doc = analysed("The ministry has indicated that the ferry talks will resume this year.")
    assert quote_with(doc, "talks")[1] == "indicated"
