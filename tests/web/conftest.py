"""A live API server on a free loopback port, over a temporary database of example documents, and
headless Chromium to look at its pages.

Besides `example_documents()` (two reports of one strike, a claimed drone attack, a protest, XSS
bait), the database holds what the map page must show well: three events at one spot (a cluster
that never splits), tolls from 1 to 16, a threat, a report misplaced in the Atlantic, an event in
a later week and a tally in another country.
"""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from store_factories import example_documents, make_document, make_tally  # noqa: E402

from sitrep.records import Document  # noqa: E402
from sitrep.store import Store  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"

IED = dict(
    sub_event_type="Remote explosive/landmine/IED",
    plover_mode="explosive",
    actor1="Islamic State (Iraq)",
    actor2="Civilians (Iraq)",
    inter1=2,
    inter2=7,
    place="Karrada",
)


def page_documents() -> list[Document]:
    """The map page's own cases (see the module docstring), written for the project."""
    documents = []
    for day, killed in ((5, 1), (6, 16), (7, 3)):
        text = f"A roadside bomb exploded in Karrada on {day} December, killing {killed} people."
        fields = dict(IED, event_date=f"2023-12-{day:02d}", fatalities=killed)
        fields["fatalities_qualifier"] = "exact"
        documents.append(
            make_document(text, [(text[:-1], fields)], outlet="Baghdad Today", title=f"Bomb {day}")
        )
    threat = "The militia threatened to strike US bases in Hasakah, its spokesman said."
    documents.append(
        make_document(
            threat,
            [
                (
                    "The militia threatened to strike US bases in Hasakah",
                    dict(
                        event_type=None,
                        sub_event_type=None,
                        acled_codable=False,
                        plover="THREATEN",
                        modality="threatened",
                        actor1="Kata'ib Hezbollah",
                        place="Al Hasakeh",
                    ),
                )
            ],
            outlet="Levant Daily",
            title="Militia threat",
        )
    )
    misplaced = "Clashes were reported near Deir ez-Zor on 6 December."
    documents.append(
        make_document(
            misplaced,
            [
                (
                    misplaced[:-1],
                    dict(
                        event_date="2023-12-06",
                        event_type="Battles",
                        sub_event_type="Armed clash",
                        latitude=30.0,
                        longitude=-40.0,  # a geocoding slip: the middle of the Atlantic
                    ),
                )
            ],
            outlet="Test Wire",
            title="Clashes",
        )
    )
    later = "Hundreds protested in Baghdad on 20 December against the strikes."
    documents.append(
        make_document(
            later,
            [
                (
                    "Hundreds protested in Baghdad on 20 December",
                    dict(
                        event_date="2023-12-20",
                        event_type="Protests",
                        sub_event_type="Peaceful protest",
                        disorder_type="Demonstrations",
                        plover="PROTEST",
                        actor1="Protesters (Iraq)",
                        actor2=None,
                        place="Baghdad",
                    ),
                )
            ],
            outlet="Baghdad Today",
            title="Protest",
            published=date(2023, 12, 20),
        )
    )
    count = "Officials said there were at least 12 attacks on US forces in Iraq since 17 October."
    documents.append(
        make_document(
            count,
            outlet="Gulf Monitor",
            title="Attacks in Iraq",
            published=date(2023, 12, 20),
            tallies=(
                make_tally(
                    count,
                    "at least 12 attacks on US forces in Iraq since 17 October",
                    tally_id="t-iraq",
                    count=12,
                    count_qualifier="at least",
                    counted="attacks on US forces",
                    period_start="2023-10-17",
                    period_end="2023-12-20",
                    country="Iraq",
                    injuries=None,
                    injuries_qualifier="unknown",
                ),
            ),
        )
    )
    return documents


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    with Store(db) as store:
        for document in [*example_documents(), *page_documents()]:
            store.add(document)
    return db


@pytest.fixture(scope="module")
def live_server(web_db: str) -> Iterator[str]:
    import uvicorn

    from sitrep.api import create_app

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the API server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    playwright_sync = pytest.importorskip(
        "playwright.sync_api", reason="pip install playwright (the browser itself comes from apt)"
    )
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium missing: apt-get install -y chromium (or `make browser`)")
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


class PageWatch:
    """A page with what it asked for and what went wrong, checked when the test ends."""

    def __init__(self, page: object, base: str):
        self.page, self.base = page, base
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))  # type: ignore[attr-defined]
        page.on(  # type: ignore[attr-defined]
            "console",
            lambda m: self.errors.append(m.text) if m.type == "error" else None,
        )
        page.on("request", lambda r: self.requests.append(r.url))  # type: ignore[attr-defined]

    def check(self) -> None:
        assert self.errors == [], f"JavaScript or policy errors: {self.errors}"
        # Offline: nothing but our own server is ever asked for anything.
        outside = [u for u in self.requests if not u.startswith((self.base, "blob:", "data:"))]
        assert outside == [], outside


@pytest.fixture
def open_page(browser, live_server: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """`open_page(path, width=…)` → a loaded page; errors and outside requests fail the test."""
    contexts = []
    watches: list[PageWatch] = []

    def opener(path: str = "/", width: int = 1400, height: int = 1000, ready: bool = True):  # type: ignore[no-untyped-def]
        context = browser.new_context(
            viewport={"width": width, "height": height}, accept_downloads=True
        )
        contexts.append(context)
        page = context.new_page()
        watches.append(PageWatch(page, live_server))
        page.goto(live_server + path)
        if ready:
            page.wait_for_selector("body[data-ready=true]", timeout=30_000)
        return page

    yield opener
    for watch in watches:
        watch.check()
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):  # type: ignore[no-untyped-def]
    return open_page("/")
