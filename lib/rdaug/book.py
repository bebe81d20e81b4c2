"""Build steps of the executable book, and the helpers its notebooks share.

``make book`` runs ``python -m rdaug.book build``, which

1. writes the generated inputs: the vega-embed bundle in ``_static`` (charts render
   offline) and the study bibliography ``_build/generated/studies.bib`` (from
   :func:`rdaug.export.to_bibtex`, the same text as ``rdaug export --format bibtex``);
2. keeps the execution cache honest: jupyter-cache keys a notebook on its code cells
   only, so a notebook whose inputs (``data/`` and ``lib/rdaug`` for the review's
   notebooks, ``lib/rdaug`` for the demos) changed since the last build loses its cache
   record, and its page - and every page that shows its glued numbers - is marked for
   re-reading;
3. runs ``jupyter-book build`` with warnings as errors.

While some chapters listed in ``_toc.yml`` are not written yet, the build uses a copy
of the table of contents without them and says which ones it left out; with every
file present it uses ``_toc.yml`` itself.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import yaml

from .paths import REPO_ROOT, data_dir

logger = logging.getLogger(__name__)

GENERATED = Path("_build") / "generated"
STUDIES_BIB = GENERATED / "studies.bib"
FINGERPRINTS = Path("_build") / "rdaug_fingerprints.json"
CACHE = Path("_build") / ".jupyter_cache"
LIBRARY = Path(__file__).resolve().parent

# Pages that show a glued value of another page name it as ``page.md::key``.
_CROSS_GLUE = re.compile(r"([\w./-]+?)\.(?:md|ipynb)::")


def load_original_review() -> dict:
    """Return what the original review reported (``data/original_review.yaml``).

    Looked up in the data folder first, then in the repository's, so a folder of test
    study files needs no copy of it.
    """
    candidate = data_dir() / "original_review.yaml"
    path = (
        candidate if candidate.exists() else REPO_ROOT / "data" / "original_review.yaml"
    )
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def studies_path(data_dir_parameter: str | os.PathLike | None) -> list[Path] | None:
    """Turn a notebook's ``data_dir`` parameter into the argument of load_studies.

    ``None`` or an empty string means the default folder (``data/studies``, or the
    one under ``$RDAUG_DATA_DIR``).
    """
    return [Path(data_dir_parameter)] if data_dir_parameter else None


def join_terms(values, *, empty: str = "not reported") -> str:
    """Join the terms of a list cell for a table; an empty list reads 'not reported'."""
    if values is None or len(values) == 0:
        return empty
    return ", ".join(str(v) for v in values)


def share_label(count: int, total: int) -> str:
    """Say 'n of N (p %)' with the percentage rounded to a whole number."""
    percent = round(100 * count / total) if total else 0
    return f"{count} of {total} ({percent} %)"


class PlainText:
    """A string shown as-is by ``{glue:text}`` (a plain str would show its quotes).

    Sphinx escapes glued text like any other text, so contributed words (a disease
    name, a title) can be glued safely.
    """

    def __init__(self, text: str):
        self.text = str(text)

    def __repr__(self) -> str:
        return self.text


def glue_text(name: str, value) -> None:
    """Glue ``value`` for the prose without displaying it; strings lose their quotes."""
    from myst_nb import glue

    glue(
        name,
        value if isinstance(value, int | float) else PlainText(value),
        display=False,
    )


# --- table of contents ------------------------------------------------------------


def _toc_files(node) -> list[str]:
    files = []
    if isinstance(node, dict):
        for name, value in node.items():
            if name in ("root", "file"):
                files.append(value)
            else:
                files.extend(_toc_files(value))
    elif isinstance(node, list):
        for item in node:
            files.extend(_toc_files(item))
    return files


def toc_files(root: Path = REPO_ROOT, toc: str = "_toc.yml") -> list[str]:
    """Return every document named in the table of contents, without suffix."""
    with (Path(root) / toc).open(encoding="utf-8") as handle:
        return _toc_files(yaml.safe_load(handle))


def _source_of(root: Path, name: str) -> Path | None:
    for suffix in ("", ".md", ".ipynb"):
        path = root / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def _drop_missing(node, root: Path, missing: list[str]):
    if isinstance(node, list):
        kept = [_drop_missing(item, root, missing) for item in node]
        return [item for item in kept if item is not None]
    if not isinstance(node, dict):
        return node
    if "file" in node and _source_of(root, node["file"]) is None:
        missing.append(node["file"])
        return None
    pruned = {key: _drop_missing(value, root, missing) for key, value in node.items()}
    if "chapters" in pruned and not pruned["chapters"]:
        return None
    if "sections" in pruned and not pruned["sections"]:
        del pruned["sections"]
    return pruned


def available_toc(root: Path = REPO_ROOT) -> Path:
    """Return the table of contents to build with: ``_toc.yml`` or a pruned copy.

    Chapters whose file does not exist yet are left out of a copy in
    ``_build/generated/_toc.yml`` (with a warning naming them), so the rest of the
    book can be built and checked meanwhile.
    """
    root = Path(root)
    with (root / "_toc.yml").open(encoding="utf-8") as handle:
        toc = yaml.safe_load(handle)
    missing: list[str] = []
    pruned = _drop_missing(toc, root, missing)
    if not missing:
        return root / "_toc.yml"
    warnings.warn(
        "building without chapters that do not exist yet: " + ", ".join(missing),
        stacklevel=2,
    )
    target = root / GENERATED / "_toc.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    # The pruned copy lives two folders down; its file names stay relative to root,
    # which jupyter-book takes from the source folder, not from the toc's location.
    target.write_text(yaml.safe_dump(pruned, sort_keys=False), encoding="utf-8")
    return target


# --- generated inputs ---------------------------------------------------------------


def _write_if_changed(path: Path, text: str) -> bool:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def write_studies_bib(root: Path = REPO_ROOT) -> Path:
    """Write the bibliography of the included studies, generated from data/studies."""
    from .export import to_bibtex
    from .loading import load_studies

    target = Path(root) / STUDIES_BIB
    if _write_if_changed(target, to_bibtex(load_studies())):
        logger.info("wrote the study bibliography %s", target)
    return target


def write_static_assets(root: Path = REPO_ROOT) -> None:
    """Write the offline vega-embed bundle into ``_static``."""
    from .charts import write_vega_bundle

    write_vega_bundle(Path(root) / "_static")


# --- keeping the execution cache honest ----------------------------------------------


def _hash_tree(digest, folder: Path, pattern: str) -> None:
    for path in sorted(folder.rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")


def input_fingerprints() -> dict[str, str]:
    """Fingerprint the two kinds of notebook input: the library, and library + data."""
    library = hashlib.sha256()
    _hash_tree(library, LIBRARY, "*.py")
    data = library.copy()
    _hash_tree(data, data_dir(), "*")
    return {"library": library.hexdigest(), "data": data.hexdigest()}


def input_kind(notebook: Path) -> str:
    """Say which inputs a notebook depends on: ``library`` (demos) or ``data``."""
    return "library" if notebook.stem.startswith("demo_") else "data"


def _is_notebook(path: Path) -> bool:
    if path.suffix == ".ipynb":
        return True
    head = path.read_text(encoding="utf-8")[:2000]
    return path.suffix == ".md" and head.startswith("---") and "kernelspec" in head


def _matching_record(cache, notebook: Path):
    """Return the cache record myst-nb would reuse for ``notebook``, if any."""
    import nbformat
    from myst_nb.core.read import read_myst_markdown_notebook

    text = notebook.read_text(encoding="utf-8")
    if notebook.suffix == ".ipynb":
        node = nbformat.reads(text, as_version=4)
    else:
        node = read_myst_markdown_notebook(text)
    try:
        return cache.match_cache_notebook(node)
    except KeyError:
        return None


def refresh_cache(root: Path = REPO_ROOT, toc: Path | None = None) -> list[Path]:
    """Drop cached executions whose inputs changed since the last build.

    Returns the notebooks whose cache record was dropped. Each of them, and every
    page that shows one of their glued values, gets a fresh modification time so that
    Sphinx reads it again and myst-nb re-executes the notebook.
    """
    from jupyter_cache import get_cache

    root = Path(root)
    names = toc_files(root, os.path.relpath(toc or root / "_toc.yml", root))
    sources = [p for p in (_source_of(root, n) for n in names) if p is not None]
    notebooks = [p.resolve() for p in sources if _is_notebook(p)]

    fingerprints = input_fingerprints()
    store = root / FINGERPRINTS
    previous = json.loads(store.read_text()) if store.exists() else {}
    stale = [
        nb for nb in notebooks if previous.get(str(nb)) != fingerprints[input_kind(nb)]
    ]

    dropped: list[Path] = []
    cache_dir = root / CACHE
    if cache_dir.exists() and stale:
        cache = get_cache(cache_dir)
        stale_uris = {str(nb) for nb in stale}
        doomed = {
            r.pk: r.uri for r in cache.list_cache_records() if r.uri in stale_uris
        }
        # myst-nb finds a cached run by the hash of the code cells, wherever it was
        # made (a moved or copied tree keeps its records), so match by hash as well.
        for notebook in stale:
            record = _matching_record(cache, notebook)
            if record is not None:
                doomed[record.pk] = record.uri
        for pk, uri in doomed.items():
            cache.remove_cache(pk)
            dropped.append(Path(uri))

    stale_stems = {nb.stem for nb in stale}
    readers = [
        page
        for page in sources
        if page.resolve() not in stale
        and any(
            Path(m).stem in stale_stems
            for m in _CROSS_GLUE.findall(page.read_text(encoding="utf-8"))
        )
    ]
    for page in [*stale, *readers]:
        page.touch()

    store.parent.mkdir(parents=True, exist_ok=True)
    current = {str(nb): fingerprints[input_kind(nb)] for nb in notebooks}
    store.write_text(json.dumps({**previous, **current}, indent=1), encoding="utf-8")
    if stale:
        logger.info(
            "inputs changed for %d notebooks (%d cached runs dropped)",
            len(stale),
            len(dropped),
        )
    return dropped


def execute_in_parallel(root: Path = REPO_ROOT, toc: Path | None = None) -> int:
    """Run the notebooks that have no cached run, one per core, into the cache.

    myst-nb executes notebooks one after another while Sphinx reads them; running
    the missing ones beforehand with jupyter-cache's parallel executor (the same
    reader, so the same cache key) lets the build find them cached. A notebook that
    fails here is simply not cached: myst-nb runs it again and reports the error.
    Returns the number of notebooks executed.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    root = Path(root)
    names = toc_files(root, os.path.relpath(toc or root / "_toc.yml", root))
    sources = [p for p in (_source_of(root, n) for n in names) if p is not None]
    notebooks = [p.resolve() for p in sources if _is_notebook(p)]
    cache = get_cache(root / CACHE)
    missing = [nb for nb in notebooks if _matching_record(cache, nb) is None]
    if not missing:
        return 0

    for notebook in missing:
        reader = None if notebook.suffix == ".ipynb" else _MYST_READER
        cache.add_nb_to_project(str(notebook), read_data=reader)
    executor = load_executor("local-parallel", cache, logger=logger)
    result = executor.run_and_cache(
        filter_uris=[str(nb) for nb in missing], timeout=EXECUTION_TIMEOUT
    )
    failed = [*result.excepted, *result.errored]
    if failed:
        logger.warning("%d notebooks failed; the build will report why", len(failed))
    return len(missing)


