"""The FastAPI app: one handler per page; each builds a dict from ``newsprobe.store.queries`` and
returns it as JSON (the ``.json`` twin) or renders it with a Jinja template (autoescaped).

Handlers are ``async``: every query is an indexed lookup of a few milliseconds at most, so running them
on the event loop (one read-only connection) costs less than handing each request to a thread; more
cores are used with ``serve --workers N``.

No page runs JavaScript: the Content-Security-Policy forbids scripts outright, a second guard behind
escaping for pages that carry hostile markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from newsprobe.store import StoreMissing, connect, queries
from newsprobe.web.cache import PageCache
from newsprobe.web.render import article_segments, diff_pieces, speaker_legend

TEMPLATES = Path(__file__).with_name("templates")
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# The speaker page lists this many quotes a page, newest first (the counts by month and outlet cover all).
SPEAKER_QUOTES = 100
# Longer bodies are shown side by side without word-level marks: the diff grows quadratically.
MAX_DIFF_TOKENS = 6000


def create_app(db: str | Path, cache: bool = True) -> Any:
    """The web app over the database at ``db`` (which must exist: run ``newsprobe ingest`` first).

    With ``cache``, rendered pages are reused until the database changes (``newsprobe.web.cache``).
    """
    db = Path(db)
    # fail now, with the message to run ingest, not on the first request
    shared = connect(db, readonly=True)

    def conn():  # type: ignore[no-untyped-def]
        return shared

    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True
    )
    env.filters["path"] = lambda value: url_quote(str(value), safe="")
    # a page's own URL is data too: link it only when it is http(s), never javascript: or data:
    env.tests["web_url"] = lambda value: isinstance(value, str) and value.lower().startswith(("http://", "https://"))
    app = FastAPI(title="newsprobe", docs_url=None, redoc_url=None, openapi_url=None)

    def respond(request: Request, as_json: bool, template: str, data: dict[str, Any] | None, **view: Any) -> Response:
        if data is None:
            message = view.get("missing", "not found")
            if as_json:
                return JSONResponse({"error": message}, status_code=404, headers=HEADERS)
            html = env.get_template("error.html").render(message=message, db=db.name)
            return HTMLResponse(html, status_code=404, headers=HEADERS)
        if as_json:
            return JSONResponse(data, headers=HEADERS)
        json_url = request.url.path.rstrip("/") + ".json" if request.url.path != "/" else "/.json"
        if request.url.query:
            json_url += "?" + request.url.query
        html = env.get_template(template).render(data=data, json_url=json_url, db=db.name, **view)
        return HTMLResponse(html, headers=HEADERS)

    def exists(doc_id: str) -> bool:
        return conn().execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def split_json(value: str, exists: Any) -> tuple[str, bool]:
        """``id.json`` is the twin of ``id``, unless no ``id`` exists and ``id.json`` itself does."""
        if value.endswith(".json") and (exists(value[:-5]) or not exists(value)):
            return value[:-5], True
        return value, False

    @app.api_route("/", methods=["GET", "HEAD"])
    @app.api_route("/.json", methods=["GET", "HEAD"], include_in_schema=False)
    @app.api_route("/index.json", methods=["GET", "HEAD"], include_in_schema=False)
    async def overview(request: Request) -> Response:
        data = queries.overview(conn())
        top = max((s["quotes"] for s in data["speakers"]), default=1)
        return respond(request, request.url.path.endswith(".json"), "index.html", data, top=top)

    @app.api_route("/doc/{doc_id:path}", methods=["GET", "HEAD"])
    async def document(request: Request, doc_id: str) -> Response:
        doc_id, as_json = split_json(doc_id, exists)
        data = queries.document(conn(), doc_id)
        view: dict[str, Any] = {"missing": f"no document with id {doc_id!r} in this database"}
        if data is not None:
            view["segments"] = article_segments(data["record"], data["quote_people"])
            view["legend"] = speaker_legend(data["record"], data["quote_people"])
        return respond(request, as_json, "doc.html", data, **view)

    @app.api_route("/speaker/{person}", methods=["GET", "HEAD"])
    async def speaker(request: Request, person: str, page: int = 1) -> Response:
        as_json = person.endswith(".json")
        person = person.removesuffix(".json")
        page = max(page, 1)
        data = (
            queries.speaker(conn(), int(person), limit=SPEAKER_QUOTES, offset=(page - 1) * SPEAKER_QUOTES)
            if person.isdigit()
            else None
        )
        top = max((m["quotes"] for m in data["by_month"]), default=1) if data else 1
        pages = -(-data["quote_count"] // SPEAKER_QUOTES) if data else 1
        return respond(
            request,
            as_json,
            "speaker.html",
            data,
            top=top,
            page=page,
            pages=pages,
            missing=f"no speaker with id {person!r} in this database",
        )

    @app.api_route("/search", methods=["GET", "HEAD"])
    @app.api_route("/search.json", methods=["GET", "HEAD"], include_in_schema=False)
    async def search(
        request: Request,
        q: str = "",
        speaker: str = "",
        entity: str = "",
        outlet: str = "",
        since: str = "",
        until: str = "",
        type: str = "all",
        limit: int = 50,
    ) -> Response:  # noqa: A002
        kinds = ("quote", "claim") if type not in ("quote", "claim") else (type,)
        form = {
            "q": q,
            "speaker": speaker,
            "entity": entity,
            "outlet": outlet,
            "since": since,
            "until": until,
            "type": type,
        }
        asked = any(v for k, v in form.items() if k != "type")
        hits = (
            queries.search(
                conn(),
                q or None,
                speaker=speaker or None,
                entity=entity or None,
                outlet=outlet or None,
                since=since or None,
                until=until or None,
                kinds=kinds,
                limit=max(1, min(limit, 500)),
            )
            if asked
            else []
        )
        data = {"query": form, "hits": hits}
        return respond(request, request.url.path.endswith(".json"), "search.html", data, asked=asked)

    @app.api_route("/story/{doc_id:path}", methods=["GET", "HEAD"])
    async def story(request: Request, doc_id: str) -> Response:
        doc_id, as_json = split_json(doc_id, exists)
        data = queries.story(conn(), doc_id)
        view: dict[str, Any] = {"missing": f"no document with id {doc_id!r} in this database"}
        if data is not None and not as_json:
            base = next(d for d in data["documents"] if d["id"] == doc_id)
            short = len(base["body"].split()) <= MAX_DIFF_TOKENS
            view["columns"] = [
                (
                    d,
                    diff_pieces(base["body"], d["body"])
                    if short and d is not base and len(d["body"].split()) <= MAX_DIFF_TOKENS
                    else [{"text": d["body"], "changed": False}],
                )
                for d in data["documents"]
            ]
        return respond(request, as_json, "story.html", data, **view)

    return PageCache(app, connect(db, readonly=True)) if cache else app


__all__ = ["StoreMissing", "create_app"]


def app_from_env() -> Any:
    """The app over the database named by ``$NEWSPROBE_DB`` (for ``uvicorn --factory`` and several workers).

    ``NEWSPROBE_WEB_CACHE=0`` turns the page cache off (the benchmark measures both).
    """
    import os

    return create_app(
        os.environ.get("NEWSPROBE_DB", "newsprobe.db"), cache=os.environ.get("NEWSPROBE_WEB_CACHE", "1") != "0"
    )
