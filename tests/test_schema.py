"""The study model, its JSON Schema, the vocabularies and the study template."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import BaseModel, ValidationError
from rdaug.commands.schema import schema_text
from rdaug.paths import REPO_ROOT
from rdaug.schema import FIRST_YEAR, Study, study_json_schema
from rdaug.vocabulary import load_vocabulary, nearest, pinned_vocabulary

GOOD = Path(__file__).parent / "good_studies"
TEMPLATE = REPO_ROOT / "data" / "study-template.yaml"
SCHEMA_FILE = REPO_ROOT / "data" / "study.schema.json"


def _record(**changes) -> dict:
    record = yaml.safe_load((GOOD / "fixture2019gan.yaml").read_text(encoding="utf-8"))
    record.update(changes)
    return record


def _messages(record: dict) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        Study.model_validate(record)
    return [e["msg"] for e in caught.value.errors()]


def test_committed_json_schema_matches_the_model():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "data/study.schema.json is stale: run `rdaug schema` and commit it"
    )


def test_json_schema_lists_the_vocabularies_as_enums():
    schema = study_json_schema()
    vocabulary = load_vocabulary()
    text = json.dumps(schema)

    assert "x-vocabulary" not in text
    family = schema["$defs"]["Method"]["properties"]["family"]
    assert family["enum"] == list(vocabulary.families)
    data_type = schema["properties"]["data_type"]["items"]
    assert data_type["enum"] == vocabulary.allowed("data_type")


@pytest.mark.parametrize("path", sorted(GOOD.glob("*.yaml")), ids=lambda p: p.stem)
def test_fixture_studies_pass_the_json_schema_too(path):
    # Editors see the file as JSON: YAML dates arrive there as strings.
    document = json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))

    jsonschema.validate(document, study_json_schema())


def test_json_schema_rejects_an_unknown_term_like_the_model():
    document = json.loads(json.dumps(_record(data_type=["imageing"]), default=str))

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, study_json_schema())


@pytest.mark.parametrize("year", [FIRST_YEAR, dt.date.today().year])
def test_years_inside_the_window_are_accepted(year):
    assert Study.model_validate(_record(year=year)).year == year


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, dt.date.today().year + 1])
def test_years_outside_the_window_are_refused(year):
    (message,) = _messages(_record(year=year))
    assert f"{year} is outside {FIRST_YEAR}-{dt.date.today().year}" in message


@pytest.mark.parametrize("value", [True, "2020", 2020.0])
def test_year_must_be_a_whole_number_not_a_look_alike(value):
    assert _messages(_record(year=value))


@pytest.mark.parametrize("value", [0, -5, 2.5, "100", True])
def test_sizes_are_positive_whole_numbers(value):
    sizes = {"before": {"value": value, "unit": "images"}}
    assert _messages(_record(data_size=sizes))


def test_size_after_may_be_below_before_only_in_another_unit():
    sizes = {
        "before": {"value": 100, "unit": "patients"},
        "after": {"value": 50, "unit": "images"},
    }
    assert Study.model_validate(_record(data_size=sizes)).data_size.after.value == 50

    sizes["after"]["unit"] = "patients"
    (message,) = _messages(_record(data_size=sizes))
    assert "after (50 patients) is below before (100 patients)" in message


@pytest.mark.parametrize(
    "link",
    [
        "http://example.org/a",
        "javascript:alert(1)",
        "ftp://example.org/a",
        "https://",
        "https://example.org/a b",
        "//example.org/a",
    ],
)
def test_only_https_links_are_accepted(link):
    record = _record(url=link)
    record["provenance"]["source"] = link
    assert len(_messages(record)) == 2


def test_an_identifier_is_required_and_any_one_suffices():
    record = _record()
    del record["doi"]
    assert any("needs an identifier" in m for m in _messages(record))

    assert Study.model_validate({**record, "pmid": 123}).pmid == 123
    assert Study.model_validate({**record, "url": "https://example.org/x"}).url


def test_review_reference_belongs_to_the_original_review_only():
    record = _record()
    record["provenance"] = {**record["provenance"], "origin": "living update"}
    assert any("only for origin 'original review'" in m for m in _messages(record))

    del record["provenance"]["review_reference"]
    assert Study.model_validate(record).provenance.review_reference is None


def test_repeated_terms_and_families_are_refused():
    assert any("twice" in m for m in _messages(_record(task=["classification"] * 2)))
    method = {"family": "classical augmentation", "techniques": ["flip"]}
    assert any("family twice" in m for m in _messages(_record(methods=[method] * 2)))


def test_unknown_term_names_the_nearest_and_lists_the_allowed():
    (message,) = _messages(_record(study_focus=["Diagnosis "]))
    assert "did you mean 'diagnosis'?" in message
    assert "'prognosis'" in message


def test_unknown_technique_names_its_nearest_with_the_family():
    method = {"family": "deep generative models", "techniques": ["cyclegan"]}
    (message,) = _messages(_record(methods=[method]))
    assert "did you mean 'CycleGAN' (deep generative models)?" in message


def test_blank_text_is_refused_and_text_is_trimmed():
    assert _messages(_record(title="   "))
    assert Study.model_validate(_record(title="  A title ")).title == "A title"


def test_a_script_tag_in_a_title_is_kept_as_plain_text():
    title = "<script>alert('x')</script> & <b>bold</b>"
    assert Study.model_validate(_record(title=title)).title == title


@pytest.mark.parametrize(
    ("value", "terms", "expected"),
    [
        (
            "oversampling",
            ["classical augmentation", "oversampling techniques"],
            "oversampling techniques",
        ),
        ("Imaging", ["imaging", "audio"], "imaging"),
        ("multi_omics", ["omics", "multi-omics"], "multi-omics"),
        ("zzzz", ["imaging", "audio"], None),
        (12, ["imaging"], None),
    ],
)
def test_nearest_term(value, terms, expected):
    assert nearest(value, terms) == expected


def test_every_technique_belongs_to_exactly_one_family():
    vocabulary = load_vocabulary()
    pairs = [(t, f) for f in vocabulary.families for t in vocabulary.techniques(f)]

    assert len({t for t, _ in pairs}) == len(pairs)
    assert all(vocabulary.family_of(t) == f for t, f in pairs)
    assert vocabulary.all_techniques() == [t for t, _ in pairs]
    assert vocabulary.family_of("no such technique") is None


def test_pinned_vocabulary_is_used_inside_the_block_and_released_after():
    outside = load_vocabulary()
    with pinned_vocabulary() as pinned:
        assert load_vocabulary() is pinned
    assert load_vocabulary() is outside


# --- The template --------------------------------------------------------------------


def _fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    names = set()
    for name, info in model.model_fields.items():
        names.add(prefix + name)
        inner = _model_in(info.annotation)
        if inner is not None and name != "methods" and name != "diseases":
            names |= _fields(inner, f"{prefix}{name}.")
    return names


def _model_in(annotation):
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _keys(document: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in document.items():
        keys.add(prefix + key)
        if isinstance(value, dict):
            keys |= _keys(value, f"{prefix}{key}.")
    return keys


def test_template_has_every_field_of_the_model_and_no_other():
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    expected = _fields(Study) - {"data_size.before.value", "data_size.before.unit"}
    expected -= {"data_size.after.value", "data_size.after.unit"}

    assert _keys(template) == expected


def test_template_explains_every_field_in_a_comment_above_it():
    lines = TEMPLATE.read_text(encoding="utf-8").splitlines()
    field = re.compile(r"^\s*[a-z_]+:")
    for number, line in enumerate(lines):
        if not field.match(line) or line.strip() in ("before:", "after:", "note:"):
            continue
        above = number - 1
        while field.match(lines[above]):  # fields explained together (doi, pmid, url)
            above -= 1
        assert lines[above].lstrip().startswith("#"), line


def test_template_vocabulary_lists_match_the_vocabulary_file():
    text = " ".join(TEMPLATE.read_text(encoding="utf-8").split())
    vocabulary = load_vocabulary()
    listed = re.findall(r"\(vocabulary (\w+)\):? ([^.]*?)[.)]", text.replace("#", ""))

    assert {name for name, _ in listed} >= {"study_focus", "data_type", "size_unit"}
    for name, terms in listed:
        if ":" in terms or "," not in terms:
            continue  # an example, not the full list
        written = [t.strip() for t in terms.split(",")]
        assert written == vocabulary.allowed(name), name


def test_template_points_editors_at_the_committed_schema():
    first = TEMPLATE.read_text(encoding="utf-8").splitlines()[0]
    relative = first.split("$schema=")[1]

    assert first.startswith("# yaml-language-server: $schema=")
    # The template is copied into data/studies, so the link is relative to there.
    assert (REPO_ROOT / "data" / "studies" / relative).resolve() == SCHEMA_FILE
