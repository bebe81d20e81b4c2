"""Exports of the dataset: CSV and JSON that read back unchanged, and BibTeX that any
title survives, with contributed markup kept as text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
import yaml
from pybtex.database import parse_string
from pybtex.richtext import Text
from rdaug import load_studies
from rdaug.export import (
    NESTED_COLUMNS,
    bibtex_escape,
    read_csv,
    records,
    to_bibtex,
    to_csv,
    to_json,
)

GOOD = Path(__file__).parent / "good_studies"
NASTY_TITLE = (
    '<script>alert("x")</script> 50% of {GANs} & $5 #1 under_score ~tilde '
    'back\\slash, commas; semicolons and "quotes" – ünïcode ^caret'
)
NASTY_AUTHORS = ["Müller-Lüdenscheidt, Jörg", "R&D and Co. Consortium", "O'Brien, P."]


@pytest.fixture(scope="module")
def studies(tmp_path_factory) -> pd.DataFrame:
    """The fixture studies plus one whose text is full of special characters."""
    folder = tmp_path_factory.mktemp("studies")
    for path in GOOD.glob("*.yaml"):
        (folder / path.name).write_bytes(path.read_bytes())
    record = yaml.safe_load((GOOD / "fixture2019gan.yaml").read_text())
    record.update(
        key="nasty2020title",
        title=NASTY_TITLE,
        authors=NASTY_AUTHORS,
        doi="10.5555/(SICI)1097-0258{x}",
        venue="J. Test & Data 5(2):1-2",
    )
    (folder / "nasty2020title.yaml").write_text(
        yaml.safe_dump(record, allow_unicode=True), encoding="utf-8"
    )
    return load_studies([folder])


def test_records_are_plain_python(studies):
    rows = records(studies)

    assert len(rows) == len(studies)
    for row in rows:
        json.dumps(row)  # raises on numpy scalars, NA or timestamps
        assert all(isinstance(row[c], list) for c in NESTED_COLUMNS)
    nasty = next(r for r in rows if r["key"] == "nasty2020title")
    assert nasty["title"] == NASTY_TITLE
    assert nasty["added"] == "2025-01-15"


def test_json_reads_back_as_the_records(studies):
    assert json.loads(to_json(studies)) == records(studies)


def test_csv_reads_back_as_the_records(studies):
    assert read_csv(to_csv(studies)) == records(studies)


def test_csv_has_one_row_per_study_and_lists_as_json_arrays(studies):
    rows = list(csv.DictReader(io.StringIO(to_csv(studies))))

    assert [r["key"] for r in rows] == list(studies["key"])
    nasty = next(r for r in rows if r["key"] == "nasty2020title")
    assert json.loads(nasty["authors"]) == NASTY_AUTHORS
    assert nasty["title"] == NASTY_TITLE
    assert nasty["pmid"] == ""


def _bib_entries(studies):
    return parse_string(to_bibtex(studies), "bibtex").entries


def test_bibtex_has_one_entry_per_study_keyed_by_study_key(studies):
    entries = _bib_entries(studies)

    assert list(entries) == list(studies["key"])
    gan = entries["fixture2019gan"]
    row = studies.set_index("key").loc["fixture2019gan"]
    assert gan.type == "article"
    assert gan.fields["year"] == str(row["year"])
    assert gan.fields["doi"] == row["doi"]
    assert gan.fields["url"] == row["link"]
    assert [str(p) for p in gan.persons["author"]] == list(row["authors"])
    unknown = entries["fixture2024unknown"]
    assert unknown.type == "misc"
    assert "author" not in unknown.persons


def test_bibtex_title_renders_back_to_the_original_text(studies):
    entry = _bib_entries(studies)["nasty2020title"]
    # pybtex prints four LaTeX escapes by name (see bibtex_escape's Notes).
    pybtex_gaps = {
        "\\textbraceleft ": "{",
        "\\textbraceright ": "}",
        "\\textasciicircum ": "^",
        "\\$": "$",
    }

    rendered = Text.from_latex(entry.fields["title"]).render_as("text")
    for printed, meant in pybtex_gaps.items():
        rendered = rendered.replace(printed, meant)

    assert rendered == NASTY_TITLE


def test_bibtex_html_rendering_escapes_contributed_markup(studies):
    entry = _bib_entries(studies)["nasty2020title"]

    html = Text.from_latex(entry.fields["title"]).render_as("html")

    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_bibtex_keeps_a_consortium_whole_and_splits_people(studies):
    entry = _bib_entries(studies)["nasty2020title"]
    persons = entry.persons["author"]

    assert len(persons) == len(NASTY_AUTHORS)
    assert persons[1].last_names == ["{R\\&D and Co. Consortium}"]
    assert persons[0].last_names == ["Müller-Lüdenscheidt"]


@pytest.mark.parametrize(
    "title",
    ["{", "}", "}{", "a } b { c", "\\", "\\}", "%", "@article{x,", "\n}\n@misc{y,"],
)
def test_no_title_can_break_the_bibtex(title):
    study = {"key": "k2020x", "title": title, "year": 2020, "authors": []}

    entries = parse_string(to_bibtex([study]), "bibtex").entries

    assert list(entries) == ["k2020x"]
    assert set(entries["k2020x"].fields) == {"title", "year"}


def test_bibtex_escape_leaves_plain_text_alone():
    assert bibtex_escape("Deep learning for ALS: a study") == (
        "Deep learning for ALS: a study"
    )
    assert bibtex_escape("a\nb  c") == "a b c"
