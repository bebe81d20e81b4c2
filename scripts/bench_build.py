"""Benchmark the book build: cold, no-op, and after one study file changes.

Each repetition copies the repository's book sources and data into a fresh temporary
folder and times ``python -m rdaug.book build`` there (the step ``make book`` runs,
with packages already installed):

- cold: no build output and no execution cache;
- no-op: the same tree built again with nothing changed;
- one study changed: a study file edited (its notes field), then built again.

For the last case the script also lists which notebooks re-executed (their cache
records were replaced), which should be exactly the data-dependent ones.

Usage: ``python scripts/bench_build.py [--repeats 3]``. Prints medians and every
timing; the targets on 2 cores are cold <= 90 s and no-op <= a tenth of cold.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from book_build import copy_book  # noqa: E402
from jupyter_cache import get_cache  # noqa: E402


def timed_build(book) -> float:
    start = time.perf_counter()
    result = book.build()
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.stderr.write(book.log[-4000:])
        raise SystemExit(f"the build failed in {book.root}")
    return elapsed


def records(book) -> dict:
    cache = get_cache(book.root / "_build" / ".jupyter_cache")
    return {Path(r.uri).stem: r.created for r in cache.list_cache_records()}


def change_one_study(book) -> Path:
    path = sorted(book.studies.glob("*.yaml"))[0]
    study = yaml.safe_load(path.read_text(encoding="utf-8"))
    study["notes"] = f"edited by bench_build.py at {time.time():.0f}"
    path.write_text(yaml.safe_dump(study, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    timings: dict[str, list[float]] = {"cold": [], "no-op": [], "one study changed": []}
    reran: list[str] = []
    for repeat in range(args.repeats):
        with tempfile.TemporaryDirectory(prefix="bench-book-") as folder:
            book = copy_book(Path(folder))
            timings["cold"].append(timed_build(book))
            timings["no-op"].append(timed_build(book))
            before = records(book)
            changed = change_one_study(book)
            timings["one study changed"].append(timed_build(book))
            after = records(book)
            reran = sorted(stem for stem, pk in after.items() if before.get(stem) != pk)
        print(
            f"repeat {repeat + 1}: "
            + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in timings.items())
        )

    print()
    for name, values in timings.items():
        every = ", ".join(f"{v:.1f}" for v in values)
        print(f"{name:>18}: median {statistics.median(values):6.1f} s   ({every})")
    cold = statistics.median(timings["cold"])
    print(f"{'no-op / cold':>18}: {statistics.median(timings['no-op']) / cold:.2f}")
    print(f"re-executed after editing {changed.name}: {', '.join(reran) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
