"""speakers.v1 on quotes built by hand over parsed text (the seed page and sentences written for these tests)."""

from __future__ import annotations

import pickle

import pytest

from newsprobe.options import Options
from newsprobe.record import Document, Quote, Speaker
from newsprobe.registry import create_stage

pytestmark = pytest.mark.slow


def find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return (start, start + len(needle))


def add_quote(doc: Document, content: str, cue: str, mention: str | None, after: int = 0) -> Quote:
    """A quote over the first matches of the strings at or after ``after`` (a pronoun: " he ", after the content)."""
    content_span = find(doc.text, content, after)
    cue_span = find(doc.text, cue, max(0, content_span[0] - 120))
    mention_span = None
    if mention is not None and mention.startswith(" "):  # a pronoun: the first one after the content starts
        start = find(doc.text, mention, after or content_span[0])[0] + 1
        mention_span = (start, start + len(mention.strip()))
    elif mention is not None:
        mention_span = find(doc.text, mention, max(0, content_span[0] - 300))
    quote = Quote([content_span], cue_span, "direct", Speaker(mention=mention_span))
    doc.quotes.append(quote)
    return quote


def resolve(doc: Document) -> Document:
    return create_stage("speakers.v1", Options())(doc)


def analysed(text: str) -> Document:
    import newsprobe

    doc = newsprobe.analyze(text, id="t")
    doc.quotes = []
    return doc


@pytest.fixture(scope="module")
def seed(example_text: str) -> Document:
    doc = analysed(example_text)
    text = doc.text
    add_quote(doc, "“he has grown frustrated", "told", " she ", find(text, "White House press secretary")[0])
    add_quote(doc, "the issue of Russia’s invasion", "said", "A spokesperson for Putin, Dmitry Peskov")
    add_quote(doc, "“It is not worth setting", "said", " he ")
    add_quote(doc, "“There’s no indication", "said", "Hoffman")
    add_quote(doc, "“Russia is the invader", "added", " he ")
    add_quote(doc, "“The return on investment", "added", " he ")
    return resolve(doc)


def speaker_of(doc: Document, content_start: str) -> Speaker:
    start = doc.text.index(content_start)
    return next(q.speaker for q in doc.quotes if q.content[0][0] == start)


def test_pronoun_in_caption_resolves_to_the_press_secretary(seed):
    speaker = speaker_of(seed, "“he has grown frustrated")
    assert seed.text[speaker.mention[0] : speaker.mention[1]].strip() == "she"
    assert speaker.name == "Karoline Leavitt"
    assert speaker.role == "White House press secretary"
    assert speaker.resolution == "pronoun"
    assert speaker.entity == next(e.id for e in seed.entities if e.name == "Karoline Leavitt")
    assert speaker.confidence >= 0.8


def test_apposition_gives_name_and_role(seed):
    speaker = speaker_of(seed, "the issue of Russia’s invasion")
    assert speaker.name == "Dmitry Peskov"
    assert speaker.role == "spokesperson for Putin"
    assert speaker.resolution == "named"


def test_he_said_after_peskov_is_peskov(seed):
    speaker = speaker_of(seed, "“It is not worth setting")
    assert speaker.name == "Dmitry Peskov"
    assert speaker.role == "spokesperson for Putin"
    assert speaker.resolution == "pronoun"


def test_surname_the_document_never_completes_stays_a_surname(seed):
    speaker = speaker_of(seed, "“There’s no indication")
    assert speaker.name == "Hoffman"
    assert speaker.resolution == "surname"
    assert speaker_of(seed, "“Russia is the invader").name == "Hoffman"


def test_he_added_after_a_cut_is_unresolved(seed):
    speaker = speaker_of(seed, "“The return on investment")
    assert speaker.name is None
    assert speaker.entity is None
    assert speaker.resolution == "unresolved"


def test_surname_resolves_to_the_full_name():
    doc = analysed("Economist Paul Adler visited the plant on Monday.\n\nAdler said the outlook was poor.")
    add_quote(doc, "the outlook was poor", "said", "Adler")
    speaker = resolve(doc).quotes[0].speaker
    assert (speaker.name, speaker.resolution) == ("Paul Adler", "surname")
    assert speaker.confidence >= 0.85


def test_gender_picks_the_woman():
    doc = analysed("Anna Berg met Tom Hale at the embassy on Friday. “It went well,” she said.")
    add_quote(doc, "“It went well,”", "said", " she ")
    assert resolve(doc).quotes[0].speaker.name == "Anna Berg"


def test_two_plausible_men_lower_the_confidence():
    doc = analysed("John Miller met Peter Brown on Friday. “It went well,” he said.")
    add_quote(doc, "“It went well,”", "said", " he ")
    speaker = resolve(doc).quotes[0].speaker
    assert speaker.name in (None, "John Miller")  # the subject, if anyone
    assert speaker.confidence <= 0.6


def test_he_with_only_a_woman_before_is_unresolved():
    doc = analysed("Anna Berg spoke first.\n\n“It went well,” he said.")
    add_quote(doc, "“It went well,”", "said", " he ")
    speaker = resolve(doc).quotes[0].speaker
    assert (speaker.name, speaker.resolution) == (None, "unresolved")


@pytest.mark.parametrize(
    "sentence, mention",
    [
        ("Officials said the talks would resume next week.", "Officials"),
        ("A source close to the talks said the deal was off.", "A source close to the talks"),
    ],
)
def test_anonymous_sources_have_no_name(sentence, mention):
    doc = analysed(sentence)
    add_quote(doc, "the ", "said", mention, sentence.index("said"))
    speaker = resolve(doc).quotes[0].speaker
    assert speaker.name is None
    assert speaker.resolution == "anonymous"


def test_relative_pronoun_takes_its_antecedent():
    doc = analysed("Maria Lopez, who said the plan was flawed, left the meeting early.")
    add_quote(doc, "the plan was flawed", "said", "who")
    speaker = resolve(doc).quotes[0].speaker
    assert speaker.name == "Maria Lopez"


def test_stage_is_picklable_and_declares_its_contract():
    stage = create_stage("speakers.v1", Options())
    clone = pickle.loads(pickle.dumps(stage))
    assert clone.name == "speakers.v1"
    assert set(clone.requires) == {"quotes", "entities", "parses"}


def test_quote_only_paragraph_continues_the_speaker():
    # a title line first: a page's first line is its title, and titles are not quote paragraphs
    doc = analysed(
        "Town rebuilds after the flood\n\n“We will rebuild,” said Mayor Ana Ortiz on Monday.\n\n“It will take years.”"
    )
    add_quote(doc, "“We will rebuild,”", "said", "Mayor Ana Ortiz")
    add_quote(doc, "“It will take years.”", "“It", None)
    doc.quotes[1].cue = None
    resolve(doc)
    assert doc.quotes[1].speaker.name == "Ana Ortiz"
    assert doc.quotes[1].speaker.mention is None


def test_no_mention_outside_a_quote_paragraph_stays_unresolved():
    doc = analysed("“We will rebuild,” said Mayor Ana Ortiz on Monday.\n\nThe city expects it to take years.")
    add_quote(doc, "“We will rebuild,”", "said", "Mayor Ana Ortiz")
    add_quote(doc, "it to take years", "expects", None)
    resolve(doc)
    assert doc.quotes[1].speaker.name is None
