"""Benchmark: wall time of each demo notebook's default (book) run, and small run.

Each demo chapter (``notebooks/demo_*.md``) is converted with jupytext and executed
with papermill in a fresh kernel, as the book build does, first with its default
parameters and then with the small-run parameters of
``tests/notebook_params/<stem>.yaml`` that the notebook tests use. The report gives
the median wall time over ``--repeat`` runs (kernel start-up included) and flags a
default run over the book's budget of 60 s on two cores.

Usage::

    .venv/bin/python scripts/bench_demos.py [--repeat 3] [--only demo_evaluation]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import jupytext
import papermill
import yaml

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
PARAMS = REPO / "tests" / "notebook_params"
BUDGET_SECONDS = 60.0


def small_parameters(stem: str) -> dict:
    path = PARAMS / f"{stem}.yaml"
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def time_run(notebook_path: Path, parameters: dict, out_dir: Path) -> float:
    notebook = jupytext.read(notebook_path)
    start = time.perf_counter()
    papermill.execute_notebook(
        notebook,
        str(out_dir / f"{notebook_path.stem}.ipynb"),
        parameters=parameters,
        cwd=str(notebook_path.parent),
        kernel_name="python3",
        progress_bar=False,
    )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting")
    parser.add_argument("--only", action="append", help="a notebook stem (repeatable)")
    args = parser.parse_args(argv)

    paths = sorted(NOTEBOOKS.glob("demo_*.md"))
    if args.only:
        paths = [p for p in paths if p.stem in args.only]
    if not paths:
        print("no demo notebooks matched", file=sys.stderr)
        return 1

    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        out_dir = Path(scratch)
        for path in paths:
            medians = {}
            for label, parameters in (
                ("default", {}),
                ("small", small_parameters(path.stem)),
            ):
                times = [
                    time_run(path, parameters, out_dir) for _ in range(args.repeat)
                ]
                medians[label] = statistics.median(times)
                print(
                    f"{path.stem:20s} {label:8s} runs: "
                    + ", ".join(f"{t:.1f}" for t in times),
                    flush=True,
                )
            rows.append((path.stem, medians["default"], medians["small"]))

    print(f"\nmedian wall time over {args.repeat} run(s), seconds")
    print(f"{'notebook':20s} {'default':>8s} {'small':>8s}")
    for stem, default, small in rows:
        flag = "  over budget" if default > BUDGET_SECONDS else ""
        print(f"{stem:20s} {default:8.1f} {small:8.1f}{flag}")
    total_default = sum(r[1] for r in rows)
    total_small = sum(r[2] for r in rows)
    print(f"{'total':20s} {total_default:8.1f} {total_small:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
