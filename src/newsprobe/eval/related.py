"""Related-item consistency on FNC-1 headline pairs: false flags on same-story pairs, misses on others.

FNC-1 gives many headlines for one body. Two headlines that both ``agree`` with or ``discuss`` the
same body tell the same story in different words: judged as a headline and its rewrite, they should
be consistent (a mismatch is a false flag). A headline of the body against one FNC-1 pairs with it
as ``unrelated`` (taken from another story) should be a mismatch (consistent is a miss); the hard
ones share a capitalised name ("ISIS", "Apple") with the headline.

Pairs are drawn with a fixed seed from the body split of ``newsprobe.eval.stance``: ``split="tune"``
(the bodies the stance model trained on: thresholds are tuned here) or ``"heldout"`` (reported and
gated). Pairs are deduplicated (the same two headlines recur across bodies of one claim).
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from newsprobe.eval.stance import holdout_bodies, read_fnc1

SEED = 2017
SAME_STORY_LABELS = frozenset({"agree", "discuss"})
DEFAULT_PAIRS = 600
# Pairs drawn per body and kind (before deduplication).
PER_BODY = 3


@dataclass(slots=True)
class HeadlinePair:
    """Two headlines; ``same_story`` is the expected verdict; ``hard`` marks other-story pairs sharing a name."""

    headline: str
    rewrite: str
    same_story: bool
    hard: bool = False


def _names(text: str) -> set[str]:
    """Capitalised words after the first (stop words aside): a cheap "shares a name" test."""
    from newsprobe.stance.text import STOP_WORDS

    found = set()
    for n, word in enumerate(re.findall(r"[\w’'.-]+", text)):
        key = word.lower().removesuffix("'s").removesuffix("’s")
        if n > 0 and word[:1].isupper() and key not in STOP_WORDS and len(key) > 2:
            found.add(key)
    return found


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def headline_pairs(paths: list[str], split: str = "heldout", n: int = DEFAULT_PAIRS) -> list[HeadlinePair]:
    """``n`` same-story pairs, then ``n`` other-story pairs (half of them hard), from an FNC-1 train set."""
    if split not in ("tune", "heldout"):
        raise ValueError(f"unknown split {split!r}; use 'tune' or 'heldout'")
    _, pairs = read_fnc1(paths)
    held = holdout_bodies([p.body_id for p in pairs])
    related: dict[int, list[str]] = defaultdict(list)
    unrelated: dict[int, list[str]] = defaultdict(list)
    for pair in pairs:
        if (pair.body_id in held) != (split == "heldout"):
            continue
        if pair.stance in SAME_STORY_LABELS:
            related[pair.body_id].append(pair.headline)
        elif pair.stance == "unrelated":
            unrelated[pair.body_id].append(pair.headline)
    rng = random.Random(SEED)
    same: dict[frozenset[str], HeadlinePair] = {}
    other: dict[frozenset[str], HeadlinePair] = {}
    hard: dict[frozenset[str], HeadlinePair] = {}
    for body_id in sorted(related):
        heads = sorted(set(related[body_id]))
        for _ in range(PER_BODY):
            if len(heads) < 2:
                break
            a, b = rng.sample(heads, 2)
            if _norm(a) != _norm(b):
                same.setdefault(frozenset((_norm(a), _norm(b))), HeadlinePair(a, b, True))
        others = sorted(set(unrelated.get(body_id, ())))
        if not others:
            continue
        sharing = [(h, o) for h in heads for o in others if _names(h) & _names(o)]
        for _ in range(PER_BODY):
            a, b = rng.choice(heads), rng.choice(others)
            other.setdefault(frozenset((_norm(a), _norm(b))), HeadlinePair(a, b, False))
            if sharing:
                a, b = rng.choice(sharing)
                hard.setdefault(frozenset((_norm(a), _norm(b))), HeadlinePair(a, b, False, hard=True))
    same_list, other_list, hard_list = (
        sorted(d.values(), key=lambda p: (p.headline, p.rewrite)) for d in (same, other, hard)
    )
    for bucket in (same_list, other_list, hard_list):
        rng.shuffle(bucket)
    hard_list = hard_list[: n // 2]
    return same_list[:n] + other_list[: n - len(hard_list)] + hard_list


def _reason_kind(reason: str) -> str:
    for kind in ("another story", "instead of", "who did what to whom", "teaser"):
        if kind in reason:
            return kind
    return reason


def score(pairs: list[HeadlinePair], verdicts: list[Any]) -> dict[str, Any]:
    """False-flag rate (same-story pairs called a mismatch) and miss rates (other-story pairs called consistent)."""
    same = [(p, v) for p, v in zip(pairs, verdicts, strict=True) if p.same_story]
    other = [(p, v) for p, v in zip(pairs, verdicts, strict=True) if not p.same_story]
    hard = [(p, v) for p, v in other if p.hard]
    false_flags = [v for _, v in same if v.consistent is False]
    misses = [v for _, v in other if v.consistent]
    reasons = Counter(_reason_kind(v.reason or "") for v in false_flags)
    return {
        "same_story_pairs": len(same),
        "false_flag_rate": round(len(false_flags) / max(len(same), 1), 4),
        "false_flag_reasons": dict(reasons.most_common()),
        "other_story_pairs": len(other),
        "miss_rate": round(len(misses) / max(len(other), 1), 4),
        "hard_pairs": len(hard),
        "hard_miss_rate": round(sum(bool(v.consistent) for _, v in hard) / max(len(hard), 1), 4),
    }


def judge(pairs: list[HeadlinePair], options: Any = None) -> list[Any]:
    """integrity.v1's verdict on each headline pair, judged as a related item (headline and rewrite)."""
    from newsprobe.options import Options
    from newsprobe.record import RelatedItem
    from newsprobe.stages.integrity import IntegrityStage

    return IntegrityStage(options or Options()).judge([RelatedItem(p.headline, p.rewrite) for p in pairs])


def evaluate(paths: list[str], options: Any = None, split: str = "heldout", n: int = DEFAULT_PAIRS) -> dict[str, Any]:
    """Judge FNC-1 headline pairs as related items with integrity.v1's checks; score them."""
    pairs = headline_pairs(paths, split, n)
    result = score(pairs, judge(pairs, options))
    result["split"] = split
    return result
