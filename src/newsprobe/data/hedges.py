"""Hedges, report cues, unverified-claim phrases and anonymous-source phrases (read by claims and audit)."""

from __future__ import annotations

import re

# Words and phrases by which a text distances itself from what it reports; the match, lower-cased and with
# single spaces, is what ``Claim.hedges`` lists. Order matters only for readability: every match is kept.
HEDGES = re.compile(
    r"\b(reportedly|allegedly|purportedly|supposedly|apparently|ostensibly|"
    r"according to(?: (?:reports?|sources|media reports|people familiar with [\w ]+?))?(?=\W)|"
    r"(?:sources|officials|insiders|people) (?:said|say|says|told|claimed|claim)|"
    r"(?:is|are|was|were) (?:said|believed|thought|understood|alleged|rumou?red|reported) to|"
    r"it is (?:understood|believed|thought|alleged|claimed|rumou?red)|"
    r"(?:reports|media reports) (?:say|said|suggest|suggested|claim|claimed|indicate|indicated)|"
    r"(?:could|can|cannot|can't|did not|was unable to|were unable to|has not been able to) "
    r"(?:not )?(?:be )?(?:independently )?(?:verify|verified|confirm|confirmed)|"
    r"unverified|unconfirmed|may have|might have|could have|appears to|appeared to|seems to|seemed to)\b",
    re.I,
)

# The hedges that pass on a report without standing behind it: each occurrence is a ``hedged-report`` flag.
REPORT_HEDGES = re.compile(
    r"\b(reportedly|allegedly|purportedly|according to (?:media )?reports?|"
    r"(?:media )?reports (?:say|said|suggest|suggested|claim|claimed|indicate|indicated)|"
    r"(?:is|are|was|were) (?:said|believed|alleged|rumou?red|reported) to|it is (?:understood|rumou?red|alleged))\b",
    re.I,
)

# The text says it could not check a claim: an ``unverified`` flag on the sentence.
UNVERIFIED = re.compile(
    r"\b(?:could not|couldn't|cannot|can't|can not|was unable to|were unable to|has not been able to|"
    r"have not been able to|did not)\s+(?:independently\s+)?(?:verify|confirm)\b|"
    r"\b(?:could|can)\s*not\s+be\s+(?:independently\s+)?(?:verified|confirmed)\b|"
    r"\b(?:has|have|had)\s+not\s+been\s+(?:independently\s+)?(?:verified|confirmed)\b|"
    r"\bunverified\b|\bunconfirmed\b",
    re.I,
)

# A report's publisher as a claim's source: "A report by the Moscow Times … said", "according to Reuters".
REPORT_SOURCE = re.compile(
    r"\b(?:(?:a|an|the)\s+(?:new\s+|recent\s+|latest\s+)?(?:report|article|story|investigation|analysis|study|"
    r"survey|poll)\s+(?:by|from|in|published by)\s+|according\s+to\s+(?:a\s+report\s+(?:by|from|in)\s+)?)",
    re.I,
)
# A sentence that goes on citing the report of the sentence before: "The article claimed that …".
REPORT_ANAPHOR = re.compile(
    r"^\W*(?:the|that|this)\s+(?:report|article|story|investigation|analysis|study|outlet|paper|newspaper)\b",
    re.I,
)

# Unnamed sources. A match counts as an ``anonymous-source`` flag only where it is sourcing something (the
# subject of a speech verb, after "according to", "cited", "warnings from" …): "talks with Russian officials"
# is no source.
ANONYMOUS_SOURCES = re.compile(
    r"\b(?P<core>(?:(?:a|one|two|three|several|some|many|other)\s+)?"
    r"(?:(?:senior|top|high-ranking|former|current|unnamed|anonymous|administration|government|western|u\.s\.|"
    r"american|russian|ukrainian|european|israeli|iranian|chinese|intelligence|security|military|defen[cs]e|"
    r"diplomatic|white\s+house|kremlin|police|industry|legal|foreign\s+policy|health)\s+){0,3}"
    r"(?:sources?|officials?|experts?|analysts?|insiders?|aides?|diplomats?|observers?|critics?|people|"
    r"a\s+person|someone|spokesperson|spokesman|spokeswoman))"
    r"(?P<qualifier>\s+(?:close\s+to|familiar\s+with|with\s+knowledge\s+of|briefed\s+on|"
    r"who\s+(?:spoke|asked)\s+(?:on\s+condition\s+of|not\s+to\s+be)\s+\w+|in\s+the\s+know)"
    r"(?:\s+(?:the|a|an|his|her|their))?(?:\s+[\w’'.-]*\w)?)?",
    re.I,
)
# Heads of an anonymous phrase that need a qualifier to be a source at all: "people" alone is too common.
ANONYMOUS_NEEDS_QUALIFIER = frozenset({"people", "someone"})

# Lemmas of verbs whose subject is a source ("security experts warn", "officials said").
_SPEECH_LEMMAS = """
say tell add warn claim believe argue note suggest fear caution insist report confirm deny indicate predict
estimate think expect sound allege acknowledge admit announce assert contend describe explain maintain reveal
state stress worry agree disagree dispute doubt question
"""
SPEECH_LEMMAS = frozenset(_SPEECH_LEMMAS.split())
# Nouns whose "from"/"by"/"of" object is a source ("warnings from security experts").
_SOURCING_NOUNS = """
warning claim report assessment statement view estimate analysis account word
"""
SOURCING_NOUNS = frozenset(_SOURCING_NOUNS.split())  # compared with lemmas
