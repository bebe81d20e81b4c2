"""PRISMA 2020 flow counts of the review and its updates, from the screening logs.

Each update of the living review keeps one screening log, ``data/screening/<id>.yaml``.
A log either lists every screened record with its decision (``decisions``), from
which all counts are computed, or states the summary numbers it has (``counts``),
for an update that did not log records one by one. Whatever a log neither lists nor
states is shown as unknown, never guessed: ``"not reported"`` for the original review
(the paper does not give it) and ``"not recorded"`` for a living update (the update
did not keep it).

The included studies of a living update are the study files with origin
``living update`` whose ``provenance.added`` date falls in the update's ``period``,
so adding a study file changes the diagram without touching the log.

Counts use the key names of the PRISMA2020 R package and Shiny app (Haddaway et al.
2022): ``previous_studies``, ``database_results``, ``duplicates``,
``records_screened``, ``records_excluded``, ``dbr_sought_reports``,
``dbr_notretrieved_reports``, ``dbr_assessed``, ``dbr_excluded``, ``new_studies``,
``total_studies``. :func:`prisma_counts` gives them per arm (the original review,
then each update) and in total; :func:`flow_diagram_svg` draws them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeInt,
    StrictStr,
    ValidationError,
    model_validator,
)

from .errors import Problem, ScreeningLogError
from .loading import display_path
from .paths import data_dir
from .validation import FILE, dotted_location, read_yaml
from .vocabulary import load_vocabulary

NOT_REPORTED = "not reported"
NOT_RECORDED = "not recorded"
INCOMPLETE = "incomplete"

ORIGINAL = "original review"
LIVING = "living update"

STAGES = ("title-abstract", "full-text")
DECISIONS = ("included", "excluded", "duplicate")

# Counts a log may state directly (``counts:``); the rest are computed.
STATED_KEYS = (
    "database_results",
    "duplicates",
    "records_screened",
    "records_excluded",
    "dbr_sought_reports",
    "dbr_notretrieved_reports",
    "dbr_assessed",
    "dbr_excluded",
    "new_studies",
)
FLOW_KEYS = (
    "previous_studies",
    *STATED_KEYS,
    "total_studies",
)
NOT_RETRIEVED_REASON = "full text unavailable"
UPDATE_ID = r"^\d{4}-\d{2}(-[a-z0-9]+)?$"

Unknown = Literal["not reported", "not recorded"]


def exclusion_reasons(path: Path | None = None) -> dict[str, str]:
    """Return the allowed exclusion reasons with their descriptions.

    They live in the ``exclusion_reason`` block of ``data/vocabulary.yaml``.
    """
    return dict(load_vocabulary(path).terms["exclusion_reason"])


# --------------------------------------------------------------------------- schema


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Period(_Record):
    """The ``provenance.added`` dates whose living-update studies join this update."""

    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Search(_Record):
    """What was searched, when, and how many records each database returned."""

    date: dt.date | Unknown
    databases: list[StrictStr] | Unknown
    since: dt.date | None = Field(default=None, description="entry-date lower bound")
    results: dict[StrictStr, NonNegativeInt] | None = Field(
        default=None, description="records identified per database"
    )
    strings: StrictStr | None = Field(
        default=None, description="where the query strings are (file or prose)"
    )

    @model_validator(mode="after")
    def _results_match_databases(self) -> Search:
        if self.results and isinstance(self.databases, list):
            extra = sorted(set(self.results) - set(self.databases))
            if extra:
                raise ValueError(
                    f"results names {extra}, which are not in databases "
                    f"{self.databases}; list every database searched"
                )
        return self


class Decision(_Record):
    """One screened record and what was decided about it."""

    record: StrictStr = Field(description="pmid:<n>, doi:<doi> or a title")
    title: StrictStr | None = None
    stage: Literal["title-abstract", "full-text"] | None = None
    decision: Literal["included", "excluded", "duplicate"]
    reason: StrictStr | None = None
    study: StrictStr | None = Field(default=None, description="key of the study file")
    note: StrictStr | None = None

    @model_validator(mode="after")
    def _complete(self) -> Decision:
        if self.decision == "excluded":
            if not self.reason:
                raise ValueError("an excluded record needs a reason")
            if not self.stage:
                raise ValueError(f"an excluded record needs a stage: {STAGES}")
        elif self.reason:
            raise ValueError(
                f"only excluded records take a reason, not {self.decision}"
            )
        if self.decision == "included":
            if not self.study:
                raise ValueError("an included record names its study file key (study)")
            if self.stage not in (None, "full-text"):
                raise ValueError("records are included at the full-text stage")
        return self


class ScreeningLog(_Record):
    """One update's screening log (``data/screening/<update>.yaml``)."""

    update: StrictStr = Field(pattern=UPDATE_ID)
    kind: Literal["original review", "living update"]
    label: StrictStr
    date: dt.date = Field(description="when this arm closed; orders the arms")
    period: Period | None = None
    reference: StrictStr | None = None
    search: Search
    counts: dict[StrictStr, NonNegativeInt | dict[StrictStr, NonNegativeInt]] = Field(
        default_factory=dict
    )
    decisions: list[Decision] = Field(default_factory=list)
    unconfirmed_figures: list[UnconfirmedFigure] = Field(default_factory=list)
    notes: StrictStr | None = None


