"""Where an attribution's content starts and ends: the clause a cue introduces, trimmed and grown to quote marks.

A content is the tokens a cue verb governs (its clause or object), without trailing participle clauses,
relative asides and edge punctuation, and widened to the whole of any quoted run it touches.

``refine`` then moves the bounds to PolNeAR's conventions (each rule counted on PolNeAR train, kept only where
dev did not drop). It runs after the cue model has scored a candidate and after nested candidates are
dropped, so the model's features and the nesting test still see the spans they were tuned on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.data.bounds import (
    CUE_NOUNS,
    INFINITIVE_NOUNS,
    INNER_VERBS,
    LIGHT_VERBS,
    OBJECT_PREPS,
    VENUE_NOUNS,
)
from newsprobe.data.speech import (
    ASPECTUAL_VERBS,
    CONTENT_DEPS,
    CONTENT_PREPS,
    NOUN_CONTENT_PREPS,
    RAISING_VERBS,
    SOLE_CONTENT_PREPS,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    TRAILING_CLAUSE_DEPS,
)
from newsprobe.nlp import Parse
from newsprobe.quotes.marks import QuoteRun

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsprobe.quotes.found import Attribution

Span = tuple[int, int]
# The complement kinds whose content ``refine`` trims (kinds from ``extract.complement_kind``).
REFINED_KINDS = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "dative", "oprd", "attr", "prep", "prep2"})


def through_colon(parse: Parse, span: Span, runs: list[QuoteRun], claimed: set[int]) -> Span:
    """ "pointed out how ironic it was: “…”": a content that ends at a colon runs on through the quote after it."""
    text, off = parse.text, parse.offset
    tail = text[span[1] - off :]
    stripped = tail.lstrip(" ”\"'’")
    if not stripped.startswith(":"):
        return span
    colon_end = span[1] + len(tail) - len(stripped) + 1
    for run in runs:
        if id(run) not in claimed and run.start >= colon_end and not text[colon_end - off : run.start - off].strip():
            return (span[0], run.end)
    return span


def complement_span(verb: Token) -> SpacySpan | None:
    """The tokens a verb introduces: its clause, or its object and what follows it."""
    children = list(verb.children)
    if verb.lemma_.lower() in ASPECTUAL_VERBS:  # "continued to blast the deal": what the inner verb takes
        inner = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i), None)
        found = complement_span(inner) if inner is not None else None
        if found is not None:
            return found
    ccomp = [c for c in children if c.dep_ in ("ccomp", "parataxis")]
    if ccomp:
        chosen = ccomp
    else:
        chosen = [c for c in children if c.dep_ in CONTENT_DEPS]
        chosen += [c for c in children if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS]
        if not chosen:
            chosen = [c for c in children if c.dep_ == "prep" and c.lower_ in SOLE_CONTENT_PREPS][:1]
    if not chosen:
        return None
    after = [c for c in chosen if c.i > verb.i]
    before = [c for c in chosen if c.i < verb.i]
    side = before if before and (not after or any(c.dep_ == "ccomp" for c in before)) else after
    if not side:
        return None
    # "called for a ceasefire": the content is what the preposition governs, not the preposition
    start = min(c.i + 1 if c.dep_ == "prep" and c.i + 1 <= c.right_edge.i else c.left_edge.i for c in side)
    end = max(c.right_edge.i for c in side) + 1
    if side is after:
        start = max(start, verb.i + 1)
    else:
        end = min(end, verb.i)
    doc = verb.doc
    end = cut_trailing_participle(doc, start, end)
    end = next((i for i in range(start + 1, end) if getattr(true_coordinate(doc[i]), "i", -1) == verb.i), end)
    while end > start + 1 and (doc[end - 1].dep_ == "cc" or doc[end - 1].text == ","):
        end -= 1
    end = cut_relative_clause(doc, start, end, final_only=bool(ccomp))
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in "”\"»'’"):
        end -= 1
    while start < end and doc[start].is_punct and doc[start].text not in '“"«„':
        start += 1
    if end <= start:
        return None
    return doc[start:end]


def refine(parse: Parse, runs: list[QuoteRun], found: Attribution) -> None:
    """Trim a found content to PolNeAR's bounds, after the cue model has scored it (its features saw the raw span)."""
    kind = found.key.rpartition("|")[2]
    if kind == "according" and found.cue is not None:
        found.content = according_parts(parse, found.content, found.cue)
        return
    if len(found.content) != 1 or kind not in REFINED_KINDS:
        return
    start_char, end_char = found.content[0]
    doc = parse.doc
    if found.cue is not None and start_char < found.cue[0] and found.cue[1] < end_char:
        taken = speech_inside(parse, found.cue)
        if taken is not None:  # "Cruz seemed to mock his tough talk": the cue is "seemed to mock"
            found.content = [widen_to_runs(parse.char_span(taken), runs)]
        else:
            found.content = split_at_cue(parse, found.content[0], found.cue)
        return
    if found.cue is not None and end_char <= found.cue[0]:
        run = quote_after_colon(parse.text, parse.offset, runs, start_char, end_char)
        if run is not None:  # "…, but with a caveat: “…,” the source said": the quote is what was said
            found.content[0] = (run.start, run.end)
            return
    span = doc.char_span(start_char - parse.offset, end_char - parse.offset, alignment_mode="expand")
    if span is None or len(span) < 2:
        return
    start, end = span.start, span.end
    cue = found.cue and doc.char_span(found.cue[0] - parse.offset, found.cue[1] - parse.offset, alignment_mode="expand")
    verb = cue.root if cue else None
    if kind in ("ccomp", "parataxis"):
        end = through_that_conjunct(doc, found.cue, parse.offset, start, end)
        if verb is not None:
            start = past_made_clear(verb, start, end)
    if kind == "dobj":
        start = past_cue_noun(doc, start, end, verb is not None and verb.lemma_.lower() in LIGHT_VERBS)
        if verb is not None:
            end = through_object_preps(verb, start, end)
    if kind == "oprd" and verb is not None:
        parts = predicate_parts(parse, verb, runs)
        if parts is not None:  # "called the plan “a disaster”", "Clinton was declared the winner"
            found.content = parts
            return
    if kind == "xcomp" and verb is not None and verb.lemma_.lower() in INNER_VERBS:
        inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        taken = complement_span(inner) if inner is not None else None
        if taken is not None and start <= taken.start and taken.end <= end:
            start, end = taken.start, taken.end
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in "”\"»'’":
        end -= 1
    if (start == span.start and end == span.end) or end <= start:
        return
    new_start, new_end = parse.char_span(doc[start:end])
    cut_end = any(new_end < run.end and run.start < end_char for run in runs)
    cut_start = any(start_char < run.end and run.start < new_start for run in runs)
    if cut_end or cut_start:
        return  # never cut into a quoted run, nor off one the content took in
    found.content[0] = (new_start, new_end)


