"""The dataset in other formats: CSV and JSON tables, and the BibTeX of the studies.

Each function takes the DataFrame of :func:`rdaug.load_studies` and returns text. The
book's bibliography of studies is :func:`to_bibtex` of the whole dataset; the CSV and
JSON files are the downloads of the book and of ``rdaug export``.

All contributed text stays text: nothing here interprets it as markup, and the
BibTeX escapes every character that BibTeX or LaTeX would read as a command, so a
title such as ``<script>`` or ``50% & {more}`` arrives as written.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .loading import LIST_FIELDS

#: Columns whose cells are lists (or lists of mappings); CSV writes them as JSON.
NESTED_COLUMNS = (*LIST_FIELDS, "methods")
DATE_COLUMNS = ("added", "updated")


def _plain(value: Any) -> Any:
    """Turn a cell into a JSON-ready value: NA to None, numpy scalars to Python."""
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def records(studies: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the studies as a list of plain dicts (lists stay lists, NA is None)."""
    columns = list(studies.columns)
    return [
        {column: _plain(value) for column, value in zip(columns, row, strict=True)}
        for row in studies.itertuples(index=False, name=None)
    ]


def to_json(studies: pd.DataFrame) -> str:
    """Return the studies as a JSON array of objects, one per study.

    List fields are JSON arrays, ``methods`` an array of ``{family, techniques,
    detail}``, dates ``YYYY-MM-DD`` and missing values ``null``; ``json.loads`` gives
    back exactly what :func:`records` gives.
    """
    return json.dumps(records(studies), ensure_ascii=False, indent=2) + "\n"


def to_csv(studies: pd.DataFrame) -> str:
    """Return the studies as CSV, one row per study and one column per field.

    A list cell is written as a JSON array (``["imaging", "omics"]``) so that any
    value, commas and semicolons included, reads back unchanged with
    :func:`read_csv`; missing values are empty cells.
    """
    columns = list(studies.columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records(studies):
        writer.writerow(_csv_cell(column, record[column]) for column in columns)
    return buffer.getvalue()


def _csv_cell(column: str, value: Any) -> str:
    if column in NESTED_COLUMNS:
        return json.dumps(value or [], ensure_ascii=False)
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)


def read_csv(text: str) -> list[dict[str, Any]]:
    """Read :func:`to_csv` output back into records (the inverse of the export).

    Numbers come back as numbers and empty cells as None, so the result equals
    :func:`records` of the exported frame.
    """
    numeric = {"year", "pmid", "size_before", "size_after", "review_reference"}
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        for column, cell in row.items():
            if column in NESTED_COLUMNS:
                row[column] = json.loads(cell) if cell else []
            elif cell == "":
                row[column] = None
            elif column in numeric:
                row[column] = int(cell)
            elif column == "expansion_factor":
                row[column] = float(cell)
        rows.append(row)
    return rows


# BibTeX reads braces for grouping and LaTeX reads the rest as commands; each gets a
# text command that is itself brace-balanced, so no title can end a field early.
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_PATTERN = re.compile("|".join(re.escape(c) for c in _LATEX_SPECIALS))


def bibtex_escape(text: str) -> str:
    """Escape text for a BibTeX field so that it prints as written.

    Notes
    -----
    The escapes are those LaTeX needs. pybtex, which renders the book's
    bibliography, prints four of them as written (``\\textbraceleft``,
    ``\\textbraceright``, ``\\textasciicircum``, ``\\$``) instead of as ``{``,
    ``}``, ``^`` and ``$``. No study title uses these characters; if one does, the
    book shows the escape until pybtex decodes them.
    """
    text = " ".join(text.split())  # a line break inside a field is only a space
    return _LATEX_PATTERN.sub(lambda match: _LATEX_SPECIALS[match.group()], text)


def _url_safe(url: str) -> str:
    # Links are https:// without spaces (checked by the schema); percent-encode the
    # three characters that would still break a BibTeX field.
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def _person(name: str) -> str:
    escaped = bibtex_escape(name)
    # 'Family, Given' is split by BibTeX at the comma; anything else (a consortium)
    # is kept whole, and so is a name that contains the separator word 'and'.
    if "," not in name or re.search(r"\band\b", name, flags=re.IGNORECASE):
        return "{" + escaped + "}"
    return escaped


def bibtex_entry(study: dict[str, Any]) -> str:
    """Return the BibTeX entry of one study record (a dict of :func:`records`)."""
    fields: list[tuple[str, str]] = [
        ("title", "{" + bibtex_escape(study["title"]) + "}")
    ]
    if study.get("authors"):
        fields.append(("author", " and ".join(_person(a) for a in study["authors"])))
    fields.append(("year", str(study["year"])))
    if study.get("venue"):
        fields.append(("journal", bibtex_escape(study["venue"])))
    if study.get("doi"):
        fields.append(("doi", _url_safe(study["doi"])))
    if study.get("pmid"):
        fields.append(("pmid", str(study["pmid"])))
    link = study.get("url") or study.get("link")
    if link:
        fields.append(("url", _url_safe(link)))
    kind = "article" if study.get("venue") else "misc"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{study['key']},\n{body}\n}}\n"


def to_bibtex(studies: pd.DataFrame | Iterable[dict[str, Any]]) -> str:
    """Return one BibTeX entry per study, its citation key being the study key.

    Fields: title (braced, so styles keep its capitals), author, year, journal (the
    venue), doi, pmid and url (the record link: DOI, PubMed or the study's page).
    Entries are in the order of the frame (year, then key, for
    :func:`rdaug.load_studies`).
    """
    rows = records(studies) if isinstance(studies, pd.DataFrame) else list(studies)
    return "\n".join(bibtex_entry(row) for row in rows)
