"""Test helper shared by the in-process app tests: open a side tab as a click would."""

from __future__ import annotations

import ipyvuetify as v


def open_side_tab(rc, label: str) -> None:
    """What clicking a tab on the left does (its content is rendered only when shown)."""
    todo = list(rc.find(v.Tabs).widgets)
    while todo:
        widget = todo.pop()
        children = [c for c in getattr(widget, "children", None) or [] if hasattr(c, "children")]
        labels = [c.children[0] for c in children if isinstance(c, v.Tab) and c.children]
        if isinstance(widget, v.Tabs) and label in labels:
            widget.v_model = labels.index(label)
            return
        todo.extend(children)
    raise AssertionError(f"no tab {label!r}")
