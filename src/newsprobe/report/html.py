"""A standalone HTML report: each article with its quotes highlighted by speaker, flags and claims beside it.

It reuses the web UI's piece builder (``newsprobe.web.render``), so the report and the article view mark
the same spans; Jinja's autoescape keeps a page's own markup as text.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprobe.record import Document

STYLE = """body{font:16px/1.55 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:2rem}
.seg{margin:.5rem 0}.seg-label{font-size:.7rem;color:#888;text-transform:uppercase;margin-right:.5rem}
.seg-caption,.seg-credit,.seg-other,.seg-related,.seg-promo,.seg-heading{color:#666;font-size:.9rem}
mark{padding:0 .1rem;border-radius:.2rem}.cue{font-weight:600}.mention{text-decoration:underline}
.figure{border-bottom:2px dotted #b00}.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.4rem}
aside h2{font-size:1rem;margin:1rem 0 .4rem}aside ul{padding-left:1.1rem}.code{font-family:monospace;color:#b00}
.muted{color:#888}article+article{border-top:1px solid #ddd;margin-top:2rem;padding-top:1rem}"""


def render_html(documents: Sequence[Document]) -> str:
    """All documents as one self-contained HTML page."""
    from jinja2 import Environment, PackageLoader

    from newsprobe.web.render import article_segments, speaker_legend

    items = []
    for doc in documents:
        record = doc.to_dict()
        items.append(
            {
                "record": record,
                "segments": article_segments(record, {}),
                "legend": speaker_legend(record, {}),
            }
        )
    environment = Environment(loader=PackageLoader("newsprobe.report", "templates"), autoescape=True)
    template = environment.get_template("report.html")
    return template.render(items=items, style=STYLE)
