"""Re-check the findings of the original review against the living dataset.

The abstract of Finetti et al. (2025) states its findings in words, without counts:
imaging data ahead of clinical ahead of omics data; classical augmentation the most
frequent method; deep generative models rising since 2021; rule- and model-based
generation less common; and (its Table 3) data augmentation expanding data 2-4x and
synthetic data generation up to 10x or more. Each ``check_*`` function below turns
one finding into a rule on the studies, computes the numbers the rule needs and
returns a verdict: it holds, it does not hold, or there is not enough data to say.

"Not enough data" has explicit thresholds, module constants so that the book can
quote them: a ranking of data types or method families needs at least
:data:`MIN_STUDIES` studies that report the field; the trend of deep generative
models needs at least :data:`MIN_TREND_STUDIES` studies using them, with studies on
both sides of 2021; an expansion-factor claim needs at least :data:`MIN_FACTORS`
studies of that approach reporting sizes before and after in the same unit.

The functions read only the columns ``key``, ``year``, ``data_type``,
``method_family``, ``approach`` and ``expansion_factor`` of
:func:`rdaug.load_studies`, so small frames built by hand test them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .summaries import count_by

HOLDS = "holds"
DOES_NOT_HOLD = "does not hold"
NOT_ENOUGH_DATA = "not enough data"
VERDICTS = (HOLDS, DOES_NOT_HOLD, NOT_ENOUGH_DATA)

MIN_STUDIES = 20
MIN_TREND_STUDIES = 10
MIN_FACTORS = 5
TREND_YEAR = 2021
DA_RANGE = (2.0, 4.0)
SDG_REACH = 10.0

CLASSICAL = "classical augmentation"
DGM = "deep generative models"
RULE_BASED = "rule/model-based generation"
DA = "data augmentation"
SDG = "synthetic data generation"


@dataclass(frozen=True)
class ClaimCheck:
    """One finding of the review, the rule that tests it, and the verdict.

    ``numbers`` holds every number the evidence sentence quotes, by name, so a
    notebook can glue them one by one.
    """

    claim_id: str
    finding: str
    rule: str
    verdict: str
    evidence: str
    numbers: dict[str, float | int | None] = field(default_factory=dict)


def _use(count: int) -> str:
    """'1 uses' or '3 use': the number and the verb that agrees with it."""
    return f"{count} uses" if count == 1 else f"{count} use"


def _studies_use(count: int) -> str:
    return "1 study uses" if count == 1 else f"{count} studies use"


def _reporting(count: int, approach: str) -> str:
    """'1 data augmentation study reports' or '3 ... studies report'."""
    noun = "study reports" if count == 1 else "studies report"
    return f"{count} {approach} {noun}"


def _studies_with(studies: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows whose list column is not empty."""
    reported = studies[column].map(lambda v: v is not None and len(v) > 0)
    return studies[reported.astype(bool)]


def _count_using(studies: pd.DataFrame, column: str, term: str) -> int:
    return int(studies[column].map(lambda values: term in values).sum())


def check_data_type_order(studies: pd.DataFrame) -> ClaimCheck:
    """Imaging data ahead of clinical data ahead of omics data.

    A study counts once per data type it uses; omics and multi-omics count together
    as omics. The finding holds when imaging > clinical > omics, strictly.
    """
    known = _studies_with(studies, "data_type")
    imaging = _count_using(known, "data_type", "imaging")
    clinical = _count_using(known, "data_type", "clinical")
    omics = int(
        known["data_type"].map(lambda v: "omics" in v or "multi-omics" in v).sum()
    )
    numbers = {
        "studies": len(known),
        "imaging": imaging,
        "clinical": clinical,
        "omics": omics,
    }
    evidence = (
        f"Of {len(known)} studies that report a data type, {_use(imaging)} imaging, "
        f"{clinical} clinical and {omics} omics data."
    )
    if len(known) < MIN_STUDIES:
        verdict = NOT_ENOUGH_DATA
    else:
        verdict = HOLDS if imaging > clinical > omics else DOES_NOT_HOLD
    return ClaimCheck(
        "data_type_order",
        "Imaging data were used most, followed by clinical and then omics data.",
        "imaging > clinical > omics in number of studies (omics includes "
        f"multi-omics); at least {MIN_STUDIES} studies reporting a data type",
        verdict,
        evidence,
        numbers,
    )


def _family_counts(known: pd.DataFrame) -> pd.Series:
    """Studies per method family, as the results chapters count them."""
    table = count_by(known, "method_family", all_terms=False)
    return table.set_index("method_family")["studies"]


