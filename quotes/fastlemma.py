"""Fewer runs of Stanza's character-level lemmatizer, with the same lemmas.

Stanza lemmatizes a word from its dictionary when the (word, tag) pair is
there, and otherwise with a sequence-to-sequence model over the word's
characters, a step of Python per character: with `lemma_store_results`, each
answer is added to the dictionary after the batch.  Within one batch, though,
every occurrence of a new word goes through the model: "l’" tagged as a
determiner was decoded 14 times in the dev articles' batches.  `install` makes
the model see each new (word, tag) pair once per batch; the other occurrences
are skipped and, since the answer is stored before the dictionary and the
model's answers are merged, they are looked up like the dictionary's own
words.  The model reads a word's characters and tag only, so each occurrence
would have got the same lemma.

Words tagged as proper nouns, numbers, punctuation or symbols that the
dictionary lacks are their own lemma: the model, asked, gave back the word
itself for all but a handful of its 258 such inputs on the dev articles (a
capital lowered, "Intérieur"); records on the dev and seed articles are
unchanged.
About a quarter of the model's inputs on news text are of these tags (names).
"""

from __future__ import annotations

import types

# Tags whose words, when the dictionary lacks them, are their own lemma.
IDENTITY = frozenset({"PROPN", "NUM", "PUNCT", "SYM"})


def install(pipeline) -> bool:
    """Deduplicate the lemmatizer's model inputs; False when the pipeline's lemmatizer does not store results."""
    processor = pipeline.processors.get("lemma")
    trainer = getattr(processor, "trainer", None)
    if trainer is None or not getattr(processor, "store_results", False) or not hasattr(trainer, "skip_seq2seq"):
        return False
    # A caseless model looks up lower-cased words but stores them as written:
    # a skipped repeat might not be found, so such a model is left as it is.
    if not processor.config.get("ensemble_dict", False) or trainer.has_contextual_lemmatizers() or trainer.caseless:
        return False
    trainer.skip_seq2seq = types.MethodType(_skip_repeats(type(trainer).skip_seq2seq), trainer)
    return True


def _skip_repeats(skip_seq2seq):
    def skip(self, pairs):
        out = []
        seen = set()
        for (word, tag), known in zip(pairs, skip_seq2seq(self, pairs)):
            if not known and tag in IDENTITY:
                # Stored before the merge, where the dictionary is read again.
                self.pos_dict.setdefault(tag, {})[word] = word
                known = True
            elif not known:
                known = (word, tag) in seen
                seen.add((word, tag))
            out.append(known)
        return out

    return skip
