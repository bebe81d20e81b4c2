"""Shared pytest fixtures.

``built_book`` (from tests/book_build.py) is one real build of the book per test
session, used by test_book.py and test_browser.py.
"""

from book_build import built_book  # noqa: F401
