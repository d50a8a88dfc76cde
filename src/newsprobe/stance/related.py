"""Does a related item's rewritten headline (and teaser) still tell the story of its original headline?

Three checks, each enough for a mismatch:
- the rewrite is about another story: low MiniLM similarity to the headline;
- the actors changed: the rewrite names someone the headline does not, and drops someone it does
  ("condemns UK, France, Canada" rewritten as "criticizes Iran");
- the roles changed: an actor who does something in one is done to in the other
  ("Israel strikes Iran" rewritten as "Iran strikes Israel").
Teasers are often site boilerplate and cut mid-sentence, so they count only when clearly about
another story.

An item's ``score`` is how close its rewrite is to its headline, in [0, 1]: the MiniLM cosine, or
the share of shared content words where that alone settles the item as the same story. It is a
similarity, not a probability: a rewrite that swaps the actors can score high and still mismatch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprobe.data.stance import ACTOR_ALIASES, PHRASE_ALIASES, SYMMETRIC_VERBS, TEASER_BOILERPLATE
from newsprobe.stance.text import STOP_WORDS, content_stems, stem, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Cosine (all-MiniLM-L6-v2) below which a rewrite is about another story. On the seed page the
# faithful rewrites score 0.75-0.94, the swapped story 0.21; paraphrases rarely fall under 0.5.
OTHER_STORY_BELOW = 0.45
# Above this the rewrite is so close that a changed name is taken for a paraphrase glitch (NER on
# title-cased headlines is unreliable).
SAME_STORY_ABOVE = 0.9
# Word overlap (shared content words over the shorter text's) from which a rewrite is taken for the
# same story without the sentence encoder; its score is then the overlap. Seed paraphrases that
# share the story's names and nouns overlap 0.5-0.9, the swapped story 0.
SAME_STORY_OVERLAP = 0.5
# Teasers are encoded only where there is no rewrite or its score is below this (a doubtful item).
TEASER_CONTEXT_BELOW = 0.6
# A teaser makes a mismatch only below this cosine to the headline: teasers
# of the same story score as low as 0.04 on the seed (a lead naming a person the headline does not).
TEASER_OTHER_STORY_BELOW = -0.02
TEASER_MIN_WORDS = 6
# A teaser sharing this many content words (stems) with the headline is not encoded: on 2,500
# FNC-1 train headlines against body leads cut to 25 words (half their own body, half another's),
# the 173 pairs sharing 3 scored at least 0.19 (2 shared: -0.016), far above TEASER_OTHER_STORY_BELOW.
TEASER_SAME_STORY_STEMS = 3
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
AGENT_DEPS = frozenset({"nsubj", "csubj"})
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "dative"})
_SYMMETRIC_STEMS = frozenset(stem(verb) for verb in SYMMETRIC_VERBS)
NAME_FILLERS = frozenset({"the", "of", "and", "a", "an", "for", "s"})
_POSSESSIVE = re.compile(r"[’']s?$")
CORE_DEPS = frozenset({"compound", "poss", "amod", "nmod", "conj", "appos", "case"})


@dataclass(slots=True)
class Consistency:
    """The verdict on one related item: label, score (see the module doc) and why.

    ``consistent`` is None when the item has neither a rewrite nor a teaser to compare.
    """

    consistent: bool | None
    score: float | None
    reason: str | None = None


@lru_cache(maxsize=65_536)
def normalise(word: str) -> str:
    """A word as an actor key: lower case, no possessive, aliases folded ("Israeli" is "israel")."""
    word = word.lower().replace("’", "'").removesuffix("'s").removesuffix("'").strip(".")
    return ACTOR_ALIASES.get(word, word)


def key_words(text: str) -> set[str]:
    """Every word of a text as an actor key and as a stem, for "is this name in there" tests."""
    lowered = text.lower()
    for phrase, alias in PHRASE_ALIASES.items():
        lowered = lowered.replace(phrase, alias)
    found = set()
    for word in words(lowered):
        key = normalise(word)
        found.add(key)
        found.add(stem(key))
    return found


def actors(doc: Doc) -> list[tuple[str, set[str]]]:
    """The named actors of a parsed text: (name as written, its content keys)."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_TYPES:
            continue
        keys = key_words(ent.text) - NAME_FILLERS
        if keys:
            found.append((_POSSESSIVE.sub("", ent.text.removeprefix("the ")), keys))
    # demonyms and capitals the NER misses in title case ("Iranian", "Kremlin")
    for token in doc:
        key = normalise(token.text)
        if key != token.text.lower() and key in ACTOR_ALIASES.values() and not token.ent_type_:
            found.append((token.text, {key}))
    return found


