"""End to end in headless Chromium (Debian's, driven by Playwright) against a real `newsgraph serve`.

Needs /usr/bin/chromium: scripts/ensure-chromium.sh installs it when it can. Without
it these tests skip, unless NEWSGRAPH_REQUIRE_BROWSER=1, when they fail.
Screenshots go to artifacts/screenshots/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from web_helpers import build_xss, running_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

from paths import REPO as ROOT
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEED = Path("/work/shared/seed/article.txt")
if not SEED.exists():
    SEED = ROOT / "src/newsgraph/sample/seed-article.txt"


def _unavailable(reason: str):
    if os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") == "1":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        done = subprocess.run([str(ROOT / "scripts/ensure-chromium.sh")], capture_output=True, text=True)
        if done.returncode != 0 or not Path(CHROMIUM).exists():
            _unavailable(f"no {CHROMIUM} and scripts/ensure-chromium.sh could not install it: {done.stderr.strip()}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _unavailable(f"playwright is not installed: {exc}")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": 1400, "height": 1000})
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    page.close()


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("seed") / "seed.db")
    subprocess.run([sys.executable, "-m", "newsgraph", "ingest", str(SEED), "--published", "2025-04-02", "--db", db,
                    "-q"], check=True, env={**os.environ, "NEWSGRAPH_DB": ""})
    with running_server(db, log=Path(db).with_suffix(".log")) as base:
        yield base


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_web_browser_reader_highlights_a_speakers_quotes(page, seed_server):
    page.goto(seed_server + "/")
    _shot(page, "overview")
    page.click("ul.articles a")
    page.wait_for_selector("#text .q")
    _shot(page, "article")
    page.click("button.speaker:has-text('Yuri Knutov')")
    spk = page.get_attribute("button.speaker:has-text('Yuri Knutov')", "data-spk")
    assert page.get_attribute("button.speaker:has-text('Yuri Knutov')", "aria-pressed") == "true"
    highlighted = page.eval_on_selector_all("#text .q.hl", "els => els.map(e => e.dataset.spk)")
    assert highlighted and set(highlighted) == {spk}
    assert page.eval_on_selector_all("#text .q.dim", "els => els.length") > 0
    listed = page.eval_on_selector_all("#quote-list li:not([hidden])", "els => els.map(e => e.innerText)")
    assert listed and all(t.startswith("Yuri Knutov") for t in listed)
    _shot(page, "article-knutov")
    page.click("button.speaker:has-text('Yuri Knutov')")  # again: clears the filter
    assert page.eval_on_selector_all("#text .q.hl", "els => els.length") == 0
    assert not page.errors


def test_web_browser_pages_render(page, seed_server):
    page.goto(seed_server + "/entities/Yuri%20Knutov")
    assert page.inner_text("h1").startswith("Yuri Knutov")
    _shot(page, "entity")
    page.goto(seed_server + "/entities/Volodymyr%20Zelensky")
    assert page.locator("figure.timeline circle").count() > 0
    _shot(page, "entity-zelensky")
    page.goto(seed_server + "/events")
    assert page.locator("#results > li").count() > 0
    _shot(page, "events")
    page.goto(seed_server + "/search?q=air+defense")
    assert page.locator("#hits mark").count() > 0
    _shot(page, "search")
    page.click("#hits li a >> nth=0")
    page.wait_for_selector("#span")
    assert page.inner_text("#span")
    _shot(page, "article-span")
    assert not page.errors


def test_web_browser_network_draws_nodes(page, seed_server):
    page.goto(seed_server + "/network")
    page.wait_for_function("window.__networkReady !== undefined", timeout=15000)
    assert page.evaluate("window.__networkReady") > 1
    assert page.locator("#cy canvas").count() > 0
    page.wait_for_timeout(500)
    _shot(page, "network")
    assert not page.errors


def test_web_browser_docs_work_offline(page, seed_server):
    # Every request the pages make stays on this server: no CDN, so it works offline.
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    for path in ("/docs", "/network", "/"):
        page.goto(seed_server + path)
        if path == "/docs":
            page.wait_for_selector(".opblock", timeout=15000)
            assert page.locator(".opblock").count() >= 8  # the API's operations are listed
            _shot(page, "docs")
    assert requested and all(url.startswith(seed_server) for url in requested), requested
    assert not page.errors


def test_web_browser_runs_no_injected_script(page, tmp_path):
    db = str(tmp_path / "xss.db")
    ids = build_xss(f"sqlite:///{db}")
    with running_server(db) as base:
        for path in ("/", "/articles", f"/articles/{ids['article']}", f"/entities/{ids['evil']}",
                     f"/entities/{ids['target']}", "/events", "/network", "/search?q=Quote"):
            page.goto(base + path)
            page.wait_for_load_state("load")
            if path == f"/articles/{ids['article']}":
                page.click("button.speaker")  # the reader script handles the names too
                _shot(page, "xss-article")
                page.click("a.ment >> nth=0")  # an entity link with a payload in its name
                page.wait_for_load_state("load")
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            assert page.locator("img[src=x]").count() == 0, path
        page.goto(base + "/network")
        page.wait_for_function("window.__networkReady !== undefined", timeout=15000)
        assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
