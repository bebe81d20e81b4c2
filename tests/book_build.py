"""A session-wide build of the real book, shared by test_book.py and test_browser.py.

The book is copied (sources and data, no build output) into a temporary folder and
built there exactly as ``make book`` builds it, with ``RDAUG_DATA_DIR`` pointing at
the copy's data. Tests can then add a study file without touching the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Everything a page may read or link to is copied; these are not (environment,
# build output, caches, and the test suite itself).
NOT_COPIED = {".git", ".venv", "_build", "tests", "bench", "__pycache__"}


@dataclass
class BuiltBook:
    root: Path
    log: str

    @property
    def html(self) -> Path:
        return self.root / "_build" / "html"

    @property
    def studies(self) -> Path:
        return self.root / "data" / "studies"

    def env(self) -> dict[str, str]:
        return {**os.environ, "RDAUG_DATA_DIR": str(self.root / "data")}

    def build(self) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "rdaug.book", "build", "--root", str(self.root)],
            cwd=self.root,
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        self.log = result.stdout + result.stderr
        return result


def copy_book(target: Path) -> BuiltBook:
    for source in REPO.iterdir():
        name = source.name
        if name in NOT_COPIED or (name.startswith(".") and source.is_dir()):
            continue
        if source.is_dir():
            shutil.copytree(
                source,
                target / name,
                ignore=shutil.ignore_patterns("*.ipynb", ".*", "__pycache__"),
            )
        else:
            shutil.copy2(source, target / name)
    return BuiltBook(target, "")


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> BuiltBook:
    book = copy_book(tmp_path_factory.mktemp("book"))
    result = book.build()
    assert result.returncode == 0, book.log[-6000:]
    return book
