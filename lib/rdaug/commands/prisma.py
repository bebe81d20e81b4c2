"""``rdaug prisma``: PRISMA 2020 counts per update and in total, and the flow diagram.

Reads the screening logs in ``data/screening`` and the study files, checks both, and
prints one row per PRISMA 2020 count with a column per arm (the original review, then
each update) and the total. ``--svg FILE`` also writes the flow diagram; ``--json``
prints the counts for other tools.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from ..errors import ScreeningLogError, StudyValidationError

HELP = "compute PRISMA 2020 counts from the screening logs and draw the flow diagram"


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``prisma`` command to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "prisma",
        help=HELP,
        description=HELP
        + ". Counts a log neither lists nor states are shown as 'not reported' "
        "(original review) or 'not recorded' (an update).",
    )
    parser.add_argument(
        "--screening",
        type=Path,
        default=None,
        help="folder of screening logs (default: data/screening)",
    )
    parser.add_argument(
        "--studies",
        type=Path,
        default=None,
        help="folder of study files (default: data/studies)",
    )
    parser.add_argument(
        "--svg", type=Path, default=None, help="also write the flow diagram to FILE"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the counts as JSON instead"
    )
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the counts (and write the diagram); return 0, or 1 on bad input."""
    from ..loading import load_studies
    from ..prisma import flow_diagram_svg, prisma_counts

    try:
        studies = load_studies([args.studies] if args.studies else None)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            counts = prisma_counts(studies, args.screening)
    except (ScreeningLogError, StudyValidationError) as error:
        print(error, file=sys.stderr)
        return 1
    for warning in caught:
        print(f"warning: {warning.message}", file=sys.stderr)

    if args.json:
        print(json.dumps(_as_json(counts), indent=2, ensure_ascii=False))
    else:
        frame = counts.as_frame().astype(str)
        print(frame.to_string())
        for arm in counts.arms:
            reasons = arm.dbr_excluded_reasons
            if isinstance(reasons, dict) and reasons:
                listed = "; ".join(f"{r}: {n}" for r, n in reasons.items())
                print(f"{arm.update} reports excluded by reason: {listed}")
        if counts.pending:
            print(
                f"{len(counts.pending)} living-update studies were added after the "
                "last update's period and are counted in no arm yet: "
                + ", ".join(counts.pending)
                + ". Add a screening log whose period covers them."
            )
    if args.svg:
        args.svg.parent.mkdir(parents=True, exist_ok=True)
        args.svg.write_text(flow_diagram_svg(counts), encoding="utf-8")
        print(f"wrote the flow diagram to {args.svg}", file=sys.stderr)
    return 0


def _as_json(counts) -> dict:
    return {
        "arms": [
            {
                "update": arm.update,
                "kind": arm.kind,
                "label": arm.label,
                "databases": arm.databases,
                "search_date": str(arm.search_date),
                "counts": arm.counts,
                "dbr_excluded_reasons": arm.dbr_excluded_reasons,
                "database_specific_results": arm.database_specific_results,
                "studies": list(arm.studies),
            }
            for arm in counts.arms
        ],
        "total": counts.total,
        "total_dbr_excluded_reasons": counts.total_dbr_excluded_reasons,
        "pending": list(counts.pending),
    }
