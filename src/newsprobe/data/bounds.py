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
# Verbs whose object noun is part of the cue whatever the noun: "made no mention of X", "had harsh words
# for X", "gave an account of X". From PolNeAR train: the noun is in the cue 26 of 27 times after "have",
# 20 of 22 after "make".
LIGHT_VERBS = frozenset({"have", "make", "give", "provide", "unleash"})
# Prepositions whose phrase after a verb's object belongs to the content ("described X as Y", "blamed X for Y").
# From PolNeAR train, counting such phrases in the gold content or not (dates and times left out).
OBJECT_PREPS = frozenset({"as", "for", "to", "with", "of", "on", "in", "at", "from", "about"})
# Verbs whose infinitive is part of the cue ("used the speech to attack X", "had to defend X": X), like
# speech.ASPECTUAL_VERBS but applied after the cue model. From PolNeAR train: the content starts after the
# infinitive's verb 18 of 18 times for "have", 15 of 16 for "use".
INNER_VERBS = frozenset({"have", "use", "start", "need", "spend"})
# Nouns that take a to-infinitive as their complement: "praised the efforts to find a solution" keeps the
# infinitive (the parser often hangs it on the verb); "cited the killings to give context" does not.
INFINITIVE_NOUNS = frozenset(
    {
        "call",
        "plan",
        "attempt",
        "push",
        "bid",
        "decision",
        "refusal",
        "promise",
        "pledge",
        "move",
        "desire",
        "ability",
        "fitness",
        "right",
        "vow",
        "threat",
        "proposal",
        "order",
        "demand",
        "request",
        "need",
        "willingness",
        "readiness",
        "failure",
        "campaign",
        "drive",
        "intention",
        "commitment",
        "offer",
        "invitation",
        "urge",
        "chance",
        "opportunity",
        "power",
        "authority",
        "permission",
        "effort",
    }
)
# Where something was said, not what: after "in/at/on/during" these do not carry an object content on
# ("cited the figure in an interview"). From PolNeAR train: interview 1 in, 5 out; conference 0, 3; speech 0, 2.
VENUE_NOUNS = frozenset(
    {
        "interview",
        "conference",
        "speech",
        "email",
        "rally",
        "letter",
        "statement",
        "remark",
        "ruling",
        "forum",
        "broadcast",
        "tweet",
        "post",
        "column",
        "op",
        "podcast",
        "video",
        "diatribe",
        "briefing",
        "hearing",
        "memo",
        "release",
        "address",
        "town",
        "event",
        "show",
        "program",
        "session",
        "meeting",
    }
)

# Closed-class words the bound chooser (quotes/variants.py) sees as themselves at a content's edges;
# any other word is seen as its part-of-speech tag.
EDGE_WORDS = frozenset(
    [
        "that",
        "whether",
        "if",
        "because",
        "as",
        "while",
        "when",
        "after",
        "before",
        "since",
        "although",
        "though",
        "but",
        "and",
        "or",
        "so",
        "until",
        "unless",
        "which",
        "who",
        "whose",
        "where",
        "according",
        "to",
        "for",
        "on",
        "in",
        "at",
        "with",
        "by",
        "from",
        "of",
        "about",
        "despite",
        "including",
        "saying",
        "adding",
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "this",
        "these",
        "there",
        "not",
        "also",
        "even",
        "just",
        "then",
        "now",
        "yesterday",
        "today",
        "than",
    ]
)
