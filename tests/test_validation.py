"""The validator against the bad study files of tests/bad_studies and the good ones.

Each bad file must produce exactly the problems listed for it in
tests/bad_studies/expected.yaml, `rdaug validate` must exit 1 naming file and field,
and no file may change while it is checked.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from rdaug.cli import main
from rdaug.loading import check_files, study_files
from rdaug.validation import check_document, normalised_title, read_yaml

HERE = Path(__file__).parent
BAD = HERE / "bad_studies"  # studies/ holds the files, expected.yaml their problems
GOOD = HERE / "good_studies"
EXPECTED: dict[str, list[str]] = yaml.safe_load(
    (BAD / "expected.yaml").read_text(encoding="utf-8")
)
# Files whose problem needs a partner file in the same run.
PARTNERS = {
    "duplicate-doi-a.yaml": "duplicate-doi-b.yaml",
    "duplicate-doi-b.yaml": "duplicate-doi-a.yaml",
    "duplicate-title-a.yaml": "duplicate-title-b.yaml",
    "duplicate-title-b.yaml": "duplicate-title-a.yaml",
}
NOT_UTF8 = "key: not-utf8\ntitle: Caf\u00e9 study\n".encode("latin-1")


@pytest.fixture
def bad_copy(tmp_path, monkeypatch) -> Path:
    """Copy the bad files to tests/bad_studies/studies under a temporary folder.

    Messages name files relative to the working folder, so they read
    tests/bad_studies/studies/<file> as in expected.yaml; the non-UTF-8 file is
    written here.
    """
    folder = tmp_path / "tests" / "bad_studies" / "studies"
    shutil.copytree(BAD / "studies", folder)
    (folder / "not-utf8.yaml").write_bytes(NOT_UTF8)
    monkeypatch.chdir(tmp_path)
    return Path("tests/bad_studies/studies")


def _problems_by_file(output: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in output.splitlines():
        path, _, rest = line.partition(": ")
        found.setdefault(Path(path).name, []).append(rest)
    return found


def _digests(*folders: Path) -> dict[Path, tuple[str, int]]:
    return {
        path: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_every_bad_file_reports_exactly_its_expected_problems(bad_copy, capsys):
    code = main(["validate", "--alone", str(bad_copy)])
    output = capsys.readouterr().out

    assert code == 1
    found = _problems_by_file(output)
    assert set(EXPECTED) == {p.name for p in bad_copy.iterdir()}
    assert set(found) == set(EXPECTED)
    for name, fragments in EXPECTED.items():
        assert len(found[name]) == len(fragments), (name, found[name])
        for fragment in fragments:
            assert any(fragment in problem for problem in found[name]), (
                name,
                fragment,
                found[name],
            )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_alone_exits_1_naming_file_and_field(bad_copy, capsys, name):
    paths = [bad_copy / name]
    if name in PARTNERS:
        paths.append(bad_copy / PARTNERS[name])

    code = main(["validate", "--alone", *map(str, paths)])
    lines = capsys.readouterr().out.splitlines()

    assert code == 1
    mine = [line for line in lines if line.startswith(f"{bad_copy / name}: ")]
    assert len(mine) == len(EXPECTED[name])
    for fragment in EXPECTED[name]:
        field = fragment.split(": ")[0]
        assert any(line.startswith(f"{bad_copy / name}: {field}: ") for line in mine)


def test_the_validator_never_modifies_a_file(bad_copy, capsys):
    before = _digests(bad_copy, GOOD)

    assert main(["validate", "--alone", str(bad_copy)]) == 1
    assert main(["validate", "--alone", str(GOOD)]) == 0
    for path in sorted(bad_copy.iterdir()):
        main(["validate", "--alone", str(path)])

    assert _digests(bad_copy, GOOD) == before


def test_good_fixture_studies_validate(capsys):
    code = main(["validate", "--alone", str(GOOD)])
    output = capsys.readouterr().out

    assert code == 0
    count = len(list(GOOD.glob("*.yaml")))
    assert output.strip().startswith(f"validated {count} studies in ")


@pytest.fixture
def dataset(tmp_path, monkeypatch) -> Path:
    """A data folder whose studies are the good fixtures (RDAUG_DATA_DIR)."""
    shutil.copytree(GOOD, tmp_path / "data" / "studies", ignore=_only_yaml)
    monkeypatch.setenv("RDAUG_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "studies"


def _only_yaml(folder, names):
    return [n for n in names if not n.endswith(".yaml")]


def _new_study_like(dataset: Path, tmp_path: Path, key: str, **changes) -> Path:
    record = yaml.safe_load((dataset / "fixture2021both.yaml").read_text())
    record.update(key=key, title=f"A new contribution called {key}", **changes)
    path = tmp_path / f"{key}.yaml"
    path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    return path


def test_a_new_file_is_checked_against_the_whole_dataset(dataset, tmp_path, capsys):
    path = _new_study_like(
        dataset, tmp_path, "newcomer2021flips", doi="10.5555/FIXTURE.2019.GAN"
    )

    code = main(["validate", str(path)])
    lines = capsys.readouterr().out.splitlines()

    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}: doi: same doi as ")
    assert lines[0].endswith("fixture2019gan.yaml")


def test_alone_skips_the_dataset_comparison(dataset, tmp_path, capsys):
    path = _new_study_like(
        dataset, tmp_path, "newcomer2021flips", doi="10.5555/fixture.2019.gan"
    )

    assert main(["validate", "--alone", str(path)]) == 0


def test_a_file_of_the_dataset_is_not_its_own_duplicate(dataset, capsys):
    code = main(["validate", str(dataset / "fixture2021both.yaml")])

    assert code == 0
    assert "validated 1 study in" in capsys.readouterr().out


def test_problems_of_other_dataset_files_are_not_reported(dataset, tmp_path, capsys):
    (dataset / "broken.yaml").write_text("key: [\n", encoding="utf-8")
    path = _new_study_like(dataset, tmp_path, "newcomer2021flips", doi="10.5555/new")

    assert main(["validate", str(path)]) == 0
    assert main(["validate"]) == 1
    assert "broken.yaml: <file>: YAML syntax error" in capsys.readouterr().out


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path, capsys):
    code = main(["validate", "--alone", str(tmp_path / "absent.yaml")])

    assert code == 1
    assert "absent.yaml: <file>: does not exist" in capsys.readouterr().out


def test_an_empty_folder_is_not_called_valid(tmp_path, capsys):
    assert main(["validate", "--alone", str(tmp_path)]) == 1
    assert "no study files in" in capsys.readouterr().err


def test_whitespace_only_file_counts_as_empty(tmp_path):
    path = tmp_path / "blank2020file.yaml"
    path.write_text("  \n\n", encoding="utf-8")

    document, problems = read_yaml(path, "blank")

    assert document is None
    assert [p.message for p in problems] == ["is empty; copy data/study-template.yaml"]


def test_merge_keys_and_aliases_are_read_like_plain_yaml(tmp_path):
    path = tmp_path / "anchors.yaml"
    path.write_text(
        "base: &base {unit: images}\nbefore: {<<: *base, value: 3}\nalso: *base\n",
        encoding="utf-8",
    )

    document, problems = read_yaml(path, "anchors")

    assert problems == []
    assert document == {
        "base": {"unit": "images"},
        "before": {"unit": "images", "value": 3},
        "also": {"unit": "images"},
    }


def test_an_alias_bomb_is_reported_without_expanding_it(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    lines.append("authors: *a11")
    path = tmp_path / "bomb2020laughs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    checked, problems = check_files([path])

    assert checked == []
    assert any(p.field == "a0" for p in problems)
    assert all(len(p.message) < 1000 for p in problems)


def test_duplicate_key_inside_a_nested_mapping_names_both_lines(tmp_path):
    path = tmp_path / "nested2020dup.yaml"
    path.write_text(
        "provenance:\n  origin: living update\n  origin: original review\n",
        encoding="utf-8",
    )

    _, problems = read_yaml(path, "nested")

    assert len(problems) == 1
    assert "line 3" in problems[0].message
    assert "found key 'origin' twice (first on line 2)" in problems[0].message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Deep Learning, for ALS!", "deep learning for als"),
        ("GAN-based synthesis", "GAN based  synthesis"),
    ],
)
def test_titles_that_differ_only_in_case_and_punctuation_are_duplicates(first, second):
    assert normalised_title(first) == normalised_title(second)


def test_titles_with_different_words_are_not_duplicates():
    assert normalised_title("GAN for ALS") != normalised_title("GAN for SMA")


def test_one_disease_name_with_two_orpha_codes_is_reported(tmp_path):
    for key, code in (("orpha2020first", 586), ("orpha2021second", 587)):
        record = yaml.safe_load((GOOD / "fixture2024unknown.yaml").read_text())
        record.update(key=key, title=f"Title {key}", doi=f"10.5555/{key}")
        record["diseases"][0]["orpha"] = code
        (tmp_path / f"{key}.yaml").write_text(yaml.safe_dump(record))

    _, problems = check_files(study_files([tmp_path]))

    assert {p.field for p in problems} == {"diseases"}
    assert len(problems) == 2
    assert "'cystic fibrosis' has more than one ORPHA code" in problems[0].message


def test_cross_field_checks_still_run_beside_a_field_error_in_the_same_record():
    record = yaml.safe_load((GOOD / "fixture2021both.yaml").read_text())
    record["data_size"] = {
        "before": {"value": 100, "unit": "slides"},
        "after": {"value": 10, "unit": "slides"},
        "note": "   ",
    }
    record["provenance"].update(extraction="abstrct", review_reference=3)
    record["methods"][0]["detail"] = ""
    record["methods"][0]["techniques"].append("SMOTE")

    _, problems = check_document(record, "f.yaml", "fixture2021both")

    expected = [
        ("data_size", "after (10 slides) is below before (100 slides)"),
        ("data_size.note", "must not be blank"),
        ("methods[0]", "techniques must belong to 'classical augmentation': 'SMOTE'"),
        ("methods[0].detail", "must not be blank"),
        ("provenance", "review_reference is only for origin 'original review'"),
        ("provenance.extraction", "'abstrct' is not a known extraction level"),
    ]
    assert len(problems) == len(expected)
    for (field, start), problem in zip(expected, sorted(problems), strict=True):
        assert (problem.field, problem.message[: len(start)]) == (field, start)


def test_the_loader_has_no_path_resolvers_its_shortcut_would_ignore():
    from rdaug.validation import _StrictLoader

    assert not _StrictLoader.yaml_path_resolvers
