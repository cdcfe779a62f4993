"""A tiny Solara app used by tests/browser/test_offline_solara.py.

It exercises the widget types the workshop app relies on (button, slider, raw SVG via
solara.HTML, a matplotlib figure) so that CI proves Solara's front-end assets are served
locally from solara-assets. Deliberately avoids solara.Markdown: it lazy-loads KaTeX from
the CDN, and KaTeX is not part of solara-assets (see docs/dev-notes-solara.md).
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import solara

clicks = solara.reactive(0)
level = solara.reactive(3)

SVG = (
    '<svg id="tiny-svg" width="60" height="60" xmlns="http://www.w3.org/2000/svg">'
    '<circle cx="30" cy="30" r="20" fill="teal"/></svg>'
)


@solara.component
def Page():
    solara.Title("lmxsim tiny offline check")
    solara.Button(
        f"Clicked {clicks.value} times",
        on_click=lambda: clicks.set(clicks.value + 1),
    )
    solara.SliderInt("Level", value=level, min=0, max=10)
    solara.Text(f"level is {level.value}")
    solara.HTML(tag="div", unsafe_innerHTML=SVG)
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot(range(level.value + 2))
    solara.FigureMatplotlib(fig)
    plt.close(fig)
