"""The speaker mention of a cue: the cue's subject phrase, found on the parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.data.speech import CLAUSE_PREPOSITIONS, INHERIT_DEPS, MENTION_DROP_DEPS, SUBJECT_DEPS
from newsprobe.nlp import Parse
from newsprobe.quotes.bounds import true_coordinate
from newsprobe.quotes.found import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def speaker_mention(parse: Parse, verb: Token) -> Span | None:
    """The record span of the speaker mention of a cue verb, or None when the text gives none.

    In a relative clause the mention runs from the antecedent to the pronoun ("some economists, who
    argue …"): the pronoun is where the quote is attributed, the antecedent says who it is.
    """
    subject, relative = _subject(verb)
    if subject is None:
        return None
    span = mention_span(subject)
    if relative is not None and span.end <= relative.i <= span.end + 1:
        span = verb.doc[span.start : relative.i + 1]
    return parse.char_span(span)


def _subject(verb: Token) -> tuple[Token | None, Token | None]:
    """The subject's head and, when the subject is a relative pronoun, that pronoun."""
    orphan = _orphan_subject(verb)
    if orphan is not None:
        return orphan, None
    current = true_coordinate(verb) or _participle_host(verb) or verb
    through_adjective = False  # "He is quick to tout …" is his; "It is worth noting …" is nobody's
    for _ in range(4):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                if child.tag_ in ("WP", "WDT") and current.dep_ == "relcl":
                    return current.head, child
                if through_adjective and child.lower_ == "it":
                    return None, None
                return child, None
        if current.dep_ == "relcl":
            return current.head, None
        if current.dep_ in INHERIT_DEPS and current.head is not current:
            through_adjective = through_adjective or current.dep_ == "acomp"
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.pos_ in ("VERB", "AUX"):
            current = current.head.head  # "… for refusing to testify": the refusing is the verb's subject's
            continue
        break
    return None, None


def _participle_host(verb: Token) -> Token | None:
    """ "“…,” he added, referring to the $66 billion Washington has provided": the parser hangs the
    participle on the verb after it; right after "he added," it belongs to "added"."""
    if verb.tag_ != "VBG" or verb.dep_ not in INHERIT_DEPS or verb.head.i < verb.i or verb.i < 2:
        return None
    comma, before = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if comma.text == "," and before.pos_ == "VERB" and any(c.dep_ in SUBJECT_DEPS for c in before.children):
        return before
    return None


def _orphan_subject(verb: Token) -> Token | None:
    """ "after the administration last week said …": the parser took the subject for the object of "after"."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or verb.left_edge.i == 0:
        return None
    before = verb.doc[verb.left_edge.i - 1]
    if before.pos_ in ("NOUN", "PROPN") and before.dep_ == "pobj" and before.head.lower_ in CLAUSE_PREPOSITIONS:
        return before
    return None


def mention_span(head: Token) -> SpacySpan:
    """The speaker mention: the subject's phrase without relative clauses and trailing punctuation."""
    dropped: set[int] = set()
    for child in head.children:
        # "The mayor on Monday": a time is not part of who spoke
        timed = child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children)
        if child.dep_ in MENTION_DROP_DEPS or timed:
            dropped.update(t.i for t in child.subtree)
    kept = [t.i for t in head.subtree if t.i not in dropped]
    start = end = head.i
    kept_set = set(kept)
    while start - 1 in kept_set:
        start -= 1
    while end + 1 in kept_set:
        end += 1
    doc = head.doc
    while end > start and (doc[end].is_punct or doc[end].dep_ == "cc"):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    return doc[start : end + 1]
