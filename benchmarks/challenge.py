"""Challenge sets: short French news passages written for testing, scored against their records.

    python benchmarks/challenge.py [benchmarks/challenge/round4.jsonl ...] [--failures]

Each line of a set is a case: {"id", "text", "construction", "expect": [records]}, an expected
record holding quote, speaker, type and cue, and, in the later rounds, speaker_type and
cited_source.  The passages are of our own, none taken from the dev or seed articles: they
measure whether a rule is general French grammar rather than a fit to one article.  They are
not annotated as carefully as the dev gold (some expectations are arguable under
ANNOTATION.md), so they are a yardstick between changes, not a score to quote alone.

A found record matches an expected one when their words overlap with an F1 of 0.5 or more
(marks, case and apostrophes aside), one to one, best first.  Speakers and cited sources are
compared without a leading article.  Printed per set: cases, expected and found records,
matched, then of the matched how many have the exact quote, speaker, cue, type, cited source
and speaker type right (the last two where the set gives them), the spurious records and the
cases that raised.  --failures lists every case with a fault.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent / "challenge"
MARKS = "«»“”„‹›\"‘"
ARTICLE = re.compile(r"^(?:le |la |les |l'|un |une |des |du |de la |de l'|d'|au |aux |à l')")
FIELDS = ("exact_quote", "speaker", "cue", "type", "cited", "stype")


def norm(s: str | None) -> str:
    s = (s or "").replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    s = "".join(ch for ch in s if ch not in MARKS)
    return re.sub(r"\s+", " ", s).strip(" .").lower()


def overlap(a: str, b: str) -> float:
    x, y = re.findall(r"\w+", norm(a)), re.findall(r"\w+", norm(b))
    common = sum((Counter(x) & Counter(y)).values())
    if not common:
        return 0.0
    p, r = common / len(y), common / len(x)
    return 2 * p * r / (p + r)


def same_name(expected: str | None, found: str | None) -> bool:
    if expected is None:
        return found is None
    return found is not None and ARTICLE.sub("", norm(expected)).strip(" ,.") == ARTICLE.sub("", norm(found)).strip(" ,.")


def cue_key(cue: str | None) -> str:
    return norm(cue).replace("se ", "").replace("s'", "").strip()


def score(expected: dict, found: dict) -> dict[str, bool]:
    return {
        "exact_quote": norm(expected["quote"]) == norm(found["quote"]),
        "speaker": same_name(expected["speaker"], found.get("speaker")),
        "cue": cue_key(expected["cue"]) == cue_key(found.get("cue")),
        "type": expected["type"] == found.get("type"),
        "cited": "cited_source" not in expected or same_name(expected["cited_source"], found.get("cited_source")),
        "stype": expected.get("speaker_type") in (None, found.get("speaker_type")),
    }


def run_set(path: Path, extract) -> tuple[dict, list[str]]:
    counts: Counter = Counter()
    failures: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        counts["cases"] += 1
        try:
            found = [q.to_record() for q in extract(case["text"], id=case["id"])]
        except Exception as exc:  # a case that raises is counted, the set goes on
            counts["errors"] += 1
            failures.append(f"{case['id']}: raised {exc!r}")
            found = []
        counts["expected"] += len(case["expect"])
        counts["found"] += len(found)
        used: set[int] = set()
        lines = []
        for e in case["expect"]:
            ranked = sorted(((overlap(e["quote"], r["quote"]), i) for i, r in enumerate(found) if i not in used), reverse=True)
            if not ranked or ranked[0][0] < 0.5:
                lines.append(f"  MISS {e['quote'][:70]!r} | {e['speaker']} | {e['cue']}")
                continue
            i = ranked[0][1]
            used.add(i)
            counts["matched"] += 1
            marks = score(e, found[i])
            counts.update(k for k, ok in marks.items() if ok)
            wrong = [k for k, ok in marks.items() if not ok]
            if wrong:
                r = found[i]
                lines.append(f"  BAD {wrong} expected {e['speaker']!r} {e.get('speaker_type')} {e['cue']} {e['type']}"
                             f" {e.get('cited_source')!r}; got {r['quote'][:60]!r} {r.get('speaker')!r}"
                             f" {r.get('speaker_type')} {r.get('cue')} {r.get('type')} {r.get('cited_source')!r}")
        for i, r in enumerate(found):
            if i not in used:
                counts["spurious"] += 1
                lines.append(f"  SPURIOUS {r['quote'][:70]!r} | {r.get('speaker')} | {r.get('cue')}")
        if lines:
            failures.append(f"{case['id']} ({case.get('construction', '')}): {case['text'][:100]!r}\n" + "\n".join(lines))
    return counts, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", type=Path, help="challenge sets (default: all in benchmarks/challenge/)")
    parser.add_argument("--failures", action="store_true", help="list every case with a fault")
    args = parser.parse_args(argv)
    import quotes

    paths = args.sets or sorted(HERE.glob("*.jsonl"))
    for path in paths:
        counts, failures = run_set(path, quotes.extract)
        print(f"{path.name}: cases {counts['cases']}, expected {counts['expected']}, found {counts['found']}, "
              f"matched {counts['matched']}; " + ", ".join(f"{k} {counts[k]}" for k in FIELDS)
              + f"; spurious {counts['spurious']}, errors {counts['errors']}")
        if args.failures:
            print("\n".join(failures), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
