"""The Markdown report: what a reader wants to see of one page."""

from __future__ import annotations

from collections import Counter

from newsprobe.record import Document


def _escape(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell."""
    text = " ".join(text.split())
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_markdown(doc: Document) -> str:
    """One document as a Markdown report."""
    lines = [f"# {_escape(doc.title or doc.id)}", ""]
    meta = [f"id `{doc.id}`"]
    if doc.url:
        meta.append(f"url <{doc.url}>")
    if doc.published:
        meta.append(f"published {doc.published}")
    lines += [" · ".join(meta), ""]
    for section in (_segments, _entities, _quotes, _sourcing, _claims, _integrity, _errors):
        lines += section(doc)
    return "\n".join(lines).rstrip() + "\n"


def _segments(doc: Document) -> list[str]:
    counts = Counter(s.kind for s in doc.segments)
    body_words = len(doc.body_text().split())
    lines = [
        "## Page",
        "",
        f"Body: {counts.get('body', 0)} paragraphs, {body_words} words. "
        + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()) if k != "body"),
        "",
    ]
    lines += ["| # | kind | text |", "|---|---|---|"]
    for number, segment in enumerate(doc.segments, start=1):
        lines.append(f"| {number} | {segment.kind} | {_escape(_clip(doc.segment_text(segment)))} |")
    return lines + [""]


def _entities(doc: Document) -> list[str]:
    if not doc.entities:
        return []
    lines = ["## Entities", "", "| entity | type | mentions | descriptors |", "|---|---|---|---|"]
    for entity in sorted(doc.entities, key=lambda e: -len(e.mentions)):
        lines.append(
            f"| {_escape(entity.name)} | {entity.type} | {len(entity.mentions)} | "
            f"{_escape('; '.join(entity.descriptors))} |"
        )
    return lines + [""]


def _quotes(doc: Document) -> list[str]:
    if not doc.quotes:
        return []
    lines = ["## Quotes", "", "| speaker | cue | kind | quote |", "|---|---|---|---|"]
    for quote in doc.quotes:
        speaker = quote.speaker
        who = speaker.name or (doc.text[speaker.mention[0] : speaker.mention[1]] if speaker.mention else "(not given)")
        cue = doc.text[quote.cue[0] : quote.cue[1]] if quote.cue else ""
        said = " … ".join(doc.text[s:e] for s, e in quote.content)
        lines.append(f"| {_escape(who)} | {_escape(cue)} | {quote.kind} | {_escape(_clip(said, 140))} |")
    return lines + [""]


def _integrity(doc: Document) -> list[str]:
    if doc.headline_check is None and not doc.related:
        return []
    lines = ["## Page integrity", ""]
    if doc.headline_check is not None:
        check = doc.headline_check
        lines += [f"Title against body: **{check.stance}** ({check.score:.2f}).", ""]
    for flag in doc.flags:
        if flag.code in ("headline-body-mismatch", "related-mismatch"):
            lines.append(f"- `{flag.code}`: {_escape(flag.message)}")
    if doc.related:
        lines += ["", "| related headline | rewritten | consistency | score |", "|---|---|---|---|"]
        for item in doc.related:
            score = "" if item.score is None else f"{item.score:.2f}"
            lines.append(
                f"| {_escape(_clip(item.headline, 60))} | {_escape(_clip(item.rewritten or '', 60))} | "
                f"{item.consistency or ''} | {score} |"
            )
    return lines + [""]


def _sourcing(doc: Document) -> list[str]:
    from newsprobe.report.sourcing import sourcing_section

    return sourcing_section(doc)


def _claims(doc: Document) -> list[str]:
    from newsprobe.report.sourcing import claims_section

    return claims_section(doc)


def _errors(doc: Document) -> list[str]:
    if not doc.errors:
        return []
    return ["## Errors", ""] + [f"- {e.stage}: {_escape(e.message)}" for e in doc.errors] + [""]
