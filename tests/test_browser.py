"""The built book in a real browser, with the network cut off.

Debian's headless Chromium (``make test`` installs it when missing) loads each page
from disk with every host name unresolvable, runs its scripts for a few seconds of
virtual time and dumps the resulting DOM. A chart counts as rendered when vega-embed
has put an SVG or canvas element in it; the page must show no script error, and the
study explorer must have built its table without fetching anything.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from book_build import BuiltBook

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

ERROR_TEXT = [
    "Error loading script",
    "Javascript Error",
    "Loading ITables",
    "is not defined",
    "Uncaught",
]


def dump_dom(page, profile) -> str:
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        # No network: every host name fails to resolve, so a CDN script cannot load.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=8000",
        "--dump-dom",
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def chart_containers(dom: str) -> list[str]:
    """The DOM of each chart container, up to the next one."""
    return dom.split('<div class="vega-visualization')[1:]


def rendered_charts(dom: str) -> int:
    """Count chart containers that vega-embed has drawn into (an SVG or canvas)."""
    return sum(
        1
        for block in chart_containers(dom)
        if block.split(">", 1)[0].count("vega-embed")
        and re.search(r"<(svg|canvas)\b", block)
    )


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed; `make test` installs it"
)


@needs_chromium
@pytest.mark.parametrize(
    "name",
    [
        "results_temporal",
        "results_focus",
        "results_diseases",
        "results_data",
        "results_methods",
    ],
)
def test_results_page_renders_its_charts_offline(built_book: BuiltBook, name, tmp_path):
    dom = dump_dom(built_book.html / "notebooks" / f"{name}.html", tmp_path / "profile")
    assert rendered_charts(dom) >= 1, "no chart was drawn"
    assert rendered_charts(dom) == len(chart_containers(dom)), "a chart was not drawn"
    for text in ERROR_TEXT:
        assert text not in dom, f"{text!r} on the page"


@needs_chromium
def test_explorer_table_builds_offline(built_book: BuiltBook, tmp_path):
    dom = dump_dom(
        built_book.html / "notebooks" / "explorer.html", tmp_path / "profile"
    )
    assert re.search(r'class="[^"]*dt-container', dom), (
        "DataTables did not build the table"
    )
    assert "Loading ITables" not in dom
    assert re.search(r'<a href="https://doi\.org/[^"]+"', dom)


@needs_chromium
def test_introduction_shows_the_study_count(built_book: BuiltBook, tmp_path):
    dom = dump_dom(built_book.html / "index.html", tmp_path / "profile")
    assert re.search(r"The dataset holds\s*(<[^>]+>\s*)*\d+", dom)
