"""What each update changed, and how to credit the dataset and its contributors.

``data/changelog.yaml`` lists the versions of the dataset in words (what changed in
the set-up, the vocabularies or the method). Which studies a version added or
corrected is not typed there: :func:`study_changes` reads it from each study file's
``provenance.added`` and ``provenance.updated`` dates and the periods of the
screening logs, so the "what's new" page cannot disagree with the data. The people
who contributed study files are read the same way (:func:`contributors`), and the
citation of the dataset from ``CITATION.cff`` (:func:`read_citation`).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ChangelogError
from .paths import REPO_ROOT, data_dir

SINCE_LAST = "since the last update"
VERSION_PATTERN = r"^\d{4}\.\d{2}(\.\d+)?$"


class Version(BaseModel):
    """One released version of the dataset."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = Field(pattern=VERSION_PATTERN)
    date: dt.date
    update: str | None = Field(default=None, description="screening log id")
    changes: list[str] = Field(min_length=1)


class Changelog(BaseModel):
    """The content of ``data/changelog.yaml``, newest version first."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    versions: list[Version] = Field(min_length=1)


def changelog_path() -> Path:
    """Return ``<data>/changelog.yaml``."""
    return data_dir() / "changelog.yaml"


def load_changelog(path: os.PathLike | str | None = None) -> Changelog:
    """Read and check the changelog; versions are returned newest first.

    Raises
    ------
    ChangelogError
        Naming the file and each field that is wrong, or two versions that repeat
        a number or are not in date order.
    """
    path = Path(path) if path else changelog_path()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        changelog = Changelog.model_validate(raw)
    except OSError as error:
        raise ChangelogError(f"{path}: cannot be read: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise ChangelogError(f"{path}: YAML syntax error: {error}") from None
    except ValidationError as error:
        lines = [
            f"{path}: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
            for e in error.errors(include_url=False)
        ]
        raise ChangelogError("\n".join(lines)) from None

    numbers = [v.version for v in changelog.versions]
    if len(set(numbers)) != len(numbers):
        raise ChangelogError(f"{path}: versions: a version number is listed twice")
    dates = [v.date for v in changelog.versions]
    if dates != sorted(dates, reverse=True):
        raise ChangelogError(f"{path}: versions: list the newest version first")
    return changelog


def _update_of(day, periods: list[tuple[str, dt.date, dt.date]]) -> str:
    if pd.isna(day):
        return ""
    day = pd.Timestamp(day).date()
    for update, start, end in periods:
        if start <= day <= end:
            return update
    last_end = max((end for _, _, end in periods), default=None)
    if last_end is None or day > last_end:
        return SINCE_LAST
    return "before the first update"


def study_changes(studies: pd.DataFrame, screening_logs) -> pd.DataFrame:
    """List every study added or corrected, with the update it belongs to.

    A study belongs to the update whose period holds its ``added`` date (and, for
    a correction, its ``updated`` date); dates after the last period read
    ``"since the last update"``.

    Returns
    -------
    DataFrame
        Columns ``update, change ('added' or 'corrected'), date, key, title, year,
        origin, link``; newest first.
    """
    periods = [
        (log.update, log.period.start, log.period.end)
        for log in screening_logs
        if log.period is not None
    ]
    rows = []
    for study in studies.itertuples(index=False):
        for change, day in (("added", study.added), ("corrected", study.updated)):
            if pd.isna(day):
                continue
            rows.append(
                {
                    "update": _update_of(day, periods),
                    "change": change,
                    "date": pd.Timestamp(day).date(),
                    "key": study.key,
                    "title": study.title,
                    "year": study.year,
                    "origin": study.origin,
                    "link": study.link,
                }
            )
    columns = ["update", "change", "date", "key", "title", "year", "origin", "link"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(
        ["date", "change", "key"], ascending=[False, True, True], ignore_index=True
    )


def contributors(studies: pd.DataFrame) -> pd.DataFrame:
    """Count the study files each contributor is named in (``provenance.contributor``).

    Several people in one field are separated by semicolons. Returns columns
    ``contributor, studies``, most studies first.
    """
    names = (
        studies["contributor"].dropna().astype(str).str.split(";").explode().str.strip()
    )
    names = names[names != ""]
    if names.empty:
        return pd.DataFrame({"contributor": [], "studies": []}).astype(
            {"contributor": "object", "studies": "int64"}
        )
    counts = names.value_counts().rename_axis("contributor").reset_index(name="studies")
    return counts.sort_values(
        ["studies", "contributor"], ascending=[False, True], ignore_index=True
    )


def read_citation(path: os.PathLike | str | None = None) -> dict:
    """Return the repository's ``CITATION.cff`` as a mapping."""
    path = Path(path) if path else REPO_ROOT / "CITATION.cff"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ChangelogError(f"{path}: cannot be read as YAML: {error}") from None


def _names(authors: list[dict]) -> list[str]:
    names = []
    for author in authors:
        if "name" in author:
            names.append(author["name"])
        else:
            names.append(f"{author['family-names']}, {author.get('given-names', '')}")
    return names


def _title(cff: dict) -> str:
    return " ".join(str(cff["title"]).split())


def citation_text(cff: dict) -> str:
    """Format a citation file as one plain-text reference (author, year, title...)."""
    year = str(cff["date-released"])[:4]
    names = "; ".join(_names(cff["authors"]))
    where = cff.get("repository-code") or cff.get("url") or ""
    return f"{names} ({year}). {_title(cff)}, version {cff['version']}. {where}".strip()


def citation_bibtex(cff: dict, key: str = "rdauglivingreview") -> str:
    """Format a citation file as a BibTeX ``@misc`` entry."""
    authors = " and ".join(
        "{" + name + "}" if "," not in name else name for name in _names(cff["authors"])
    )
    fields = {
        "author": authors,
        "title": "{" + _title(cff) + "}",
        "year": str(cff["date-released"])[:4],
        "version": str(cff["version"]),
        "url": cff.get("repository-code") or cff.get("url"),
        "note": "Dataset and executable book",
    }
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
    return f"@misc{{{key},\n{body}\n}}"


def html_table(
    frame: pd.DataFrame,
    *,
    link: tuple[str, str] | None = None,
    caption: str | None = None,
) -> str:
    """Render a frame as an HTML table in which every cell is escaped text.

    Parameters
    ----------
    frame : DataFrame
        Rows to show; the index is not shown.
    link : (text column, URL column), optional
        Make the text column a link to the URL column (https links only; the URL
        column itself is not shown).
    caption : str, optional
        Caption above the table.
    """
    from html import escape

    shown = [c for c in frame.columns if not link or c != link[1]]
    head = "".join(f"<th>{escape(str(c))}</th>" for c in shown)
    rows = []
    for record in frame.to_dict("records"):
        cells = []
        for column in shown:
            value = record[column]
            missing = value is None or (
                pd.api.types.is_scalar(value) and pd.isna(value)
            )
            text = "" if missing else escape(str(value))
            url = record.get(link[1]) if link and column == link[0] else None
            if isinstance(url, str) and url.startswith("https://"):
                href = escape(url, quote=True)
                text = f'<a href="{href}" rel="noopener">{text}</a>'
            cells.append(f"<td>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    top = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (
        f'<table class="rdaug-table">{top}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