class UnconfirmedFigure(_Record):
    """A number said about the review elsewhere that the review itself does not give.

    Kept so that readers who meet it know its status; never drawn in the diagram.
    """

    value: NonNegativeInt
    describes: StrictStr
    sources: list[StrictStr] = Field(min_length=1)
    note: StrictStr


ScreeningLog.model_rebuild()


# --------------------------------------------------------------------------- reading


def screening_dir() -> Path:
    """Return the folder of screening logs (``<data>/screening``)."""
    return data_dir() / "screening"


def _check_log(document: object, label: str, stem: str, reasons: dict[str, str]):
    if not isinstance(document, dict):
        kind = type(document).__name__
        return None, [Problem(label, FILE, f"must be a YAML mapping, not {kind}")]
    problems = _kind_problems(document, label)
    log = None
    try:
        log = ScreeningLog.model_validate(document)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            message = item["msg"].removeprefix("Value error, ")
            if item["type"] == "missing":
                message = "is required"
            elif item["type"] == "extra_forbidden":
                message = "is not a field of a screening log"
            elif item["type"] == "literal_error":
                message = f"{item.get('input')!r} is not allowed; {message.lower()}"
            field = dotted_location(item["loc"]) or FILE
            problems.append(Problem(label, field, message))
    if log is None:
        return None, problems

    if log.update != stem:
        problems.append(
            Problem(
                label, "update", f"{log.update!r} must equal the file name {stem!r}"
            )
        )
    allowed = ", ".join(repr(r) for r in reasons)
    for index, decision in enumerate(log.decisions):
        if decision.reason and decision.reason not in reasons:
            problems.append(
                Problem(
                    label,
                    f"decisions[{index}].reason",
                    f"{decision.reason!r} is not a known exclusion reason. "
                    f"Allowed: {allowed}",
                )
            )
    for key, value in log.counts.items():
        where = f"counts.{key}"
        if key == "dbr_excluded" and isinstance(value, dict):
            for reason in value:
                if reason not in reasons:
                    problems.append(
                        Problem(
                            label,
                            f"{where}.{reason}",
                            f"{reason!r} is not a known exclusion reason. "
                            f"Allowed: {allowed}",
                        )
                    )
        elif key not in STATED_KEYS:
            problems.append(
                Problem(
                    label,
                    where,
                    f"is not a PRISMA 2020 count a log may state. Allowed: "
                    f"{', '.join(STATED_KEYS)}",
                )
            )
        elif isinstance(value, dict):
            problems.append(
                Problem(
                    label, where, "must be a number (only dbr_excluded has reasons)"
                )
            )
    problems.extend(_overlaps(log, label))
    return (None if problems else log), problems


