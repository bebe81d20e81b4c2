"""Counts the book reports, computed from the loaded studies.

Multi-valued fields are counted per study and term: a study that uses two data types
adds one to each, so the counts of a field can sum to more than the number of
studies, and shares are given against the number of studies (not against the sum).
Terms of the vocabulary that no study uses are kept with a count of zero, so a chart
shows what is absent as well as what is present.
"""

from __future__ import annotations

import pandas as pd

from .loading import long_view, techniques_long
from .vocabulary import load_vocabulary

_VOCABULARY_OF = {
    "study_focus": "study_focus",
    "data_type": "data_type",
    "disease_class": "disease_class",
    "task": "task",
}


def _terms(field: str) -> list[str] | None:
    vocabulary = load_vocabulary()
    if field == "method_family":
        return list(vocabulary.families)
    if field in _VOCABULARY_OF:
        return vocabulary.allowed(_VOCABULARY_OF[field])
    return None


def count_by(studies: pd.DataFrame, field: str, *, all_terms: bool = True):
    """Count studies per term of a field, with their share of all studies.

    Parameters
    ----------
    studies : DataFrame
        From :func:`rdaug.load_studies`.
    field : str
        A list column (``data_type``, ``method_family``, ``technique``, ...) or a plain
        column (``approach``, ``origin``, ``confidence``, ...).
    all_terms : bool
        Keep vocabulary terms that no study uses, with a count of zero.

    Returns
    -------
    DataFrame
        Columns ``field, studies, share``; sorted by count (descending), then term.
        ``share`` is the fraction of all studies (0-1) that report the term.
    """
    total = len(studies)
    if studies[field].dtype == object and field != "methods":
        values = long_view(studies, field, keep=("key",))
    else:
        values = studies[["key", field]].dropna(subset=[field])
    counts = values.drop_duplicates(["key", field]).groupby(field).size()
    terms = _terms(field) if all_terms else None
    if terms:
        counts = counts.reindex(sorted(set(terms) | set(counts.index)), fill_value=0)
    table = counts.rename("studies").rename_axis(field).reset_index()
    table["studies"] = table["studies"].astype("int64")
    table["share"] = table["studies"] / total if total else 0.0
    table[field] = table[field].astype(str)
    return table.sort_values(
        ["studies", field], ascending=[False, True], ignore_index=True
    )


def count_by_year(studies: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Count studies per publication year, optionally split by another field.

    Every year from the first to the last in the data is present (zero when empty).
    With ``by`` set to a list column, a study counts once in each of its terms.
    """
    if studies.empty:
        return pd.DataFrame(columns=["year", *([by] if by else []), "studies"])
    years = range(int(studies["year"].min()), int(studies["year"].max()) + 1)
    if by is None:
        counts = studies.groupby("year").size().reindex(years, fill_value=0)
        return counts.rename("studies").rename_axis("year").reset_index()

    if by == "technique":
        values = techniques_long(studies).dropna(subset=["technique"])
    elif studies[by].dtype == object:
        values = long_view(studies, by, keep=("key", "year"))
    else:
        values = studies[["key", "year", by]].dropna(subset=[by])
    values = values.drop_duplicates(["key", by])
    terms = sorted(set(values[by].astype(str)))
    grid = pd.MultiIndex.from_product([years, terms], names=["year", by])
    counts = values.groupby(["year", by]).size().reindex(grid, fill_value=0)
    return counts.rename("studies").reset_index()


def crosstab(studies: pd.DataFrame, rows: str, columns: str) -> pd.DataFrame:
    """Count studies for each pair of terms of two fields (list or plain columns)."""

    def values(field):
        if studies[field].dtype == object:
            return long_view(studies, field, keep=("key",))
        return studies[["key", field]].dropna(subset=[field])

    pairs = values(rows).merge(values(columns), on="key").drop_duplicates()
    return pairs.groupby([rows, columns]).size().rename("studies").reset_index()


def expansion_summary(studies: pd.DataFrame) -> pd.DataFrame:
    """Median, range and count of expansion factors per approach.

    Only studies that report both sizes in the same unit have a factor; the table
    says how many did, so a reader can judge how much the medians rest on.
    """
    known = studies.dropna(subset=["expansion_factor", "approach"])
    grouped = known.groupby("approach")["expansion_factor"]
    table = grouped.agg(["count", "median", "min", "max"]).reset_index()
    table = table.rename(columns={"count": "studies"})
    return table.astype({"studies": "int64"})
