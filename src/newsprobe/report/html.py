"""A standalone HTML report: the article with its segments, everything escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from newsprobe.record import Document

STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
.seg{margin:.4rem 0}.seg .kind{font-size:.7rem;color:#888;text-transform:uppercase;margin-right:.5rem}
.body{}.caption,.credit,.other,.related,.promo,.heading{color:#666;font-size:.9rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem}"""


def render_html(documents: Sequence[Document]) -> str:
    """All documents as one self-contained HTML page."""
    head = f"<meta charset='utf-8'><title>newsprobe report</title><style>{STYLE}</style>"
    parts = [f"<!doctype html><html><head>{head}</head><body>"]
    for doc in documents:
        parts.append(f"<article><h1>{escape(doc.title or doc.id)}</h1>")
        for segment in doc.segments:
            parts.append(
                f"<p class='seg {escape(segment.kind)}'><span class='kind'>{escape(segment.kind)}</span>"
                f"{escape(doc.segment_text(segment))}</p>"
            )
        if doc.entities:
            parts.append("<h2>Entities</h2><table><tr><th>entity</th><th>type</th><th>mentions</th></tr>")
            for entity in doc.entities:
                parts.append(
                    f"<tr><td>{escape(entity.name)}</td><td>{entity.type}</td><td>{len(entity.mentions)}</td></tr>"
                )
            parts.append("</table>")
        parts.append("</article>")
    parts.append("</body></html>\n")
    return "".join(parts)
