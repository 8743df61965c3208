"""Shortcuts a one-shot ``argmap`` process takes while it starts (docs/performance.md,
"Start-up"). Only :mod:`argmap.__main__` calls these: a program that imports argmap as a library
keeps pydantic's and PyYAML's defaults."""

from __future__ import annotations

import re
import sys
from types import ModuleType
from typing import Any


def skip_pydantic_plugin_discovery() -> None:
    """pydantic looks for plugins (``importlib.metadata`` entry points, which imports ``email``,
    ``zipfile``, ``socket``...) the first time it builds a validator, whatever
    ``PYDANTIC_DISABLE_PLUGINS`` says: 15-18 ms, more than validating the seed map. argmap's
    models are its own, not a user's to instrument, so this process tells pydantic there are
    none."""
    if "pydantic.plugin._loader" not in sys.modules:
        loader = ModuleType("pydantic.plugin._loader")
        loader.get_plugins = tuple  # type: ignore[attr-defined]  # () : no plugins
        sys.modules["pydantic.plugin._loader"] = loader


class _PatternOnFirstUse:
    """Stands for ``re.compile(*args)`` and compiles it the first time it is used."""

    __slots__ = ("_arguments", "_compiled")

    def __init__(self, *arguments: Any) -> None:
        self._arguments = arguments
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._arguments)
        return getattr(self._compiled, name)


def import_pyyaml_patterns_on_first_use() -> None:
    """When PyYAML is first imported, compile its regular expressions when first used instead.

    PyYAML compiles ten patterns at import for its pure-Python reader, resolver and
    constructor; the reader's character class alone is a costly compile. argmap reads through
    libyaml's C parser and resolves plain scalars itself (argmap/read/yaml_tree.py), so a check
    never uses them: compiling them was a tenth of ``argmap validate`` (69 of 767 million
    instructions). PyYAML's pure-Python paths (``yaml.safe_dump`` for ``argmap export``, the
    loader where libyaml is missing) call methods on the patterns, which compile on first use.
    Commands that read no YAML (``--help``, ``rules``) do not import it at all."""
    if "yaml" not in sys.modules:
        sys.meta_path.insert(0, _PyYamlFinder())


class _PyYamlFinder:
    """Finds ``yaml`` as Python would, and runs its import with :func:`re.compile` deferred.
    The swap lasts only while the package's modules run, in this single-threaded start."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "yaml":
            return None
        sys.meta_path.remove(self)
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            # A loader by protocol; importlib.abc.Loader would cost an import at every start.
            spec.loader = _PatternsOnFirstUse(spec.loader)  # type: ignore[assignment]
        return spec


class _PatternsOnFirstUse:
    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: Any) -> Any:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        compile_now = re.compile
        re.compile = _PatternOnFirstUse  # type: ignore[assignment]
        try:
            self._loader.exec_module(module)
        finally:
            re.compile = compile_now