def check_classical_most_frequent(studies: pd.DataFrame) -> ClaimCheck:
    """Classical augmentation is the most frequent method family.

    Holds when more studies use classical augmentation than any other family.
    """
    known = _studies_with(studies, "method_family")
    counts = _family_counts(known)
    classical = int(counts.get(CLASSICAL, 0))
    others = counts.drop(CLASSICAL, errors="ignore")
    runner_up = str(others.idxmax()) if len(others) else None
    runner_count = int(others.max()) if len(others) else 0
    numbers = {
        "studies": len(known),
        "classical": classical,
        "runner_up_count": runner_count,
    }
    evidence = (
        f"Of {len(known)} studies with a known method, {_use(classical)} classical "
        f"augmentation; the next most used family"
        + (f", {runner_up}, is used by {runner_count}." if runner_up else " is none.")
    )
    if len(known) < MIN_STUDIES:
        verdict = NOT_ENOUGH_DATA
    else:
        verdict = HOLDS if classical > runner_count else DOES_NOT_HOLD
    return ClaimCheck(
        "classical_most_frequent",
        "Classical augmentation, mostly geometric and photometric transformations, "
        "was the most frequent method.",
        "more studies use classical augmentation than any other method family; at "
        f"least {MIN_STUDIES} studies with a known method family",
        verdict,
        evidence,
        numbers,
    )


def dgm_by_year(studies: pd.DataFrame) -> pd.DataFrame:
    """Studies per year, how many use deep generative models, and their share."""
    if studies.empty:
        return pd.DataFrame(columns=["year", "studies", "dgm_studies", "dgm_share"])
    years = range(int(studies["year"].min()), int(studies["year"].max()) + 1)
    uses = studies["method_family"].map(lambda v: DGM in v)
    table = pd.DataFrame(
        {
            "studies": studies.groupby("year").size(),
            "dgm_studies": uses.groupby(studies["year"]).sum(),
        }
    ).reindex(years, fill_value=0)
    table = table.astype("int64").rename_axis("year").reset_index()
    table["dgm_share"] = (table["dgm_studies"] / table["studies"]).where(
        table["studies"] > 0
    )
    return table


def check_dgm_rising(studies: pd.DataFrame) -> ClaimCheck:
    """Deep generative models have expanded since 2021.

    Compares the mean number of studies per year that use deep generative models
    from 2021 on with the mean over the years before 2021 (from the first year in
    the data). Holds when the later mean is higher.
    """
    table = dgm_by_year(studies)
    before = table[table["year"] < TREND_YEAR]
    since = table[table["year"] >= TREND_YEAR]
    total = int(table["dgm_studies"].sum()) if len(table) else 0

    def mean(part):
        return float(part["dgm_studies"].mean()) if len(part) else None

    def share(part):
        n = part["studies"].sum()
        return float(part["dgm_studies"].sum() / n) if n else None

    numbers = {
        "dgm_studies": total,
        "mean_before": mean(before),
        "mean_since": mean(since),
        "share_before": share(before),
        "share_since": share(since),
        "first_year": int(table["year"].min()) if len(table) else None,
        "last_year": int(table["year"].max()) if len(table) else None,
    }
    if total < MIN_TREND_STUDIES or not len(before) or not len(since):
        verdict = NOT_ENOUGH_DATA
        evidence = f"{_studies_use(total)} deep generative models" + (
            f", published {numbers['first_year']}-{numbers['last_year']}."
            if len(table)
            else "."
        )
    else:
        verdict = (
            HOLDS if numbers["mean_since"] > numbers["mean_before"] else DOES_NOT_HOLD
        )
        evidence = (
            f"{_studies_use(total)} deep generative models: "
            f"{numbers['mean_before']:.1f} "
            f"a year in {numbers['first_year']}-{TREND_YEAR - 1} "
            f"({numbers['share_before']:.0%} of that period's studies) against "
            f"{numbers['mean_since']:.1f} a year in "
            f"{TREND_YEAR}-{numbers['last_year']} ({numbers['share_since']:.0%})."
        )
    return ClaimCheck(
        "dgm_rising",
        "Deep generative models have expanded rapidly since 2021.",
        f"more studies a year use deep generative models from {TREND_YEAR} on than "
        f"before; at least {MIN_TREND_STUDIES} such studies, with years on both sides",
        verdict,
        evidence,
        numbers,
    )


