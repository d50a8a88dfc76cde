"""Benchmark the corpus store and web UI against the issue's targets (generated records, no analysis).

write   storing analysed records: documents/s (target >= 2,000), against a baseline measured in the same
        run: the bare minimum, the record's JSON inserted into a one-table database, one commit each.
search  p50/p95 of who-said-what searches over QUOTES generated quotes (target p95 <= 50 ms at 1,000,000).
web     p50/p95/p99 page latency with 50 concurrent kept-alive connections (a raw asyncio HTTP/1.1 client,
        light enough not to compete with the server) against uvicorn in its own process on 127.0.0.1
        (target p95 <= 100 ms), server and client CPU time per request,
        over the database the write part built, with the page cache off (every request rendered) and on.

PYTHONPATH=src python bench/store.py                       # all three (the 1M build takes about a minute)
PYTHONPATH=src python bench/store.py --parts write,web --docs 2000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsprobe.record import Claim, Document, Entity, Figure, Flag, Quote, Segment, Speaker
from newsprobe.store import Store

VOCAB_SIZE = 5000
FIRST = [
    "Anna",
    "Boris",
    "Chen",
    "Dana",
    "Emeka",
    "Farah",
    "Gustav",
    "Hana",
    "Ivan",
    "Julia",
    "Kofi",
    "Lena",
    "Marco",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tariq",
]
LAST = [
    "Abbott",
    "Bauer",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jansen",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Rossi",
    "Silva",
    "Tanaka",
    "Weber",
]
OUTLETS = ["harbourtimes.example", "coastnews.example", "wire.example", "daily.example", "globe.example"]


def vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = set()
    while len(words) < VOCAB_SIZE:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))))
    return sorted(words)


def sentence(rng: random.Random, vocab: list[str], n: int) -> str:
    # Zipf-like: a few words are very common, most are rare, as in news text
    words = [vocab[min(int(rng.paretovariate(1.1)) - 1, VOCAB_SIZE - 1)] for _ in range(n)]
    return " ".join(words).capitalize()


def make_record(i: int, rng: random.Random, vocab: list[str], base: Document | None = None) -> Document:
    """A realistic analysed record: ~600 words, 12 paragraphs, 8 entities, 6 quotes, 3 claims, 2 flags."""
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(5)]
    if base is not None:
        # a lightly rewritten copy: the same paragraphs, a word added in some
        people = [e.name for e in base.entities[:5]]
        paras = [p.replace(" ", " very ", 1) if rng.random() < 0.3 else p for p in base.text.split("\n\n")[1:]]
    else:
        paras = []
        for p in range(12):
            speaker = people[p % len(people)]
            if p % 2:
                paras.append(f"\u201c{sentence(rng, vocab, 14)},\u201d said {speaker}. {sentence(rng, vocab, 20)}.")
            else:
                paras.append(f"{sentence(rng, vocab, 25)} {speaker} {sentence(rng, vocab, 12)} $12 million.")
    title = f"Story {i}: {sentence(rng, vocab, 6)}"
    text = title + "\n\n" + "\n\n".join(paras)
    segments, at = [Segment("title", 0, len(title))], len(title) + 2
    for para in paras:
        segments.append(Segment("body", at, at + len(para)))
        at += len(para) + 2
    entities, quotes, claims = [], [], []
    for k, name in enumerate(people):
        at = text.find(name)
        entities.append(Entity(f"e{k + 1}", name, "PERSON", [(at, at + len(name))] if at >= 0 else [], []))
    entities += [
        Entity("e6", "Harbour Council", "ORG", [], []),
        Entity("e7", "Lisbon", "GPE", [], []),
        Entity("e8", "European Union", "ORG", [], []),
    ]
    for seg in segments[1:]:
        chunk = text[seg.start : seg.end]
        if chunk.startswith("\u201c") and len(quotes) < 6:
            end = chunk.index(",\u201d")
            name = next(p for p in people if p in chunk)
            m = seg.start + chunk.index(name)
            ent = next(e.id for e in entities if e.name == name)
            quotes.append(
                Quote(
                    [(seg.start + 1, seg.start + end)],
                    None,
                    "direct",
                    Speaker((m, m + len(name)), name, ent, None, "named", 0.9),
                )
            )
        elif "$12 million" in chunk and len(claims) < 3:
            f = seg.start + chunk.index("$12 million")
            claims.append(Claim((seg.start, seg.end), [Figure((f, f + 11), 12e6, "USD", "money")], None, 0.6, []))
    flags = [
        Flag("hedged-report", claims[0].span if claims else None, "hedged"),
        Flag("speaker-underspecified", None, "a speaker has no full name"),
    ]
    published = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
    return Document(
        id=f"doc-{i}",
        text=text,
        url=f"https://{OUTLETS[i % len(OUTLETS)]}/{i}",
        title=title,
        published=published,
        segments=segments,
        entities=entities,
        quotes=quotes,
        claims=claims,
        flags=flags,
    )


def generate(n: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    docs: list[Document] = []
    for i in range(n):
        base = docs[rng.randrange(len(docs))] if docs and i % 10 == 9 else None
        docs.append(make_record(i, rng, vocab, base))
    return docs


def bench_write(workdir: Path, n: int) -> Path:
    docs = generate(n)
    records = [json.dumps(d.to_dict()) for d in docs]
    base_db = sqlite3.connect(workdir / "baseline.db", isolation_level=None)
    base_db.execute("PRAGMA journal_mode=WAL")
    base_db.execute("PRAGMA synchronous=NORMAL")
    base_db.execute("CREATE TABLE docs (id TEXT PRIMARY KEY, record TEXT)")
    started = time.perf_counter()
    for doc, record in zip(docs, records, strict=True):
        base_db.execute("BEGIN")
        base_db.execute("INSERT INTO docs VALUES (?, ?)", (doc.id, record))
        base_db.execute("COMMIT")
    baseline = n / (time.perf_counter() - started)
    from newsprobe.store.dedup import signature

    signature("load datasketch before timing")
    path = workdir / "corpus.db"
    with Store(path) as store:
        started, cpu = time.perf_counter(), time.process_time()
        for _ in store.write_many(docs):
            pass
        rate, cpu_rate = n / (time.perf_counter() - started), n / (time.process_time() - cpu)
        started = time.perf_counter()
        for _ in store.write_many(docs[: n // 4]):
            pass
        again = (n // 4) / (time.perf_counter() - started)
        stories = store.conn.execute(
            "SELECT count(*) FROM (SELECT story FROM documents GROUP BY story HAVING count(*) > 1)"
        ).fetchone()[0]
        quotes = store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    with Store(workdir / "single.db") as store:  # one commit per document, as `newsprobe ingest` wrote before
        started = time.perf_counter()
        for doc in docs[: n // 4]:
            store.write(doc)
        single = (n // 4) / (time.perf_counter() - started)
    from newsprobe.store.writer import write_document

    with Store(workdir / "savepoints.db") as store:  # the batches before store.batch: a savepoint per document
        started = time.perf_counter()
        for at in range(0, n // 4, 200):
            store.conn.execute("BEGIN IMMEDIATE")
            for doc in docs[at : min(at + 200, n // 4)]:
                write_document(store.conn, doc)
            store.conn.execute("COMMIT")
        savepoints = (n // 4) / (time.perf_counter() - started)
    verdict = "ok" if rate >= 2000 else "MISSED"
    print(
        f"write: {n} documents ({quotes} quotes), batched: {rate:,.0f} documents/s (target >= 2,000: {verdict}; "
        f"{cpu_rate:,.0f}/s of CPU time); baseline bare insert {baseline:,.0f}/s, ratio {rate / baseline:.2f}; "
        f"one commit per document {single:,.0f}/s; document by document in batches (savepoints) {savepoints:,.0f}/s, "
        f"batched/that {rate / savepoints:.2f}; re-ingest unchanged {again:,.0f}/s; "
        f"{stories} stories of near-duplicates (~{n // 10} copies generated); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    return path


def build_quotes(workdir: Path, total: int, per_doc: int = 20) -> Path:
    """A database with ``total`` quotes, written with bulk SQL into the store's schema (then indexed for full text)."""
    rng = random.Random(11)
    vocab = vocabulary(rng)
    path = workdir / "million.db"
    Store(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    people = [f"{f} {last}" for f in FIRST for last in LAST] * 5  # 2,000 people
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO people (id, key, name, surname, quote_count) VALUES (?, ?, ?, ?, 0)",
        [(k + 1, f"{name.lower()} {k}", f"{name} {k}", name.split()[1].lower()) for k, name in enumerate(people)],
    )
    docs = total // per_doc
    conn.executemany(
        "INSERT INTO documents (pk, id, content_hash, text_hash, url, outlet, title, published, ingested_at, story, "
        "record) VALUES (?, ?, '', '', ?, ?, ?, ?, '2025', ?, '{}')",
        [
            (
                d + 1,
                f"m{d}",
                f"https://{OUTLETS[d % 5]}/{d}",
                OUTLETS[d % 5],
                f"Doc {d}",
                f"2025-{1 + d % 12:02d}-{1 + d % 28:02d}",
                d + 1,
            )
            for d in range(docs)
        ],
    )
    conn.executemany(
        "INSERT INTO entities (doc, local_id, name, key, type, person, mentions, descriptors) "
        "VALUES (?, 'e1', 'European Union', 'european union', 'ORG', NULL, 1, '[]')",
        [(d + 1,) for d in range(0, docs, 7)],
    )
    conn.execute("COMMIT")
    started = time.perf_counter()
    batch = []
    for q in range(total):
        person = rng.randrange(len(people)) + 1
        batch.append(
            (
                q // per_doc + 1,
                q % per_doc,
                sentence(rng, vocab, rng.randint(8, 25)),
                "direct",
                0,
                10,
                person,
                f"p{person}",
            )
        )
        if len(batch) == 50_000 or q == total - 1:
            conn.execute("BEGIN")
            conn.executemany(
                'INSERT INTO quotes (doc, idx, text, kind, start, "end", person, who) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                batch,
            )
            conn.execute("COMMIT")
            batch.clear()
    conn.execute("INSERT INTO quotes_fts(rowid, text, who) SELECT id, text, who FROM quotes")
    conn.execute("UPDATE people SET quote_count = (SELECT count(*) FROM quotes WHERE person = people.id)")
    conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')")
    conn.execute("ANALYZE")
    conn.close()
    print(f"search: built {total:,} quotes in {docs:,} documents in {time.perf_counter() - started:.0f}s")
    return path


