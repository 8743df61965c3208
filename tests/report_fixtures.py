"""Maps for the reader page's tests: the seed map where it lives, and a hostile one written out.

The hostile map puts markup, script, event handlers and a closing ``</script>`` in every text a
reader page shows (map title, propositions, quotes, notes, source title, actor names, the source
text itself). Any of them running sets ``window.__pwned`` or opens an alert.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import ROOT

SEED_MAP = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
PWN = "window.__pwned=1"
SCRIPT = f"<script>{PWN}</script>"
CLOSE = f"</script><script>{PWN}</script><!--"
IMAGE = f'<img src=x onerror="{PWN}"><svg onload="{PWN}">'
HANDLER = f'" onmouseover="{PWN}" x="'
LINE_SEPARATORS = "\u2028\u2029"
HOSTILE_SOURCE = (
    f"The harbour was closed on Monday {SCRIPT} said officials.\n"
    f"Cranes {IMAGE} stood idle {HANDLER} all week.\n"
    f"Nothing else {CLOSE} happened {{{{script}}}} here.\n"
)


def write_hostile_map(folder: Path) -> Path:
    """A valid map full of hostile text, with its hostile source text beside it."""
    (folder / "hostile.txt").write_text(HOSTILE_SOURCE, encoding="utf-8")
    data = {
        "map": {"id": "hostile", "title": f"{CLOSE} {SCRIPT} {{{{style}}}}", "format": 1,
                "analyst": IMAGE},
        "sources": [{"id": "src", "path": "hostile.txt", "title": CLOSE, "publisher": HANDLER,
                     "url": f'https://example.org/"><script>{PWN}</script>'}],
        "actors": [{"id": "who", "name": f"{IMAGE} {LINE_SEPARATORS}", "role": SCRIPT,
                    "grade": {"reliability": "B", "rationale": CLOSE}}],
        "quotes": [
            {"id": "q-closed", "source": "src", "speaker": "who", "mode": "indirect",
             "text": f"The harbour was closed on Monday {SCRIPT} said officials."},
            {"id": "q-cranes", "source": "src", "speaker": "who", "mode": "author",
             "text": f"Cranes {IMAGE} stood idle {HANDLER} all week.", "note": CLOSE},
        ],
        "propositions": [
            {"id": "p-closed", "kind": "reported_fact", "quotes": ["q-closed"],
             "text": f"{CLOSE} closed {HANDLER}", "note": IMAGE},
            {"id": "p-idle", "kind": "reported_fact", "quotes": ["q-cranes"], "text": IMAGE},
            {"id": "j-strike", "kind": "author_judgment", "text": f"{SCRIPT} a strike",
             "likelihood": {"band": "likely", "phrase": CLOSE}, "confidence": "low"},
        ],
        "inferences": [{"id": "i-strike", "premises": ["p-closed", "p-idle"],
                        "conclusion": "j-strike", "warrant": CLOSE, "scheme": "sign",
                        "critical_questions": [{"question": SCRIPT, "answer": IMAGE,
                                                "status": "answered"}]}],
    }
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path
