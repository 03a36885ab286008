"""The shipped models run with numpy: tagger, lemmatizer and parser, without torch or Stanza.

Stanza's code needs torch, whose import is about 1.3 s of every start on a
2-core machine and 300 MB of memory in every process; the shipped models are
small LSTMs, which numpy runs as fast.  `Runtime.load` reads a model folder's
files (`quotes.models.FILES`) with `quotes.ptfile` and refuses, naming the file
and the reason, any model whose architecture the numpy layers do not implement:
`quotes.models` then runs Stanza itself.  The predictions are Stanza's, as the
project runs it (see each module), compared word for word in the tests.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Mapping

from . import ptfile
from .nplemma import Lemmatizer
from .npparser import Parser
from .nptagger import Tagger
from .npvocab import load_pretrained


class Runtime:
    def __init__(self, tagger: Tagger, lemmatizer: Lemmatizer, parser: Parser):
        self.tagger = tagger
        self.lemmatizer = lemmatizer
        self.parser = parser

    @classmethod
    def load(cls, folder: Path, files: Mapping[str, str]) -> "Runtime":
        """The folder's models, their files read in two threads: copying a file's bytes and
        widening its float16 weights let go of the GIL, so that one file is read while
        another is unpickled (loading the models: 0.19 -> 0.135 s).  The threads have
        ended when this returns, so that the process may fork."""
        paths = {name: folder / files[name] for name in ("pretrain", "depparse", "pos", "lemma")}
        with ThreadPoolExecutor(2, thread_name_prefix="quotes-load") as pool:
            pretrain = pool.submit(load_pretrained, paths["pretrain"])
            read = {name: pool.submit(ptfile.load, paths[name]) for name in ("depparse", "pos")}
            lemmatizer = pool.submit(Lemmatizer.load, paths["lemma"])
            shared = pretrain.result()
            tagger = Tagger.from_checkpoint(read["pos"].result(), paths["pos"], shared)
            parser = Parser.from_checkpoint(read["depparse"].result(), paths["depparse"], shared)
            return cls(tagger, lemmatizer.result(), parser)

    def tag(self, docs: list) -> list:
        """Tags and lemmas set on the words of `docs`, all sentences in one batch as Stanza's bulk call."""
        sentences = [s for doc in docs for s in doc.sentences if s.words]
        tags = self.tagger.tag([[w.text for w in s.words] for s in sentences])
        words = [w for s in sentences for w in s.words]
        for word, (upos, xpos, feats) in zip(words, (t for sent in tags for t in sent)):
            word.upos, word.xpos, word.feats = upos, xpos, feats
        for word, lemma in zip(words, self.lemmatizer.lemmatize([(w.text, w.upos) for w in words])):
            word.lemma = lemma
        return docs

    def parse(self, docs: list) -> list:
        """Heads and relations set on the words of `docs`."""
        sentences = [s for doc in docs for s in doc.sentences if s.words]
        fields = [[{"text": w.text, "lemma": w.lemma, "upos": w.upos, "xpos": w.xpos, "feats": w.feats}
                   for w in s.words] for s in sentences]
        for sentence, arcs in zip(sentences, self.parser.parse(fields)):
            for word, (head, deprel) in zip(sentence.words, arcs):
                word.head, word.deprel = head, deprel
        return docs
