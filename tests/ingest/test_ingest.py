import gzip
import io
import json

from newsprobe.ingest import InputError, iter_inputs, sniff
from newsprobe.record import Document


def items(paths):
    return list(iter_inputs([str(p) for p in paths]))


def test_text_file_is_kept_exactly(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text("Headline\n\n“Quote,” she said.\r\n", encoding="utf-8")
    [doc] = items([page])
    assert isinstance(doc, Document)
    assert doc.id == "story" and doc.text == "Headline\n\n“Quote,” she said.\r\n"


def test_bad_inputs_give_messages_and_the_rest_goes_on(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "c_latin1.txt").write_bytes("Caf\xe9 society said so.".encode("latin-1"))
    (tmp_path / "d_good.txt").write_text("A good page. It said so.", encoding="utf-8")
    got = items([tmp_path])
    errors = {e.source.rsplit("/", 1)[-1]: e.message for e in got if isinstance(e, InputError)}
    assert errors["a_empty.txt"] == "empty file"
    assert "binary" in errors["b_binary.txt"]
    assert "not valid UTF-8" in errors["c_latin1.txt"] and "line 1" in errors["c_latin1.txt"]
    assert [d.id for d in got if isinstance(d, Document)] == ["d_good"]


def test_jsonl_lines_text_html_and_broken(tmp_path):
    lines = [
        json.dumps({"id": "t1", "text": "Plain text page.", "url": "http://x/1"}),
        "{not json",
        json.dumps({"id": "h1", "html": "<html><body><p>Hi</p></body></html>"}),
        json.dumps({"id": "n1", "body": "no text field"}),
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = items([path])
    assert isinstance(got[0], Document) and got[0].url == "http://x/1"
    assert (
        isinstance(got[1], InputError) and got[1].source.endswith("pages.jsonl:2") and "invalid JSON" in got[1].message
    )
    assert isinstance(got[2], Document) and got[2].html is not None and got[2].text == ""
    assert isinstance(got[3], InputError) and '"text" or an "html"' in got[3].message


def test_gzipped_html_and_broken_gzip(tmp_path):
    good = tmp_path / "page.html.gz"
    good.write_bytes(gzip.compress(b"<html><head><meta charset='utf-8'></head><body><p>Caf\xc3\xa9</p></body></html>"))
    bad = tmp_path / "cut.html.gz"
    bad.write_bytes(gzip.compress(b"<html><body>" + b"x" * 5000)[:40])
    doc, err = items([good, bad])
    assert isinstance(doc, Document) and doc.id == "page" and "Café" in doc.html
    assert isinstance(err, InputError) and "broken gzip" in err.message


def _warc_record(uri: str, html: bytes, record_id: str) -> bytes:
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(html) + html
    header = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    return header + body + b"\r\n\r\n"


def make_warc(n: int) -> bytes:
    return b"".join(
        gzip.compress(
            _warc_record(f"http://example.org/{i}", b"<html><body><p>Story %d.</p></body></html>" % i, f"r{i}")
        )
        for i in range(n)
    )


def test_warc_records_become_documents_and_truncation_is_reported(tmp_path):
    data = make_warc(3)
    whole = tmp_path / "crawl.warc.gz"
    whole.write_bytes(data)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:-80])
    docs = items([whole])
    assert [d.id for d in docs] == ["r0", "r1", "r2"]
    assert docs[1].url == "http://example.org/1"
    got = items([cut])
    assert [d.id for d in got[:2]] == ["r0", "r1"]
    assert isinstance(got[2], InputError) and "cut.warc.gz@" in got[2].source


def test_missing_path_and_sniffing(tmp_path):
    [err] = items([tmp_path / "nope.txt"])
    assert isinstance(err, InputError) and err.message == "no such file or folder"
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(b'{"id": 1}') == "jsonl"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b"Plain words") == "text"


def test_stdin_is_read(monkeypatch):
    class Stdin:
        buffer = io.BytesIO(b"Words from a pipe. He said it.")

    monkeypatch.setattr("sys.stdin", Stdin)
    [doc] = list(iter_inputs(["-"]))
    assert doc.text == "Words from a pipe. He said it." and len(doc.id) == 16
