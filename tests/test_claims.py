"""The claims tracker: each finding of the review, on small frames that flip it.

Each test builds the smallest set of studies that makes a verdict hold, then changes
one thing to make it fail, and removes studies to fall under the threshold.
"""

from __future__ import annotations

import pandas as pd
import pytest
from rdaug import claims


def make_studies(rows: list[dict]) -> pd.DataFrame:
    """Studies with the columns the checks read; missing fields are empty."""
    filled = []
    for index, row in enumerate(rows):
        filled.append(
            {
                "key": row.get("key", f"study{index:03d}"),
                "year": row.get("year", 2022),
                "data_type": row.get("data_type", []),
                "method_family": row.get("method_family", []),
                "approach": row.get("approach"),
                "expansion_factor": row.get("expansion_factor"),
            }
        )
    frame = pd.DataFrame(
        filled,
        columns=[
            "key",
            "year",
            "data_type",
            "method_family",
            "approach",
            "expansion_factor",
        ],
    )
    return frame.astype({"approach": "string", "expansion_factor": "Float64"})


def with_types(imaging: int, clinical: int, omics: int, multi: int = 0):
    rows = [{"data_type": ["imaging"]}] * imaging
    rows += [{"data_type": ["clinical"]}] * clinical
    rows += [{"data_type": ["omics"]}] * omics
    rows += [{"data_type": ["multi-omics"]}] * multi
    return make_studies(rows)


def with_families(counts: dict[str, int], year: int = 2022):
    rows = []
    for family, n in counts.items():
        rows += [{"method_family": [family], "year": year}] * n
    return make_studies(rows)


# ------------------------------------------------------------------ data types


def test_data_type_order_holds_flips_and_needs_enough_studies():
    n = claims.MIN_STUDIES
    holds = claims.check_data_type_order(with_types(n - 5, 3, 2))
    assert holds.verdict == claims.HOLDS
    assert holds.numbers == {"studies": n, "imaging": n - 5, "clinical": 3, "omics": 2}
    assert f"{n - 5} use imaging, 3 clinical and 2 omics" in holds.evidence

    flipped = claims.check_data_type_order(with_types(n - 5, 2, 3))
    assert flipped.verdict == claims.DOES_NOT_HOLD

    tied = claims.check_data_type_order(with_types(n - 6, 3, 3))
    assert tied.verdict == claims.DOES_NOT_HOLD

    few = claims.check_data_type_order(with_types(n - 6, 3, 2))
    assert few.verdict == claims.NOT_ENOUGH_DATA


def test_multi_omics_counts_as_omics_and_a_study_counts_once():
    studies = with_types(claims.MIN_STUDIES - 6, 3, 1, multi=2)
    studies.at[0, "data_type"] = ["omics", "multi-omics"]
    check = claims.check_data_type_order(studies)
    assert check.numbers["omics"] == 4
    assert check.numbers["imaging"] == claims.MIN_STUDIES - 7


def test_studies_without_a_data_type_do_not_count():
    studies = pd.concat(
        [with_types(10, 3, 2), make_studies([{"data_type": []}] * 30)],
        ignore_index=True,
    )
    check = claims.check_data_type_order(studies)
    assert check.numbers["studies"] == 15
    assert check.verdict == claims.NOT_ENOUGH_DATA


# ----------------------------------------------------------------- method families


def test_classical_most_frequent_holds_and_flips():
    holds = claims.check_classical_most_frequent(
        with_families({claims.CLASSICAL: 11, claims.DGM: 10})
    )
    assert holds.verdict == claims.HOLDS
    assert holds.numbers["classical"] == 11
    assert holds.numbers["runner_up_count"] == 10
    assert "deep generative models, is used by 10" in holds.evidence

    tie = claims.check_classical_most_frequent(
        with_families({claims.CLASSICAL: 10, claims.DGM: 10, claims.RULE_BASED: 1})
    )
    assert tie.verdict == claims.DOES_NOT_HOLD

    few = claims.check_classical_most_frequent(
        with_families({claims.CLASSICAL: 10, claims.DGM: 9})
    )
    assert few.verdict == claims.NOT_ENOUGH_DATA


def test_a_study_with_two_families_counts_for_both():
    studies = with_families({claims.CLASSICAL: 12, claims.DGM: 8})
    studies.at[0, "method_family"] = [claims.CLASSICAL, claims.DGM]
    check = claims.check_classical_most_frequent(studies)
    assert check.numbers["classical"] == 12
    assert check.numbers["runner_up_count"] == 9


def test_rule_based_less_common_holds_and_flips():
    holds = claims.check_rule_based_less_common(
        with_families({claims.CLASSICAL: 10, claims.DGM: 6, claims.RULE_BASED: 4})
    )
    assert holds.verdict == claims.HOLDS
    assert holds.numbers == {
        "studies": 20,
        "rule_based": 4,
        "classical": 10,
        "dgm": 6,
    }

    flipped = claims.check_rule_based_less_common(
        with_families({claims.CLASSICAL: 10, claims.DGM: 4, claims.RULE_BASED: 6})
    )
    assert flipped.verdict == claims.DOES_NOT_HOLD

    few = claims.check_rule_based_less_common(
        with_families({claims.CLASSICAL: 10, claims.DGM: 5, claims.RULE_BASED: 1})
    )
    assert few.verdict == claims.NOT_ENOUGH_DATA


