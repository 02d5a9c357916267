"""The web view in real headless Chromium: base layers, fitting, clusters, marker size and
modality, the timeline, the tallies, downloads, evidence highlighting, and no XSS.

Needs Debian's `chromium` (`make browser`) and the `playwright` Python package (never
`playwright install`: the system browser is used). Every test also fails on a JavaScript or
content-security-policy error and on any request to another server (see conftest.py).
"""

from __future__ import annotations

import csv
import io
import json
import urllib.request
from pathlib import Path

from store_factories import XSS_IMG, XSS_SCRIPT, example_documents

OUTPUT = Path(__file__).resolve().parents[2] / "test-output"

ALL_EVENTS = 10  # 4 from example_documents (two reports of one strike merged) + 6 page cases
VISIBLE_EVENTS = """() => {
  const box = document.getElementById("map").getBoundingClientRect();
  const inside = (node) => {
    const r = node.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  };
  let n = 0;
  for (const c of document.querySelectorAll(".event-cluster")) if (inside(c)) n += +c.textContent;
  for (const m of document.querySelectorAll("path.event-marker")) if (inside(m)) n += 1;
  return n;
}"""


def _event_id(location_text: str) -> str:
    for document in example_documents():
        for event in document.events:
            if event.evidence and location_text in event.evidence[0].text:
                return event.event_id
    raise LookupError(location_text)


def _settle(page) -> None:  # type: ignore[no-untyped-def]
    """Let Leaflet finish zooming and the clusters their animation."""
    page.wait_for_timeout(400)
    page.wait_for_function(
        "() => !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim')",
        timeout=10_000,
    )
    page.wait_for_timeout(400)


def _row(page, text: str):  # type: ignore[no-untyped-def]
    return page.locator("#events-table tbody tr", has_text=text)


def test_offline_base_layers_admin1_and_places(page) -> None:  # type: ignore[no-untyped-def]
    _settle(page)
    map_node = page.locator("#map")
    # Natural Earth's first-level areas and GeoNames' towns, from the package.
    assert int(map_node.get_attribute("data-admin1-areas")) > 4000
    assert int(map_node.get_attribute("data-places")) > 30000
    assert page.locator(".leaflet-countries-pane canvas").count() == 1
    assert page.locator(".leaflet-admin1-pane canvas").count() == 1
    labels = page.locator(".place-label").all_inner_texts()
    assert "Baghdad" in labels and len(labels) > 10, labels
    # Zoomed in on an event, province names and smaller towns appear.
    _row(page, "Al Mayadin").first.click()
    _settle(page)
    areas = [t.strip().lower() for t in page.locator(".admin1-label").all_inner_texts()]
    assert any("deir" in a or "dayr" in a for a in areas), areas
    towns = page.locator(".place-label").all_inner_texts()
    assert "Deir ez-Zor" in towns and "Al Mayadin" not in labels, towns


def test_map_fits_the_densest_region_with_a_button_for_all(page) -> None:  # type: ignore[no-untyped-def]
    # One report geocoded to the middle of the Atlantic does not drag the view out to sea.
    assert page.locator("#map").get_attribute("data-fit") == "dense"
    _settle(page)  # mid-animation, a cluster and the markers it is gathering are both drawn
    assert page.evaluate(VISIBLE_EVENTS) == ALL_EVENTS - 1
    page.locator("#fit-all").click()
    _settle(page)
    assert page.evaluate(VISIBLE_EVENTS) == ALL_EVENTS
    page.locator("#fit-dense").click()
    _settle(page)
    assert page.evaluate(VISIBLE_EVENTS) == ALL_EVENTS - 1
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "web-map.png"))


def test_co_located_events_cluster_with_counts(page) -> None:  # type: ignore[no-untyped-def]
    _settle(page)  # the first fit's animation would undo a row's zoom
    counts = [int(c) for c in page.locator(".event-cluster").all_inner_texts()]
    assert counts and max(counts) >= 3, counts  # three bombs at one spot at least
    # At the closest zoom the cluster still holds them; a click fans them out, one per event.
    page.locator("#events-table tbody tr", has_text="Karrada").first.click()
    _settle(page)
    karrada = page.locator("path.event-marker[data-fatalities]")
    assert karrada.count() >= 3


