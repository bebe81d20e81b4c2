"""Oversampling of a rare class in tabular data, through imbalanced-learn.

The samplers are imbalanced-learn's own; this module only names them in the review's
terms and puts them inside an imbalanced-learn ``Pipeline``, which resamples during
``fit`` and never during ``predict``. Cross-validating that pipeline therefore
resamples inside each training fold and scores the untouched test fold: the
leakage-free way the imbalanced-learn documentation teaches.
"""

from __future__ import annotations

from typing import Any

from ..errors import AugmentationError

#: Oversampling techniques by the name used in the book.
OVERSAMPLERS = ("random", "smote", "borderline_smote", "adasyn")


def make_oversampler(
    technique: str, *, seed: int, k_neighbors: int = 5, **options: Any
) -> Any:
    """Return an unfitted imbalanced-learn oversampler.

    Parameters
    ----------
    technique : {"random", "smote", "borderline_smote", "adasyn"}
        Random oversampling (copies of minority rows), SMOTE (interpolation between
        a minority row and a minority neighbour), Borderline-SMOTE (SMOTE from the
        minority rows near the class border only) or ADASYN (more synthetic rows
        where the minority class is harder to learn).
    seed : int
        ``random_state`` of the sampler.
    k_neighbors : int, default 5
        Neighbours used by the interpolating samplers (``n_neighbors`` for ADASYN);
        ignored by random oversampling.
    **options
        Passed to the imbalanced-learn class unchanged (e.g. ``sampling_strategy``).

    Returns
    -------
    imblearn sampler
        An object with ``fit_resample(X, y)``.
    """
    from imblearn.over_sampling import (
        ADASYN,
        SMOTE,
        BorderlineSMOTE,
        RandomOverSampler,
    )

    if technique == "random":
        return RandomOverSampler(random_state=seed, **options)
    if technique == "smote":
        return SMOTE(random_state=seed, k_neighbors=k_neighbors, **options)
    if technique == "borderline_smote":
        return BorderlineSMOTE(random_state=seed, k_neighbors=k_neighbors, **options)
    if technique == "adasyn":
        return ADASYN(random_state=seed, n_neighbors=k_neighbors, **options)
    raise AugmentationError(
        f"unknown oversampling technique {technique!r}; choose from {OVERSAMPLERS}"
    )


def oversampling_pipeline(
    estimator: Any,
    technique: str | None,
    *,
    seed: int,
    scale: bool = True,
    **sampler_options: Any,
) -> Any:
    """Chain scaling, oversampling and a classifier in an imbalanced-learn Pipeline.

    Parameters
    ----------
    estimator : scikit-learn classifier
        The model trained on the (resampled) training fold.
    technique : str or None
        One of :data:`OVERSAMPLERS`, or ``None`` for the baseline without
        resampling (same pipeline, same scaler).
    seed : int
        Seed of the sampler.
    scale : bool, default True
        Standardise features first; the interpolating samplers measure distances,
        so unscaled labs with large ranges would dominate the neighbours.
    **sampler_options
        Passed to :func:`make_oversampler`.

    Returns
    -------
    imblearn.pipeline.Pipeline
        Resamples only while fitting; ``predict`` and ``score`` see real rows only.
    """
    from imblearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    steps = []
    if scale:
        steps.append(("scale", StandardScaler()))
    if technique is not None:
        steps.append(
            ("oversample", make_oversampler(technique, seed=seed, **sampler_options))
        )
    steps.append(("model", estimator))
    return Pipeline(steps)
