"""Altair settings shared by every notebook of the book.

Altair's default HTML output loads vega, vega-lite and vega-embed from a CDN, which
leaves a blank chart for a reader offline. The book instead ships one vega-embed
bundle in ``_static/vega-embed-bundle.js`` (written by :func:`write_vega_bundle`,
a step of ``make book``) and each chart output only calls ``vegaEmbed``.
"""

from __future__ import annotations

from pathlib import Path

import altair as alt
import jinja2
from altair.utils.html import spec_to_html

from .paths import REPO_ROOT

BUNDLE_NAME = "vega-embed-bundle.js"

# The page loads the bundle with its other scripts; a chart that runs first waits for
# the load event instead of failing.
_OFFLINE_TEMPLATE = jinja2.Template(
    """<div class="vega-visualization" id="{{ output_div }}"></div>
<script type="text/javascript">(function () {
  function draw() {
    vegaEmbed("#{{ output_div }}", {{ spec }}, {{ embed_options }}).catch(console.error);
  }
  if (typeof vegaEmbed === "undefined") { window.addEventListener("load", draw); }
  else { draw(); }
})();</script>"""
)


def enable_offline_renderer() -> None:
    """Render Altair charts as HTML that uses the locally served vega-embed bundle."""
    alt.renderers.register("rdaug_offline", _render)
    alt.renderers.enable("rdaug_offline")


def _render(spec: dict, **metadata) -> dict[str, str]:
    html = spec_to_html(
        spec,
        mode="vega-lite",
        vega_version=None,
        vegaembed_version=None,
        vegalite_version=alt.SCHEMA_VERSION.lstrip("v"),
        template=_OFFLINE_TEMPLATE,
        output_div=metadata.get("output_div", "vega-chart"),
    )
    return {"text/html": html}


def write_vega_bundle(static_dir: Path | None = None) -> Path:
    """Write the vega-embed JavaScript bundle (from vl-convert) into ``_static``.

    The bundle is wrapped in a function scope: its top-level names would otherwise
    clash with other scripts of the theme on the same page.
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
