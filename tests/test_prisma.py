"""PRISMA 2020 counts from screening logs, and the flow diagram drawn from them."""

from __future__ import annotations

import json
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rdaug import prisma
from rdaug.errors import ScreeningLogError
from rdaug.paths import REPO_ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "screening"
SVG = "{http://www.w3.org/2000/svg}"

ORIGINAL_LOG = {
    "update": "2025-11",
    "kind": "original review",
    "label": "Original review",
    "date": "2025-11-06",
    "search": {"date": "not reported", "databases": ["PubMed", "Scopus"]},
    "counts": {"new_studies": 5},
}


def studies_frame(rows):
    """A frame with the three columns prisma_counts reads from load_studies."""
    frame = pd.DataFrame(rows, columns=["key", "origin", "added"])
    frame["added"] = pd.to_datetime(frame["added"])
    return frame


def write_logs(folder: Path, *logs: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for log in logs:
        (folder / f"{log['update']}.yaml").write_text(yaml.safe_dump(log), "utf-8")
    return folder


def full_log(update, start, end, *, duplicates, excluded_ta, not_retrieved,
             excluded_ft, included, results):  # fmt: skip
    """A living-update log that records every decision, built from the counts."""
    decisions = []
    decisions += [
        {"record": f"pmid:{i}", "decision": "duplicate"} for i in range(duplicates)
    ]
    decisions += [
        {
            "record": f"pmid:{100 + i}",
            "stage": "title-abstract",
            "decision": "excluded",
            "reason": "not a rare disease",
        }
        for i in range(excluded_ta)
    ]
    decisions += [
        {
            "record": f"pmid:{200 + i}",
            "stage": "full-text",
            "decision": "excluded",
            "reason": "full text unavailable",
        }
        for i in range(not_retrieved)
    ]
    for reason, n in excluded_ft.items():
        decisions += [
            {
                "record": f"doi:10.1/{reason[:3]}{i}",
                "stage": "full-text",
                "decision": "excluded",
                "reason": reason,
            }
            for i in range(n)
        ]
    decisions += [
        {"record": f"pmid:{300 + i}", "decision": "included", "study": key}
        for i, key in enumerate(included)
    ]
    return {
        "update": update,
        "kind": "living update",
        "label": f"Update {update}",
        "date": end,
        "period": {"start": start, "end": end},
        "search": {
            "date": end,
            "databases": list(results),
            "results": results,
        },
        "decisions": decisions,
    }


# --------------------------------------------------------------------- the real data


def test_repository_logs_give_the_reviews_118_and_unknowns_in_words():
    studies = studies_frame(
        [
            ("a2020", "original review", "2026-12-03"),
            ("b2024", "living update", "2026-12-03"),
            ("c2025", "living update", "2026-12-03"),
        ]
    )
    counts = prisma.prisma_counts(studies, REPO_ROOT / "data" / "screening")

    original, update = counts.arms
    assert original.kind == "original review"
    assert original.counts["new_studies"] == 118
    assert original.counts["database_results"] == prisma.NOT_REPORTED
    assert original.databases == ("PubMed", "Scopus", "IEEE Xplore")
    assert original.studies_in_dataset == 1
    assert update.counts["previous_studies"] == 118
    assert update.counts["new_studies"] == 2
    assert update.counts["total_studies"] == 120
    assert update.counts["records_screened"] == prisma.NOT_RECORDED
    assert update.dbr_excluded_reasons == prisma.NOT_RECORDED
    assert counts.total["records_screened"] == prisma.INCOMPLETE
    assert counts.total["total_studies"] == 120


def test_third_party_figure_is_kept_apart_and_never_drawn():
    logs = prisma.load_screening_logs(REPO_ROOT / "data" / "screening")
    figure = logs[0].unconfirmed_figures[0]
    assert figure.value == 2864
    assert all(source.startswith("https://") for source in figure.sources)

    counts = prisma.prisma_counts(studies_frame([]), REPO_ROOT / "data" / "screening")
    assert 2864 not in counts.arms[0].counts.values()
    svg = prisma.flow_diagram_svg(counts)
    assert "2864" not in svg and "2,864" not in svg
    # The logs' notes (why counts are unknown) are printed under each arm.
    shown = " ".join(
        "".join(n.itertext()) for n in ET.fromstring(svg).iter(f"{SVG}text")
    ).split()
    for arm in counts.arms:
        assert arm.notes and all(word in shown for word in arm.notes.split())


# ---------------------------------------------------------------- full counts


def test_full_log_counts_every_prisma_box(tmp_path):
    results = {"PubMed": 31, "Scopus": 12, "IEEE Xplore": 4}
    excluded_ft = {"no augmentation or synthesis": 3, "not primary research": 2}
    log = full_log(
        "2027-06",
        "2027-01-01",
        "2027-06-30",
        duplicates=6,
        excluded_ta=20,
        not_retrieved=1,
        excluded_ft=excluded_ft,
        included=["new2027a", "new2027b"],
        results=results,
    )
    folder = write_logs(tmp_path / "screening", ORIGINAL_LOG, log)
    studies = studies_frame(
        [
            ("old2020", "original review", "2026-12-03"),
            ("new2027a", "living update", "2027-02-01"),
            ("new2027b", "living update", "2027-06-30"),
        ]
    )

    counts = prisma.prisma_counts(studies, folder)
    arm = counts.arm("2027-06")

    screened = 20 + 1 + 5 + 2
    assert arm.counts["database_results"] == sum(results.values())
    assert arm.database_specific_results == results
    assert arm.counts["duplicates"] == 6
    assert arm.counts["records_screened"] == screened
    assert arm.counts["records_excluded"] == 20
    assert arm.counts["dbr_sought_reports"] == 1 + 5 + 2
    assert arm.counts["dbr_notretrieved_reports"] == 1
    assert arm.counts["dbr_assessed"] == 5 + 2
    assert arm.counts["dbr_excluded"] == 5
    assert arm.dbr_excluded_reasons == excluded_ft
    assert arm.counts["previous_studies"] == 5
    assert arm.counts["new_studies"] == 2
    assert arm.counts["total_studies"] == 7


def test_totals_sum_arms_only_when_every_arm_has_the_count(tmp_path):
    first = full_log(
        "2027-06", "2027-01-01", "2027-06-30", duplicates=2, excluded_ta=4,
        not_retrieved=0, excluded_ft={"other": 1}, included=["p"],
        results={"PubMed": 9},
    )  # fmt: skip
    second = full_log(
        "2027-12", "2027-07-01", "2027-12-31", duplicates=1, excluded_ta=3,
        not_retrieved=0, excluded_ft={"other": 2, "not in English": 1}, included=["q"],
        results={"PubMed": 8},
    )  # fmt: skip
    studies = studies_frame(
        [("p", "living update", "2027-03-01"), ("q", "living update", "2027-08-01")]
    )
    counts = prisma.prisma_counts(studies, write_logs(tmp_path, first, second))

    assert counts.total["database_results"] == 17
    assert counts.total["records_excluded"] == 7
    assert counts.total_dbr_excluded_reasons == {"not in English": 1, "other": 3}
    assert counts.arm("2027-12").counts["previous_studies"] == 1
    assert counts.total["total_studies"] == 2

    with_original = prisma.prisma_counts(
        studies, write_logs(tmp_path, ORIGINAL_LOG, first, second)
    )
    assert with_original.total["database_results"] == prisma.INCOMPLETE
    assert with_original.total["total_studies"] == 7
    frame = with_original.as_frame()
    assert list(frame.columns) == ["2025-11", "2027-06", "2027-12", "total"]
    assert frame.loc["new_studies", "total"] == 7


def test_stated_counts_fill_boxes_an_update_did_not_log(tmp_path):
    log = {
        "update": "2027-06",
        "kind": "living update",
        "label": "Counts only",
        "date": "2027-06-30",
        "period": {"start": "2027-01-01", "end": "2027-06-30"},
        "search": {"date": "2027-06-01", "databases": ["PubMed"]},
        "counts": {
            "database_results": 40,
            "records_screened": 35,
            "dbr_excluded": {"not a rare disease": 4},
        },
    }
    counts = prisma.prisma_counts(studies_frame([]), write_logs(tmp_path, log))
    arm = counts.arms[0]
    assert arm.counts["database_results"] == 40
    assert arm.counts["records_screened"] == 35
    assert arm.counts["dbr_excluded"] == 4
    assert arm.counts["duplicates"] == prisma.NOT_RECORDED
    assert arm.counts["new_studies"] == 0


def test_studies_outside_every_period_are_pending(tmp_path):
    log = full_log(
        "2027-06", "2027-01-01", "2027-06-30", duplicates=0, excluded_ta=0,
        not_retrieved=0, excluded_ft={}, included=["inside"], results={"PubMed": 1},
    )  # fmt: skip
    studies = studies_frame(
        [
            ("inside", "living update", "2027-06-30"),
            ("later", "living update", "2027-07-01"),
        ]
    )
    counts = prisma.prisma_counts(studies, write_logs(tmp_path, log))
    assert counts.pending == ("later",)
    assert counts.arms[0].counts["new_studies"] == 1


def test_included_decisions_that_disagree_with_study_files_warn(tmp_path):
    log = full_log(
        "2027-06", "2027-01-01", "2027-06-30", duplicates=0, excluded_ta=0,
        not_retrieved=0, excluded_ft={}, included=["named", "ghost"],
        results={"PubMed": 2},
    )  # fmt: skip
    studies = studies_frame([("named", "living update", "2027-02-02")])
    with pytest.warns(UserWarning, match="ghost"):
        counts = prisma.prisma_counts(studies, write_logs(tmp_path, log))
    assert counts.arms[0].counts["new_studies"] == 1


# ---------------------------------------------------------------- validation


def problems_of(tmp_path, log) -> str:
    with pytest.raises(ScreeningLogError) as caught:
        prisma.load_screening_logs(write_logs(tmp_path, log))
    return str(caught.value)


def test_unknown_exclusion_reason_names_file_field_and_allowed_values(tmp_path):
    log = full_log(
        "2027-06", "2027-01-01", "2027-06-30", duplicates=0, excluded_ta=1,
        not_retrieved=0, excluded_ft={}, included=[], results={"PubMed": 1},
    )  # fmt: skip
    log["decisions"][0]["reason"] = "boring"
    message = problems_of(tmp_path, log)
    assert "2027-06.yaml: decisions[0].reason: 'boring' is not a known" in message
    assert "'not a rare disease'" in message and "'other'" in message


def test_every_problem_of_a_log_is_reported_at_once(tmp_path):
    log = dict(ORIGINAL_LOG, update="2025-11", kind="living update")
    log["counts"] = {"new_studies": 3, "screened": 4}
    log["decisions"] = [{"record": "pmid:1", "decision": "excluded"}]
    message = problems_of(tmp_path, log)
    assert "needs a period" in message
    assert "decisions[0]" in message and "needs a reason" in message


def test_count_stated_and_computed_is_refused(tmp_path):
    log = full_log(
        "2027-06", "2027-01-01", "2027-06-30", duplicates=1, excluded_ta=1,
        not_retrieved=0, excluded_ft={}, included=[], results={"PubMed": 2},
    )  # fmt: skip
    log["counts"] = {"records_screened": 99, "duplicates": 1}
    message = problems_of(tmp_path, log)
    assert "counts.records_screened: is also computed" in message
    assert "counts.duplicates: is also computed" in message


def test_unknown_count_key_and_file_name_mismatch(tmp_path):
    log = dict(ORIGINAL_LOG, counts={"records_found": 3})
    (tmp_path / "2025-12.yaml").write_text(yaml.safe_dump(log), "utf-8")
    with pytest.raises(ScreeningLogError) as caught:
        prisma.load_screening_logs(tmp_path)
    message = str(caught.value)
    assert "counts.records_found: is not a PRISMA 2020 count" in message
    assert "database_results" in message
    assert "update: '2025-11' must equal the file name '2025-12'" in message


def test_overlapping_periods_are_refused(tmp_path):
    first = full_log(
        "2027-06", "2027-01-01", "2027-06-30", duplicates=0, excluded_ta=0,
        not_retrieved=0, excluded_ft={}, included=[], results={"PubMed": 0},
    )  # fmt: skip
    second = dict(
        first, update="2027-07", period={"start": "2027-06-15", "end": "2027-07-31"}
    )
    write_logs(tmp_path, first, second)
    with pytest.raises(ScreeningLogError, match="2027-07.yaml: period: overlaps"):
        prisma.load_screening_logs(tmp_path)


def test_unreadable_yaml_is_a_problem_not_a_traceback(tmp_path):
    (tmp_path / "2027-06.yaml").write_text("update: [unclosed\n", "utf-8")
    with pytest.raises(ScreeningLogError, match="YAML syntax error"):
        prisma.load_screening_logs(tmp_path)


def test_stored_fixture_log_is_valid():
    logs = prisma.load_screening_logs(FIXTURES)
    assert [log.update for log in logs] == ["2025-11", "2027-06"]
    assert logs[1].decisions


# ---------------------------------------------------------------- the diagram


def test_flow_diagram_is_self_contained_svg_with_prisma_boxes_and_counts():
    studies = studies_frame(
        [
            ("new2027a", "living update", "2027-02-01"),
            ("new2027b", "living update", "2027-03-01"),
        ]
    )
    counts = prisma.prisma_counts(studies, FIXTURES)
    svg = prisma.flow_diagram_svg(counts)

    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    text = " ".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))
    for box in (
        "Records identified from databases",
        "Records removed before screening",
        "Records screened",
        "Records excluded",
        "Reports sought for retrieval",
        "Reports not retrieved",
        "Reports assessed for eligibility",
        "Reports excluded",
        "Studies included in previous version of review",
        "New studies included in review",
        "Total studies included in review",
    ):
        assert box in text
    arm = counts.arm("2027-06")
    assert f"(n = {arm.counts['records_screened']})" in text
    assert f"(n = {arm.counts['total_studies']})" in text
    assert "(n = not reported)" in text
    for reason, n in arm.dbr_excluded_reasons.items():
        assert f"{reason} (n = {n})" in text
    assert "href" not in svg and "<script" not in svg and "@import" not in svg