def _kind_problems(document: dict, label: str) -> list[Problem]:
    """Rules that depend on the kind of arm, checked even when other fields fail."""
    kind = document.get("kind")
    counts = document.get("counts")
    problems = []
    if kind == LIVING and not document.get("period"):
        problems.append(
            Problem(label, "period", "a living update needs a period (start, end)")
        )
    if kind == ORIGINAL and document.get("period"):
        problems.append(
            Problem(label, "period", "the original review has no period; remove it")
        )
    if kind == LIVING and isinstance(counts, dict) and "new_studies" in counts:
        problems.append(
            Problem(
                label,
                "counts.new_studies",
                "is computed from data/studies for a living update; remove it",
            )
        )
    return problems


def _overlaps(log: ScreeningLog, label: str) -> list[Problem]:
    """A count stated and also computable from decisions would be counted twice."""
    if not log.decisions:
        return []
    computed = {"records_screened", "records_excluded", "dbr_sought_reports"}
    computed |= {"dbr_notretrieved_reports", "dbr_assessed", "dbr_excluded"}
    if any(d.decision == "duplicate" for d in log.decisions):
        computed.add("duplicates")
    if log.search.results:
        computed.add("database_results")
    twice = sorted(computed & set(log.counts))
    return [
        Problem(
            label,
            f"counts.{key}",
            "is also computed from decisions (or search.results); give it once",
        )
        for key in twice
    ]


def load_screening_logs(folder: os.PathLike | str | None = None) -> list[ScreeningLog]:
    """Read and check every screening log of a folder, ordered by date.

    Raises
    ------
    ScreeningLogError
        With every problem of every log (file, field, what is allowed), when any
        log is malformed, when two logs' periods overlap, or when the folder is
        missing.
    """
    folder = Path(folder) if folder else screening_dir()
    if not folder.is_dir():
        message = "no such folder; create data/screening with one log per update"
        raise ScreeningLogError([Problem(display_path(folder), FILE, message)])
    reasons = exclusion_reasons()
    logs: list[tuple[ScreeningLog, str]] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        label = display_path(path)
        document, read_problems = read_yaml(path, label)
        if read_problems:
            problems.extend(read_problems)
            continue
        log, log_problems = _check_log(document, label, path.stem, reasons)
        problems.extend(log_problems)
        if log is not None:
            logs.append((log, label))

    originals = [label for log, label in logs if log.kind == ORIGINAL]
    if len(originals) > 1:
        problems.extend(
            Problem(label, "kind", "only one log may be the original review")
            for label in originals
        )
    periods = sorted(
        (log.period.start, log.period.end, label) for log, label in logs if log.period
    )
    for (_, end, first), (start, _, second) in zip(periods, periods[1:], strict=False):
        if start <= end:
            problems.append(
                Problem(
                    second,
                    "period",
                    f"overlaps the period of {first}; make them disjoint",
                )
            )
    if problems:
        raise ScreeningLogError(problems)
    return [
        log
        for log, _ in sorted(
            logs, key=lambda item: (item[0].kind != ORIGINAL, item[0].date)
        )
    ]


# --------------------------------------------------------------------------- counting


@dataclass(frozen=True)
class PrismaArm:
    """The PRISMA 2020 counts of one arm: the original review or one update.

    ``counts`` maps each key of :data:`FLOW_KEYS` to a number or to
    ``"not reported"`` / ``"not recorded"``. ``dbr_excluded_reasons`` maps each
    exclusion reason to its number of reports, or is one of those two words.
    """

    update: str
    kind: str
    label: str
    date: dt.date
    databases: tuple[str, ...] | str
    search_date: dt.date | str
    counts: dict[str, int | str]
    dbr_excluded_reasons: dict[str, int] | str
    database_specific_results: dict[str, int] | str
    studies: tuple[str, ...] = ()
    studies_in_dataset: int = 0
    unconfirmed_figures: tuple[UnconfirmedFigure, ...] = ()
    notes: str | None = None

    @property
    def unknown(self) -> str:
        """The word used for a count this arm does not have."""
        return NOT_REPORTED if self.kind == ORIGINAL else NOT_RECORDED


