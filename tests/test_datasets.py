"""Tests of the offline demo data loaders (package-shipped data only)."""

import numpy as np
import pytest
from rdaug.datasets import (
    PBC_OUTCOME,
    load_digits_few_shot,
    load_microscopy_samples,
    load_pbc,
    load_pbc_visits,
)
from rdaug.errors import DemoDataError


def test_pbc_cohort_has_a_rare_outcome_and_no_missing_values():
    cohort = load_pbc(horizon_years=2)

    assert 350 < len(cohort) <= 418
    assert 0.05 < cohort[PBC_OUTCOME].mean() < 0.2
    assert not cohort.isna().any().any()
    assert set(cohort["stage"]) <= {1, 2, 3, 4}


def test_longer_horizon_means_more_deaths_and_fewer_known_outcomes():
    short, long = load_pbc(horizon_years=2), load_pbc(horizon_years=5)

    assert long[PBC_OUTCOME].sum() > short[PBC_OUTCOME].sum()
    assert len(long) < len(short)


def test_bad_horizon_is_a_clear_error():
    with pytest.raises(DemoDataError, match="positive"):
        load_pbc(horizon_years=0)
    with pytest.raises(DemoDataError, match="one outcome class"):
        load_pbc(horizon_years=0.001)


def test_visits_are_one_per_patient_year():
    visits = load_pbc_visits(max_years=5)

    assert not visits.duplicated(["id", "year"]).any()
    assert visits["year"].between(0, 5).all()
    assert visits["id"].nunique() == 312


def test_digits_few_shot_split_is_disjoint_and_seeded():
    train, labels, test, test_labels = load_digits_few_shot(4, seed=1)
    again = load_digits_few_shot(4, seed=1)

    assert train.shape == (40, 8, 8)
    assert np.bincount(labels).tolist() == [4] * 10
    assert len(train) + len(test) == 1797
    np.testing.assert_array_equal(train, again[0])
    assert 0 <= train.min() and train.max() <= 1
    with pytest.raises(DemoDataError):
        load_digits_few_shot(0, seed=0)


def test_microscopy_samples_are_bundled_gray_images():
    images = load_microscopy_samples(max_side=64)

    assert set(images) == {"cell", "immunohistochemistry", "retina", "microaneurysms"}
    for image in images.values():
        assert image.ndim == 2
        assert max(image.shape) <= 64
        assert 0 <= image.min() and image.max() <= 1
