"""Server-rendered SVG bar charts for the results page: black and grey bars with their numbers
written on them, so they read the same on screen and on a black-and-white printout."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

LABEL_WIDTH = 220
BAR_WIDTH = 360
ROW_HEIGHT = 26
BAR_HEIGHT = 18


def bar_chart(title: str, bars: list[tuple[str, int]]) -> SafeString:
    """A horizontal bar chart: one row per ``(label, count)``, bars scaled to the largest count,
    the count written inside the bar (or beside it when the bar is too short), every text
    escaped."""
    largest = max((count for _label, count in bars), default=0) or 1
    width = LABEL_WIDTH + BAR_WIDTH + 60
    height = ROW_HEIGHT * len(bars) + 8
    rows = []
    for i, (label, count) in enumerate(bars):
        y = 4 + i * ROW_HEIGHT
        length = round(BAR_WIDTH * count / largest)
        inside = length >= 40
        rows.append(
            (
                LABEL_WIDTH - 8,
                y + BAR_HEIGHT - 5,
                label,
                LABEL_WIDTH,
                y,
                length,
                BAR_HEIGHT,
                "#222" if i % 2 == 0 else "#777",
                LABEL_WIDTH + length - 6 if inside else LABEL_WIDTH + length + 6,
                y + BAR_HEIGHT - 5,
                "end" if inside else "start",
                "#fff" if inside else "#000",
                count,
            )
        )
    body = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
        '<text x="{}" y="{}" text-anchor="{}" fill="{}" font-weight="bold">{}</text>',
        rows,
    )
    return format_html(
        '<svg class="results-chart" role="img" xmlns="http://www.w3.org/2000/svg" '
        'viewBox="0 0 {} {}" width="{}" height="{}" font-size="13" font-family="sans-serif">'
        "<title>{}</title>{}</svg>",
        width,
        height,
        width,
        height,
        title,
        body,
    )