# ------------------------------------------------------------------- trend


def dgm_years(per_year: dict[int, int], others_per_year: int = 2):
    rows = []
    for year, n in per_year.items():
        rows += [{"year": year, "method_family": [claims.DGM]}] * n
        rows += [{"year": year, "method_family": [claims.CLASSICAL]}] * others_per_year
    return make_studies(rows)


def test_dgm_rising_compares_yearly_means_before_and_since_2021():
    rising = claims.check_dgm_rising(dgm_years({2019: 1, 2020: 1, 2021: 3, 2022: 5}))
    assert rising.verdict == claims.HOLDS
    assert rising.numbers["mean_before"] == pytest.approx(1.0)
    assert rising.numbers["mean_since"] == pytest.approx(4.0)
    assert rising.numbers["share_since"] == pytest.approx(8 / 12)

    falling = claims.check_dgm_rising(dgm_years({2019: 5, 2020: 4, 2021: 1, 2022: 1}))
    assert falling.verdict == claims.DOES_NOT_HOLD

    few = claims.check_dgm_rising(dgm_years({2019: 1, 2020: 1, 2021: 3, 2022: 4}))
    assert few.numbers["dgm_studies"] == claims.MIN_TREND_STUDIES - 1
    assert few.verdict == claims.NOT_ENOUGH_DATA


def test_dgm_trend_needs_years_on_both_sides_of_2021():
    only_after = claims.check_dgm_rising(dgm_years({2021: 6, 2022: 6}))
    assert only_after.verdict == claims.NOT_ENOUGH_DATA


def test_years_without_studies_count_as_zero():
    table = claims.dgm_by_year(dgm_years({2018: 1, 2021: 2}))
    assert table["year"].tolist() == [2018, 2019, 2020, 2021]
    assert table["dgm_studies"].tolist() == [1, 0, 0, 2]
    check = claims.check_dgm_rising(dgm_years({2018: 3, 2021: 7}))
    assert check.numbers["mean_before"] == pytest.approx(1.0)


# ------------------------------------------------------------------- expansion


def expansion(approach: str, factors: list[float], extra: list[dict] = ()):
    rows = [{"approach": approach, "expansion_factor": f} for f in factors]
    return make_studies([*rows, *extra])


def test_da_expansion_holds_inside_2_to_4_and_flips_outside():
    holds = claims.check_da_expansion(expansion(claims.DA, [1.5, 2.5, 3.0, 3.5, 8.0]))
    assert holds.verdict == claims.HOLDS
    assert holds.numbers["median"] == pytest.approx(3.0)
    assert "median expansion 3.0x" in holds.evidence

    above = claims.check_da_expansion(expansion(claims.DA, [4.5, 5, 6, 7, 8]))
    assert above.verdict == claims.DOES_NOT_HOLD

    few = claims.check_da_expansion(expansion(claims.DA, [2, 3, 3, 4]))
    assert few.verdict == claims.NOT_ENOUGH_DATA


def test_expansion_uses_only_studies_of_one_approach_with_a_factor():
    other = [{"approach": "both", "expansion_factor": 100.0}] * 3
    other += [{"approach": claims.DA, "expansion_factor": None}] * 3
    check = claims.check_da_expansion(expansion(claims.DA, [2, 3, 3, 3], other))
    assert check.numbers["studies"] == 4
    assert check.verdict == claims.NOT_ENOUGH_DATA


def test_sdg_expansion_holds_when_the_largest_factor_reaches_10():
    holds = claims.check_sdg_expansion(expansion(claims.SDG, [1.2, 2, 3, 5, 10]))
    assert holds.verdict == claims.HOLDS
    assert holds.numbers["max"] == pytest.approx(10.0)

    short = claims.check_sdg_expansion(expansion(claims.SDG, [1.2, 2, 3, 5, 9.9]))
    assert short.verdict == claims.DOES_NOT_HOLD

    few = claims.check_sdg_expansion(expansion(claims.SDG, [20, 30]))
    assert few.verdict == claims.NOT_ENOUGH_DATA


# ------------------------------------------------------------------- together


def test_every_check_runs_on_an_empty_dataset():
    checks = claims.check_claims(make_studies([]))
    assert [c.verdict for c in checks] == [claims.NOT_ENOUGH_DATA] * len(claims.CHECKS)
    table = claims.claims_table(checks)
    assert list(table.columns) == ["finding", "verdict", "evidence", "rule"]
    assert table.index.tolist() == [c.claim_id for c in checks]


def test_rules_state_their_thresholds():
    checks = claims.check_claims(make_studies([]))
    rules = {c.claim_id: c.rule for c in checks}
    assert str(claims.MIN_STUDIES) in rules["data_type_order"]
    assert str(claims.MIN_TREND_STUDIES) in rules["dgm_rising"]
    assert str(claims.MIN_FACTORS) in rules["da_expansion"]
    assert all(c.verdict in claims.VERDICTS for c in checks)
