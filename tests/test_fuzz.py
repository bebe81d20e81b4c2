"""Property-based tests: whatever a study file holds, loading it either succeeds or
raises StudyValidationError with problems to show, never any other exception.

Inputs are random text and bytes, random YAML built from fragments of a valid file,
random nested data dumped to YAML, and random mutations of a valid study. The
metadata records read by ``rdaug new --from-json`` get the same treatment.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdaug import StudyValidationError, load_studies
from rdaug.commands.new import MetadataError, metadata_from_record
from rdaug.validation import read_yaml

GOOD = Path(__file__).parent / "good_studies"
VALID_TEXT = (GOOD / "fixture2021both.yaml").read_text(encoding="utf-8")
VALID = yaml.safe_load(VALID_TEXT)
# RDAUG_FUZZ_EXAMPLES raises the number of examples for a longer hunt.
FUZZ = settings(
    max_examples=int(os.environ.get("RDAUG_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def study_path():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder) / f"{VALID['key']}.yaml"


def _load_bytes(path: Path, content: bytes):
    path.write_bytes(content)
    try:
        frame = load_studies([path])
    except StudyValidationError as error:
        assert error.problems, "an error must carry at least one problem"
        assert all(p.path and p.field and p.message for p in error.problems)
        return None
    assert len(frame) == 1
    return frame


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.dates()
    | st.sampled_from(["imaging", "GAN", "living update", "https://x.org", "2020"])
)
nested = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12) | st.sampled_from(list(VALID)), children,
                      max_size=5),
    max_leaves=25,
)  # fmt: skip


@FUZZ
@given(text=st.text(max_size=400))
def test_random_text(study_path, text):
    _load_bytes(study_path, text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(content=st.binary(max_size=300))
def test_random_bytes(study_path, content):
    _load_bytes(study_path, content)


YAML_PIECES = [
    *VALID_TEXT.splitlines(),
    "key: [", "- ", "  - ", "? ", ": ", "&a ", "*a", "<<: *a", "!!binary aGk=",
    "!!set {a, b}", "!!python/name:os.system", "{", "}", "'", '"', "#", "---",
    "...", "%YAML 1.1", "\t", "year: 99999999999999999999", "year: 2020.0",
    "title: ~", "methods: {family: x}", "data_size: [1, 2]",
]  # fmt: skip


@FUZZ
@given(pieces=st.lists(st.sampled_from(YAML_PIECES), max_size=30))
def test_yaml_assembled_from_fragments(study_path, pieces):
    _load_bytes(study_path, "\n".join(pieces).encode("utf-8"))


@FUZZ
@given(document=nested)
def test_random_nested_data(study_path, document):
    text = yaml.safe_dump(document, allow_unicode=True)
    _load_bytes(study_path, text.encode("utf-8", errors="surrogatepass"))


@st.composite
def mutated_studies(draw):
    """A copy of a valid study with one to four random edits at random depths."""
    document = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        parent = document
        while True:  # walk down to a random container
            keys = list(parent) if isinstance(parent, dict) else range(len(parent))
            if not keys:
                break
            key = draw(st.sampled_from(list(keys)))
            child = parent[key]
            if isinstance(child, dict | list) and child and draw(st.booleans()):
                parent = child
                continue
            break
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if not keys:
            action = "add"
        if action == "replace":
            parent[key] = draw(nested)
        elif action == "delete":
            del parent[key]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(nested)
        else:
            parent.append(draw(nested))
    return document


@FUZZ
@given(document=mutated_studies())
def test_mutations_of_a_valid_study(study_path, document):
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    _load_bytes(study_path, text.encode("utf-8", errors="surrogatepass"))


def test_the_unmutated_study_loads(study_path):
    frame = _load_bytes(study_path, VALID_TEXT.encode("utf-8"))
    assert frame is not None
    assert frame.loc[0, "key"] == VALID["key"]


def test_dates_survive_the_round_trip_through_yaml(study_path):
    document = copy.deepcopy(VALID)
    document["provenance"]["added"] = dt.date(2024, 2, 29)

    frame = _load_bytes(study_path, yaml.safe_dump(document).encode("utf-8"))

    assert frame.loc[0, "added"].date() == dt.date(2024, 2, 29)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
CSL_KEYS = ["title", "author", "issued", "published", "container-title", "volume",
            "issue", "page", "article-number", "DOI", "PMID", "date-parts", "family",
            "given", "literal", "message"]  # fmt: skip
records = st.recursive(
    json_values,
    lambda children: (
        st.dictionaries(st.sampled_from(CSL_KEYS), children, max_size=8)
        | st.lists(children, max_size=2)
    ),
    max_leaves=30,
)


@FUZZ
@given(record=records)
def test_metadata_records_give_fields_or_a_metadata_error(record):
    try:
        found = metadata_from_record(record)
    except MetadataError:
        return
    assert set(found) <= {"title", "authors", "year", "venue", "doi", "pmid"}
    assert all(isinstance(found.get(k, ""), str) for k in ("title", "venue", "doi"))
    assert isinstance(found.get("year", 0), int)
    assert isinstance(found.get("pmid", 0), int)
    assert all(isinstance(a, str) and a for a in found.get("authors", []))


@FUZZ
@given(document=nested)
def test_fast_reader_reads_what_pyyaml_reads(study_path, document):
    # read_yaml builds plain documents itself for speed; it must agree with PyYAML.
    text = yaml.safe_dump(document, allow_unicode=True)
    study_path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    try:
        expected = yaml.safe_load(text)
    except yaml.YAMLError:
        return

    found, problems = read_yaml(study_path, "fuzz")

    if problems:  # only a repeated key may be refused where PyYAML keeps the last
        assert "twice" in problems[0].message
    else:
        assert repr(found) == repr(expected)  # repr: NaN is not equal to itself
