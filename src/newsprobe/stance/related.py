"""Does a related item's rewritten headline (and teaser) still tell the story of its original headline?

Three checks, each enough for a mismatch:
- the rewrite is about another story: low MiniLM similarity to the headline (unless the two share
  enough words to settle it without the encoder);
- the actors changed: the rewrite names someone no word of the headline names, and drops someone
  it names ("condemns UK, France, Canada" rewritten as "criticizes Iran"), and the two are not so
  similar that the change is a same-story paraphrase. Names are read by rule from sentence-cased
  text (``newsprobe.stance.names``): NER on Title Case headlines is unreliable;
- the roles changed: one actor who does something in one is done to in the other, and another
  the other way round ("Israel strikes Iran" rewritten as "Iran strikes Israel"): the only check
  that parses, and only where two shared actors come in another order or with a "by".
Teasers are often site boilerplate and cut mid-sentence, so they count only when clearly about
another story, and only where there is no rewrite or a doubtful one.

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

from newsprobe.data.stance import (
    ACTOR_ALIASES,
    ASSERTING,
    CAPS_NOISE,
    COUNTRIES,
    HEDGING,
    PHRASE_ALIASES,
    SYMMETRIC_VERBS,
    TEASER_BOILERPLATE,
)
from newsprobe.stance.names import is_given_name, known_capitals, names, sentence_case
from newsprobe.stance.text import STOP_WORDS, content_stems, stem, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Cosine (all-MiniLM-L6-v2) below which a rewrite is about another story. On the seed page the
# faithful rewrites score 0.62-0.94, the swapped story 0.21; on FNC-1 train, 9% of same-story
# headline pairs fall under it, and 11% of other stories sharing a name stay above.
OTHER_STORY_BELOW = 0.45
# A changed actor makes a mismatch only below this cosine: above it the rewrite tells the same story
# naming someone else in it. On FNC-1 train headline pairs (newsprobe.eval.related: 600 same-story,
# 600 other-story) the actor check falsely flags 85 same-story pairs with no veto and 17 with the
# three below, for 2 more misses. The seed's planted substitution (UK, France, Canada -> Iran)
# scores 0.56.
ACTOR_VETO_ABOVE = 0.6
# The same for a country replaced by a country ("criticises Italy" -> "slams Morocco", 0.63): a
# swapped place rarely comes from a paraphrase (2 more false flags than at 0.6, no fewer misses).
PLACE_VETO_ABOVE = 0.7
# The same for an actor replaced by one of another kind (a person for a country, "Kim Jong Un"
# for "North Korean"): mostly two angles on one story (17 fewer false flags than at 0.6, 1 more miss).
OTHER_KIND_VETO_ABOVE = 0.5
_PLACES = COUNTRIES | frozenset(ACTOR_ALIASES) | frozenset(ACTOR_ALIASES.values())
# Word overlap (shared content words over the shorter text's) from which a rewrite is taken for the
# same story without the sentence encoder; its score is then the overlap. Seed paraphrases overlap
# 0.27-0.8, the swapped story 0. On FNC-1 train headline pairs (newsprobe.eval.related) 0.3 settles
# 75% of same-story pairs (0.5: 50%): 11 fewer false flags in 600, 10 more misses in 300 other
# stories sharing a name (the encoder would have caught them), and a quarter less encoding.
SAME_STORY_OVERLAP = 0.3
# Teasers are encoded only where there is no rewrite, or its cosine is below this and its words did
# not settle it (a doubtful item).
TEASER_CONTEXT_BELOW = 0.6
# A teaser makes a mismatch only below this cosine to the headline: teasers
# of the same story score as low as 0.04 on the seed (a lead naming a person the headline does not).
TEASER_OTHER_STORY_BELOW = -0.02
TEASER_MIN_WORDS = 6
# A teaser sharing this many content words (stems) with the headline is not encoded: on 2,500
# FNC-1 train headlines against body leads cut to 25 words (half their own body, half another's),
# the 173 pairs sharing 3 scored at least 0.19 (2 shared: -0.016), far above TEASER_OTHER_STORY_BELOW.
TEASER_SAME_STORY_STEMS = 3
# A name word is found in a text that has a word this long starting it, or that it starts
# ("Libya" in "Libyan", "London" in "Londoner", "Bibeau" in "Zehaf-Bibeau").
MIN_SHARED_PREFIX = 4
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


def actors(text: str, known: frozenset[str] = frozenset()) -> list[tuple[str, set[str]]]:
    """The named actors of a headline, by rule (``newsprobe.stance.names``): (name as written, its keys)."""
    found = []
    lowered = text.lower()
    for name in names(text, known):
        keys = key_words(name) - NAME_FILLERS
        # "State" read from "Islamic State" (its first word opening the headline) is "isis"
        for phrase, alias in PHRASE_ALIASES.items():
            if name.lower() in phrase and phrase in lowered:
                keys = {alias}
        if keys:
            found.append((name.removeprefix("the "), keys))
    return found


def actor_keys(text: str, known: frozenset[str] = frozenset()) -> set[str]:
    """The word keys of every actor a headline names."""
    return {normalise(word) for name, _ in actors(text, known) for word in words(name)} - NAME_FILLERS


def _core(token: Token) -> list[Token]:
    """A noun and the words that name it ("Iran's nuclear site"), not its prepositional attachments."""
    core = [token]
    for child in token.children:
        if child.dep_ in CORE_DEPS:
            core.extend(_core(child))
    return core


def roles(doc: Doc, keys: set[str], names: dict[str, str] | None = None) -> dict[str, set[str]]:
    """Actor key -> {"agent", "patient"}: who does and who is done to, in each clause.

    Args:
        keys: the actor keys to look for (``actor_keys``): NER is not needed.
    """
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
            key = normalise(word.text)
            if key in keys:
                found.setdefault(key, set()).add(role)
                names.setdefault(key, _POSSESSIVE.sub("", word.text))
    return found


def swapped_roles(first: Doc, second: Doc, keys: set[str]) -> str | None:
    """An actor that acts in one text and is acted on in the other, while another goes the other way; or None.

    Both directions are required: a one-sided change is mostly the small parser's mistake on a headline.
    """
    names: dict[str, str] = {}
    a, b = roles(first, keys, names), roles(second, keys)
    shared = sorted(a.keys() & b.keys())
    agent_to_patient = [k for k in shared if "agent" in a[k] and "patient" in b[k] and "agent" not in b[k]]
    patient_to_agent = [k for k in shared if "patient" in a[k] and "agent" in b[k] and "agent" not in a[k]]
    if agent_to_patient and patient_to_agent and set(agent_to_patient) != set(patient_to_agent):
        return names.get(agent_to_patient[0], agent_to_patient[0])
    return None


def changed_actors(headline: str, rewrite: str, known: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Actors the rewrite adds (no word of them in the headline) and drops (no word of them in the rewrite)."""
    headline_keys = key_words(headline)
    rewrite_keys = key_words(rewrite)
    added = list(dict.fromkeys(name for name, keys in actors(rewrite, known) if not _mentioned(keys, headline_keys)))
    dropped = list(dict.fromkeys(name for name, keys in actors(headline, known) if not _mentioned(keys, rewrite_keys)))
    return added, dropped


