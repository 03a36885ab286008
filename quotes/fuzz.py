"""Long-running fuzz target for the whole pipeline (not run by CI).

    python -m quotes.fuzz --minutes 10 [--seed 0] [--parser stanza]

Feeds hostile text (broken marks of every style, control and bidi characters,
zero-width joiners, combining accents, emoji, NFC/NFD mixes, very long lines)
through `Pipeline.process`, checks that every record's offsets are valid and
that output is deterministic, and stops at the first failure, saving the input.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata

from .parsing import PARSERS

PIECES = [
    "«", "»", "“", "”", "„", "‘", "’", "‹", "›", '"', "'", "—", "–", "-", "\u00a0", "\u202f", "\n", "\n\n", "\r\n",
    "\x00", "\x07", "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\ufeff", "e\u0301", "\u0301", "👩‍👩‍👧", "🇫🇷",
    "a déclaré", "a souligné que", "selon", "d'après", "Il a noté qu'", "M.", "Mme", "le ministre", "Belousov",
    "Andreï Belousov", "Kim Jong-un", "KCNA", "l'État", "aujourd’hui", ", a-t-il ajouté.", ".", ",", ":", " ", "  ",
    "La Russie", "que", "qu'«", "Selon elle,", "hier", "le 30 novembre", "2024-11-01", "ﬁ", "Å", "ǅ", "\t",
]
SENTENCES = [
    "« Nous resterons », a déclaré le ministre Belousov.",
    "Selon RIA Novosti, M. Belousov a souligné que la coopération progresse.",
    "Il a noté que l'amitié « se renforce ».",
    "Kim s'est engagé à « élargir la coopération », tel que cité par KCNA.",
]


def hostile(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 60)):
        roll = rng.random()
        if roll < 0.6:
            parts.append(rng.choice(PIECES))
        elif roll < 0.9:
            parts.append(rng.choice(SENTENCES))
        else:
            parts.append("".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 20))))
    text = "".join(parts)
    if rng.random() < 0.3:
        text = unicodedata.normalize(rng.choice(["NFC", "NFD", "NFKC", "NFKD"]), text)
    if rng.random() < 0.02:
        text += "mot " * rng.randint(50_000, 250_000)  # up to a 1 MB line
    return text


def check(pipeline, text: str) -> int:
    from .model import Document

    doc = Document("fuzz", text)
    first = [q.to_record() for q in pipeline.process(doc)]
    for r in first:
        assert text[r["start"]:r["end"]] == r["quote"], r
        if r["cue_start"] is not None:
            assert text[r["cue_start"]:r["cue_end"]] == r["cue_text"], r
        if r["speaker_start"] is not None:
            assert text[r["speaker_start"]:r["speaker_end"]] == r["speaker_mention"], r
    second = [q.to_record() for q in pipeline.process(doc)]
    assert first == second, "output is not deterministic"
    return len(first)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--parser", default="stanza", choices=list(PARSERS))
    parser.add_argument("--save", default="fuzz-failure.txt", help="where the failing input is written")
    args = parser.parse_args(argv)
    from .pipeline import Pipeline

    pipeline = Pipeline("fr", args.parser)
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    count = records = 0
    while time.monotonic() < deadline:
        text = hostile(rng)
        try:
            records += check(pipeline, text)
        except Exception as exc:  # report any failure with its input
            with open(args.save, "w", encoding="utf-8", errors="surrogatepass") as f:
                f.write(text)
            print(json.dumps({"inputs": count, "failed": True, "error": f"{type(exc).__name__}: {exc}", "saved": args.save}))
            return 1
        count += 1
    print(json.dumps({"inputs": count, "records": records, "failed": False, "minutes": args.minutes, "seed": args.seed}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
