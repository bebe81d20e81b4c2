"""The dataset's versions, what each update changed, and how the dataset is credited."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import yaml
from rdaug import changelog, prisma
from rdaug.errors import ChangelogError
from rdaug.paths import REPO_ROOT


def studies_frame(rows):
    frame = pd.DataFrame(
        rows, columns=["key", "title", "year", "origin", "link", "added", "updated"]
    )
    frame["added"] = pd.to_datetime(frame["added"])
    frame["updated"] = pd.to_datetime(frame["updated"])
    return frame


def test_repository_changelog_is_valid_and_matches_the_citation_file():
    versions = changelog.load_changelog(REPO_ROOT / "data" / "changelog.yaml").versions
    cff = changelog.read_citation(REPO_ROOT / "CITATION.cff")
    assert str(cff["version"]) == versions[0].version
    assert str(cff["date-released"]) == str(versions[0].date)
    logs = {
        log.update
        for log in prisma.load_screening_logs(REPO_ROOT / "data" / "screening")
    }
    assert all(v.update in logs for v in versions if v.update)


def test_citation_file_names_the_books_repository_and_the_review():
    cff = changelog.read_citation(REPO_ROOT / "CITATION.cff")
    config = yaml.safe_load((REPO_ROOT / "_config.yml").read_text("utf-8"))
    assert cff["repository-code"] == config["repository"]["url"]
    assert cff["cff-version"] == "1.2.0"
    dois = [ref.get("doi") for ref in cff["references"]]
    assert "10.3390/medsci13040260" in dois


def test_citation_text_and_bibtex_come_from_the_file():
    cff = {
        "title": "A  living\nreview",
        "authors": [{"name": "The team"}, {"family-names": "Doe", "given-names": "J"}],
        "version": "2027.06",
        "date-released": dt.date(2027, 6, 30),
        "repository-code": "https://example.org/repo",
    }
    text = changelog.citation_text(cff)
    assert text == (
        "The team; Doe, J (2027). A living review, version 2027.06. "
        "https://example.org/repo"
    )
    bib = changelog.citation_bibtex(cff, key="k")
    assert bib.startswith("@misc{k,")
    assert "author = {{The team} and Doe, J}" in bib
    assert "version = {2027.06}" in bib


def test_changelog_errors_name_file_and_field(tmp_path):
    path = tmp_path / "changelog.yaml"
    path.write_text("versions:\n  - {version: '1.0', date: 2026-12-01, changes: []}\n")
    with pytest.raises(ChangelogError) as caught:
        changelog.load_changelog(path)
    message = str(caught.value)
    assert f"{path}: versions.0.version" in message
    assert f"{path}: versions.0.changes" in message

    path.write_text(
        "versions:\n"
        "  - {version: '2026.12', date: 2026-12-01, changes: [a]}\n"
        "  - {version: '2027.06', date: 2027-06-01, changes: [b]}\n"
    )
    with pytest.raises(ChangelogError, match="newest version first"):
        changelog.load_changelog(path)


def test_changes_are_assigned_to_the_update_whose_period_holds_the_date(tmp_path):
    logs = [
        prisma.ScreeningLog.model_validate(
            {
                "update": update,
                "kind": "living update",
                "label": update,
                "date": end,
                "period": {"start": start, "end": end},
                "search": {"date": "not recorded", "databases": "not recorded"},
            }
        )
        for update, start, end in (
            ("2026-12", "2026-12-01", "2026-12-31"),
            ("2027-06", "2027-01-01", "2027-06-30"),
        )
    ]
    studies = studies_frame(
        [
            ("a", "A", 2020, "original review", "https://doi.org/10.1/a",
             "2026-12-03", "2027-02-01"),
            ("b", "B", 2026, "living update", "https://doi.org/10.1/b",
             "2027-03-01", None),
            ("c", "C", 2027, "living update", "https://doi.org/10.1/c",
             "2027-07-02", None),
        ]
    )  # fmt: skip
    changes = changelog.study_changes(studies, logs)
    assigned = {
        (row["key"], row["change"]): row["update"] for _, row in changes.iterrows()
    }
    assert assigned == {
        ("a", "added"): "2026-12",
        ("a", "corrected"): "2027-06",
        ("b", "added"): "2027-06",
        ("c", "added"): changelog.SINCE_LAST,
    }
    assert changes["date"].tolist() == sorted(changes["date"], reverse=True)


def test_contributors_are_counted_from_the_study_files():
    studies = pd.DataFrame(
        {"contributor": ["Doe, Jane", "Roe, Max; Doe, Jane", None, " Roe, Max "]}
    )
    people = changelog.contributors(studies)
    assert people.to_dict("records") == [
        {"contributor": "Doe, Jane", "studies": 2},
        {"contributor": "Roe, Max", "studies": 2},
    ]
    assert changelog.contributors(pd.DataFrame({"contributor": [None]})).empty


def test_html_table_escapes_text_and_links_https_only():
    frame = pd.DataFrame(
        {
            "title": ['<script>alert("x")</script>', "plain & simple", "no link"],
            "link": [
                "https://doi.org/10.1/a?x=1&y=2",
                "javascript:alert(1)",
                None,
            ],
            "year": [2020, 2021, None],
        }
    )
    html = changelog.html_table(frame, link=("title", "link"), caption="<b>c</b>")
    assert "<script>" not in html and "<b>c</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert 'href="https://doi.org/10.1/a?x=1&amp;y=2"' in html
    assert "javascript:" not in html
    assert "<td>plain &amp; simple</td>" in html
    assert "<th>link</th>" not in html
