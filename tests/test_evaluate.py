"""Unit tests of rdaug.evaluate: leakage guard and metric sanity."""

import numpy as np
import pandas as pd
import pytest
from rdaug.errors import AugmentationError
from rdaug.evaluate import (
    column_fidelity,
    correlation_difference,
    cross_validate_augmentation,
    dcr_summary,
    distance_to_closest_record,
    split_holdout,
    summarise_over_seeds,
    utility_comparison,
)
from sklearn.linear_model import LogisticRegression


def _table(n=120, seed=0):
    rng = np.random.default_rng(seed)
    signal = rng.normal(0, 1, n)
    return pd.DataFrame(
        {
            "signal": signal.round(3),
            "noise": rng.normal(0, 1, n).round(3),
            "group": rng.integers(0, 3, n),
            "event": (signal + rng.normal(0, 0.5, n) > 1.0).astype(int),
        },
        index=pd.RangeIndex(1000, 1000 + n),
    )


def test_augmenter_never_sees_a_test_row():
    data = _table()
    X, y = data.drop(columns="event"), data["event"]
    seen_by_fold = []

    def recording_augment(X_train, y_train, seed):
        seen_by_fold.append(set(X_train.index))
        return X_train, y_train

    results = cross_validate_augmentation(
        LogisticRegression, X, y, recording_augment, n_splits=4, seeds=[0, 1]
    )

    assert len(seen_by_fold) == 8
    from sklearn.model_selection import StratifiedKFold

    for seed in (0, 1):
        folds = StratifiedKFold(4, shuffle=True, random_state=seed).split(X, y)
        for fold, (_, test) in enumerate(folds):
            seen = seen_by_fold[seed * 4 + fold]
            assert seen.isdisjoint(set(X.index[test]))
            assert len(seen) == len(X) - len(test)
    assert set(results["fold"]) == {0, 1, 2, 3}


def test_augmenter_output_is_what_the_model_is_fitted_on():
    data = _table()
    X, y = data.drop(columns="event"), data["event"]

    def double(X_train, y_train, seed):
        return pd.concat([X_train, X_train]), pd.concat([y_train, y_train])

    results = cross_validate_augmentation(
        LogisticRegression, X, y, double, n_splits=3, seeds=[0]
    )

    assert np.allclose(results["expansion_factor"], 2.0)
    assert results["roc_auc"].between(0, 1).all()
    assert results["minority_recall"].between(0, 1).all()


def test_cross_validation_is_deterministic_for_seeds():
    data = _table()
    X, y = data.drop(columns="event"), data["event"]

    first = cross_validate_augmentation(LogisticRegression, X, y, seeds=[3, 4])
    second = cross_validate_augmentation(LogisticRegression, X, y, seeds=[3, 4])

    pd.testing.assert_frame_equal(first, second)


def test_too_few_minority_rows_for_the_folds_is_a_clear_error():
    data = _table().iloc[:20]
    data.loc[:, "event"] = [1, 1] + [0] * 18
    with pytest.raises(AugmentationError, match="lower n_splits"):
        cross_validate_augmentation(
            LogisticRegression, data.drop(columns="event"), data["event"], n_splits=5
        )


def test_dcr_of_a_copy_of_the_training_data_is_zero():
    train = _table()

    distances = distance_to_closest_record(train, train, categorical_columns=["group"])

    assert np.all(distances == 0)


def test_dcr_counts_a_category_mismatch_as_one():
    reference = pd.DataFrame({"x": [0.0, 10.0], "group": ["a", "b"]})
    query = pd.DataFrame({"x": [0.0], "group": ["b"]})

    distance = distance_to_closest_record(
        query, reference, categorical_columns=["group"]
    )

    assert distance[0] == pytest.approx(1.0)


def test_dcr_summary_flags_copies_and_not_fresh_samples():
    data = _table(n=300)
    train, holdout = data.iloc[:200], data.iloc[200:]
    copy = train.sample(100, replace=True, random_state=0)
    fresh = _table(n=100, seed=9)

    copied = dcr_summary(train, holdout, copy, categorical_columns=["group"])
    new = dcr_summary(train, holdout, fresh, categorical_columns=["group"])

    assert copied["exact_copy_share"] == 1.0
    assert copied["dcr_ratio"] == 0.0
    assert new["exact_copy_share"] == 0.0
    assert 0.5 < new["dcr_ratio"] < 2.0


def test_fidelity_of_identical_tables_is_perfect_and_drops_for_shifted_data():
    data = _table()
    shifted = data.assign(signal=data["signal"] + 3)

    same = column_fidelity(data, data, categorical_columns=["group", "event"])
    moved = column_fidelity(data, shifted, categorical_columns=["group", "event"])

    assert np.allclose(same["score"], 1.0)
    assert moved.set_index("column").loc["signal", "score"] < 0.2
    assert correlation_difference(data, data) == pytest.approx(0.0)


def test_utility_comparison_scores_each_training_set_on_real_rows():
    data = _table(n=300)
    train, test = data.iloc[:200], data.iloc[200:]

    utility = utility_comparison(LogisticRegression, train, test, train.copy(), "event")

    assert list(utility["setting"]) == ["TRTR", "TSTR", "TRSTR"]
    scores = utility.set_index("setting")["roc_auc"]
    assert scores["TRTR"] == pytest.approx(scores["TSTR"])
    assert list(utility["training_rows"]) == [200, 200, 400]


def test_mismatched_columns_are_a_clear_error():
    data = _table()
    with pytest.raises(AugmentationError, match="same columns"):
        column_fidelity(data, data[["noise", "signal", "group", "event"]])


def test_split_holdout_is_stratified_and_disjoint():
    data = _table(n=200)

    train, holdout = split_holdout(data, "event", holdout_fraction=0.25, seed=0)

    assert set(train.index).isdisjoint(holdout.index)
    assert len(holdout) == 50
    assert abs(train["event"].mean() - holdout["event"].mean()) < 0.03


def test_summary_over_seeds_averages_folds_first():
    results = pd.DataFrame(
        {
            "technique": ["a"] * 4,
            "seed": [0, 0, 1, 1],
            "fold": [0, 1, 0, 1],
            "score": [0.0, 1.0, 1.0, 1.0],
        }
    )

    summary = summarise_over_seeds(results, ["technique"], ["score"])

    assert summary.loc[0, "mean"] == pytest.approx(0.75)
    assert summary.loc[0, "seeds"] == 2
    assert summary.loc[0, "min"] == pytest.approx(0.5)


def test_model_factory_taking_a_seed_gets_a_different_seed_per_fold():
    data = _table()
    X, y = data.drop(columns="event"), data["event"]
    seeds_given = []

    def make_model(seed):
        seeds_given.append(seed)
        return LogisticRegression()

    cross_validate_augmentation(make_model, X, y, n_splits=3, seeds=[0, 1])

    assert seeds_given == [0, 1, 2, 1000, 1001, 1002]


def test_model_factory_with_only_optional_arguments_gets_no_seed():
    data = _table()
    X, y = data.drop(columns="event"), data["event"]
    calls = []

    def make_model(seed, strength=1.0):
        calls.append(seed)
        return LogisticRegression(C=strength)

    def make_plain(strength=1.0):
        calls.append("plain")
        return LogisticRegression(C=strength)

    cross_validate_augmentation(make_model, X, y, n_splits=3, seeds=[2])
    cross_validate_augmentation(make_plain, X, y, n_splits=3, seeds=[2])

    assert calls == [2000, 2001, 2002, "plain", "plain", "plain"]