def test_marker_size_follows_fatalities_and_shape_shows_modality(page) -> None:  # type: ignore[no-untyped-def]
    _settle(page)  # the first fit's animation would undo a row's zoom
    page.locator("#events-table tbody tr", has_text="Karrada").first.click()
    _settle(page)

    def width(killed: int) -> float:
        box = page.locator(f'path.event-marker[data-fatalities="{killed}"]').bounding_box()
        assert box is not None, killed
        return float(box["width"])

    assert width(16) > 1.7 * width(1)
    assert width(1) < width(3) < width(16)
    occurred = page.locator('path.event-marker[data-fatalities="16"]')
    assert occurred.get_attribute("stroke-dasharray") is None
    # A claim has a dashed ring; a threat is a hollow ring in its type's colour.
    _row(page, "Erbil").click()
    _settle(page)
    claimed = page.locator('path.event-marker[data-modality="claimed"]')
    assert "modality-claimed" in claimed.get_attribute("class")
    assert claimed.get_attribute("stroke-dasharray") == "4 3"
    _row(page, "THREATEN").click()
    _settle(page)
    threat = page.locator('path.event-marker[data-modality="threatened"]')
    assert float(threat.get_attribute("fill-opacity")) < 0.2
    legend = page.locator("#legend").inner_text()
    assert "claimed" in legend and "threatened or planned" in legend and "fatalities" in legend


def test_timeline_has_an_axis_stacked_types_and_date_inputs(page) -> None:  # type: ignore[no-untyped-def]
    svg = page.locator("#timeline-svg")
    ticks = svg.locator(".axis text.tick").evaluate_all("ts => ts.map(t => t.textContent)")
    assert len(ticks) >= 4 and any("Dec" in t for t in ticks), ticks
    # 9 December holds a strike, a protest and a threat: three types stacked in one column.
    bars = svg.locator('rect.bar[data-bin="2023-12-09"]')
    types = bars.evaluate_all("rs => rs.map(r => r.getAttribute('data-type'))")
    assert len(set(types)) == 3, types
    boxes = sorted(
        bars.evaluate_all("rs => rs.map(r => [+r.getAttribute('y'), +r.getAttribute('height')])")
    )
    for (y, h), (y_next, _) in zip(boxes, boxes[1:], strict=False):
        assert abs(y + h - y_next) < 0.01  # each sits on the one below
    # Date inputs and the brush are the same filter.
    page.fill("#f-since", "2023-12-08")
    page.fill("#f-until", "2023-12-09")
    page.dispatch_event("#f-until", "change")
    dates = page.locator("#events-table tbody td.date").all_inner_texts()
    assert dates and set(dates) <= {"2023-12-08", "2023-12-09"}
    assert "since 2023-12-08, until 2023-12-09" in page.locator("#status").inner_text()
    page.locator("#clear-brush").click()
    assert page.locator("#events-table tbody tr").count() == ALL_EVENTS
    box = svg.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.85, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    page.mouse.up()
    since, until = page.input_value("#f-since"), page.input_value("#f-until")
    assert since and until and since <= until
    assert page.locator("#events-table tbody tr").count() < ALL_EVENTS


def test_tallies_view_says_who_counts_what_since_when(page) -> None:  # type: ignore[no-untyped-def]
    page.locator("#tab-tallies").click()
    page.wait_for_function(
        "() => document.querySelector('#tab-tallies').textContent === 'Tallies (2)'"
    )
    tally = page.locator(".tally", has_text="85")

    def shown(name: str) -> str:
        return str(tally.locator(f"dt:text-is('{name}') + dd").inner_text())

    assert tally.locator(".headline").inner_text() == "about 85 attacks on US bases"
    assert (shown("Since"), shown("Until")) == ("2023-10-18", "2023-12-09")
    assert shown("Counted by") == "Islamic Resistance in Iraq"
    assert shown("Who").startswith("Islamic Resistance in Iraq vs")
    quote = tally.locator("blockquote").inner_text()
    assert quote == "about 85 attacks on US bases since 18 October"
    tally.click()
    mark = page.locator("#evidence mark.evidence")
    assert mark.inner_text() == "about 85 attacks on US bases since 18 October"
    assert page.locator("#evidence").get_attribute("data-tally-id")


