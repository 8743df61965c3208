"""The reader page: a map and its source text side by side in one self-contained HTML file.

Stage 4 beside lint, render and export: it takes a valid map, places its quotes in their sources
(:mod:`argmap.analyse.quotes`), runs lint for the findings it shows, draws the map with the
renderer, and fills ``reader.html`` with ``reader.css``, ``reader.js`` and the map's data.
"""

from argmap.report.build import ReportOptions, ReportPage, build_report

__all__ = ["ReportOptions", "ReportPage", "build_report"]
