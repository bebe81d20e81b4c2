"""Reading and checking study files: every problem of every file, at once.

Files are read as UTF-8 with YAML's safe loader (no object construction, duplicate
keys refused), checked against :class:`rdaug.schema.Study`, and then checked across
the dataset (unique key, DOI, PMID and title; one ORPHA code per disease name).
Nothing here writes to a study file.
"""

from __future__ import annotations

import re
import reprlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError
from yaml.constructor import ConstructorError

from . import schema
from .errors import Problem
from .schema import Study
from .vocabulary import load_vocabulary

FILE = "<file>"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available


_TAG = "tag:yaml.org,2002:"
_PLAIN_SCALARS = {_TAG + t for t in ("null", "bool", "int", "float", "timestamp")}
_STR, _SEQ, _MAP, _MERGE = (_TAG + t for t in ("str", "seq", "map", "merge"))


_resolver = _Loader("")


@lru_cache(maxsize=8192)
def _plain_scalar_tag(value: str) -> str:
    # The tag of an unquoted scalar depends on its text alone; study files repeat the
    # same terms thousands of times, so remembering saves PyYAML's regex scan.
    return _Loader.resolve(_resolver, yaml.ScalarNode, value, (True, False))


class _NeedsFullConstructor(Exception):
    """The document uses a YAML feature the fast path leaves to PyYAML."""


class _StrictLoader(_Loader):
    """Safe loader that refuses a key given twice in one mapping.

    Study files use plain mappings, lists and scalars; those are built by a direct
    walk of the parsed nodes, which is about twice as fast as PyYAML's general
    constructor and keeps validating 10,000 files within a few seconds. Anything else
    (merge keys, explicit tags such as ``!!set``) goes through PyYAML's safe
    constructor, which also rejects every unsafe tag.
    """

    # Path resolvers (tags chosen by a node's place in the document) are never
    # registered here, so PyYAML's per-node bookkeeping for them can do nothing; the
    # C parser calls these two for every node, and builtins cost the least.
    descend_resolver = staticmethod({}.get)  # (parent, index) -> ignored
    ascend_resolver = staticmethod(tuple)  # () -> ignored

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0]:
            return _plain_scalar_tag(value)
        return super().resolve(kind, value, implicit)

    def construct_document(self, node):
        try:
            return self._build(node, {})
        except _NeedsFullConstructor:
            return super().construct_document(node)

    def _build(self, node, memo: dict):
        tag = node.tag
        if type(node) is yaml.ScalarNode:
            if tag == _STR:
                return node.value
            if tag in _PLAIN_SCALARS:
                return self.yaml_constructors[tag](self, node)
            raise _NeedsFullConstructor
        if id(node) in memo:  # an alias: the same object, as PyYAML gives
            return memo[id(node)]
        # Most nodes are plain strings: they are taken inline, without a call.
        if type(node) is yaml.SequenceNode and tag == _SEQ:
            items: list = []
            memo[id(node)] = items
            for child in node.value:
                if child.tag == _STR and type(child) is yaml.ScalarNode:
                    items.append(child.value)
                else:
                    items.append(self._build(child, memo))
            return items
        if type(node) is yaml.MappingNode and tag == _MAP:
            mapping: dict = {}
            memo[id(node)] = mapping
            lines: dict = {}
            for key_node, value_node in node.value:
                if key_node.tag == _STR and type(key_node) is yaml.ScalarNode:
                    key = key_node.value
                elif key_node.tag == _MERGE:
                    raise _NeedsFullConstructor
                else:
                    key = self._build(key_node, memo)
                self._refuse_duplicate(key, lines, node, key_node)
                lines[key] = key_node.start_mark.line
                if value_node.tag == _STR and type(value_node) is yaml.ScalarNode:
                    mapping[key] = value_node.value
                else:
                    mapping[key] = self._build(value_node, memo)
            return mapping
        raise _NeedsFullConstructor

    @staticmethod
    def _refuse_duplicate(key, lines: dict, node, key_node) -> None:
        try:
            duplicate = key in lines
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                "found a list or mapping used as a key",
                key_node.start_mark,
            ) from None
        if duplicate:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                f"found key {key!r} twice (first on line {lines[key] + 1})",
                key_node.start_mark,
            )

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                continue  # PyYAML merges '<<' below; the merged keys are checked there
            key = self.construct_object(key_node, deep=True)
            try:
                self._refuse_duplicate(key, seen, node, key_node)
            except yaml.constructor.ConstructorError:
                if isinstance(key, list | dict):
                    continue  # PyYAML's own check names the unhashable key
                raise
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
    kind = "YAML error" if isinstance(error, ConstructorError) else "YAML syntax error"
    return f"{kind} at {where}{problem}"


