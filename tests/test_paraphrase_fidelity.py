"""Paraphrase fidelity (AM181-AM186) measured on hand-made maps of unseen articles.

Each mistake below is one realistic paraphrase slip, made in a copy of a clean map: the quote
stays verbatim, only the proposition's text changes. The clean maps must stay free of these
rules' findings (precision); each mistake must be reported by the rule of its kind (recall).
The slips the rules are known to miss are listed too, so the figures in docs/authoring.md are
the ones this file measures.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from argmap.commands.lint import LintCommandSettings, run_lint

ROOT = Path(__file__).parent.parent
ARTICLES = ROOT / "tests" / "articles"
CLEAN_MAPS = sorted([*ARTICLES.glob("*/*.yaml"), ROOT / "maps" / "qaani-baghdad-2021-11.yaml",
                     *(ROOT / "tests" / "examples" / "tutorial" / "maps").glob("*.yaml")])
FIDELITY = ("AM181", "AM182", "AM183", "AM184", "AM185", "AM186")

# (article, proposition id, the slipped text, the rule that must report it)
MISTAKES = [
    ("sarn-dam", "c-ambara-needs", "Ambara needs a guaranteed minimum of 21 to 23 billion cubic "
     "metres of water in any year, at least 40 percent of it during the summer months.", "AM181"),
    ("sarn-dam", "c-osei-29", "If Kelvoria kept its reservoir level steady in the driest year, "
     "only about 19 billion cubic metres would reach Ambara.", "AM181"),
    ("lira-crisis", "f-reserves-fell", "The central bank's gross reserves fell from 41 billion "
     "dollars at the end of June to 18 billion dollars last Friday.", "AM181"),
    ("lira-crisis", "c-net-6-9", "Valdria's net reserves are between 6 and 9 billion dollars, "
     "enough to cover about nine weeks of imports.", "AM181"),
    ("sarn-dam", "f-no-data-published", "Kelvoria has published the Sarn dam's operating rules "
     "and its inflow data.", "AM182"),
    ("sarn-dam", "f-not-acknowledged", "Both Kelvoria's and Ambara's governments have "
     "acknowledged discussing such a formula.", "AM182"),
    ("lira-crisis", "f-not-denied", "Valdria's presidency has denied reports that the president "
     "is considering replacing Kolar.", "AM182"),
    ("lira-crisis", "f-no-net-figure", "Valdria's central bank publishes a net reserves figure "
     "and declined to comment on Ferrante's estimate.", "AM182"),
    ("sarn-dam", "f-drought-clause-open", "Kelvoria and Ambara agree on everything in the draft "
     "Sarn dam treaty except how much water the dam must release in a drought year.", "AM183"),
    ("lira-crisis", "c-funds-positions", "Most hedge funds built large positions against the "
     "lira in June.", "AM183"),
    ("lira-crisis", "f-domestic-buyers", "Valdrian households and companies, not foreign funds, "
     "bought all the dollars sold in the past month, as people moved their savings out of the "
     "lira.", "AM183"),
    ("sarn-dam", "f-survival", "Kelvoria's foreign minister said last month that the Sarn river "
     "was a matter of national survival.", "AM184"),
    ("lira-crisis", "f-downgrade", "Halden cut Valdria's credit rating by one notch on Monday, "
     "to BB-.", "AM184"),
    ("sarn-dam", "f-kelvoria-refuses-minimum", "Kelvoria has agreed to put a drought minimum in "
     "the Sarn dam treaty.", "AM182"),
    ("sarn-dam", "f-panel-request", "The Regional Development Bank, the mediator, has asked both "
     "sides to share their models with a panel of independent experts; Ambara has agreed and "
     "Kelvoria has not replied.", "AM185"),
    ("sarn-dam", "c-osei-29", "Only about 29 billion cubic metres reach Ambara in the driest "
     "year.", "AM185"),
    ("lira-crisis", "c-runs-out", "Valdria's central bank runs out of usable dollars before the "
     "end of the year.", "AM185"),
]
# Slips the rules do not see, kept so the measured recall stays honest.
KNOWN_MISSES = [
    # the statement given to another party of the article, far from where the quote names it
    ("lira-crisis", "f-greyfield-bet", "Harrow Capital bet against the lira.", "AM184"),
    # a name the quote leaves implicit ("the delta"), filled in wrongly with a name the text has
    ("sarn-dam", "c-yields-fell", "Yields of rice and cotton in Kelvoria's delta fell by 12 to 15 "
     "percent last summer, while Kelvoria was filling the reservoir.", "AM184"),
]


def _lint(path: Path) -> list[str]:
    out = io.StringIO()
    run_lint(LintCommandSettings(paths=[path], output_format="text"), out, io.StringIO())
    return [line for line in out.getvalue().splitlines()
            if any(f" {code} " in line for code in FIDELITY)]


def _with_text(article: str, proposition: str, text: str, folder: Path) -> Path:
    """A copy of the article's map, beside its text, with one proposition's text changed."""
    source = ARTICLES / article / f"{article}.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    found = [item for item in data["propositions"] if item["id"] == proposition]
    assert found, f"{article} has no proposition {proposition}"
    found[0]["text"] = text
    (folder / ".git").mkdir(exist_ok=True)  # the copy's own repository: its text is inside
    copy = folder / article / f"{article}.yaml"
    copy.parent.mkdir(parents=True, exist_ok=True)
    (copy.parent / f"{article}.txt").write_bytes((ARTICLES / article / f"{article}.txt")
                                                 .read_bytes())
    copy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return copy


@pytest.mark.parametrize("path", CLEAN_MAPS, ids=lambda path: path.stem)
def test_clean_maps_have_no_paraphrase_findings(path: Path) -> None:
    assert _lint(path) == []


@pytest.mark.parametrize(("article", "proposition", "text", "code"), MISTAKES,
                         ids=[f"{code}-{proposition}" for _, proposition, _, code in MISTAKES])
def test_each_slip_is_reported_by_its_rule(article: str, proposition: str, text: str, code: str,
                                           tmp_path: Path) -> None:
    found = _lint(_with_text(article, proposition, text, tmp_path))
    assert any(f" {code} " in line and f"`{proposition}`" in line for line in found), found


@pytest.mark.parametrize(("article", "proposition", "text", "code"), KNOWN_MISSES,
                         ids=[f"{code}-{proposition}" for _, proposition, _, code in KNOWN_MISSES])
def test_known_misses_are_still_missed(article: str, proposition: str, text: str, code: str,
                                       tmp_path: Path) -> None:
    """When a rule learns to see one of these, move it to MISTAKES (and update the docs)."""
    found = _lint(_with_text(article, proposition, text, tmp_path))
    assert not any(f" {code} " in line for line in found), found