def actor_kind(name: str) -> str:
    """ "place" (a country, its capital or demonym), "person" (a known first name and more), or "other"."""
    if is_place(name):
        return "place"
    parts = name.split()
    if len(parts) >= 2 and is_given_name(parts[0]):
        return "person"
    return "other"


def replaced(added: list[str], dropped: list[str]) -> bool:
    """Whether an added actor can stand where a dropped one was: the same kind (a person for a person)."""
    return bool({actor_kind(name) for name in added} & {actor_kind(name) for name in dropped})


def is_place(name: str) -> bool:
    """Whether a name is a country, a capital standing for one, or a demonym ("Iran", "Tehran", "Iranian")."""
    keys = [normalise(word) for word in words(name)]
    return " ".join(keys) in COUNTRIES or bool(keys) and all(key in _PLACES for key in keys)


def _veto(added: list[str], dropped: list[str]) -> float:
    """The cosine from which a changed actor is taken for a paraphrase: higher for a place replaced by a place."""
    if any(map(is_place, added)) and any(map(is_place, dropped)):
        return PLACE_VETO_ABOVE
    return ACTOR_VETO_ABOVE if replaced(added, dropped) else OTHER_KIND_VETO_ABOVE


def _mentioned(keys: set[str], text_keys: set[str]) -> bool:
    """Whether a word of a name is in a text, or one that starts like it ("Nicaraguan", "Londoner")."""
    if keys & text_keys:
        return True
    return any(
        min(len(key), len(word)) >= MIN_SHARED_PREFIX and (key.startswith(word) or word.startswith(key))
        for key in keys
        for word in text_keys
    )


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


# Words that tell how a story is reported, not what it is about ("reportedly", "says", "VIDEO").
_REPORTING = HEDGING | ASSERTING | CAPS_NOISE


