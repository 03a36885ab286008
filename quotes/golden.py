"""Golden regression cases for grammars.

A cases file is JSONL, one case a line:

    {"id": "inversion", "parser": "stanza", "text": "« ... », a déclaré le ministre.",
     "expected": [{"quote": "...", "type": "direct", "speaker": "...", "cue": "déclarer", "cited_source": null}]}

`quotes grammar test GRAMMAR CASES` runs every case and prints, for each case
whose output changed, the expected records it lost (-) and the new ones (+).
`--update` writes the current output back as the expectation.  A case whose
expected records give "speaker_type" ("PER", "ORG", "GPE", "GROUP") is checked
on it too, and keeps it when updated.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

FIELDS = ("quote", "type", "speaker", "cue", "cited_source")
TYPED = FIELDS + ("speaker_type",)


def project(record: dict, fields: tuple[str, ...] = FIELDS) -> dict:
    return {k: record.get(k) for k in fields}


def fields_of(case: dict) -> tuple[str, ...]:
    """The fields a case checks: the speaker's type too where its records give it."""
    return TYPED if any("speaker_type" in r for r in case["expected"]) else FIELDS


def load_cases(path: str | Path) -> list[dict]:
    cases = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: malformed JSON: {exc.msg}") from None
            if "text" not in case or "id" not in case:
                raise ValueError(f"{path}:{number}: a case needs 'id' and 'text'")
            case.setdefault("expected", [])
            case.setdefault("parser", "stanza")
            cases.append(case)
    return cases


def actual(case: dict, grammar: str, parser: Optional[str] = None, stanza_dir: Optional[str] = None) -> list[dict]:
    import quotes

    records = quotes.extract(case["text"], id=case["id"], grammar=grammar, parser=parser or case["parser"], stanza_dir=stanza_dir)
    return [project(q.to_record(), fields_of(case)) for q in records]


def diff(expected: list[dict], got: list[dict]) -> list[str]:
    lines = []
    keys = lambda rs: [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rs]  # noqa: E731
    exp, act = keys(expected), keys(got)
    lines += [f"- {r}" for r in exp if r not in act]
    lines += [f"+ {r}" for r in act if r not in exp]
    return lines


def run_cases(grammar: str, path: str | Path, update: bool = False, parser: Optional[str] = None,
              stanza_dir: Optional[str] = None, out=print) -> int:
    cases = load_cases(path)
    changed = 0
    for case in cases:
        got = actual(case, grammar, parser if parser != "stanza" else None, stanza_dir)
        lines = diff([project(r, fields_of(case)) for r in case["expected"]], got)
        if lines:
            changed += 1
            out(f"{case['id']}:")
            for line in lines:
                out("  " + line)
        case["expected"] = got
    if update:
        with open(path, "w", encoding="utf-8") as f:
            for case in cases:
                f.write(json.dumps(case, ensure_ascii=False) + "\n")
    out(f"{len(cases)} cases, {changed} changed" + (" (updated)" if update and changed else ""))
    return changed
