"""A learned choice of where a content starts and ends, among variants the parse offers.

``variants`` lists bounds a content could have (the found one first: without a leading adverbial or
subordinate clause, from the subject or the "to"-infinitive on; with a trailing clause, phrase or aside
cut off; run on to the end of the clause or sentence, or through the next sentence; and any word boundary
within ``NEAR`` tokens of a found edge), each with cheap
features (variant type, cue lemma and complement kind, dependency labels and words at the edges, lengths).
``BoundChooser`` gives each a share of the edge with a conditional logit (a softmax over one content's
variants, the found one included) learned on PolNeAR train (``scripts/train_bound_chooser.py``, shipped as
``newsprobe/models/bound_chooser.json``). The content moves to the start and end pair likeliest to overlap
the annotators' content strictly under those shares (``BoundChooser.decide``), where that beats keeping the
found bounds by the model's margin.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from newsprobe.data.bounds import EDGE_WORDS, VENUE_NOUNS
from newsprobe.data.speech import SPEECH_VERBS
from newsprobe.nlp import Parse
from newsprobe.quotes.bounds import is_date_phrase
from newsprobe.quotes.linear import read_model
from newsprobe.quotes.marks import QuoteRun

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from newsprobe.quotes.found import Attribution

Span = tuple[int, int]
SpanOf = Callable[[int, int], Span | None]
MODEL_FILE = "bound_chooser.json"
# Complement kinds whose single-part contents get variants (kinds from ``extract.complement_kind``).
VARIED_KINDS = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "dative", "oprd", "attr", "prep", "prep2", "none"})
# Noun and adjective frames ("the claim that …", "critical of …"; kinds from ``quotes.frames``): 5-fold CV on
# PolNeAR train, net strict gain +100 without them, +111 with them.
VARIED_PREFIXES = ("N-", "A-")
# Closing marks a content may end on (everything else of end punctuation is not content).
CLOSING_MARKS = "”\"»'’"
MAX_STARTS = 60
MAX_ENDS = 80
# The decision weighs each edge's this many likeliest variants besides the found one (5-fold CV on PolNeAR
# train, net strict gain over the found bounds with every variant takeable: 10 +231, 20 +246, 40 +248).
TOP = 20
STRICT = 0.8  # the strict match of the metric: Jaccard overlap with the annotators' content
# Dependencies an edge may not tear (a modifier from its head, an argument from its verb or preposition):
# an end other than the found one, or a word-boundary start, that tears one is weighed as where the
# annotators' edge may be but never taken. The overlap alone often picks a boundary between two likely edges
# ("… ceasefire terms, let alone"). 5-fold CV on PolNeAR train, net strict gain: any variant taken +246,
# only whole ones +193 (near edges only +202; every edge +187); the single likeliest start and end, each
# taken where its share beat the found one's by 0.1 (the chooser before this decision), +146.
TIGHT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "predet", "quantmod", "nmod", "aux", "auxpass", "neg", "case"}
    | {"prt", "dobj", "pobj", "attr", "acomp", "pcomp", "dative", "oprd", "xcomp", "ccomp", "nsubj", "nsubjpass"}
    | {"csubj", "agent", "expl"}
)
# Besides the named variants, every word boundary this many tokens around a found edge is a variant too
# (5-fold CV on PolNeAR train: strict matches within reach 1,388 -> 1,981, net gain +125 -> +163).
NEAR = 15
# Leading phrases of a content's head that a start may skip ("In 2012, …", "If elected, …").
LEADING_DEPS = frozenset({"advmod", "prep", "advcl", "npadvmod", "intj", "cc", "dep", "parataxis", "ccomp", "mark"})


@dataclass(slots=True)
class Edge:
    """One place a content could start (or end): the token index, what kind of move it is, its features, and
    whether the content may be cut there (``whole``: the found edge, a named start, or an edge that tears no
    phrase apart, ``TIGHT_DEPS``)."""

    index: int
    kind: str
    features: list[str] = field(default_factory=list)
    whole: bool = True


@dataclass(slots=True)
class Variants:
    """The starts and ends a content could have (the found ones first), and how to turn them into a record span."""

    parse: Parse
    starts: list[Edge]
    ends: list[Edge]
    quoted: list[Span]

    def span(self, start: Edge, end: Edge) -> Span | None:
        """The record span from ``start`` to ``end``, grown to the quoted runs it touches; None when empty."""
        doc, off = self.parse.doc, self.parse.offset
        if end.index <= start.index:
            return None
        first, last = doc[start.index], doc[end.index - 1]
        bounds = _char_bounds(first.idx, last.idx + len(last), self.quoted)
        return (bounds[0] + off, bounds[1] + off)


def variants(parse: Parse, runs: list[QuoteRun], found: Attribution) -> Variants | None:
    """The starts and ends a single-part content could have, found ones first; None when there is no choice."""
    kind = found.key.rpartition("|")[2]
    if len(found.content) != 1 or not _varied(kind):
        return None
    doc = parse.doc
    off = parse.offset
    span = doc.char_span(found.content[0][0] - off, found.content[0][1] - off, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    s, e = span.start, span.end
    cue = found.cue and doc.char_span(found.cue[0] - off, found.cue[1] - off, alignment_mode="expand")
    cue_i = cue.root.i if cue else -1
    lemma = cue.root.lemma_.lower() if cue else "-"
    side = "after" if cue_i < s else "before"
    sent_end = span[-1].sent.end
    torn = _torn(doc, s, e, cue_i)  # a found content that tears a phrase already (a bad parse) puts no limit
    starts = []
    for name, i in _starts(doc, s, e):
        if i < e and not (i <= cue_i < s):
            whole = torn or not name.startswith("near:") or not _torn(doc, i, e, cue_i, (s, e))
            starts.append(Edge(i, name, _start_features(doc, s, e, i, name, kind, lemma, side), whole))
    ends = []
    for name, i in _ends(doc, s, e, sent_end, cue_i):
        if i > s:
            whole = torn or name == "keep" or not _torn(doc, s, i, cue_i, (s, e))
            ends.append(Edge(i, name, _end_features(doc, s, e, i, name, kind, lemma, side, sent_end), whole))
    if len(starts) + len(ends) <= 2:
        return None
    return Variants(parse, starts, ends, [(r.start - off, r.end - off) for r in runs])


def _varied(kind: str) -> bool:
    """Whether a content of this complement kind gets variants (noun and adjective frames too: "N-of", "A-clause")."""
    return kind in VARIED_KINDS or kind.startswith(VARIED_PREFIXES)


def _starts(doc: Doc, s: int, e: int) -> list[tuple[str, int]]:
    out = [("keep", s)]
    first = doc[s]
    if first.dep_ == "mark" and first.lower_ in EDGE_WORDS:
        out.append((f"mark:{first.lower_}", s + 1))
    root = _root(doc, s, e)
    for child in root.children:  # leading phrases of the content's head: "In 2012, …", "If elected, …"
        if s <= child.left_edge.i and child.i < root.i and child.dep_ in LEADING_DEPS:
            after = child.right_edge.i + 1
            while after < root.i and (doc[after].is_punct or doc[after].dep_ == "cc"):
                after += 1
            if s < after <= root.i:
                out.append((f"skip:{child.dep_}", after))
        if child.dep_ in ("nsubj", "nsubjpass", "expl") and s < child.left_edge.i < child.i < root.i:
            out.append(("subject", child.left_edge.i))
    for i in range(s + 1, min(s + 8, e - 1)):  # "reminded viewers about X": from what the preposition governs
        if doc[i].dep_ == "prep" and doc[i].right_edge.i >= e - 2 and doc[i].i + 1 < e:
            out.append((f"after-prep:{_word(doc[i])}", i + 1))
            break
    for i in range(s, min(s + 8, e - 1)):  # "urged Congress to act": from the infinitive on
        if doc[i].tag_ == "TO" and doc[i].head.tag_ == "VB":
            out.append(("to", i))
            out.append(("after-to", i + 1))
            break
    if first.tag_ == "TO" and s + 1 < e:
        out.append(("drop-to", s + 1))
    out.extend((f"near:{doc[i].dep_}", i) for i in range(s + 1, min(e - 1, s + NEAR)) if not doc[i].is_punct)
    return _dedupe(out)[:MAX_STARTS]


def _ends(doc: Doc, s: int, e: int, sent_end: int, cue_i: int) -> list[tuple[str, int]]:
    out = [("keep", e)]
    last = e
    while last > s + 1 and doc[last - 1].is_punct and doc[last - 1].text not in CLOSING_MARKS:
        last -= 1
    cuts: dict[int, str] = {}
    for token in doc[s + 1 : last]:  # trailing phrases: a subtree that runs to the end of the content
        left = token.left_edge.i
        if left <= s or token.right_edge.i < last - 1 or left in cuts:
            continue
        word = token.left_edge.lower_ if token.left_edge.lower_ in EDGE_WORDS else token.left_edge.tag_
        cuts[left] = f"cut:{token.dep_}:{word}"
    for i in range(s + 2, last):  # ", adding …", "; …": cut at a comma or semicolon
        if doc[i - 1].text in (",", ";", "—", "--") and i not in cuts:
            cuts[i] = f"comma:{doc[i - 1].text}:{doc[i].tag_}"
    root = _root(doc, s, e)
    grown = [("root-edge", root.right_edge.i + 1), ("sent-end", sent_end)]
    comma = next((i for i in range(e + 1, sent_end) if doc[i].text in (",", ";")), None)
    if comma is not None:
        grown.append(("to-comma", comma))  # "… X, but Y": run on through the next phrase
    if sent_end < len(doc) and not doc[sent_end].is_space:
        nxt = doc[sent_end].sent
        grown.append(("next-sent", nxt.end))
    for name, end in grown:  # extensions before cuts: a long content's many cuts must not crowd them out
        while end > e and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in CLOSING_MARKS:
            end -= 1
        if end > e and not _runs_across(doc, e, end, cue_i):
            out.append((name, end))
    for left in sorted(cuts, reverse=True):
        end = left
        while end > s + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
            end -= 1
        out.append((cuts[left], end))
    for i in range(max(s + 2, e - NEAR), min(sent_end, e + NEAR) + 1):  # any word boundary near the found end
        if i > e and _runs_across(doc, e, i, cue_i):
            break
        if not (doc[i - 1].is_punct and doc[i - 1].text not in CLOSING_MARKS):
            out.append((f"near:{doc[i - 1].dep_}", i))
    return _dedupe(out)[:MAX_ENDS]


def _torn(doc: Doc, s: int, e: int, cue_i: int, found: tuple[int, int] | None = None) -> bool:
    """Whether the tokens ``[s, e)`` tear a tight dependency (a modifier or an argument) across either edge:
    "… ceasefire terms, let alone" leaves "a peace deal", the object of "let", outside. The content's root may
    hang on a token outside, unless that token is inside the ``found`` content the edge moves from ("buying the
    old terminal" cut to "the old terminal" leaves the object's verb behind)."""
    first, last = doc[s].sent.start, doc[e - 1].sent.end
    root = _root(doc, s, e).i
    for token in doc[first:last]:  # one pass over the sentence's tight dependencies
        if token.dep_ not in TIGHT_DEPS:
            continue
        inside, head = s <= token.i < e, token.head.i
        exempt = token.i == root and not (found is not None and found[0] <= head < found[1])
        if inside and not s <= head < e and first <= head < last and not exempt and head != cue_i:
            return True  # a token inside on one outside (the content's root may, and anything on the cue)
        if not inside and s <= head < e and token.i != cue_i:
            return True  # a token outside on one inside
    return False


def _runs_across(doc: Doc, e: int, end: int, cue_i: int) -> bool:
    """Whether running a content on from ``e`` to ``end`` takes in its cue, another cue ("said X and warned
    against Y") or a venue ("in an interview"): no end variant does."""
    return e <= cue_i < end or any(_is_speech(t) or _is_venue(t) for t in doc[e:end])


def _is_speech(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS


def _is_venue(token: Token) -> bool:
    """ "in an interview", "on Monday": where or when something was said, which ``bounds`` leaves out."""
    return token.dep_ == "prep" and (
        is_date_phrase(token) or any(g.dep_ == "pobj" and g.lemma_.lower() in VENUE_NOUNS for g in token.children)
    )


def _dedupe(options: list[tuple[str, int]]) -> list[tuple[str, int]]:
    seen: set[int] = set()
    out = []
    for name, i in options:
        if i not in seen:
            seen.add(i)
            out.append((name, i))
    return out


def _root(doc: Doc, s: int, e: int) -> Token:
    """The token of ``[s, e)`` whose head lies outside it (the first such one)."""
    return next((t for t in doc[s:e] if not s <= t.head.i < e or t.head.i == t.i), doc[s])


def _char_bounds(start: int, end: int, quoted: list[Span]) -> Span:
    """Character bounds grown to the whole of every quoted run they touch."""
    for rs, re_ in quoted:
        if rs < end and start < re_:
            start, end = min(start, rs), max(end, re_)
    return start, end


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16+"


def _word(token: Token) -> str:
    return token.lower_ if token.lower_ in EDGE_WORDS or token.is_punct else token.tag_


def _start_features(doc: Doc, s: int, e: int, i: int, name: str, kind: str, lemma: str, side: str) -> list[str]:
    first = doc[i]
    before = _word(doc[i - 1]) if i > 0 else "^"
    return [
        "edge=start",
        f"s={name}",
        f"k={kind}|s={name}",
        f"cue={lemma}|s={name}",
        f"side={side}|s={name}",
        f"f={first.dep_}|{_word(first)}",
        f"f={first.dep_}|{_word(first)}|s={name}",
        f"b={before}",
        f"b={before}|s={name}",
        f"ds={_bucket(i - s)}|{name}",
        f"len={_bucket(e - i)}|s={name}",
        f"sentstart={first.is_sent_start}|{name}",
        f"moved={_moved(doc[s:i])}|{name}",
        f"k={kind}|b={before}|f={_word(first)}",
        f"k={kind}|b={before}",
    ]


def _end_features(
    doc: Doc, s: int, e: int, i: int, name: str, kind: str, lemma: str, side: str, sent_end: int
) -> list[str]:
    last = doc[i - 1]
    after = _word(doc[i]) if i < len(doc) else "$"
    group = name.split(":")[0]
    return [
        "edge=end",
        f"e={name}",
        f"e1={name.rpartition(':')[0]}",
        f"k={kind}|e={group}",
        f"k={kind}|e={name}",
        f"cue={lemma}|e={group}",
        f"side={side}|e={group}",
        f"l={last.dep_}|{_word(last)}",
        f"a={after}",
        f"a={after}|e={group}",
        f"de={_bucket(abs(i - e))}|{group}",
        f"len={_bucket(i - s)}|e={group}",
        f"sentend={i >= sent_end - 1}|{group}",
        f"moved={_moved(doc[min(i, e) : max(i, e)])}|{group}",
        f"moved={_moved(doc[min(i, e) : max(i, e)])}|{name}",
        f"cue={lemma}|e={name}",
        f"k={kind}|a={after}|e={group}",
        f"l={_word(last)}|a={after}|e={group}",
        f"fa={_word(doc[e]) if e < len(doc) else '$'}|{name}",
        f"fl={doc[e - 1].dep_}|{_word(doc[e - 1])}|{group}",
    ]


def _moved(tokens: SpacySpan) -> str:
    """What the tokens an edge adds or cuts hold: a speech verb, another verb, a quote mark, a comma."""
    lemmas = {t.lemma_.lower() for t in tokens if t.pos_ in ("VERB", "AUX")}
    verb = "speech" if lemmas & SPEECH_VERBS else "verb" if lemmas else "-"
    marks = "q" if any(t.text in '“”"' for t in tokens) else ""
    return f"{verb}{marks}{',' if any(t.text == ',' for t in tokens) else ''}|{_bucket(len(tokens))}"


@dataclass(slots=True)
class BoundChooser:
    """A conditional logit over a content's edge variants: weights by feature, and the margin by which a variant's
    share must beat the found edge's before the edge moves."""

    weights: dict[str, float] = field(default_factory=dict)
    margin: float = 0.0

    @classmethod
    def load(cls) -> BoundChooser:
        """The shipped model, or an empty one (which keeps every found bound) when it is missing."""
        data = read_model(MODEL_FILE)
        if data is None:
            return cls()
        return cls(data["weights"], float(data["margin"]))

    def shares(self, features: list[list[str]]) -> list[float]:
        """Each variant's probability of being where the annotators put the edge (the found one first included)."""
        scores = [sum(self.weights.get(f, 0.0) for f in fs) for fs in features]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def decide(
        self,
        starts: list[list[str]],
        ends: list[list[str]],
        span: SpanOf,
        whole: tuple[list[bool], list[bool]] | None = None,
    ) -> tuple[int, int]:
        """The (start, end) variant pair likeliest to match the annotators' content strictly, by index.

        A minimum-Bayes-risk choice: each edge's ``TOP`` likeliest variants (and the found one) are weighed as
        the true edge by their shares, and the pair taken is the one whose Jaccard overlap with the true span
        is at least ``STRICT`` with the highest probability. The found pair (0, 0) stays unless that
        probability beats its own by the model's margin. ``span(i, j)`` gives pair (i, j)'s characters;
        ``whole`` says which starts and ends may be taken (all, when None; every one is weighed).
        """
        if len(starts) + len(ends) <= 2:
            return 0, 0
        s_top, s_share = _top(self.shares(starts))
        e_top, e_share = _top(self.shares(ends))
        pairs = [(i, j) for i in s_top for j in e_top]
        bounds = [span(i, j) for i, j in pairs]
        lo = np.array([b[0] if b else 0 for b in bounds], dtype=float)
        hi = np.array([b[1] if b else 0 for b in bounds], dtype=float)
        overlap = np.clip(np.minimum.outer(hi, hi) - np.maximum.outer(lo, lo), 0, None)
        union = np.maximum(np.maximum.outer(hi, hi) - np.minimum.outer(lo, lo), 1)
        value = (overlap / union >= STRICT) @ np.outer(s_share, e_share).ravel()
        starts_ok, ends_ok = whole or ([True] * len(starts), [True] * len(ends))
        taken = [b is not None and starts_ok[i] and ends_ok[j] for (i, j), b in zip(pairs, bounds, strict=True)]
        value[~np.array(taken)] = -1.0
        best = int(np.argmax(value))
        if value[best] - value[0] <= self.margin:
            return 0, 0
        return pairs[best]

    def choose(self, parse: Parse, runs: list[QuoteRun], found: Attribution) -> None:
        """Move a found content's start and end to the variants the model prefers by its margin."""
        if not self.weights:
            return
        options = variants(parse, runs, found)
        if options is None:
            return
        i, j = self.decide(
            [e.features for e in options.starts],
            [e.features for e in options.ends],
            lambda a, b: options.span(options.starts[a], options.ends[b]),
            ([e.whole for e in options.starts], [e.whole for e in options.ends]),
        )
        if (i, j) == (0, 0):
            return
        span = options.span(options.starts[i], options.ends[j])
        if span is not None:
            found.content = [span]


def _top(shares: list[float]) -> tuple[list[int], np.ndarray]:
    """The found variant (0) and the ``TOP`` likeliest others, by index, with their shares renormalised."""
    ranked = sorted(range(1, len(shares)), key=lambda i: -shares[i])[:TOP]
    keep = [0, *ranked]
    weights = np.array([shares[i] for i in keep])
    return keep, weights / weights.sum()


@functools.cache
def chooser() -> BoundChooser:
    """The shipped chooser, loaded once on first use."""
    return BoundChooser.load()
