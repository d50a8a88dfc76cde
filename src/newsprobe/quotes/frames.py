"""Attribution frames beyond "X said Y", each a candidate for the cue model.

"As the Times noted, …", "…, the airline added, and …", "is calling for the US to act",
"“…,” she told MSNBC", "a proposal championed by Trump", "Republicans are critical of the deal",
"cast Trump as a former liberal". Found on PolNeAR train by error analysis; the cue model decides
which lemmas in each frame are attributions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.data.speech import (
    ADJECTIVE_CONTENT_PREPS,
    ADJECTIVE_CUE_DEPS,
    NOT_ATTITUDE_ADJECTIVES,
    OBJECT_PREDICATE_PREPS,
    SUBJECT_DEPS,
)
from newsprobe.nlp import Parse
from newsprobe.quotes.bounds import aside_parts, trim, widen_to_runs
from newsprobe.quotes.found import Attribution, Span
from newsprobe.quotes.marks import QuoteRun
from newsprobe.quotes.speaker import mention_span, speaker_mention

if TYPE_CHECKING:
    from spacy.tokens import Token


def for_clause(verb: Token) -> Token | None:
    """The clause of "calling for the US to act" (the parser makes "for" the mark of an adverbial clause)."""
    for child in verb.children:
        opener = child.left_edge
        infinitive = any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        if child.dep_ == "advcl" and opener.lower_ == "for" and opener.i > verb.i and infinitive:
            return child
    return None


def for_to_attribution(parse: Parse, verb: Token, runs: list[QuoteRun], index: int) -> Attribution | None:
    """ "is calling for the United States to step up": what follows "for" is the content."""
    clause = for_clause(verb)
    if clause is None:
        return None
    span = trim(verb.doc, clause.left_edge.i + 1, clause.right_edge.i + 1)
    if span is None:
        return None
    content = widen_to_runs(parse.char_span(verb.doc[span[0] : span[1]]), runs, parse.char_span(verb))
    return Attribution([content], parse.char_span(verb), speaker_mention(parse, verb), index)


# what "tell" takes as the thing told rather than the hearer ("told the truth")
TOLD_THINGS = frozenset(
    {"truth", "story", "lie", "joke", "tale", "anything", "something", "nothing", "everything", "it"}
)


def told_whom(verb: Token) -> bool:
    """The verb's only object is a person or an outlet ("told MSNBC", "asked him"): who heard it, not what was said."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return len(objects) == 1 and (
        objects[0].ent_type_ in ("PERSON", "ORG", "NORP")
        or objects[0].lower_ in ("him", "her", "me", "us", "them")
        or (verb.lemma_ == "tell" and objects[0].lemma_ not in TOLD_THINGS)  # "told the crowd", "told reporters"
    )


def reduced_passive(verb: Token) -> Token | None:
    """The agent of a participle after its noun ("a proposal championed by Trump": "Trump")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.i > verb.i or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def reduced_passive_attribution(parse: Parse, verb: Token, runs: list[QuoteRun], index: int) -> Attribution | None:
    """ "a proposal championed by Trump", "claims made by the campaign": the noun phrase is the content."""
    agent = reduced_passive(verb)
    if agent is None:
        return None
    noun = verb.head
    span = trim(verb.doc, noun.left_edge.i, verb.i)
    if span is None:
        return None
    content = widen_to_runs(parse.char_span(verb.doc[span[0] : span[1]]), runs, parse.char_span(verb))
    return Attribution([content], parse.char_span(verb), parse.char_span(mention_span(agent)), index)


def mid_sentence(verb: Token) -> bool:
    """A cue set off by commas after the clause it reports, with more of that clause after it."""
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    opened = doc[left].text == "," or (left > 0 and doc[left - 1].text == ",")
    closed = doc[right].text == "," or (right + 1 < len(doc) and doc[right + 1].text == ",")
    return verb.head.i < verb.i and opened and closed and verb.head.right_edge.i > right + 1


def marked_as(verb: Token) -> bool:
    """ "as the Times noted", "as he put it" (an object other than "it" is content of its own)."""
    objects = [c.lower_ for c in verb.children if c.dep_ == "dobj"]
    return objects in ([], ["it"]) and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def as_attribution(parse: Parse, verb: Token, runs: list[QuoteRun], index: int) -> Attribution | None:
    """ "As the Times noted, …", "…, as reported by the Post": the clause it hangs from is the content."""
    parts = aside_parts(verb)
    if not parts:
        return None
    cue = parse.char_span(verb)
    content = [widen_to_runs(parse.char_span(p), runs, cue) for p in parts]
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        subject = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    mention = parse.char_span(mention_span(subject)) if subject is not None else None
    return Attribution(content, cue, mention, index)


def adjective_attribution(
    parse: Parse, adjective: Token, runs: list[QuoteRun], index: int
) -> tuple[Attribution | None, str]:
    """ "Republicans have been critical of the deal", "are concerned that …", "was ready to sign it"."""
    if adjective.dep_ not in ADJECTIVE_CUE_DEPS or adjective.lower_ in NOT_ATTITUDE_ADJECTIVES:
        return None, ""
    children = [c for c in adjective.children if c.i > adjective.i]
    clause = [c for c in children if c.dep_ in ("ccomp", "xcomp")]
    preps = [c for c in children if c.dep_ == "prep" and c.lower_ in ADJECTIVE_CONTENT_PREPS]
    if clause:
        chosen, kind, start = clause[0], "A-clause", clause[0].left_edge.i
    elif preps and preps[0].i + 1 <= preps[0].right_edge.i:
        chosen, kind, start = preps[0], f"A-{preps[0].lower_}", preps[0].i + 1
    else:
        return None, ""
    span = trim(adjective.doc, start, chosen.right_edge.i + 1)
    if span is None:
        return None, ""
    content = widen_to_runs(parse.char_span(adjective.doc[span[0] : span[1]]), runs, parse.char_span(adjective))
    host = adjective.head if adjective.head.pos_ in ("VERB", "AUX") else adjective
    mention = speaker_mention(parse, host) if host is not adjective else None
    cue = with_negation(parse, parse.char_span(adjective))
    return Attribution([content], cue, mention, index), kind


def negation(cue: Token) -> Token | None:
    """The "not"/"never" before a cue word, on it or on the verb it complements ("is not interested")."""
    host = cue.head if cue.pos_ == "ADJ" and cue.head.pos_ in ("VERB", "AUX") else cue
    found = [c for c in (*cue.children, *host.children) if c.dep_ == "neg" and c.i < cue.i]
    return min(found, key=lambda t: t.i) if found else None


def with_negation(parse: Parse, cue: Span) -> Span:
    """ "has not indicated that …", "is not interested in …": a cue keeps its negation, or the record reads the
    other way round."""
    tokens = parse.doc.char_span(cue[0] - parse.offset, cue[1] - parse.offset, alignment_mode="expand")
    if tokens is None:
        return cue
    found = negation(tokens.root)
    return (parse.char_span(found)[0], cue[1]) if found is not None and found.i < tokens.start else cue


def with_as_phrase(parse: Parse, verb: Token, span: Span) -> Span:
    """ "cast Trump as a former liberal", "sees Cruz as a uniter": the "as" phrase is part of what is held."""
    first = next((c.i for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREDICATE_PREPS), None)
    if first is None or phrase is None or phrase.i < first or phrase.right_edge.i <= phrase.i:
        return span
    end = parse.char_span(phrase.right_edge)[1]
    start = parse.char_span(phrase)[0]
    return (span[0], end) if span[0] < start and end > span[1] else span
