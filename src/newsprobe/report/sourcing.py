"""The report's Sourcing and Claims sections: who is quoted and how they are identified, what is claimed."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprobe.record import Document, Figure, Quote

AUDIT_SHOWN = ("anonymous-source", "speaker-underspecified", "speaker-unresolved", "hedged-report", "unverified")
CLAIMS_SHOWN = 15


def _escape(text: str) -> str:
    text = " ".join(text.split())
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(slots=True)
class _Speaker:
    name: str
    identified: str
    quotes: int = 0
    words: int = 0
    kinds: set[str] = field(default_factory=set)


def speaker_rows(doc: Document) -> list[_Speaker]:
    """One row per quoted speaker: name, how the text identifies them, quotes and quoted words."""
    rows: dict[str, _Speaker] = {}
    for quote in doc.quotes:
        key, name, identified = _identity(doc, quote)
        row = rows.setdefault(key, _Speaker(name, identified))
        row.quotes += 1
        row.words += sum(len(doc.text[s:e].split()) for s, e in quote.content)
        row.kinds.add(quote.kind)
    return sorted(rows.values(), key=lambda r: (-r.words, r.name))


def _identity(doc: Document, quote: Quote) -> tuple[str, str, str]:
    speaker = quote.speaker
    entity = doc.entity(speaker.entity)
    mention = doc.text[speaker.mention[0] : speaker.mention[1]] if speaker.mention else None
    name = (entity.name if entity else None) or speaker.name
    role = speaker.role or (entity.descriptors[0] if entity and entity.descriptors else None)
    if speaker.resolution == "unresolved" or not (name or mention):
        return "?unresolved", "(unresolved)", "not identified by the text"
    if speaker.resolution == "anonymous" or not name:
        label = mention or "an unnamed source"
        return f"?anon:{label.lower()}", f"({label})", "anonymous"
    words = [w for w in name.split() if w.rstrip(".").lower() not in ("mr", "mrs", "ms", "dr")]
    how = "full name" if len(words) >= 2 else "surname only"
    if role:
        how += f", {role}"
    return (speaker.entity or name.lower()), name, how


def sourcing_section(doc: Document) -> list[str]:
    """Who is quoted, how each is identified, how many words each gets; what is hedged or unverified."""
    flags = [f for f in doc.flags if f.code in AUDIT_SHOWN]
    if not doc.quotes and not flags:
        return []
    lines = ["## Sourcing", ""]
    rows = speaker_rows(doc)
    if rows:
        total = sum(r.words for r in rows) or 1
        lines += ["| speaker | identified as | quotes | words | share |", "|---|---|---|---|---|"]
        for row in rows:
            lines.append(
                f"| {_escape(row.name)} | {_escape(row.identified)} | {row.quotes} | {row.words} | "
                f"{row.words / total:.0%} |"
            )
        lines.append("")
    for code, title in (
        ("anonymous-source", "Unnamed sources"),
        ("speaker-underspecified", "Underspecified speakers"),
        ("speaker-unresolved", "Unresolved speakers"),
        ("hedged-report", "Hedged"),
        ("unverified", "Unverified"),
    ):
        chosen = [f for f in flags if f.code == code]
        if chosen:
            lines += [f"**{title}** ({len(chosen)})", ""] + [f"- {_escape(f.message)}" for f in chosen] + [""]
    return lines


def figure_text(doc: Document, figure: Figure) -> str:
    """A figure as the text wrote it and as it reads normalised: "$1.2bn = 1.2e+09 USD"."""
    surface = doc.text[figure.span[0] : figure.span[1]]
    if figure.kind == "date":
        return f"{surface} = {figure.iso}" if figure.iso else surface
    if figure.value is None:
        return surface
    value = readable_number(figure.value)
    return f"{surface} = {value} {figure.unit or ''}".rstrip()


def readable_number(value: float) -> str:
    """66.5e9 → "66.5 billion", 1500 → "1,500", 0.56 → "0.56"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:,.4g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:.4g}"


def claims_section(doc: Document) -> list[str]:
    """The most check-worthy claims with their figures, sources and hedges."""
    if not doc.claims:
        return []
    shown = sorted(doc.claims, key=lambda c: -c.checkworthiness)[:CLAIMS_SHOWN]
    lines = [
        "## Claims",
        "",
        f"{len(doc.claims)} claims; the {len(shown)} most worth checking first.",
        "",
        "| score | claim | figures | source | hedges |",
        "|---|---|---|---|---|",
    ]
    for claim in shown:
        entity = doc.entity(claim.source)
        source = entity.name if entity else "the outlet"
        figures = "; ".join(figure_text(doc, f) for f in claim.figures)
        text = _clip(doc.text[claim.span[0] : claim.span[1]], 140)
        lines.append(
            f"| {claim.checkworthiness:.2f} | {_escape(text)} | {_escape(figures)} | {_escape(source)} | "
            f"{_escape(', '.join(claim.hedges))} |"
        )
    return lines + [""]
