"""Classical (geometric and photometric) augmentation of gray images.

Each transform is a thin call into scikit-image or SciPy with its parameters drawn
from a seeded generator, so the same seed gives the same image. Parameter ranges are
relative to the image size, so one policy serves an 8x8 digit and a 256x256 section.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy import ndimage
from skimage import exposure, filters, transform, util

from ..errors import AugmentationError

ImageTransform = Callable[[np.ndarray, np.random.Generator], np.ndarray]


def rotate(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Rotate by a random angle within +-20 degrees, reflecting at the border."""
    angle = rng.uniform(-20.0, 20.0)
    return transform.rotate(image, angle, mode="reflect", preserve_range=True)


def flip(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Mirror left-right, top-bottom or both (never neither).

    Only for images without a handedness: a flipped digit 2 is no longer a 2.
    """
    axes = [(1,), (0,), (0, 1)][rng.integers(3)]
    return np.flip(image, axis=axes).copy()


def affine(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Apply a random scale (0.9-1.1), shear (+-0.15 rad) and shift (+-8 % of size)."""
    rows, cols = image.shape[:2]
    shift = rng.uniform(-0.08, 0.08, size=2) * np.array([cols, rows])
    centre = np.array([cols, rows]) / 2.0 - 0.5
    to_centre = transform.AffineTransform(translation=-centre)
    warp = transform.AffineTransform(
        scale=rng.uniform(0.9, 1.1), shear=rng.uniform(-0.15, 0.15)
    )
    back = transform.AffineTransform(translation=centre + shift)
    matrix = back.params @ warp.params @ to_centre.params
    return transform.warp(
        image,
        transform.AffineTransform(matrix=matrix).inverse,
        mode="reflect",
        preserve_range=True,
    )


def elastic(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Deform with a smooth random displacement field (Simard et al., 2003).

    Each pixel moves by a Gaussian-smoothed white-noise field; the smoothing width is
    8 % of the shorter side and the largest moves are a few percent of it.
    """
    shape = image.shape[:2]
    sigma = max(0.08 * min(shape), 1.0)
    alpha = 0.6 * min(shape) * sigma / 8.0
    displacement = [
        ndimage.gaussian_filter(rng.uniform(-1, 1, size=shape), sigma) * alpha
        for _ in range(2)
    ]
    grid = np.meshgrid(*(np.arange(n) for n in shape), indexing="ij")
    coordinates = [grid[axis] + displacement[axis] for axis in range(2)]
    return ndimage.map_coordinates(image, coordinates, order=1, mode="reflect")


def brightness_contrast(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Scale contrast by 0.75-1.25 about the mean and shift brightness by +-0.1."""
    contrast = rng.uniform(0.75, 1.25)
    brightness = rng.uniform(-0.1, 0.1)
    mean = image.mean()
    return np.clip((image - mean) * contrast + mean + brightness, 0.0, 1.0)


def gamma(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Apply a gamma curve with gamma drawn log-uniformly from 0.67-1.5."""
    value = float(np.exp(rng.uniform(np.log(0.67), np.log(1.5))))
    return exposure.adjust_gamma(np.clip(image, 0.0, 1.0), value)


def noise(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Add Gaussian noise with a standard deviation of 0.02-0.08 (on a 0-1 scale)."""
    std = rng.uniform(0.02, 0.08)
    return util.random_noise(image, mode="gaussian", var=std**2, rng=rng, clip=True)


def blur(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Blur with a Gaussian of width 0.5-1.5 % of the shorter side (at least 0.3 px)."""
    sigma = max(rng.uniform(0.005, 0.015) * min(image.shape[:2]), 0.3)
    return filters.gaussian(image, sigma=sigma, preserve_range=True)


def patch_resample(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Crop a random patch of 70-90 % of each side and resize it to the full size.

    This is the "random resized crop" of image pipelines: a zoom to a random part.
    """
    rows, cols = image.shape[:2]
    fraction = rng.uniform(0.7, 0.9)
    height, width = max(int(rows * fraction), 2), max(int(cols * fraction), 2)
    top = rng.integers(0, rows - height + 1)
    left = rng.integers(0, cols - width + 1)
    patch = image[top : top + height, left : left + width]
    return transform.resize(patch, image.shape, anti_aliasing=True, preserve_range=True)


#: Every classical transform by name, in the order the book shows them.
CLASSICAL_TRANSFORMS: dict[str, ImageTransform] = {
    "rotate": rotate,
    "flip": flip,
    "affine": affine,
    "elastic": elastic,
    "brightness_contrast": brightness_contrast,
    "gamma": gamma,
    "noise": noise,
    "blur": blur,
    "patch_resample": patch_resample,
}


def augment_image(
    image: np.ndarray, transforms: Sequence[str] | str, *, seed: int
) -> np.ndarray:
    """Apply one or more named classical transforms to one image, in order.

    Parameters
    ----------
    image : numpy.ndarray
        A 2-d gray image with values in [0, 1].
    transforms : str or sequence of str
        Names from :data:`CLASSICAL_TRANSFORMS`.
    seed : int
        Seed of the random parameters.

    Returns
    -------
    numpy.ndarray
        A new image of the same shape, values clipped to [0, 1].

    Examples
    --------
    >>> import numpy as np
    >>> image = np.linspace(0, 1, 64).reshape(8, 8)
    >>> augment_image(image, ["rotate", "noise"], seed=0).shape
    (8, 8)
    """
    _check_image(image)
    names = [transforms] if isinstance(transforms, str) else list(transforms)
    functions = _lookup(names)
    rng = np.random.default_rng(seed)
    result = np.asarray(image, dtype=np.float64)
    for function in functions:
        result = function(result, rng)
    return np.clip(result, 0.0, 1.0)


def augment_images(
    images: np.ndarray,
    labels: np.ndarray,
    *,
    copies: int,
    transforms: Sequence[str],
    probability: float = 0.5,
    seed: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Expand a labelled image set with random augmented copies of each image.

    Each copy applies every transform of ``transforms`` independently with the given
    probability (at least one is always applied), so the copies differ in kind as
    well as in degree. Labels are carried over unchanged.

    Parameters
    ----------
    images : numpy.ndarray
        Gray images, shape ``(n, height, width)``, values in [0, 1].
    labels : numpy.ndarray
        One label per image.
    copies : int
        Augmented copies per original image (0 returns the originals).
    transforms : sequence of str
        Names from :data:`CLASSICAL_TRANSFORMS`.
    probability : float, default 0.5
        Chance that each transform is applied to a copy.
    seed : int
        Seed of the choices and of the random parameters.

    Returns
    -------
    images, labels : numpy.ndarray
        The originals followed by their copies: ``n * (1 + copies)`` images; the
        expansion factor is ``1 + copies``.
    """
    images = np.asarray(images, dtype=np.float64)
    labels = np.asarray(labels)
    if images.ndim != 3:
        raise AugmentationError(
            f"images must have shape (n, height, width), got {images.shape}; "
            "convert colour images to gray first"
        )
    if len(images) != len(labels):
        raise AugmentationError(
            f"{len(images)} images but {len(labels)} labels; give one label per image"
        )
    if copies < 0:
        raise AugmentationError(f"copies must be 0 or more, got {copies!r}")
    if not 0 < probability <= 1:
        raise AugmentationError(f"probability must be in (0, 1], got {probability!r}")
    functions = _lookup(list(transforms))
    if not functions and copies:
        raise AugmentationError("name at least one transform to make copies")

    rng = np.random.default_rng(seed)
    new_images, new_labels = [images], [labels]
    for _ in range(copies):
        batch = np.empty_like(images)
        for index, image in enumerate(images):
            chosen = rng.random(len(functions)) < probability
            if not chosen.any():
                chosen[rng.integers(len(functions))] = True
            result = image
            for function, use in zip(functions, chosen, strict=True):
                if use:
                    result = function(result, rng)
            batch[index] = np.clip(result, 0.0, 1.0)
        new_images.append(batch)
        new_labels.append(labels)
    return np.concatenate(new_images), np.concatenate(new_labels)


def _lookup(names: list[str]) -> list[ImageTransform]:
    unknown = [name for name in names if name not in CLASSICAL_TRANSFORMS]
    if unknown:
        raise AugmentationError(
            f"unknown transform(s) {unknown}; choose from {list(CLASSICAL_TRANSFORMS)}"
        )
    return [CLASSICAL_TRANSFORMS[name] for name in names]


def _check_image(image: np.ndarray) -> None:
    if np.ndim(image) != 2:
        raise AugmentationError(
            f"expected a 2-d gray image, got shape {np.shape(image)}; "
            "convert colour images with skimage.color.rgb2gray"
        )


def image_grid_png(
    rows: Sequence[Sequence[np.ndarray]],
    *,
    column_titles: Sequence[str] = (),
    tile: int = 112,
    gap: int = 4,
) -> bytes:
    """Lay out gray images in a grid and return it as PNG bytes (Pillow).

    Parameters
    ----------
    rows : sequence of sequences of numpy.ndarray
        Images in [0, 1]; each is resized to ``tile`` x ``tile`` pixels (nearest
        neighbour, so small images stay sharp rather than blurred).
    column_titles : sequence of str
        Text above each column (Pillow's built-in font).
    tile, gap : int
        Tile size and spacing in pixels.
    """
    from io import BytesIO

    from PIL import Image, ImageDraw

    n_columns = max(len(row) for row in rows)
    header = 16 if column_titles else 0
    width = n_columns * (tile + gap) + gap
    height = len(rows) * (tile + gap) + gap + header
    canvas = Image.new("L", (width, height), color=255)
    draw = ImageDraw.Draw(canvas)
    for column, title in enumerate(column_titles):
        draw.text((gap + column * (tile + gap), 2), str(title)[:18], fill=0)
    for row_index, row in enumerate(rows):
        for column, image in enumerate(row):
            pixels = np.clip(np.asarray(image, dtype=float), 0, 1) * 255
            tile_image = Image.fromarray(pixels.astype(np.uint8)).resize(
                (tile, tile), Image.Resampling.NEAREST
            )
            left = gap + column * (tile + gap)
            top = header + gap + row_index * (tile + gap)
            canvas.paste(tile_image, (left, top))
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer.getvalue()
