"""Subcommands of ``rdaug``, one module each, found by :mod:`rdaug.cli`.

A module ``commands/<name>.py`` becomes ``rdaug <name>`` by defining two functions:

``register(subparsers)``
    adds its parser with ``subparsers.add_parser(...)``, its options, and
    ``parser.set_defaults(func=run)``;
``run(args) -> int``
    does the work and returns the exit code (0 success, 1 the input needs fixing).

Modules whose name starts with an underscore are helpers, not commands.
"""
