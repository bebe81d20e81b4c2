"""The ``rdaug`` command line: discovery, and the validate, new, export, stats and
schema commands, run in-process on fixture folders (and once on the real dataset)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from rdaug import cli, count_by
from rdaug.cli import build_parser, command_modules, main
from rdaug.commands.new import derive_key, fill_template, metadata_from_record
from rdaug.commands.schema import schema_text
from rdaug.loading import load_studies
from rdaug.paths import REPO_ROOT

GOOD = Path(__file__).parent / "good_studies"
RECORDS = GOOD / "records"
BIN = Path(sys.executable).parent


@pytest.fixture
def dataset(tmp_path, monkeypatch) -> Path:
    """A data folder holding copies of the fixture studies, as RDAUG_DATA_DIR."""
    studies = tmp_path / "data" / "studies"
    shutil.copytree(GOOD, studies, ignore=shutil.ignore_patterns("*.md", "records"))
    monkeypatch.setenv("RDAUG_DATA_DIR", str(tmp_path / "data"))
    return studies


# --- discovery ---------------------------------------------------------------------


def test_every_command_module_registers_its_own_subcommand():
    parser = build_parser()
    subparsers = next(
        a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
    )

    assert {"validate", "new", "export", "stats", "schema"} <= set(command_modules())
    assert set(subparsers.choices) == set(command_modules())
    for name, subparser in subparsers.choices.items():
        assert callable(subparser.get_default("func")), name


def test_a_broken_command_module_does_not_take_the_others_down(monkeypatch, capsys):
    monkeypatch.setattr(cli, "command_modules", lambda: ["validate", "nonexistent"])

    assert main(["nonexistent"]) == 1
    assert "rdaug nonexistent is unavailable" in capsys.readouterr().err
    assert main(["validate", "--alone", str(GOOD)]) == 0


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "validate" in capsys.readouterr().err


def test_unknown_command_is_a_usage_error():
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_python_dash_m_and_the_console_script_both_run():
    module = subprocess.run(
        [sys.executable, "-m", "rdaug", "validate", "--alone", str(GOOD)],
        capture_output=True,
        text=True,
        check=False,
    )
    script = subprocess.run(
        [str(BIN / "rdaug"), "--version"], capture_output=True, text=True, check=False
    )

    assert module.returncode == 0, module.stderr
    assert module.stdout.startswith("validated ")
    assert script.returncode == 0
    assert script.stdout.startswith("rdaug ")


def test_the_real_dataset_validates():
    # The one test that reads data/studies: the committed dataset must always pass.
    result = subprocess.run(
        [sys.executable, "-m", "rdaug", "validate"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
        env={
            k: v for k, v in __import__("os").environ.items() if k != "RDAUG_DATA_DIR"
        },
    )
    count = len(list((REPO_ROOT / "data" / "studies").glob("*.yaml")))

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"validated {count} studies in data/studies\n"


# --- validate ------------------------------------------------------------------------


def test_validate_defaults_to_the_data_folder(dataset, capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"validated {len(list(dataset.glob('*.yaml')))} studies in")


def test_validate_prints_path_field_message_and_a_summary(dataset, capsys):
    target = dataset / "fixture2019gan.yaml"
    target.write_text(target.read_text().replace("[imaging]", "[imageing]"))

    assert main(["validate"]) == 1
    captured = capsys.readouterr()
    (line,) = captured.out.splitlines()
    assert line.startswith(f"{target}: data_type[0]: 'imageing' is not a known")
    assert "did you mean 'imaging'?" in line
    assert captured.err.startswith("found 1 problem in 1 of ")


# --- new ---------------------------------------------------------------------------


def test_new_writes_a_valid_file_from_flags_and_prints_its_path(dataset, capsys):
    args = ["new", "--title", "Rare things: a GAN study", "--year", "2024"]
    args += ["--author", "Müller, Jörg", "--doi", "10.5555/new.one"]

    assert main(args) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == dataset / "muller2024rare.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert record["title"] == "Rare things: a GAN study"
    assert record["authors"] == ["Müller, Jörg"]
    assert record["provenance"]["added"] == dt.date.today()
    assert record["provenance"]["origin"] == "living update"
    assert main(["validate"]) == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server:")


def test_new_refuses_to_overwrite_an_existing_file(dataset, capsys):
    target = dataset / "fixture2019gan.yaml"
    before = target.read_bytes()

    code = main(["new", "--key", "fixture2019gan", "--title", "X", "--year", "2020"])

    assert code == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_new_writes_nothing_when_a_value_is_invalid(dataset, capsys):
    code = main(["new", "--title", "Bad", "--year", "2010", "--doi", "doi:10.1/x"])

    err = capsys.readouterr().err
    assert code == 1
    assert "year: 2010 is outside" in err
    assert "doi: 'doi:10.1/x' is not a DOI" in err
    assert "nothing written" in err
    assert sorted(dataset.glob("bad*")) == []


def test_new_sets_origin_from_a_review_reference(dataset, capsys):
    args = ["new", "--title", "Old study", "--year", "2019", "--pmid", "99000009"]
    assert main([*args, "--review-reference", "42"]) == 0

    record = yaml.safe_load(Path(capsys.readouterr().out.strip()).read_text())
    assert record["provenance"]["origin"] == "original review"
    assert record["provenance"]["review_reference"] == 42


def test_new_fills_from_a_stored_crossref_record(dataset, capsys):
    record_file = RECORDS / "crossref-s22155520.json"
    message = json.loads(record_file.read_text())["message"]

    assert main(["new", "--from-json", str(record_file)]) == 0
    path = Path(capsys.readouterr().out.strip())
    record = yaml.safe_load(path.read_text(encoding="utf-8"))

    assert path.name == "atteia2022boallcnn.yaml"
    assert record["title"] == message["title"][0]
    assert record["authors"] == [
        f"{a['family']}, {a['given']}" for a in message["author"]
    ]
    assert record["year"] == message["issued"]["date-parts"][0][0]
    assert record["venue"] == "Sensors 22(15):5520"
    assert record["doi"] == message["DOI"]
    assert record["provenance"]["source"] == f"https://doi.org/{message['DOI']}"


def test_flags_override_the_metadata_record(dataset, capsys):
    record_file = RECORDS / "crossref-s22155520.json"
    assert main(["new", "--from-json", str(record_file), "--year", "2023"]) == 0
    record = yaml.safe_load(Path(capsys.readouterr().out.strip()).read_text())
    assert record["year"] == 2023


def test_csl_record_markup_is_reduced_to_plain_text():
    item = json.loads((RECORDS / "csl-fixture-markup.json").read_text())

    found = metadata_from_record(item)

    assert found == {
        "title": "Fixture record: in silico cohorts & 18F imaging",
        "authors": ["Fixture, Ana", "Rare Disease Test Consortium"],
        "year": 2023,
        "venue": "Journal of Test Data 3:10-20",
        "doi": "10.5555/fixture.record.markup",
        "pmid": 99000003,
    }


def test_an_unreadable_record_is_an_error_not_a_crash(dataset, tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")

    assert main(["new", "--from-json", str(broken)]) == 1
    assert "cannot read the record" in capsys.readouterr().err
    assert main(["new", "--from-json", str(tmp_path / "absent.json")]) == 1


@pytest.mark.parametrize(
    ("title", "authors", "year", "key"),
    [
        ("The GAN of Rare Things", ["Ünal, Ayşe"], 2021, "unal2021gan"),
        ("On synthetic data", [], 2020, "synthetic2020data"),
        ("A study", ["O'Brien, Pat"], 2019, "obrien2019study"),
        ("Only", [], 2019, "only2019"),
        ("", ["Smith, A."], 2019, None),
        ("Title", ["Smith, A."], None, None),
    ],
)
def test_derived_keys_follow_the_convention(title, authors, year, key):
    assert derive_key(title, authors, year) == key


def test_fill_template_replaces_values_and_keeps_comments():
    template = "# about key\nkey:\nprovenance:\n  # why\n  added:\n  origin: x\n"

    filled = fill_template(
        template, {"key": "abc2020x", "provenance.added": dt.date(2025, 1, 2)}
    )

    assert filled == (
        "# about key\nkey: abc2020x\nprovenance:\n  # why\n  added: 2025-01-02\n"
        "  origin: x\n"
    )


# --- export, stats, schema -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json", "bibtex"])
def test_export_writes_every_study(dataset, tmp_path, capsys, fmt):
    out = tmp_path / f"studies.{fmt}"

    assert main(["export", "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    keys = sorted(p.stem for p in dataset.glob("*.yaml"))
    assert all(key in text for key in keys)
    assert f"wrote {len(keys)} studies as {fmt}" in capsys.readouterr().out


def test_export_to_stdout(dataset, capsys):
    assert main(["export", "-f", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(list(dataset.glob("*.yaml")))


def test_export_refuses_an_invalid_dataset(dataset, tmp_path, capsys):
    (dataset / "empty.yaml").write_text("")
    out = tmp_path / "x.csv"

    assert main(["export", "-f", "csv", "-o", str(out)]) == 1
    assert "empty.yaml: <file>: is empty" in capsys.readouterr().err
    assert not out.exists()


def test_stats_summarises_the_dataset(dataset, capsys):
    studies = load_studies([dataset])

    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    years = f"{studies['year'].min()}-{studies['year'].max()}"
    assert f"{len(studies)} studies, published {years}" in out
    origins = studies["origin"].value_counts()
    for origin, count in origins.items():
        assert f"{origin} {count} (" in out
    top = count_by(studies, "data_type", all_terms=False).iloc[0]
    assert f"top data types: {top['data_type']} {top['studies']} (" in out
    missing = int(studies["approach"].isna().sum())
    assert missing == 1
    assert "1 study names no method family yet" in out


def test_schema_writes_and_checks_the_file(tmp_path, capsys):
    target = tmp_path / "study.schema.json"

    assert main(["schema", "--check", "-o", str(target)]) == 1
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    assert main(["schema", "--check", "-o", str(target)]) == 0
    target.write_text("{}\n")
    assert main(["schema", "--check", "-o", str(target)]) == 1


@pytest.mark.parametrize(
    "value",
    ["a # b", "x: y", "- item", "yes", "2020", "null", "", "it's", "tab\there",
     "<script>alert(1)</script>", ["Family, Given", "c"], 10**20],
)  # fmt: skip
def test_filled_values_read_back_exactly(value):
    filled = fill_template("# note\ntitle:\n", {"title": value})

    assert yaml.safe_load(filled) == {"title": value}


# --- the contribution path ---------------------------------------------------------


def test_ci_runs_make_test_on_every_pull_request_with_python_311():
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/ci.yml").read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as True
    (job,) = workflow["jobs"].values()
    setup = next(s for s in job["steps"] if "setup-python" in s.get("uses", ""))

    assert "pull_request" in triggers
    assert job["runs-on"].startswith("ubuntu")
    assert setup["with"]["python-version"] == "3.11"
    assert [s["run"] for s in job["steps"] if "make" in s.get("run", "")] == [
        "make test"
    ]


def test_pre_commit_runs_ruff_and_the_validator():
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}

    assert {"ruff-check", "ruff-format", "rdaug-validate"} <= set(hooks)
    assert hooks["rdaug-validate"]["entry"].endswith("rdaug validate")
    constraints = (REPO_ROOT / "constraints.txt").read_text().splitlines()
    ruff_pin = next(line for line in constraints if line.startswith("ruff=="))
    ruff_repo = next(r for r in config["repos"] if "ruff" in r["repo"])
    assert ruff_repo["rev"] == "v" + ruff_pin.removeprefix("ruff==")


def test_the_study_suggestion_form_asks_for_an_identifier():
    form = yaml.safe_load(
        (REPO_ROOT / ".github/ISSUE_TEMPLATE/suggest-a-study.yml").read_text()
    )
    required = [
        item["id"]
        for item in form["body"]
        if item.get("validations", {}).get("required")
    ]

    assert {"name", "description", "body"} <= set(form)
    assert "identifier" in required
