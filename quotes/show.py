"""`quotes show`: documents with their quotes highlighted, as one self-contained HTML page.

Each quote takes the colour of its speaker entity (records of one document
that share a `speaker_id` are one speaker); the cue and the words naming the
speaker are marked where the record gives their offsets; a quotation whose
marks were broken (`balanced: false`) is flagged.  Hovering a quote gives a
summary, clicking it the whole record.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, Optional

import attrs

from . import pages
from .evaluate import locate, normalise_name
from .model import Document

# Statuses the evaluation view gives its quotes, and how they look.
STATUS_CSS = """
.miss{outline:3px solid #c62828;outline-offset:1px}
.spurious{outline:3px dashed #ef6c00;outline-offset:1px}
.wrong{text-decoration:underline wavy #6a1b9a}
"""


@attrs.frozen
class Entry:
    """A record placed in its document: `index` is its place in the page's record list
    (what a click shows), `status` an extra class, `pair` links a gold record to its match."""

    index: int
    record: dict
    start: int
    end: int
    status: Optional[str] = None
    pair: Optional[str] = None


def speaker_key(record: dict) -> Optional[str]:
    """The speaker entity of a record: its id when the record has one (the document's
    entity table), else its normalised name (gold records carry names only)."""
    if record.get("speaker_id"):
        return f"id:{record['speaker_id']}"
    name = normalise_name(record.get("speaker"))
    return f"name:{name}" if name else None


def name_key(record: dict) -> Optional[str]:
    name = normalise_name(record.get("speaker"))
    return f"name:{name}" if name else None


def summary(record: dict) -> str:
    speaker = record.get("speaker") or "no speaker"
    if record.get("speaker_type"):
        speaker += f" ({record['speaker_type']})"
    parts = [speaker, record.get("type") or "", f"cue: {record.get('cue') or '—'}"]
    if record.get("cited_source"):
        parts.append(f"via {record['cited_source']}")
    if record.get("quote_date") or record.get("date"):
        parts.append(str(record.get("quote_date") or record.get("date")))
    if record.get("balanced") is False:
        parts.append("unbalanced quotation marks")
    return " · ".join(p for p in parts if p)


def _offsets(record: dict, text: str, kind: str) -> Optional[tuple[int, int]]:
    """The record's `kind` (cue, speaker) offsets when it has them and they hold in the text."""
    start, end = record.get(f"{kind}_start"), record.get(f"{kind}_end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    words = record.get("cue_text" if kind == "cue" else "speaker_mention")
    if not 0 <= start < end <= len(text) or (words is not None and text[start:end] != words):
        raise ValueError(f"document {record.get('doc')!r}: the {kind} offsets {start}-{end} of the record "
                         f"for {str(record.get('quote'))[:50]!r} do not match the document text")
    return start, end


def marks(entries: Iterable[Entry], text: str, colour: Callable[[dict], str]) -> list[pages.Mark]:
    out: dict[tuple, pages.Mark] = {}
    for e in entries:
        r = e.record
        if r.get("quote") is not None and text[e.start:e.end] != r["quote"]:
            raise ValueError(f"document {r.get('doc')!r}: the quote offsets {e.start}-{e.end} do not match the "
                             f"document text (record for {str(r['quote'])[:50]!r})")
        cls = " ".join(c for c in ("q", "unbalanced" if r.get("balanced") is False else "", e.status or "") if c)
        attributes = [("class", cls), ("style", f"--c:{colour(r)}"), ("data-r", str(e.index)), ("title", summary(r))]
        if e.pair:
            attributes.append(("data-pair", e.pair))
        out[("q", e.index)] = pages.Mark(e.start, e.end, f"q{e.index}", tuple(attributes))
        for kind, cls in (("cue", "cue"), ("speaker", "spk")):
            at = _offsets(r, text, kind)
            if at and (kind, at) not in out:
                out[(kind, at)] = pages.Mark(at[0], at[1], f"{cls}{at[0]}-{at[1]}",
                                             (("class", cls), ("style", f"--c:{colour(r)}")))
    return list(out.values())


def legend(entries: list[Entry], colour: Callable[[dict], str], key: Callable[[dict], Optional[str]]) -> str:
    counts = Counter(key(e.record) for e in entries)
    first = {}
    for e in entries:
        first.setdefault(key(e.record), e.record)
    items = []
    for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] or "~")):
        r = first[k]
        name = r.get("speaker") or "no speaker"
        kind = f" <span class=\"meta\">{pages.esc(r['speaker_type'])}</span>" if r.get("speaker_type") and k else ""
        items.append(f'<li data-speaker="{pages.esc(name)}" data-count="{n}"><span class="sw" style="background:{colour(r)}">'
                     f'</span>{pages.esc(name)}{kind} <b>{n}</b></li>')
    return f'<ul class="legend">{"".join(items)}</ul>' if items else '<p class="meta">no quote found</p>'


def document_view(doc: Document, entries: list[Entry], key: Callable[[dict], Optional[str]] = speaker_key,
                  heading: bool = True, palette: Optional[dict] = None) -> str:
    """One document: its heading, the legend of its speakers and its text with the marks.
    `palette` (speaker key -> colour) is given when two views must colour alike."""
    palette = palette or pages.colours(key(e.record) for e in entries)

    def colour(r: dict) -> str:
        return palette.get(key(r), pages.NO_SPEAKER)

    meta = " · ".join(pages.esc(x) for x in (doc.outlet, doc.date, doc.url) if x)
    top = ""
    if heading:
        unbalanced = sum(1 for e in entries if e.record.get("balanced") is False)
        flag = f" · <b>{unbalanced} unbalanced</b>" if unbalanced else ""
        facts = [pages.esc(doc.id)] if doc.title else []
        facts += [meta] if meta else []
        facts.append(f"{len(entries)} quotes{flag}")
        top = f'<h2>{pages.esc(doc.title or doc.id)}</h2><p class="meta">{" · ".join(facts)}</p>'
    return (f'{top}{legend(entries, colour, key)}'
            f'<div class="text" data-doc="{pages.esc(doc.id)}">{pages.marked_text(doc.text, marks(entries, doc.text, colour))}</div>')


def render(shown: list[tuple[Document, list[dict]]], title: str = "quotes") -> str:
    """The page for documents and their records (records already located: int start/end)."""
    records: list[dict] = []
    sections = []
    for doc, recs in shown:
        entries = []
        for r in recs:
            entries.append(Entry(len(records), r, r["start"], r["end"]))
            records.append(r)
        sections.append(f'<section class="doc">{document_view(doc, entries)}</section>')
    n_docs, n_recs = len(shown), len(records)
    subtitle = f"{n_docs} document{'s' * (n_docs != 1)}, {n_recs} quote{'s' * (n_recs != 1)}: colour = speaker, " \
               "double underline = cue, bold = speaker mention, dashed = unbalanced marks; click a quote for its record"
    body = "".join(sections) + f'<div id="record"></div><script type="application/json" id="records">{pages.script_json(records)}</script>'
    return pages.page(title, subtitle, body, script=pages.RECORD_JS)


def extracted(paths: list[str], grammar: str = "fr", parser: str = "stanza", stanza_dir: Optional[str] = None,
              warn: Callable[[str], None] = lambda message: None) -> list[tuple[Document, list[dict]]]:
    """Run the extraction on any input `quotes extract` takes, as `quotes extract` runs it
    (the same batches), and keep each document beside its records."""
    from . import runner
    from .inputs import read

    items = list(read(paths))
    if not any(isinstance(i, Document) for i in items):
        for item in items:
            if getattr(item, "message", None):
                warn(f"{item.source}: {item.message}")
        raise ValueError(f"{' '.join(paths)}: no document to show (a records file needs --docs with its documents)")
    out = []
    outcomes = runner.run(iter(items), runner.Settings(grammar, parser, stanza_dir), runner.Counts())
    for item, outcome in zip(items, outcomes):   # one outcome per input item, in order
        if outcome.failure is not None:
            warn(f"{outcome.failure.source}: {outcome.failure.level}: {outcome.failure.error}")
        if outcome.notice is not None:
            warn(f"{outcome.notice.source}: {outcome.notice.message}")
        if isinstance(item, Document) and outcome.is_document and outcome.failure is None:
            out.append((item, list(outcome.records)))
    return out


def from_records(records_path: str, doc_paths: list[str]) -> list[tuple[Document, list[dict]]]:
    """A records file beside its documents (any input `quotes extract` takes, read the same way,
    so the offsets refer to the same text)."""
    from .evaluate import load_jsonl
    from .inputs import read

    docs = {d.id: d for d in read(doc_paths) if isinstance(d, Document)}
    records = load_jsonl(records_path)
    missing = sorted({str(r.get("doc")) for r in records} - set(docs))
    if missing:
        raise ValueError(f"{records_path}: no document {missing[0]!r} in {' '.join(doc_paths)}"
                         f"{f' (and {len(missing) - 1} more)' if len(missing) > 1 else ''}")
    items = locate(records, {k: d.text for k, d in docs.items()})
    by_doc: dict[str, list[dict]] = {}
    for item in items:
        by_doc.setdefault(item.doc, []).append({**item.record, "start": item.start, "end": item.end})
    return [(docs[d], recs) for d, recs in by_doc.items()]
