"""Derived columns (approach, expansion factor) and the counts the book reports.

Approach follows the review's Table 3: classical augmentation and oversampling are
data augmentation; deep generative models, rule/model-based generation and
frameworks are synthetic data generation; a study using both kinds is 'both'.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
import yaml
from rdaug import count_by, count_by_year, crosstab, expansion_summary, load_studies
from rdaug.loading import studies_frame
from rdaug.schema import Study

GOOD = Path(__file__).parent / "good_studies"
DA, SDG = "data augmentation", "synthetic data generation"
FIRST_TECHNIQUE = {
    "classical augmentation": "flip",
    "oversampling techniques": "SMOTE",
    "deep generative models": "GAN",
    "rule/model-based generation": "Bayesian network",
    "frameworks and tools": "synthetic data platform",
}


def _study(families=(), sizes=None) -> Study:
    record = yaml.safe_load((GOOD / "fixture2021both.yaml").read_text())
    record["methods"] = [
        {"family": f, "techniques": [FIRST_TECHNIQUE[f]]} for f in families
    ]
    record["data_size"] = sizes or {}
    return Study.model_validate(record)


@pytest.mark.parametrize(
    ("families", "approach"),
    [
        (["classical augmentation"], DA),
        (["oversampling techniques"], DA),
        (["classical augmentation", "oversampling techniques"], DA),
        (["deep generative models"], SDG),
        (["rule/model-based generation"], SDG),
        (["frameworks and tools"], SDG),
        (["deep generative models", "frameworks and tools"], SDG),
        (["classical augmentation", "deep generative models"], "both"),
        (["oversampling techniques", "rule/model-based generation"], "both"),
    ],
)
def test_approach_is_derived_from_the_method_families(families, approach):
    assert studies_frame([_study(families)]).loc[0, "approach"] == approach


def test_approach_is_missing_when_no_method_is_known():
    assert pd.isna(studies_frame([_study([])]).loc[0, "approach"])


def _sizes(before, after):
    return {
        "before": {"value": before[0], "unit": before[1]},
        "after": {"value": after[0], "unit": after[1]},
    }


@pytest.mark.parametrize(
    ("sizes", "factor"),
    [
        (_sizes((40, "images"), (100, "images")), 2.5),
        (_sizes((7, "patients"), (7, "patients")), 1.0),
        (_sizes((40, "patients"), (100, "images")), None),
        ({"before": {"value": 40, "unit": "images"}}, None),
        ({"after": {"value": 40, "unit": "images"}}, None),
        ({}, None),
    ],
)
def test_expansion_factor_only_for_both_sizes_in_one_unit(sizes, factor):
    value = studies_frame([_study(["classical augmentation"], sizes)]).loc[
        0, "expansion_factor"
    ]
    assert pd.isna(value) if factor is None else value == pytest.approx(factor)


@pytest.fixture(scope="module")
def studies() -> pd.DataFrame:
    return load_studies([GOOD])


@pytest.fixture(scope="module")
def raw() -> list[dict]:
    return [yaml.safe_load(p.read_text()) for p in sorted(GOOD.glob("*.yaml"))]


def test_count_by_counts_each_study_once_per_term(studies, raw):
    table = count_by(studies, "data_type", all_terms=False)
    expected = Counter(t for r in raw for t in set(r.get("data_type", [])))

    assert dict(zip(table["data_type"], table["studies"], strict=True)) == expected
    assert list(table["share"]) == [n / len(raw) for n in table["studies"]]


def test_count_by_keeps_unused_vocabulary_terms_at_zero(studies):
    table = count_by(studies, "study_focus").set_index("study_focus")["studies"]
    assert set(table.index) == {
        "diagnosis", "treatment", "prognosis", "differential diagnosis"
    }  # fmt: skip
    assert (table >= 0).all()
    assert list(count_by(studies, "study_focus")["studies"]) == sorted(
        table, reverse=True
    )


def test_count_by_approach_matches_the_derived_column(studies):
    table = count_by(studies, "approach", all_terms=False)
    expected = studies["approach"].dropna().value_counts().to_dict()
    assert dict(zip(table["approach"], table["studies"], strict=True)) == expected


def test_count_by_year_fills_every_year_between_first_and_last(studies, raw):
    table = count_by_year(studies)
    years = [r["year"] for r in raw]

    assert list(table["year"]) == list(range(min(years), max(years) + 1))
    assert dict(zip(table["year"], table["studies"], strict=True)) == {
        y: years.count(y) for y in range(min(years), max(years) + 1)
    }


def test_crosstab_counts_pairs_of_terms(studies, raw):
    table = crosstab(studies, "data_type", "approach")
    ours = {(r.data_type, r.approach): r.studies for r in table.itertuples()}
    frame = studies.set_index("key")
    expected = Counter(
        (t, frame.loc[r["key"], "approach"])
        for r in raw
        for t in set(r.get("data_type", []))
        if not pd.isna(frame.loc[r["key"], "approach"])
    )
    assert ours == expected


def test_expansion_summary_uses_only_comparable_sizes(studies):
    table = expansion_summary(studies).set_index("approach")
    factors = studies.dropna(subset=["expansion_factor", "approach"])

    assert table["studies"].sum() == len(factors)
    for approach, group in factors.groupby("approach"):
        assert table.loc[approach, "median"] == group["expansion_factor"].median()
