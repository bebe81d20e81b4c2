"""The workflows publish from main, rebuild weekly, and only report broken links."""

from __future__ import annotations

import yaml
from rdaug.paths import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"


def read(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    # YAML 1.1 reads the key `on` as True.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_pages_workflow_builds_cold_and_deploys_only_from_main():
    workflow = read("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["on"]["schedule"], "the book is rebuilt on a schedule"
    assert "pull_request" not in workflow["on"]
    build = workflow["jobs"]["build"]
    commands = " ".join(step.get("run", "") for step in steps(build))
    assert "make clean" in commands and "make book" in commands
    uploads = [s for s in steps(build) if "upload-pages-artifact" in s.get("uses", "")]
    assert uploads[0]["with"]["path"] == "_build/html"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == "github.ref == 'refs/heads/main'"
    assert workflow["permissions"]["pages"] == "write"


def test_link_check_is_weekly_and_never_fails_a_pull_request():
    workflow = read("linkcheck.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    job = workflow["jobs"]["links"]
    lychee = [s for s in steps(job) if "lychee-action" in s.get("uses", "")][0]
    assert lychee["with"]["fail"] is False
    assert "_build/html/**/*.html" in lychee["with"]["args"]
    report = [s for s in steps(job) if "gh issue" in s.get("run", "")]
    assert report and report[0]["if"] == "steps.lychee.outputs.exit_code != 0"
