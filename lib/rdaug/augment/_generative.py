"""Deep generative models: tabular synthesizers from SDV and a small image VAE.

:class:`TabularGenerator` is a thin, seeded front to SDV's single-table synthesizers
(Gaussian copula, CTGAN, TVAE): it builds the metadata from the data and a list of
categorical columns, and hides SDV 2.0's one-table dictionaries. :class:`ImageVAE`
is a variational autoencoder (Kingma and Welling, 2014) of a few dozen lines of
PyTorch, optionally conditioned on the class label, sized for 8x8 to 32x32 images.
"""

from __future__ import annotations

import contextlib
import logging
import random
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import AugmentationError

logger = logging.getLogger(__name__)

#: SDV synthesizers by the name used in the book.
TABULAR_GENERATORS = ("gaussian_copula", "ctgan", "tvae")

_TABLE = "cohort"


@contextlib.contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Seed Python's, NumPy's and PyTorch's global generators for a block.

    SDV and CTGAN draw from these global generators and take no seed argument; the
    previous NumPy and Python states are restored afterwards so the block does not
    change the randomness of code around it.
    """
    import torch

    python_state = random.getstate()
    numpy_state = np.random.get_state()
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    try:
        yield
    finally:
        random.setstate(python_state)
        np.random.set_state(numpy_state)


class TabularGenerator:
    """Fit an SDV single-table synthesizer on a data frame and sample new rows.

    Parameters
    ----------
    technique : {"gaussian_copula", "ctgan", "tvae"}
        Gaussian copula (marginals plus a Gaussian dependence structure), CTGAN
        (a conditional GAN for mixed-type tables) or TVAE (a tabular VAE).
    categorical_columns : sequence of str
        Columns to model as categories (codes such as 0/1 or stage 1-4); all other
        columns are numerical.
    epochs : int, default 300
        Training epochs of CTGAN and TVAE (ignored by the Gaussian copula).
    seed : int
        Seed of training; sampling takes its own seed.
    **options
        Passed to the SDV synthesizer (e.g. ``batch_size``).

    Attributes
    ----------
    metadata_ : sdv.metadata.Metadata
        The table description used for fitting.
    training_rows_ : int
        Number of rows the generator was fitted on.

    Notes
    -----
    SDV keeps generated values within the range seen in training and rounds them
    to the training data's decimals (its defaults), so a generator cannot produce
    an out-of-range lab value; it also cannot produce a rarer-than-seen patient.
    """

    def __init__(
        self,
        technique: str = "gaussian_copula",
        *,
        categorical_columns: Sequence[str] = (),
        epochs: int = 300,
        seed: int,
        **options: Any,
    ):
        if technique not in TABULAR_GENERATORS:
            raise AugmentationError(
                f"unknown generator {technique!r}; choose from {TABULAR_GENERATORS}"
            )
        if epochs < 1:
            raise AugmentationError(f"epochs must be at least 1, got {epochs!r}")
        self.technique = technique
        self.categorical_columns = list(categorical_columns)
        self.epochs = epochs
        self.seed = seed
        self.options = options

    def fit(self, data: pd.DataFrame) -> TabularGenerator:
        """Learn the joint distribution of ``data`` (the training rows only)."""
        from sdv.metadata import Metadata

        if not isinstance(data, pd.DataFrame) or data.empty:
            raise AugmentationError("fit needs a non-empty pandas DataFrame")
        missing = [c for c in self.categorical_columns if c not in data.columns]
        if missing:
            raise AugmentationError(
                f"categorical columns {missing} are not in the data; "
                f"columns are {list(data.columns)}"
            )
        if data.isna().any().any():
            raise AugmentationError(
                "the data has missing values; drop or impute them before fitting"
            )
        self.dtypes_ = data.dtypes
        table = self._encode(data)
        # The table is described explicitly rather than detected, so no column's
        # type is a guess and SDV has nothing to warn about.
        columns = {
            column: {
                "sdtype": "categorical"
                if column in self.categorical_columns
                else "numerical"
            }
            for column in table.columns
        }
        metadata = Metadata.load_from_dict(
            {"tables": {_TABLE: {"columns": columns}}, "relationships": []}
        )
        self.metadata_ = metadata

        self.synthesizer_ = self._make_synthesizer(metadata)
        with seeded(self.seed), _quiet_sdv():
            self.synthesizer_.fit({_TABLE: table})
        self.training_rows_ = len(data)
        logger.info(
            "fitted %s on %d rows x %d columns",
            self.technique,
            len(data),
            data.shape[1],
        )
        return self

    def sample(self, n_rows: int, *, seed: int) -> pd.DataFrame:
        """Draw ``n_rows`` synthetic rows with the training columns and dtypes."""
        if not hasattr(self, "synthesizer_"):
            raise AugmentationError("call fit before sample")
        if n_rows < 1:
            raise AugmentationError(f"n_rows must be at least 1, got {n_rows!r}")
        with seeded(seed), _quiet_sdv():
            self.synthesizer_.reset_sampling()
            sampled = self.synthesizer_.sample(n_rows)
        table = sampled[_TABLE] if isinstance(sampled, dict) else sampled
        return self._decode(table)

    def _make_synthesizer(self, metadata: Any) -> Any:
        from sdv.single_table import (
            CTGANSynthesizer,
            GaussianCopulaSynthesizer,
            TVAESynthesizer,
        )

        if self.technique == "gaussian_copula":
            return GaussianCopulaSynthesizer(metadata, **self.options)
        options = {"enable_gpu": False, "epochs": self.epochs, **self.options}
        if self.technique == "ctgan":
            return CTGANSynthesizer(metadata, **options)
        return TVAESynthesizer(metadata, **options)

    def _encode(self, data: pd.DataFrame) -> pd.DataFrame:
        # Categories travel as strings so that SDV never treats a 0/1 code as a
        # quantity to interpolate.
        table = data.copy()
        for column in self.categorical_columns:
            table[column] = table[column].astype(str)
        return table

    def _decode(self, table: pd.DataFrame) -> pd.DataFrame:
        table = table.copy()
        for column in self.categorical_columns:
            original = self.dtypes_[column]
            if pd.api.types.is_numeric_dtype(original):
                table[column] = pd.to_numeric(table[column]).astype(original)
        return table[list(self.dtypes_.index)]


@contextlib.contextmanager
def _quiet_sdv() -> Iterator[None]:
    # SDV and RDT log an INFO line per fitted column and warn about their own future
    # defaults; neither tells a reader of the demos anything.
    names = ["sdv", "rdt", "copulas", "ctgan"]
    levels = {name: logging.getLogger(name).level for name in names}
    for name in names:
        logging.getLogger(name).setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        try:
            yield
        finally:
            for name, level in levels.items():
                logging.getLogger(name).setLevel(level)


class ImageVAE:
    """A small (conditional) variational autoencoder for gray images.

    Encoder and decoder are two-layer perceptrons on the flattened image; when
    labels are given to :meth:`fit`, both also see the one-hot label, and
    :meth:`sample` can then draw images of a chosen class.

    Parameters
    ----------
    latent_dim : int, default 8
        Size of the latent code.
    hidden_units : int, default 128
        Width of the hidden layers.
    epochs : int, default 200
        Passes over the training images.
    batch_size : int, default 32
    learning_rate : float, default 1e-3
        Adam's step size.
    seed : int
        Seed of initialisation and training.
    show_progress : bool, default False
        Show a tqdm bar over epochs.

    Attributes
    ----------
    loss_history_ : list of float
        Mean training loss (reconstruction + KL, per image) of each epoch.

    Notes
    -----
    Training runs with ``torch.use_deterministic_algorithms(True)``, so on one
    machine and thread count the same seed gives the same weights.
    """

    def __init__(
        self,
        *,
        latent_dim: int = 8,
        hidden_units: int = 128,
        epochs: int = 200,
        batch_size: int = 32,
        learning_rate: float = 1e-3,
        seed: int,
        show_progress: bool = False,
    ):
        if latent_dim < 1 or hidden_units < 1 or epochs < 1 or batch_size < 1:
            raise AugmentationError(
                "latent_dim, hidden_units, epochs and batch_size must all be >= 1"
            )
        self.latent_dim = latent_dim
        self.hidden_units = hidden_units
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.seed = seed
        self.show_progress = show_progress

    def fit(self, images: np.ndarray, labels: np.ndarray | None = None) -> ImageVAE:
        """Train on images of shape ``(n, height, width)`` with values in [0, 1]."""
        import torch
        from tqdm import tqdm

        images = np.asarray(images, dtype=np.float32)
        if images.ndim != 3 or images.min() < 0 or images.max() > 1:
            raise AugmentationError(
                "images must have shape (n, height, width) with values in [0, 1]"
            )
        self.image_shape_ = images.shape[1:]
        self.classes_ = None if labels is None else np.unique(labels)
        if labels is not None and len(labels) != len(images):
            raise AugmentationError("give one label per image")

        with seeded(self.seed), _deterministic_torch():
            self._build(torch)
            pixels = torch.from_numpy(images.reshape(len(images), -1))
            condition = self._one_hot(torch, labels, len(images))
            optimiser = torch.optim.Adam(self._parameters(), lr=self.learning_rate)
            generator = torch.Generator().manual_seed(self.seed)
            self.loss_history_ = []
            for _ in tqdm(range(self.epochs), disable=not self.show_progress):
                order = torch.randperm(len(pixels), generator=generator)
                total = 0.0
                for start in range(0, len(pixels), self.batch_size):
                    batch = order[start : start + self.batch_size]
                    loss = self._loss(torch, pixels[batch], condition[batch])
                    optimiser.zero_grad()
                    loss.backward()
                    optimiser.step()
                    total += loss.item() * len(batch)
                self.loss_history_.append(total / len(pixels))
        return self

    def sample(
        self, n_images: int, *, labels: np.ndarray | None = None, seed: int
    ) -> np.ndarray:
        """Decode ``n_images`` random latent codes (of the given classes) to images."""
        import torch

        if not hasattr(self, "decoder_"):
            raise AugmentationError("call fit before sample")
        if self.classes_ is not None and labels is None:
            raise AugmentationError("this VAE was fitted with labels; pass labels")
        if labels is not None and len(labels) != n_images:
            raise AugmentationError("give one label per image to sample")
        generator = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            code = torch.randn(n_images, self.latent_dim, generator=generator)
            condition = self._one_hot(torch, labels, n_images)
            pixels = self.decoder_(torch.cat([code, condition], dim=1))
        return pixels.numpy().reshape(n_images, *self.image_shape_).astype(np.float64)

    def _build(self, torch: Any) -> None:
        nn = torch.nn
        n_pixels = int(np.prod(self.image_shape_))
        n_classes = 0 if self.classes_ is None else len(self.classes_)
        self.encoder_ = nn.Sequential(
            nn.Linear(n_pixels + n_classes, self.hidden_units),
            nn.ReLU(),
            nn.Linear(self.hidden_units, 2 * self.latent_dim),
        )
        self.decoder_ = nn.Sequential(
            nn.Linear(self.latent_dim + n_classes, self.hidden_units),
            nn.ReLU(),
            nn.Linear(self.hidden_units, n_pixels),
            nn.Sigmoid(),
        )

    def _parameters(self) -> list:
        return [*self.encoder_.parameters(), *self.decoder_.parameters()]

    def _one_hot(self, torch: Any, labels: np.ndarray | None, n: int) -> Any:
        if self.classes_ is None:
            return torch.zeros(n, 0)
        index = np.searchsorted(self.classes_, np.asarray(labels))
        if np.any(self.classes_[np.clip(index, 0, len(self.classes_) - 1)] != labels):
            raise AugmentationError(
                f"labels must be among the fitted classes {self.classes_.tolist()}"
            )
        return torch.nn.functional.one_hot(
            torch.from_numpy(index), len(self.classes_)
        ).float()

    def _loss(self, torch: Any, pixels: Any, condition: Any) -> Any:
        mean, log_variance = self.encoder_(torch.cat([pixels, condition], 1)).chunk(
            2, 1
        )
        code = mean + torch.randn_like(mean) * torch.exp(0.5 * log_variance)
        reconstruction = self.decoder_(torch.cat([code, condition], 1))
        reconstruction_loss = torch.nn.functional.binary_cross_entropy(
            reconstruction, pixels, reduction="sum"
        )
        divergence = -0.5 * torch.sum(1 + log_variance - mean**2 - log_variance.exp())
        return (reconstruction_loss + divergence) / len(pixels)


@contextlib.contextmanager
def _deterministic_torch() -> Iterator[None]:
    import torch

    previous = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    try:
        yield
    finally:
        torch.use_deterministic_algorithms(previous)