def check_rule_based_less_common(studies: pd.DataFrame) -> ClaimCheck:
    """Rule- and model-based generation is less common than the two main families.

    Holds when fewer studies use rule/model-based generation than use classical
    augmentation and than use deep generative models.
    """
    known = _studies_with(studies, "method_family")
    counts = _family_counts(known)
    rule, classical, dgm = (int(counts.get(f, 0)) for f in (RULE_BASED, CLASSICAL, DGM))
    numbers = {
        "studies": len(known),
        "rule_based": rule,
        "classical": classical,
        "dgm": dgm,
    }
    evidence = (
        f"Of {len(known)} studies with a known method, {_use(rule)} rule- or "
        f"model-based generation, against {classical} classical augmentation and "
        f"{dgm} deep generative models."
    )
    if len(known) < MIN_STUDIES:
        verdict = NOT_ENOUGH_DATA
    else:
        verdict = HOLDS if rule < classical and rule < dgm else DOES_NOT_HOLD
    return ClaimCheck(
        "rule_based_less_common",
        "Rule-based and model-based generation were less common (though highly "
        "interpretable on small datasets).",
        "fewer studies use rule/model-based generation than classical augmentation "
        f"and than deep generative models; at least {MIN_STUDIES} studies with a "
        "known method family",
        verdict,
        evidence,
        numbers,
    )


def _factors(studies: pd.DataFrame, approach: str) -> pd.Series:
    chosen = studies[(studies["approach"] == approach)]
    return chosen["expansion_factor"].dropna().astype(float)


def check_da_expansion(studies: pd.DataFrame) -> ClaimCheck:
    """Data augmentation expands data 2-4 times.

    Uses studies whose methods are data augmentation only (a study that also
    generates synthetic data cannot say which part expanded it). Holds when their
    median expansion factor lies in [2, 4].
    """
    factors = _factors(studies, DA)
    numbers = {
        "studies": len(factors),
        "median": float(factors.median()) if len(factors) else None,
        "q1": float(factors.quantile(0.25)) if len(factors) else None,
        "q3": float(factors.quantile(0.75)) if len(factors) else None,
    }
    low, high = DA_RANGE
    if len(factors) < MIN_FACTORS:
        verdict = NOT_ENOUGH_DATA
        evidence = (
            f"{_reporting(len(factors), 'data augmentation')} sizes before and after "
            "in the same unit."
        )
    else:
        verdict = HOLDS if low <= numbers["median"] <= high else DOES_NOT_HOLD
        evidence = (
            f"{_reporting(len(factors), 'data augmentation')} sizes before and after: "
            f"median expansion {numbers['median']:.1f}x (middle half "
            f"{numbers['q1']:.1f}-{numbers['q3']:.1f}x)."
        )
    return ClaimCheck(
        "da_expansion",
        "Data augmentation expands a dataset 2-4 times (the review's Table 3).",
        f"median expansion factor of data-augmentation-only studies within "
        f"{low:g}-{high:g}x; at least {MIN_FACTORS} such studies with both sizes",
        verdict,
        evidence,
        numbers,
    )


def check_sdg_expansion(studies: pd.DataFrame) -> ClaimCheck:
    """Synthetic data generation expands data up to 10 times or more.

    Uses studies whose methods are synthetic data generation only. Holds when the
    largest expansion factor among them reaches 10.
    """
    factors = _factors(studies, SDG)
    numbers = {
        "studies": len(factors),
        "median": float(factors.median()) if len(factors) else None,
        "max": float(factors.max()) if len(factors) else None,
    }
    if len(factors) < MIN_FACTORS:
        verdict = NOT_ENOUGH_DATA
        evidence = (
            f"{_reporting(len(factors), 'synthetic data generation')} sizes before "
            "and after in the same unit."
        )
    else:
        verdict = HOLDS if numbers["max"] >= SDG_REACH else DOES_NOT_HOLD
        evidence = (
            f"{_reporting(len(factors), 'synthetic data generation')} sizes before "
            f"and after: median expansion {numbers['median']:.1f}x, largest "
            f"{numbers['max']:.1f}x."
        )
    return ClaimCheck(
        "sdg_expansion",
        "Synthetic data generation expands a dataset up to 10 times or more "
        "(the review's Table 3).",
        f"the largest expansion factor of synthetic-data-only studies is at least "
        f"{SDG_REACH:g}x; at least {MIN_FACTORS} such studies with both sizes",
        verdict,
        evidence,
        numbers,
    )


CHECKS = (
    check_data_type_order,
    check_classical_most_frequent,
    check_dgm_rising,
    check_rule_based_less_common,
    check_da_expansion,
    check_sdg_expansion,
)


def check_claims(studies: pd.DataFrame) -> list[ClaimCheck]:
    """Run every check, in the order the review states its findings."""
    return [check(studies) for check in CHECKS]


def claims_table(checks: list[ClaimCheck]) -> pd.DataFrame:
    """One row per finding: the finding, the verdict, the evidence and the rule."""
    return pd.DataFrame(
        [
            {
                "finding": c.finding,
                "verdict": c.verdict,
                "evidence": c.evidence,
                "rule": c.rule,
            }
            for c in checks
        ],
        index=pd.Index([c.claim_id for c in checks], name="claim"),
    )
