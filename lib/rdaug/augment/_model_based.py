"""Rule- and model-based generation: Bayesian networks through pgmpy.

:class:`BayesianNetworkGenerator` learns a discrete Bayesian network from a table
(numerical columns cut at training quantiles), samples it forward and turns each
sampled bin back into a value. :class:`VisitTransitionModel` is a two-slice dynamic
Bayesian network over yearly visits: every variable next year depends on its own
value this year, and variables within a year depend on one another as learned from
the data; simulating it gives virtual patients' trajectories.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import AugmentationError


class _Discretiser:
    """Cut numerical columns at training quantiles and map bins back to values."""

    def __init__(self, categorical_columns: Sequence[str], n_bins: int):
        self.categorical_columns = list(categorical_columns)
        self.n_bins = n_bins

    def fit(self, data: pd.DataFrame) -> _Discretiser:
        self.columns_ = list(data.columns)
        self.dtypes_ = data.dtypes
        self.edges_: dict[str, np.ndarray] = {}
        self.categories_: dict[str, np.ndarray] = {}
        for column in self.columns_:
            values = data[column].to_numpy()
            if column in self.categorical_columns:
                self.categories_[column] = np.unique(values)
            else:
                quantiles = np.linspace(0, 1, self.n_bins + 1)
                self.edges_[column] = np.unique(np.quantile(values, quantiles))
        return self

    def transform(self, data: pd.DataFrame) -> pd.DataFrame:
        codes = {}
        for column in self.columns_:
            values = data[column].to_numpy()
            if column in self.categorical_columns:
                categories = self.categories_[column]
                index = np.searchsorted(categories, values)
                unseen = (index >= len(categories)) | (
                    categories[np.minimum(index, len(categories) - 1)] != values
                )
                if unseen.any():
                    raise AugmentationError(
                        f"column {column!r} has categories not seen in fitting: "
                        f"{sorted(set(values[unseen].tolist()))}"
                    )
                codes[column] = index
            else:
                inner = self.edges_[column][1:-1]
                codes[column] = np.searchsorted(inner, values, side="right")

        # pgmpy reads an integer column as continuous, so states travel as categories.
        return pd.DataFrame(codes, index=data.index).astype(int).astype("category")

    def inverse(self, codes: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
        # A sampled bin becomes a value drawn uniformly between the bin's edges:
        # within-bin detail is not learned, and no training value is copied out.
        values = {}
        for column in self.columns_:
            if column not in codes:
                continue
            if column in self.categorical_columns:
                bins = codes[column].astype(int).to_numpy()
                values[column] = self.categories_[column][bins]
            else:
                edges = self.edges_[column]
                bins = codes[column].astype(int).to_numpy()
                low, high = edges[bins], edges[np.minimum(bins + 1, len(edges) - 1)]
                values[column] = rng.uniform(low, high)
        frame = pd.DataFrame(values)
        for column in frame.columns:
            if pd.api.types.is_integer_dtype(self.dtypes_[column]):
                frame[column] = frame[column].astype(self.dtypes_[column])
        return frame


def _learn_structure(codes: pd.DataFrame, max_indegree: int) -> list[tuple]:
    """Hill-climb on the BIC score with arcs only from earlier to later columns.

    The order constraint does two jobs. It lets the caller state what may depend on
    what (put the outcome last, or follow time). And it makes the result
    reproducible: without it, an arc and its reversal often score the same, and
    pgmpy breaks such ties by iterating over a set of column names, whose order
    changes with Python's hash seed from one process to the next.
    """
    from pgmpy.causal_discovery import ExpertKnowledge
    from pgmpy.estimators import HillClimbSearch

    columns = list(codes.columns)
    backwards = [
        (later, earlier)
        for position, earlier in enumerate(columns)
        for later in columns[position + 1 :]
    ]
    with warnings.catch_warnings():
        # pgmpy warns about its own upcoming API changes on every call.
        warnings.simplefilter("ignore", FutureWarning)
        dag = HillClimbSearch(codes).estimate(
            scoring_method="bic-d",
            max_indegree=max_indegree,
            expert_knowledge=ExpertKnowledge(forbidden_edges=backwards),
            show_progress=False,
        )
    return sorted(dag.edges(), key=lambda arc: (columns.index(arc[1]), arc))


class BayesianNetworkGenerator:
    """Learn a discrete Bayesian network from a table and sample synthetic rows.

    Parameters
    ----------
    categorical_columns : sequence of str
        Columns whose values are categories; the others are cut into quantile bins.
    n_bins : int, default 4
        Quantile bins per numerical column (fewer when values repeat).
    max_indegree : int, default 2
        Most parents a variable may have; small keeps the conditional tables
        estimable from a few hundred patients.
    equivalent_sample_size : float, default 5
        Strength of the BDeu prior of the conditional tables: combinations never
        seen in training keep a small probability instead of zero.
    order : sequence of str, optional
        All columns, in the order arcs may point (earlier to later); the default
        is the training data's column order. Putting a binary outcome first lets
        every measurement depend on it and on one other variable, the
        tree-augmented naive Bayes shape that suits a few hundred patients.

    Attributes
    ----------
    edges_ : list of tuple
        The learned arcs (parent, child), found by hill climbing on the BIC score.
        Arcs only point from an earlier to a later column of ``order``.
    model_ : pgmpy.models.DiscreteBayesianNetwork

    Notes
    -----
    Discretisation loses detail inside a bin; more bins need more patients per
    conditional table. With a few hundred patients, 3-5 bins is the useful range.
    """

    def __init__(
        self,
        *,
        categorical_columns: Sequence[str] = (),
        n_bins: int = 4,
        max_indegree: int = 2,
        equivalent_sample_size: float = 5.0,
        order: Sequence[str] | None = None,
    ):
        if n_bins < 2:
            raise AugmentationError(f"n_bins must be at least 2, got {n_bins!r}")
        self.categorical_columns = list(categorical_columns)
        self.n_bins = n_bins
        self.max_indegree = max_indegree
        self.equivalent_sample_size = equivalent_sample_size
        self.order = None if order is None else list(order)

    def fit(self, data: pd.DataFrame) -> BayesianNetworkGenerator:
        """Discretise ``data``, learn the network's arcs and its conditional tables."""
        from pgmpy.models import DiscreteBayesianNetwork
        from pgmpy.parameter_estimator import DiscreteBayesianEstimator

        _check_frame(data, self.categorical_columns)
        self.discretiser_ = _Discretiser(self.categorical_columns, self.n_bins)
        codes = self.discretiser_.fit(data).transform(data)
        order = list(data.columns) if self.order is None else self.order
        if sorted(order) != sorted(data.columns):
            raise AugmentationError(
                f"order must list every column once; columns are {list(data.columns)}"
            )
        self.edges_ = _learn_structure(codes[order], self.max_indegree)
        model = DiscreteBayesianNetwork(self.edges_)
        model.add_nodes_from(codes.columns)
        estimator = DiscreteBayesianEstimator(
            prior_type="BDeu", equivalent_sample_size=self.equivalent_sample_size
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            self.model_ = model.fit(codes, estimator=estimator)
        return self

    def sample(self, n_rows: int, *, seed: int) -> pd.DataFrame:
        """Forward-sample ``n_rows`` rows with the training data's columns."""
        from pgmpy.sampling import BayesianModelSampling

        if not hasattr(self, "model_"):
            raise AugmentationError("call fit before sample")
        if n_rows < 1:
            raise AugmentationError(f"n_rows must be at least 1, got {n_rows!r}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            codes = BayesianModelSampling(self.model_).forward_sample(
                size=n_rows, seed=seed, show_progress=False, n_jobs=1
            )
        rng = np.random.default_rng(seed)
        frame = self.discretiser_.inverse(codes, rng)
        return frame[self.discretiser_.columns_]


class VisitTransitionModel:
    """A two-slice dynamic Bayesian network of yearly visits (pgmpy).

    Each variable in year ``t + 1`` has its own value in year ``t`` as a parent;
    within a year, arcs are learned by hill climbing over all visits (pointing from
    earlier to later entries of ``variables``) and repeated in both slices.
    Transition tables are estimated from every pair of visits one year apart.

    Parameters
    ----------
    categorical_columns : sequence of str
        Variables that are already categories (e.g. ascites 0/1).
    n_bins : int, default 3
        Quantile bins per numerical variable.
    max_indegree : int, default 1
        Most parents within a year.

    Notes
    -----
    pgmpy estimates the first slice from the earlier visit of every pair, so the
    simulated year 0 mixes entry and follow-up visits rather than entry alone. The
    model has no death or drop-out: it simulates patients who keep coming, while
    the observed cohort loses its sickest patients over time. Both would need an
    absorbing "died" state and an entry-only initial network to remove.
    """

    def __init__(
        self,
        *,
        categorical_columns: Sequence[str] = (),
        n_bins: int = 3,
        max_indegree: int = 1,
    ):
        if n_bins < 2:
            raise AugmentationError(f"n_bins must be at least 2, got {n_bins!r}")
        self.categorical_columns = list(categorical_columns)
        self.n_bins = n_bins
        self.max_indegree = max_indegree

    def fit(
        self,
        visits: pd.DataFrame,
        variables: Sequence[str],
        *,
        patient_column: str = "id",
        time_column: str = "year",
    ) -> VisitTransitionModel:
        """Learn the network from a long table of visits (one row per patient-year)."""
        from pgmpy.models import DynamicBayesianNetwork

        variables = list(variables)
        needed = [patient_column, time_column, *variables]
        missing = [c for c in needed if c not in visits.columns]
        if missing:
            raise AugmentationError(f"visits lack columns {missing}")
        _check_frame(visits[needed], self.categorical_columns)
        self.variables_ = variables
        self.discretiser_ = _Discretiser(self.categorical_columns, self.n_bins)
        codes = self.discretiser_.fit(visits[variables]).transform(visits[variables])
        codes[patient_column] = visits[patient_column].to_numpy()
        codes[time_column] = visits[time_column].to_numpy()

        following = codes.copy()
        following[time_column] -= 1
        pairs = codes.merge(
            following, on=[patient_column, time_column], suffixes=("_0", "_1")
        )
        if pairs.empty:
            raise AugmentationError(
                "no patient has visits in two consecutive years; nothing to learn"
            )
        self.n_transitions_ = len(pairs)

        within = _learn_structure(codes[variables], self.max_indegree)
        self.within_year_edges_ = within
        arcs = [((a, 0), (b, 0)) for a, b in within]
        arcs += [((v, 0), (v, 1)) for v in variables]
        model = DynamicBayesianNetwork(arcs)
        two_slice = pd.DataFrame(
            {(v, t): pairs[f"{v}_{t}"].to_numpy() for t in (0, 1) for v in variables}
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            model.fit(two_slice)
        self.model_ = model
        return self

    def simulate(self, n_patients: int, n_years: int, *, seed: int) -> pd.DataFrame:
        """Simulate virtual patients for ``n_years`` years after year 0.

        Returns
        -------
        pandas.DataFrame
            Long format: ``id`` (0 .. n_patients - 1), ``year``, one column per
            variable (values drawn within the sampled bins), and ``<variable>_bin``
            (the sampled bin, 0 = lowest).
        """
        if not hasattr(self, "model_"):
            raise AugmentationError("call fit before simulate")
        if n_patients < 1 or n_years < 1:
            raise AugmentationError("n_patients and n_years must be at least 1")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            wide = self.model_.simulate(
                n_samples=n_patients,
                n_time_slices=n_years + 1,
                seed=seed,
                show_progress=False,
            )
        rng = np.random.default_rng(seed)
        years = []
        for year in range(n_years + 1):
            codes = pd.DataFrame(
                {v: wide[(v, year)].to_numpy() for v in self.variables_}
            )
            values = self.discretiser_.inverse(codes, rng)
            values.insert(0, "year", year)
            values.insert(0, "id", np.arange(n_patients))
            for v in self.variables_:
                if v not in self.categorical_columns:
                    values[f"{v}_bin"] = codes[v].astype(int).to_numpy()
            years.append(values)
        return pd.concat(years, ignore_index=True).sort_values(["id", "year"])

    def bin_of(self, variable: str, values: Any) -> np.ndarray:
        """Return the bin (0 = lowest) of observed values of a numerical variable."""
        if variable not in self.discretiser_.edges_:
            raise AugmentationError(f"{variable!r} is not a numerical model variable")
        inner = self.discretiser_.edges_[variable][1:-1]
        return np.searchsorted(inner, np.asarray(values), side="right")


def _check_frame(data: Any, categorical_columns: Sequence[str]) -> None:
    if not isinstance(data, pd.DataFrame) or data.empty:
        raise AugmentationError("expected a non-empty pandas DataFrame")
    missing = [c for c in categorical_columns if c not in data.columns]
    if missing:
        raise AugmentationError(f"categorical columns {missing} are not in the data")
    if data.isna().any().any():
        raise AugmentationError(
            "the data has missing values; drop or impute them before fitting"
        )
