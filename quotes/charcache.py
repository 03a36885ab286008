"""Each word's character representation computed once per process, not once per occurrence.

The tagger and the parser read every word through a character LSTM.  What it
gives for a word depends on the word's characters alone (in prediction, where
dropout is off), and news text repeats its words: on the dev articles a batch
held about 45% distinct words, the whole run far fewer.  `install` makes the
two models' character modules keep each word's vector and run the LSTM only on
words they have not seen.

The vectors are the same computation over a smaller batch: in float32 the
batched matrix products may round differently, by about 2e-7 on one word in a
hundred; no tag, lemma, tree or record of the dev and seed articles changed,
nor the test scores of training/evaluate.py (docs/performance.md).
"""

from __future__ import annotations

import types

# Words a model keeps (about 1 KB each for the tagger's 200 dimensions); when full it starts afresh.
WORDS = 1 << 15


def install(pipeline) -> list[str]:
    """Swap in the remembering forward on the tagger's and the parser's character modules."""
    from stanza.models.common.char_model import CharacterModel

    changed = []
    for name in ("pos", "depparse"):
        model = getattr(getattr(pipeline.processors.get(name), "trainer", None), "model", None)
        module = getattr(model, "charmodel", None)
        if type(module) is not CharacterModel or "forward" in vars(module):
            continue
        module._quotes_words = {}
        module.forward = types.MethodType(_forward, module)
        changed.append(name)
    return changed


def _represent(self, chars, wordlens):
    """CharacterModel.forward up to the vector of each word, for words sorted longest first."""
    import torch
    from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

    embs = self.dropout(self.char_emb(chars))
    batch_size = embs.size(0)
    layers = self.num_dir * self.args["char_num_layers"]
    hidden = self.args["char_hidden_dim"]
    embs = pack_padded_sequence(embs, wordlens, batch_first=True)
    output = self.charlstm(embs, wordlens, hx=(self.charlstm_h_init.expand(layers, batch_size, hidden).contiguous(),
                                               self.charlstm_c_init.expand(layers, batch_size, hidden).contiguous()))
    if self.attn:
        char_reps = output[0]
        weights = torch.sigmoid(self.char_attn(self.dropout(char_reps.data)))
        char_reps = PackedSequence(char_reps.data * weights, char_reps.batch_sizes)
        char_reps, _ = pad_packed_sequence(char_reps, batch_first=True)
        return char_reps.sum(1)
    h, _ = output[1]
    return h[-2:].transpose(0, 1).contiguous().view(batch_size, -1)


def _forward(self, chars, chars_mask, word_orig_idx, sentlens, wordlens):
    import torch
    from stanza.models.common.utils import tensor_unsort
    from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence

    if self.training:
        return type(self).forward(self, chars, chars_mask, word_orig_idx, sentlens, wordlens)
    known = self._quotes_words
    keys = [tuple(row[:n]) for row, n in zip(chars.tolist(), wordlens)]
    if len(known) + len(keys) > WORDS:
        known.clear()
    todo, queued = [], set()
    for i, key in enumerate(keys):
        if key not in known and key not in queued:
            queued.add(key)
            todo.append(i)
    if todo:
        # Rows keep the batch's order, longest first, as packing needs.
        lengths = [wordlens[i] for i in todo]
        vectors = _represent(self, chars[todo][:, :lengths[0]], lengths).detach()
        for i, vector in zip(todo, vectors):
            known[keys[i]] = vector.clone()
    res = torch.stack([known[key] for key in keys])
    res = tensor_unsort(res, word_orig_idx)
    res = pack_sequence(res.split(sentlens))
    if self.pad:
        res = pad_packed_sequence(res, batch_first=True)[0]
    return res
