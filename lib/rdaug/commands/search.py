"""``rdaug search``: build the review's queries and queue new PubMed records.

Prints the query strings of every database in ``data/search/queries.yaml``; Scopus and
IEEE Xplore are run by hand from these strings. For PubMed it asks NCBI E-utilities
for the records entered since the last search, drops those already in the dataset,
the queue or a screening log, and adds the rest to ``data/search/candidates.yaml``.

Exit codes: 0 done; 1 the set-up, the study files or the screening logs need fixing;
3 E-utilities could not be reached (nothing was written).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..errors import (
    EUtilsUnavailableError,
    ScreeningLogError,
    SearchSetupError,
    StudyValidationError,
)

HELP = "build the review's search queries and queue new PubMed records for screening"
UNREACHABLE = 3


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD"
        ) from None


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``search`` command to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "search",
        help=HELP,
        description=HELP
        + ". Set NCBI_API_KEY (and NCBI_EMAIL) to be allowed 10 requests a second.",
    )
    parser.add_argument(
        "--print-queries",
        action="store_true",
        help="only print the query strings; no network is used",
    )
    parser.add_argument(
        "--database",
        action="append",
        default=None,
        help="only this database (repeatable), named as in data/search/queries.yaml",
    )
    parser.add_argument(
        "--since",
        type=_date,
        default=None,
        help="first Entrez date to fetch (default: where the last search ended)",
    )
    parser.add_argument(
        "--until", type=_date, default=None, help="last Entrez date (default: today)"
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=None,
        help="disease names joined with OR per PubMed query (1 = one per name)",
    )
    parser.add_argument(
        "--max-queries",
        type=int,
        default=None,
        help="run only the first N PubMed queries (a quick trial)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="fetch and report, but leave the queue unchanged",
    )
    parser.add_argument(
        "--queue",
        type=Path,
        default=None,
        help="queue file (default: data/search/candidates.yaml)",
    )
    parser.add_argument(
        "--diseases-from-studies",
        action="store_true",
        help="rewrite data/search/rare_diseases.txt from the study files' diseases",
    )
    parser.add_argument(
        "--diseases-from-orphanet",
        type=Path,
        metavar="XML",
        default=None,
        help="rewrite data/search/rare_diseases.txt from an Orphadata en_product1.xml",
    )
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the command; return the exit code."""
    from .. import search
    from ..loading import load_studies
    from ..prisma import load_screening_logs

    try:
        if args.diseases_from_orphanet or args.diseases_from_studies:
            return _rewrite_disease_list(args)
        queries_file = search.read_queries_file()
        queries = search.build_queries(
            queries_file, chunk_size=args.chunk_size, databases=args.database
        )
    except (SearchSetupError, StudyValidationError) as error:
        print(error, file=sys.stderr)
        return 1

    _print_queries(queries, queries_file)
    fetched = [q for q in queries if queries_file.databases[q.database].fetch]
    if args.print_queries or not fetched:
        return 0
    if args.max_queries:
        fetched = fetched[: args.max_queries]

    try:
        studies = load_studies()
        logs = load_screening_logs()
        queue = search.read_queue(args.queue)
    except (SearchSetupError, StudyValidationError, ScreeningLogError) as error:
        print(error, file=sys.stderr)
        return 1

    today = dt.date.today()
    since = args.since or search.default_since(queue, logs, studies)
    until = args.until or today
    if until < since:
        print(f"--until {until} is before --since {since}", file=sys.stderr)
        return 1
    print(
        f"\nPubMed: running {len(fetched)} queries for records entered "
        f"{since} to {until} through NCBI E-utilities ..."
    )
    client = search.EUtils()
    try:
        found, hits = search.fetch_pubmed(
            client,
            fetched,
            since=since,
            until=until,
            retmax=queries_file.retmax,
            found=today,
        )
    except EUtilsUnavailableError as error:
        print(
            f"rdaug search: {error}.\nNo network connection to NCBI? Nothing was "
            "fetched and the candidate queue is unchanged. The query strings above "
            "can be run by hand; run `rdaug search` again when online.",
            file=sys.stderr,
        )
        return UNREACHABLE

    known = search.known_records(studies, queue.candidates, logs)
    fresh = search.new_candidates(found, known)
    print(
        f"PubMed: {hits} hits over {len(fetched)} queries, {len(found)} distinct "
        f"records; {len(fresh)} new, {len(found) - len(fresh)} already in the "
        "dataset, the queue or a screening log."
    )
    if args.dry_run:
        print("dry run: the queue was not changed")
        return 0
    queue.candidates.extend(fresh)
    queue.searches.append(
        search.SearchRun(
            date=today,
            source=search.PUBMED,
            since=since,
            until=until,
            queries=len(fetched),
            records=len(found),
            added=len(fresh),
        )
    )
    path = search.write_queue(queue, args.queue)
    print(f"added {len(fresh)} candidates to {path} ({len(queue.candidates)} waiting)")
    return 0


def _print_queries(queries, queries_file) -> None:
    by_database: dict[str, list] = {}
    for query in queries:
        by_database.setdefault(query.database, []).append(query)
    for database, items in by_database.items():
        how = (
            "fetched below" if queries_file.databases[database].fetch else "run by hand"
        )
        print(f"{database} ({len(items)} queries, {how}):")
        for query in items:
            print(f"  {query.text}")


def _rewrite_disease_list(args) -> int:
    from .. import search
    from ..loading import load_studies

    if args.diseases_from_orphanet:
        names = search.names_from_orphanet_xml(args.diseases_from_orphanet)
        export = args.diseases_from_orphanet.name
        origin = f"every disorder name of the Orphadata export {export}"
    else:
        names = search.names_from_studies(load_studies())
        origin = (
            "the normalised disease names found in the study files of data/studies "
            "(rewritten by `rdaug search --diseases-from-studies`)"
        )
    path = search.write_disease_list(names, origin)
    print(f"wrote {len(names)} rare disease names to {path}")
    return 0
