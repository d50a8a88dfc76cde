"""Quotes: every attribution in the body and captions, with its content, cue, kind and speaker mention.

The speaker's name, role and entity are left for ``speakers.v1``; this stage says where the text
attributes each quote (``speaker.mention``), or ``None`` where it does not.
"""

from __future__ import annotations

from typing import Any

from newsprobe.nlp import Parse
from newsprobe.quotes.bounds import refine
from newsprobe.quotes.cues import CueModel
from newsprobe.quotes.extract import MIN_QUOTE_WORDS, find_in_paragraph
from newsprobe.quotes.found import Attribution, Span
from newsprobe.quotes.frames import with_negation
from newsprobe.quotes.lines import headline_line, headline_verb, signature_line, transcript_line
from newsprobe.quotes.marks import QuoteRun, quote_runs
from newsprobe.quotes.variants import chooser
from newsprobe.record import Document, Quote, Speaker

QUOTED_KINDS = ("body", "caption", "title")
# A paragraph is quote-only when quoted runs cover this share of its non-space characters.
QUOTE_ONLY_SHARE = 0.8
# Two candidates whose contents share this much of their characters are one quote.
DUPLICATE_OVERLAP = 0.9


class QuoteStage:
    """Assigns ``doc.quotes`` (speaker mention only; names come from ``speakers.v1``)."""

    name = "quotes.v1"
    requires = ("parses",)
    assigns = ("quotes",)

    def __init__(self, options: Any = None):
        self.options = options
        self._cues: CueModel | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"options": self.options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.options = state["options"]
        self._cues = None

    @property
    def cues(self) -> CueModel:
        if self._cues is None:
            self._cues = CueModel.load()
        return self._cues

    def __call__(self, doc: Document) -> Document:
        doc.quotes = find_quotes(doc, self.cues)
        return doc


def find_quotes(doc: Document, cues: CueModel) -> list[Quote]:
    """The attributions of a parsed document as quotes, in text order."""
    return [_as_quote(doc.text, a) for a in find_attributions(doc, cues)]


def find_attributions(doc: Document, cues: CueModel, keep_nested: bool = False) -> list[Attribution]:
    """The attributions of a parsed document, in text order (``keep_nested``: with those inside others)."""
    parses = [p for p in doc.parses if p.segment.kind in QUOTED_KINDS]
    body = [p for p in parses if p.segment.kind == "body"]
    groups = [body] + [[p] for p in parses if p.segment.kind == "caption"]
    found: list[Attribution] = []
    for group in groups:
        found.extend(_find_in_group(doc.text, group, cues))
    for parse in parses:  # headlines: "Graham: Trump’s rhetoric is destroying the party", "Trump tells NFL …"
        if parse.segment.kind == "title":
            line = headline_line(parse)
            titled = [line] if line is not None else _find_in_group(doc.text, [parse], cues)
            verb = headline_verb(parse) if not titled else None
            found.extend([verb] if verb is not None else titled)
    found.sort(key=lambda a: a.start)
    kept = found if keep_nested else drop_nested(found)
    for attribution in kept:  # after drop_nested: what nests is judged on the spans the cue model scored
        if attribution.context is not None:
            refine(*attribution.context, attribution)
            chooser().choose(*attribution.context, attribution)  # learned bounds (quotes/variants.py)
            if attribution.cue is not None:
                attribution.cue = with_negation(attribution.context[0], attribution.cue)
    return kept


def drop_nested(found: list[Attribution]) -> list[Attribution]:
    """Leave out a candidate whose cue and content sit inside another's content ("refuses to say what …").

    Measured on PolNeAR dev: keeping the nested ones adds four wrong quotes for every right one.
    """
    kept = []
    for inner in found:
        nested = False
        if inner.cue is not None:
            for outer in found:
                if outer is inner:
                    continue
                if any(s <= inner.cue[0] and inner.cue[1] <= e for s, e in outer.content) and all(
                    any(s <= a and b <= e for s, e in outer.content) for a, b in inner.content
                ):
                    nested = True
                    break
        if not nested:
            kept.append(inner)
    return drop_duplicates(kept)