def _core(token: Token) -> list[Token]:
    """A noun and the words that name it ("Iran's nuclear site"), not its prepositional attachments."""
    core = [token]
    for child in token.children:
        if child.dep_ in CORE_DEPS:
            core.extend(_core(child))
    return core


def roles(doc: Doc, names: dict[str, str] | None = None) -> dict[str, set[str]]:
    """Actor key -> {"agent", "patient"}: who does and who is done to, in each clause."""
    found: dict[str, set[str]] = {}
    names = {} if names is None else names
    for token in doc:
        if stem(token.head.lower_) in _SYMMETRIC_STEMS:
            continue  # "Putin meets Biden" is "Biden meets Putin"
        role = None
        if token.dep_ in AGENT_DEPS:
            # the small model tags "Google fined by Germany" nsubj, not nsubjpass: a by-agent says passive
            passive = any(child.dep_ in ("agent", "auxpass") for child in token.head.children)
            role = "patient" if passive else "agent"
        elif token.dep_ in PATIENT_DEPS:
            role = "patient"
        elif token.dep_ == "pobj" and token.head.dep_ == "agent":  # "struck by Israel"
            role = "agent"
        if role is None:
            continue
        for word in _core(token):
            if word.ent_type_ in ACTOR_TYPES or normalise(word.text) in ACTOR_ALIASES.values():
                found.setdefault(normalise(word.text), set()).add(role)
                names.setdefault(normalise(word.text), _POSSESSIVE.sub("", word.text))
    return found


def swapped_roles(first: Doc, second: Doc) -> str | None:
    """An actor that acts in one text and is acted on in the other, or None."""
    names: dict[str, str] = {}
    a, b = roles(first, names), roles(second)
    for actor in sorted(a.keys() & b.keys()):
        if ("agent" in a[actor] and "patient" in b[actor] and "agent" not in b[actor]) or (
            "patient" in a[actor] and "agent" in b[actor] and "agent" not in a[actor]
        ):
            return names.get(actor, actor)
    return None


def changed_actors(headline: Doc, rewrite: Doc) -> tuple[list[str], list[str]]:
    """Actors the rewrite adds (absent from the headline) and drops (absent from the rewrite)."""
    headline_keys = key_words(headline.text)
    rewrite_keys = key_words(rewrite.text)
    added = list(dict.fromkeys(name for name, keys in actors(rewrite) if not keys & headline_keys))
    dropped = list(dict.fromkeys(name for name, keys in actors(headline) if not keys & rewrite_keys))
    return added, dropped


def strip_boilerplate(teaser: str | None) -> str:
    """A teaser without its site boilerplate opener and ellipsis."""
    if not teaser:
        return ""
    text = teaser.strip()
    lowered = text.lower()
    for opener in TEASER_BOILERPLATE:
        if lowered.startswith(opener):
            text = text[len(opener) :]
            # "Last Updated on June 21, 2025 Jay Sullivan…": drop the date too
            text = re.sub(r"^\s*\w+ \d{1,2}, \d{4}\s*", "", text)
            break
    return text.rstrip("….").strip()


def word_overlap(first: str, second: str) -> float:
    """Shared content words (stemmed, aliases folded) over the shorter text's: a cheap same-story test."""
    a = {stem(normalise(w)) for w in words(first) if w not in STOP_WORDS}
    b = {stem(normalise(w)) for w in words(second) if w not in STOP_WORDS}
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def name_candidates(text: str) -> set[str]:
    """Words that may name an actor: capitalised (a first word only if not a stop word), or a known place."""
    found = set()
    for n, raw in enumerate(re.findall(r"[\w’'.-]+", text)):
        key = normalise(raw)
        if (raw[:1].isupper() and (n > 0 or key not in STOP_WORDS)) or key in ACTOR_ALIASES.values():
            found.add(key)
    return found


def may_change_actors(headline: str, rewrite: str) -> bool:
    """Whether the actor checks could find anything (so the pair is worth parsing).

    A changed actor needs a name in the rewrite that the headline lacks; swapped roles need two
    names in both. Sentence-case rewrites that only repeat the headline's names need neither.
    """
    names = name_candidates(rewrite)
    headline_keys = key_words(headline)
    return bool(names - headline_keys) or len(names & headline_keys) >= 2


