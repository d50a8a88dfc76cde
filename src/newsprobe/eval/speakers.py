"""Speaker names on gold attributions, independent of the quote finder.

The pipeline runs up to ``entities.v1``; quotes are built from the GOLD content, cue and source spans
(``mention`` = the gold source span); ``speakers.v1`` resolves them. The gold files give ``speaker: null``
for every attribution (PolNeAR has no names), so the expected name is derived from the gold source
span and the text, without the pipeline's NER:

- the source span ends in a first name + surname ("longtime pollster Pat Caddell") -> that name;
- the source is one capitalised word ("Caddell", "Mr. Obama", "PENCE") -> the one full name the text
  gives with that surname (a known first name before it); skipped when two people share it; when the
  text gives none, the surname itself if an honorific marks it as a person;
- an indefinite or plural anonymous source ("a source", "officials") -> None;
- pronouns, roles, organisations -> not scored here, unless ``labels`` (hand-made, kept outside the repo:
  ``{"id", "source": [s, e], "speaker": name or null}`` lines) gives them.

Name accuracy is the CONTRACT.md metric (every token of the gold name, honorifics dropped, at most
two more); a wrong name is a non-null name that fails it, or any name where the gold is None.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from newsprobe.data.speech import SCORER_TITLES
from newsprobe.options import Options
from newsprobe.record import Document, Quote, Speaker
from newsprobe.speakers.names import is_first_name

PERSON_HONORIFICS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "prof", "sir", "lord", "lady", "miss"}
PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "i",
    "we",
    "you",
    "who",
    "which",
    "that",
    "his",
    "her",
    "their",
    "its",
    "him",
    "them",
    "me",
    "us",
    "my",
    "our",
    "this",
    "these",
    "those",
    "whom",
    "whose",
}
ANONYMOUS_HEADS = {
    "source",
    "sources",
    "official",
    "officials",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "critic",
    "critics",
    "aide",
    "aides",
    "insider",
    "insiders",
    "observer",
    "observers",
    "people",
    "person",
    "someone",
    "diplomat",
    "diplomats",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "advisers",
    "advisors",
    "strategists",
    "economists",
}
INDEFINITE = {"a", "an", "another", "some", "one", "two", "three", "several", "many", "other", "others"}
GROUPS = {"democrats", "republicans", "conservatives", "liberals", "americans", "officials", "police"}
CONFIDENCE_BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 1.01)
_WORD = re.compile(r"[\w’'.-]+")
_CAPITALISED = r"(?:[A-Z][\w’'-]*|[A-Z]\.)"
# Words in the first-name lists that, capitalised before a name, are titles: "Chief Justice Roberts".
NOT_FIRST_NAMES = {
    "justice",
    "chief",
    "judge",
    "general",
    "major",
    "king",
    "sheriff",
    "bishop",
    "dean",
    "earl",
    "prince",
    "royal",
    "president",
    "mayor",
    "pastor",
    "senator",
    "sen",
    "gov",
    "rep",
    "will",
    "sierra",
    "wells",
    "lt",
    "col",
    "sgt",
    "st",
}


def scorer_tokens(name: str | None) -> list[str]:
    """The scorer's name tokens: lower-cased words without honorifics."""
    toks = re.findall(r"[\w’'-]+", (name or "").lower())
    return [t for t in toks if t.strip(".") not in SCORER_TITLES]


def name_ok(gold: str, predicted: str | None) -> bool:
    """CONTRACT.md: every gold token in the prediction, at most two more tokens."""
    g, p = scorer_tokens(gold), scorer_tokens(predicted)
    return bool(g) and set(g) <= set(p) and len(p) <= len(g) + 2


