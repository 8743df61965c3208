"""docs/format.md stays true to the models: every field is documented, the example is current."""

from __future__ import annotations

import pytest
from conftest import ROOT
from pydantic import BaseModel

from argmap.model import elements

FORMAT_DOC = (ROOT / "docs" / "format.md").read_text()
MODELS = [
    value for value in vars(elements).values()
    if isinstance(value, type) and issubclass(value, BaseModel)
    and value.__module__ == elements.__name__ and not value.__name__.startswith("_")
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    for name in model.model_fields:
        assert f"`{name}`" in FORMAT_DOC, f"{model.__name__}.{name} is not in docs/format.md"


def test_every_scheme_and_kind_is_documented() -> None:
    for literal in (elements.Scheme, elements.PropositionKind, elements.AttackKind):
        for value in literal.__args__:
            assert f"`{value}`" in FORMAT_DOC, value


def test_the_complete_example_is_the_tested_file() -> None:
    example = (ROOT / "tests" / "examples" / "valid" / "harbour.yaml").read_text()
    assert f"```yaml\n{example}```" in FORMAT_DOC
