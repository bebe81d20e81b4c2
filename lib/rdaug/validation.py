"""Reading and checking study files: every problem of every file, at once.

Files are read as UTF-8 with YAML's safe loader (no object construction, duplicate
keys refused), checked against :class:`rdaug.schema.Study`, and then checked across
the dataset (unique key, DOI, PMID and title; one ORPHA code per disease name).
Nothing here writes to a study file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from .errors import Problem
from .schema import Study

FILE = "<file>"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available


class _StrictLoader(_Loader):
    """Safe loader that refuses a key given twice in one mapping."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
            except TypeError:  # unhashable key: the schema check will report it
                continue
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"found key {key!r} twice (first on line {seen[key] + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _StrictLoader.construct_mapping
)


@dataclass(frozen=True)
class Checked:
    """A study file that passed the per-file checks."""

    path: Path
    study: Study


def read_yaml(path: Path, label: str) -> tuple[object, list[Problem]]:
    """Read one YAML document; return it, or the problems that prevented reading."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(label, FILE, f"cannot be read: {error.strerror}")]

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [
            Problem(
                label,
                FILE,
                f"is not UTF-8 (invalid byte at offset {error.start}); "
                "save it with UTF-8 encoding",
            )
        ]

    if not text.strip():
        return None, [Problem(label, FILE, "is empty; copy data/study-template.yaml")]

    try:
        document = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        return None, [Problem(label, FILE, _describe_yaml_error(error))]
    except RecursionError:
        return None, [Problem(label, FILE, "YAML is nested too deeply")]
    return document, []


def _describe_yaml_error(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    return f"YAML syntax error at {where}{problem}"


def check_document(document: object, label: str, stem: str | None) -> tuple:
    """Check one parsed document against the schema.

    Returns ``(study, problems)``; ``study`` is None when any problem was found.
    ``stem`` is the file name without extension, which must equal the key.
    """
    if not isinstance(document, dict):
        kind = type(document).__name__
        return None, [Problem(label, FILE, f"must be a YAML mapping of fields, not {kind}")]

    problems: list[Problem] = []
    study = None
    try:
        study = Study.model_validate(document)
    except ValidationError as error:
        problems.extend(_from_pydantic(error, label))
    except RecursionError:
        problems.append(Problem(label, FILE, "YAML is nested too deeply"))

    key = document.get("key")
    if stem is not None and isinstance(key, str) and key != stem:
        problems.append(
            Problem(label, "key", f"{key!r} must equal the file name {stem!r}")
        )
    return (None if problems else study), problems


def _from_pydantic(error: ValidationError, label: str) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = item["loc"]
        field = _dotted(loc)
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = _unknown_field_message(loc)
        elif item["type"] == "missing":
            message = "is required"
        elif item["type"] == "string_pattern_mismatch":
            message = _pattern_message(loc, item.get("input"))
        elif "input" in item and item["type"].endswith("_type"):
            message = f"{message} (got {_short(item['input'])})"
        problems.append(Problem(label, field or FILE, message))
    return problems


def _dotted(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown_field_message(loc: tuple) -> str:
    from .vocabulary import nearest

    model = Study
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation
        model = _inner_model(annotation) or model
    allowed = list(model.model_fields)
    hint = nearest(str(loc[-1]), allowed)
    message = "is not a field of a study record"
    if hint:
        message += f"; did you mean {hint!r}?"
    return f"{message} Allowed here: {', '.join(allowed)}"


def _inner_model(annotation):
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _pattern_message(loc: tuple, value: object) -> str:
    last = loc[-1] if loc else ""
    if last == "key":
        return (
            f"{_short(value)} is not a valid key: lower-case letters, digits and "
            "hyphens, 3-64 characters, e.g. 'atteia2022boallcnn'"
        )
    if last == "doi":
        return f"{_short(value)} is not a DOI; write it bare, like '10.3390/s22155520'"
    return f"{_short(value)} is not an https:// link; only https links are kept"


def normalised_title(title: str) -> str:
    """Fold a title for duplicate detection: lower case, letters and digits only."""
    return re.sub(r"[\W_]+", "", title.casefold())


def check_dataset(checked: Iterable[Checked], label_of) -> list[Problem]:
    """Problems that only show across files: repeated identifiers, drifting codes."""
    problems: list[Problem] = []
    owners: dict[tuple[str, object], list[Path]] = defaultdict(list)
    orpha: dict[str, dict[int, list[Path]]] = defaultdict(lambda: defaultdict(list))
    for item in checked:
        s = item.study
        owners[("key", s.key)].append(item.path)
        owners[("title", normalised_title(s.title))].append(item.path)
        if s.doi:
            owners[("doi", s.doi.casefold())].append(item.path)
        if s.pmid:
            owners[("pmid", s.pmid)].append(item.path)
        for disease in s.diseases:
            if disease.orpha:
                orpha[disease.name.casefold()][disease.orpha].append(item.path)

    for (field, _), paths in sorted(owners.items(), key=lambda kv: str(kv[0])):
        if len(paths) > 1:
            for path in paths:
                others = ", ".join(label_of(p) for p in paths if p != path)
                problems.append(
                    Problem(label_of(path), field, f"same {field} as {others}")
                )

    for name, codes in orpha.items():
        if len(codes) > 1:
            listing = "; ".join(
                f"ORPHA:{code} in {', '.join(label_of(p) for p in paths)}"
                for code, paths in sorted(codes.items())
            )
            for paths in codes.values():
                for path in paths:
                    problems.append(
                        Problem(
                            label_of(path),
                            "diseases",
                            f"{name!r} has more than one ORPHA code across the "
                            f"dataset ({listing}); use one",
                        )
                    )
    return problems
