"""The course's interactive widgets, one module per notebook topic.

Import a widget from its module, e.g. ``from utils.widgets.era import EraTimeline``.
Every widget is a ``CourseWidget`` (see ``base``): display it by leaving it as
the last expression of a cell.
"""
