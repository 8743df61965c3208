"""Hostile map text renders inert: no DOT injection, no markup, no script, no odd links."""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from graphviz.quoting import quote
from hypothesis import given
from hypothesis import strategies as st

from argmap.model import LoadedMap, load_map_text
from argmap.render.dot import DrawOptions, build_dot
from argmap.render.engine import Engine, find_engine
from argmap.render.labels import html_label
from argmap.render.pipeline import draw
from argmap.render.statements import quote_text
from argmap.render.text import html_text, safe_url, tooltip

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

INJECT_DOT = '"]; evil [label="pwned" URL="javascript:alert(1)"]; x [label="'
INJECT_HTML = '</B></FONT>> shape=none]; evil2 [label=<<B>pwned</B>'
SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)>"
HANDLER = '" onmouseover="alert(3)" x="'
ESCAPES = "\\N \\G \\L \\E \\T \\H \\\\ \\n \\l \\"
CONTROL = "bell\x07 nul\x00 esc\x1b"
# Character and entity references the engines would decode in attributes (U+0001, a lone
# surrogate: not XML) or pass through (`&foo;`, undefined in XML).
ENTITIES = "&#x1; &#xD800; &#0; &foo; &amp; &lt;b&gt; &"
QUOTE_TEXT = f"{SCRIPT} {ESCAPES}\nline two {HANDLER} {INJECT_DOT} {ENTITIES}"
URL = 'https://example.org/"><script>alert(4)</script>?a=1&b=2&foo;&#0;&#x1;&amp;'
SYSTEM_DOT = shutil.which("dot")
STEP_TEXT = f"which means {INJECT_DOT} {ESCAPES} {INJECT_HTML}"  # quoted in the step's tooltip


def hostile_map() -> LoadedMap:
    data = {
        "map": {"id": "hostile", "title": f"{SCRIPT} {INJECT_HTML}", "format": 1},
        "sources": [{"id": "src", "path": "s.txt", "title": INJECT_HTML, "publisher": HANDLER,
                     "url": URL}],
        "actors": [{"id": "who", "name": f"{INJECT_DOT} {CONTROL} {ENTITIES}", "role": SCRIPT}],
        "quotes": [{"id": "q1", "source": "src", "text": QUOTE_TEXT, "speaker": "who",
                    "mode": "direct"},
                   {"id": "q2", "source": "src", "text": STEP_TEXT, "speaker": "who",
                    "mode": "direct"}],
        "propositions": [
            {"id": "p1", "text": f"{INJECT_HTML} {ESCAPES}", "kind": "attributed_claim",
             "quotes": ["q1"], "note": SCRIPT},
            {"id": "p2", "text": f"{INJECT_DOT} {ENTITIES}", "kind": "author_judgment"},
            {"id": "p3", "text": HANDLER, "kind": "assumption", "if_wrong": INJECT_HTML},
        ],
        "inferences": [{"id": "i1", "premises": ["p1", "p3"], "conclusion": "p2",
                        "warrant": SCRIPT, "critical_questions": [{"question": INJECT_DOT}],
                        "quotes": ["q2"], "by": "analyst"}],
        "attacks": [{"id": "a1", "attacker": "p3", "target": "i1", "kind": "undercut",
                     "note": INJECT_HTML, "by": "analyst"}],
    }
    return load_map_text(yaml.safe_dump(data, allow_unicode=True), Path("hostile.yaml"))


def engine_or_skip(name: str) -> Engine:
    """The engine ``name``; system Graphviz may be absent on a developer's machine, never in CI
    (`.ci/run` installs it and sets ARGMAP_CI, so there its absence fails)."""
    if name == "system" and SYSTEM_DOT is None and not os.environ.get("ARGMAP_CI"):
        pytest.skip("system Graphviz (`dot`) is not installed; .ci/run installs it")
    return find_engine(name)


@pytest.fixture(scope="module", params=["pure", "system"])
def svg_root(request: pytest.FixtureRequest) -> ET.Element:
    loaded = hostile_map()
    drawing = draw(loaded, DrawOptions(), ["svg"], engine_or_skip(request.param))
    return ET.fromstring(drawing.outputs["svg"])  # well-formed, or this raises


def test_map_text_cannot_add_nodes_or_attributes(svg_root: ET.Element) -> None:
    titles = [title.text for title in svg_root.iter(f"{SVG}title")]
    assert "evil" not in titles and "evil2" not in titles
    drawn = {g.get("id") for g in svg_root.iter(f"{SVG}g") if g.get("class") == "node"}
    assert {"am-q1", "am-q2", "am-p1", "am-p2", "am-p3", "am-i1"} <= drawn
    assert not any(i and "evil" in i for i in drawn)


def test_no_script_no_event_handler_no_foreign_link(svg_root: ET.Element) -> None:
    for element in svg_root.iter():
        assert not element.tag.lower().endswith("script")
        for name, value in element.attrib.items():
            assert not name.split("}")[-1].lower().startswith("on"), (name, value)
            if name.endswith("href"):
                assert value.startswith(("https://", "http://")), value
                assert "<" not in value and '"' not in value


def test_hostile_text_shows_as_text(svg_root: ET.Element) -> None:
    shown = " ".join(text.text or "" for text in svg_root.iter(f"{SVG}text"))
    assert "<script>alert(1)</script>" in shown
    assert "\\N \\G \\L" in shown  # escape sequences stay literal, never the node name


def test_links_keep_every_ampersand_as_typed(svg_root: ET.Element) -> None:
    hrefs = {a.get(f"{XLINK}href") for a in svg_root.iter(f"{SVG}a")} - {None}
    assert hrefs == {"https://example.org/%22%3E%3Cscript%3Ealert(4)%3C/script%3E"
                     "?a=1&b=2&foo;&#0;&#x1;&amp;"}


