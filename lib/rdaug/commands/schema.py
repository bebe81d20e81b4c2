"""``rdaug schema``: write the JSON Schema of a study file for editors.

The schema is generated from :class:`rdaug.schema.Study` and the vocabularies, so it
must be rewritten after either changes; ``--check`` only compares (for CI).
Exit codes: 0 written or up to date; 1 ``--check`` found the file out of date.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..loading import display_path
from ..paths import data_dir
from ..schema import study_json_schema

HELP = "write data/study.schema.json from the study model (for editors' checks)"


def schema_text() -> str:
    """Return the JSON Schema of a study file as the text committed to data/."""
    return json.dumps(study_json_schema(), indent=2, ensure_ascii=False) + "\n"


def default_path() -> Path:
    """Return where the schema lives: ``data/study.schema.json``."""
    return data_dir() / "study.schema.json"


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``schema`` command to the CLI's subparsers."""
    parser = subparsers.add_parser("schema", help=HELP, description=HELP + ".")
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="where to write (default: data/study.schema.json)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the file differs from the model",
    )
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Write (or compare) the schema file; return the exit code."""
    path = args.output or default_path()
    text = schema_text()
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if args.check:
        if current == text:
            print(f"{display_path(path)} is up to date")
            return 0
        print(f"{display_path(path)} is out of date; run rdaug schema", file=sys.stderr)
        return 1
    if current == text:
        print(f"{display_path(path)} is already up to date")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {display_path(path)}")
    return 0
