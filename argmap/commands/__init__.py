"""Command cores: each takes plain settings, does the work and returns an exit code.

The CLI (:mod:`argmap.cli`) only parses arguments and calls these, so every command can be
driven from Python and tested without a terminal.
"""
