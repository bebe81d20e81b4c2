"""Errors and warnings of the rdaug library, gathered in one place.

A contributed study file is checked as a whole: every problem found is kept as a
:class:`Problem` and raised together in one :class:`StudyValidationError`, so a
contributor fixes a file in one round instead of one error per run.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one study file.

    Parameters
    ----------
    path : str
        The file, as the user named it (or as found under ``data/studies``).
    field : str
        Dotted location inside the record (``methods[0].family``), or ``<file>`` for
        problems of the file itself (encoding, YAML syntax, emptiness).
    message : str
        What is wrong and what is allowed instead.
    """

    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


class StudyValidationError(ValueError):
    """One or more study files break the schema or the vocabularies.

    ``problems`` lists every problem found, sorted by file and field.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in study files:\n{lines}")


class VocabularyError(ValueError):
    """The vocabulary file itself is malformed (a maintainer's error, not a study's)."""