def test_filter_one_country_and_week_read_tallies_and_download(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    """The issue's end-to-end check: filter to one country and week, read the tallies, download."""
    page.fill("#f-country", "Syria")
    page.locator("#filters button[type=submit]").click()
    page.wait_for_function(
        "() => document.querySelector('#status').textContent === '4 of 4 events'"
    )
    page.fill("#f-since", "2023-12-04")
    page.fill("#f-until", "2023-12-10")
    page.dispatch_event("#f-until", "change")
    rows = page.locator("#events-table tbody tr")
    locations = sorted(rows.evaluate_all("rs => rs.map(r => r.children[5].textContent)"))
    assert locations == ["Al Hasakeh", "Al Mayadin", "Deir ez Zor", "Deir ez Zor"]
    page.locator("#tab-tallies").click()
    page.wait_for_function(
        "() => document.querySelector('#tab-tallies').textContent === 'Tallies (1)'"
    )
    assert "85" in page.locator("#tallies .tally").inner_text()
    for fmt in ("csv", "geojson"):
        with page.expect_download() as info:
            page.locator(f"#download-{fmt}").click()
        download = info.value
        assert download.suggested_filename == f"sitrep-events-Syria-2023-12-04-2023-12-10.{fmt}"
        with open(download.path(), encoding="utf-8", newline="") as fh:
            body = fh.read()
        query = "country=Syria&since=2023-12-04&until=2023-12-10"
        with urllib.request.urlopen(f"{live_server}/events/export?format={fmt}&{query}") as r:
            assert body == r.read().decode("utf-8")  # what `sitrep export` writes (API tests)
        if fmt == "csv":
            downloaded = sorted(r["location"] for r in csv.DictReader(io.StringIO(body)))
        else:
            downloaded = sorted(f["properties"]["location"] for f in json.loads(body)["features"])
        assert downloaded == locations
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "web-country-week.png"))


def test_table_dates_do_not_wrap(open_page) -> None:  # type: ignore[no-untyped-def]
    page = open_page("/", width=700)
    lines = page.locator("#events-table tbody td.date").evaluate_all(
        """cells => cells.map(c => {
            const range = document.createRange();
            range.selectNodeContents(c);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
        })"""
    )
    assert lines and set(lines) == {1}, lines


def test_click_row_shows_highlighted_evidence_from_every_document(page) -> None:  # type: ignore[no-untyped-def]
    _settle(page)  # the first fit's animation would undo a row's zoom
    strike = _event_id("Deir ez-Zor")
    page.locator(f'#events-table tr[data-event-id="{strike}"]').click()
    page.wait_for_selector(f'#evidence[data-event-id="{strike}"] mark.evidence')
    marks = page.locator("#evidence mark.evidence").all_inner_texts()
    wire, regional, *_ = example_documents()
    assert marks == [wire.events[0].evidence[0].text, regional.events[0].evidence[0].text]
    panel = page.locator("#evidence").inner_text()
    assert "Test Wire" in panel and "Levant Daily" in panel
    assert "US official (official)" in panel and "local sources (anonymous)" in panel
    # The marker of the event is shown and can be clicked too.
    _settle(page)
    marker = page.locator(f'path.event-marker[data-event-id="{strike}"]')
    marker.click()
    page.wait_for_selector(f'#evidence[data-event-id="{strike}"] mark.evidence')
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "web-evidence.png"), full_page=True)


def test_script_and_img_payloads_stay_text(page) -> None:  # type: ignore[no-untyped-def]
    _settle(page)  # the first fit's animation would undo a row's zoom
    bait = _event_id("Al Mayadin")
    page.locator(f'#events-table tr[data-event-id="{bait}"]').click()
    page.wait_for_selector(f'#evidence[data-event-id="{bait}"] mark.evidence')
    _settle(page)
    marker = page.locator(f'path.event-marker[data-event-id="{bait}"]')
    marker.hover()
    marker.click()
    page.wait_for_selector(f'#evidence[data-event-id="{bait}"] mark.evidence')
    assert page.evaluate("typeof window.__xss") == "undefined"
    # The payloads are shown as the text they are, in the article, title, actors and sources…
    panel = page.locator("#evidence").inner_text()
    for payload in (XSS_SCRIPT, XSS_IMG):
        assert payload in panel
    assert XSS_IMG in page.locator("#evidence mark.evidence").inner_text()
    assert XSS_SCRIPT in page.locator(f'#events-table tr[data-event-id="{bait}"]').inner_text()
    assert XSS_SCRIPT in page.locator(".leaflet-tooltip").inner_text()
    # …and never became elements.
    assert page.locator("#evidence img, #events-table img, .leaflet-tooltip img").count() == 0
    assert (
        page.evaluate("[...document.scripts].filter(s => s.textContent.includes('__xss')).length")
        == 0
    )
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "web-xss.png"), full_page=True)


def test_api_docs_pages_work_offline_under_the_policy(open_page) -> None:  # type: ignore[no-untyped-def]
    swagger = open_page("/docs", ready=False)
    swagger.wait_for_selector(".opblock-summary-path", timeout=30_000)
    paths = swagger.locator(".opblock-summary-path").all_inner_texts()
    assert "/events" in paths and "/events/export" in paths
    redoc = open_page("/redoc", ready=False)
    redoc.wait_for_selector("h1", timeout=30_000)
    assert "sitrep" in redoc.locator("h1").first.inner_text()
    redoc.locator("text='/events/export'").first.wait_for(timeout=30_000)
