"""Readable reports of analysed documents (Markdown, HTML)."""

from __future__ import annotations

from collections.abc import Sequence

from newsprobe.record import Document


def render(documents: Sequence[Document], fmt: str) -> str:
    """All documents as one report in ``fmt`` ("md" or "html")."""
    if fmt == "md":
        from newsprobe.report.markdown import render_markdown

        return "\n\n---\n\n".join(render_markdown(d) for d in documents) + "\n"
    if fmt == "html":
        from newsprobe.report.html import render_html

        return render_html(documents)
    raise ValueError(f"unknown report format {fmt!r}; use md or html")