# The jupyter-cache reader myst-nb registers for MyST-markdown notebooks, and the
# per-notebook timeout of _config.yml (execute.timeout).
_MYST_READER = {"type": "plugin", "name": "myst_nb_md"}
EXECUTION_TIMEOUT = 300


# --- the build ---------------------------------------------------------------


def build(root: Path = REPO_ROOT, *, extra_args: tuple[str, ...] = ()) -> int:
    """Prepare the generated inputs and build the HTML book; return the exit code."""
    root = Path(root)
    write_static_assets(root)
    write_studies_bib(root)
    toc = available_toc(root)
    refresh_cache(root, toc)
    execute_in_parallel(root, toc)
    command = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        str(root),
        "--toc",
        str(toc),
        "-W",
        "-n",
        "--keep-going",
        *extra_args,
    ]
    logger.info("running %s", " ".join(command))
    return subprocess.run(command, cwd=root, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m rdaug.book build [--root PATH]``."""
    parser = argparse.ArgumentParser(prog="python -m rdaug.book", description=__doc__)
    parser.add_argument("step", choices=["build", "prepare"])
    parser.add_argument("--root", type=Path, default=REPO_ROOT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    if args.step == "prepare":
        write_static_assets(args.root)
        write_studies_bib(args.root)
        refresh_cache(args.root, available_toc(args.root))
        return 0
    return build(args.root)


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "available_toc",
    "build",
    "execute_in_parallel",
    "input_fingerprints",
    "glue_text",
    "join_terms",
    "load_original_review",
    "refresh_cache",
    "share_label",
    "studies_path",
    "toc_files",
    "write_studies_bib",
]