def test_entity_references_in_text_stay_text(svg_root: ET.Element) -> None:
    titles = " ".join(a.get(f"{XLINK}title") or "" for a in svg_root.iter(f"{SVG}a"))
    shown = " ".join(text.text or "" for text in svg_root.iter(f"{SVG}text"))
    assert ENTITIES in titles
    assert "&#x1; &#xD800; &#0; &foo;" in shown


def test_tooltips_carry_the_verbatim_quote(svg_root: ET.Element) -> None:
    titles = [a.get(f"{XLINK}title") for a in svg_root.iter(f"{SVG}a")]
    assert any(title and title.startswith(QUOTE_TEXT) for title in titles)
    assert any(title and f'stated in q2: "{STEP_TEXT}"' in title for title in titles)


def test_dot_keeps_hostile_text_inside_its_quotes() -> None:
    source, count = build_dot(hostile_map().model, DrawOptions(legend=False))
    assert count == 6
    # One line per statement (text never carries a raw newline into DOT), each one ours.
    lines = source.splitlines()
    statements = [line.strip().split(" [", 1)[0] for line in lines[4:-1]]
    assert not [name for name in statements if "evil" in name]
    assert len(statements) == 6 + 6  # nodes, edges


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,x",
    "vbscript:x", "//evil.example/x", "file:///etc/passwd", "https:", "", None,
])
def test_only_http_links_are_kept(url: str | None) -> None:
    assert safe_url(url) is None


def test_kept_links_are_percent_encoded_to_inert_characters() -> None:
    url = safe_url('https://example.org/a b"c<d>e\\f\'g?x=1&y=2#frag')
    assert url == "https://example.org/a%20b%22c%3Cd%3Ee%5Cf%27g?x=1&y=2#frag"


def test_label_and_tooltip_escaping() -> None:
    assert html_text('<b a="x">&\\N') == "&lt;b a=&quot;x&quot;&gt;&amp;\\\\N"
    assert html_text("nul\x00") == "nul\ufffd"
    assert tooltip("a\\N\nb") == "a\\\\\\\\N\\nb"
    assert str(tooltip("<b>")).startswith("<")  # quoted as text later, never an HTML string


@given(st.text())
def test_fast_quoting_agrees_with_the_graphviz_package(text: str) -> None:
    value = tooltip(text)
    expected = quote(value)
    if not expected.startswith('"'):  # the package leaves a plain DOT id bare: same meaning
        expected = f'"{expected}"'
    assert quote_text(value) == expected
    label = html_label([html_text(text)])
    assert quote_text(label) == quote(label)


def long_text_map() -> LoadedMap:
    """Every text a drawing carries over Graphviz 2.43's 16,384-byte string limit, written in
    the characters that grow most when escaped (``&``, backslashes, four-byte UTF-8)."""
    long = "word & \\ \U0001F600 " * 1700  # 17,000 characters
    data = {
        "map": {"id": "long", "title": long, "format": 1},
        "sources": [{"id": "src", "path": "s.txt", "title": long,
                     "url": "https://example.org/" + "&" * 17_000}],
        "actors": [{"id": "who", "name": long}],
        "quotes": [{"id": "q1", "source": "src", "text": long, "speaker": "who",
                    "mode": "direct"}],
        "propositions": [
            {"id": "p1", "text": long, "kind": "reported_fact", "quotes": ["q1"], "note": long},
            {"id": "p2", "text": long, "kind": "author_judgment"},
            {"id": "p3", "text": long, "kind": "hypothesis"},
            {"id": "p4", "text": long, "kind": "hypothesis"},
            {"id": "p5", "text": long, "kind": "assumption", "if_wrong": long},
        ],
        "inferences": [{"id": "i1", "premises": ["p1", "p5"], "conclusion": "p2", "warrant": long,
                        "critical_questions": [{"question": long}], "note": long}],
        "attacks": [{"id": "a1", "attacker": "p3", "target": "p2", "kind": "rebut",
                     "note": long}],
        "questions": [{"id": "qu", "text": long, "hypotheses": ["p3", "p4"]}],
    }
    return load_map_text(yaml.safe_dump(data, allow_unicode=True), Path("long.yaml"))


@pytest.mark.parametrize("engine", ["pure", "system"])
@pytest.mark.parametrize("options", [DrawOptions(), DrawOptions(view="overview"),
                                     DrawOptions(view="basis", focus="p2")],
                         ids=["full", "overview", "basis"])
def test_texts_longer_than_graphviz_strings_are_drawn(engine: str, options: DrawOptions) -> None:
    drawing = draw(long_text_map(), options, ["svg"], engine_or_skip(engine))
    root = ET.fromstring(drawing.outputs["svg"])
    titles = [a.get(f"{XLINK}title") or "" for a in root.iter(f"{SVG}a")]
    assert any("more characters: the map has the whole text" in title for title in titles)


def test_a_long_tooltip_stays_under_the_engine_limit() -> None:
    worst = tooltip("&\\\U0001F600\n\"" * 20_000)
    assert len(quote_text(worst).encode()) < 16_384


@pytest.mark.parametrize("engine", ["pure", "system"])
def test_the_reader_page_keeps_every_view_of_a_map_with_long_texts(engine: str) -> None:
    from argmap.report.build import ReportOptions, build_report

    engine_or_skip(engine)
    page = build_report(long_text_map(), ReportOptions(engine=engine))
    assert not [notice for notice in page.notices if "could not be drawn" in notice]
    assert {"full", "overview"} <= set(page.drawings)
