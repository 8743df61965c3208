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
from pathlib import Path
from typing import Any

import pytest
import yaml
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
    first = results.find_element(By.CSS_SELECTOR, "li[data-ref]")
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
