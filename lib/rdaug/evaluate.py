"""Honest evaluation of augmentation and synthetic data on small real data sets.

Two rules hold everywhere in this module: an augmenter or generator only ever sees
the training part of the real data, and every score is computed on real rows it
never saw. :func:`cross_validate_augmentation` makes the first rule structural: it
splits first and hands only the training fold to the ``augment`` callable.

The three questions asked of a tabular generator are the usual ones:

- fidelity: do synthetic columns and pairwise correlations look like the real ones
  (:func:`column_fidelity`, :func:`correlation_difference`);
- utility: does a model trained on synthetic (or real plus synthetic) rows predict
  real held-out patients as well as one trained on real rows
  (:func:`utility_comparison`);
- privacy: are synthetic rows closer to training patients than new patients from
  the same population are (:func:`distance_to_closest_record`, :func:`dcr_summary`).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import AugmentationError

logger = logging.getLogger(__name__)

#: ``augment(X_train, y_train, seed) -> (X_fit, y_fit)``: returns the rows a model is
#: trained on (the training fold itself, resampled, or with synthetic rows added).
Augmenter = Callable[[pd.DataFrame, pd.Series, int], tuple[Any, Any]]


def classification_scores(
    model: Any, X_test: Any, y_test: Any, *, minority_label: Any = None
) -> dict[str, float]:
    """Score a fitted classifier on real test rows.

    Returns accuracy and balanced accuracy; for a binary outcome also the area
    under the ROC curve and the recall of ``minority_label`` (the rare class).
    """
    from sklearn.metrics import accuracy_score, balanced_accuracy_score, roc_auc_score

    predicted = model.predict(X_test)
    scores = {
        "accuracy": accuracy_score(y_test, predicted),
        "balanced_accuracy": balanced_accuracy_score(y_test, predicted),
    }
    labels = np.unique(y_test)
    if len(labels) == 2 and minority_label is not None:
        positive = list(model.classes_).index(minority_label)
        probability = model.predict_proba(X_test)[:, positive]
        truth = np.asarray(y_test) == minority_label
        scores["roc_auc"] = roc_auc_score(truth, probability)
        scores["minority_recall"] = float(
            np.mean(np.asarray(predicted)[truth] == minority_label)
        )
    return scores


def cross_validate_augmentation(
    make_model: Callable[[], Any],
    X: pd.DataFrame,
    y: pd.Series,
    augment: Augmenter | None = None,
    *,
    n_splits: int = 5,
    seeds: Sequence[int] = (0,),
    show_progress: bool = False,
) -> pd.DataFrame:
    """Repeated stratified cross-validation with augmentation inside the training fold.

    For each seed and fold the real rows are split first; ``augment`` receives
    copies of the training fold only, a model from ``make_model`` is fitted on what
    it returns, and the model is scored on the untouched real test fold.

    Parameters
    ----------
    make_model : callable
        Returns a fresh, unfitted classifier. If it takes one required argument,
        it is called with the same derived seed as ``augment``, so that a
        pipeline's own sampler draws differently in each fold and repetition.
    X : pandas.DataFrame
        Features of the real rows.
    y : pandas.Series
        Outcome; the least frequent label is scored as the minority class.
    augment : callable or None
        ``augment(X_train, y_train, seed) -> (X_fit, y_fit)``; ``None`` trains on
        the training fold as it is (the baseline).
    n_splits : int, default 5
    seeds : sequence of int, default (0,)
        One shuffled fold assignment per seed; the augmenter gets a seed derived
        from it and the fold number.
    show_progress : bool, default False
        Show a tqdm bar over seed-fold pairs.

    Returns
    -------
    pandas.DataFrame
        One row per seed and fold: ``seed``, ``fold``, the scores of
        :func:`classification_scores`, ``training_rows`` (real) and
        ``expansion_factor`` (rows fitted / real training rows).
    """
    from sklearn.model_selection import StratifiedKFold
    from tqdm import tqdm

    X, y = _check_xy(X, y)
    minority_label = y.value_counts().idxmin()
    if y.value_counts().min() < n_splits:
        raise AugmentationError(
            f"the minority class has {y.value_counts().min()} rows, fewer than "
            f"n_splits={n_splits}; lower n_splits"
        )
    jobs = [
        (seed, fold, train, test)
        for seed in seeds
        for fold, (train, test) in enumerate(
            StratifiedKFold(n_splits, shuffle=True, random_state=seed).split(X, y)
        )
    ]
    required = [
        p
        for p in inspect.signature(make_model).parameters.values()
        if p.default is inspect.Parameter.empty
        and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    takes_seed = len(required) == 1
    rows = []
    for seed, fold, train, test in tqdm(jobs, disable=not show_progress):
        fold_seed = seed * 1000 + fold
        X_train, y_train = X.iloc[train].copy(), y.iloc[train].copy()
        if augment is None:
            X_fit, y_fit = X_train, y_train
        else:
            X_fit, y_fit = augment(X_train, y_train, fold_seed)
        model = make_model(fold_seed) if takes_seed else make_model()
        model.fit(X_fit, y_fit)
        scores = classification_scores(
            model, X.iloc[test], y.iloc[test], minority_label=minority_label
        )
        rows.append(
            {
                "seed": seed,
                "fold": fold,
                **scores,
                "training_rows": len(train),
                "expansion_factor": len(y_fit) / len(train),
            }
        )
    return pd.DataFrame(rows)


def split_holdout(
    data: pd.DataFrame, target: str, *, holdout_fraction: float = 0.3, seed: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split real rows into a training part and a stratified holdout part."""
    from sklearn.model_selection import train_test_split

    if target not in data.columns:
        raise AugmentationError(f"target {target!r} is not a column of the data")
    if not 0 < holdout_fraction < 1:
        raise AugmentationError(
            f"holdout_fraction must be between 0 and 1, got {holdout_fraction!r}"
        )
    train, holdout = train_test_split(
        data, test_size=holdout_fraction, stratify=data[target], random_state=seed
    )
    return train, holdout


