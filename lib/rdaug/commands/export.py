"""``rdaug export``: write the whole dataset as CSV, JSON or BibTeX.

Exit codes: 0 written; 1 the study files are invalid (run ``rdaug validate``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import export
from ..errors import StudyValidationError
from ..loading import load_studies

FORMATS = {"csv": export.to_csv, "json": export.to_json, "bibtex": export.to_bibtex}
HELP = "write the whole dataset as CSV, JSON or BibTeX (the book's bibliography)"


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``export`` command to the CLI's subparsers."""
    parser = subparsers.add_parser("export", help=HELP, description=HELP + ".")
    parser.add_argument(
        "--format", "-f", choices=sorted(FORMATS), required=True, help="output format"
    )
    parser.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="write here (default: stdout)"
    )
    parser.add_argument(
        "--studies",
        type=Path,
        metavar="DIR",
        help="folder of study files (default: data/studies)",
    )
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Load the studies, convert them and write the text; return the exit code."""
    try:
        studies = load_studies([args.studies] if args.studies else None)
    except StudyValidationError as error:
        print(error, file=sys.stderr)
        print("nothing exported; fix the files above first", file=sys.stderr)
        return 1

    text = FORMATS[args.format](studies)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {len(studies)} studies as {args.format} to {args.output}")
    return 0
