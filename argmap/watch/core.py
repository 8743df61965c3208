"""The warm, incremental core behind ``argmap watch``: check, draw and page each map, again only
when what it is made of changed.

A map's *digest* is the SHA-256 of its own bytes and of every source text it quotes. A saved file
re-checks only the maps whose digest it changed (a save that changed nothing, as editors often do,
changes none). A map that fails to load or validate keeps its last good diagram and page: the
problems are reported, the outputs stay as they were.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.batch import collect_map_files, load_one
from argmap.problems import ArgmapError, Level, Problem, UnreadableInputError, one_line
from argmap.read import DEFAULT_LIMITS, Limits, YamlError, forget_inputs_read, read_bytes
from argmap.render.layouts import LayoutCache

if TYPE_CHECKING:
    from argmap.atomic import Written
    from argmap.lint.config import LintConfig
    from argmap.model import LoadedMap
    from argmap.render.engine import Engine
    from argmap.render.pipeline import Drawing, SideBySide
    from argmap.report import ReportPage

    Finding = tuple[str | None, Problem]  # a lint finding and the id of the element it is about


@dataclass(frozen=True)
class WatchOptions:
    config_path: Path | None = None  # None: the nearest configuration above the current folder
    report: bool = True  # write the reader page (argmap report) too, not only the diagram
    engine: str | None = None
    timeout: float = 300.0
    allow_outside_paths: bool = False
    limits: Limits = DEFAULT_LIMITS


@dataclass
class MapState:
    """What the core knows of one map: its digest when last checked, and how that went."""

    path: Path
    digest: str = ""
    sources: tuple[Path, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    diagram: Written | None = None  # the last good diagram (kept when a save breaks the map)
    page: Written | None = None  # the last good reader page
    broken: bool = False  # the last save could not be drawn: the outputs are older than it
    seconds: float = 0.0  # how long the last check took


@dataclass(frozen=True)
class Refresh:
    """One round of the loop: which maps were checked again, and the time it took."""

    checked: tuple[Path, ...]
    seconds: float


class WarmCore:
    """Maps under ``paths``, each checked (validate, lint), drawn (SVG) and paged (reader page)
    when its digest changes. Imports, models and configuration stay loaded between rounds."""

    def __init__(self, paths: Sequence[Path], options: WatchOptions = WatchOptions()) -> None:
        self.paths = list(paths)
        self.options = options
        self.maps: dict[Path, MapState] = {}
        self.version = 0  # bumped whenever an output or a problem list changed
        self._config: LintConfig | None = None
        self._engine: Engine | None = None
        self.layouts = LayoutCache()  # a view a save did not change is not laid out again

    def refresh(self, changed: Iterable[Path] | None = None) -> Refresh:
        """Check again the maps whose digest changed. ``changed`` (the files a save touched)
        only narrows which maps are looked at; the digest decides what is redone."""
        started = time.perf_counter()
        files, _ = collect_map_files(self.paths)
        for gone in set(self.maps) - set(files):
            del self.maps[gone]
        touched = None if changed is None else {path.resolve() for path in changed}
        checked = []
        for path in files:
            state = self.maps.setdefault(path, MapState(path))
            if touched is not None and not self._concerns(state, touched):
                continue
            digest = self._digest(state)
            if digest == state.digest:
                continue
            state.digest = digest
            self._check(state)
            checked.append(path)
        if checked:
            self.version += 1
        return Refresh(tuple(checked), time.perf_counter() - started)

    @staticmethod
    def _concerns(state: MapState, touched: set[Path]) -> bool:
        if not state.digest:
            return True
        return any(path.resolve() in touched for path in (state.path, *state.sources))

    def _digest(self, state: MapState) -> str:
        """Through the bounded reader every command uses: a map or source replaced by a FIFO,
        a device or a link to one, or grown past its limit, is a reason in the digest (and an
        error when checked), never a read that blocks or never ends."""
        limits = self.options.limits
        digest = hashlib.sha256()
        for path, max_bytes in ((state.path, limits.max_file_bytes),
                                *((source, limits.max_source_bytes) for source in state.sources)):
            try:
                digest.update(read_bytes(path, max_bytes))
            except (UnreadableInputError, YamlError) as error:
                digest.update(f"unreadable {path}: {error}".encode())
            digest.update(b"\0")
        return digest.hexdigest()

    def _check(self, state: MapState) -> None:
        started = time.perf_counter()
        forget_inputs_read()  # this map's round: its own inputs are read again below
        outcome = load_one(state.path, self.options.limits)
        loaded = outcome.map
        if loaded is None:
            state.problems = list(outcome.problems) or [
                Problem(str(state.path), 1, 1, "AM000", outcome.error or "could not be read")]
            state.broken = True
        else:
            state.sources = self._readable_sources(loaded)
            state.digest = self._digest(state)  # now with the sources' bytes
            findings, diagram, page = self._make(loaded)
            state.problems = sorted(problem for _, problem in findings)
            state.broken = not self._write(state, loaded, diagram, page)
        state.seconds = time.perf_counter() - started

    def _readable_sources(self, loaded: LoadedMap) -> tuple[Path, ...]:
        """The source texts lint and the page read: one outside the repository is refused
        there (unless allowed), so it is not read for the digest either."""
        from argmap.analyse.sources import SourceReader

        reader = SourceReader(loaded, allow_outside=self.options.allow_outside_paths)
        return tuple(loaded.source_path(source) for source in loaded.model.sources
                     if reader.may_read(source))

    def _make(self, loaded: LoadedMap
              ) -> tuple[Sequence[Finding], Drawing | ArgmapError, ReportPage | None]:
        """The lint findings, the diagram and (unless diagram only) the page. The layouts are
        started first and run while lint and the page's text are made; the page's full view
        is the diagram, laid out once for both."""
        if self.options.report:
            try:
                page = self._page(loaded)
            except ArgmapError as error:
                return self._lint(loaded), error, None
            return page.findings, page.drawings.get("full") or self._diagram(loaded), page
        try:
            started = self._start_diagram(loaded)
        except ArgmapError as error:
            return self._lint(loaded), error, None
        with started:
            findings = self._lint(loaded)  # while the layout runs
            return findings, started.result(0), None

    def _lint(self, loaded: LoadedMap) -> list[Finding]:
        from argmap.lint.engine import LintSettings, lint_by_element

        return lint_by_element(loaded, LintSettings(self.config(), self.options.allow_outside_paths,
                                                    self.options.limits))

    def config(self) -> LintConfig:
        if self._config is None:
            from argmap.lint.config import find_config, load_config

            self._config = load_config(self.options.config_path or find_config(Path.cwd()))
        return self._config

    def _start_diagram(self, loaded: LoadedMap) -> SideBySide:
        """The full view, as ``argmap render`` draws it, on its way."""
        from argmap.render.dot import DrawOptions
        from argmap.render.pipeline import SideBySide

        return SideBySide(loaded, [DrawOptions()], ("svg",), self.engine(), self.options.timeout,
                          layouts=self.layouts)

    def _diagram(self, loaded: LoadedMap) -> Drawing | ArgmapError:
        """The full view alone (when the page could not show it: too big for a page)."""
        try:
            started = self._start_diagram(loaded)
        except ArgmapError as error:
            return error
        with started:
            return started.result(0)

    def _page(self, loaded: LoadedMap) -> ReportPage:
        from argmap.commands.report import MAX_NODES
        from argmap.report import ReportOptions, build_report

        options = ReportOptions(self.config(), self.options.allow_outside_paths,
                                self.options.engine, self.options.timeout, MAX_NODES,
                                self.options.limits, self.layouts)
        return build_report(loaded, options)

    def _write(self, state: MapState, loaded: LoadedMap, diagram: Drawing | ArgmapError,
               page: ReportPage | None) -> bool:
        """Write the diagram (and the page); on failure keep the last good ones. True if done."""
        from argmap.atomic import write_bytes_atomic, write_text_atomic

        try:
            if isinstance(diagram, ArgmapError):
                raise diagram
            # What was written is remembered by identity: the server sends only these files.
            state.diagram = write_bytes_atomic(loaded.path.with_suffix(".svg"),
                                               diagram.outputs["svg"])
            if page is not None:
                state.page = write_text_atomic(loaded.path.with_suffix(".html"), page.html)
        except ArgmapError as error:
            state.problems.append(Problem(str(loaded.path), 1, 1, "AM000",
                                          f"not drawn: {one_line(str(error))}", Level.ERROR))
            return False
        return True

    def engine(self) -> Engine:
        if self._engine is None:
            from argmap.render.engine import find_engine

            self._engine = find_engine(self.options.engine)
        return self._engine

    def problems(self) -> list[Problem]:
        return sorted(problem for state in self.maps.values() for problem in state.problems)