def column_fidelity(
    real: pd.DataFrame,
    synthetic: pd.DataFrame,
    *,
    categorical_columns: Sequence[str] = (),
) -> pd.DataFrame:
    """Compare each column's distribution in real and synthetic rows (SDMetrics).

    Numerical columns are scored with SDMetrics' ``KSComplement`` (1 minus the
    Kolmogorov-Smirnov statistic), categorical ones with ``TVComplement`` (1 minus
    the total variation distance). 1 means identical distributions.

    Returns
    -------
    pandas.DataFrame
        Columns ``column``, ``metric``, ``score``.
    """
    from sdmetrics.single_column import KSComplement, TVComplement

    _check_same_columns(real, synthetic)
    rows = []
    for column in real.columns:
        if column in categorical_columns:
            metric, name = TVComplement, "TVComplement"
        else:
            metric, name = KSComplement, "KSComplement"
        score = metric.compute(real[column], synthetic[column])
        rows.append({"column": column, "metric": name, "score": float(score)})
    return pd.DataFrame(rows)


def correlation_difference(real: pd.DataFrame, synthetic: pd.DataFrame) -> float:
    """Mean absolute difference of pairwise Spearman correlations (0 = identical).

    Every column is treated as ordered (category codes included), which suits the
    binary and ordinal codes of a clinical table.
    """
    _check_same_columns(real, synthetic)
    real_corr = real.astype(float).corr(method="spearman").to_numpy()
    synthetic_corr = synthetic.astype(float).corr(method="spearman").to_numpy()
    upper = np.triu_indices_from(real_corr, k=1)
    # A constant synthetic column has no correlation; count it as the largest gap.
    gaps = np.abs(np.nan_to_num(synthetic_corr[upper], nan=0.0) - real_corr[upper])
    return float(np.nanmean(gaps))


