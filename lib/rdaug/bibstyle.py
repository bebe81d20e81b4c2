"""A Sphinx extension: the bibliography style of the book (pybtex style ``rdaug``).

It is pybtex's ``plain`` style with an article's authors and journal optional.
Study records may lack authors or a venue when the source did not give them (the
dataset leaves unknown fields empty rather than guessing), and ``plain`` would warn
on each such entry, which fails a build run with warnings as errors.
"""

from __future__ import annotations

from pybtex.plugin import register_plugin
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import pages
from pybtex.style.template import (
    field,
    first_of,
    join,
    optional,
    optional_field,
    sentence,
    tag,
    words,
)


class LivingReviewStyle(PlainStyle):
    """``plain``, tolerant of articles without authors or journal."""

    def get_article_template(self, e):
        volume_and_pages = first_of[
            optional[
                join[field("volume"), optional["(", field("number"), ")"], ":", pages]
            ],
            words["pages", pages],
        ]
        return toplevel[
            optional[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[
                optional[tag("em")[field("journal")]],
                optional[volume_and_pages],
                field("year"),
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]


def setup(app):
    """Register the style with pybtex; ``bibtex_default_style: rdaug`` selects it."""
    register_plugin("pybtex.style.formatting", "rdaug", LivingReviewStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
