"""The parse stage: Stanza dependency parses of the units that matter.

Each unit's words (cut by rule, stanzadocs) are tagged and parsed by the Stanza
models, run by numpy (quotes.npruntime) or, for models it does not implement, by Stanza;
word offsets are shifted back into the document, so every later stage speaks in
document offsets; a few repairs of the parse follow.  Units too long to
parse safely are left unparsed (the grammar stage still reports their quotes).
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Protocol

import attrs

from . import stanzadocs
from .model import Span

MAX_UNIT_CHARS = 3000

# An inverted subject clitic the tokenizer left whole ("a-t-il", "dit-elle"): one
# token "-t-il" or "-elle", which the parser then takes for an auxiliary.
_INVERTED = re.compile(r"-(?:t-)?(il|elle|ils|elles|on)", re.IGNORECASE)
# "Me Jean Roux", a lawyer: the tagger reads "Me" as the pronoun "me" and the tree
# around the name falls apart.  The parser is given "M." in its place (the same
# length, so offsets hold) and the word gets its own text back.
_ADDRESS = re.compile(r"\bMe(?= [A-ZÀ-ÖØ-Þ])")
# "‹ ... ›" and "„ ... “": marks the treebanks hardly hold, which the tagger read as a
# preposition or a symbol (and a cue verb before them as a noun).  The parser is given
# the guillemets in their place, one character for one, and the words get their own back.
_RARE_MARKS = re.compile("[‹›„’ʼ]")
# The typographic apostrophe too ("d’application", "qu’il"): the treebanks write "'", and
# the tagger and lemmatizer, given "d’", kept it as its own lemma and misread what followed.
_AS_GUILLEMETS = str.maketrans("‹›„’ʼ", "«»«''")


@attrs.frozen(slots=True)
class Word:
    id: int            # 1-based within its sentence
    text: str
    lemma: str
    upos: str
    feats: str
    head: int          # 0 for the root
    deprel: str
    start: int         # document offsets (an MWT's words share their token's)
    end: int

    def feat(self, name: str) -> str | None:
        for item in self.feats.split("|"):
            key, _, value = item.partition("=")
            if key == name:
                return value
        return None


@attrs.frozen(slots=True)
class Sentence:
    words: tuple[Word, ...]
    start: int
    end: int
    # each head's dependents in word order, made on the first question: the rules ask
    # for a word's children tens of thousands of times a batch
    _children: dict = attrs.field(default=None, init=False, eq=False, repr=False)

    def word(self, id: int) -> Word:
        return self.words[id - 1]

    def children(self, id: int) -> list[Word]:
        if self._children is None:
            index: dict = {}
            for w in self.words:
                index.setdefault(w.head, []).append(w)
            object.__setattr__(self, "_children", index)
        return list(self._children.get(id, ()))

    def infinitive(self, id: int) -> bool:
        """Is the word an infinitive, simple ("fermer") or compound ("avoir fermé", "être
        parti": the participle under an infinitive auxiliary)?"""
        return self.word(id).feat("VerbForm") == "Inf" or any(
            a.deprel.startswith("aux") and a.feat("VerbForm") == "Inf" for a in self.children(id))

    def subtree(self, id: int) -> list[Word]:
        keep = {id}
        changed = True
        while changed:
            changed = False
            for w in self.words:
                if w.head in keep and w.id not in keep:
                    keep.add(w.id)
                    changed = True
        return [w for w in self.words if w.id in keep]

    def ancestors(self, id: int) -> list[Word]:
        out, seen = [], set()
        head = self.word(id).head
        while head and head not in seen:
            seen.add(head)
            w = self.word(head)
            out.append(w)
            head = w.head
        return out


@attrs.frozen(slots=True)
class ParsedUnit:
    unit: Span
    sentences: tuple[Sentence, ...]
    index: int = 0     # the unit's position among the document's units


class Parser(Protocol):
    def parse(self, units: list[Span]) -> list[ParsedUnit]: ...


class StanzaParser:
    """Loads the pipeline once; `parse` runs Stanza in bulk over a document's units."""

    name = "stanza"

    def __init__(self, stanza_dir: str | None = None, words: str = "rules", verbs: Mapping[str, str] = {},
                 runtime: str = "numpy"):
        """`verbs`: the cue verbs' forms (lower-cased form -> lemma), mended before the parse
        where the tagger misreads them (stanzadocs.cue_verbs, stanzadocs.misread_cue_verbs).
        `runtime`: "numpy" runs the models without torch where their architecture allows
        (quotes.npruntime) and falls back to Stanza; "torch" always runs Stanza."""
        from . import models

        if words not in stanzadocs.WORDS:
            raise ValueError(f"words: {words!r} is not one of {', '.join(stanzadocs.WORDS)}")
        self.source = models.resolve(stanza_dir)
        self.words = words
        self.verbs = dict(verbs)
        self.pipeline = self.runtime = None
        if runtime == "numpy" and words == "rules":
            self.runtime = models.load_numpy_runtime(self.source)
        if self.runtime is None:
            # Units are sentences already, cut so that a quotation never straddles two.
            self.pipeline = models.load_pipeline(self.source, no_ssplit=True)

    def parse(self, units: list[Span]) -> list[ParsedUnit]:
        todo = [u for u in units if len(u.text) <= MAX_UNIT_CHARS and u.text.strip()]
        if not todo:
            return []
        texts = [_ADDRESS.sub("M.", u.text).translate(_AS_GUILLEMETS) for u in todo]
        if self.runtime is not None:
            docs = stanzadocs.numpy_words(self.runtime, texts, self.verbs)
        else:
            docs = stanzadocs.WORDS[self.words](self.pipeline, texts, self.verbs)
        return [ParsedUnit(u, tuple(_sentences(doc, u.start, u.text))) for u, doc in zip(todo, docs)]


def _sentences(doc, offset: int, text: str = "") -> Iterable[Sentence]:
    swapped = {m.start() for m in _ADDRESS.finditer(text)} | {m.start() for m in _RARE_MARKS.finditer(text)}
    for sent in doc.sentences:
        words = []
        for token in sent.tokens:
            own = text[token.start_char: token.end_char] if swapped and any(
                k in swapped for k in range(token.start_char, token.end_char)) else None
            for word in token.words:
                words.append(
                    Word(
                        id=word.id,
                        text=own or word.text,
                        lemma=(word.lemma or word.text),
                        upos=word.upos or "X",
                        feats=word.feats or "",
                        head=word.head or 0,
                        deprel=word.deprel or "dep",
                        start=token.start_char + offset,
                        end=token.end_char + offset,
                    )
                )
        if words:
            words = _at_least(_summer(_article_repairs([_inverted_subject(w) for w in _euphonic_t(words)])))
            yield Sentence(tuple(words), words[0].start, words[-1].end)


def _article_repairs(words: list[Word]) -> list[Word]:
    """A word the parser gave an article and tagged a verb.  Before a participle the
    article, or the article and a number, makes a noun ("l'élu", "l'accusé", "les blessés",
    "les deux élues"): the whole is a noun phrase, lemma the word itself as nouns have.
    Before an infinitive the article alone is the object pronoun
    ("le qualifier de", "la remercier"): an article never opens a verb."""
    out = list(words)
    for k in range(1, len(out)):
        w, det = out[k], out[k - 1]
        counted = k > 1 and det.upos == "NUM" and det.head == w.id  # "les deux élues"
        if counted:
            det = out[k - 2]
        if w.upos != "VERB" or det.upos != "DET" or det.feat("PronType") != "Art" or det.head != w.id:
            continue
        if w.feat("VerbForm") == "Part":
            feats = "|".join(f for f in w.feats.split("|") if f.startswith(("Gender=", "Number=")))
            out[k] = attrs.evolve(w, upos="NOUN", lemma=w.text.lower(), feats=feats)
            out[det.id - 1] = attrs.evolve(det, deprel="det")
        elif w.feat("VerbForm") == "Inf" and det.text.lower() in ("le", "la", "les", "l'", "l’") and not counted:
            feats = "|".join(f for f in det.feats.split("|") if f.startswith(("Gender=", "Number=")))
            out[k - 1] = attrs.evolve(det, upos="PRON", lemma="le", deprel="obj",
                                      feats="|".join(filter(None, [feats, "Person=3|PronType=Prs"])))
    return out


def _summer(words: list[Word]) -> list[Word]:
    """"cet été" is the season: "cet" only stands before a noun or an adjective, never before
    the participle "été".  Before a comma and a verb the parser read the pair as the
    auxiliaries of that verb ("ne vendra pas ses joueurs cet été, estime-t-il"); the noun
    phrase modifies the clause it ends, the verb above the word before it."""
    out = list(words)
    for k in range(1, len(out)):
        w, det = out[k], out[k - 1]
        if w.text.lower() != "été" or det.text.lower() != "cet" or w.upos == "NOUN":
            continue
        head = 0
        if k >= 2:
            head = out[k - 2].id
            while head and out[head - 1].upos not in ("VERB", "AUX") and out[head - 1].head:
                head = out[head - 1].head
        if not head or head in (w.id, det.id):
            head = next((x.id for x in out if x.head == 0 and x.id not in (w.id, det.id)), 0)
        out[k] = attrs.evolve(w, upos="NOUN", lemma="été", feats="Gender=Masc|Number=Sing", head=head, deprel="obl:mod")
        out[k - 1] = attrs.evolve(det, upos="DET", lemma="ce", head=w.id, deprel="det")
        for j, x in enumerate(out):
            if x.head in (w.id, det.id) and x.id not in (w.id, det.id):
                out[j] = attrs.evolve(x, head=head)   # what hung on the misread auxiliaries
    return out


def _at_least(words: list[Word]) -> list[Word]:
    """"un retard d'au moins trois semaines": "au moins" (à le moins) bounds the number, and
    the counted noun still completes the noun before "de".  The parser took "d'" for an adverb
    with "à le moins" fixed on it, and hung the counted noun on the verb."""
    out = list(words)
    for k in range(1, len(out) - 4):
        de, a, le, bound = out[k: k + 4]
        if de.text.lower() not in ("de", "d'", "d’") or (a.text.lower(), le.text.lower(), bound.text.lower()) not in (
                ("à", "le", "moins"), ("à", "le", "plus")) or out[k - 1].upos not in ("NOUN", "PROPN"):
            continue
        noun = next((w for w in out[k + 4:] if w.upos in ("NOUN", "SYM", "PROPN")), None)
        if noun is None or not all(w.upos in ("NUM", "ADJ", "DET") for w in out[k + 4: noun.id - 1]):
            continue
        owner, up, seen = out[k - 1], out[k - 1].head, set()
        while up and up not in seen and up != noun.id:
            seen.add(up)
            up = out[up - 1].head
        if up == noun.id:
            continue  # the noun before "de" hangs on the counted one: no cycle
        out[k] = attrs.evolve(de, upos="ADP", head=noun.id, deprel="case")
        out[k + 1] = attrs.evolve(a, upos="ADP", head=noun.id, deprel="advmod")
        out[k + 2] = attrs.evolve(le, head=a.id, deprel="fixed")
        out[k + 3] = attrs.evolve(bound, head=a.id, deprel="fixed")
        out[noun.id - 1] = attrs.evolve(noun, head=owner.id, deprel="nmod")
        for j, x in enumerate(out):
            if x.head == de.id and j not in range(k, k + 4):
                out[j] = attrs.evolve(x, head=noun.id)
    return out


def _euphonic_t(words: list[Word]) -> list[Word]:
    """"demande-t-il" cut as "demande", "-t", "-il": the "t" only joins a verb to the subject
    pronoun after it, whatever the parser made of the three.  The pronoun is that verb's
    subject (and becomes "il" below); the "t" hangs on the verb."""
    out = list(words)
    for k in range(1, len(out) - 1):
        verb, t, pron = out[k - 1], out[k], out[k + 1]
        m = _INVERTED.fullmatch(pron.text)
        if t.text.lower() not in ("-t", "‑t") or verb.end != t.start or t.end != pron.start or m is None:
            continue
        out[k] = attrs.evolve(t, upos="PART", lemma="t", feats="", head=verb.id, deprel="dep")
        start = pron.start + m.start(1) if pron.end - pron.start == len(pron.text) else pron.start
        out[k + 1] = attrs.evolve(pron, text=m.group(1), lemma=m.group(1).lower(), upos="PRON", feats="Person=3|PronType=Prs",
                                  head=verb.id, deprel="nsubj", start=start, end=start + len(m.group(1)))
        for j, x in enumerate(out):
            if x.head in (t.id, pron.id) and j not in (k, k + 1):
                out[j] = attrs.evolve(x, head=verb.id)
    return out


def _inverted_subject(word: Word) -> Word:
    """The clitic of "-t-il" as what it is: a subject pronoun, spanning only "il"."""
    m = _INVERTED.fullmatch(word.text)
    if m is None or word.upos == "PRON" and word.deprel.startswith("nsubj") or word.end - word.start != len(word.text):
        return word
    start = word.start + m.start(1)
    return attrs.evolve(word, text=m.group(1), lemma=m.group(1).lower(), upos="PRON", feats="Person=3|PronType=Prs",
                        deprel="nsubj", start=start, end=start + len(m.group(1)))


class NoParser:
    """`--parser none`: the grammar stage alone (direct quotes and cues, no speakers)."""

    name = "none"

    def parse(self, units: list[Span]) -> list[ParsedUnit]:
        return []


def _stanza_tokenizer(stanza_dir: str | None = None, verbs: Mapping[str, str] = {}) -> StanzaParser:
    return StanzaParser(stanza_dir, words="stanza", verbs=verbs)


def _stanza_torch(stanza_dir: str | None = None, verbs: Mapping[str, str] = {}) -> StanzaParser:
    return StanzaParser(stanza_dir, verbs=verbs, runtime="torch")


# "stanza" cuts words by rule and runs the models with numpy where it can
# (quotes.npruntime), "stanza-torch" with Stanza's own code; "stanza-tokenizer"
# cuts words with Stanza's tokenizer model.
PARSERS = {"stanza": StanzaParser, "stanza-torch": _stanza_torch, "stanza-tokenizer": _stanza_tokenizer,
           "none": NoParser}