def quote_after_colon(text: str, offset: int, runs: list[QuoteRun], start: int, end: int) -> QuoteRun | None:
    """The quoted run that ends a content and follows a colon inside it, if any."""
    for run in runs:
        if start < run.start and end - 3 <= run.end <= end + 1:
            before = text[start - offset : run.start - offset].rstrip()
            if before.endswith(":"):
                return run
    return None


def past_made_clear(verb: Token, start: int, end: int) -> int:
    """ "made it clear to voters that X": the adjective is the cue's ("made it clear"), the content is "that X"."""
    doc = verb.doc
    first = start + 1 if doc[start].lower_ == "it" else start
    adjective = doc[first]
    if adjective.pos_ != "ADJ" or adjective.head.i != verb.i or adjective.dep_ not in ("ccomp", "oprd", "acomp"):
        return start
    for i in range(first + 1, end - 1):
        if doc[i].lower_ == "that" and doc[i].dep_ == "mark":
            return i
    return start


def through_that_conjunct(doc: object, cue: Span | None, offset: int, start: int, end: int) -> int:
    """ "said X, but that Y": the parser hangs the second clause on the cue; it is part of the same content."""
    if cue is None:
        return end
    verb = doc.char_span(cue[0] - offset, cue[1] - offset, alignment_mode="expand")  # type: ignore[attr-defined]
    if verb is None:
        return end
    for child in verb.root.children:
        if (
            child.dep_ == "conj"
            and child.i >= end
            and any(g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in child.children)
        ):
            between = doc[end : child.left_edge.i]  # type: ignore[index]
            if all(t.is_punct or t.dep_ in ("cc", "preconj") for t in between):
                return child.right_edge.i + 1
    return end


