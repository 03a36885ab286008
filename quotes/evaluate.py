"""`quotes eval`: score predicted records against gold records.

Quotes match one-to-one by character overlap |g ∩ p| / max(|g|, |p|), best
pairs first; precision, recall and F1 are given at 0.3 and 0.8 overlap.  On
the pairs matched at 0.3: speaker accuracy (normalised names), cue accuracy
(lemma), type accuracy and cited-source accuracy.

Where recall goes: every gold record is given a construction (que clause,
postposed cue, ...) by the heuristic in `constructions`, every predicted record
the construction of the rule that made it; `by_construction` counts gold,
matched, missed and spurious records per construction, and the misses and
spurious records are tagged with theirs.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Optional

import attrs
import regex

from .constructions import classify, construction_of_rule

THRESHOLDS = (0.3, 0.8)
# Longest first, and a whole word: "Les secouristes" loses "Les", not "Le".
_DET = regex.compile(r"^(?:les|le|la|l['’]|une|un|des|du|de la|de l['’])(?:\s+|(?<=['’]))", regex.IGNORECASE)


def normalise_name(name: Optional[str]) -> str:
    if not name:
        return ""
    s = unicodedata.normalize("NFC", name).replace("’", "'").strip()
    s = _DET.sub("", s)
    s = regex.sub(r"[^\w\s'-]", " ", s.lower())
    return " ".join(s.replace("-", " ").split())


def normalise_cue(cue: Optional[str]) -> str:
    return (cue or "").replace("’", "'").strip().lower()


@attrs.frozen
class Item:
    doc: str
    start: int
    end: int
    record: dict


def locate(records: list[dict], texts: dict[str, str]) -> list[Item]:
    out = []
    cursor: dict[tuple[str, str], int] = defaultdict(int)
    for r in records:
        doc = r.get("doc", "")
        if isinstance(r.get("start"), int) and isinstance(r.get("end"), int):
            out.append(Item(doc, r["start"], r["end"], r))
            continue
        text = texts.get(doc)
        quote = r.get("quote") or ""
        if text is None and doc in texts:
            raise ValueError(f"document {doc!r}: its file is not UTF-8 text")
        if text is None:
            raise ValueError(f"no text for document {doc!r}: pass --docs with the folder that holds it")
        at = _occurrence(text, quote, cursor[(doc, quote)], r.get("speaker_mention"))
        if at < 0:
            at = text.find(quote)
        if at < 0:
            raise ValueError(f"{doc}: quote not found in the document text: {quote[:60]!r}")
        cursor[(doc, quote)] = at + 1
        out.append(Item(doc, at, at + len(quote), r))
    return out


def _occurrence(text: str, quote: str, start: int, mention: Optional[str]) -> int:
    """Where a record without offsets stands: the first occurrence of its quote from
    `start`, or, when the quote is also found elsewhere (a headline that repeats the
    body's words), the first one whose paragraph names the record's speaker mention."""
    at = text.find(quote, start)
    if at < 0 or not mention or text.find(quote, at + 1) < 0:
        return at
    k = at
    while k >= 0:
        first, last = text.rfind("\n", 0, k) + 1, text.find("\n", k + len(quote))
        if mention in text[first: len(text) if last < 0 else last]:
            return k
        k = text.find(quote, k + 1)
    return at


def overlap(a: Item, b: Item) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    return inter / max(a.end - a.start, b.end - b.start, 1)


def match(gold: list[Item], pred: list[Item], threshold: float) -> list[tuple[Item, Item]]:
    pairs = []
    for g in gold:
        for p in pred:
            if g.doc == p.doc:
                o = overlap(g, p)
                if o >= threshold:
                    pairs.append((o, id(g), id(p), g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for _, ig, ip, g, p in pairs:
        if ig in used_g or ip in used_p:
            continue
        used_g.add(ig)
        used_p.add(ip)
        out.append((g, p))
    return out


def _prf(n_match: int, n_gold: int, n_pred: int) -> dict:
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _accuracy(pairs, key) -> Optional[float]:
    values = [key(g.record) == key(p.record) for g, p in pairs]
    return round(sum(values) / len(values), 4) if values else None


@attrs.frozen
class Alignment:
    """Gold and predicted records placed in their texts, and the pairs matched at the
    first threshold: what the scores count and what the HTML view shows."""

    gold: list[Item]
    pred: list[Item]
    pairs: list[tuple[Item, Item]]


def align(gold_records: list[dict], pred_records: list[dict], texts: dict[str, str]) -> Alignment:
    gold = locate(gold_records, texts)
    pred = locate([r for r in pred_records if r.get("doc") in texts or isinstance(r.get("start"), int)], texts)
    return Alignment(gold, pred, match(gold, pred, THRESHOLDS[0]))


def same_speaker(g: Item, p: Item) -> bool:
    return normalise_name(g.record.get("speaker")) == normalise_name(p.record.get("speaker"))


def evaluate(gold_records: list[dict], pred_records: list[dict], texts: dict[str, str]) -> dict:
    aligned = align(gold_records, pred_records, texts)
    gold, pred, pairs = aligned.gold, aligned.pred, aligned.pairs
    result: dict = {"gold": len(gold), "predicted": len(pred)}
    for t in THRESHOLDS:
        result[f"quote@{t}"] = _prf(len(match(gold, pred, t)), len(gold), len(pred))
    result["speaker_accuracy"] = _accuracy(pairs, lambda r: normalise_name(r.get("speaker")))
    result["cue_accuracy"] = _accuracy(pairs, lambda r: normalise_cue(r.get("cue")))
    result["type_accuracy"] = _accuracy(pairs, lambda r: r.get("type"))
    with_source = [(g, p) for g, p in pairs if g.record.get("cited_source")]
    result["cited_source_accuracy"] = _accuracy(with_source, lambda r: normalise_name(r.get("cited_source")))
    # A speaker's type is judged only where its name is right: a wrong name is
    # counted once, under speaker accuracy, not a second time here.
    named = [(g, p) for g, p in pairs if g.record.get("speaker_type") and same_speaker(g, p)]
    result["speaker_type_accuracy"] = _accuracy(named, lambda r: r.get("speaker_type"))
    docs = sorted({i.doc for i in gold} | {i.doc for i in pred})
    result["documents"] = {}
    for d in docs:
        g = [i for i in gold if i.doc == d]
        p = [i for i in pred if i.doc == d]
        result["documents"][d] = {"gold": len(g), "predicted": len(p), **_prf(len(match(g, p, THRESHOLDS[0])), len(g), len(p))}
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    gold_kind = {id(i): classify(i.record, texts.get(i.doc) or "", i.start, i.end) for i in gold}
    pred_kind = {id(i): construction_of_rule(i.record.get("rule")) for i in pred}
    misses = [i for i in gold if id(i) not in matched_g]
    spurious = [i for i in pred if id(i) not in matched_p]
    result["by_construction"] = by_construction(pairs, misses, spurious, gold_kind, pred_kind)
    result["misses"] = [_context(i, texts, gold_kind[id(i)]) for i in misses]
    result["spurious"] = [_context(i, texts, pred_kind[id(i)]) for i in spurious]
    result["wrong_speakers"] = [
        {"doc": g.doc, "quote": g.record.get("quote", "")[:80], "gold": g.record.get("speaker"), "predicted": p.record.get("speaker")}
        for g, p in pairs if not same_speaker(g, p)
    ]
    result["wrong_speaker_types"] = [
        {"doc": g.doc, "quote": g.record.get("quote", "")[:80], "speaker": g.record.get("speaker"),
         "gold": g.record.get("speaker_type"), "predicted": p.record.get("speaker_type")}
        for g, p in named if g.record.get("speaker_type") != p.record.get("speaker_type")
    ]
    return result


def by_construction(pairs, misses, spurious, gold_kind: dict, pred_kind: dict) -> dict:
    """Gold, matched, missed and spurious counts per construction, most misses
    first.  A matched pair counts under its gold record's construction; `rules`
    says which constructions the predicted records of those pairs came from,
    so a gold construction that another rule finds shows as such."""
    table: dict[str, dict] = defaultdict(lambda: {"gold": 0, "matched": 0, "missed": 0, "spurious": 0, "rules": defaultdict(int)})
    for g, p in pairs:
        row = table[gold_kind[id(g)]]
        row["matched"] += 1
        row["rules"][pred_kind[id(p)]] += 1
    for g in misses:
        table[gold_kind[id(g)]]["missed"] += 1
    for p in spurious:
        table[pred_kind[id(p)]]["spurious"] += 1
    for row in table.values():
        row["gold"] = row["matched"] + row["missed"]
        row["recall"] = round(row["matched"] / row["gold"], 4) if row["gold"] else None
        row["rules"] = dict(sorted(row["rules"].items(), key=lambda kv: (-kv[1], kv[0])))
    order = sorted(table, key=lambda k: (-table[k]["missed"], -table[k]["spurious"], k))
    return {k: table[k] for k in order}


def _context(item: Item, texts: dict[str, str], construction: str) -> dict:
    text = texts.get(item.doc) or ""
    return {"doc": item.doc, "construction": construction, "quote": item.record.get("quote", "")[:100],
            "context": text[max(0, item.start - 60): item.start].replace("\n", " ")}


def load_jsonl(path: str | Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: malformed JSON: {exc.msg}") from None
    return out


def load_texts(folder: str | Path) -> dict[str, str | None]:
    """The documents of a folder by file name.  A file that is not UTF-8 text maps to
    None: the folder may hold other things, and only a record that points at one is
    an error (named then)."""
    texts: dict[str, str | None] = {}
    for path in Path(folder).iterdir():
        if path.is_file() and path.suffix != ".jsonl":
            try:
                texts[path.name] = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                texts[path.name] = None
    return texts


def report(result: dict) -> str:
    lines = [f"gold {result['gold']}  predicted {result['predicted']}"]
    for t in THRESHOLDS:
        m = result[f"quote@{t}"]
        lines.append(f"quote @{t}: P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    for key in ("speaker_accuracy", "speaker_type_accuracy", "cue_accuracy", "type_accuracy", "cited_source_accuracy"):
        value = result[key]
        lines.append(f"{key.replace('_', ' ')}: {'n/a' if value is None else f'{value:.3f}'}")
    lines.append("per document (@0.3):")
    for d, m in result["documents"].items():
        lines.append(f"  {d}  gold {m['gold']:3d}  predicted {m['predicted']:3d}  "
                     f"P {m['precision']:.2f}  R {m['recall']:.2f}  F1 {m['f1']:.2f}")
    lines.extend(_construction_lines(result["by_construction"]))
    for key in ("misses", "spurious"):
        if result[key]:
            lines.append(f"{key}:")
            lines.extend(f"  {i['doc'][:3]} [{i['construction']}] …{i['context'][-40:]!r} [{i['quote']}]" for i in result[key])
    if result["wrong_speakers"]:
        lines.append("wrong speakers:")
        lines.extend(f"  {w['doc'][:3]} gold {w['gold']!r} predicted {w['predicted']!r}: {w['quote']}" for w in result["wrong_speakers"])
    if result["wrong_speaker_types"]:
        lines.append("wrong speaker types:")
        lines.extend(f"  {w['doc'][:3]} {w['speaker']!r} gold {w['gold']} predicted {w['predicted']}: {w['quote']}"
                     for w in result["wrong_speaker_types"])
    return "\n".join(lines)


def _construction_lines(table: dict) -> list[str]:
    """The by-construction table, most misses first (the order `by_construction` gives)."""
    if not table:
        return []
    width = max(len("construction"), *(len(k) for k in table))
    lines = ["by construction (@0.3, most misses first):",
             f"  {'construction':<{width}}  gold  matched  missed  spurious  recall  matched by"]
    for name, row in table.items():
        recall = "   n/a" if row["recall"] is None else f"{row['recall']:6.2f}"
        made_by = ", ".join(f"{k} {n}" for k, n in row["rules"].items())
        lines.append(f"  {name:<{width}}  {row['gold']:4d}  {row['matched']:7d}  {row['missed']:6d}  {row['spurious']:8d}  {recall}  {made_by}".rstrip())
    return lines
