"""The cue model: how likely a candidate (a verb and what it introduces) is an attribution.

A logistic regression over a few sparse features of the candidate (the verb's lemma and how it takes
its complement, the kind of subject, quote marks in the content, the frame: particle, preposition,
object, how the content opens, modal…), learned on PolNeAR train by
``scripts/train_quote_cues.py`` and shipped as ``newsprobe/models/quote_cues.json`` (weights only;
scoring needs no scikit-learn). Without the file, the speech-verb list in ``newsprobe.data.speech``
stands in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsprobe.data.speech import CONTENT_OPENERS, SPEECH_VERBS
from newsprobe.quotes.linear import probability, read_model

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsprobe.nlp import Parse
    from newsprobe.quotes.found import Attribution

MODEL_FILE = "quote_cues.json"


def candidate_features(cue: Token, kind: str, found: Attribution, parse: Parse) -> list[str]:
    """The sparse features of one candidate attribution."""
    lemma = cue.lemma_.lower()
    subject = "none"
    if found.mention is not None:
        doc = parse.doc
        span = doc.char_span(found.mention[0] - parse.offset, found.mention[1] - parse.offset, alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            subject = root.lower_ if root.pos_ == "PRON" else f"{root.pos_}:{root.ent_type_ or '-'}"
    words = sum(len(parse.text[s - parse.offset : e - parse.offset].split()) for s, e in found.content)
    size = "1" if words <= 1 else "2" if words <= 3 else "4" if words <= 10 else "11"
    quoted = (
        "q"
        if found.runs
        or any(ch in '“”"«»' for s, e in found.content for ch in parse.text[s - parse.offset : e - parse.offset])
        else "-"
    )
    negated = any(c.dep_ == "neg" for c in cue.children)
    return [
        f"k={lemma}|{kind}",
        f"l={lemma}",
        f"c={kind}",
        f"s={subject}",
        f"ls={lemma}|{subject.split(':')[0]}",
        f"dep={cue.dep_}",
        f"tag={cue.tag_}",
        f"n={negated}",
        f"q={quoted}|{kind}",
        f"size={size}",
        f"cs={kind}|{size}",
        f"parts={min(len(found.content), 2)}",
        f"speech={lemma in SPEECH_VERBS}|{kind}",
        f"direct={_all_quoted(found, parse)}|{lemma in SPEECH_VERBS}",
        *_frame_features(cue, lemma, kind, found, parse),
    ]


def _frame_features(cue: Token, lemma: str, kind: str, found: Attribution, parse: Parse) -> list[str]:
    """What the cue's frame looks like: its particle, preposition and object, how the content opens, its modal."""
    children = list(cue.children)
    particle = next((c.lower_ for c in children if c.dep_ == "prt"), "-")
    prep = next((c.lower_ for c in children if c.dep_ in ("prep", "agent") and c.i > cue.i), "-")
    obj = next((c for c in children if c.dep_ in ("dobj", "attr", "oprd")), None)
    obj_kind = "-" if obj is None else obj.lower_ if obj.pos_ == "PRON" else f"{obj.pos_}:{obj.ent_type_ or '-'}"
    modal = next((c.lower_ for c in children if c.dep_ == "aux" and c.tag_ == "MD"), "-")
    opener = "-"
    start = min(s for s, _ in found.content) - parse.offset if found.content else -1
    if 0 <= start < len(parse.text):
        rest = parse.doc.char_span(start, len(parse.text), alignment_mode="expand")
        word = next((t for t in rest if not t.is_punct and not t.is_space), None) if rest is not None else None
        if word is not None:
            opener = word.lower_ if word.lower_ in CONTENT_OPENERS else word.pos_
    return [
        f"prt={lemma}|{particle}",
        f"lp={lemma}|{prep}",
        f"ot={kind}|{obj_kind}",
        f"lot={lemma}|{obj_kind.split(':')[0]}",
        f"op={kind}|{opener}",
        f"lop={lemma}|{opener}",
        f"md={modal}",
        f"seg={parse.segment.kind}|{kind}",
        f"pos={cue.pos_}|{kind}",
    ]


def _all_quoted(found: Attribution, parse: Parse) -> bool:
    return bool(found.runs) and all(any(r.start <= s and e <= r.end for r in found.runs) for s, e in found.content)


@dataclass(slots=True)
class CueModel:
    """Logistic-regression weights by feature, and the bias."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0

    @classmethod
    def load(cls) -> CueModel:
        """The shipped model, or an empty one (speech-verb list only) when it is missing."""
        data = read_model(MODEL_FILE)
        if data is None:
            return cls()
        return cls(data["weights"], float(data["bias"]))

    def score(self, found: Attribution) -> float:
        """The probability that a candidate is an attribution."""
        if not self.weights:
            speech = f"speech=True|{found.key.split('|')[-1]}" in found.features
            return 0.9 if speech or found.key.endswith(("|according", "|dash")) else 0.0
        return probability(self.weights, self.bias, found.features)