def utility_comparison(
    make_model: Callable[[], Any],
    train: pd.DataFrame,
    test: pd.DataFrame,
    synthetic: pd.DataFrame,
    target: str,
) -> pd.DataFrame:
    """Train on real, on synthetic and on both; test every model on the same real rows.

    Returns
    -------
    pandas.DataFrame
        One row per training set: ``TRTR`` (train real, test real), ``TSTR`` (train
        synthetic, test real), ``TRSTR`` (train real + synthetic, test real), with
        the scores of :func:`classification_scores`.
    """
    _check_same_columns(train, synthetic)
    minority_label = train[target].value_counts().idxmin()
    training_sets = {
        "TRTR": train,
        "TSTR": synthetic,
        "TRSTR": pd.concat([train, synthetic], ignore_index=True),
    }
    rows = []
    for setting, rows_used in training_sets.items():
        if rows_used[target].nunique() < 2:
            logger.warning("%s training set has one class only; skipped", setting)
            continue
        model = make_model().fit(rows_used.drop(columns=target), rows_used[target])
        scores = classification_scores(
            model,
            test.drop(columns=target),
            test[target],
            minority_label=minority_label,
        )
        rows.append({"setting": setting, **scores, "training_rows": len(rows_used)})
    return pd.DataFrame(rows)


def distance_to_closest_record(
    query: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    categorical_columns: Sequence[str] = (),
) -> np.ndarray:
    """Distance from each query row to its nearest reference row.

    Numerical columns are divided by the reference's standard deviation;
    categorical columns add 1 for a mismatch and 0 for a match. The distance is
    Euclidean over all columns, so 0 means an exact copy of a reference row.
    """
    from sklearn.neighbors import NearestNeighbors

    _check_same_columns(reference, query)
    query_matrix = _distance_matrix(query, reference, categorical_columns)
    reference_matrix = _distance_matrix(reference, reference, categorical_columns)
    neighbours = NearestNeighbors(n_neighbors=1).fit(reference_matrix)
    distances, _ = neighbours.kneighbors(query_matrix)
    return distances[:, 0]


def dcr_summary(
    train: pd.DataFrame,
    holdout: pd.DataFrame,
    synthetic: pd.DataFrame,
    *,
    categorical_columns: Sequence[str] = (),
) -> dict[str, float]:
    """Compare synthetic rows' closeness to training patients with a holdout baseline.

    New real patients (the holdout) are as close to the training patients as the
    population allows without copying anyone. Synthetic rows markedly closer than
    that have memorised training patients.

    Returns
    -------
    dict
        ``synthetic_median_dcr`` and ``holdout_median_dcr`` (to the training rows),
        ``dcr_ratio`` (synthetic / holdout; below 1 means closer than new patients
        are), and ``exact_copy_share`` (synthetic rows identical to a training row).
    """
    synthetic_dcr = distance_to_closest_record(
        synthetic, train, categorical_columns=categorical_columns
    )
    holdout_dcr = distance_to_closest_record(
        holdout, train, categorical_columns=categorical_columns
    )
    holdout_median = float(np.median(holdout_dcr))
    return {
        "synthetic_median_dcr": float(np.median(synthetic_dcr)),
        "holdout_median_dcr": holdout_median,
        "dcr_ratio": float(np.median(synthetic_dcr)) / holdout_median
        if holdout_median > 0
        else float("nan"),
        "exact_copy_share": float(np.mean(synthetic_dcr == 0)),
    }


def _distance_matrix(
    frame: pd.DataFrame, reference: pd.DataFrame, categorical_columns: Sequence[str]
) -> np.ndarray:
    parts = []
    for column in reference.columns:
        if column in categorical_columns:
            categories = pd.unique(pd.concat([reference[column], frame[column]]))
            for category in categories:
                # A mismatch flips two indicators; scaling each by 1/sqrt(2) makes
                # it count exactly 1 in the Euclidean distance.
                indicator = (frame[column] == category).to_numpy(dtype=float)
                parts.append(indicator / np.sqrt(2.0))
        else:
            spread = reference[column].astype(float).std()
            spread = spread if spread > 0 else 1.0
            parts.append(frame[column].to_numpy(dtype=float) / spread)
    return np.column_stack(parts)