def check_items(
    items: Sequence[Any],
    parse: Callable[[list[str]], list[Doc]],
    encode: Callable[[list[str]], np.ndarray],
) -> list[Consistency]:
    """Judge related items (with ``headline``, ``rewritten``, ``teaser``) in one batch.

    Cheapest first: word overlap settles clear paraphrases without the sentence encoder; only
    same-story rewrites whose names could have changed are parsed; teasers are encoded only where
    they could change the verdict (no rewrite, or a doubtful one that passed its own checks).

    Args:
        parse: texts -> spaCy docs (the analysis's own model).
        encode: texts -> unit-length sentence embeddings.
    """
    scores: dict[int, float] = {}
    to_encode: list[int] = []
    for i, item in enumerate(items):
        if item.rewritten:
            overlap = word_overlap(item.headline, item.rewritten)
            if overlap >= SAME_STORY_OVERLAP:
                scores[i] = overlap
            else:
                to_encode.append(i)
    texts = list(dict.fromkeys(t for i in to_encode for t in (items[i].headline, items[i].rewritten)))
    vectors = dict(zip(texts, encode(texts), strict=True)) if texts else {}
    for i in to_encode:
        scores[i] = float(vectors[items[i].headline] @ vectors[items[i].rewritten])
    same_story = [
        i for i in scores if scores[i] >= OTHER_STORY_BELOW and may_change_actors(items[i].headline, items[i].rewritten)
    ]
    parsed = parse([t for i in same_story for t in (items[i].headline, items[i].rewritten)]) if same_story else []
    docs = {i: (parsed[2 * n], parsed[2 * n + 1]) for n, i in enumerate(same_story)}
    rewrite_verdicts = {i: _judge_rewrite(scores[i], docs.get(i)) for i in scores}
    # teasers only where they can change the verdict: no rewrite, or a doubtful rewrite that passed
    doubtful = [
        i
        for i, item in enumerate(items)
        if strip_boilerplate(item.teaser)
        and (
            i not in scores
            or (
                OTHER_STORY_BELOW <= scores[i] < TEASER_CONTEXT_BELOW
                and rewrite_verdicts[i] is None
                and teaser_may_be_another_story(item.headline, strip_boilerplate(item.teaser))
            )
        )
    ]
    missing = list(
        dict.fromkeys(
            t for i in doubtful for t in (items[i].headline, strip_boilerplate(items[i].teaser)) if t not in vectors
        )
    )
    if missing:
        vectors.update(zip(missing, encode(missing), strict=True))
    teaser_scores = {
        i: float(vectors[items[i].headline] @ vectors[strip_boilerplate(items[i].teaser)]) for i in doubtful
    }
    return [_judge(item, scores.get(i), teaser_scores.get(i), rewrite_verdicts.get(i)) for i, item in enumerate(items)]


def teaser_may_be_another_story(headline: str, teaser: str) -> bool:
    """Whether a teaser could make a mismatch next to a rewrite (so it is worth encoding).

    It needs ``TEASER_MIN_WORDS`` words, and a teaser sharing ``TEASER_SAME_STORY_STEMS`` content
    words with the headline is never that far from it (see the constant).
    """
    if len(teaser.split()) < TEASER_MIN_WORDS:
        return False
    return len(set(content_stems(headline)) & set(content_stems(teaser))) < TEASER_SAME_STORY_STEMS


def _judge_rewrite(rewrite_score: float, docs: Any) -> str | None:
    """Why the rewrite alone is a mismatch, or None."""
    if rewrite_score < OTHER_STORY_BELOW:
        return f"the rewritten headline is about another story (similarity {rewrite_score:.2f})"
    if docs is not None:
        headline_doc, rewrite_doc = docs
        if rewrite_score < SAME_STORY_ABOVE:
            added, dropped = changed_actors(headline_doc, rewrite_doc)
            if added and dropped:
                return f"the rewritten headline names {', '.join(added)} instead of {', '.join(dropped)}"
        actor = swapped_roles(headline_doc, rewrite_doc)
        if actor is not None:
            return f"the rewritten headline changes who did what to whom ({actor})"
    return None


def _judge(
    item: Any, rewrite_score: float | None, teaser_score: float | None, rewrite_verdict: str | None
) -> Consistency:
    if rewrite_score is None and teaser_score is None and not strip_boilerplate(item.teaser):
        return Consistency(None, None)
    score = max(0.0, min(1.0, rewrite_score if rewrite_score is not None else (teaser_score or 0.0)))
    if rewrite_verdict is not None:
        return Consistency(False, score, rewrite_verdict)
    teaser_words = len(strip_boilerplate(item.teaser).split())
    if teaser_score is not None and teaser_words >= TEASER_MIN_WORDS and teaser_score < TEASER_OTHER_STORY_BELOW:
        return Consistency(False, score, f"the teaser is about another story (similarity {teaser_score:.2f})")
    return Consistency(True, score)