def bench_search(path: Path, total: int) -> None:
    from newsprobe.store import connect
    from newsprobe.store.queries import search

    rng = random.Random(5)
    vocab = vocabulary(random.Random(11))
    conn = connect(path, readonly=True)
    common, rare = vocab[:20], vocab[2000:]
    kinds = {
        "common word": lambda: {"query": rng.choice(common)},
        "rare word": lambda: {"query": rng.choice(rare)},
        "two words": lambda: {"query": f"{rng.choice(common)} {rng.choice(vocab[:500])}"},
        "phrase": lambda: {"query": f'"{rng.choice(common)} {rng.choice(common)}"'},
        "prefix": lambda: {"query": rng.choice(vocab[:300])[:3] + "*"},
        "speaker": lambda: {"speaker": f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.randrange(2000)}"},
        "surname (100 namesakes)": lambda: {"speaker": rng.choice(LAST)},
        "word + speaker": lambda: {"query": rng.choice(common), "speaker": f"{rng.choice(FIRST)} {rng.choice(LAST)}"},
        "speaker + entity": lambda: {"speaker": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "entity": "European Union"},
        "speaker + outlet + dates": lambda: {
            "speaker": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "outlet": "wire.example",
            "since": "2025-03-01",
        },
        "word + entity": lambda: {"query": rng.choice(vocab[:200]), "entity": "European Union"},
        "word + outlet + dates": lambda: {
            "query": rng.choice(vocab[:200]),
            "outlet": "wire.example",
            "since": "2025-03-01",
            "until": "2025-06-30",
        },
    }
    for _ in range(20):  # warm the page cache like a server that has been up a while
        search(conn, rng.choice(common))
    times: list[float] = []
    worst: dict[str, float] = {}
    for _ in range(40):
        for name, make in kinds.items():
            started = time.perf_counter()
            search(conn, **make())
            elapsed = (time.perf_counter() - started) * 1000
            times.append(elapsed)
            worst[name] = max(worst.get(name, 0.0), elapsed)
    p50, p95 = percentile(times, 50), percentile(times, 95)
    print(
        f"search: {len(times)} searches over {total:,} quotes: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
        f"(target p95 <= 50 ms: {'ok' if p95 <= 50 else 'MISSED'}); slowest by kind: "
        + ", ".join(f"{k} {v:.0f}" for k, v in worst.items())
    )


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its live descendants so far (Linux /proc), in seconds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    # utime, stime, and the children already waited for; uvicorn's workers are live children
    own = sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) for child in children)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> tuple[int, bytes]:
    """One GET over a kept-alive HTTP/1.1 connection: (status, body). Enough HTTP for uvicorn's answers."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = None
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    if length is not None:
        return status, await reader.readexactly(length)
    body = b""  # chunked
    while True:
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        chunk = await reader.readexactly(size + 2)
        if size == 0:
            return status, body
        body += chunk[:-2]


def load(port: int, urls: list[str], clients: int) -> tuple[dict[str, list[float]], float]:
    """Send the URLs from ``clients`` kept-alive connections (raw asyncio sockets: a light client)."""
    latencies: dict[str, list[float]] = {}

    async def client(queue: list[str]) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while queue:
                url = queue.pop()
                started = time.perf_counter()
                status, _ = await fetch(reader, writer, url)
                elapsed = (time.perf_counter() - started) * 1000
                assert status == 200, (url, status)
                kind = url.split("/")[1].split("?")[0].split(".")[0] or "index"
                latencies.setdefault(kind + (".json" if ".json" in url else ""), []).append(elapsed)
        finally:
            writer.close()

    async def run() -> float:
        queue = list(reversed(urls))
        started = time.perf_counter()
        await asyncio.gather(*(client(queue) for _ in range(clients)))
        return time.perf_counter() - started

    return latencies, asyncio.run(run())


def bench_web(
    path: Path, requests: int, clients: int = 50, workers: int = 1, cache: bool = True, pure: bool = False
) -> None:
    """One load run; ``pure``: uvicorn with its pure-Python HTTP parser and event loop (h11, asyncio)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NEWSPROBE_DB": str(path), "NEWSPROBE_WEB_CACHE": "1" if cache else "0"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "newsprobe.web.app:app_from_env",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--workers",
            str(workers),
            "--no-access-log",
            "--timeout-keep-alive",
            "60",
            *(["--http", "h11", "--loop", "asyncio"] if pure else []),
        ],
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                load(port, ["/.json"], 1)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("web: uvicorn did not start") from None
                time.sleep(0.2)
        conn = sqlite3.connect(path)
        doc_ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY random() LIMIT 200")]
        people = [r[0] for r in conn.execute("SELECT id FROM people ORDER BY quote_count DESC LIMIT 50")]
        conn.close()
        rng = random.Random(3)
        pages = [
            lambda: "/",
            lambda: "/.json",
            lambda: f"/doc/{rng.choice(doc_ids)}",
            lambda: f"/doc/{rng.choice(doc_ids)}.json",
            lambda: f"/speaker/{rng.choice(people)}",
            lambda: f"/speaker/{rng.choice(people)}.json",
            lambda: f"/search?q={rng.choice(['million', 'said', 'story'])}&speaker={rng.choice(LAST)}",
            lambda: f"/search.json?q={rng.choice(['million', 'said', 'story'])}",
            lambda: f"/story/{rng.choice(doc_ids)}",
            lambda: f"/story/{rng.choice(doc_ids)}.json",
        ]
        urls = [rng.choice(pages)() for _ in range(requests)]
        load(port, urls[: requests // 10], clients)  # warm up: imports, templates, SQLite's page cache
        client_cpu, server_cpu = time.process_time(), cpu_seconds(server.pid)
        latencies, elapsed = load(port, urls, clients)
        client_cpu, server_cpu = time.process_time() - client_cpu, cpu_seconds(server.pid) - server_cpu
        every = [v for values in latencies.values() for v in values]
        p50, p95, p99 = (percentile(every, p) for p in (50, 95, 99))
        print(
            f"web ({'page cache on' if cache else 'page cache off'}{', h11 + asyncio' if pure else ''}): "
            f"{len(every)} requests, {clients} concurrent "
            f"clients, {workers} uvicorn worker(s): {len(every) / elapsed:,.0f} requests/s, "
            f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms "
            f"(target p95 <= 100 ms: {'ok' if p95 <= 100 else 'MISSED'}); CPU per request: server "
            f"{server_cpu / len(every) * 1000:.2f} ms, client {client_cpu / len(every) * 1000:.2f} ms; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; p95 by page: "
            + ", ".join(f"{k} {percentile(v, 95):.0f}" for k, v in sorted(latencies.items()))
        )
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parts", default="write,search,web")
    parser.add_argument("--docs", type=int, default=5000, help="records for the write and web parts")
    parser.add_argument("--quotes", type=int, default=1_000_000, help="quotes for the search part")
    parser.add_argument("--requests", type=int, default=2000, help="requests for the web part")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes for the web part")
    parser.add_argument("--keep", metavar="DIR", help="build the databases here and keep them")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    with tempfile.TemporaryDirectory(prefix="newsprobe-bench-") as tmp:
        workdir = Path(args.keep or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        corpus = workdir / "corpus.db"
        if "write" in parts or ("web" in parts and not corpus.exists()):
            corpus = bench_write(workdir, args.docs)
        if "search" in parts:
            million = workdir / "million.db"
            if not million.exists():
                million = build_quotes(workdir, args.quotes)
            bench_search(million, args.quotes)
        if "web" in parts:
            # baseline in the same run: uvicorn without httptools and uvloop, every page rendered
            bench_web(corpus, args.requests, args.clients, args.workers, cache=False, pure=True)
            for cache in (False, True):
                bench_web(corpus, args.requests, args.clients, args.workers, cache)


if __name__ == "__main__":
    main()
