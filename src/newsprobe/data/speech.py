"""Vocabulary of attribution: quote marks, speech and cognition verbs, and the parse relations they use.

The verb list is the floor that holds without a trained model; the shipped model
(``newsprobe/models/quote_cues.json``, built by ``scripts/train_quote_cues.py`` on PolNeAR train)
scores every verb lemma and overrides it where it knows the lemma.
"""

from __future__ import annotations

import re

# Opening mark -> the marks that close it. Straight quotes toggle. "„" (German) closes with “ or ”.
QUOTE_PAIRS: dict[str, str] = {
    "“": "”",
    '"': '"',
    "«": "»",
    "„": "“”",
    "‹": "›",
    "»": "«",  # Danish/Swedish style »…«
}

# French typography sets a space inside guillemets (« mot », ‹ mot ›), usually a no-break or narrow no-break
# one: these marks open and close a quote across one such space.
SPACED_GUILLEMETS: dict[str, str] = {"«": "»", "‹": "›"}
GUILLEMET_SPACES = frozenset(" \u00a0\u202f\u2009")

# Two apostrophes used as a straight double quote (''…'').
DOUBLE_APOSTROPHE = "''"

# Verbs that introduce what someone said, wrote or thought (lemmas).
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "write",
        "ask",
        "note",
        "report",
        "announce",
        "suggest",
        "tweet",
        "argue",
        "explain",
        "claim",
        "insist",
        "warn",
        "declare",
        "state",
        "reply",
        "respond",
        "answer",
        "recall",
        "acknowledge",
        "admit",
        "concede",
        "confirm",
        "deny",
        "reveal",
        "testify",
        "predict",
        "promise",
        "vow",
        "pledge",
        "urge",
        "demand",
        "complain",
        "concede",
        "contend",
        "maintain",
        "assert",
        "emphasize",
        "stress",
        "point",
        "observe",
        "remark",
        "comment",
        "describe",
        "call",
        "criticize",
        "accuse",
        "praise",
        "blast",
        "slam",
        "charge",
        "allege",
        "estimate",
        "conclude",
        "believe",
        "think",
        "know",
        "feel",
        "fear",
        "hope",
        "expect",
        "worry",
        "doubt",
        "agree",
        "disagree",
        "continue",
        "tout",
        "boast",
        "joke",
        "quip",
        "muse",
        "lament",
        "mock",
        "decry",
        "proclaim",
        "counter",
        "caution",
        "recommend",
        "propose",
        "threaten",
        "indicate",
        "show",
        "find",
        "tell",
        "advise",
        "inform",
        "announce",
        "post",
        "shout",
        "scream",
        "whisper",
    ]
)

# Dependency labels of a cue verb's children that carry what was said.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "dative", "parataxis"})
# Verbs whose infinitive carries the cue ("continued to blast the deal"): the content is what it takes.
# From PolNeAR train: for these the gold content starts after "to V" (continue 28 of 29, try 22 of 23).
ASPECTUAL_VERBS = frozenset({"continue", "try", "go", "tend", "struggle", "fail", "attempt", "proceed", "begin"})
# Verbs whose subject belongs to the content: "Enthusiasm appears to have plummeted" (nobody is the source).
RAISING_VERBS = frozenset({"appear", "seem"})
# Their passive kin: "The birth is expected to coincide …", "He is believed to be …".
RAISING_PASSIVES = frozenset(
    {
        "expect",
        "believe",
        "think",
        "say",
        "report",
        "consider",
        "know",
        "rumor",
        "project",
        "predict",
        "estimate",
        "suppose",
        "allege",
        "accuse",
        "rumour",
        "presume",
        "understand",
    }
)
# Prepositions whose object is the content ("called for X", "warned against X", "talked about X").
CONTENT_PREPS = frozenset({"for", "against", "about", "on", "of"})
# Participle clauses that end a content (", adding …", ", citing …").
TRAILING_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})
# Prepositions whose object is the content only when the verb takes nothing else ("referring to X").
SOLE_CONTENT_PREPS = frozenset({"to", "at", "with", "toward", "towards", "over", "in", "into", "from", "by"})
# Prepositions after a noun that introduce what a claim or view is about ("concerns about X", "critique of X").
NOUN_CONTENT_PREPS = frozenset(
    {"about", "over", "on", "against", "of", "for", "toward", "towards", "with", "at", "to", "in"}
)
# Prepositions after an adjective that introduce what someone feels or holds ("critical of X", "worried about X").
ADJECTIVE_CONTENT_PREPS = frozenset({"about", "of", "with", "on", "to", "toward", "towards", "over", "at", "in", "for"})
# Dependency labels of an adjective that can be a cue: the complement of "be", "seem", "remain"…
ADJECTIVE_CUE_DEPS = frozenset({"acomp", "oprd"})
# Adjectives whose "to" clause is a plan or a likelihood, not what the subject holds ("is set to return").
NOT_ATTITUDE_ADJECTIVES = frozenset(
    {"set", "due", "likely", "unlikely", "able", "unable", "about", "poised", "bound", "slated", "scheduled"}
    | {"liable", "apt", "expected", "free", "next", "first", "last", "only", "available", "eligible"}
)
# Prepositions after a cue's object that say what is held about it ("casts Trump as …"; "of", "for" did no better).
OBJECT_PREDICATE_PREPS = frozenset({"as"})
# Prepositions after a passive cue that carry part of what is held ("was criticized by X for …").
PASSIVE_CONTENT_PREPS = frozenset({"for", "of", "as"})
# First words of a content that say what kind of thing it is (a feature of the cue model).
CONTENT_OPENERS = frozenset(
    {"that", "whether", "if", "to", "how", "what", "why", "when", "who", "which", "where", "not", "as", "for"}
    | {"he", "she", "they", "i", "we", "it", "the", "a", "an", "his", "her", "their", "this", "there"}
)
# Dependency labels of a verb's subject (the speaker).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Words the parser reads as prepositions when they open a clause ("after the minister said …").
CLAUSE_PREPOSITIONS = frozenset({"after", "before", "since", "until", "as"})
# Clause links through which a verb inherits its head's subject ("… and warned", "…, adding", "is quick to say").
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "acl", "acomp"})
# Children of the subject left out of the speaker mention.
MENTION_DROP_DEPS = frozenset({"relcl", "acl", "punct", "advcl", "parataxis"})

