"""`quotes report`: who is quoted across a corpus, as one self-contained HTML page.

DuckDB reads the records JSONL once into a table and every count is a SQL
query over it, so a corpus of a million records is counted in seconds and in
DuckDB's memory, not in Python objects.  The searchable table holds the first
`rows` records only (a page of a million rows would not open); the page says
so, and the counts cover every record.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from . import pages

# The record fields the report reads; a field a record lacks (gold records, older
# schemas) reads as NULL, a field the report does not use is not parsed at all.
COLUMNS = {
    "doc": "VARCHAR", "quote": "VARCHAR", "type": "VARCHAR", "speaker": "VARCHAR", "speaker_type": "VARCHAR",
    "speaker_gender": "VARCHAR", "cue": "VARCHAR", "cited_source": "VARCHAR", "source": "VARCHAR",
    "date": "VARCHAR", "balanced": "BOOLEAN",
}
TABLE_FIELDS = ("doc", "speaker", "speaker_type", "type", "cue", "source", "date", "quote")
GENDERS = {"f": "women (f)", "m": "men (m)"}
MAX_MONTHS = 120   # past ten years of months, the time chart counts years


@attrs.frozen
class Chart:
    key: str
    title: str
    rows: list[tuple[str, int]]
    note: str = ""


@attrs.frozen
class Report:
    source: str
    records: int
    documents: int
    with_speaker: int
    speakers: int
    dated: int
    unbalanced: int
    charts: list[Chart]
    period: Chart
    table: list[tuple]


def _connect(path: str):
    try:
        import duckdb
    except ImportError:  # pragma: no cover - duckdb is a dependency; a broken install says so
        raise ImportError("quotes report needs the duckdb package: pip install duckdb") from None
    if not Path(path).is_file():
        raise ValueError(f"{path}: no such records file")
    con = duckdb.connect()
    columns = "{" + ", ".join(f"'{k}': '{v}'" for k, v in COLUMNS.items()) + "}"
    try:
        con.execute(f"create temp table r as select * from read_json(?, format='newline_delimited', columns={columns})", [path])
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0]
        raise ValueError(f"{path}: cannot read the records: {first}") from None
    return con


def _rows(con, sql: str, *params) -> list[tuple[str, int]]:
    return [(str(label), int(n)) for label, n in con.execute(sql, list(params)).fetchall()]


def _counted(con, expr: str, top: int, where: str = "true") -> list[tuple[str, int]]:
    return _rows(con, f"select {expr} as k, count(*) as n from r where {where} group by k order by n desc, k limit ?", top)


def build(path: str, top: int = 20, rows: int = 2000) -> Report:
    if top < 1 or rows < 0:
        raise ValueError(f"--top must be at least 1 and --rows at least 0 (got {top} and {rows})")
    con = _connect(path)
    records, documents, with_speaker, speakers, dated, unbalanced = con.execute(
        "select count(*), count(distinct doc), count(speaker), count(distinct speaker), "
        "count(*) filter (where regexp_matches(date, '^\\d{4}')), count(*) filter (where balanced = false) from r").fetchone()
    speaker_rows = _rows(con, "select speaker || coalesce(' (' || speaker_type || ')', '') as k, count(*) as n from r "
                              "where speaker is not null group by speaker, speaker_type order by n desc, k limit ?", top)
    genders = _rows(con, "select coalesce(speaker_gender, 'unknown') as k, count(*) as n from r where speaker_type = 'PER' "
                         "group by k order by n desc, k")
    charts = [
        Chart("speakers", f"Most quoted speakers (top {top})", speaker_rows,
              f"{speakers} distinct speaker names; a name counts across documents"),
        Chart("speaker_type", "Quotes by speaker type", _counted(con, "coalesce(speaker_type, 'no speaker')", 10)),
        Chart("gender", "Quotes of persons by gender", [(GENDERS.get(k, k), n) for k, n in genders],
              "the gender the document gives (M./Mme, agreement, a resolved pronoun); unknown when it gives none"),
        Chart("outlet", f"Quotes by outlet (top {top})", _counted(con, "coalesce(source, 'unknown')", top)),
        Chart("cue", f"Quotes by cue (top {top})", _counted(con, "coalesce(cue, 'none')", top)),
        Chart("type", "Quotes by type", _counted(con, "coalesce(type, 'unknown')", 10)),
    ]
    period = _period(con)
    fields = ", ".join(f'"{f}"' for f in TABLE_FIELDS)
    table = con.execute(f"select {fields} from r limit ?", [rows]).fetchall()
    con.close()
    return Report(path, records, documents, with_speaker, speakers, dated, unbalanced, charts, period, table)


def _period(con) -> Chart:
    months = _rows(con, "select substr(date, 1, 7) as k, count(*) as n from r "
                        "where regexp_matches(date, '^\\d{4}-\\d{2}') group by k order by k")
    if len(months) <= MAX_MONTHS:
        return Chart("period", "Quotes by month (document date)", months)
    years = _rows(con, "select substr(date, 1, 4) as k, count(*) as n from r "
                       "where regexp_matches(date, '^\\d{4}') group by k order by k")
    return Chart("period", "Quotes by year (document date)", years)


def column_chart(rows: list[tuple[str, int]], height: int = 160) -> str:
    """Counts over time as columns, in order, as inline SVG."""
    if not rows:
        return '<p class="meta">no record has a document date</p>'
    step = max(6, min(40, 900 // len(rows)))
    top = max(n for _, n in rows) or 1
    out = [f'<svg width="{step * len(rows) + 40}" height="{height + 40}" role="img" class="cols">']
    for i, (label, n) in enumerate(rows):
        h = max(1, round(height * n / top))
        x = 30 + i * step
        out.append(f'<g data-label="{pages.esc(label)}" data-count="{n}"><title>{pages.esc(label)}: {n}</title>'
                   f'<rect x="{x}" y="{height - h + 10}" width="{step - 2}" height="{h}" fill="#5c7cfa"></rect></g>')
    # Label the first, last and a few evenly spaced columns: all would overlap.
    every = max(1, len(rows) // 8)
    for i in sorted({*range(0, len(rows), every), len(rows) - 1}):
        out.append(f'<text x="{30 + i * step}" y="{height + 26}" font-size="11">{pages.esc(rows[i][0])}</text>')
    out.append(f'<text x="0" y="20" font-size="11">{top}</text></svg>')
    return "".join(out)


CSS = """
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:1em}
.figures{display:flex;flex-wrap:wrap;gap:1.5em;margin:0}.figures div{font-size:.85em;color:#666}
.figures b{display:block;font-size:1.5em;color:#222}
table.records{border-collapse:collapse;font-size:.85em;width:100%}
table.records th,table.records td{border-bottom:1px solid #eee;padding:2px 6px;text-align:left;vertical-align:top}
table.records td:last-child{font-family:Georgia,serif}
#filter{font-size:1em;padding:.3em;width:22em;margin:.3em 0 .6em}
"""

FILTER_JS = """
const rows = Array.from(document.querySelectorAll('table.records tbody tr'));
const shown = document.getElementById('shown');
document.getElementById('filter').addEventListener('input', e => {
  const words = e.target.value.toLowerCase().split(/\\s+/).filter(Boolean); let n = 0;
  for (const tr of rows) {
    const text = tr.textContent.toLowerCase();
    const ok = words.every(w => text.includes(w)); tr.hidden = !ok; n += ok;
  }
  shown.textContent = n;
});
"""


def _figure(label: str, value) -> str:
    return f'<div data-figure="{label}"><b>{value:,}</b>{label}</div>'


def render(report: Report, title: str = "quotes report") -> str:
    share = f"{report.with_speaker / report.records:.0%}" if report.records else "n/a"
    figures = "".join(_figure(k, v) for k, v in (("records", report.records), ("documents", report.documents),
                                                  ("with a speaker", report.with_speaker), ("speaker names", report.speakers),
                                                  ("dated", report.dated), ("unbalanced", report.unbalanced)))
    charts = "".join(f'<section class="panel" data-chart="{c.key}"><h2>{pages.esc(c.title)}</h2>'
                     f'{f"<p class=meta>{pages.esc(c.note)}</p>" if c.note else ""}{pages.bar_chart(c.rows)}</section>'
                     for c in report.charts)
    period = (f'<section class="panel" data-chart="{report.period.key}"><h2>{pages.esc(report.period.title)}</h2>'
              f'{column_chart(report.period.rows)}</section>')
    capped = (f"the first {len(report.table):,} of {report.records:,} records (the counts above cover them all)"
              if len(report.table) < report.records else f"all {report.records:,} records")
    head = "".join(f"<th>{pages.esc(f)}</th>" for f in TABLE_FIELDS)
    body_rows = "".join("<tr>" + "".join(f"<td>{pages.esc(v)}</td>" for v in row) + "</tr>" for row in report.table)
    table = (f'<section class="panel"><h2>Records</h2><p class="meta">{capped}; '
             f'<span id="shown">{len(report.table)}</span> shown</p>'
             f'<input id="filter" type="search" placeholder="filter: words all present in a row">'
             f'<table class="records"><thead><tr>{head}</tr></thead><tbody>{body_rows}</tbody></table></section>')
    body = (f'<section class="panel"><div class="figures">{figures}</div></section>'
            f'<div class="grid">{charts}</div>{period}{table}')
    subtitle = f"{Path(report.source).name}: {report.records:,} records, {report.documents:,} documents, {share} with a speaker"
    return pages.page(title, subtitle, body, CSS, FILTER_JS)
