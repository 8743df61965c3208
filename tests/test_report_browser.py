"""The reader page in a real browser: Debian's Chromium driven by Selenium (one session here).

Clicking a node scrolls the article to its quote and marks it; clicking a highlight selects the
proposition it anchors; the selection lives in the URL fragment; search and filters work; a page
built from a hostile map runs none of its text; and no page asks the network for anything.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from report_fixtures import SEED_MAP, write_hostile_map
from strategies import valid_maps

from argmap.commands.report import ReportSettings, run_report
from argmap.model import load_map

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# .ci/run installs Chromium and sets ARGMAP_CI: there, its absence fails instead of skipping.
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()) and not os.environ.get("ARGMAP_CI"):
    pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver; .ci/run "
                "does)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed "
                                "(pip install '.[test]')")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
         "--window-size=1600,1000")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reader")
    (folder / ".git").mkdir()  # the hostile map's source text is inside this "repository"
    hostile = write_hostile_map(folder)
    targets = {"seed": folder / "seed.html", "hostile": folder / "hostile.html"}
    for map_path, target in ((SEED_MAP, targets["seed"]), (hostile, targets["hostile"])):
        code = run_report(ReportSettings([map_path], output=target, quiet=True),
                          io.StringIO(), io.StringIO())
        assert code == 0
    return targets


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    profile = tempfile.mkdtemp(prefix="argmap-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: WebDriver, page: Path, fragment: str = "") -> None:
    driver.get("about:blank")
    driver.get_log("performance")  # forget what came before this page
    driver.get(page.as_uri() + fragment)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready") == "true")


def js(driver: WebDriver, script: str, *args: Any) -> Any:
    return driver.execute_script(script, *args)


def in_view(driver: WebDriver, element: Any, pane: str) -> bool:
    return bool(js(driver, """
        const r = arguments[0].getBoundingClientRect();
        const p = document.getElementById(arguments[1]).getBoundingClientRect();
        return r.top >= p.top && r.bottom <= p.bottom && r.height > 0;""", element, pane))


def test_clicking_a_node_scrolls_the_article_to_its_quote_and_marks_it(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    loaded = load_map(SEED_MAP)
    # the last key judgment's quote is far down the article, out of view when the page opens
    judgment = next(p for p in reversed(loaded.model.propositions)
                    if p.kind == "author_judgment" and p.quotes)
    quote = judgment.quotes[0]
    open_page(browser, pages["seed"])
    mark = browser.find_element(By.CSS_SELECTOR, f'mark.q[data-q~="{quote}"]')
    assert not in_view(browser, mark, "Article")
    browser.find_element(By.ID, "Fit").click()  # the whole drawing, too small to read
    node = browser.find_element(By.CSS_SELECTOR, f'svg [data-el="{judgment.id}"]')
    node.click()
    assert "sel" in node.get_attribute("class")
    assert "sel" in mark.get_attribute("class")
    assert in_view(browser, mark, "Article")
    assert browser.current_url.endswith(f"#{judgment.id}")
    panel = browser.find_element(By.ID, "Panel").text
    assert judgment.text in panel and "AUTHOR JUDGMENT" in panel.upper()
    # its basis is outlined in the map, down to the quotes of the premises
    basis = js(browser, "return Array.from(document.querySelectorAll('svg g.basis'))"
                        ".map(g => g.dataset.el)")
    premises = {p for i in loaded.model.inferences if i.conclusion == judgment.id
                for p in i.premises}
    assert premises <= set(basis)


def test_clicking_a_highlight_selects_the_proposition_it_anchors(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    loaded = load_map(SEED_MAP)
    anchors: dict[str, list[str]] = {}
    for proposition in loaded.model.propositions:
        for quote_id in proposition.quotes:
            anchors.setdefault(quote_id, []).append(proposition.id)
    open_page(browser, pages["seed"])
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.q")
    mark = next(m for m in marks if len(anchors.get(m.get_attribute("data-q"), ())) == 1)
    quote_id = mark.get_attribute("data-q")
    target = anchors[quote_id][0]
    mark.click()
    node = browser.find_element(By.CSS_SELECTOR, f'svg [data-el="{target}"]')
    assert "sel" in node.get_attribute("class")
    assert browser.current_url.endswith(f"#{target}")
    assert in_view(browser, node, "Viewport")  # the map centred on it


def test_the_fragment_selects_on_load_and_back_goes_to_the_previous_selection(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    loaded = load_map(SEED_MAP)
    first, second = loaded.model.propositions[0].id, loaded.model.propositions[1].id
    open_page(browser, pages["seed"], f"#{first}")
    assert "sel" in browser.find_element(
        By.CSS_SELECTOR, f'svg [data-el="{first}"]').get_attribute("class")
    js(browser, "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', "
                "{bubbles: true}))", f'svg [data-el="{second}"]')
    assert browser.current_url.endswith(f"#{second}")
    browser.back()
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith(f"#{first}"))
    assert "sel" in browser.find_element(
        By.CSS_SELECTOR, f'svg [data-el="{first}"]').get_attribute("class")
    open_page(browser, pages["seed"], "#no-such-element")
    assert not browser.find_elements(By.CSS_SELECTOR, "svg .sel")


def test_search_finds_elements_and_words_of_the_article(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    open_page(browser, pages["seed"])
    box = browser.find_element(By.ID, "Search")
    box.send_keys("Kadhimi")
    results = browser.find_element(By.ID, "Results")
    assert results.is_displayed()
    count = results.find_element(By.CSS_SELECTOR, "li.count").text
    assert " in the map, " in count and not count.startswith("0 ")
    assert browser.find_elements(By.CSS_SELECTOR, "#Article mark.hit")
    first = results.find_element(By.CSS_SELECTOR, "button[data-ref]")
    wanted = first.get_attribute("data-ref")
    first.click()
    assert browser.current_url.endswith(f"#{wanted}")


def test_unticking_a_kind_fades_its_nodes_and_unmarks_its_passages(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    open_page(browser, pages["seed"])
    browser.find_element(By.CSS_SELECTOR, '#Filters input[data-look="fact"]').click()
    faded = js(browser, "return document.querySelectorAll('svg g.off').length")
    facts = js(browser, "return document.querySelectorAll('#Article mark.k-fact').length")
    off = js(browser, "return document.querySelectorAll('#Article mark.k-fact.off').length")
    assert faded > 0 and facts > 0 and off == facts
    assert not js(browser, "return document.querySelectorAll('#Article mark.k-claim.off').length")


def test_a_hostile_map_runs_none_of_its_text(browser: WebDriver,
                                             pages: dict[str, Path]) -> None:
    open_page(browser, pages["hostile"], "#p-idle")
    for element in browser.find_elements(By.CSS_SELECTOR, "mark.q, svg [data-el]"):
        js(browser, "for (const t of ['mouseover', 'click']) arguments[0].dispatchEvent("
                    "new MouseEvent(t, {bubbles: true}))", element)
    js(browser, "document.getElementById('Search').value = 'script';"
                "document.getElementById('Search').dispatchEvent(new Event('input'))")
    assert js(browser, "return typeof window.__pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert "<script>window.__pwned=1</script>" in browser.find_element(By.ID, "Article").text
    assert browser.title.startswith("</script>")
    panel = browser.find_element(By.ID, "Panel").text
    assert 'onerror="window.__pwned=1"' in panel  # shown as text, verbatim
    open_page(browser, pages["hostile"], "#q-closed")
    links = browser.find_elements(By.CSS_SELECTOR, "#Panel a")
    assert [link.get_attribute("protocol") for link in links] == ["https:"]
    assert links[0].get_attribute("rel") == "noopener noreferrer"
    assert js(browser, "return typeof window.__pwned") == "undefined"


@pytest.mark.parametrize("name", ["seed", "hostile"])
def test_a_page_asks_the_network_for_nothing(browser: WebDriver, pages: dict[str, Path],
                                             name: str) -> None:
    open_page(browser, pages[name])
    browser.find_element(By.CSS_SELECTOR, "mark.q").click()
    browser.find_element(By.ID, "Search").send_keys("harbour")
    requested = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    assert requested == [pages[name].as_uri()]


def test_the_overview_shows_first_and_a_fact_brings_up_the_full_map(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    loaded = load_map(SEED_MAP)
    fact = next(p.id for p in loaded.model.propositions if p.kind == "reported_fact")
    shown = "return document.querySelector('svg.diagram:not([hidden])').dataset.view"
    open_page(browser, pages["seed"])
    assert js(browser, shown) == "overview"
    assert not js(browser, "return document.querySelectorAll("
                           "'svg[data-view=overview] [data-el=\"' + arguments[0] + '\"]').length",
                  fact)
    browser.find_element(By.CSS_SELECTOR, '[data-view-button="full"]').click()
    assert js(browser, shown) == "full"
    browser.find_element(By.CSS_SELECTOR, '[data-view-button="overview"]').click()
    assert js(browser, shown) == "overview"
    js(browser, "location.hash = arguments[0]", fact)
    WebDriverWait(browser, 5).until(lambda d: js(d, shown) == "full")
    node = browser.find_element(By.CSS_SELECTOR, f'svg[data-view="full"] [data-el="{fact}"]')
    assert "sel" in node.get_attribute("class") and in_view(browser, node, "Viewport")


@settings(max_examples=4, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(valid_maps())
def test_pages_of_maps_never_seen_work_node_by_node(browser: WebDriver, tmp_path: Path,
                                                     drawn: tuple[dict[str, Any], str]) -> None:
    data, source_text = drawn
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    (folder / ".git").mkdir()
    (folder / "source.txt").write_text(source_text, encoding="utf-8")
    map_path = folder / "random.yaml"
    map_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code = run_report(ReportSettings([map_path], quiet=True), io.StringIO(), io.StringIO())
    assert code == 0
    open_page(browser, map_path.with_suffix(".html"))
    browser.get_log("browser")
    for element in js(browser, "return Array.from(new Set(Array.from(document.querySelectorAll("
                               "'svg [data-el]')).map(g => g.dataset.el)))"):
        js(browser, "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click',"
                    " {bubbles: true}))", f'svg [data-el="{element}"]')
        assert browser.current_url.endswith(f"#{element}")
        assert element in browser.find_element(By.ID, "Panel").text
    for mark in browser.find_elements(By.CSS_SELECTOR, "mark.q"):
        js(browser, "arguments[0].click()", mark)
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors
    assert js(browser, "return typeof window.__pwned") == "undefined"


def test_the_keyboard_selects_a_key_judgment(browser: WebDriver,
                                             pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(browser, pages["seed"])
    row = browser.find_element(By.CSS_SELECTOR, "#KeyList tr[data-ref]")
    wanted = row.get_attribute("data-ref")
    js(browser, "arguments[0].focus()", row)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert browser.current_url.endswith(f"#{wanted}")
    assert "sel" in row.get_attribute("class")


# ---- every reader: legible on open, keyboard, small screens, print, WCAG 2.2 AA -------------

SIZES = {"large": (1920, 1080), "medium": (1366, 768), "small": (800, 1000)}
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LONG_URL = "https://example.org/" + "kessara-port-outage-three-suspects-" * 11 + "end"
THESIS = "j-visit-control-deal"  # the seed map's key judgment with the most argument beneath it


@pytest.fixture(scope="module")
def unseen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page of a map of an article written for the tests (not the seed map the page was
    made on), its source given an address long enough to overflow a narrow pane unless it wraps."""
    folder = tmp_path_factory.mktemp("unseen")
    (folder / ".git").mkdir()
    article = ROOT / "tests" / "articles" / "port-intrusion"
    data = yaml.safe_load((article / "port-intrusion.yaml").read_text(encoding="utf-8"))
    data["sources"][0]["url"] = LONG_URL
    shutil.copy(article / "port-intrusion.txt", folder)
    map_path = folder / "unseen.yaml"
    map_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code = run_report(ReportSettings([map_path], quiet=True), io.StringIO(), io.StringIO())
    assert code == 0
    return map_path.with_suffix(".html")


