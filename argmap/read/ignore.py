"""Which files a folder walk leaves out because git ignores them (``.gitignore``).

``argmap lint .`` should not lint the YAML of ``node_modules/``, a virtual environment or a build
folder. Git's rules are subtle (negation, anchoring, folder-only patterns, one ignore file per
folder, the deeper one winning), so they are read with ``pathspec``, which implements them,
rather than with a pattern matcher of our own. The ignore files that count are those of the
repository holding the folder (from its root down), or of the walked folder when it is in none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

IGNORE_FILE = ".gitignore"


class GitIgnore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.root = _repository_root(self.folder) or self.folder
        self.specs: dict[Path, Any] = {}  # folder -> its compiled ignore file
        for parent in reversed([self.folder, *self.folder.parents]):
            if parent == self.root or parent.is_relative_to(self.root):
                self.add_folder(parent)

    def add_folder(self, folder: Path) -> None:
        ignore_file = folder / IGNORE_FILE
        if folder in self.specs or not ignore_file.is_file():
            return
        from pathspec import GitIgnoreSpec

        try:
            lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        self.specs[folder] = GitIgnoreSpec.from_lines(lines)

    def ignored(self, path: Path, *, is_folder: bool) -> bool:
        """Whether git ignores ``path`` (absolute): the deepest ignore file that has a say wins."""
        verdict = False
        for base, spec in self.specs.items():
            if base != path and base in path.parents:
                relative = path.relative_to(base).as_posix() + ("/" if is_folder else "")
                included = spec.check_file(relative).include
                if included is not None:
                    verdict = included
        return verdict


def _repository_root(folder: Path) -> Path | None:
    return next((candidate for candidate in (folder, *folder.parents)
                 if (candidate / ".git").exists()), None)