def drop_duplicates(found: list[Attribution]) -> list[Attribution]:
    """Of candidates with (nearly) the same content, keep the one the cue model is surest of.

    "continued to blast the deal" and "blast the deal" are one quote, not two.
    """
    chars = [{i for s, e in a.content for i in range(s, e)} for a in found]
    bounds = [(min(c), max(c)) if c else (0, -1) for c in chars]
    kept = []
    for i, one in enumerate(found):
        beaten = False
        for j, other in enumerate(found):
            if i == j or not chars[i] or not chars[j] or bounds[i][1] < bounds[j][0] or bounds[j][1] < bounds[i][0]:
                continue
            same = len(chars[i] & chars[j]) >= DUPLICATE_OVERLAP * len(chars[i] | chars[j])
            if same and (other.score > one.score or (other.score == one.score and j < i)):
                beaten = True
                break
        if not beaten:
            kept.append(one)
    return kept


def _find_in_group(text: str, group: list[Parse], cues: CueModel) -> list[Attribution]:
    """Attributions of consecutive paragraphs, with quotes joined across cues and paragraphs."""
    spans = [(p.segment.start, p.segment.end) for p in group]
    runs = quote_runs(text, spans)
    per_paragraph: list[list[QuoteRun]] = [[r for r in runs if s <= r.start < e] for s, e in spans]
    found: list[Attribution] = []
    for index, parse in enumerate(group):
        paragraph_runs = per_paragraph[index]
        following = per_paragraph[index + 1] if index + 1 < len(group) else []
        if (
            following
            and text[spans[index][0] : spans[index][1]].rstrip().endswith(":")
            and transcript_line(group[index + 1], index + 1) is None
        ):
            paragraph_runs = paragraph_runs + following[:1]  # "Cruz called them on it:" ¶ "“The questions …”"
        for attribution in find_in_paragraph(parse, paragraph_runs, index, cues.score):
            attribution.context = (parse, paragraph_runs)
            found.append(attribution)
    for index in range(1, len(group)):
        signed = _signed_quote(text, group[index], index, per_paragraph, spans, found)
        if signed is not None:
            found.append(signed)
    owner = {id(r): a for a in found for r in a.runs}
    for paragraph_runs in per_paragraph:
        _join_forward(text, paragraph_runs, owner)
    previous: QuoteRun | None = None
    for index, paragraph_runs in enumerate(per_paragraph):
        start, end = spans[index]
        has_own = any(a.paragraph == index for a in found)
        owned: list[QuoteRun] = []  # the runs of this paragraph some attribution owns
        for run in paragraph_runs:
            if id(run) in owner:
                previous = run
                owned.append(run)
                continue
            joined = _join(text, run, previous, owner, start, has_own)
            for earlier in reversed(owned):
                if joined is not None:
                    break
                if earlier is not previous:
                    # "“A,” he told “Good Morning America.” “B.”": a run inside the cue's clause is no break, nor
                    # one another cue there took ("“A,” Carson told the AP after hinting that “changes” could
                    # come. “B.”")
                    joined = _join(text, run, earlier, owner, start, has_own)
            if (
                joined is None
                and not has_own
                and run.start - start <= 1
                and _quote_only(text, paragraph_runs, start, end)
                and index > 0
                and previous is not None
                and previous.start >= spans[index - 1][0]
            ):  # the quote of the paragraph before goes on: one more part of it (PolNeAR train: +23 strict)
                joined = owner.get(id(previous))
            if joined is not None:
                joined.content.append((run.start, run.end))
                joined.runs.append(run)
                owner[id(run)] = joined
            previous = run
    return found


