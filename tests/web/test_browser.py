"""End to end in headless Chromium: the app served by uvicorn on 127.0.0.1, driven by Playwright.

Set NEWSPROBE_SCREENSHOTS=DIR to keep the screenshots (they are written to the test's tmp dir anyway).
"""

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def server(corpus_db):
    import uvicorn

    from newsprobe.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(corpus_db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        dialogs: list[str] = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.dialogs = dialogs
        yield tab
        browser.close()


def keep(path: Path) -> None:
    target = os.environ.get("NEWSPROBE_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)


def test_article_view_highlights_quotes_by_speaker(server, page, tmp_path):
    page.goto(f"{server}/doc/bridge-1")
    quotes = page.locator("mark.quote")
    assert quotes.count() == 3
    assert quotes.nth(0).inner_text() == "We cannot keep patching a structure that was built for horses and carts"
    assert [quotes.nth(i).get_attribute("data-speaker") for i in range(3)] == [
        "Alma Brandt",
        "Alma Brandt",
        "unresolved speaker",
    ]
    colours = [quotes.nth(i).evaluate("el => getComputedStyle(el).backgroundColor") for i in range(3)]
    assert colours == ["rgb(255, 214, 165)", "rgb(255, 214, 165)", "rgb(224, 224, 224)"]  # by speaker
    assert page.locator(".figure").first.inner_text() == "$12 million"
    assert "hedged-report" in page.locator("aside .flags").inner_text()
    shot = tmp_path / "article-view.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    keep(shot)
    page.locator("a.speaker-link").first.click()
    page.wait_for_url(f"{server}/speaker/1")
    assert page.locator("h1").inner_text() == "Alma Brandt"
    assert page.locator("blockquote").count() == 3
    shot = tmp_path / "speaker-view.png"
    page.screenshot(path=str(shot), full_page=True)
    keep(shot)


def test_hostile_page_renders_script_as_text(server, page, tmp_path):
    page.goto(f"{server}/doc/hostile")
    assert page.locator("script").count() == 0
    assert page.dialogs == []
    assert "This <script>alert(1)</script> budget is a fantasy" in page.locator("mark.quote").inner_text()
    assert page.title().startswith("Council vote <script>alert('x')</script>")
    shot = tmp_path / "hostile-view.png"
    page.screenshot(path=str(shot), full_page=True)
    keep(shot)


def test_search_and_story_pages(server, page, tmp_path):
    page.goto(f"{server}/")
    assert page.locator("svg rect").count() == 3  # one bar per quoted speaker
    shot = tmp_path / "overview.png"
    page.screenshot(path=str(shot), full_page=True)
    keep(shot)
    page.fill("header input[name=q]", "horses")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=horses")
    assert page.locator("ul.hits li").count() == 2
    page.goto(f"{server}/story/bridge-1")
    assert page.locator(".story article").count() == 2
    assert page.locator(".story ins").count() >= 2
    shot = tmp_path / "story-view.png"
    page.screenshot(path=str(shot), full_page=True)
    keep(shot)