@dataclass(frozen=True)
class PrismaCounts:
    """PRISMA 2020 counts per arm (in order) and in total.

    ``pending`` lists living-update studies whose ``added`` date falls in no
    update's period: they join the next update whose log covers that date.
    """

    arms: tuple[PrismaArm, ...]
    total: dict[str, int | str]
    total_dbr_excluded_reasons: dict[str, int] | str
    pending: tuple[str, ...] = field(default=())

    def as_frame(self) -> pd.DataFrame:
        """Return one row per PRISMA key and one column per arm, plus ``total``."""
        columns = {arm.update: [arm.counts[k] for k in FLOW_KEYS] for arm in self.arms}
        columns["total"] = [self.total[k] for k in FLOW_KEYS]
        frame = pd.DataFrame(columns, index=pd.Index(FLOW_KEYS, name="prisma_key"))
        return frame.astype(object)

    def arm(self, update: str) -> PrismaArm:
        """Return the arm of one update id (``"2026-12"``)."""
        for arm in self.arms:
            if arm.update == update:
                return arm
        known = ", ".join(a.update for a in self.arms)
        raise KeyError(f"no arm {update!r}; known arms: {known}")


def _from_decisions(log: ScreeningLog) -> dict[str, int | dict[str, int]]:
    found: dict[str, int | dict[str, int]] = {}
    decisions = log.decisions
    if any(d.decision == "duplicate" for d in decisions):
        found["duplicates"] = sum(d.decision == "duplicate" for d in decisions)
    screened = [d for d in decisions if d.decision != "duplicate"]
    full_text = [
        d for d in screened if d.stage == "full-text" or d.decision == "included"
    ]
    not_retrieved = [
        d
        for d in full_text
        if d.decision == "excluded" and d.reason == NOT_RETRIEVED_REASON
    ]
    excluded_full_text = [
        d
        for d in full_text
        if d.decision == "excluded" and d.reason != NOT_RETRIEVED_REASON
    ]
    found["records_screened"] = len(screened)
    found["records_excluded"] = sum(
        d.decision == "excluded" and d.stage == "title-abstract" for d in screened
    )
    found["dbr_sought_reports"] = len(full_text)
    found["dbr_notretrieved_reports"] = len(not_retrieved)
    found["dbr_assessed"] = len(full_text) - len(not_retrieved)
    found["dbr_excluded"] = dict(Counter(d.reason for d in excluded_full_text))
    return found


def _arm(log: ScreeningLog, studies: pd.DataFrame, previous: int | str) -> PrismaArm:
    unknown = NOT_REPORTED if log.kind == ORIGINAL else NOT_RECORDED
    known: dict[str, int | dict[str, int]] = dict(log.counts)
    if log.decisions:
        known.update(_from_decisions(log))
    if log.search.results:
        known["database_results"] = sum(log.search.results.values())

    reasons: dict[str, int] | str = unknown
    if isinstance(known.get("dbr_excluded"), dict):
        reasons = dict(sorted(known["dbr_excluded"].items()))
        known["dbr_excluded"] = sum(reasons.values())

    if log.kind == ORIGINAL:
        in_dataset = studies[studies["origin"] == ORIGINAL]
    else:
        added = studies["added"].dt.date
        start, end = log.period.start, log.period.end
        mask = (studies["origin"] == LIVING) & (added >= start) & (added <= end)
        in_dataset = studies[mask]
        known["new_studies"] = len(in_dataset)
        _check_included(log, in_dataset)

    counts: dict[str, int | str] = {"previous_studies": previous}
    for key in STATED_KEYS:
        counts[key] = known.get(key, unknown)
    new = counts["new_studies"]
    if isinstance(previous, int) and isinstance(new, int):
        counts["total_studies"] = previous + new
    else:
        counts["total_studies"] = unknown

    return PrismaArm(
        update=log.update,
        kind=log.kind,
        label=log.label,
        date=log.date,
        databases=tuple(log.search.databases)
        if isinstance(log.search.databases, list)
        else log.search.databases,
        search_date=log.search.date,
        counts=counts,
        dbr_excluded_reasons=reasons,
        database_specific_results=dict(log.search.results)
        if log.search.results
        else unknown,
        studies=tuple(in_dataset["key"].astype(str)),
        studies_in_dataset=len(in_dataset),
        unconfirmed_figures=tuple(log.unconfirmed_figures),
        notes=log.notes,
    )


