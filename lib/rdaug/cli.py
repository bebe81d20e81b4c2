"""The ``rdaug`` command line (also ``python -m rdaug``).

Each subcommand lives in its own module of :mod:`rdaug.commands` and is found at start
up, so adding a command means adding one module (see that package's docstring).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence

from . import __version__, commands

logger = logging.getLogger(__name__)


def command_modules() -> list[str]:
    """Return the names of the command modules in :mod:`rdaug.commands`, sorted."""
    return sorted(
        info.name
        for info in pkgutil.iter_modules(commands.__path__)
        if not info.name.startswith("_")
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every discovered subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="rdaug",
        description=(
            "Check, create and export the study files of the living review on data "
            "augmentation and synthetic data in rare disease research."
        ),
    )
    parser.add_argument("--version", action="version", version=f"rdaug {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="<command>")
    for name in command_modules():
        try:
            module = importlib.import_module(f"{commands.__name__}.{name}")
            module.register(subparsers)
        except Exception as error:  # noqa: BLE001 - one broken command must not hide the rest
            _register_unavailable(subparsers, name, error)
    return parser


def _register_unavailable(subparsers, name: str, error: Exception) -> None:
    reason = f"{type(error).__name__}: {error}"

    def run(args: argparse.Namespace) -> int:
        print(f"rdaug {name} is unavailable: {reason}", file=sys.stderr)
        return 1

    parser = subparsers.add_parser(name, help=f"(unavailable: {reason})")
    parser.set_defaults(func=run)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``rdaug`` with ``argv`` (default: the process arguments).

    The exit code is 0 on success, 1 when the input needs fixing, 2 on a usage error.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help(sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (`rdaug export -f csv | head`): not a failure.
        # Point stdout at devnull so the interpreter's final flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