def check_document(document: object, label: str, stem: str | None) -> tuple:
    """Check one parsed document against the schema.

    Returns ``(study, problems)``; ``study`` is None when any problem was found.
    ``stem`` is the file name without extension, which must equal the key.
    """
    if not isinstance(document, dict):
        kind = type(document).__name__
        return None, [
            Problem(label, FILE, f"must be a YAML mapping of fields, not {kind}")
        ]

    problems: list[Problem] = []
    study = None
    try:
        study = Study.model_validate(document)
    except ValidationError as error:
        problems.extend(_from_pydantic(error, label))
        problems = _merge(problems, _cross_field_problems(document, label))
    except RecursionError:
        problems.append(Problem(label, FILE, "YAML is nested too deeply"))

    key = document.get("key")
    if stem is not None and isinstance(key, str) and key != stem:
        problems.append(
            Problem(label, "key", f"{key!r} must equal the file name {stem!r}")
        )
    return (None if problems else study), problems


def _merge(found: list[Problem], extra: list[Problem]) -> list[Problem]:
    # A cross-field check that pydantic did run gives the same message as its raw
    # twin below, possibly at a coarser location (the whole file): keep one.
    extra_messages = {p.message for p in extra}
    kept = [p for p in found if p.message not in extra_messages or p.field != FILE]
    seen = {(p.field, p.message) for p in kept}
    return kept + [p for p in extra if (p.field, p.message) not in seen]


def _cross_field_problems(document: dict, label: str) -> list[Problem]:
    """Run the schema's cross-field checks on a raw document that failed validation.

    Pydantic skips a model's own checks when one of its fields is invalid, so without
    this pass a file with a misspelt term would hide, say, reversed sizes until the
    next run. Only parts that are well-formed enough to judge are checked.
    """
    problems = []
    vocabulary = load_vocabulary()

    if not any(document.get(name) for name in ("doi", "pmid", "url")):
        problems.append(Problem(label, "doi", schema.NO_IDENTIFIER))

    for name in schema.REPEAT_FREE:
        values = document.get(name)
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            message = schema.repeat_message(name, values)
            if message:
                problems.append(Problem(label, name, message))

    sizes = document.get("data_size")
    if isinstance(sizes, dict):
        before, after = _size(sizes.get("before")), _size(sizes.get("after"))
        if before and after:
            message = schema.size_order_message(*before, *after)
            if message:
                problems.append(Problem(label, "data_size", message))

    methods = document.get("methods")
    if isinstance(methods, list):
        families = []
        for index, method in enumerate(methods):
            if not isinstance(method, dict):
                continue
            family, techniques = method.get("family"), method.get("techniques")
            if not isinstance(family, str):
                continue
            families.append(family)
            if family in vocabulary.families and isinstance(techniques, list):
                named = [t for t in techniques if isinstance(t, str)]
                message = schema.family_mismatch_message(family, named)
                if message:
                    problems.append(Problem(label, f"methods[{index}]", message))
        message = schema.repeat_message("methods", families)
        if message:
            problems.append(Problem(label, "methods", message))

    provenance = document.get("provenance")
    if isinstance(provenance, dict):
        origin = provenance.get("origin")
        if isinstance(origin, str) and vocabulary.is_allowed("origin", origin):
            message = schema.reference_message(
                origin, provenance.get("review_reference")
            )
            if message:
                problems.append(Problem(label, "provenance", message))
    return problems


def _size(node: object) -> tuple[int, str] | None:
    if not isinstance(node, dict):
        return None
    value, unit = node.get("value"), node.get("unit")
    if type(value) is int and value > 0 and isinstance(unit, str):
        return value, unit
    return None


def _from_pydantic(error: ValidationError, label: str) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = item["loc"]
        field = dotted_location(loc)
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = _unknown_field_message(loc)
        elif item["type"] == "missing":
            message = "is required"
        elif item["type"] == "string_pattern_mismatch":
            message = _pattern_message(loc, item.get("input"))
        elif item.get("input", ...) is None and item["type"].endswith("_type"):
            message = "is empty but needed here; fill it in"
        elif item["type"] == "list_type" and isinstance(item.get("input"), str):
            message = (
                f"must be a list (got {_short(item['input'])}); write it as "
                f"[{item['input']}] or one '- term' per line"
            )
        elif "input" in item and item["type"].endswith("_type"):
            message = f"{message} (got {_short(item['input'])})"
        problems.append(Problem(label, field or FILE, message))
    return problems


def dotted_location(loc: tuple) -> str:
    """Write a pydantic error location as ``methods[0].family``."""
    text = ""
    for part in loc:
        text += (
            f"[{part}]"
            if isinstance(part, int)
            else (f".{part}" if text else str(part))
        )
    return text


_repr = reprlib.Repr()
_repr.maxlevel, _repr.maxstring, _repr.maxother = 2, 50, 50


def _short(value: object) -> str:
    # reprlib bounds the work: a YAML alias bomb is a small file but a huge value.
    text = _repr.repr(value)
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
    message = f"is not a field of {dotted_location(loc[:-1]) or 'a study record'}"
    message += f"; did you mean {hint!r}?" if hint else "."
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