def test_flow_diagram_escapes_contributed_text(tmp_path):
    log = dict(ORIGINAL_LOG, label='<script>alert("x")</script> & co')
    log["search"] = {"date": "not reported", "databases": ["Pub<b>Med</b>"]}
    counts = prisma.prisma_counts(studies_frame([]), write_logs(tmp_path, log))
    svg = prisma.flow_diagram_svg(counts)
    assert "<script>" not in svg and "<b>" not in svg
    root = ET.fromstring(svg)
    texts = ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]
    assert '<script>alert("x")</script> & co' in texts


def test_exclusion_reasons_come_from_the_vocabulary():
    reasons = prisma.exclusion_reasons()
    assert "not a rare disease" in reasons
    assert all(description for description in reasons.values())


def test_no_warning_for_consistent_full_log(tmp_path):
    log = full_log(
        "2027-06", "2027-01-01", "2027-06-30", duplicates=0, excluded_ta=0,
        not_retrieved=0, excluded_ft={}, included=["k"], results={"PubMed": 1},
    )  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        counts = prisma.prisma_counts(
            studies_frame([("k", "living update", "2027-01-01")]),
            write_logs(tmp_path, log),
        )
    assert counts.arms[0].counts["new_studies"] == 1


# ---------------------------------------------------------------- the command


