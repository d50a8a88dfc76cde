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
    for section in (_segments, _entities, _sourcing, _claims, _errors):
        lines += section(doc)
    return "\n".join(lines).rstrip() + "\n"


def _segments(doc: Document) -> list[str]:
    counts = Counter(s.kind for s in doc.segments)
    body_words = len(doc.body_text().split())
    lines = ["## Page", "", f"Body: {counts.get('body', 0)} paragraphs, {body_words} words. "
             + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()) if k != "body"), ""]
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
