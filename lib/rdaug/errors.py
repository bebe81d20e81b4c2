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


class _ProblemsError(ValueError):
    """Every problem found in a set of data files, raised together.

    ``problems`` lists them sorted by file and field; ``what`` names the files in the
    message ("study files", "screening logs").
    """

    what = "data files"

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in {self.what}:\n{lines}")


class StudyValidationError(_ProblemsError):
    """One or more study files break the schema or the vocabularies.

    ``problems`` lists every problem found, sorted by file and field.
    """

    what = "study files"


class VocabularyError(ValueError):
    """The vocabulary file itself is malformed (a maintainer's error, not a study's)."""


class DemoDataError(ValueError):
    """A demo data set was asked for with arguments it cannot satisfy."""


class AugmentationError(ValueError):
    """An augmentation, generator or evaluation got input it cannot work with."""


class ScreeningLogError(_ProblemsError):
    """One or more screening logs (``data/screening/*.yaml``) are malformed.

    Like :class:`StudyValidationError`, it carries every problem found, each naming
    the file, the field and what is allowed there.
    """

    what = "screening logs"


class SearchSetupError(ValueError):
    """The search set-up (queries file, disease list or queue) is malformed."""


class EUtilsUnavailableError(OSError):
    """NCBI E-utilities could not be reached or answered with an error.

    An ``OSError`` rather than a ``ValueError``: nothing the user passed is wrong, the
    service (or the network to it) is; running again later is the remedy.
    """


class ChangelogError(ValueError):
    """``data/changelog.yaml`` is malformed; the message names the file and field."""