def test_prisma_command_prints_counts_writes_svg_and_lists_pending(tmp_path, capsys):
    from rdaug.cli import main

    fixture_studies = Path(__file__).parent / "fixtures" / "studies"
    svg_path = tmp_path / "flow.svg"
    code = main(
        [
            "prisma",
            "--screening",
            str(FIXTURES),
            "--studies",
            str(fixture_studies),
            "--svg",
            str(svg_path),
        ]
    )
    assert code == 0
    captured = capsys.readouterr()
    out = captured.out
    assert "records_screened" in out and "2027-06" in out and "total" in out
    assert "excluded by reason" in out
    assert "counted in no arm yet" in out  # fixture studies were added in 2026-12
    assert "warning: screening log 2027-06: included decisions" in captured.err
    assert ET.fromstring(svg_path.read_text("utf-8")).tag == f"{SVG}svg"

    assert main(["prisma", "--screening", str(FIXTURES), "--json",
                 "--studies", str(fixture_studies)]) == 0  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    arm = report["arms"][1]
    assert arm["counts"]["records_screened"] == 8
    assert report["arms"][0]["counts"]["database_results"] == prisma.NOT_REPORTED


def test_prisma_command_reports_bad_logs_and_exits_1(tmp_path, capsys):
    from rdaug.cli import main

    (tmp_path / "2027-06.yaml").write_text("update: 2027-06\nkind: sideways\n", "utf-8")
    assert main(["prisma", "--screening", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "2027-06.yaml: kind:" in err
    assert "2027-06.yaml: label: is required" in err


@settings(max_examples=60, deadline=None)
@given(label=st.text(min_size=1, max_size=80))
def test_any_label_gives_well_formed_svg_that_shows_it_as_text(label):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        log = dict(ORIGINAL_LOG, label=label)
        counts = prisma.prisma_counts(studies_frame([]), write_logs(Path(folder), log))
    svg = prisma.flow_diagram_svg(counts)
    root = ET.fromstring(svg)  # raises on markup injection or forbidden characters
    shown = "".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))
    visible = prisma._NOT_XML.sub("", label)
    assert all(word in shown for word in visible.split())
