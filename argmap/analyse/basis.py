"""What each element rests on: its basis, defined once and computed in one pass over the map.

Every view, the reader page, ``evaluate``, ``diff`` and lint read the basis from here
(:attr:`argmap.analyse.graph.ArgumentGraph.bases`), so they cannot disagree.

**What rests on what** (:meth:`Steps.parts`): a proposition rests on its own quotes and on the
inferences that conclude it; an inference on the quotes that state it and on its premises; a
question on its hypotheses. A quote carries its document, its speaker and its relay (the ``via``
actor, else the document).

**Evidence** is what the text *reports*: the quotes anchoring a reported fact or an attributed
claim. The quotes of a judgment, an assumption or an inference record where the text *asserts*
it; they are the assertion itself, not evidence for it.

**A line of support** of a proposition is one way of deriving it: it is quoted evidence (a fact
or claim with quotes), or it stands unsupported (a leaf: an assumption, or any proposition no
inference concludes and no quote evidences: an *unsupported assertion*), or one inference
concludes it and each premise has a line of its own. A line *reaches only evidence* when every
leaf of it is evidence.

**Weak links** of a proposition: a smallest set of unsupported assertions and assumptions that
every line of support passes through (a *hitting set* of its lines' weak leaves), named by id.
Dominators (the leaves on *every* line) would often be empty: a judgment with two alternative
lines, one on assumption A and one on assumption B, hinges on "A or B" and has no dominator,
yet it does not rest on evidence. So the hitting set, built bottom-up: a leaf needs itself; an
inference needs the smallest set of any one of its premises (breaking one premise breaks every
line through the inference; ties go to the first premise); a proposition concluded by several
inferences needs the union of theirs (every alternative must be broken). This is the smallest
set whenever alternative lines share no weak leaf (a tree); when they do, the union is still a
set every line passes through, though possibly one larger than the least (the least is
NP-hard in general). The sets are bit sets carried up in one pass, so the work is linear in the
map times a few machine words.

**The class** of a proposition (:class:`argmap.analyse.graph.Basis`):

* ``evidence``: some line of support reaches only evidence (no weak links);
* ``hinges``: evidence stands under it, but every line passes through a weak link (named);
* ``assertion``: no evidence anywhere under it (drawn *NO EVIDENCE*).

Support cycles (which lint reports) give no line of their own: a line may enter a cycle and
leave it, but going round it adds nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from argmap.analyse.evidence import Reports
from argmap.analyse.graph import EVIDENCE_KINDS, ArgumentGraph, Basis, strongly_connected
from argmap.model.elements import ArgumentMap, Attack, Inference, Quote

JUDGMENT_KINDS = frozenset({"author_judgment", "hypothesis"})
# How many causes ``diff`` keeps per judgment: enough to point a reviewer at the change, and the
# bound that keeps propagation linear (each element's cause set grows at most this many times).
MAX_CAUSES = 5


class Steps:
    """What rests on what in one map, counting the given inferences (all, or the author's)."""

    def __init__(self, graph: ArgumentGraph, inferences: Sequence[Inference] | None = None
                 ) -> None:
        self.graph = graph
        self.counted = graph.model.inferences if inferences is None else inferences
        if inferences is None:
            self.concluding: dict[str, list[Inference]] = graph.supported_by
        else:
            self.concluding = defaultdict(list)
            for inference in inferences:
                self.concluding[inference.conclusion].append(inference)
        self.inferences = {inference.id: inference for inference in self.counted}

    def parts(self, element: str) -> list[str]:
        """What ``element`` rests on directly (see the module's docstring)."""
        proposition = self.graph.propositions.get(element)
        if proposition is not None:
            return [*proposition.quotes,
                    *(inference.id for inference in self.concluding.get(element, ()))]
        inference = self.inferences.get(element)
        if inference is not None:
            return [*inference.quotes, *inference.premises]
        return list(self.graph.hypotheses.get(element, ()))


def quote_origins(quote: Quote) -> tuple[str, str, str]:
    """A quote's document, speaker and relay (its ``via`` actor, else its document)."""
    relay = f"actor {quote.via}" if quote.via else f"source {quote.source}"
    return quote.source, quote.speaker, relay


@dataclass(frozen=True)
class BasisRecord:
    """One element's basis: its class, the evidence under it, its weak links, the attacks on
    any step of it."""

    basis: Basis
    quotes: int  # evidence quotes under it (anchoring reported facts and attributed claims)
    reports: Reports  # their distinct documents, speakers and relays
    grades: tuple[str, ...]  # the distinct reliability grades of those quotes, best first
    weak_links: tuple[str, ...]  # in the map's order
    attacks: Counter[str]  # attacks on any element of its basis, by kind

    @property
    def best_grade(self) -> str | None:
        return min(self.grades) if self.grades else None

    @property
    def worst_grade(self) -> str | None:
        return max(self.grades) if self.grades else None


class Bases:
    """Every element's :class:`BasisRecord`, computed for the whole map at once."""

    def __init__(self, graph: ArgumentGraph, inferences: Sequence[Inference] | None = None
                 ) -> None:
        self.graph = graph
        self.steps = Steps(graph, inferences)
        self.figures = _Figures(self.steps)
        self.needs = _weak_link_sets(self.steps, self.figures.leaves)
        self.classes: dict[str, Basis] = {
            element: self._class(element) for element in graph.propositions}

    def _class(self, element: str) -> Basis:
        needs = self.needs.get(element)
        if needs == 0:
            return Basis.EVIDENCE
        return Basis.HINGES if self.figures.has_evidence(element) else Basis.ASSERTION

    def weak_links(self, element: str) -> tuple[str, ...]:
        """The unsupported assertions and assumptions every line of support to ``element``
        passes through (itself excluded: an unsupported element is its own only line)."""
        bits = self.needs.get(element) or 0
        names = (name for name in self.figures.leaves.decode(bits) if name != element)
        return tuple(sorted(names, key=lambda name: self.graph.position.get(name, 0)))

    def of(self, element: str) -> BasisRecord:
        quotes, reports, grades, attacks = self.figures.of(element)
        basis = self.classes.get(element) or self._class(element)
        return BasisRecord(basis, quotes, reports, grades, self.weak_links(element), attacks)


class _Numbering:
    """A bit per distinct name, and the names back from a bit set."""

    def __init__(self) -> None:
        self.bit: dict[str, int] = {}
        self.names: list[str] = []

    def of(self, name: str) -> int:
        number = self.bit.setdefault(name, len(self.names))
        if number == len(self.names):
            self.names.append(name)
        return 1 << number

    def decode(self, bits: int) -> Iterator[str]:
        while bits:
            lowest = bits & -bits
            yield self.names[lowest.bit_length() - 1]
            bits ^= lowest


# The figures carried up, one bit set each: the evidence quotes, their documents, speakers,
# relays and grades, and the attacks on any element reached.
_QUOTES, _SOURCES, _SPEAKERS, _RELAYS, _GRADES, _ATTACKS = range(6)
_Sets = list[int]


class _Figures:
    """The evidence and attacks under every element, carried up from below as bit sets (Python
    integers: one bit per quote, document, speaker...), so an element's sets are the union of
    its own and its parts': one pass, each union a few machine words per 64 names. A long chain
    summarised element by element would walk n^2/2 elements. The elements of a support cycle
    reach the same things and share one set."""

    def __init__(self, steps: Steps) -> None:
        self.graph = steps.graph
        self.numbers = [_Numbering() for _ in range(6)]
        self.leaves = _Numbering()  # the weak links' names (filled by _weak_link_sets)
        self.kind_masks: dict[str, int] = {}
        parts = {element: steps.parts(element) for element in _elements(steps)}
        for element in [part for listed in parts.values() for part in listed]:
            parts.setdefault(element, [])  # a dangling id (not in a valid map): no parts
        self.sets: dict[str, _Sets] = {}
        for component in strongly_connected(list(parts), parts):
            union = [0] * 6
            for element in component:
                for part in (self._own(element),
                             *(self.sets.get(p, [0] * 6) for p in parts[element])):
                    for slot in range(6):
                        union[slot] |= part[slot]
            for element in component:
                self.sets[element] = union

    def _own(self, element: str) -> _Sets:
        graph, numbers = self.graph, self.numbers
        sets = [0] * 6
        proposition = graph.propositions.get(element)
        if proposition is not None and proposition.kind in EVIDENCE_KINDS:
            for quote_id in proposition.quotes:
                quote = graph.quotes.get(quote_id)
                if quote is not None:
                    self._add_quote(sets, quote)
        for attack in graph.attacked_by.get(element, ()):
            attack_bit = numbers[_ATTACKS].of(attack.id)
            sets[_ATTACKS] |= attack_bit
            self.kind_masks[attack.kind] = self.kind_masks.get(attack.kind, 0) | attack_bit
        return sets

    def _add_quote(self, sets: _Sets, quote: Quote) -> None:
        numbers = self.numbers
        sets[_QUOTES] |= numbers[_QUOTES].of(quote.id)
        for slot, name in zip((_SOURCES, _SPEAKERS, _RELAYS), quote_origins(quote), strict=True):
            sets[slot] |= numbers[slot].of(name)
        grade = _grade(self.graph, quote)
        if grade is not None:
            sets[_GRADES] |= numbers[_GRADES].of(grade)

    def has_evidence(self, element: str) -> bool:
        return bool(self.sets.get(element, [0])[_QUOTES])

    def of(self, element: str) -> tuple[int, Reports, tuple[str, ...], Counter[str]]:
        sets = self.sets.get(element) or self._own(element)
        numbers = self.numbers
        reports = Reports(*(frozenset(numbers[slot].decode(sets[slot]))
                            for slot in (_SOURCES, _SPEAKERS, _RELAYS)))
        attacks = Counter({kind: count for kind, mask in self.kind_masks.items()
                           if (count := (sets[_ATTACKS] & mask).bit_count())})
        return (sets[_QUOTES].bit_count(), reports,
                tuple(sorted(numbers[_GRADES].decode(sets[_GRADES]))), attacks)


def _elements(steps: Steps) -> Iterator[str]:
    model = steps.graph.model
    for section in (model.quotes, model.propositions, steps.counted, model.questions):
        for element in section:
            yield element.id


def _grade(graph: ArgumentGraph, quote: Quote) -> str | None:
    """A quote's reliability: its speaker's grade, else its document's."""
    actor, source = graph.actors.get(quote.speaker), graph.sources.get(quote.source)
    grade = (actor.grade if actor is not None and actor.grade is not None
             else source.grade if source is not None else None)
    return None if grade is None else str(grade.reliability)


def _weak_link_sets(steps: Steps, leaves: _Numbering) -> dict[str, int | None]:
    """For every proposition and inference, the bits (numbered by ``leaves``) of its weak links
    (see the module's docstring): ``0`` when some line reaches only evidence, ``None`` when no
    line of support ends (only a support cycle)."""
    graph = steps.graph
    edges: dict[str, list[str]] = {}
    for element in graph.propositions:
        edges[element] = [inference.id for inference in steps.concluding.get(element, ())]
    for inference in steps.counted:
        edges[inference.id] = [p for p in inference.premises if p in graph.propositions]
    needs: dict[str, int | None] = {}
    for component in strongly_connected(list(edges), edges):  # sinks first
        # Round a cycle at most once per member: a line that goes further only repeats itself.
        for _ in range(len(component)):
            before = [needs.get(element, -1) for element in component]
            for element in component:
                needs[element] = _needs(steps, element, edges[element], needs, leaves)
            if [needs[element] for element in component] == before:
                break
    return needs


def _needs(steps: Steps, element: str, below: list[str], needs: dict[str, int | None],
           leaves: _Numbering) -> int | None:
    """One element's weak-link bits from those of the elements below it (not yet reached: no
    line)."""
    proposition = steps.graph.propositions.get(element)
    if proposition is None:  # an inference: every premise must hold, so breaking one will do
        premises = [needs.get(premise) for premise in below]
        if not premises or any(bits is None for bits in premises):
            return None
        weak = [bits for bits in premises if bits]
        return min(weak, key=int.bit_count) if weak else 0
    if proposition.kind in EVIDENCE_KINDS and proposition.quotes:
        return 0
    if not below:  # unsupported: it is its own weak link
        return leaves.of(element)
    branches = [bits for bits in (needs.get(step) for step in below) if bits is not None]
    if not branches:
        return None
    if 0 in branches:
        return 0
    union = 0
    for bits in branches:  # every alternative line must be broken
        union |= bits
    return union


@dataclass(frozen=True)
class BasisTree:
    """``support``: the element and every quote, proposition and inference it rests on;
    ``attacks``: the attacks on any of them; ``attackers``: what those attacks add to draw
    (the attackers and their own quotes)."""

    support: frozenset[str]
    attacks: tuple[Attack, ...]
    attackers: frozenset[str]

    @property
    def members(self) -> frozenset[str]:
        return self.support | self.attackers


def basis_of(graph: ArgumentGraph, element_id: str) -> BasisTree:
    """Everything ``element_id`` rests on, whole (the basis view draws it), in time
    proportional to what is reached."""
    steps = graph.bases.steps
    support: dict[str, None] = {}
    pending = [element_id]
    while pending:
        element = pending.pop()
        if element not in support:
            support[element] = None
            pending.extend(steps.parts(element))
    attacks = tuple(sorted((attack for member in support
                            for attack in graph.attacked_by.get(member, ())),
                           key=lambda attack: graph.position[attack.id]))
    attackers: set[str] = set()
    for attack in attacks:
        if attack.attacker not in support:
            attackers.add(attack.attacker)
            proposition = graph.propositions.get(attack.attacker)
            attackers.update(proposition.quotes if proposition is not None else ())
    return BasisTree(frozenset(support), attacks, frozenset(attackers))


def rests_on_edges(graph: ArgumentGraph) -> dict[str, list[str]]:
    """Element id -> ids of the elements that rest on it (one step up the basis): the parts
    turned round, a quote's document, speaker and relay, and an attack on the element it hits."""
    steps = graph.bases.steps
    up: dict[str, list[str]] = defaultdict(list)
    for element in _elements(steps):
        for part in steps.parts(element):
            up[part].append(element)
    for quote in graph.model.quotes:
        up[quote.source].append(quote.id)
        up[quote.speaker].append(quote.id)
        if quote.via:
            up[quote.via].append(quote.id)
    for attack in graph.model.attacks:
        up[attack.id].append(attack.target)
    return up


def affected_judgments(model: ArgumentMap, changed: Iterable[str]) -> dict[str, set[str]]:
    """Judgment id -> the changed elements (at most :data:`MAX_CAUSES`) in its basis, itself
    excluded: a judgment's own rewording is its own change, not a consequence. Propagation runs
    upward from each changed element, once per element: linear in the size of the map."""
    up = rests_on_edges(ArgumentGraph.of(model))
    causes: dict[str, set[str]] = defaultdict(set)
    pending: deque[str] = deque()
    for element in changed:
        causes[element].add(element)
        pending.append(element)
    while pending:
        element = pending.popleft()
        carried = causes[element]
        for above in up.get(element, ()):
            reached = causes[above]
            if len(reached) >= MAX_CAUSES or carried <= reached:
                continue
            before = len(reached)
            for cause in sorted(carried - reached)[: MAX_CAUSES - before]:
                reached.add(cause)
            pending.append(above)
    judgments = {p.id for p in model.propositions if p.kind in JUDGMENT_KINDS}
    return {judgment: found - {judgment} for judgment, found in causes.items()
            if judgment in judgments and found - {judgment}}