@contextmanager
def window(driver: WebDriver, size: str) -> Iterator[None]:
    """The page's viewport exactly ``size`` (CSS pixels) until the block ends."""
    width, height = SIZES[size]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def screenshot(driver: WebDriver, name: str) -> None:
    """Saved where ``ARGMAP_SCREENSHOTS`` says, to be looked at; nothing otherwise."""
    folder = os.environ.get("ARGMAP_SCREENSHOTS")
    if folder:
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def map_scale(driver: WebDriver) -> dict[str, Any]:
    """The size on screen of the shown drawing's smallest node text, and which view it is."""
    return dict(js(driver, """
        const svg = document.querySelector('svg.diagram:not([hidden])');
        const smallest = Math.min(...[...svg.querySelectorAll('g.node text[font-size]')]
          .map(t => parseFloat(t.getAttribute('font-size'))));
        return {text: smallest * svg.getScreenCTM().a, view: svg.dataset.view};"""))


def node_shown(driver: WebDriver, element: str) -> bool:
    return bool(js(driver, """
        const svg = document.querySelector('svg.diagram:not([hidden])');
        const g = svg.querySelector('g.node[data-el="' + arguments[0] + '"]');
        if (!g) return false;
        const r = g.getBoundingClientRect();
        const p = document.getElementById('Viewport').getBoundingClientRect();
        return r.width > 0 && r.left >= p.left - 1 && r.right <= p.right + 1 && r.top >= p.top - 1
          && r.bottom <= p.bottom + 1;""", element))


