"""The lemmatizer's own answers for the common words its dictionary lacks, stored in its dictionary.

Stanza lemmatizes a (word, tag) pair from the model's dictionary when it is
there and otherwise with the sequence-to-sequence model, a decoding step per
character: 1.4 ms a word on one core, and news text brings new words all the
time (821 pairs on the 21 dev articles, 1.4 CPU s, 9% of the run; each worker
process decodes its own).  Stanza's `lemma_store_results` keeps each answer for
the rest of the process; this step does the same once, ahead of time, for the
most frequent words of the pretrained vectors (lower-cased) as nouns, verbs and
adjectives, and writes them into the model's dictionary the way that option
does (a (word, tag) entry).  The answers are the model's own, so
the lemmas do not change, only when they are computed.  Pairs the dictionary
already answers are left alone: no lookup that succeeded before reads anything
new.

    python training/train.py lemma-words ship
"""

from __future__ import annotations

import time
from pathlib import Path

# The tags whose words the model was asked most on news (dev articles: NOUN 317,
# VERB 297, ADJ 113 of 821 pairs; ADV 26 would add 29,000 entries; X 46, mostly
# foreign words the vectors lack).  Proper nouns never reach the model
# (quotes.fastlemma).
TAGS = ("NOUN", "VERB", "ADJ")
# The most frequent words of the vectors taken.  Each entry costs load time in
# every process (about 0.5 s per million); the 40,000 most frequent words gave
# 88,000 entries and answered 533 of the 821 dev pairs, all 60,000 142,000 and 576.
WORDS = 40_000
# Words of the vectors that can be one French word: lower case first, then
# letters, apostrophes and hyphens (no numbers, no punctuation).
WORD = r"[\p{Ll}][\p{Ll}'’-]*"
MARK = "vocabulary_lemmas"      # top-level key of the saved model; Stanza ignores it
CHUNK = 4000                    # words per document handed to the lemmatizer


def candidates(vocabulary: list[str], lookup, tags=TAGS) -> list[tuple[str, str]]:
    """(word, tag) pairs of `vocabulary` (most frequent first) that `lookup(word, tag)` does not answer."""
    import regex

    pattern = regex.compile(WORD)
    words = [w for w in vocabulary if pattern.fullmatch(w)]
    return [(w, tag) for tag in tags for w in words if lookup(w, tag) is None]


def extend(lemma_file: Path, pretrain_file: Path, resources: Path, tags=TAGS) -> int:
    """Add the model's lemmas of the vectors' words to `lemma_file`'s dictionary; the number added.

    `resources` is a Stanza resources.json (the shipped one: Stanza asks for one
    even when every model is given by path).  A file that carries the mark
    already is left as it is (the step resumes)."""
    import stanza
    import torch
    from stanza.models.common.doc import Document
    from stanza.models.common.pretrain import Pretrain
    from stanza.models.lemma.trainer import _pack_pos_dict

    saved = torch.load(lemma_file, map_location="cpu", weights_only=False)
    if MARK in saved:
        print(f"{lemma_file.name}: has the vectors' words already ({saved[MARK]['pairs']} pairs)")
        return 0
    torch.set_num_threads(1)
    nlp = stanza.Pipeline(
        "fr", dir=str(lemma_file.parent), resources_filepath=str(resources), processors="lemma",
        lemma_model_path=str(lemma_file),
        lemma_pretagged=True, lemma_store_results=True, download_method=None, allow_unknown_language=True,
        logging_level="ERROR", use_gpu=False,
    )
    trainer = nlp.processors["lemma"].trainer
    vocab = Pretrain(str(pretrain_file)).vocab
    words = [vocab.id2unit(i) for i in range(min(len(vocab), WORDS))]
    pairs = candidates(words, trainer._lookup, tags)
    # lemma_store_results: the processor keeps each answer as a (word, tag)
    # entry holding the model's lemma, as the extractor's pipeline does.
    started = time.process_time()
    for k in range(0, len(pairs), CHUNK):
        part = pairs[k:k + CHUNK]
        nlp(Document([[{"id": 1, "text": w, "upos": tag}] for w, tag in part]))
        print(f"{k + len(part)}/{len(pairs)} pairs, {time.process_time() - started:.0f} CPU s", flush=True)
    missing = [p for p in pairs if trainer._lookup(*p) is None]
    if missing:
        raise SystemExit(f"{lemma_file}: {len(missing)} pairs were not stored, first {missing[:3]}")
    saved["dicts"] = _pack_pos_dict(trainer.pos_dict)
    saved[MARK] = {"tags": list(tags), "words": WORDS, "pairs": len(pairs), "vectors": pretrain_file.name}
    torch.save(saved, lemma_file, _use_new_zipfile_serialization=False)
    return len(pairs)
