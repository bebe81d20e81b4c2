"""Altair settings and chart builders shared by every notebook of the book.

Altair's default HTML output loads vega, vega-lite and vega-embed from a CDN, which
leaves a blank chart for a reader offline. The book instead ships one vega-embed
bundle in ``_static/vega-embed-bundle.js`` (written by :func:`write_vega_bundle`,
a step of ``make book``) and each chart output only calls ``vegaEmbed``.

Study titles travel inside the chart specification (for tooltips), and a title is
contributed text: the specification is embedded in a ``<script>`` element with every
``<``, ``>`` and ``&`` escaped, so no title can close the element or inject markup.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import altair as alt
import pandas as pd

from .loading import long_view
from .paths import REPO_ROOT

BUNDLE_NAME = "vega-embed-bundle.js"

# The page loads the bundle with its other scripts; a chart that runs first waits for
# the load event instead of failing.
_OFFLINE_TEMPLATE = """<div class="vega-visualization" id="{output_div}"></div>
<script type="text/javascript">(function () {{
  var spec = {spec};
  function draw() {{
    vegaEmbed("#{output_div}", spec, {embed_options}).catch(console.error);
  }}
  if (typeof vegaEmbed === "undefined") {{ window.addEventListener("load", draw); }}
  else {{ draw(); }}
}})();</script>"""

# Tooltip fields of a chart of studies: what a reader needs to find the study.
STUDY_TOOLTIP = [
    alt.Tooltip("title:N", title="title"),
    alt.Tooltip("year:O", title="year"),
    alt.Tooltip("doi:N", title="DOI"),
]

# Legends go under the plot: beside it they push a chart wider than the page column.
BOTTOM_LEGEND = alt.Legend(orient="bottom", columns=2, labelLimit=260)

# One colour per approach, the same in every chart of the book.
APPROACH_COLOURS = alt.Scale(
    domain=["data augmentation", "synthetic data generation", "both"],
    range=["#1b9e77", "#d95f02", "#7570b3"],
)


def script_safe_json(value) -> str:
    """Serialise ``value`` as JSON that can sit inside an HTML ``<script>`` element."""
    text = json.dumps(value, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def enable_offline_renderer() -> None:
    """Render Altair charts as HTML that uses the locally served vega-embed bundle."""
    alt.renderers.register("rdaug_offline", _render)
    alt.renderers.enable("rdaug_offline")


def _render(spec: dict, **metadata) -> dict[str, str]:
    output_div = metadata.get("output_div") or f"altair-viz-{uuid.uuid4().hex}"
    embed_options = metadata.get("embed_options") or {"mode": "vega-lite"}
    html = _OFFLINE_TEMPLATE.format(
        output_div=output_div,
        spec=script_safe_json(spec),
        embed_options=script_safe_json(embed_options),
    )
    return {"text/html": html}


def write_vega_bundle(static_dir: Path | None = None) -> Path:
    """Write the vega-embed JavaScript bundle (from vl-convert) into ``_static``.

    The bundle is wrapped in a function scope: its top-level names would otherwise
    clash with other scripts of the theme on the same page. The file is only
    rewritten when its text changes, so a no-op build leaves it alone.
    """
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    static_dir = Path(static_dir or REPO_ROOT / "_static")
    static_dir.mkdir(parents=True, exist_ok=True)
    bundle = vlc.javascript_bundle(vl_version=vl_version_for_vl_convert())
    target = static_dir / BUNDLE_NAME
    text = "(function () {\n" + bundle + "\n})();\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def study_points(studies: pd.DataFrame, field: str) -> pd.DataFrame:
    """One row per study and term of ``field``, with the columns tooltips need.

    Missing DOIs read "no DOI" in a tooltip rather than "null".
    """
    points = long_view(studies, field, keep=("key", "title", "year", "doi", "approach"))
    points = points.astype({"title": object, "doi": object, "approach": object})
    points["doi"] = points["doi"].where(points["doi"].notna(), "no DOI")
    points["approach"] = points["approach"].where(points["approach"].notna(), "unknown")
    points[field] = points[field].astype(str)
    return points.reset_index(drop=True)


def stacked_studies(
    points: pd.DataFrame,
    category: str,
    *,
    colour: str | None = None,
    title: str = "",
    sort: list[str] | None = None,
    category_title: str | None = None,
) -> alt.Chart:
    """A horizontal bar per term where each study is one block, with its tooltip.

    Stacking one mark per study (rather than a pre-counted bar) keeps every study
    visible in the chart: hovering a block names the study behind it.
    """
    encodings = {
        "y": alt.Y(
            f"{category}:N",
            sort=sort or "-x",
            title=category_title or category.replace("_", " "),
        ),
        "x": alt.X("count():Q", title="studies"),
        "tooltip": STUDY_TOOLTIP + [alt.Tooltip(f"{category}:N")],
        "detail": "key:N",
    }
    if colour == "approach":
        encodings["color"] = alt.Color(
            "approach:N", scale=APPROACH_COLOURS, legend=BOTTOM_LEGEND
        )
    elif colour:
        encodings["color"] = alt.Color(
            f"{colour}:N", title=colour.replace("_", " "), legend=BOTTOM_LEGEND
        )
    chart = alt.Chart(points, title=title).mark_bar(stroke="white", strokeWidth=0.5)
    return chart.encode(**encodings).properties(width=420)


__all__ = [
    "APPROACH_COLOURS",
    "BOTTOM_LEGEND",
    "STUDY_TOOLTIP",
    "enable_offline_renderer",
    "script_safe_json",
    "stacked_studies",
    "study_points",
    "write_vega_bundle",
]
