"""What the HTML pages share: escaping, the page frame, speaker colours, marked text, bar charts.

Every page is one self-contained file (inline CSS, SVG and JS, no request to
anything), so it opens offline and can be mailed or archived as it is.  All
text from documents and records goes through `esc` or `script_json`: a quote
that holds `<script>` shows as text.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Iterable, Optional

import attrs

# Distinct on white and under a black text; the first colours go to the most quoted speakers.
PALETTE = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
           "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f", "#a6cee3", "#fdbf6f", "#cab2d6", "#b2df8a")
NO_SPEAKER = "#e0e0e0"

BASE_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header.top{background:#263238;color:#fff;padding:.6em 1.2em}
header.top h1{font-size:1.2em;margin:0}
header.top p{margin:.2em 0 0;color:#cfd8dc;font-size:.9em}
main{padding:1em 1.2em;max-width:1400px}
section.doc,section.panel{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8em 1em;margin:0 0 1.2em}
h2{font-size:1.05em;margin:.2em 0 .4em}
.meta{color:#666;font-size:.85em}
.text{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.7}
.legend{display:flex;flex-wrap:wrap;gap:.3em .9em;font-size:.85em;margin:.4em 0 .8em;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:.3em}
.sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;border:1px solid #999}
.q{background:var(--c);border-radius:2px;cursor:pointer}
.q:hover,.q.focus{outline:2px solid #263238}
.cue{border-bottom:3px double #c62828}
.spk{font-weight:600;border-bottom:2px solid var(--c);box-shadow:inset 0 -.45em 0 var(--c)}
.unbalanced{outline:2px dashed #c62828}
.unbalanced.first::before{content:"\\26A0";color:#c62828;font-size:.8em}
#record{position:fixed;right:1em;bottom:1em;max-width:32em;max-height:60vh;overflow:auto;background:#fff;
  border:1px solid #888;border-radius:6px;padding:.5em .8em;font-size:.8em;box-shadow:0 2px 8px #0003;display:none}
#record table{border-collapse:collapse}#record td{padding:1px 6px;vertical-align:top}
#record td:first-child{color:#666}
"""

RECORD_JS = """
const RECORDS = JSON.parse(document.getElementById('records').textContent);
const panel = document.getElementById('record');
function showRecord(i){
  const r = RECORDS[i]; panel.textContent = '';
  const t = document.createElement('table');
  for (const [k, v] of Object.entries(r)) {
    const tr = t.insertRow(); tr.insertCell().textContent = k;
    tr.insertCell().textContent = v === null ? '—' : String(v);
  }
  const close = document.createElement('button'); close.textContent = 'close';
  close.onclick = () => { panel.style.display = 'none'; };
  panel.append(close, t); panel.style.display = 'block';
}
document.addEventListener('click', e => {
  const q = e.target.closest('[data-r]'); if (!q) return;
  document.querySelectorAll('.focus').forEach(x => x.classList.remove('focus'));
  const key = q.dataset.pair ? '[data-pair="' + q.dataset.pair + '"]' : '[data-r="' + q.dataset.r + '"]';
  document.querySelectorAll(key).forEach(x => x.classList.add('focus'));
  showRecord(+q.dataset.r);
});
"""


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def script_json(obj) -> str:
    """JSON safe inside <script>: no '</script>', no '<!--', no line separators JS would choke on."""
    text = json.dumps(obj, ensure_ascii=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def page(title: str, subtitle: str, body: str, css: str = "", script: str = "") -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{esc(title)}</title><style>{BASE_CSS}{css}</style></head>\n<body>"
            f"<header class=\"top\"><h1>{esc(title)}</h1><p>{esc(subtitle)}</p></header>\n"
            f"<main>{body}</main>\n{f'<script>{script}</script>' if script else ''}</body></html>\n")


def write(path: str | Path, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OSError(f"{path}: cannot write the page: {exc.strerror or exc}") from None


def colours(keys: Iterable[Optional[str]]) -> dict[Optional[str], str]:
    """A colour per key, most frequent first; past the palette, colours repeat."""
    counts: dict[Optional[str], int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    order = sorted((k for k in counts if k is not None), key=lambda k: (-counts[k], k))
    out: dict[Optional[str], str] = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(order)}
    out[None] = NO_SPEAKER
    return out


@attrs.frozen
class Mark:
    """A stretch of text to wrap in a <span>: `key` names it (the pieces of a mark split
    to keep the HTML nested share it), `attrs` are the span's attributes, unescaped."""

    start: int
    end: int
    key: str
    attrs: tuple[tuple[str, str], ...]


def _open(mark: Mark, first: bool) -> str:
    parts = []
    for name, value in mark.attrs:
        if name == "class" and first:
            value += " first"
        parts.append(f' {name}="{esc(value)}"')
    if not any(name == "class" for name, _ in mark.attrs) and first:
        parts.append(' class="first"')
    return f"<span data-m=\"{esc(mark.key)}\"{''.join(parts)}>"


def marked_text(text: str, marks: Iterable[Mark]) -> str:
    """`text` escaped, each mark a <span>.  Marks may nest or cross: a mark crossing
    another's end is closed and opened again after it (the pieces share `data-m`), so
    the HTML stays well nested and the text content stays exactly `text`."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = {}
    for m in marks:
        starting.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    started: set[int] = set()
    for here, nxt in zip(cuts, cuts[1:]):
        if any(m.end == here for m in stack):
            # Close down to the deepest mark ending here, reopen those that go on.
            depth = min(i for i, m in enumerate(stack) if m.end == here)
            reopen = [m for m in stack[depth:] if m.end > here]
            out.append("</span>" * (len(stack) - depth))
            del stack[depth:]
            for m in reopen:
                out.append(_open(m, False))
                stack.append(m)
        for m in sorted(starting.get(here, ()), key=lambda m: -m.end):
            out.append(_open(m, id(m) not in started))
            started.add(id(m))
            stack.append(m)
        out.append(esc(text[here:nxt]))
    out.append("</span>" * len(stack))
    return "".join(out)


def bar_chart(rows: list[tuple[str, int]], width: int = 560, label_width: int = 200) -> str:
    """Horizontal bars, one per (label, count), as inline SVG."""
    if not rows:
        return '<p class="meta">no data</p>'
    bar_h, gap = 18, 4
    top = max(count for _, count in rows) or 1
    room = width - label_width - 60
    height = len(rows) * (bar_h + gap)
    out = [f'<svg width="{width}" height="{height}" role="img" class="bars">']
    for i, (label, count) in enumerate(rows):
        y = i * (bar_h + gap)
        w = max(1, round(room * count / top))
        shown = label if len(label) <= 30 else label[:29] + "…"
        out.append(f'<g data-label="{esc(label)}" data-count="{count}"><title>{esc(label)}: {count}</title>'
                   f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end" font-size="12">{esc(shown)}</text>'
                   f'<rect x="{label_width}" y="{y}" width="{w}" height="{bar_h}" fill="#5c7cfa"></rect>'
                   f'<text x="{label_width + w + 4}" y="{y + 13}" font-size="12">{count}</text></g>')
    out.append("</svg>")
    return "".join(out)