def legible(driver: WebDriver) -> bool:
    return bool(map_scale(driver)["text"] >= 11 - 1e-6)


def test_selecting_anywhere_pans_and_zooms_the_map_to_it(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.keys import Keys

    loaded = load_map(SEED_MAP)
    with window(browser, "medium"):
        open_page(browser, pages["seed"])
        rows = browser.find_elements(By.CSS_SELECTOR, "#KeyList tr[data-ref]")
        for row in (rows[-1], rows[1]):  # each far from the thesis the map opened on
            browser.find_element(By.ID, "Fit").click()
            js(browser, "arguments[0].scrollIntoView({block: 'center'})", row)
            row.click()
            assert legible(browser) and node_shown(browser, row.get_attribute("data-ref"))
        browser.find_element(By.ID, "Fit").click()
        box = browser.find_element(By.ID, "Search")
        box.send_keys("exonerate")
        hit = browser.find_element(By.CSS_SELECTOR, '#Results button[data-ref^="j-"]')
        wanted = hit.get_attribute("data-ref")
        hit.click()
        assert legible(browser) and node_shown(browser, wanted)
        box.send_keys(Keys.ESCAPE)
        fact = next(p for p in loaded.model.propositions if p.kind == "reported_fact")
        browser.find_element(By.ID, "Fit").click()
        mark = browser.find_element(By.CSS_SELECTOR, f'mark.q[data-q~="{fact.quotes[0]}"]')
        js(browser, "arguments[0].scrollIntoView({block: 'center'})", mark)
        mark.click()
        assert map_scale(browser)["view"] == "full"
        assert legible(browser) and node_shown(browser, fact.id)


def test_every_node_is_reachable_and_operable_from_the_keyboard(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    with window(browser, "medium"):
        open_page(browser, pages["seed"])
        ActionChains(browser).send_keys(Keys.TAB).perform()
        skip = browser.switch_to.active_element
        assert skip.text == "Skip to the map" and skip.is_displayed()
        assert js(browser, "return arguments[0].getBoundingClientRect().top >= 0", skip)
        assert js(browser, "return getComputedStyle(arguments[0]).outlineStyle", skip) != "none"
        skip.send_keys(Keys.ENTER)
        node = browser.switch_to.active_element
        assert node.get_attribute("data-el") == THESIS and node.get_attribute("role") == "button"
        name = node.accessible_name  # as Chromium gives it to a screen reader
        assert THESIS in name and "author judgment" in name and "Iran" in name
        assert js(browser, "return getComputedStyle(arguments[0]).outlineStyle", node) != "none"
        # arrow keys lead from the thesis to every node of the overview (each step a real
        # key event; a step that moves the view lays the drawing out again, so the full map's
        # 170 nodes are left to the steps below)
        reached, every = js(browser, """
            const svg = document.querySelector('svg.diagram:not([hidden])');
            const every = [...svg.querySelectorAll('g.node[role=button]')];
            const start = svg.querySelector('g.node[tabindex="0"]');
            const seen = new Set([start]), todo = [start];
            while (todo.length) {
              const g = todo.pop();
              for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']) {
                if (document.activeElement !== g) g.focus();
                g.dispatchEvent(new KeyboardEvent('keydown', {key: key, bubbles: true}));
                const now = document.activeElement;
                if (!seen.has(now) && every.includes(now)) { seen.add(now); todo.push(now); }
              }
            }
            return [[...seen].map(g => g.dataset.el), every.map(g => g.dataset.el)];""")
        assert sorted(reached) == sorted(every) and len(every) > 10
        browser.find_element(By.CSS_SELECTOR, '[data-view-button="full"]').click()
        node = browser.find_element(By.CSS_SELECTOR, 'svg[data-view="full"] g.node[tabindex="0"]')
        node.send_keys(Keys.ARROW_DOWN)
        moved = browser.switch_to.active_element
        assert moved.get_attribute("data-el") != node.get_attribute("data-el")
        assert node_shown(browser, moved.get_attribute("data-el"))  # the map follows focus
        moved.send_keys(Keys.ENTER)
        wanted = moved.get_attribute("data-el")
        assert browser.current_url.endswith(f"#{wanted}") and "sel" in moved.get_attribute("class")
        assert "Selected " in browser.find_element(By.ID, "Announce").get_attribute("textContent")
        assert wanted in browser.find_element(By.ID, "Announce").get_attribute("textContent")


def test_tab_reaches_the_map_tools_without_walking_every_highlight(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_page(browser, pages["seed"])
    presses = 0
    while browser.switch_to.active_element.get_attribute("data-view-button") != "overview":
        ActionChains(browser).send_keys(Keys.TAB).perform()
        presses += 1
        assert presses < 40  # ten key judgments, seven filters, one stop for 100 highlights
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.q")
    assert len(marks) > 50
    assert sum(m.get_attribute("tabindex") == "0" for m in marks) == 1
    first = next(m for m in marks if m.get_attribute("tabindex") == "0")
    js(browser, "arguments[0].focus()", first)
    first.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == marks[1]


def test_search_results_are_focusable_and_the_view_holding_the_matches_is_shown(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.keys import Keys

    loaded = load_map(SEED_MAP)
    open_page(browser, pages["seed"])
    box = browser.find_element(By.ID, "Search")
    box.send_keys("Kadhimi")
    box.send_keys(Keys.ARROW_DOWN)
    first = browser.switch_to.active_element
    assert first.tag_name == "button" and first.get_attribute("data-ref")
    first.send_keys(Keys.ARROW_DOWN)
    second = browser.switch_to.active_element
    assert second != first and second.get_attribute("data-ref")
    wanted = second.get_attribute("data-ref")
    second.send_keys(Keys.ENTER)
    assert browser.current_url.endswith(f"#{wanted}")
    # a word found only in the full map's elements brings up the full map, its match bright
    open_page(browser, pages["seed"])
    overview = set(js(browser, "return [...document.querySelectorAll("
                               "'svg[data-view=overview] [data-el]')].map(g => g.dataset.el)"))
    fact = next(p for p in loaded.model.propositions
                if p.kind == "reported_fact" and p.id not in overview)
    box = browser.find_element(By.ID, "Search")
    box.send_keys(fact.id)
    assert map_scale(browser)["view"] == "full"
    node = browser.find_element(By.CSS_SELECTOR, f'svg[data-view="full"] g[data-el="{fact.id}"]')
    assert "miss" not in node.get_attribute("class")


def test_a_fragment_naming_no_element_selects_nothing(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    open_page(browser, pages["seed"], "#constructor")
    for fragment in ("#constructor", "#__proto__", "#hasOwnProperty", "#toString", "#%E0%A4%A",
                     f"#{THESIS}x"):
        js(browser, "location.hash = arguments[0]", fragment)
        assert not browser.find_elements(By.CSS_SELECTOR, "svg .sel, mark.q.sel, #KeyList tr.sel")
        assert "reading this page" in browser.find_element(By.ID, "Panel").text.lower()
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors


def test_critical_question_states_cannot_be_read_as_the_judgments_own(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    loaded = load_map(SEED_MAP)
    inference = next(i for i in loaded.model.inferences
                     if any(q.status == "failed" for q in i.critical_questions))
    open_page(browser, pages["seed"], f"#{inference.conclusion}")
    states = [s.text for s in browser.find_elements(By.CSS_SELECTOR, "#Panel .status")]
    assert "answered against it" in states
    assert not {"FAILED", "failed", "ANSWERED", "OPEN"} & set(states)


def test_key_judgments_list_the_thesis_first_and_what_falls_last(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    open_page(browser, pages["seed"])
    rows = browser.find_elements(By.CSS_SELECTOR, "#KeyList tr[data-ref]")
    assert rows[0].get_attribute("data-ref") == THESIS
    stands = [row.find_element(By.CSS_SELECTOR, ".label").text.lower() for row in rows]
    falls = [standing == "falls" for standing in stands]
    assert falls == sorted(falls) and falls[-1] and not falls[0]


def overflowing_controls(driver: WebDriver) -> list[str]:
    """Controls drawn outside the window or cut by their pane, and sideways page overflow."""
    return list(js(driver, """
        const out = [];
        if (document.scrollingElement.scrollWidth > innerWidth) out.push('page scrolls sideways');
        document.querySelectorAll('button, input, [tabindex="0"], a').forEach(c => {
          const r = c.getBoundingClientRect();
          if (!r.width || getComputedStyle(c).visibility === 'hidden' || c.closest('.skip, svg'))
            return;
          if (r.left < 0 || r.right > innerWidth + 0.5) out.push(c.outerHTML.slice(0, 80));
        });
        document.querySelectorAll('.reader > section, .keys, .top').forEach(p => {
          if (p.offsetWidth && p.scrollWidth > p.clientWidth + 1)
            out.push('overflow: ' + p.className);
        });
        return out;"""))


def test_a_narrow_screen_shows_one_pane_at_a_time(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    shown = ("return [...document.querySelectorAll('.reader > section')]"
             ".filter(s => s.offsetWidth).map(s => s.id)")
    with window(browser, "small"):
        open_page(browser, pages["seed"])
        assert js(browser, shown) == ["Map"] and legible(browser)
        browser.find_element(By.CSS_SELECTOR, 'button[data-pane="article"]').click()
        assert js(browser, shown) == ["Article"]
        assert not overflowing_controls(browser)
        screenshot(browser, "seed-small-article")
        mark = browser.find_element(By.CSS_SELECTOR, "mark.q")
        mark.click()  # the map shows what the words are, centred and legible
        assert js(browser, shown) == ["Map"]
        selected = browser.current_url.rsplit("#", 1)[1]
        assert legible(browser) and node_shown(browser, selected)
        browser.find_element(By.CSS_SELECTOR, 'button[data-pane="panel"]').click()
        assert js(browser, shown) == ["Panel"] and selected in browser.find_element(
            By.ID, "Panel").text
    with window(browser, "large"):
        open_page(browser, pages["seed"])
        assert js(browser, shown) == ["Article", "Map", "Panel"]
        assert not browser.find_element(By.ID, "Panes").is_displayed()


def test_print_shows_the_key_judgments_whole_the_overview_on_a_page_then_the_article(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    with window(browser, "small"):
        open_page(browser, pages["seed"], f"#{THESIS}")
        browser.find_element(By.CSS_SELECTOR, '[data-view-button="full"]').click()
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        js(browser, "window.dispatchEvent(new Event('beforeprint'))")  # as printing does
        try:
            printed = js(browser, """
                const keys = document.getElementById('Keys'), overview = document.querySelector(
                  'svg[data-view=overview]'), map = document.getElementById('Map');
                const rows = [...keys.querySelectorAll('tr[data-ref]')];
                const box = overview.getBoundingClientRect();
                return {keysWhole: keys.scrollHeight <= keys.clientHeight + 1
                          && rows.every(r => r.getBoundingClientRect().height > 0),
                        rows: rows.length,
                        overview: box.width > 600 && box.height > 400,
                        viewBox: overview.getAttribute('viewBox'),
                        breaks: [getComputedStyle(map).breakBefore,
                                 getComputedStyle(map).breakAfter].join(' '),
                        order: map.getBoundingClientRect().top
                               < document.getElementById('Article').getBoundingClientRect().top,
                        full: getComputedStyle(
                          document.querySelector('svg[data-view=full]')).display,
                        panel: getComputedStyle(document.getElementById('Panel')).display,
                        marks: getComputedStyle(document.querySelector('mark.q.k-fact'))
                               .backgroundColor};""")
        finally:
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert printed["keysWhole"] and printed["rows"] == 10
    assert printed["overview"] and printed["order"]
    assert printed["breaks"] == "page page"
    assert printed["full"] == "none" and printed["panel"] == "none"
    assert printed["marks"] not in ("rgba(0, 0, 0, 0)", "transparent")  # highlights print
    width, height = (float(js(browser, "return document.querySelector("
                              "'svg[data-view=overview]').dataset[arguments[0]]", side))
                     for side in ("width", "height"))
    viewbox = [float(x) for x in str(printed["viewBox"]).split()]
    assert abs(viewbox[2] - width) < 2 and abs(viewbox[3] - height) < 2  # the whole drawing


def axe_violations(driver: WebDriver) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the page as it is, one line each (axe must have
    been put into the page: it stays there until the page is loaded again)."""
    found = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},
                           resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at '
                 + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));""", WCAG_AA)
    return list(found)


def check_as_shown(driver: WebDriver, name: str, axe: bool = True) -> None:
    """At the page's state now: a screenshot (when asked for), no axe-core WCAG 2.2 A/AA
    violation, no control off-screen and nothing overflowing sideways."""
    screenshot(driver, name)
    if axe:
        assert axe_violations(driver) == [], name
    assert overflowing_controls(driver) == [], name


@pytest.mark.parametrize("size", list(SIZES))
def test_each_size_opens_legible_fits_the_window_and_passes_axe(
        browser: WebDriver, pages: dict[str, Path], unseen: Path, size: str) -> None:
    """The seed page and a page of another article, as they open and with a selection (at 800
    px the map pane, then the details pane): the map legible on the thesis, Fit a choice."""
    browser.set_script_timeout(120)
    unseen_quote = "q-intrusion"  # its details show the source's 408-character address
    with window(browser, size):
        for page, selection in ((pages["seed"], THESIS), (unseen, unseen_quote)):
            open_page(browser, page)
            js(browser, AXE.read_text(encoding="utf-8"))  # stays until the page is loaded again
            thesis = js(browser, "return JSON.parse(document.getElementById('Data')"
                                 ".textContent).keys[0]")
            assert thesis == (THESIS if page == pages["seed"] else "h-state")
            assert legible(browser) and node_shown(browser, thesis)
            # axe on the seed page as it opens; the other page's opening differs only in text
            check_as_shown(browser, f"{page.stem}-{size}", axe=page == pages["seed"])
            if page == pages["seed"]:
                browser.find_element(By.ID, "Fit").click()
                assert map_scale(browser)["text"] < 11  # the whole seed drawing: too small
            js(browser, "location.hash = arguments[0]", selection)
            WebDriverWait(browser, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "svg .sel"))
            assert legible(browser)
            check_as_shown(browser, f"{page.stem}-{size}-selected")
            if size == "small":
                browser.find_element(By.CSS_SELECTOR, 'button[data-pane="panel"]').click()
                check_as_shown(browser, f"{page.stem}-{size}-details")


def test_key_judgments_show_their_class_of_basis_in_the_diagrams_colours(
        browser: WebDriver, pages: dict[str, Path]) -> None:
    from argmap.render.style import basis_palette

    def rgb(hex_colour: str) -> str:
        red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return f"rgb({red}, {green}, {blue})"

    palette = basis_palette()
    open_page(browser, pages["seed"])
    chips = js(browser, """
      return [...document.querySelectorAll('#KeyList tr[data-ref]')].map(tr => {
        const chip = tr.querySelector('.basis-chip'), style = getComputedStyle(chip);
        const node = document.querySelector('svg[data-view=overview] g.node[data-el="'
                                            + tr.dataset.ref + '"] polygon[fill]');
        return [chip.className.split('basis-').pop(), chip.textContent, style.backgroundColor,
                style.color, node && node.getAttribute('fill')]; });""")
    assert {name for name, *_ in chips} <= set(palette) and len(chips) == 10
    for name, words, background, ink, node_fill in chips:
        assert words == palette[name]["words"]
        assert background == rgb(palette[name]["fill"]) and ink == rgb(palette[name]["ink"])
        assert node_fill is None or node_fill.lower() == palette[name]["fill"].lower()
    legend = browser.find_element(By.ID, "Panel").text
    assert all(look["words"] in legend for look in palette.values())
