"""Demo augmentations for every method family the review maps.

Thin, seeded wrappers over well-kept libraries; each family lives in a private
module and is re-exported here:

- classical augmentation of images (scikit-image, SciPy): :func:`augment_image`,
  :func:`augment_images`, :data:`CLASSICAL_TRANSFORMS`;
- oversampling of a rare class (imbalanced-learn): :func:`make_oversampler`,
  :func:`oversampling_pipeline`;
- deep generative models: :class:`TabularGenerator` (SDV's Gaussian copula, CTGAN,
  TVAE) and :class:`ImageVAE` (PyTorch);
- rule/model-based generation (pgmpy): :class:`BayesianNetworkGenerator` and the
  longitudinal :class:`VisitTransitionModel`.
"""

from ._generative import TABULAR_GENERATORS, ImageVAE, TabularGenerator, seeded
from ._image import (
    CLASSICAL_TRANSFORMS,
    augment_image,
    augment_images,
    image_grid_png,
)
from ._model_based import BayesianNetworkGenerator, VisitTransitionModel
from ._tabular import OVERSAMPLERS, make_oversampler, oversampling_pipeline

__all__ = [
    "CLASSICAL_TRANSFORMS",
    "OVERSAMPLERS",
    "TABULAR_GENERATORS",
    "BayesianNetworkGenerator",
    "ImageVAE",
    "TabularGenerator",
    "VisitTransitionModel",
    "augment_image",
    "augment_images",
    "image_grid_png",
    "make_oversampler",
    "oversampling_pipeline",
    "seeded",
]
