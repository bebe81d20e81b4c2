"""rdaug: data and tools of the living review on data augmentation and synthetic
data generation in rare disease research.

The study files in ``data/studies`` are the single source; everything the book shows
is computed from :func:`load_studies`.
"""

from .errors import Problem, StudyValidationError
from .loading import load_studies, long_view, techniques_long
from .schema import Study, study_json_schema
from .summaries import count_by, count_by_year, crosstab, expansion_summary
from .vocabulary import load_vocabulary

__all__ = [
    "Problem",
    "Study",
    "StudyValidationError",
    "count_by",
    "count_by_year",
    "crosstab",
    "expansion_summary",
    "load_studies",
    "load_vocabulary",
    "long_view",
    "study_json_schema",
    "techniques_long",
]
__version__ = "0.1.0"