def _signed_quote(
    text: str,
    parse: Parse,
    index: int,
    per_paragraph: list[list[QuoteRun]],
    spans: list[Span],
    found: list[Attribution],
) -> Attribution | None:
    """ "“…”" ¶ "- Bernie Sanders.": a dash and a name on their own sign the quote that fills the paragraph before.

    The quote may have opened paragraphs earlier (its runs carried on); none of it may be another cue's.
    """
    line = signature_line(parse)
    if line is None:
        return None
    runs: list[QuoteRun] = []
    before = index - 1
    while before >= 0:
        start, end = spans[before]
        paragraph_runs = per_paragraph[before]
        if (
            not paragraph_runs
            or paragraph_runs[0].start - start > 1
            or not _quote_only(text, paragraph_runs, start, end)
        ):
            return None
        runs[:0] = paragraph_runs
        if not paragraph_runs[0].carried:
            break
        before -= 1
    taken = {id(r) for a in found for r in a.runs}
    if before < 0 or any(id(r) in taken for r in runs):
        return None
    cue, mention = line
    return Attribution([(r.start, r.end) for r in runs], cue, mention, index, runs=runs, key="-|signature")


def _join_forward(text: str, paragraph_runs: list[QuoteRun], owner: dict[int, Attribution]) -> None:
    """ "“A,” he said. “B.”" where the cue took B: A, right before the cue, is the quote's first part."""
    for run, following in zip(paragraph_runs, paragraph_runs[1:], strict=False):
        if id(run) in owner or id(following) not in owner:
            continue
        attribution = owner[id(following)]
        cue = attribution.cue
        if cue is None or not (run.end <= cue[0] and cue[1] <= following.start) or following.start - run.end > 250:
            continue
        quoted = text[run.start : run.end]
        if len(quoted.split()) < MIN_QUOTE_WORDS or not quoted.rstrip("”\"»' ").endswith(","):
            continue
        attribution.content.insert(0, (run.start, run.end))
        attribution.runs.insert(0, run)
        owner[id(run)] = attribution


def _join(
    text: str, run: QuoteRun, previous: QuoteRun | None, owner: dict[int, Attribution], para_start: int, has_own: bool
) -> Attribution | None:
    """The attribution an unclaimed run continues, if any."""
    if previous is None or id(previous) not in owner:
        return None
    attribution = owner[id(previous)]
    if run.carried and previous.unclosed:
        return attribution
    if previous.start < para_start:  # previous run is in an earlier paragraph
        return None
    gap = text[previous.end : run.start]
    cue = attribution.cue
    broken_by_cue = cue is not None and previous.end <= cue[0] and cue[1] <= run.start
    words = len(text[run.start : run.end].split())
    if not gap.strip() and words >= MIN_QUOTE_WORDS:  # “…,” he said. “…” “…”: quoted sentences in a row
        return attribution
    # the gap may end on a quoted title: “A,” Perez said on NBC's “Meet the Press.” “B.”
    if broken_by_cue and len(gap) < 250 and gap.rstrip().rstrip("”\"»’'").endswith((".", ",", ":", ";")):
        return attribution
    return None


def _quote_only(text: str, runs: list[QuoteRun], start: int, end: int) -> bool:
    total = sum(1 for ch in text[start:end] if not ch.isspace())
    quoted = sum(1 for r in runs for ch in text[r.start : r.end] if not ch.isspace())
    return total > 0 and quoted >= QUOTE_ONLY_SHARE * total


def _as_quote(text: str, attribution: Attribution) -> Quote:
    content = sorted(attribution.content)
    return Quote(content, attribution.cue, quote_kind(text, content, attribution.runs), Speaker(attribution.mention))


def quote_kind(text: str, content: list[tuple[int, int]], runs: list[QuoteRun]) -> str:
    """direct (all quoted), mixed (quoted fragments in reported speech) or indirect (no quote marks)."""
    quoted = {i for r in runs for i in range(r.start, r.end)}
    letters = [i for s, e in content for i in range(s, e) if text[i].isalnum()]
    if not letters:
        return "indirect"
    inside = sum(1 for i in letters if i in quoted)
    if inside == len(letters):
        return "direct"
    if inside or any(ch in '“”«»"' for s, e in content for ch in text[s:e]):
        return "mixed"
    return "indirect"