def expected_speaker(text: str, source: list[list[int]]) -> tuple[str, str | None]:
    """(category, expected name) for a gold source span; category "skip" when it cannot be told without reading."""
    if not source:
        return "skip", None
    raw = " ".join(text[s:e] for s, e in source)
    cleaned = re.sub(r"\([^)]*\)", " ", raw.replace("\xa0", " "))
    cleaned = re.sub(r"[’']s?\s*$", "", cleaned.strip()).strip(" ,.–—-")
    tokens = _WORD.findall(cleaned)
    if not tokens:
        return "skip", None
    lowered = [t.lower().strip(".") for t in tokens]
    if len(tokens) == 1 and lowered[0] in PRONOUNS:
        return "pronoun", None
    if " and " in f" {cleaned} " or "&" in cleaned:
        return "skip", None  # several speakers
    for chunk in (c.strip() for c in cleaned.split(",")):
        chunk_tokens = _WORD.findall(chunk)
        full = _trailing_full_name(chunk_tokens)
        if full and (len(cleaned.split(",")) == 1 or _first_name(chunk_tokens[0])):
            return "named", full
        if full and chunk == cleaned.split(",")[-1].strip():
            return "named", full
    rest = [t for t, low in zip(tokens, lowered, strict=True) if low not in PERSON_HONORIFICS | SCORER_TITLES]
    honorific = any(low in PERSON_HONORIFICS for low in lowered)
    if (
        len(rest) == 1
        and rest[0][:1].isupper()
        and (rest[0].istitle() or rest[0].isupper())
        and (rest[0].lower() not in GROUPS)
    ):
        names = _full_names_with_surname(text, rest[0])
        if len(names) == 1:
            return "surname", names[0]
        if len(names) > 1:
            return "skip", None
        return ("surname-only", rest[0].title() if rest[0].isupper() else rest[0]) if honorific else ("skip", None)
    if (
        lowered[-1] in ANONYMOUS_HEADS
        and all(not t[:1].isupper() for t in tokens[1:])
        and (lowered[0] in INDEFINITE or lowered[-1].endswith("s") and lowered[0] != "the")
    ):
        return "anonymous", None
    return "skip", None


def _first_name(word: str) -> bool:
    return word[:1].isupper() and word.lower().strip(".") not in NOT_FIRST_NAMES and is_first_name(word.strip("."))


def _name_word(token: str) -> bool:
    """A word of a name: capitalised, not an acronym ("CEO"), not a possessive ("News'")."""
    return token[:1].isupper() and (not token.isupper() or len(token.strip(".")) == 1) and token[-1] not in "'’"


def _trailing_full_name(tokens: list[str]) -> str | None:
    """ "longtime pollster Pat Caddell" -> "Pat Caddell": the last first name, then capitalised words to the end."""
    for i in range(len(tokens) - 2, -1, -1):
        tail = tokens[i:]
        if not _first_name(tokens[i]) or len(tail) > 4:
            continue
        if all(_name_word(t) for t in tail) and (i == 0 or tokens[i - 1].lower() not in ("the", "of", "at", "for")):
            return " ".join(tail)
        return None
    return None


def _full_names_with_surname(text: str, surname: str) -> list[str]:
    """Distinct "First [Middle] Surname" names in the text, a name contained in a longer one merged into it."""
    pattern = re.compile(rf"\b({_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,2}})[ \t]+((?i:{re.escape(surname)}))\b")
    found: list[list[str]] = []
    for match in pattern.finditer(text):
        words = match.group(1).split()
        # keep from the last known first name on: "Charlotte Mayor Jennifer Roberts" -> "Jennifer Roberts"
        if match.group(2)[:1].islower():
            continue
        start = next((i for i in range(len(words) - 1, -1, -1) if _first_name(words[i])), None)
        if start is None or not all(w[:1].isupper() for w in words[start:]):
            continue
        name = [w.lower() for w in words[start:]] + [surname.lower()]
        found.append(name)
    distinct: list[list[str]] = []
    for name in sorted(found, key=len, reverse=True):
        if not any(set(name) <= set(other) for other in distinct):
            distinct.append(name)
    firsts = {name[0] for name in distinct}
    if len(firsts) > 1:
        return [" ".join(n) for n in distinct]
    return [" ".join(distinct[0]).title()] if distinct else []


def _load_labels(path: str | None) -> dict[tuple[str, int], str | None]:
    if not path or not Path(path).exists():
        return {}
    labels = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            labels[(item["id"], int(item["source"][0]))] = item["speaker"]
    return labels


