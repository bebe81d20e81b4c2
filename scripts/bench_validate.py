"""Benchmark: how long `rdaug validate` and `load_studies` take on a large dataset.

Generates 10,000 varied, valid study files (every field of the schema in use, terms
drawn from the real vocabularies, sizes with and without units in common) in a
temporary folder, then reports the median wall time over several runs of

* checking the files as `rdaug validate` does (read, schema, vocabulary, dataset), and
* loading them into the DataFrame as the book does (the same checks plus the frame),

for the first 1,000 files and for all 10,000, and the ratio of the two medians. A
ratio near 10 means the cost grows linearly with the number of studies.

Usage::

    .venv/bin/python scripts/bench_validate.py [--studies 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml
from rdaug.loading import check_files, load_studies, study_files
from rdaug.vocabulary import load_vocabulary

WORDS = (
    "deep learning detection rare disease synthetic images classification generative "
    "adversarial network augmentation small cohort segmentation prediction registry "
    "transfer learning survival tabular records oversampling microscopy genomic"
).split()
DISEASES = [
    ("acute lymphoblastic leukaemia", 513),
    ("amyotrophic lateral sclerosis", 803),
    ("duchenne muscular dystrophy", 262),
    ("cystic fibrosis", 586),
    ("retinoblastoma", 790),
    ("glioblastoma", None),
    ("sickle cell disease", 232),
]


def random_study(index: int, rng: random.Random) -> dict:
    """Return one valid, realistic study record (as plain data) numbered ``index``."""
    vocabulary = load_vocabulary()
    year = rng.randint(2018, 2025)
    key = f"author{index:05d}{year}{rng.choice(WORDS)}"
    families = rng.sample(list(vocabulary.families), rng.randint(1, 2))
    methods = [
        {
            "family": family,
            "techniques": rng.sample(
                vocabulary.techniques(family),
                rng.randint(1, min(3, len(vocabulary.techniques(family)))),
            ),
            "detail": " ".join(rng.sample(WORDS, 4)),
        }
        for family in families
    ]
    unit = rng.choice(vocabulary.allowed("size_unit"))
    before = rng.randint(10, 5000)
    after_unit = unit if rng.random() < 0.8 else rng.choice(["images", "records"])
    data_size = {
        "before": {"value": before, "unit": unit},
        "after": {"value": before * rng.randint(1, 20), "unit": after_unit},
        "note": "counts as reported in the abstract",
    }
    if rng.random() < 0.3:
        data_size = {"note": "sizes are not reported"}
    original = rng.random() < 0.7
    disease = rng.choice(DISEASES)
    record = {
        "key": key,
        "title": f"Study {index}: " + " ".join(rng.sample(WORDS, 8)).capitalize(),
        "authors": [f"Author{index}, A.", "Second, B. C.", "Third, D."],
        "year": year,
        "venue": "Journal of Rare Things 12(3):45",
        "doi": f"10.{1000 + index % 9000}/rare.{index}",
        "study_focus": rng.sample(vocabulary.allowed("study_focus"), rng.randint(1, 2)),
        "diseases": [{"name": disease[0], "orpha": disease[1]}],
        "disease_class": [rng.choice(vocabulary.allowed("disease_class"))],
        "data_type": rng.sample(vocabulary.allowed("data_type"), rng.randint(1, 2)),
        "data_modality": "cardiac MRI",
        "data_size": data_size,
        "methods": methods,
        "task": [rng.choice(vocabulary.allowed("task"))],
        "effect": "accuracy rose from 0.81 to 0.88 with augmentation",
        "provenance": {
            "origin": "original review" if original else "living update",
            "added": "2026-12-03",
            "source": f"https://pubmed.ncbi.nlm.nih.gov/{30000000 + index}/",
            "extraction": rng.choice(vocabulary.allowed("extraction")),
            "confidence": rng.choice(vocabulary.allowed("confidence")),
        },
    }
    if original:
        record["provenance"]["review_reference"] = 1 + index % 118
    if rng.random() < 0.5:
        record["pmid"] = 30000000 + index
    return record


def write_studies(folder: Path, count: int, seed: int) -> list[Path]:
    """Write ``count`` study files into ``folder`` and return their paths."""
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        record = random_study(index, rng)
        path = folder / f"{record['key']}.yaml"
        path.write_text(
            yaml.safe_dump(record, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def median_seconds(action, repeat: int) -> tuple[float, float]:
    """Run ``action`` ``repeat`` times; return the median wall and CPU seconds.

    The CPU time of this process is reported beside the wall time because the
    machine may be shared: other work slows the wall clock, not the CPU count.
    """
    wall, cpu = [], []
    for _ in range(repeat):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = action()
        # The loader pauses the cycle collector; one full collection is counted so
        # that work it defers is not left out of the figure.
        gc.collect()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        del result
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2025)
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        small_dir, large_dir = Path(tmp, "small"), Path(tmp, "large")
        small_dir.mkdir()
        large_dir.mkdir()
        large = write_studies(large_dir, options.studies, options.seed)
        small_count = max(1, options.studies // 10)
        for path in large[:small_count]:
            (small_dir / path.name).write_bytes(path.read_bytes())

        rows = []
        for label, folder, count in (
            ("small", small_dir, small_count),
            ("large", large_dir, options.studies),
        ):
            files = study_files([folder])
            _, problems = check_files(files)
            if problems:
                raise SystemExit(f"generated files are invalid: {problems[:3]}")
            validate = median_seconds(lambda f=files: check_files(f), options.repeat)
            load = median_seconds(lambda d=folder: load_studies([d]), options.repeat)
            rows.append((label, count, validate, load))

    load_average = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"median of {options.repeat} runs, seconds (wall / CPU of this process); "
        f"{os.cpu_count()} cores, load average {load_average}"
    )
    print(f"{'studies':>8} {'validate':>15} {'load':>15}")
    for _, count, (v_wall, v_cpu), (l_wall, l_cpu) in rows:
        print(
            f"{count:>8} {v_wall:>7.3f} / {v_cpu:<5.3f} {l_wall:>7.3f} / {l_cpu:<5.3f}"
        )
    (_, n_small, v_small, l_small), (_, n_large, v_large, l_large) = rows
    for kind, index in (("wall", 0), ("CPU", 1)):
        print(
            f"ratio {n_large}/{n_small} ({kind}): "
            f"validate {v_large[index] / v_small[index]:.1f}x, "
            f"load {l_large[index] / l_small[index]:.1f}x "
            f"(linear growth is {n_large / n_small:.0f}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
