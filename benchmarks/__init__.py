"""Benchmarks of argmap: synthetic maps of realistic shape, and one command that times every stage.

``python -m benchmarks.run`` prints the table; ``python -m benchmarks.generate`` writes maps.
See ``docs/performance.md`` for the budgets and the recorded figures.
"""