def through_object_preps(verb: Token, start: int, end: int) -> int:
    """ "described the plan as a disaster": the content runs on through the verb's phrases after its object.

    From PolNeAR train: such a phrase is in the gold content 164 of 169 times for "as", 79 of 85 for "for";
    one that holds a date or time mostly is not ("on Monday").
    """
    doc = verb.doc
    objects = [c for c in verb.children if c.dep_ == "dobj" and start <= c.i < end]
    if not objects:
        return end
    takes_infinitive = objects[0].lemma_.lower() in INFINITIVE_NOUNS
    last = end
    while last > start and doc[last - 1].is_punct:
        last -= 1
    dated = [c for c in verb.children if c.dep_ == "prep" and start < c.i and c.right_edge.i == last - 1]
    if dated and is_date_phrase(dated[0]):
        return dated[0].i  # "praised the crew on Monday": when, not what
    for child in sorted((c for c in verb.children if c.left_edge.i >= last), key=lambda c: c.i):
        if child.left_edge.i != last:
            break
        prep = child.dep_ == "prep" and child.lower_ in OBJECT_PREPS and not is_date_phrase(child)
        prep = prep and not any(g.dep_ == "pobj" and g.lemma_.lower() in VENUE_NOUNS for g in child.children)
        infinitive = child.dep_ == "advcl" and child.left_edge.lower_ == "to" and takes_infinitive  # "calls to ban"
        if not (prep or infinitive):
            break
        last = child.right_edge.i + 1
    if last <= end:
        return end
    return cut_relative_clause(doc, start, last)


def is_date_phrase(prep: Token) -> bool:
    """ "on Monday", "for decades", "in 2012": a preposition whose object is a date or a time."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def speech_inside(parse: Parse, cue: Span) -> SpacySpan | None:
    """What a speech verb under a raising cue takes ("seemed to mock X": X), or None."""
    found = parse.doc.char_span(cue[0] - parse.offset, cue[1] - parse.offset, alignment_mode="expand")
    inner = next((c for c in found.root.children if c.dep_ == "xcomp"), None) if found is not None else None
    if inner is None or inner.lemma_.lower() not in SPEECH_VERBS or inner.lemma_.lower() in ASPECTUAL_VERBS:
        return None
    return complement_span(inner)


def according_parts(parse: Parse, content: list[Span], cue: Span) -> list[Span]:
    """ "Fundraising, according to the report, has surged": the subject the phrase splits off is a part too."""
    doc = parse.doc
    phrase = doc.char_span(cue[0] - parse.offset, cue[1] - parse.offset, alignment_mode="expand")
    if phrase is None or len(content) != 1:
        return content
    head = phrase[0].head
    if head.pos_ not in ("VERB", "AUX"):
        return content
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not subject.right_edge.i < phrase.start <= head.i:
        return content
    first = parse.char_span(doc[subject.left_edge.i : subject.right_edge.i + 1])
    return [first, *content] if first[1] <= content[0][0] else content


def predicate_parts(parse: Parse, verb: Token, runs: list[QuoteRun]) -> list[Span] | None:
    """A predicate's content with what it is said of: "called [the plan] [“a disaster”]", "[X] was declared [Y]"."""
    predicate = next((c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i), None)
    if predicate is None:
        return None
    doc = verb.doc
    last = predicate.right_edge.i + 1
    while last > predicate.i + 1 and doc[last - 1].is_punct and doc[last - 1].text not in "”\"»'’":
        last -= 1
    said = parse.char_span(doc[predicate.left_edge.i : last])
    target = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < predicate.i), None)
    if target is not None:
        return [widen_to_runs((parse.char_span(target.left_edge)[0], said[1]), runs)]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None or subject.tag_ in ("WP", "WDT"):
        return None
    if subject.dep_ != "nsubjpass" and verb.lemma_.lower() not in RAISING_VERBS:
        return None
    return [parse.char_span(doc[subject.left_edge.i : subject.right_edge.i + 1]), widen_to_runs(said, runs)]


def split_at_cue(parse: Parse, content: Span, cue: Span) -> list[Span]:
    """ "Sanders appears to have a lead": the raised subject and the infinitive, without the cue and its auxiliaries."""
    doc = parse.doc
    verb = doc.char_span(cue[0] - parse.offset, cue[1] - parse.offset, alignment_mode="expand")
    if verb is None:
        return [content]
    head = verb.root
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i), None)
    rest = next((c for c in head.children if c.dep_ in ("xcomp", "ccomp") and c.i > head.i), None)
    if subject is None or rest is None:
        return [content]
    first = parse.char_span(doc[subject.left_edge.i : subject.right_edge.i + 1])
    second = (parse.char_span(rest.left_edge)[0], content[1])
    if not (content[0] <= first[0] < first[1] <= second[0] < second[1] <= content[1]):
        return [content]
    return [first, second]


