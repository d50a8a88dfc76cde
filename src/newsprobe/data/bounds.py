"""Words that decide where an attribution's content ends (see quotes/bounds.py); measured on PolNeAR train."""

from __future__ import annotations

# Object nouns that PolNeAR (train) counts as part of the cue, not the content, when a clause or a
# preposition follows them: "raised questions about X", "made the case that X" (X is the content).
# Kept: at least 3 such uses, more in the cue than in the content, and more strict matches won than lost.
CUE_NOUNS = frozenset(
    {
        "question",
        "attack",
        "concern",
        "criticism",
        "doubt",
        "case",
        "statement",
        "view",
        "word",
        "opinion",
        "mention",
        "decision",
        "interest",
        "sign",
        "look",
        "confidence",
        "defense",
        "praise",
        "note",
        "fear",
        "speculation",
        "reference",
        "letter",
        "thought",
        "point",
        "sense",
        "secret",
        "opposition",
        "joke",
    }
)