def shares_more_than_names(headline: str, rewrite: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether two texts share a content word that is not part of a name (a story, not just its actor).

    On FNC-1 held-out headline pairs, requiring it before the overlap settles a pair takes other
    stories sharing a name from 13.8% missed to 12.1% (4 more false flags in 600 same-story pairs).
    """
    names = actor_keys(headline, known) | actor_keys(rewrite, known)
    names |= {stem(name) for name in names}
    a = {stem(normalise(w)) for w in words(headline) if w not in STOP_WORDS and w not in _REPORTING}
    b = {stem(normalise(w)) for w in words(rewrite) if w not in STOP_WORDS and w not in _REPORTING}
    return bool((a & b) - names)


def may_swap(headline: str, rewrite: str, shared: set[str]) -> bool:
    """Whether two shared actors could have traded roles (so the pair is worth parsing).

    They need to come in another order ("Google sues Germany"), or one text to say who did it with
    "by" ("Google sued by Germany"): two actors in the same order, both active, keep their roles.
    """
    if len(shared) < 2:
        return False
    orders = []
    for text in (headline, rewrite):
        sequence = [normalise(word) for word in words(text)]
        if "by" in sequence:
            return True
        orders.append([key for key in dict.fromkeys(sequence) if key in shared])
    return orders[0] != orders[1]


def check_items(
    items: Sequence[Any],
    parse: Callable[[list[str]], list[Doc]],
    encode: Callable[[list[str]], np.ndarray],
) -> list[Consistency]:
    """Judge related items (with ``headline``, ``rewritten``, ``teaser``) in one batch.

    Cheapest first: word overlap settles clear paraphrases without the sentence encoder; actors are
    read by rule (no NER); only rewrites whose shared actors could have swapped roles are parsed;
    teasers are encoded only where they could change the verdict (no rewrite, or a doubtful one).

    Args:
        parse: texts -> spaCy docs with a dependency parse (the analysis's own model).
        encode: texts -> unit-length sentence embeddings.
    """
    rewrites = [i for i, item in enumerate(items) if item.rewritten]
    known = {i: known_capitals((items[i].headline, items[i].rewritten, items[i].teaser)) for i in rewrites}
    overlaps = {i: word_overlap(items[i].headline, items[i].rewritten) for i in rewrites}
    # enough shared words settle the story, unless they are only names ("ISIS" in two ISIS stories)
    settled = {
        i
        for i in rewrites
        if overlaps[i] >= SAME_STORY_OVERLAP and shares_more_than_names(items[i].headline, items[i].rewritten, known[i])
    }
    changed = {i: changed_actors(items[i].headline, items[i].rewritten, known[i]) for i in rewrites}
    changed = {i: pair for i, pair in changed.items() if pair[0] and pair[1]}
    # the encoder where the words cannot settle the story, or can veto a changed actor
    to_encode = [i for i in rewrites if i not in settled or i in changed]
    texts = list(dict.fromkeys(t for i in to_encode for t in (items[i].headline, items[i].rewritten)))
    vectors = dict(zip(texts, encode(texts), strict=True)) if texts else {}
    cosines = {i: float(vectors[items[i].headline] @ vectors[items[i].rewritten]) for i in to_encode}
    scores = {i: cosines.get(i, overlaps[i]) for i in rewrites}
    verdicts: dict[int, str | None] = {}
    for i in rewrites:
        verdicts[i] = None
        if i not in settled and cosines[i] < OTHER_STORY_BELOW:
            verdicts[i] = f"the rewritten headline is about another story (similarity {cosines[i]:.2f})"
        elif i in changed and cosines[i] < _veto(*changed[i]):
            added, dropped = changed[i]
            verdicts[i] = f"the rewritten headline names {', '.join(added)} instead of {', '.join(dropped)}"
    swaps = {}
    for i in rewrites:
        if verdicts[i] is None:
            shared = actor_keys(items[i].headline, known[i]) & actor_keys(items[i].rewritten, known[i])
            if may_swap(items[i].headline, items[i].rewritten, shared):
                swaps[i] = shared
    cased = [sentence_case(t, known[i]) for i in swaps for t in (items[i].headline, items[i].rewritten)]
    parsed = parse(cased) if cased else []
    for n, (i, shared) in enumerate(swaps.items()):
        actor = swapped_roles(parsed[2 * n], parsed[2 * n + 1], shared)
        if actor is not None:
            verdicts[i] = f"the rewritten headline changes who did what to whom ({actor})"
    # teasers only where they can change the verdict: no rewrite, or a doubtful one that passed
    doubtful = [
        i
        for i, item in enumerate(items)
        if strip_boilerplate(item.teaser)
        and (
            i not in scores
            or (
                i in cosines
                and i not in settled
                and OTHER_STORY_BELOW <= cosines[i] < TEASER_CONTEXT_BELOW
                and verdicts[i] is None
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
    return [_judge(item, scores.get(i), teaser_scores.get(i), verdicts.get(i)) for i, item in enumerate(items)]


def teaser_may_be_another_story(headline: str, teaser: str) -> bool:
    """Whether a teaser could make a mismatch next to a rewrite (so it is worth encoding).

    It needs ``TEASER_MIN_WORDS`` words, and a teaser sharing ``TEASER_SAME_STORY_STEMS`` content
    words with the headline is never that far from it (see the constant).
    """
    if len(teaser.split()) < TEASER_MIN_WORDS:
        return False
    return len(set(content_stems(headline)) & set(content_stems(teaser))) < TEASER_SAME_STORY_STEMS


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
