"""Where the review's data live.

The library is installed in editable mode from the repository, so the data folder is
found next to ``lib/``. ``RDAUG_DATA_DIR`` points elsewhere, e.g. at a test fixture.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """Return the data folder: ``$RDAUG_DATA_DIR`` if set, else ``<repo>/data``."""
    override = os.environ.get("RDAUG_DATA_DIR")
    return Path(override) if override else REPO_ROOT / "data"


def studies_dir() -> Path:
    """Return the folder that holds one YAML file per study."""
    return data_dir() / "studies"


def vocabulary_path() -> Path:
    """Return the vocabulary file.

    It is looked up in the data folder first and falls back to the repository's own,
    so a fixture folder of study files needs no copy of the vocabularies.
    """
    candidate = data_dir() / "vocabulary.yaml"
    return candidate if candidate.exists() else REPO_ROOT / "data" / "vocabulary.yaml"
