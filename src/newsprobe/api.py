"""The public API: ``analyze`` one page, ``analyze_many`` a stream of them (one model load)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsprobe.ingest.html import document_from_html_text
from newsprobe.ingest.text import looks_binary
from newsprobe.options import Options
from newsprobe.pipeline import Pipeline
from newsprobe.record import Document
from newsprobe.registry import build_pipeline

_PIPELINES: dict[Options, Pipeline] = {}


def get_pipeline(options: Options | None = None) -> Pipeline:
    """The pipeline for ``options``, built once per process."""
    options = options or Options()
    pipeline = _PIPELINES.get(options)
    if pipeline is None:
        pipeline = _PIPELINES[options] = build_pipeline(options)
    return pipeline


def make_document(
    text_or_html: str,
    id: str | None = None,  # noqa: A002 - the contract's name
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> Document:
    """A document ready for the pipeline; HTML is recognised by its tags."""
    from newsprobe.ingest import sniff, stable_id

    doc_id = id if id is not None else stable_id(text_or_html.encode("utf-8"))
    if sniff(text_or_html[:512].encode("utf-8", "replace")) == "html":
        made = document_from_html_text(
            text_or_html, source=doc_id, doc_id=doc_id, url=url, title=title, published=published
        )
        if isinstance(made, Document):
            return made
    return Document(id=doc_id, text=text_or_html, url=url, title=title, published=published, source=doc_id)


def analyze(
    text_or_html: str,
    id: str | None = None,  # noqa: A002 - the contract's name
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    options: Options | None = None,
) -> Document:
    """Analyse one page (plain text or HTML) into a ``Document``."""
    if not isinstance(text_or_html, str):
        raise TypeError(f"analyze() takes the page as str, not {type(text_or_html).__name__}")
    return get_pipeline(options)(make_document(text_or_html, id=id, url=url, title=title, published=published))


def analyze_many(inputs: Iterable[Any], options: Options | None = None, batch_size: int = 32) -> Iterator[Document]:
    """Analyse a stream of pages, yielding documents in order; the model is loaded once.

    Each input is a ``Document`` (from ``newsprobe.ingest``), a page as ``str``, or a dict with
    ``text`` or ``html`` and optional ``id``, ``url``, ``title``, ``published``.
    """
    pipeline = get_pipeline(options)
    return pipeline.pipe((_as_document(item) for item in inputs), batch_size=batch_size)


def _as_document(item: Any) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return make_document(item)
    if isinstance(item, dict):
        page = item.get("text") if item.get("text") is not None else item.get("html")
        if not isinstance(page, str):
            raise ValueError(f"input {item.get('id')!r} needs a 'text' or 'html' string")
        meta = {k: item.get(k) for k in ("id", "url", "title", "published")}
        if item.get("text") is not None:
            from newsprobe.ingest import stable_id

            # a "text" is taken as text even when it looks like HTML, so no sniffing as make_document does
            doc_id = str(meta["id"]) if meta["id"] is not None else stable_id(page.encode("utf-8"))
            return Document(id=doc_id, text=page, url=meta["url"], title=meta["title"], published=meta["published"])
        return make_document(page, **meta)
    if isinstance(item, bytes) and not looks_binary(item):
        return make_document(item.decode("utf-8"))
    raise TypeError(f"cannot analyse an input of type {type(item).__name__}")
