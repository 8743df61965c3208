"""`argmap report` without a browser: quote places, the article's pieces and coverage, the SVG
cut down for inlining, the page's escaping and CSP, and the command's outputs and exit codes.
(tests/test_report_browser.py drives the pages in Chromium.)"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT
from report_fixtures import SEED_MAP, write_hostile_map

from argmap.analyse.quotes import QuotePlace, place_quote
from argmap.analyse.text import NormalisedText
from argmap.commands.report import ReportSettings, page_path, run_report
from argmap.model import load_map
from argmap.model.elements import Quote
from argmap.report.article import article_html, pieces
from argmap.report.data import key_judgments
from argmap.report.page import assets, json_for_script
from argmap.report.svg import inline_svg

TUTORIAL = ROOT / "tests" / "examples" / "tutorial"
INVALID = ROOT / "tests" / "examples" / "invalid" / "unknown-field.yaml"


def report(*paths: Path, **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    settings = ReportSettings(paths=list(paths), **options)  # type: ignore[arg-type]
    code = run_report(settings, out, err)
    return code, out.getvalue(), err.getvalue()


def page_data(page: str) -> dict[str, object]:
    block = re.search(r'<script type="application/json" id="Data">(.*?)</script>', page, re.S)
    assert block is not None
    data: dict[str, object] = json.loads(block.group(1))
    return data


def quote(text: str, start: int | None = None, end: int | None = None) -> Quote:
    return Quote(id="q", source="s", text=text, speaker="a", mode="author", start=start, end=end)


# --- placing quotes ----------------------------------------------------------------------------

def test_a_quote_is_placed_in_the_original_text_across_line_breaks_and_curly_quotes() -> None:
    text = NormalisedText("Intro.  He said \u201cno\nsurrender\u201d today.")
    place = place_quote(quote('He said "no surrender" today.'), text)
    assert (place.start, place.end, place.occurrences) == (8, 37, 1)
    assert text.original[place.start:place.end] == "He said \u201cno\nsurrender\u201d today."


def test_a_repeated_quote_goes_where_its_offsets_say_else_first() -> None:
    text = NormalisedText("yes. yes. yes.")
    assert place_quote(quote("yes."), text).start == 0
    assert place_quote(quote("yes.", 5, 9), text).start == 5
    stale = place_quote(quote("yes.", 2, 6), text)  # offsets that hold other words
    assert (stale.start, stale.occurrences) == (0, 2)


def test_a_quote_not_in_the_text_has_no_place_and_says_why() -> None:
    place = place_quote(quote("never said"), NormalisedText("something else"))
    assert not place.found and place.problem == "not found in the text of source `s`"


# --- the article --------------------------------------------------------------------------------

def test_a_quote_with_an_ellipsis_is_placed_piece_by_piece_and_marked_so() -> None:
    text = NormalisedText("Alpha beta gamma. Delta.")
    place = place_quote(quote("Alpha ... gamma."), text)
    assert place.pieces == ((0, 5), (11, 17))
    body, coverage = article_html(text.original, [place], lambda q: "fact")
    assert body.count('data-q="q"') == 2 and "beta" not in "".join(
        re.findall(r"<mark[^>]*>([^<]*)</mark>", body))
    assert coverage.quoted_sentences == 1


def test_overlapping_quotes_cut_the_text_into_pieces_that_list_every_quote() -> None:
    text = "Alpha beta gamma. Delta."
    places = [QuotePlace("q1", "s", ((0, 10),)), QuotePlace("q2", "s", ((6, 16),))]
    cut, coverage = pieces(text, places)
    assert [(text[p.start:p.end], p.quotes) for p in cut] == [
        ("Alpha ", ("q1",)), ("beta", ("q1", "q2")), (" gamma", ("q2",)), (". ", ()),
        ("Delta.", ())]
    assert [p.in_gap for p in cut][-1] is True  # "Delta." is quoted by nobody
    assert (coverage.quoted_sentences, coverage.sentences) == (1, 2)
    assert coverage.describe() == "1 of 2 sentences quoted (50%); 67% of the text"


def test_article_markup_escapes_the_text_and_marks_overlaps() -> None:
    text = "<b>bold</b> & more\nnext line."
    places = [QuotePlace("q1", "s", ((0, 11),)), QuotePlace("q2", "s", ((3, 7),))]
    body, _ = article_html(text, places, lambda q: {"q1": "fact", "q2": "claim"}[q])
    assert "<b>" not in body and "&lt;b&gt;" in body and "&amp; more" in body
    assert '<mark class="q k-claim overlap" data-q="q2 q1" tabindex="0">bold</mark>' in body
    assert body.count("<p ") == 2


# --- the diagram ----------------------------------------------------------------------------------

def test_the_svg_keeps_drawing_only_and_names_elements_in_data_attributes() -> None:
    svg = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
           b'xmlns:xlink="http://www.w3.org/1999/xlink" width="100pt" height="50pt" '
           b'viewBox="0 0 100 50" onload="x()"><script>alert(1)</script>'
           b'<g id="am-p1" class="node"><title>p1</title><g id="a_am-p1">'
           b'<a xlink:href="https://example.org/?a=1&b=2" xlink:title="the &lt;tip&gt;">'
           b'<polygon points="0,0 1,1" style="x" onclick="y()"/></a></g></g>'
           b'<g id="am-p1--p2" class="edge"><title>p1-&gt;p2</title></g>'
           b'<foreignObject><div>html</div></foreignObject></svg>')
    out = inline_svg(svg, {"p1", "p2"}, "full")
    for banned in ("script", "onload", "onclick", "style=", "href", "foreignObject", "<a ",
                   "id="):
        assert banned not in out, banned
    assert '<g class="node" data-el="p1"><title>the &lt;tip&gt;</title>' in out
    assert 'data-from="p1" data-to="p2"' in out
    assert 'data-width="100"' in out and 'viewBox="0 0 100 50"' in out


def test_the_svg_written_for_the_page_is_well_formed_whatever_its_text_holds() -> None:
    import xml.etree.ElementTree as ET

    tricky = 'a & b < c > "d"\n\te\r'
    quoted = tricky.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    quoted = quoted.replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;")
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           f'<g class="graph" fill="{quoted}"><text>{quoted}</text><!-- gone -->'
           f'<a xlink:title="{quoted}"><path d="M0,0"/></a><text/></g></svg>').encode()
    out = inline_svg(svg, set(), "full")
    root = ET.fromstring(out)
    group = root.find("g")
    assert group is not None and group.get("fill") == tricky
    assert [child.tag for child in group] == ["text", "g", "text"]
    assert group[1].get("data-tip") == tricky
    assert group[0].text == tricky.replace("\r", "\n")  # as XML reads a bare CR in text
    assert "gone" not in out and out.endswith("<text /></g></svg>")


# --- the page -------------------------------------------------------------------------------------

def test_json_for_a_script_block_cannot_close_it() -> None:
    text = json_for_script({"t": "</script><!-- & \u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and json.loads(text)["t"] == "</script><!-- & \u2028\u2029"


def test_the_csp_allows_exactly_the_inlined_script_and_style(tmp_path: Path) -> None:
    code, _, err = report(SEED_MAP, output=tmp_path / "seed.html")
    assert code == 0, err
    page = (tmp_path / "seed.html").read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    policy = csp.group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert script is not None and style is not None
    assert script.group(1) == assets().script
    for kind, body in (("script-src", script.group(1)), ("style-src", style.group(1))):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in policy
    assert policy.startswith("default-src 'none';") and "unsafe" not in policy
    assert not re.search(r"\son[a-z]+\s*=", page, re.I), "no event handler attribute"
    assert "javascript:" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "nothing loaded"


def test_the_seed_page_holds_its_article_map_and_key_judgments(tmp_path: Path) -> None:
    code, _, err = report(SEED_MAP, output=tmp_path / "seed.html")
    assert code == 0, err
    page = (tmp_path / "seed.html").read_text(encoding="utf-8")
    data = page_data(page)
    elements = data["elements"]
    assert isinstance(elements, dict)
    loaded = load_map(SEED_MAP)
    assert set(elements) >= {q.id for q in loaded.model.quotes}
    assert all("place" in elements[q.id] for q in loaded.model.quotes)  # every quote placed
    marked = set(" ".join(re.findall(r'data-q="([^"]+)"', page)).split())
    assert marked == {q.id for q in loaded.model.quotes}
    drawn = set(re.findall(r'<g class="node" data-el="([^"]+)"', page))
    assert {p.id for p in loaded.model.propositions} <= drawn
    assert data["keys"] and "Coverage: " in page
    assert "shown on the page" not in err


def test_key_judgments_are_judgments_and_hypotheses_that_nothing_builds_on() -> None:
    loaded = load_map(SEED_MAP)
    from argmap.analyse import ArgumentGraph

    graph = ArgumentGraph.of(loaded.model)
    keys = key_judgments(graph)
    kinds = {p.id: p.kind for p in loaded.model.propositions}
    assert keys and all(kinds[key] in ("author_judgment", "hypothesis") for key in keys)
    premises = {premise for inference in loaded.model.inferences
                for premise in inference.premises}
    assert not premises & set(keys)
    leftover = [p.id for p in loaded.model.propositions
                if p.kind in ("author_judgment", "hypothesis") and p.id not in premises]
    assert sorted(keys) == sorted(leftover)


def test_key_judgments_put_the_thesis_first_and_rejected_ones_last() -> None:
    from argmap.analyse import ArgumentGraph
    from argmap.analyse.evaluation import evaluate

    loaded = load_map(SEED_MAP)
    graph = ArgumentGraph.of(loaded.model)
    labels = evaluate(loaded.model).labels
    keys = key_judgments(graph, labels)
    assert keys[0] == "j-visit-control-deal"  # the seed map's thesis: most argument beneath it
    standing = [labels.get(key) != "out" for key in keys]
    assert standing == sorted(standing, reverse=True) and not standing[-1]
    # without an evaluation, by how much argument is beneath each (a rejected one may lead)
    unlabelled = key_judgments(graph)
    assert unlabelled[0] == "j-conclusion-leverage" and sorted(unlabelled) == sorted(keys)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2", "p",
             "input", "ol", "fieldset", "legend", "label", "section", "span", "table", "thead",
             "tr", "th", "tbody", "main", "button", "nav", "script", "mark", "b", "ul", "li",
             "code", "svg", "g", "polygon", "path", "polyline", "ellipse", "text"}


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    hostile = write_hostile_map(tmp_path)
    code, _, err = report(hostile)
    assert code == 0, err
    page = hostile.with_suffix(".html").read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(page)
    assert {tag for tag, _ in parser.tags} <= PAGE_TAGS
    assert [tag for tag, _ in parser.tags].count("script") == 2  # data block, page script
    assert [tag for tag, _ in parser.tags].count("svg") == 2  # the overview and the full map
    for tag, attributes in parser.tags:
        for name, value in attributes:
            assert not name.startswith("on"), (tag, name, value)
            assert "javascript:" not in (value or "").lower()
            assert not (name in ("src", "href") and value), (tag, name, value)
    assert "<script>window.__pwned" not in page
    data = page_data(page)
    assert isinstance(data["map"], dict) and "</script>" in data["map"]["title"]
    assert "{{style}}" in page  # template placeholders in map text stay text


# --- the command ----------------------------------------------------------------------------------

def test_the_page_goes_beside_the_map_or_where_o_says(tmp_path: Path) -> None:
    assert page_path(Path("maps/a.yaml"), None, 1) == Path("maps/a.html")
    assert page_path(Path("maps/a.yaml"), tmp_path / "x.html", 1) == tmp_path / "x.html"
    assert page_path(Path("maps/a.yaml"), tmp_path / "out", 2) == tmp_path / "out" / "a.html"


def test_several_maps_into_one_file_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = report(SEED_MAP, TUTORIAL / "maps", output=tmp_path / "x.html")
    assert code == 2 and "name a folder" in err
    assert not (tmp_path / "x.html").exists()


def test_an_invalid_map_gets_its_errors_and_no_page(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    shutil.copy(INVALID, broken)
    code, out, _ = report(broken)
    assert code == 1
    assert out.startswith(f"{broken}:") and len(out.strip().splitlines()) >= 1
    assert not broken.with_suffix(".html").exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_missing_path_is_exit_2(tmp_path: Path) -> None:
    code, _, err = report(tmp_path / "nope.yaml")
    assert code == 2 and "nope.yaml" in err


def test_a_missing_source_still_gives_a_page_that_says_so(tmp_path: Path) -> None:
    shutil.copytree(TUTORIAL, tmp_path / "tutorial")
    (tmp_path / ".git").mkdir()  # the repository the map's sources must stay in
    (tmp_path / "tutorial" / "seeds" / "port-strike.txt").unlink()
    map_path = tmp_path / "tutorial" / "maps" / "port-strike.yaml"
    code, _, err = report(map_path)
    assert code == 0 and "shown on the page: source text" in err
    page = map_path.with_suffix(".html").read_text(encoding="utf-8")
    assert "The text cannot be shown" in page and "not found" in page
    data = page_data(page)
    elements = data["elements"]
    assert isinstance(elements, dict)
    assert all("problem" in r for r in elements.values() if r["type"] == "quote")


def test_a_changed_source_gives_a_page_that_says_so(tmp_path: Path) -> None:
    shutil.copytree(TUTORIAL, tmp_path / "tutorial")
    (tmp_path / ".git").mkdir()  # the repository the map's sources must stay in
    source = tmp_path / "tutorial" / "seeds" / "port-strike.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Monday", "Tuesday", 1), encoding="utf-8")
    map_path = tmp_path / "tutorial" / "maps" / "port-strike.yaml"
    code, _, err = report(map_path)
    assert code == 0 and "changed since the map recorded it" in err
    page = map_path.with_suffix(".html").read_text(encoding="utf-8")
    assert "Changed source." in page and "1 quote not found in this text" in page
    assert "AM101" in page  # lint's finding on that quote is in the data for the panel


def test_the_cli_lists_report_after_render(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from argmap.cli import app

    result = CliRunner().invoke(app, ["--help"])
    names = re.findall(r"^\s{2}(\w+)\s", result.output, re.M)
    assert names.index("report") == names.index("render") + 1
    out = tmp_path / "t.html"
    result = CliRunner().invoke(app, ["report", str(TUTORIAL / "maps"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_the_page_says_which_judgments_stand_with_the_reason(tmp_path: Path) -> None:
    from argmap.analyse.evaluation import evaluate

    code, _, err = report(SEED_MAP, output=tmp_path / "seed.html")
    assert code == 0, err
    page = (tmp_path / "seed.html").read_text(encoding="utf-8")
    elements = page_data(page)["elements"]
    assert isinstance(elements, dict)
    evaluation = evaluate(load_map(SEED_MAP).model)
    assert {element: elements[element]["label"] for element in evaluation.labels} == dict(
        evaluation.labels)
    falls = [r for r in elements.values() if r.get("label") == "out"]
    assert falls and all(r["standing"] == "falls" and r["standingWhy"] for r in falls)
    assert "<th>stands?</th>" in page


def test_colour_properties_go_before_the_stylesheet_and_only_as_colours() -> None:
    from argmap.report.page import fill

    page = fill({"title": "t", "version": "v", "meta": "", "filters": "", "label_header": "",
                 "article": "", "views": "", "diagram": "", "overview": "", "data": "{}"},
                {"basis-evidence": "#D6ECFA"})
    assert "<style>:root { --basis-evidence: #D6ECFA; }\n" in page
    for name, value in (("basis", "red; } body { display: none"), ("x;y", "#000000"),
                        ("basis", "#12345")):
        with pytest.raises(ValueError):
            fill({}, {name: value})
