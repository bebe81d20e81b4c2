"""The controlled vocabularies of ``data/vocabulary.yaml``, loaded once.

Study files may only use these terms; the validator suggests the nearest one when a
value is unknown. The vocabulary also carries the mapping from method family to
approach (data augmentation or synthetic data generation), which is how the review's
Table 3 is derived instead of typed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from .errors import VocabularyError
from .paths import vocabulary_path

APPROACHES = ("data augmentation", "synthetic data generation")
FLAT_LISTS = (
    "study_focus",
    "data_type",
    "disease_class",
    "task",
    "size_unit",
    "origin",
    "extraction",
    "confidence",
    "exclusion_reason",  # screening decisions (rdaug.prisma), not study fields
)


@dataclass(frozen=True)
class Vocabulary:
    """Terms and descriptions of each controlled field.

    ``terms[name]`` maps each allowed term to its one-line description;
    ``families`` maps a method family to its approach, description and techniques.
    """

    terms: dict[str, dict[str, str]]
    families: dict[str, dict]

    def allowed(self, name: str) -> list[str]:
        """Return the allowed terms of a flat list (``data_type``, ``task``, ...)."""
        return list(self.terms[name])

    def is_allowed(self, name: str, term: str) -> bool:
        """Tell whether ``term`` belongs to the flat list ``name``."""
        return term in self.terms[name]

    def techniques(self, family: str) -> list[str]:
        """Return the techniques that belong to a method family."""
        return list(self.families[family]["techniques"])

    def all_techniques(self) -> list[str]:
        """Return every technique, family by family, in the file's order."""
        return list(self._family_of_technique)

    def family_of(self, technique: str) -> str | None:
        """Return the family a technique belongs to, or None if it is unknown."""
        return self._family_of_technique.get(technique)

    @cached_property
    def _family_of_technique(self) -> dict[str, str]:
        # Validation asks this for every technique of every study: a dict lookup
        # instead of a scan of all families keeps 10,000 files within seconds.
        return {
            technique: family
            for family, spec in self.families.items()
            for technique in spec.get("techniques") or {}
        }

    def approach(self, family: str) -> str:
        """Return 'data augmentation' or 'synthetic data generation' for a family."""
        return self.families[family]["approach"]


def nearest(value: object, allowed: list[str]) -> str | None:
    """Return the allowed term closest to ``value``, or None if none is close.

    Case and surrounding spaces are ignored, and a term that contains the value (or is
    contained in it) counts as close, so 'oversampling' finds 'oversampling techniques'.
    """
    if not isinstance(value, str) or not allowed:
        return None
    folded = {term.casefold(): term for term in allowed}
    probe = " ".join(value.casefold().replace("_", " ").split())
    if probe in folded:
        return folded[probe]
    close = difflib.get_close_matches(probe, list(folded), n=1, cutoff=0.6)
    if close:
        return folded[close[0]]
    containing = [t for t in folded if probe and (probe in t or t in probe)]
    return folded[min(containing, key=len)] if containing else None


def _read(path: Path) -> Vocabulary:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise VocabularyError(f"{path}: expected a mapping of vocabularies")

    missing = [name for name in (*FLAT_LISTS, "method_family") if name not in raw]
    if missing:
        raise VocabularyError(f"{path}: missing vocabularies {missing}")

    terms = {
        name: {str(k): str(v) for k, v in raw[name].items()} for name in FLAT_LISTS
    }
    families = raw["method_family"]
    seen: dict[str, str] = {}
    for family, spec in families.items():
        if spec.get("approach") not in APPROACHES:
            raise VocabularyError(
                f"{path}: method_family.{family}.approach must be one of {APPROACHES}"
            )
        for technique in spec.get("techniques", {}):
            if technique in seen:
                raise VocabularyError(
                    f"{path}: technique {technique!r} is listed under both "
                    f"{seen[technique]!r} and {family!r}"
                )
            seen[technique] = family
    return Vocabulary(terms=terms, families=families)


@cache
def _cached(path: str, mtime_ns: int) -> Vocabulary:
    return _read(Path(path))


_pinned: ContextVar[Vocabulary | None] = ContextVar("pinned_vocabulary", default=None)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Load the vocabulary file (cached until the file changes).

    Inside a :func:`pinned_vocabulary` block the vocabulary loaded at its start is
    returned without looking at the file again.
    """
    if path is None:
        pinned = _pinned.get()
        if pinned is not None:
            return pinned
    path = Path(path) if path else vocabulary_path()
    return _cached(str(path.resolve()), path.stat().st_mtime_ns)


@contextmanager
def pinned_vocabulary() -> Iterator[Vocabulary]:
    """Use one loaded vocabulary for every check made inside the block.

    Checking a study looks up a dozen terms; finding and stat-ing the vocabulary file
    for each lookup cost more than reading the study itself. A batch of files is
    checked against the vocabulary as it was when the batch started.
    """
    token = _pinned.set(load_vocabulary())
    try:
        yield _pinned.get()
    finally:
        _pinned.reset(token)
