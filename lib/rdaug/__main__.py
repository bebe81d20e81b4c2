"""Allow ``python -m rdaug``."""

from .cli import main

raise SystemExit(main())
