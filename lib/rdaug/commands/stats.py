"""``rdaug stats``: a short summary of the dataset in the terminal.

Exit codes: 0 printed; 1 the study files are invalid (run ``rdaug validate``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from ..errors import StudyValidationError
from ..loading import display_path, load_studies
from ..paths import studies_dir
from ..summaries import count_by

HELP = "print a short summary: studies, origin, years, top data types and methods"


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``stats`` command to the CLI's subparsers."""
    parser = subparsers.add_parser("stats", help=HELP, description=HELP + ".")
    parser.add_argument(
        "--studies",
        type=Path,
        metavar="DIR",
        help="folder of study files (default: data/studies)",
    )
    parser.add_argument(
        "--top", type=int, default=5, help="terms listed per field (default: 5)"
    )
    parser.set_defaults(func=run)
    return parser


def summary_lines(studies: pd.DataFrame, top: int = 5) -> list[str]:
    """Return the lines of the summary for a frame of :func:`rdaug.load_studies`."""
    total = len(studies)
    if total == 0:
        return ["0 studies"]
    lines = [
        f"{total} studies, published {studies['year'].min()}-{studies['year'].max()}"
    ]
    for field, label in (
        ("origin", "by origin"),
        ("approach", "by approach"),
        ("data_type", "top data types"),
        ("method_family", "top method families"),
        ("technique", "top techniques"),
    ):
        table = count_by(studies, field, all_terms=False).head(top)
        parts = [
            f"{term} {count} ({share:.0%})"
            for term, count, share in table.itertuples(index=False)
        ]
        lines.append(f"{label}: {', '.join(parts) if parts else 'none reported'}")
    unknown = int(studies["approach"].isna().sum())
    if unknown:
        verb = "study names" if unknown == 1 else "studies name"
        lines.append(f"{unknown} {verb} no method family yet")
    return lines


def run(args: argparse.Namespace) -> int:
    """Load the studies and print the summary; return the exit code."""
    folder = args.studies or studies_dir()
    try:
        studies = load_studies([folder])
    except StudyValidationError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{display_path(folder)}:")
    for line in summary_lines(studies, args.top):
        print(f"  {line}")
    return 0