def _check_xy(X: Any, y: Any) -> tuple[pd.DataFrame, pd.Series]:
    # The index is kept: an augmenter sees the real rows' own labels, which lets a
    # test check that no test-fold row ever reaches it.
    X = pd.DataFrame(X)
    y = pd.Series(y, index=X.index) if not isinstance(y, pd.Series) else y
    if len(X) != len(y):
        raise AugmentationError(f"X has {len(X)} rows but y has {len(y)}")
    if y.nunique() < 2:
        raise AugmentationError("y has a single class; nothing to classify")
    return X, y


def _check_same_columns(real: pd.DataFrame, other: pd.DataFrame) -> None:
    if list(real.columns) != list(other.columns):
        raise AugmentationError(
            "real and synthetic tables must have the same columns in the same "
            f"order; got {list(real.columns)} and {list(other.columns)}"
        )


def summarise_over_seeds(
    results: pd.DataFrame, by: Sequence[str], metrics: Sequence[str]
) -> pd.DataFrame:
    """Average folds within each seed, then give mean and spread across seeds.

    Returns
    -------
    pandas.DataFrame
        One row per group of ``by`` and metric: ``mean``, ``std`` (across seeds),
        ``min``, ``max`` and ``seeds`` (how many).
    """
    by = list(by)
    per_seed = results.groupby([*by, "seed"], as_index=False)[list(metrics)].mean()
    long = per_seed.melt(id_vars=[*by, "seed"], var_name="metric", value_name="value")
    summary = long.groupby([*by, "metric"], as_index=False, sort=False)["value"].agg(
        mean="mean", std="std", min="min", max="max", seeds="count"
    )
    return summary


def spread_chart(
    results: pd.DataFrame,
    *,
    category: str,
    metrics: Sequence[str],
    title: str = "",
    order: Sequence[str] | None = None,
) -> Any:
    """Altair chart of per-seed scores (points) with their mean and +-1 SD (bar).

    ``results`` has one row per seed (and fold: folds are averaged within a seed)
    with a ``category`` column (the technique or setting) and the ``metrics``.
    """
    import altair as alt

    per_seed = results.groupby([category, "seed"], as_index=False)[list(metrics)].mean()
    long = per_seed.melt(
        id_vars=[category, "seed"], var_name="metric", value_name="value"
    )
    sort = list(order) if order is not None else None
    y = alt.Y(f"{category}:N", sort=sort, title=None)
    x = alt.X("value:Q", scale=alt.Scale(zero=False), title="score")
    # The layers carry no data of their own: a faceted layer chart filters only the
    # data given to the facet, so each panel shows its own metric.
    base = alt.Chart()
    points = base.mark_circle(size=40, opacity=0.5).encode(
        x=x,
        y=y,
        color=alt.Color(f"{category}:N", sort=sort, legend=None),
        tooltip=[
            alt.Tooltip(f"{category}:N"),
            alt.Tooltip("seed:O"),
            alt.Tooltip("value:Q", title="score", format=".3f"),
        ],
    )
    mean = base.mark_tick(thickness=3, size=18, color="black").encode(
        x=alt.X("mean(value):Q", title="score"),
        y=y,
        tooltip=[alt.Tooltip("mean(value):Q", title="mean", format=".3f")],
    )
    error = base.mark_errorbar(extent="stdev").encode(x=x, y=y)
    return (
        alt.layer(error, points, mean, data=long)
        .properties(width=220, height=26 * long[category].nunique())
        .facet(column=alt.Column("metric:N", title=None, sort=list(metrics)))
        .resolve_scale(x="independent")
        .properties(title=title)
    )
