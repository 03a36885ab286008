"""`quotes eval --html`: gold and predicted records side by side in each document.

The pairs are those `evaluate.align` matches for the scores, so the page
shows exactly what was counted: a missed gold record (solid red frame), a
spurious prediction (dashed orange frame), a matched pair whose speakers
differ (wavy underline on both sides).  Clicking a quote highlights its
partner in the other column.  Colours follow the speaker's normalised name
on both sides, so one speaker has one colour in both columns.
"""

from __future__ import annotations

from . import pages
from .evaluate import Item, align, same_speaker
from .model import Document
from .show import STATUS_CSS, Entry, document_view, name_key

CSS = STATUS_CSS + """
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.cols h3{font-size:.95em;margin:.2em 0}
.score{font-variant-numeric:tabular-nums}
"""


def render(gold_records: list[dict], pred_records: list[dict], texts: dict[str, str], result: dict) -> str:
    aligned = align(gold_records, pred_records, texts)
    partner: dict[int, tuple[str, bool]] = {}
    for n, (g, p) in enumerate(aligned.pairs):
        same = same_speaker(g, p)
        partner[id(g)] = partner[id(p)] = (f"p{n}", same)
    records: list[dict] = []

    def entries(items: list[Item], unmatched: str) -> list[Entry]:
        out = []
        for item in items:
            pair, same = partner.get(id(item), (None, True))
            status = unmatched if pair is None else ("wrong" if not same else None)
            out.append(Entry(len(records), item.record, item.start, item.end, status, pair))
            records.append(item.record)
        return out

    sections = []
    for doc_id in sorted({i.doc for i in aligned.gold} | {i.doc for i in aligned.pred}):
        text = texts.get(doc_id) or ""
        doc = Document(doc_id, text)
        gold = entries([i for i in aligned.gold if i.doc == doc_id], "miss")
        pred = entries([i for i in aligned.pred if i.doc == doc_id], "spurious")
        palette = pages.colours(name_key(e.record) for e in gold + pred)
        counts = {s: sum(1 for e in gold + pred if e.status == s) for s in ("miss", "spurious", "wrong")}
        m = result["documents"].get(doc_id, {})
        score = (f'<span class="score">P {m.get("precision", 0):.2f} R {m.get("recall", 0):.2f} F1 {m.get("f1", 0):.2f}</span>'
                 if m else "")
        sections.append(
            f'<section class="doc" data-doc="{pages.esc(doc_id)}"><h2>{pages.esc(doc_id)}</h2>'
            f'<p class="meta">gold {len(gold)} · predicted {len(pred)} · {score} · '
            f'<span data-misses="{counts["miss"]}">{counts["miss"]} missed</span> · '
            f'<span data-spurious="{counts["spurious"]}">{counts["spurious"]} spurious</span> · '
            f'<span data-wrong="{counts["wrong"] // 2}">{counts["wrong"] // 2} wrong speakers</span></p>'
            f'<div class="cols"><div class="gold"><h3>gold</h3>{document_view(doc, gold, name_key, False, palette)}</div>'
            f'<div class="pred"><h3>predicted</h3>{document_view(doc, pred, name_key, False, palette)}</div></div></section>')
    q = result["quote@0.3"]
    subtitle = (f"gold {result['gold']}, predicted {result['predicted']}; quotes @0.3 P {q['precision']:.3f} "
                f"R {q['recall']:.3f} F1 {q['f1']:.3f}; solid red = missed, dashed orange = spurious, "
                "wavy underline = wrong speaker; click a quote to see its record and its match")
    body = "".join(sections) + f'<div id="record"></div><script type="application/json" id="records">{pages.script_json(records)}</script>'
    return pages.page("quotes eval", subtitle, body, CSS, pages.RECORD_JS)
