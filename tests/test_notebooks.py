"""Every notebook of the book runs from a clean kernel, three ways.

1. papermill with its defaults, or with the small-run parameters of
   ``tests/notebook_params/<stem>.yaml`` when its owner wrote one;
2. papermill on the tiny fixture dataset ``tests/fixtures/studies``, for every
   notebook that takes a ``data_dir`` parameter;
3. nbval in strict mode: the notebook run of (1) is executed again and every output
   must match, apart from the random ids listed in ``nbval_sanitize.cfg``.

Notebooks are MyST markdown; jupytext converts them to notebooks first (papermill
and nbval read ``.ipynb`` only). Errors in any cell fail the test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jupytext
import papermill
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.md"))
FIXTURE_STUDIES = REPO / "tests" / "fixtures" / "studies"
PARAMS = REPO / "tests" / "notebook_params"
SANITIZE = REPO / "nbval_sanitize.cfg"


def small_parameters(stem: str) -> dict:
    path = PARAMS / f"{stem}.yaml"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def parameters_cell(notebook) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "code":
            tags = cell.metadata.get("tags", [])
            assert "parameters" in tags, "the first code cell must be tagged parameters"
            return cell.source
    raise AssertionError("the notebook has no code cell")


def run(notebook_path: Path, output: Path, parameters: dict):
    notebook = jupytext.read(notebook_path)
    return papermill.execute_notebook(
        notebook,
        str(output),
        parameters=parameters,
        cwd=str(notebook_path.parent),
        kernel_name="python3",
        progress_bar=False,
    )


def errors_in(notebook) -> list[str]:
    return [
        f"{output.get('ename')}: {output.get('evalue')}"
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


ids = [p.stem for p in NOTEBOOKS]


@pytest.mark.slow
@pytest.mark.parametrize("notebook_path", NOTEBOOKS, ids=ids)
def test_runs_with_defaults_and_passes_nbval(notebook_path, tmp_path):
    notebook = jupytext.read(notebook_path)
    parameters_cell(notebook)
    executed_path = tmp_path / f"{notebook_path.stem}.ipynb"

    executed = run(notebook_path, executed_path, small_parameters(notebook_path.stem))
    assert not errors_in(executed)
    assert any(cell.get("outputs") for cell in executed.cells), "no output at all"

    # nbval runs the stored notebook again in its own folder; it must import the same
    # way and find the same relative paths, so it runs next to the source notebook.
    beside_source = notebook_path.parent / f".nbval_{notebook_path.stem}.ipynb"
    beside_source.write_text(executed_path.read_text(encoding="utf-8"), "utf-8")
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--nbval",
                "--nbval-sanitize-with",
                str(SANITIZE),
                "--nbval-cell-timeout",
                "600",
                str(beside_source),
            ],
            cwd=notebook_path.parent,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        beside_source.unlink()
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def takes_data_dir(notebook_path: Path) -> bool:
    code = [c for c in jupytext.read(notebook_path).cells if c.cell_type == "code"]
    return bool(code) and "data_dir" in code[0].source


DATA_NOTEBOOKS = [p for p in NOTEBOOKS if takes_data_dir(p)]
# Notebooks whose outputs list studies (in chart tooltips or tables).
SHOWS_STUDIES = {
    "results_temporal",
    "results_focus",
    "results_diseases",
    "results_data",
    "results_methods",
    "explorer",
}


@pytest.mark.parametrize(
    "notebook_path", DATA_NOTEBOOKS, ids=[p.stem for p in DATA_NOTEBOOKS]
)
def test_runs_on_fixture_dataset(notebook_path, tmp_path):
    output = tmp_path / f"{notebook_path.stem}.ipynb"
    executed = run(notebook_path, output, {"data_dir": str(FIXTURE_STUDIES)})
    assert not errors_in(executed)
    if notebook_path.stem in SHOWS_STUDIES:
        # The run used the fixture: its (made-up) titles reach the outputs.
        assert "Fixture study" in output.read_text(encoding="utf-8")


def test_results_notebooks_take_a_data_path():
    stems = {p.stem for p in DATA_NOTEBOOKS}
    expected = {
        "results_temporal",
        "results_focus",
        "results_diseases",
        "results_data",
        "results_methods",
    }
    assert expected <= stems


def _glued(notebook, name):
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            record = output.get("metadata", {}).get("scrapbook", {})
            if record.get("name") == name:
                return output["data"][record["mime_prefix"] + "text/plain"]
    raise KeyError(name)


def test_fixture_counts_reach_the_prose(tmp_path):
    """The glued numbers are computed from the data given, not typed."""
    notebook_path = REPO / "notebooks" / "results_temporal.md"
    executed = run(
        notebook_path, tmp_path / "t.ipynb", {"data_dir": str(FIXTURE_STUDIES)}
    )
    n_files = len(list(FIXTURE_STUDIES.glob("*.yaml")))
    assert _glued(executed, "n_studies") == str(n_files)
    years = sorted(
        yaml.safe_load(p.read_text(encoding="utf-8"))["year"]
        for p in FIXTURE_STUDIES.glob("*.yaml")
    )
    assert _glued(executed, "first_year") == str(years[0])
    assert _glued(executed, "last_year") == str(years[-1])


def test_explorer_escapes_study_text(tmp_path):
    """A title holding a script element reaches the page as text, never as markup."""
    notebook_path = REPO / "notebooks" / "explorer.md"
    run(notebook_path, tmp_path / "e.ipynb", {"data_dir": str(FIXTURE_STUDIES)})
    outputs = json.loads((tmp_path / "e.ipynb").read_text(encoding="utf-8"))
    html = "".join(
        "".join(output.get("data", {}).get("text/html", ""))
        for cell in outputs["cells"]
        for output in cell.get("outputs", [])
    )
    assert "alert(&#x27;not markup&#x27;)" in html or "alert(&#39;not markup" in html
    assert "<script>alert('not markup')" not in html
    assert 'href="https://doi.org/10.9999/fixture.delta"' in html
