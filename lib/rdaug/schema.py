"""The study record: one YAML file per included study, checked by a pydantic model.

The model states the structure (which fields, which types, what is required); the
controlled terms come from ``data/vocabulary.yaml`` and are checked by validators that
name the nearest allowed term. :func:`study_json_schema` exports the same rules as a
JSON Schema (``data/study.schema.json``) for editors that check YAML as you type.

Unknown stays empty: every extracted fact is optional except what identifies the study
(key, title, year, one identifier) and where the record came from.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    model_validator,
)

from .vocabulary import load_vocabulary, nearest

FIRST_YEAR = 2018  # the review's search window starts here
KEY_PATTERN = r"^[a-z][a-z0-9-]{2,63}$"
DOI_PATTERN = r"^10\.\d{4,9}/\S+$"
VOCAB_MARK = "x-vocabulary"


def _term_checker(vocabulary_name: str, label: str):
    def check(value: str) -> str:
        vocabulary = load_vocabulary()
        if vocabulary.is_allowed(vocabulary_name, value):
            return value
        raise ValueError(
            _unknown_term(value, label, vocabulary.allowed(vocabulary_name))
        )

    return check


def _unknown_term(value: object, label: str, allowed: list[str]) -> str:
    hint = nearest(value, allowed)
    message = f"{value!r} is not a known {label}"
    message += f"; did you mean {hint!r}?" if hint else "."
    return f"{message} Allowed: {', '.join(repr(t) for t in allowed)}"


def _term(vocabulary_name: str, label: str):
    return Annotated[
        StrictStr,
        AfterValidator(_term_checker(vocabulary_name, label)),
        Field(json_schema_extra={VOCAB_MARK: vocabulary_name}),
    ]


def _check_family(value: str) -> str:
    families = load_vocabulary().families
    if value in families:
        return value
    raise ValueError(_unknown_term(value, "method family", list(families)))


def _check_technique(value: str) -> str:
    vocabulary = load_vocabulary()
    if vocabulary.family_of(value):
        return value
    hint = nearest(value, vocabulary.all_techniques())
    message = f"{value!r} is not a known technique"
    if hint:
        message += f"; did you mean {hint!r} ({vocabulary.family_of(hint)})?"
    else:
        message += "."
    raise ValueError(message + " See method_family in data/vocabulary.yaml.")


def _check_https(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or re.search(r"\s", value):
        raise ValueError(
            f"{value!r} is not an https:// link; only https links are kept"
        )
    return value


def _check_year(value: int) -> int:
    last = dt.date.today().year
    if not FIRST_YEAR <= value <= last:
        raise ValueError(f"{value} is outside {FIRST_YEAR}-{last}, the review's window")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank; leave the field out when it is unknown")
    return value.strip()


Text = Annotated[StrictStr, AfterValidator(_not_blank)]
HttpsUrl = Annotated[
    StrictStr, AfterValidator(_check_https), Field(pattern=r"^https://")
]
Focus = _term("study_focus", "study focus")
DataType = _term("data_type", "data type")
DiseaseClass = _term("disease_class", "disease class")
Task = _term("task", "task")
SizeUnit = _term("size_unit", "size unit")
Family = Annotated[
    StrictStr,
    AfterValidator(_check_family),
    Field(json_schema_extra={VOCAB_MARK: "method_family"}),
]
Technique = Annotated[
    StrictStr,
    AfterValidator(_check_technique),
    Field(json_schema_extra={VOCAB_MARK: "technique"}),
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Disease(_Record):
    """A rare disease studied, with its Orphanet code when known."""

    name: Text = Field(description="normalised disease name, lower case")
    orpha: StrictInt | None = Field(
        default=None, gt=0, description="ORPHA code (number only), empty if unknown"
    )


class Size(_Record):
    """A data size: a positive whole number of one unit."""

    value: StrictInt = Field(gt=0)
    unit: SizeUnit


class DataSize(_Record):
    """Data size before and after augmentation or synthesis, as reported."""

    before: Size | None = None
    after: Size | None = None
    note: Text | None = Field(default=None, description="what the numbers count")

    @model_validator(mode="after")
    def _after_not_below_before(self) -> DataSize:
        b, a = self.before, self.after
        if b and a:
            message = size_order_message(b.value, b.unit, a.value, a.unit)
            if message:
                raise ValueError(message)
        return self


class Method(_Record):
    """One method family used by the study and its techniques."""

    family: Family
    techniques: list[Technique] = Field(default_factory=list)
    detail: Text | None = Field(default=None, description="the study's own wording")

    @model_validator(mode="after")
    def _techniques_in_family(self) -> Method:
        message = family_mismatch_message(self.family, self.techniques)
        if message:
            raise ValueError(message)
        return self


class Provenance(_Record):
    """Where the record came from and how sure its extraction is."""

    origin: _term("origin", "origin")
    review_reference: StrictInt | None = Field(
        default=None, gt=0, description="reference number in Finetti et al. 2025"
    )
    added: dt.date = Field(description="date the record entered this dataset")
    updated: dt.date | None = Field(default=None, description="date of the last fix")
    source: HttpsUrl | None = Field(
        default=None, description="page the facts were read from"
    )
    extraction: _term("extraction", "extraction level")
    confidence: _term("confidence", "confidence level")
    contributor: Text | None = None

    @model_validator(mode="after")
    def _reference_matches_origin(self) -> Provenance:
        message = reference_message(self.origin, self.review_reference)
        if message:
            raise ValueError(message)
        return self


class Study(_Record):
    """One included study, as extracted for the living review."""

    key: Annotated[StrictStr, Field(pattern=KEY_PATTERN)] = Field(
        description="file name without .yaml: firstauthor + year + first title word"
    )
    title: Text
    authors: list[Text] = Field(default_factory=list, description="'Family, Given'")
    year: Annotated[StrictInt, AfterValidator(_check_year)]
    venue: Text | None = None
    doi: Annotated[StrictStr, Field(pattern=DOI_PATTERN)] | None = None
    pmid: StrictInt | None = Field(default=None, gt=0, lt=10**9)
    url: HttpsUrl | None = Field(default=None, description="record page if no DOI/PMID")
    study_focus: list[Focus] = Field(default_factory=list)
    diseases: list[Disease] = Field(default_factory=list)
    disease_class: list[DiseaseClass] = Field(default_factory=list)
    data_type: list[DataType] = Field(default_factory=list)
    data_modality: Text | None = Field(default=None, description="e.g. 'cardiac MRI'")
    data_size: DataSize = Field(default_factory=DataSize)
    methods: list[Method] = Field(default_factory=list)
    task: list[Task] = Field(default_factory=list)
    effect: Text | None = Field(default=None, description="reported effect of DA/SDG")
    provenance: Provenance
    notes: Text | None = None

    @model_validator(mode="after")
    def _has_identifier(self) -> Study:
        if not (self.doi or self.pmid or self.url):
            raise ValueError(NO_IDENTIFIER)
        return self

    @model_validator(mode="after")
    def _no_repeats(self) -> Study:
        for name in REPEAT_FREE:
            message = repeat_message(name, getattr(self, name))
            if message:
                raise ValueError(message)
        message = repeat_message("methods", [m.family for m in self.methods])
        if message:
            raise ValueError(message)
        return self


# Checks that span several fields. Pydantic runs a model's own checks only when all of
# its fields are valid, so the validator also calls these functions on the raw
# document: a file with a misspelt term still learns that its sizes are reversed.
NO_IDENTIFIER = "needs an identifier: doi, else pmid, else an https url"
REPEAT_FREE = ("study_focus", "disease_class", "data_type", "task")


def size_order_message(
    before_value: int, before_unit: str, after_value: int, after_unit: str
) -> str | None:
    """Say what is wrong when the size after is below the size before (same unit)."""
    if before_unit == after_unit and after_value < before_value:
        return (
            f"after ({after_value} {after_unit}) is below before "
            f"({before_value} {before_unit}); augmentation adds data, so check the "
            "two numbers"
        )
    return None


def family_mismatch_message(family: str, techniques: list[str]) -> str | None:
    """Say which known techniques are listed under a family they do not belong to."""
    vocabulary = load_vocabulary()
    wrong = [t for t in techniques if vocabulary.family_of(t) not in (None, family)]
    if not wrong:
        return None
    where = ", ".join(f"{t!r} is under {vocabulary.family_of(t)!r}" for t in wrong)
    return (
        f"techniques must belong to {family!r}: {where}; "
        "list them under that family instead"
    )


def reference_message(origin: str, review_reference: int | None) -> str | None:
    """Say what is wrong when review_reference does not fit the origin."""
    cited = origin == "original review"
    if cited and review_reference is None:
        return "origin 'original review' needs review_reference (a number)"
    if not cited and review_reference is not None:
        return "review_reference is only for origin 'original review'"
    return None


def repeat_message(name: str, values: list) -> str | None:
    """Say that a list field repeats a term (or, for methods, a family)."""
    if len(set(values)) == len(values):
        return None
    if name == "methods":
        return "methods lists a family twice; merge its techniques"
    return f"{name} lists a term twice"


def study_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a study file, with the vocabularies as enums."""
    vocabulary = load_vocabulary()
    every_technique = vocabulary.all_techniques()

    def enum_for(name: str) -> list[str]:
        if name == "method_family":
            return list(vocabulary.families)
        if name == "technique":
            return every_technique
        return vocabulary.allowed(name)

    def fill(node: Any) -> Any:
        if isinstance(node, dict):
            name = node.pop(VOCAB_MARK, None)
            if name:
                node["enum"] = enum_for(name)
            return {k: fill(v) for k, v in node.items()}
        if isinstance(node, list):
            return [fill(v) for v in node]
        return node

    schema = fill(Study.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "study.schema.json"
    schema["description"] = (
        "One study of the living review on data augmentation and synthetic data "
        "in rare disease research. Generated by `rdaug schema`; do not edit by hand."
    )
    return schema