def _check_included(log: ScreeningLog, in_dataset: pd.DataFrame) -> None:
    """Warn when a log's included decisions and the period's study files disagree."""
    named = {d.study for d in log.decisions if d.decision == "included"}
    if not log.decisions:
        return
    present = set(in_dataset["key"].astype(str))
    missing, unlisted = sorted(named - present), sorted(present - named)
    if missing or unlisted:
        warnings.warn(
            f"screening log {log.update}: included decisions and study files differ "
            f"(no study file in the period for {missing}; study files without an "
            f"included decision: {unlisted}); the diagram counts the study files",
            stacklevel=3,
        )


def _total(arms: list[PrismaArm]) -> tuple[dict[str, int | str], dict | str]:
    total: dict[str, int | str] = {"previous_studies": 0}
    for key in STATED_KEYS:
        values = [arm.counts[key] for arm in arms]
        known = all(isinstance(v, int) for v in values)
        total[key] = sum(values) if known and values else INCOMPLETE
    total["total_studies"] = arms[-1].counts["total_studies"] if arms else 0
    reasons: dict[str, int] | str = INCOMPLETE
    if arms and all(isinstance(a.dbr_excluded_reasons, dict) for a in arms):
        summed: Counter = Counter()
        for arm in arms:
            summed.update(arm.dbr_excluded_reasons)
        reasons = dict(sorted(summed.items()))
    return total, reasons


def prisma_counts(
    studies: pd.DataFrame | None = None,
    screening_folder: os.PathLike | str | None = None,
) -> PrismaCounts:
    """Compute PRISMA 2020 counts per arm and in total.

    Parameters
    ----------
    studies : DataFrame, optional
        From :func:`rdaug.load_studies`; loaded from the data folder when omitted.
    screening_folder : path-like, optional
        Folder of screening logs; ``<data>/screening`` when omitted.

    Returns
    -------
    PrismaCounts
        ``arms`` in order (the original review first), each with ``counts`` keyed
        by :data:`FLOW_KEYS`; ``total`` sums a count over the arms when every arm
        has it and says ``"incomplete"`` otherwise; ``total_studies`` is the last
        arm's.

    Notes
    -----
    ``previous_studies`` of an update is the ``total_studies`` of the arm before it,
    so the original review's reported 118 carries through every later update.
    Living-update studies whose ``added`` date lies in no update's period are
    listed in ``pending`` and counted nowhere until a log covers them.
    """
    if studies is None:
        from .loading import load_studies

        studies = load_studies()
    logs = load_screening_logs(screening_folder)

    arms: list[PrismaArm] = []
    previous: int | str = 0
    for log in logs:
        arm = _arm(log, studies, previous)
        arms.append(arm)
        previous = arm.counts["total_studies"]

    assigned = {key for arm in arms if arm.kind == LIVING for key in arm.studies}
    living = studies.loc[studies["origin"] == LIVING, "key"].astype(str)
    pending = tuple(sorted(set(living) - assigned))
    total, reasons = _total(arms)
    return PrismaCounts(tuple(arms), total, reasons, pending)


# --------------------------------------------------------------------------- drawing

# Arms are stacked top to bottom, so the diagram keeps one readable width (about that
# of a book page) however many updates it shows.
_PHASE_W = 34
_LEFT = 10
_BOX_W = 270
_GAP = 30
_SIDE_W = 250
_BYPASS = 24  # right margin where the previous studies' line runs to the total
_WIDTH = _LEFT + _PHASE_W + _BOX_W + _GAP + _SIDE_W + _BYPASS + _LEFT
_LINE = 15
_CHARS = 42  # characters per line of a main box at 12 px sans-serif
_SIDE_CHARS = 38
_ROW_GAP = 22
_ARM_GAP = 36


# Characters XML 1.0 forbids even when escaped (most C0 controls, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    """Escape text for an SVG element, dropping characters XML cannot hold."""
    return escape(_NOT_XML.sub("", text))


def _wrap(text: str, width: int = _CHARS) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
    return lines


def _n(value: int | str) -> str:
    return f"n = {value:,}" if isinstance(value, int) else f"n = {value}"


