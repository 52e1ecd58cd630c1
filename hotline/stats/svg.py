"""Charts drawn on the server as SVG, from a table's cells: no script, no style sheet, no font
and no link to anywhere (served as `image/svg+xml`, shown with `<img>`; the dashboard works
with no internet, under `default-src 'self'`).

Only presentation attributes and the generic `sans-serif` family are used. A chart reads
the cells' `text` and `value` only, so a count hidden by the "<5" rule is drawn as no bar
with "<5" beside it, and its number appears nowhere in the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from hotline.stats.small_counts import Cell
from hotline.stats.tables import ChartKind, Table

__all__ = ["CONTENT_TYPE", "chart"]

CONTENT_TYPE = "image/svg+xml"
WIDTH = 760
COLOURS = ("#1f5f99", "#b3541e", "#3d7a3a")  # AA contrast on white, told apart in grey too
TEXT = "#1a1a1a"
MUTED = "#595959"
FONT = 'font-family="sans-serif"'
_MAX_LABEL = 42  # characters of a row's name before it is cut


def chart(table: Table) -> str:
    """The table's chart as a standalone SVG document."""
    if table.kind == ChartKind.HEATMAP:
        body, height = _heatmap(table, 64)
    elif len(table.rows) > 16:
        body, height = _columns(table, 64)
    else:
        body, height = _bars(table, 64)
    if not any(c.value for row in table.rows for c in _charted(table, row)):
        body += [_text(WIDTH / 2, height - 10, table.empty, anchor="middle", fill=MUTED)]
    height += 30
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="t d">',
        f'<title id="t">{escape(table.title)}</title>',
        f'<desc id="d">{escape(table.period)}. {escape(table.note)}</desc>',
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        _text(16, 24, table.title, size=16, weight="bold"),
        _text(16, 44, table.period, size=12, fill=MUTED),
        *_legend(table),
    ]
    foot = [_text(16, height - 10, table.note, size=10, fill=MUTED), "</svg>"]
    return "\n".join([*head, *body, *foot]) + "\n"


def _charted(table: Table, row: Sequence[Cell]) -> list[Cell]:
    return [row[i] for i in table.charted if i < len(row)]


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: int = 11,
    anchor: str = "start",
    fill: str = TEXT,
    weight: str = "normal",
) -> str:
    bold = ' font-weight="bold"' if weight == "bold" else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" {FONT} font-size="{size}" fill="{fill}" '
        f'text-anchor="{anchor}"{bold}>{escape(text)}</text>'
    )


def _cut(text: str) -> str:
    return text if len(text) <= _MAX_LABEL else "…" + text[-(_MAX_LABEL - 1) :]


def _legend(table: Table) -> list[str]:
    if table.kind == ChartKind.HEATMAP or len(table.charted) < 2:
        return []
    parts = []
    x = WIDTH - 16 - 130 * len(table.charted)
    for n, column in enumerate(table.charted):
        colour = COLOURS[n % len(COLOURS)]
        parts.append(f'<rect x="{x}" y="14" width="12" height="12" fill="{colour}"/>')
        parts.append(_text(x + 18, 24, table.header[column].text))
        x += 130
    return parts


def _top(table: Table) -> float:
    values = (c.value or 0.0 for row in table.rows for c in _charted(table, row))
    return max(values, default=0.0) or 1.0  # an empty table draws its axes only


def _bar_title(table: Table, row: Sequence[Cell], column: int) -> str:
    said = f"{row[0].text}, {table.header[column].text}: {row[column].text}"
    return f"<title>{escape(said)}</title>"