# Dashes that sign a quote with its speaker's name ("“…” ― Adriana Rodarte").
DASH_CUES = frozenset({"―", "—", "–"})
# A paragraph that signs the quote of the paragraph before with a dash and a name ("- Bernie Sanders.",
# "— President Obama, tweeting after the speech."): the dash, then the name and what may follow a comma.
SIGNATURE_LINE = re.compile(r"^\s*([-―—–]{1,2})\s?(?=[A-Z])([^\n]*?)[.\s]*$")
# A signature line has at most this many words (a byline or a section heading may look the same: the
# paragraph before, all quote, tells them apart).
SIGNATURE_MAX_WORDS = 12
# A transcript line: a speaker's name in capitals and a colon opening the paragraph ("PENCE: Well, look, …").
TRANSCRIPT_LINE = re.compile(r"^[\s\"“'‘]{0,3}([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(:)\s+(\S)", re.DOTALL)
# A headline that a short name signs with a colon ("Graham: Trump’s Rhetoric Destroying GOP").
HEADLINE_LINE = re.compile(r"^([A-Z][^:\n]{1,40}?)\s*(:)\s+(\S)")
# Capitalised labels that open a paragraph with a colon and are not speakers.
NOT_SPEAKER_LABELS = frozenset(
    {
        "CLARIFICATION",
        "CORRECTION",
        "UPDATE",
        "UPDATED",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "NOTE",
        "WATCH",
        "READ MORE",
        "READ",
        "RELATED",
        "PHOTO",
        "PHOTOS",
        "VIDEO",
        "BREAKING",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "LIVE",
        "Q",
        "A",
    }
)
# Verbs that headlines attribute with, besides the speech verbs ("Bush Super PAC Chief Praises …", "Cruz Rips …").
HEADLINE_VERBS = frozenset(
    {"attack", "back", "bash", "blame", "defend", "dismiss", "endorse", "hail", "hint", "hit", "knock", "laud"}
    | {"question", "reject", "rip", "want", "eye", "weigh", "consider", "plan", "push", "seek", "spurn", "rebuff"}
)
# "according to X": the cue words.
ACCORDING_TO = ("according", "to")

# Pronouns that name a speaker.
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them"})

# The attribution metric trims these from both ends of a span (CONTRACT.md, Gold formats).
TRIM_CHARS = frozenset(" \t\n\r\"'“”‘’«»,.;:!?—–-()[]")
# Titles the scorers drop from both names before comparing them (CONTRACT.md, speaker names); kept
# apart from ``people.NAME_TITLES`` (the resolver's wider list) so that the metric stays fixed.
SCORER_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "prof", "sir", "lord", "lady"})