def evaluate(
    paths: list[str],
    options: Options | None = None,
    labels: str | None = None,
    limit: int | None = None,
    rows: bool = False,
) -> dict[str, Any]:
    """Score ``speakers.v1`` on gold attribution files (see the module docstring)."""
    from newsprobe.api import analyze_many
    from newsprobe.registry import create_stage

    options = options or Options()
    base = options.with_(pipeline=("segment.v1", "language.v1", "parse.spacy.v1", "entities.v1"))
    stage = create_stage("speakers.v1", options)
    hand = _load_labels(labels)
    gold_items: list[dict[str, Any]] = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            gold_items.extend(json.loads(line) for line in handle if line.strip())
    if limit:
        gold_items = gold_items[:limit]
    started = time.perf_counter()
    docs = list(analyze_many(({"id": g["id"], "text": g["text"]} for g in gold_items), options=base))
    pipeline_seconds = time.perf_counter() - started
    stage_seconds = 0.0
    results: list[dict[str, Any]] = []
    for gold, doc in zip(gold_items, docs, strict=True):
        attributions = [a for a in gold["attributions"] if a["content"]]
        doc.quotes = [_gold_quote(a) for a in attributions]
        tick = time.perf_counter()
        stage(doc)
        stage_seconds += time.perf_counter() - tick
        for attribution, quote in zip(attributions, doc.quotes, strict=True):
            category, expected = expected_speaker(doc.text, attribution["source"])
            if attribution["source"] and (gold["id"], attribution["source"][0][0]) in hand:
                category, expected = "labelled-" + category, hand[(gold["id"], attribution["source"][0][0])]
            if attribution.get("speaker"):  # a gold file that does give names wins
                category, expected = "gold", attribution["speaker"]
            results.append(_judge(doc, quote, category, expected))
    summary = _summary(results, len(docs), pipeline_seconds, stage_seconds)
    if rows:
        summary["rows"] = results
    return summary


def _gold_quote(attribution: dict[str, Any]) -> Quote:
    source = attribution["source"]
    mention = (source[0][0], source[-1][1]) if source else None
    cue = (attribution["cue"][0][0], attribution["cue"][-1][1]) if attribution["cue"] else None
    return Quote([(s, e) for s, e in attribution["content"]], cue, "direct", Speaker(mention=mention))


def _judge(doc: Document, quote: Quote, category: str, expected: str | None) -> dict[str, Any]:
    predicted = quote.speaker.name
    if category == "skip" or category == "pronoun":
        correct = None
    elif expected is None:
        correct = predicted is None
    else:
        correct = name_ok(expected, predicted)
    return {
        "category": category,
        "expected": expected,
        "predicted": predicted,
        "correct": correct,
        "confidence": quote.speaker.confidence,
        "resolution": quote.speaker.resolution,
        "doc": doc.id,
        "mention": quote.speaker.mention,
    }


def _summary(results: list[dict[str, Any]], n_docs: int, pipeline_s: float, stage_s: float) -> dict[str, Any]:
    scored = [r for r in results if r["correct"] is not None]
    with_name = [r for r in scored if r["expected"] is not None]
    nulls = [r for r in scored if r["expected"] is None]
    wrong = [r for r in scored if r["predicted"] is not None and not r["correct"]]
    by_category: dict[str, dict[str, Any]] = {}
    for category in sorted({r["category"] for r in results}):
        rows = [r for r in results if r["category"] == category]
        judged = [r for r in rows if r["correct"] is not None]
        by_category[category] = {
            "n": len(rows),
            "accuracy": round(sum(r["correct"] for r in judged) / len(judged), 4) if judged else None,
            "named": sum(r["predicted"] is not None for r in rows),
        }
    bins = []
    for low, high in zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:], strict=False):
        rows = [r for r in scored if low <= r["confidence"] < high]
        if rows:
            bins.append(
                {
                    "confidence": f"[{low:.1f}, {min(high, 1.0):.1f})",
                    "n": len(rows),
                    "mean_confidence": round(sum(r["confidence"] for r in rows) / len(rows), 3),
                    "accuracy": round(sum(r["correct"] for r in rows) / len(rows), 3),
                }
            )
    return {
        "documents": n_docs,
        "attributions": len(results),
        "scored": len(scored),
        "name_acc": round(sum(r["correct"] for r in with_name) / len(with_name), 4) if with_name else None,
        "name_n": len(with_name),
        "null_kept": round(sum(r["correct"] for r in nulls) / len(nulls), 4) if nulls else None,
        "null_n": len(nulls),
        "wrong_name_rate": round(len(wrong) / len(scored), 4) if scored else None,
        "by_category": by_category,
        "resolutions": dict(Counter(r["resolution"] for r in results)),
        "calibration": bins,
        "seconds": {
            "pipeline_to_entities": round(pipeline_s, 2),
            "speakers": round(stage_s, 3),
            "speakers_share_of_pipeline": round(stage_s / pipeline_s, 4) if pipeline_s else None,
        },
    }