class _Canvas:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def box(self, x, y, w, lines, *, fill="#ffffff") -> int:
        h = 12 + _LINE * len(lines)
        self.parts.append(
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" '
            f'fill="{fill}" stroke="#444" stroke-width="1"/>'
        )
        for index, line in enumerate(lines):
            style = ' font-style="italic" fill="#666"' if "= not " in line else ""
            self.parts.append(
                f'<text x="{x + 8}" y="{y + 18 + index * _LINE}"{style}>'
                f"{_xml_text(line)}</text>"
            )
        return h

    def arrow(self, x1, y1, x2, y2) -> None:
        self.parts.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#444" '
            'stroke-width="1.2" marker-end="url(#prisma-arrow)"/>'
        )

    def path(self, d: str) -> None:
        self.parts.append(
            f'<path d="{d}" fill="none" stroke="#444" stroke-width="1.2" '
            'marker-end="url(#prisma-arrow)"/>'
        )

    def text(self, x, y, content, **attributes) -> None:
        extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attributes.items())
        self.parts.append(f'<text x="{x}" y="{y}"{extra}>{_xml_text(content)}</text>')


def _database_line(arm: PrismaArm) -> list[str]:
    if isinstance(arm.databases, str):
        return [f"Databases: {arm.databases}"]
    by_db = arm.database_specific_results
    if isinstance(by_db, dict):
        return [f"  {db} (n = {by_db.get(db, arm.unknown)})" for db in arm.databases]
    return _wrap("Databases: " + ", ".join(arm.databases))


def _boxed(
    label: str, value: int | str | None, extra: list[str] = (), *, side: bool = False
) -> list[str]:
    lines = _wrap(label, _SIDE_CHARS if side else _CHARS)
    if value is not None:
        lines.append(f"({_n(value)})")
    return [*lines, *extra]


def _rows(arm: PrismaArm) -> list[tuple[list[str] | None, list[str] | None]]:
    """The template's boxes of one arm, row by row: (main column, side column)."""
    c = arm.counts
    reasons = arm.dbr_excluded_reasons
    reason_lines = []
    if isinstance(reasons, dict):
        for reason, n in reasons.items():
            wrapped = _wrap(f"{reason} (n = {n})", _SIDE_CHARS - 2)
            reason_lines += [f"  {line}" for line in wrapped]
    previous = None
    total = None
    included_label = "Studies included in review"
    if arm.kind != ORIGINAL:
        previous = _boxed(
            "Studies included in previous version of review", c["previous_studies"]
        )
        total = _boxed("Total studies included in review", c["total_studies"])
        included_label = "New studies included in review"
    return [
        (previous, None),
        (
            ["Records identified from databases", f"({_n(c['database_results'])})"]
            + _database_line(arm),
            _boxed(
                "Records removed before screening: duplicates",
                c["duplicates"],
                side=True,
            ),
        ),
        (
            _boxed("Records screened", c["records_screened"]),
            _boxed("Records excluded", c["records_excluded"], side=True),
        ),
        (
            _boxed("Reports sought for retrieval", c["dbr_sought_reports"]),
            _boxed("Reports not retrieved", c["dbr_notretrieved_reports"], side=True),
        ),
        (
            _boxed("Reports assessed for eligibility", c["dbr_assessed"]),
            _boxed("Reports excluded", c["dbr_excluded"], reason_lines, side=True),
        ),
        (_boxed(included_label, c["new_studies"]), None),
        (total, None),
    ]


_PHASES = (("Identification", 0, 1), ("Screening", 2, 4), ("Included", 5, 6))


def _height(lines: list[str] | None) -> int:
    return 12 + _LINE * len(lines) if lines else 0


