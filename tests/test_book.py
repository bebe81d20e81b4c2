"""The built book: every chapter has a page, every number comes from data/studies,
charts render from local files, and a new study file reaches every page at the next
build while unrelated notebooks stay cached.

One real build (``book_build.built_book``) serves all tests; it runs the whole book
exactly as ``make book`` does, on a copy of the repository's data.
"""

from __future__ import annotations

import html
import re

import pytest
import yaml
from book_build import REPO, BuiltBook
from jupyter_cache import get_cache
from rdaug.book import input_kind, toc_files

pytestmark = pytest.mark.slow

RESULTS_PAGES = [
    "results_temporal",
    "results_focus",
    "results_diseases",
    "results_data",
    "results_methods",
]


def page_text(book: BuiltBook, name: str) -> str:
    return (book.html / f"{name}.html").read_text(encoding="utf-8")


def visible_text(page: str) -> str:
    """The page's text without tags, scripts or styles, whitespace collapsed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    return re.sub(r"\s+", " ", text)


def stated_count(book: BuiltBook) -> int:
    match = re.search(
        r"The dataset holds (\d+) studies", visible_text(page_text(book, "book/intro"))
    )
    assert match, "the introduction states no study count"
    return int(match.group(1))


def test_every_toc_entry_has_a_page(built_book):
    missing = [
        name
        for name in toc_files(REPO)
        if not (built_book.html / f"{name}.html").exists()
    ]
    assert not missing, f"chapters listed in _toc.yml without a page: {missing}"


def test_index_opens_the_introduction(built_book):
    index = (built_book.html / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'http-equiv="Refresh" content="0; url=book/intro.html"', index, re.I
    )


@pytest.mark.parametrize("name", RESULTS_PAGES)
def test_results_page_holds_a_chart_served_locally(built_book, name):
    page = page_text(built_book, f"notebooks/{name}")
    assert 'class="vega-visualization"' in page
    assert "vegaEmbed(" in page
    assert "_static/vega-embed-bundle.js" in page
    # Nothing is fetched from the network when the page loads.
    assert not re.search(r"<(script|link)\b[^>]*(src|href)=\"(https?:)?//", page)
    assert (
        built_book.html / "_static" / "vega-embed-bundle.js"
    ).stat().st_size > 100_000


def test_study_count_equals_number_of_study_files(built_book):
    assert stated_count(built_book) == len(list(built_book.studies.glob("*.yaml")))


def test_explorer_lists_every_study_with_its_link(built_book):
    page = page_text(built_book, "notebooks/explorer")
    text = visible_text(page)
    n_files = len(list(built_book.studies.glob("*.yaml")))
    assert f"The table lists {n_files} studies" in text
    for path in built_book.studies.glob("*.yaml"):
        study = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert study["key"] in page
        if study.get("doi"):
            assert f"https://doi.org/{html.escape(study['doi'])}" in html.unescape(page)


def cache_records(book: BuiltBook) -> dict:
    cache = get_cache(book.root / "_build" / ".jupyter_cache")
    # A record is identified by when it was made: ids are reused once records go.
    return {record.uri: record.created for record in cache.list_cache_records()}


def test_noop_rebuild_executes_nothing(built_book):
    before = cache_records(built_book)
    result = built_book.build()
    assert result.returncode == 0, built_book.log[-4000:]
    assert cache_records(built_book) == before
    assert "Executing notebook" not in built_book.log


def test_new_study_reaches_the_book_and_only_data_notebooks_rerun(built_book):
    before_count = stated_count(built_book)
    before = cache_records(built_book)

    fixture = REPO / "tests" / "fixtures" / "studies" / "eta2025model.yaml"
    study = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    study["key"] = "zzadded2025stalecheck"
    study["title"] = "Added by the stale-output test: a study no build has seen"
    study["doi"] = "10.9999/fixture.stalecheck"
    new_file = built_book.studies / "zzadded2025stalecheck.yaml"
    new_file.write_text(yaml.safe_dump(study, sort_keys=False), encoding="utf-8")
    try:
        result = built_book.build()
        assert result.returncode == 0, built_book.log[-4000:]
        assert stated_count(built_book) == before_count + 1
        assert "zzadded2025stalecheck" in page_text(built_book, "notebooks/explorer")

        after = cache_records(built_book)
        for uri, pk in before.items():
            kind = input_kind(REPO / uri.rsplit("/", 1)[-1])
            if kind == "library":
                assert after.get(uri) == pk, (
                    f"{uri} re-executed though only data changed"
                )
            else:
                assert after.get(uri) != pk, f"{uri} kept a run made on the old data"
    finally:
        new_file.unlink()


def test_chart_specification_cannot_close_its_script_element():
    import altair as alt
    import pandas as pd
    from rdaug.charts import _render

    title = "</script><script>alert('x')</script> & <b>bold</b>"
    chart = alt.Chart(pd.DataFrame({"title": [title], "n": [1]})).mark_bar()
    html_output = _render(chart.encode(x="n:Q", tooltip="title:N").to_dict())[
        "text/html"
    ]
    assert html_output.count("</script>") == 1  # only the renderer's own
    assert "<b>" not in html_output and "\\u003cb\\u003e" in html_output


def test_available_toc_leaves_out_files_not_written_yet(tmp_path):
    from rdaug.book import available_toc

    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "intro.md").write_text("# Intro\n", encoding="utf-8")
    (tmp_path / "book" / "here.md").write_text("# Here\n", encoding="utf-8")
    toc = {
        "format": "jb-book",
        "root": "book/intro",
        "parts": [
            {
                "caption": "A",
                "chapters": [{"file": "book/here"}, {"file": "book/later"}],
            },
            {"caption": "B", "chapters": [{"file": "book/later2"}]},
        ],
    }
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump(toc), encoding="utf-8")

    with pytest.warns(UserWarning, match="book/later, book/later2"):
        pruned_path = available_toc(tmp_path)
    pruned = yaml.safe_load(pruned_path.read_text(encoding="utf-8"))
    assert pruned["parts"] == [{"caption": "A", "chapters": [{"file": "book/here"}]}]

    (tmp_path / "book" / "later.md").write_text("# Later\n", encoding="utf-8")
    (tmp_path / "book" / "later2.md").write_text("# Later 2\n", encoding="utf-8")
    assert available_toc(tmp_path) == tmp_path / "_toc.yml"
