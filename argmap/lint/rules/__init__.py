"""The lint rules, one module each; :func:`argmap.lint.rule.all_rules` finds them.

Modules whose names start with ``_`` hold helpers shared by rules and are not rules.
"""
