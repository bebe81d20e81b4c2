"""Load the study files into one pandas DataFrame, one row per study.

This is the single entry point of the book: every count, chart and table is computed
from :func:`load_studies`. Multi-valued fields stay lists in the wide frame;
:func:`long_view` turns one of them into a tidy frame with one row per study and value.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .errors import Problem, StudyValidationError
from .paths import REPO_ROOT, studies_dir
from .validation import FILE, Checked, check_dataset, check_document, read_yaml
from .vocabulary import load_vocabulary, pinned_vocabulary

logger = logging.getLogger(__name__)

LIST_FIELDS = (
    "authors",
    "study_focus",
    "disease",
    "orpha",
    "disease_class",
    "data_type",
    "method_family",
    "technique",
    "task",
)


def study_files(paths: Iterable[os.PathLike | str] | None = None) -> list[Path]:
    """Expand files and folders into the list of study files to read.

    A folder contributes its ``*.yaml`` and ``*.yml`` files (the latter are reported,
    since the key convention needs ``.yaml``); a file is taken as given.
    """
    chosen = [Path(p) for p in paths] if paths else [studies_dir()]
    files: list[Path] = []
    for path in chosen:
        if path.is_dir():
            files.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
        else:
            files.append(path)
    return files


def display_path(path: os.PathLike | str) -> str:
    """Name a file for messages: relative to the working folder or the repository."""
    return _labeller()(path)


def _labeller():
    # Looks the working folder up once: a batch of 10,000 files would otherwise ask
    # the operating system for it several times per file.
    cwd = os.getcwd()
    prefixes = [base.rstrip(os.sep) + os.sep for base in (cwd, str(REPO_ROOT))]

    def label(path: os.PathLike | str) -> str:
        absolute = os.path.normpath(os.path.join(cwd, path))
        for prefix in prefixes:
            if absolute.startswith(prefix):
                return absolute[len(prefix) :]
        return str(path)

    return label


_label = display_path


def check_files(
    files: list[Path], *, dataset: Iterable[Path] = ()
) -> tuple[list[Checked], list[Problem]]:
    """Check study files one by one and then as a dataset; never modifies them.

    Parameters
    ----------
    files : list of Path
        The study files to check; every problem found is about one of them.
    dataset : iterable of Path
        Further study files that ``files`` must not duplicate (key, DOI, PMID,
        title), e.g. all of ``data/studies`` when a contributor checks one new file.
        Their own problems are not reported: invalid ones are skipped here.

    Returns
    -------
    checked : list of Checked
        The valid files among ``files`` with their parsed studies, in file order.
    problems : list of Problem
        Every problem of ``files``, per file and across the dataset, sorted.
    """
    label_of = _labeller()
    # One entry per file, however it was named; a file of the dataset that is also
    # checked is not its own duplicate.
    labels = {os.path.abspath(p): (Path(p), label_of(p)) for p in files}
    others = {os.path.abspath(p): (Path(p), label_of(p)) for p in dataset}
    others = {k: v for k, v in others.items() if k not in labels}

    checked: list[Checked] = []
    problems: list[Problem] = []
    with pinned_vocabulary(), _collector_paused():
        for path, label in labels.values():
            study, file_problems = _check_one(path, label)
            problems.extend(file_problems)
            if study is not None:
                checked.append(Checked(path, study))
        reference = []
        for path, label in others.values():
            study, _ = _check_one(path, label)
            if study is not None:
                reference.append(Checked(path, study))
        across = check_dataset([*checked, *reference], label_of)
    mine = {label for _, label in labels.values()}
    problems.extend(p for p in across if p.path in mine)
    return checked, sorted(problems)


def _check_one(path: Path, label: str) -> tuple[object, list[Problem]]:
    """Read and check one file: ``(study or None, problems)``."""
    if not path.is_file():
        reason = "is a folder" if path.is_dir() else "does not exist"
        return None, [Problem(label, FILE, reason)]

    problems = []
    if path.suffix != ".yaml":
        problems.append(Problem(label, FILE, "study files must end in .yaml"))
    document, read_problems = read_yaml(path, label)
    if read_problems:
        return None, problems + read_problems
    study, study_problems = check_document(document, label, path.stem)
    problems.extend(study_problems)
    return (None if problems else study), problems


@contextmanager
def _collector_paused() -> Iterator[None]:
    # Reading a study creates many small dicts and lists and no reference cycles, yet
    # each allocation burst triggers Python's cycle collector, whose passes grow with
    # everything loaded so far: a sixth of the time for 10,000 files, and more than
    # linear. Pausing it for the batch changes no result; it resumes afterwards.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_studies(
    paths: Iterable[os.PathLike | str] | None = None,
) -> pd.DataFrame:
    """Validate and load study files into a DataFrame with one row per study.

    Parameters
    ----------
    paths : iterable of path-like, optional
        Files or folders of study files; by default ``data/studies``.

    Returns
    -------
    pandas.DataFrame
        Indexed by nothing in particular, sorted by year then key. List columns:
        ``authors, study_focus, disease, orpha, disease_class, data_type,
        method_family, technique, task``. Derived columns: ``approach`` (data
        augmentation, synthetic data generation, both, or missing when no method is
        known) and ``expansion_factor`` (size after / size before in the same unit).

    Raises
    ------
    StudyValidationError
        With every problem of every file when any file is invalid.
    """
    files = study_files(paths)
    with _collector_paused():
        checked, problems = check_files(files)
        if problems:
            raise StudyValidationError(problems)
        frame = studies_frame([item.study for item in checked])
    where = (
        ", ".join(_label(Path(p)) for p in paths) if paths else _label(studies_dir())
    )
    logger.info("validated %d studies in %s", len(frame), where)
    return frame


def _approach(families: list[str]) -> str | None:
    vocabulary = load_vocabulary()
    approaches = {vocabulary.approach(f) for f in families}
    if len(approaches) == 2:
        return "both"
    return approaches.pop() if approaches else None


def _link(study) -> str | None:
    if study.doi:
        return f"https://doi.org/{study.doi}"
    if study.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{study.pmid}/"
    return study.url


def _row(study) -> dict:
    size = study.data_size
    before, after = size.before, size.after
    factor = None
    if before and after and before.unit == after.unit:
        factor = after.value / before.value
    prov = study.provenance
    return {
        "key": study.key,
        "title": study.title,
        "authors": list(study.authors),
        "first_author": study.authors[0].split(",")[0] if study.authors else None,
        "year": study.year,
        "venue": study.venue,
        "doi": study.doi,
        "pmid": study.pmid,
        "url": study.url,
        "link": _link(study),
        "study_focus": list(study.study_focus),
        "disease": [d.name for d in study.diseases],
        "orpha": [d.orpha for d in study.diseases if d.orpha],
        "disease_class": list(study.disease_class),
        "data_type": list(study.data_type),
        "data_modality": study.data_modality,
        "size_before": before.value if before else None,
        "size_before_unit": before.unit if before else None,
        "size_after": after.value if after else None,
        "size_after_unit": after.unit if after else None,
        "expansion_factor": factor,
        "method_family": [m.family for m in study.methods],
        "technique": [t for m in study.methods for t in m.techniques],
        "approach": _approach([m.family for m in study.methods]),
        "task": list(study.task),
        "effect": study.effect,
        "origin": prov.origin,
        "review_reference": prov.review_reference,
        "added": prov.added,  # dates; the frame converts both columns at once
        "updated": prov.updated,
        "source": prov.source,
        "extraction": prov.extraction,
        "confidence": prov.confidence,
        "contributor": prov.contributor,
        "notes": study.notes,
        "methods": [m.model_dump() for m in study.methods],
    }


def studies_frame(studies: list) -> pd.DataFrame:
    """Build the wide DataFrame from validated :class:`~rdaug.schema.Study` objects."""
    with pinned_vocabulary(), _collector_paused():
        rows = [_row(s) for s in studies]
    frame = pd.DataFrame(rows, columns=list(_COLUMNS))
    frame = frame.astype(_COLUMNS)
    return frame.sort_values(["year", "key"], ignore_index=True)


_COLUMNS = {
    "key": "string",
    "title": "string",
    "authors": "object",
    "first_author": "string",
    "year": "int64",
    "venue": "string",
    "doi": "string",
    "pmid": "Int64",
    "url": "string",
    "link": "string",
    "study_focus": "object",
    "disease": "object",
    "orpha": "object",
    "disease_class": "object",
    "data_type": "object",
    "data_modality": "string",
    "size_before": "Int64",
    "size_before_unit": "string",
    "size_after": "Int64",
    "size_after_unit": "string",
    "expansion_factor": "Float64",
    "method_family": "object",
    "technique": "object",
    "approach": "string",
    "task": "object",
    "effect": "string",
    "origin": "string",
    "review_reference": "Int64",
    "added": "datetime64[ns]",
    "updated": "datetime64[ns]",
    "source": "string",
    "extraction": "string",
    "confidence": "string",
    "contributor": "string",
    "notes": "string",
    "methods": "object",
}


def long_view(studies: pd.DataFrame, field: str, *, keep=("key", "year", "approach")):
    """Return a tidy frame with one row per study and value of a list column.

    Studies with an empty list are left out, so counts of the result are counts of
    studies that report the field. Use :func:`techniques_long` for techniques with
    their family.
    """
    if field not in LIST_FIELDS:
        raise ValueError(f"{field!r} is not a list column; choose from {LIST_FIELDS}")
    columns = [*keep, field]
    tidy = studies[columns].explode(field).dropna(subset=[field])
    return tidy.reset_index(drop=True)


def techniques_long(studies: pd.DataFrame) -> pd.DataFrame:
    """Return one row per study, method family and technique.

    A family listed without techniques appears once with technique missing, so the
    families of a study are never lost.
    """
    rows = []
    for key, year, approach, methods in studies[
        ["key", "year", "approach", "methods"]
    ].itertuples(index=False):
        for method in methods:
            for technique in method["techniques"] or [None]:
                rows.append((key, year, approach, method["family"], technique))
    return pd.DataFrame(
        rows, columns=["key", "year", "approach", "method_family", "technique"]
    )
