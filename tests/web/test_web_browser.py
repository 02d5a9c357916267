"""The web view in real headless Chromium: markers, brushing, evidence highlighting, and no XSS.

Needs Debian's `chromium` (`apt-get install -y chromium`) and the `playwright` Python package
(never `playwright install`: the system browser is used).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_factories import XSS_IMG, XSS_SCRIPT, example_documents

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"

playwright_sync = pytest.importorskip(
    "playwright.sync_api", reason="pip install playwright (the browser itself comes from apt)"
)
if not Path(CHROMIUM).exists():
    pytest.skip("Chromium missing: apt-get install -y chromium", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)
    yield page
    assert errors == [], f"JavaScript errors: {errors}"
    # Offline: nothing but our own server is ever asked for anything.
    assert all(url.startswith(live_server) for url in requests), requests
    context.close()


def _event_id(location_text: str) -> str:
    for document in example_documents():
        for event in document.events:
            if event.evidence and location_text in event.evidence[0].text:
                return event.event_id
    raise LookupError(location_text)


def test_markers_basemap_and_table(page) -> None:  # type: ignore[no-untyped-def]
    assert page.locator("path.event-marker").count() == 4
    assert page.locator("#events-table tbody tr").count() == 4
    # The offline basemap: country outlines drawn from the vendored topojson.
    assert page.locator(".leaflet-overlay-pane path:not(.event-marker)").count() > 100
    assert "4 of 4 events" in page.locator("#status").inner_text()


def test_click_marker_shows_highlighted_evidence_from_every_document(page) -> None:  # type: ignore[no-untyped-def]
    strike = _event_id("Deir ez-Zor")
    page.locator(f'path.event-marker[data-event-id="{strike}"]').click()
    page.wait_for_selector(f'#evidence[data-event-id="{strike}"] mark.evidence')
    marks = page.locator("#evidence mark.evidence").all_inner_texts()
    wire, regional, *_ = example_documents()
    assert marks == [wire.events[0].evidence[0].text, regional.events[0].evidence[0].text]
    panel = page.locator("#evidence").inner_text()
    assert "Test Wire" in panel and "Levant Daily" in panel
    assert "US official (official)" in panel and "local sources (anonymous)" in panel
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "web-evidence.png"), full_page=True)


def test_brushing_the_timeline_filters_map_and_table(page) -> None:  # type: ignore[no-untyped-def]
    box = page.locator("#timeline-svg").bounding_box()
    pad = 20
    width = box["width"] - 2 * pad

    def x(fraction: float) -> float:
        return box["x"] + pad + fraction * width

    # The axis runs from the day before the first event (8 Dec) to two days after the last
    # (9 Dec): 7–11 December. Drag across 9 December only.
    y = box["y"] + box["height"] / 2
    page.mouse.move(x(0.52), y)
    page.mouse.down()
    page.mouse.move(x(0.70), y, steps=5)
    page.mouse.up()
    assert page.locator("path.event-marker").count() == 2
    dates = page.locator("#events-table tbody tr td:first-child").all_inner_texts()
    assert dates == ["2023-12-09", "2023-12-09"]
    page.locator("#clear-brush").click()
    assert page.locator("path.event-marker").count() == 4


def test_script_and_img_payloads_stay_text(page) -> None:  # type: ignore[no-untyped-def]
    bait = _event_id("Al Mayadin")
    marker = page.locator(f'path.event-marker[data-event-id="{bait}"]')
    marker.hover()
    marker.click()
    page.wait_for_selector(f'#evidence[data-event-id="{bait}"] mark.evidence')
    page.locator(f'#events-table tr[data-event-id="{bait}"]').click()
    page.wait_for_selector(f'#evidence[data-event-id="{bait}"] mark.evidence')
    assert page.evaluate("typeof window.__xss") == "undefined"
    # The payloads are shown as the text they are, in the article, title, actors and sources…
    panel = page.locator("#evidence").inner_text()
    for payload in (XSS_SCRIPT, XSS_IMG):
        assert payload in panel
    assert XSS_IMG in page.locator("#evidence mark.evidence").inner_text()
    assert XSS_SCRIPT in page.locator(f'#events-table tr[data-event-id="{bait}"]').inner_text()
    # …and never became elements.
    assert page.locator("#evidence img, #events-table img, .leaflet-tooltip img").count() == 0
    assert (
        page.evaluate("[...document.scripts].filter(s => s.textContent.includes('__xss')).length")
        == 0
    )
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "web-xss.png"), full_page=True)
