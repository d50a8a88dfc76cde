import pytest
from fastapi.testclient import TestClient

from newsprobe.store import StoreMissing
from newsprobe.web import create_app


@pytest.fixture(scope="module")
def client(corpus_db):
    return TestClient(create_app(corpus_db))


def test_overview_twin_lists_latest_documents_and_speakers(client):
    data = client.get("/.json").json()
    assert [d["id"] for d in data["documents"]] == ["kremlin-2", "kremlin", "hostile", "bridge-2", "bridge-1"]
    assert [(s["name"], s["quotes"]) for s in data["speakers"]] == [
        ("Alma Brandt", 3),
        ("Vladimir Putin", 2),
        ("Ravi Menon", 1),
    ]
    assert client.get("/index.json").json() == data
    page = client.get("/")
    assert page.status_code == 200 and "<svg" in page.text and "Alma Brandt (3)" in page.text


def test_article_twin_carries_the_full_record(client):
    data = client.get("/doc/bridge-1.json").json()
    assert data["record"]["id"] == "bridge-1" and len(data["record"]["quotes"]) == 3
    assert data["copies"] == 1
    page = client.get("/doc/bridge-1").text
    assert page.count('<mark class="quote"') == 3
    assert 'data-speaker="Alma Brandt"' in page and 'href="/speaker/1"' in page
    assert 'class="figure"' in page and "hedged-report" in page and 'id="flag-0"' in page


def test_hostile_markup_is_shown_as_text(client):
    page = client.get("/doc/hostile")
    assert "<script>" not in page.text
    assert "This &lt;script&gt;alert(1)&lt;/script&gt; budget is a fantasy" in page.text
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none': no scripts at all
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert client.get("/doc/hostile.json").json()["record"]["title"] == "Council vote <script>alert('x')</script>"


def test_speaker_twin_gathers_quotes_over_time_and_outlets(client):
    data = client.get("/speaker/3.json").json()
    assert data["name"] == "Vladimir Putin" and data["quote_count"] == 2
    assert [q["doc"] for q in data["quotes"]] == ["kremlin-2", "kremlin"]
    assert [m["month"] for m in data["by_month"]] == ["2025-05", "2025-06"]
    assert "They are shooting themselves in the foot" in client.get("/speaker/3").text


def test_search_twin_has_the_same_hits_as_the_page(client):
    data = client.get("/search.json", params={"q": "horses", "speaker": "Brandt"}).json()
    assert [h["doc"] for h in data["hits"]] == ["bridge-2", "bridge-1"]
    page = client.get("/search", params={"q": "horses", "speaker": "Brandt"}).text
    assert page.count("<blockquote>") == 2 and 'value="horses"' in page
    hostile = client.get("/search.json", params={"q": '"><script>'}).json()["hits"]
    assert [h["doc"] for h in hostile] == ["hostile"]
    page = client.get("/search", params={"q": '"><script>'}).text
    assert "<script>" not in page and 'value="&#34;&gt;&lt;script&gt;"' in page


def test_story_twin_shows_the_copies(client):
    data = client.get("/story/bridge-2.json").json()
    assert [d["id"] for d in data["documents"]] == ["bridge-1", "bridge-2"]
    assert 0.5 < data["documents"][0]["similarity"] < 1
    page = client.get("/story/bridge-2").text
    assert page.count("<article") == 2 and "<ins>" in page


def test_missing_things_are_clear_404s(client):
    assert client.get("/doc/nope.json").json() == {"error": "no document with id 'nope' in this database"}
    assert client.get("/doc/nope").status_code == 404
    assert client.get("/speaker/abc").status_code == 404
    assert client.get("/story/nope.json").status_code == 404


def test_a_missing_database_says_to_ingest_first(tmp_path):
    with pytest.raises(StoreMissing, match="run `newsprobe ingest"):
        create_app(tmp_path / "absent.db")


def test_cached_pages_follow_new_ingests(tmp_path):
    from tests.store.sample import corpus

    from newsprobe.store import Store

    docs = corpus()
    with Store(tmp_path / "live.db") as store:
        store.write(docs[0])
        app = create_app(tmp_path / "live.db")
        client = TestClient(app)
        assert [d["id"] for d in client.get("/.json").json()["documents"]] == ["bridge-1"]
        assert [d["id"] for d in client.get("/.json").json()["documents"]] == ["bridge-1"]
        assert app.hits == 1
        store.write(docs[3])  # an ingest commits while the server runs
        assert [d["id"] for d in client.get("/.json").json()["documents"]] == ["kremlin", "bridge-1"]


def test_a_javascript_url_is_never_a_link(tmp_path):
    from dataclasses import replace

    from tests.store.sample import corpus

    from newsprobe.store import Store

    with Store(tmp_path / "js.db") as store:
        store.write(replace(corpus()[0], url="javascript:alert(document.cookie)"))
    page = TestClient(create_app(tmp_path / "js.db")).get("/doc/bridge-1").text
    assert 'href="javascript:' not in page and "javascript:alert(document.cookie)" in page


def test_speaker_pages_page_through_every_quote(tmp_path, monkeypatch):
    from tests.store.sample import make_doc

    from newsprobe.store import Store
    from newsprobe.web import app as web_app

    monkeypatch.setattr(web_app, "SPEAKER_QUOTES", 2)
    with Store(tmp_path / "many.db") as store:
        for i in range(5):
            said = f"Number {i} is the figure we will publish today"
            store.write(
                make_doc(
                    f"d{i}",
                    f"Report {i}",
                    [f"\u201c{said},\u201d said Ana Ruiz at the briefing."],
                    quotes=[(said, "Ana Ruiz", "Ana Ruiz")],
                    people=["Ana Ruiz"],
                    published=f"2025-01-0{i + 1}",
                )
            )
    client = TestClient(create_app(tmp_path / "many.db"))
    pages = [client.get("/speaker/1.json", params={"page": n}).json() for n in (1, 2, 3)]
    assert [[q["doc"] for q in p["quotes"]] for p in pages] == [["d4", "d3"], ["d2", "d1"], ["d0"]]
    html = client.get("/speaker/1", params={"page": 2}).text
    assert "page 2 of 3" in html and 'href="?page=1"' in html and 'href="?page=3"' in html


def test_head_requests_are_answered(client):
    assert client.head("/doc/bridge-1").status_code == 200
    assert client.head("/search.json?q=bridge").status_code == 200