def _bars(table: Table, top_y: int) -> tuple[list[str], int]:
    """Horizontal bars: a row's name on the left, a bar per charted column."""
    left, right = 300, WIDTH - 70
    series = len(table.charted)
    bar, gap = 14, 10
    top = _top(table)
    parts: list[str] = []
    y = top_y
    for row in table.rows:
        group = series * bar
        parts.append(_text(left - 8, y + group / 2 + 4, _cut(row[0].text), anchor="end"))
        for n, column in enumerate(table.charted):
            cell = row[column]
            by = y + n * bar
            length = (cell.value or 0.0) / top * (right - left)
            colour = COLOURS[n % len(COLOURS)]
            parts.append(
                f'<rect x="{left}" y="{by}" width="{length:.1f}" height="{bar - 2}" '
                f'fill="{colour}">{_bar_title(table, row, column)}</rect>'
            )
            parts.append(_text(left + length + 4, by + bar - 4, cell.text, size=10))
        y += group + gap
    parts.append(
        f'<line x1="{left}" y1="{top_y - 4}" x2="{left}" y2="{y - gap + 4}" stroke="{MUTED}"/>'
    )
    return parts, y + 20


def _columns(table: Table, top_y: int) -> tuple[list[str], int]:
    """Vertical columns, a group per row (a day), names under every few groups."""
    left, right, height = 60, WIDTH - 16, 220
    base = top_y + height
    series = len(table.charted)
    slot = (right - left) / len(table.rows)
    width = max(slot / series - (1 if slot > 4 else 0), 0.5)
    top = _top(table)
    every = max(1, round(len(table.rows) / 8))
    parts = [
        f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="{MUTED}"/>',
        _text(left - 6, top_y + 8, _axis(top, table), anchor="end", size=10, fill=MUTED),
    ]
    for i, row in enumerate(table.rows):
        x = left + i * slot
        for n, column in enumerate(table.charted):
            cell = row[column]
            h = (cell.value or 0.0) / top * height
            bx = x + n * width
            colour = COLOURS[n % len(COLOURS)]
            parts.append(
                f'<rect x="{bx:.1f}" y="{base - h:.1f}" width="{width:.1f}" height="{h:.1f}" '
                f'fill="{colour}">{_bar_title(table, row, column)}</rect>'
            )
            if cell.hidden and width >= 12:
                parts.append(_text(bx + width / 2, base - 3, cell.text, size=9, anchor="middle"))
        if i % every == 0:
            parts.append(_text(x, base + 16, row[0].text, size=10, fill=MUTED))
    return parts, base + 36


def _axis(top: float, table: Table) -> str:
    """The highest figure's text, as the axis's top mark."""
    for row in table.rows:
        for cell in _charted(table, row):
            if cell.value == top:
                return cell.text
    return ""


def _heatmap(table: Table, top_y: int) -> tuple[list[str], int]:
    """Rows x columns of squares, darker for more; each square says its figure."""
    left, cell_w, cell_h = 120, (WIDTH - 136) / max(1, len(table.charted)), 26
    top = _top(table)
    parts = [
        _text(left + (i + 0.5) * cell_w, top_y + 10, table.header[c].text, size=9, anchor="middle")
        for i, c in enumerate(table.charted)
    ]
    y = top_y + 16
    for row in table.rows:
        parts.append(_text(left - 8, y + cell_h / 2 + 4, _cut(row[0].text), anchor="end"))
        for i, column in enumerate(table.charted):
            cell = row[column]
            share = (cell.value or 0.0) / top
            x = left + i * cell_w
            fill = COLOURS[0] if cell.value else "#f2f2f2"
            opacity = f' fill-opacity="{0.15 + 0.85 * share:.2f}"' if cell.value else ""
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{cell_w - 1:.1f}" height="{cell_h - 1}" '
                f'fill="{fill}"{opacity}>{_bar_title(table, row, column)}</rect>'
            )
            ink = "#ffffff" if share > 0.55 else TEXT
            parts.append(
                _text(
                    x + cell_w / 2, y + cell_h / 2 + 3, cell.text, size=8, anchor="middle", fill=ink
                )
            )
        y += cell_h
    return parts, y + 16
