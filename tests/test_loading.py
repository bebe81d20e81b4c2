"""Loading study files into the DataFrame the book is computed from."""

from __future__ import annotations

import importlib.util
import logging
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from rdaug import StudyValidationError, load_studies, long_view, techniques_long
from rdaug.loading import LIST_FIELDS, display_path, study_files
from rdaug.paths import REPO_ROOT

GOOD = Path(__file__).parent / "good_studies"
BAD = Path(__file__).parent / "bad_studies" / "studies"
COLUMNS = [
    "key", "title", "authors", "first_author", "year", "venue", "doi", "pmid", "url",
    "link", "study_focus", "disease", "orpha", "disease_class", "data_type",
    "data_modality", "size_before", "size_before_unit", "size_after",
    "size_after_unit", "expansion_factor", "method_family", "technique", "approach",
    "task", "effect", "origin", "review_reference", "added", "updated", "source",
    "extraction", "confidence", "contributor", "notes", "methods",
]  # fmt: skip


@pytest.fixture(scope="module")
def studies() -> pd.DataFrame:
    return load_studies([GOOD])


def _raw(key: str) -> dict:
    return yaml.safe_load((GOOD / f"{key}.yaml").read_text(encoding="utf-8"))


def test_one_row_per_fixture_file_with_the_documented_columns(studies):
    assert list(studies.columns) == COLUMNS
    assert sorted(studies["key"]) == sorted(p.stem for p in GOOD.glob("*.yaml"))


def test_rows_are_sorted_by_year_then_key(studies):
    pairs = list(zip(studies["year"], studies["key"], strict=True))
    assert pairs == sorted(pairs)


def test_list_columns_hold_lists_even_when_empty(studies):
    for field in LIST_FIELDS:
        assert all(isinstance(v, list) for v in studies[field]), field
    unknown = studies.set_index("key").loc["fixture2024unknown"]
    assert unknown["method_family"] == []
    assert unknown["authors"] == []
    assert pd.isna(unknown["first_author"])


def test_fields_are_carried_over_from_the_file(studies):
    row = studies.set_index("key").loc["fixture2023omics"]
    raw = _raw("fixture2023omics")

    assert row["title"] == raw["title"]
    assert row["authors"] == raw["authors"]
    assert row["first_author"] == raw["authors"][0].split(",")[0]
    assert row["disease"] == [d["name"] for d in raw["diseases"]]
    assert row["orpha"] == [d["orpha"] for d in raw["diseases"]]
    assert row["technique"] == [t for m in raw["methods"] for t in m["techniques"]]
    assert row["updated"] == pd.Timestamp(raw["provenance"]["updated"])
    assert row["methods"] == [{"detail": None, **m} for m in raw["methods"]]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("fixture2019gan", "https://doi.org/10.5555/fixture.2019.gan"),
        ("fixture2020smote", "https://pubmed.ncbi.nlm.nih.gov/99000001/"),
        ("fixture2022copula", "https://example.org/records/fixture-2022-copula"),
        ("fixture2023omics", "https://doi.org/10.5555/fixture.2023.omics"),
    ],
)
def test_link_prefers_doi_then_pubmed_then_url(studies, key, expected):
    assert studies.set_index("key").loc[key, "link"] == expected


def test_column_types_allow_missing_values(studies):
    assert str(studies["pmid"].dtype) == "Int64"
    assert str(studies["expansion_factor"].dtype) == "Float64"
    assert str(studies["added"].dtype).startswith("datetime64")
    assert studies["pmid"].isna().sum() == sum(
        "pmid" not in _raw(p.stem) for p in GOOD.glob("*.yaml")
    )


def test_default_folder_follows_rdaug_data_dir(tmp_path, monkeypatch):
    shutil.copytree(GOOD, tmp_path / "studies", ignore=shutil.ignore_patterns("*.md"))
    monkeypatch.setenv("RDAUG_DATA_DIR", str(tmp_path))

    assert len(load_studies()) == len(list(GOOD.glob("*.yaml")))


def test_invalid_files_raise_one_error_with_every_problem():
    with pytest.raises(StudyValidationError) as caught:
        load_studies([BAD])

    problems = caught.value.problems
    assert len({p.path for p in problems}) == len(list(BAD.iterdir()))
    assert problems == sorted(problems)
    assert str(caught.value).startswith(f"{len(problems)} problems in study files:")


def test_the_project_error_is_a_value_error():
    assert issubclass(StudyValidationError, ValueError)


def test_loading_logs_one_summary_line(caplog):
    with caplog.at_level(logging.INFO, logger="rdaug.loading"):
        frame = load_studies([GOOD])

    messages = [r.getMessage() for r in caplog.records if r.name == "rdaug.loading"]
    assert messages == [f"validated {len(frame)} studies in {display_path(GOOD)}"]


def test_markup_in_text_is_loaded_verbatim(tmp_path):
    record = _raw("fixture2019gan")
    record["title"] = '<script>alert("x")</script> & <i>GAN</i>'
    (tmp_path / "fixture2019gan.yaml").write_text(yaml.safe_dump(record))

    frame = load_studies([tmp_path])

    assert frame.loc[0, "title"] == record["title"]


def test_study_files_expands_folders_and_keeps_files(tmp_path):
    for name in ("b.yaml", "a.yaml", "c.yml", "notes.md"):
        (tmp_path / name).write_text("x: 1\n")

    files = study_files([tmp_path, tmp_path / "notes.md"])

    assert [f.name for f in files] == ["a.yaml", "b.yaml", "c.yml", "notes.md"]


def test_long_view_has_one_row_per_study_and_value(studies):
    tidy = long_view(studies, "data_type")
    expected = sum(len(_raw(p.stem)["data_type"]) for p in GOOD.glob("*.yaml"))

    assert len(tidy) == expected
    assert list(tidy.columns) == ["key", "year", "approach", "data_type"]


def test_long_view_refuses_a_column_that_is_not_a_list(studies):
    with pytest.raises(ValueError, match="not a list column"):
        long_view(studies, "title")


def test_techniques_long_keeps_family_of_each_technique(studies):
    tidy = techniques_long(studies)
    raw = [_raw(p.stem) for p in GOOD.glob("*.yaml")]
    expected = sum(len(m["techniques"]) for r in raw for m in r.get("methods", []))

    assert len(tidy) == expected
    both = tidy[tidy["key"] == "fixture2021both"]
    assert set(zip(both["method_family"], both["technique"], strict=True)) == {
        ("classical augmentation", "flip"),
        ("classical augmentation", "rotation"),
        ("deep generative models", "diffusion model"),
    }


def test_the_benchmark_generates_valid_varied_studies(tmp_path):
    # scripts/bench_validate.py times the loader on generated files; they must stay
    # valid as the schema evolves, or the benchmark measures error reporting.
    spec = importlib.util.spec_from_file_location(
        "bench_validate", REPO_ROOT / "scripts" / "bench_validate.py"
    )
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    bench.write_studies(tmp_path, 200, seed=1)
    frame = load_studies([tmp_path])

    assert len(frame) == 200
    assert set(frame["approach"]) == {
        "data augmentation", "synthetic data generation", "both"
    }  # fmt: skip
    assert frame["expansion_factor"].notna().any()
    assert frame["expansion_factor"].isna().any()