def flow_diagram_svg(counts: PrismaCounts) -> str:
    """Draw the PRISMA 2020 flow diagram of every arm as one self-contained SVG.

    Each arm (the original review, then each update, top to bottom) is drawn with
    the template's boxes: identification, screening and inclusion in the main
    column, removed and excluded records beside them. An update opens with the
    studies of the previous version, which join its new studies in the total.
    Unknown counts read ``n = not reported`` or ``n = not recorded`` in grey
    italics. Every text is escaped, the font is the reader's own sans-serif and
    nothing is loaded from elsewhere, so the file displays offline and can be saved
    as is.

    Parameters
    ----------
    counts : PrismaCounts
        From :func:`prisma_counts`.

    Returns
    -------
    str
        An ``<svg>`` element with a ``viewBox``, a ``<title>`` and a ``<desc>``.
    """
    canvas = _Canvas()
    x = _LEFT + _PHASE_W
    side = x + _BOX_W + _GAP
    y = 10
    for index, arm in enumerate(counts.arms):
        if index:
            canvas.parts.append(
                f'<line x1="{_LEFT}" y1="{y - _ARM_GAP / 2}" x2="{_WIDTH - _LEFT}" '
                f'y2="{y - _ARM_GAP / 2}" stroke="#bbb" stroke-dasharray="4 4"/>'
            )
        canvas.text(_LEFT, y + 16, arm.label, font_weight="bold", font_size="14")
        y += 30
        rows = _rows(arm)
        tops: dict[int, float] = {}
        heights: dict[int, int] = {}
        previous_bottom = None
        for row, (main, side_lines) in enumerate(rows):
            if not main:
                continue
            main_h = _height(main)
            tops[row], heights[row] = y, max(main_h, _height(side_lines))
            fill = {0: "#eef2f7", 5: "#fdf6e3", 6: "#fdf6e3"}.get(row, "#ffffff")
            canvas.box(x, y, _BOX_W, main, fill=fill)
            if previous_bottom is not None:
                canvas.arrow(x + _BOX_W / 2, previous_bottom, x + _BOX_W / 2, y)
            if side_lines:
                canvas.box(side, y, _SIDE_W, side_lines)
                canvas.arrow(x + _BOX_W, y + main_h / 2, side, y + main_h / 2)
            if row >= 1:
                previous_bottom = y + main_h
            y += heights[row] + _ROW_GAP
        if 0 in tops and 6 in tops:
            # The previous version's studies bypass this update's screening; rows 0
            # and 6 have no side box, so the line crosses none.
            start_y = tops[0] + _height(rows[0][0]) / 2
            end_y = tops[6] + _height(rows[6][0]) / 2
            lane = side + _SIDE_W + _BYPASS / 2
            canvas.path(f"M {x + _BOX_W} {start_y} H {lane} V {end_y} H {x + _BOX_W}")
        for name, first, last in _PHASES:
            present = [r for r in range(first, last + 1) if r in tops]
            if not present:
                continue
            top = tops[present[0]]
            bottom = tops[present[-1]] + heights[present[-1]]
            middle = (top + bottom) / 2
            canvas.parts.append(
                f'<rect x="{_LEFT}" y="{top}" width="{_PHASE_W - 10}" '
                f'height="{bottom - top}" rx="3" fill="#dbe4f0"/>'
            )
            canvas.text(
                _LEFT + (_PHASE_W - 10) / 2 + 4,
                middle,
                name,
                transform=f"rotate(-90 {_LEFT + (_PHASE_W - 10) / 2 + 4} {middle})",
                text_anchor="middle",
                font_weight="bold",
                font_size="11",
            )
        notes = [f"Counts marked '{arm.unknown}' are unknown."]
        if arm.kind == ORIGINAL:
            notes.append(
                f"Study files in this dataset: n = {arm.studies_in_dataset:,}."
            )
        if arm.notes:
            notes.append(" ".join(arm.notes.split()))
        for line in notes:
            for wrapped in _wrap(line, 90):
                canvas.text(x, y + 2, wrapped, font_size="11", fill="#444")
                y += 14
        y += _ARM_GAP

    width, height = _WIDTH, y
    description = "; ".join(
        f"{arm.label}: new studies {arm.counts['new_studies']}, "
        f"total studies {arm.counts['total_studies']}"
        for arm in counts.arms
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        'aria-labelledby="prisma-title prisma-desc" font-family="sans-serif" '
        'font-size="12" fill="#111">'
        '<title id="prisma-title">PRISMA 2020 flow diagram of the living review</title>'
        f'<desc id="prisma-desc">{_xml_text(description)}</desc>'
        '<defs><marker id="prisma-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#444"/></marker></defs>'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
    )
    return head + "".join(canvas.parts) + "</svg>"
