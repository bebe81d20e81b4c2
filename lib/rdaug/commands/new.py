"""``rdaug new``: start a study file from the template, filled from flags or metadata.

The file is written to ``data/studies/<key>.yaml`` with what is known (title,
authors, year, venue, identifiers) and every other field of the template left empty
to fill in. ``--from-json`` reads a stored CSL-JSON or Crossref record of the
article (no network is used), e.g. one saved with::

    curl -LH "Accept: application/vnd.citationstyles.csl+json" https://doi.org/<doi>

Exit codes: 0 written; 1 the values are invalid, the record cannot be read, or the
file already exists (it is never overwritten).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from ..loading import display_path
from ..paths import REPO_ROOT, data_dir, studies_dir
from ..validation import check_document

HELP = "write a new study file from the template (and a stored DOI record)"
STOPWORDS = frozenset(
    "a an and are as at by for from in into is of on or the to towards using via "
    "with".split()
)


class MetadataError(ValueError):
    """A metadata record cannot be read as CSL-JSON or Crossref JSON."""


def template_path() -> Path:
    """Return the study template (the data folder's, else the repository's)."""
    candidate = data_dir() / "study-template.yaml"
    return (
        candidate if candidate.exists() else REPO_ROOT / "data" / "study-template.yaml"
    )


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``new`` command to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "new",
        help=HELP,
        description=(
            "Write data/studies/<key>.yaml from data/study-template.yaml, filled with "
            "the values given; flags override the metadata record. The key is "
            "derived from the first author, year and title unless --key is given."
        ),
    )
    parser.add_argument(
        "--from-json",
        type=Path,
        metavar="FILE",
        help=(
            "CSL-JSON or Crossref JSON record of the article (title, authors, year, "
            "venue, DOI, PMID are taken from it)"
        ),
    )
    parser.add_argument("--key", help="study key (default: derived)")
    parser.add_argument("--title")
    parser.add_argument(
        "--author",
        action="append",
        dest="authors",
        metavar="'FAMILY, GIVEN'",
        help="an author; repeat in the paper's order",
    )
    parser.add_argument("--year", type=int)
    parser.add_argument("--venue")
    parser.add_argument("--doi")
    parser.add_argument("--pmid", type=int)
    parser.add_argument("--url", help="https:// record page, if no DOI or PMID")
    parser.add_argument(
        "--review-reference",
        type=int,
        metavar="N",
        help="reference number in Finetti et al. 2025 (sets origin 'original review')",
    )
    parser.add_argument("--contributor", help="your name or GitHub handle")
    parser.add_argument(
        "--studies",
        type=Path,
        metavar="DIR",
        help="folder to write into (default: data/studies)",
    )
    parser.set_defaults(func=run)
    return parser


def _clean(text: str) -> str:
    # Crossref titles carry JATS/HTML markup (<i>, <sup>) and entities; a study file
    # keeps plain text only.
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def _text(value: Any) -> str | None:
    return _clean(str(value)) if isinstance(value, str | int) and str(value) else None


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def metadata_from_record(record: Any) -> dict[str, Any]:
    """Return study fields from a CSL-JSON or Crossref ``works`` record.

    Accepts a CSL-JSON item (or a list holding one), or a Crossref response
    (``{"message": {...}}``) or its message. Returns only the fields found, among
    title, authors, year, venue, doi and pmid.
    """
    if isinstance(record, list) and len(record) == 1:
        record = record[0]
    if isinstance(record, dict) and isinstance(record.get("message"), dict):
        record = record["message"]
    if not isinstance(record, dict):
        raise MetadataError("expected one CSL-JSON or Crossref record (a JSON object)")

    found: dict[str, Any] = {}
    title = _first(record.get("title"))
    if isinstance(title, str) and title.strip():
        found["title"] = _clean(title)

    authors = []
    people = record.get("author")
    for person in people if isinstance(people, list) else []:
        if not isinstance(person, dict):
            continue
        family, given = person.get("family"), person.get("given")
        name = person.get("literal") or person.get("name")
        if isinstance(family, str) and family.strip():
            given = given if isinstance(given, str) and given.strip() else None
            authors.append(_clean(f"{family}, {given}" if given else family))
        elif isinstance(name, str) and name.strip():
            authors.append(_clean(name))
    if authors:
        found["authors"] = authors

    for date_field in ("issued", "published-print", "published-online", "published"):
        year = _year_of(record.get(date_field))
        if year is not None:
            found["year"] = year
            break

    journal = _first(record.get("container-title"))
    if isinstance(journal, str) and journal.strip():
        venue = _clean(journal)
        volume, issue = _text(record.get("volume")), _text(record.get("issue"))
        pages = _text(record.get("page")) or _text(record.get("article-number"))
        if volume:
            venue += f" {volume}" + (f"({issue})" if issue else "")
            venue += f":{pages}" if pages else ""
        found["venue"] = venue

    doi = record.get("DOI") or record.get("doi")
    if isinstance(doi, str) and doi.strip():
        found["doi"] = doi.strip().removeprefix("https://doi.org/")
    pmid = record.get("PMID") or record.get("pmid")
    if isinstance(pmid, int | str) and not isinstance(pmid, bool):
        if str(pmid).isdecimal():
            found["pmid"] = int(pmid)
    return found


def _year_of(date: Any) -> int | None:
    # CSL dates are {"date-parts": [[year, month, day]]}; anything else is no date.
    parts = date.get("date-parts") if isinstance(date, dict) else None
    first = parts[0] if isinstance(parts, list) and parts else None
    year = first[0] if isinstance(first, list) and first else None
    if isinstance(year, bool) or not isinstance(year, int | str):
        return None
    return int(year) if str(year).isdecimal() else None


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def derive_key(title: str | None, authors: list[str], year: int | None) -> str | None:
    """Return firstauthor + year + first meaningful title word, or None if unknown."""
    words = [_ascii_word(w) for w in (title or "").split()]
    words = [w for w in words if w and w not in STOPWORDS]
    family = _ascii_word(authors[0].split(",")[0]) if authors else ""
    if not words or year is None:
        return None
    head = family or words.pop(0)
    word = words[0] if words else ""
    return f"{head}{year}{word}"[:64] or None


def _yaml_value(value: Any) -> str:
    text = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, width=10**6
    ).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


def fill_template(template: str, values: dict[str, Any]) -> str:
    """Put values into the template text, keeping its comments.

    ``values`` maps a top-level field (``title``) or a provenance field
    (``provenance.added``) to its value; each replaces the empty value on the
    template's line for that field.
    """
    lines = []
    parent = None
    for line in template.splitlines():
        match = re.match(r"^(\s*)([a-z_]+):(.*)$", line)
        if match and not line.lstrip().startswith("#"):
            indent, name, _ = match.groups()
            if not indent:
                parent = name
            field = f"{parent}.{name}" if indent else name
            if field in values:
                line = f"{indent}{name}: {_yaml_value(values[field])}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Write the new study file, or say why not; return the exit code."""
    values: dict[str, Any] = {}
    if args.from_json:
        try:
            record = json.loads(args.from_json.read_text(encoding="utf-8"))
            values.update(metadata_from_record(record))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, MetadataError) as e:
            print(f"{args.from_json}: cannot read the record: {e}", file=sys.stderr)
            return 1
    for name in ("title", "authors", "year", "venue", "doi", "pmid", "url"):
        if getattr(args, name) is not None:
            values[name] = getattr(args, name)

    key = args.key or derive_key(
        values.get("title"), values.get("authors", []), values.get("year")
    )
    if not key:
        print(
            "cannot derive a key: give --title and --year (or --from-json), or --key",
            file=sys.stderr,
        )
        return 1
    values["key"] = key
    values["provenance.added"] = dt.date.today()
    if args.review_reference is not None:
        values["provenance.origin"] = "original review"
        values["provenance.review_reference"] = args.review_reference
    if args.contributor:
        values["provenance.contributor"] = args.contributor
    doi = values.get("doi")
    if doi and "provenance.source" not in values:
        values["provenance.source"] = f"https://doi.org/{doi}"

    folder = args.studies or studies_dir()
    path = folder / f"{key}.yaml"
    if path.exists():
        print(
            f"{display_path(path)} already exists; edit it, or choose another --key",
            file=sys.stderr,
        )
        return 1

    text = fill_template(template_path().read_text(encoding="utf-8"), values)
    label = display_path(path)
    _, problems = check_document(yaml.safe_load(text), label, key)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("nothing written; correct the values above", file=sys.stderr)
        return 1

    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    print(label)
    print(
        f"next: fill in the study's details, then run rdaug validate {label}",
        file=sys.stderr,
    )
    return 0
