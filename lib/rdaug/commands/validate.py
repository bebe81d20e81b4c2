"""``rdaug validate``: check study files and report every problem at once.

Exit codes: 0 every file is valid; 1 at least one problem (each printed as
``path: field: message``). Files are only read, never written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..loading import check_files, display_path, study_files
from ..paths import studies_dir

HELP = "check study files (default: all of data/studies) and list every problem"


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``validate`` command to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "validate",
        help=HELP,
        description=(
            "Check study files against the schema and the vocabularies, then across "
            "the dataset (unique key, DOI, PMID and title). Explicit files are also "
            "compared with every study in data/studies, so a new file that repeats "
            "an existing DOI is reported. Nothing is modified."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="study files or folders of them (default: data/studies)",
    )
    parser.add_argument(
        "--alone",
        action="store_true",
        help="compare the given files only with each other, not with data/studies",
    )
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Validate, print the problems or one summary line, return the exit code."""
    files = study_files(args.paths or None)
    dataset = [] if args.alone or not args.paths else study_files([studies_dir()])
    checked, problems = check_files(files, dataset=dataset)

    where = ", ".join(display_path(p) for p in args.paths) if args.paths else None
    where = where or display_path(studies_dir())
    if problems:
        for problem in problems:
            print(problem)
        bad_files = len({p.path for p in problems})
        noun = "problem" if len(problems) == 1 else "problems"
        print(
            f"found {len(problems)} {noun} in {bad_files} of {len(files)} study "
            f"files in {where}; fix them and run rdaug validate again",
            file=sys.stderr,
        )
        return 1
    if not files:
        print(f"no study files in {where}", file=sys.stderr)
        return 1
    noun = "study" if len(checked) == 1 else "studies"
    print(f"validated {len(checked)} {noun} in {where}")
    return 0