def past_cue_noun(doc: object, start: int, end: int, light: bool = False) -> int:
    """ "raised questions about the deal": the content starts at what the cue noun governs ("the deal").

    After a light verb (``light``: "made no mention of X", "had harsh words for X") any object noun is the cue's.
    """
    for i in range(start, min(start + 4, end)):
        noun = doc[i]  # type: ignore[index]
        if noun.pos_ != "NOUN" or noun.left_edge.i != start or not (light or noun.lemma_.lower() in CUE_NOUNS):
            continue
        for child in noun.children:
            if child.i <= noun.i or child.right_edge.i >= end:
                continue
            if child.dep_ == "prep" and child.lower_ in NOUN_CONTENT_PREPS and child.i + 1 < end:
                return child.i + 1
            if child.dep_ in ("acl", "ccomp") and (child.left_edge.lower_ in ("that", "to")):
                return child.left_edge.i
        return start
    return start


def aside_parts(verb: Token) -> list[SpacySpan]:
    """The clause around a parenthetical cue, without the cue's own words."""
    head = verb.head
    skip = {t.i for t in verb.subtree}
    doc = verb.doc
    tokens = [t.i for t in head.subtree if t.i not in skip]
    parts: list[SpacySpan] = []
    run: list[int] = []
    for i in tokens + [-1]:
        if run and i != run[-1] + 1:
            trimmed = trim(doc, run[0], run[-1] + 1)
            if trimmed is not None:
                parts.append(doc[trimmed[0] : trimmed[1]])
            run = []
        if i >= 0:
            run.append(i)
    return parts


def cut_trailing_participle(doc: object, start: int, end: int) -> int:
    """Content ends before ", adding …" / ", citing …": a participle clause is its own attribution or aside."""
    for i in range(start + 1, end - 1):
        token, following = doc[i], doc[i + 1]  # type: ignore[index]
        if token.text == "," and following.tag_ == "VBG" and following.dep_ in TRAILING_CLAUSE_DEPS:
            return i
    return end


def cut_relative_clause(doc: object, start: int, end: int, final_only: bool = False) -> int:
    """Content ends before ", which …": the aside is the writer's, not the speaker's.

    In a clause (``final_only``) only an aside that runs to the end of the content is cut.
    """
    for i in range(start + 1, end - 1):
        token, following = doc[i], doc[i + 1]  # type: ignore[index]
        aside = token.text == "," and following.lower_ in ("which", "who", "whose") and following.head.dep_ == "relcl"
        if aside and (not final_only or following.head.right_edge.i >= end - 2):
            return i
    return end


def widen_to_runs(span: Span, runs: list[QuoteRun], cue: Span | None = None) -> Span:
    """The span grown to the whole of every quoted run it touches (not the run that holds the cue)."""
    start, end = span
    for run in runs:
        if cue is not None and run.start <= cue[0] < run.end:
            continue
        if run.start < end and start < run.end:
            start, end = min(start, run.start), max(end, run.end)
    return (start, end)


def trim(doc: object, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds without punctuation at either edge; None when nothing is left."""
    while start < end and doc[start].is_punct:  # type: ignore[index]
        start += 1
    while end > start and doc[end - 1].is_punct:  # type: ignore[index]
        end -= 1
    return (start, end) if end > start else None


def true_coordinate(verb: Token) -> Token | None:
    """The cue a finite verb is really coordinated with when the parser hung it inside that cue's clause.

    "Peskov said the issue was too complex to achieve a fix and warned against rushing": the parser
    makes "warned" a conjunct of "achieve" (or of "was"); its tense, or being a speech verb, says it
    goes with "said".
    """
    tense = finite_tag(verb)
    if verb.dep_ != "conj" or tense is None:
        return None
    if verb.head.tag_ not in ("VB", "VBG") and verb.lemma_.lower() not in SPEECH_VERBS:
        return None  # "said prices rose and fell": a conjunct of the reported clause
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    current = verb.head
    for _ in range(4):
        if current.dep_ == "ccomp" and finite_tag(current.head) == tense and current.head.i < verb.i:
            return current.head
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def finite_tag(verb: Token) -> str | None:
    """The tense of a finite verb: its own tag ("said") or its auxiliary's ("has championed")."""
    if verb.tag_ in ("VBD", "VBZ"):
        return verb.tag_
    if verb.tag_ == "VBN":
        return next((c.tag_ for c in verb.children if c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ")), None)
    return None
