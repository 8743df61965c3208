"""Where argmap lives on the web: the one place its public addresses are written.

SARIF's ``informationUri`` and each rule's ``helpUri``, the package metadata's project URLs and
the README's links (absolute, so they work on a package index) all start here; a test keeps
``pyproject.toml`` and ``README.md`` in step.
"""

from __future__ import annotations

REPOSITORY = "https://github.com/argmap/argmap"
DOCS = f"{REPOSITORY}/blob/main/docs"


def rule_help_uri(code: str, name: str) -> str:
    """The rule's section in docs/rules.md (its heading is ``## CODE name``)."""
    return f"{DOCS}/rules.md#{code.lower()}-{name}"


def load_errors_uri() -> str:
    return f"{DOCS}/format.md#what-the-loader-checks-validation"
