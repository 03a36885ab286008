"""Attribution: from a parsed sentence, its cues and quotations to reporting events.

Each event has a content span, a type (direct / indirect / mixed), a cue and
the words that name its speaker (resolved to an entity later, by speakers.py).
The rules are French grammar, read off the dependency parse:

* a cue verb with a "que" clause reports that clause (ccomp);
* a cue verb with an object and a "de" infinitive ("accuse X d'avoir ...")
  reports both, a noun with its clause ("sa conviction que ...") the clause;
* a cue verb whose object or infinitive is a quotation reports the quotation;
* a quotation followed by ", a déclaré X" or preceded by "X a déclaré :"
  belongs to that verb; one with no cue right after a reported quote is a
  floating quote of the same speaker;
* "selon X, ..." and its kin report their clause, or credit X as the cited
  source when the clause has a reporting verb of its own.
"""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from .grammar import Grammar, _reflexive_base
from .model import CueMatch, QuotedSpan
from .parsing import ParsedUnit, Sentence, Word

NEGATIONS = frozenset({"ne", "n'", "n’"})
REFLEXIVE_CLITICS = frozenset({"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous", "soi"})
SUBJECTS = ("nsubj", "nsubj:pass", "expl:subj")
CLAUSE_LINKS = ("advcl", "acl", "xcomp", "conj", "ccomp", "parataxis")
_FINAL = regex.compile(r"[.!?…»”\"')\]]\s*$")
# Verb-less cues that report only when a person or an organisation follows them:
# "Pour le ministre, ..." reports, "Pour la première fois, ..." does not.
SPEAKER_ONLY = frozenset({"pour"})


def is_headline(text: str) -> bool:
    """A unit with no final punctuation is a title or a caption: no cue in it reports."""
    return not _FINAL.search(text)
_ASIDE = regex.compile(r",\s+(?:tout\s+en\s+|en\s+)?(?=\w+ant\b)|,\s+(?:ce\s+qui|selon|d['’]après|a-t-(?:il|elle)|ont-ils)\b", regex.IGNORECASE)
_CITED_BY = regex.compile(r"(?:tel(?:le)?s?\s+que\s+|comme\s+)?(?:cité|rapporté|relayé)e?s?\s+par\s+(?:l[ae]\s+|l['’]\s*|les\s+)?([^,.;:!?\n]+)", regex.IGNORECASE)


@attrs.frozen
class Mention:
    """The words that name a speaker at the attribution itself."""

    start: int
    end: int
    text: str
    head: Word
    words: tuple[Word, ...]
    sentence: Sentence


@attrs.frozen
class Event:
    start: int
    end: int
    type: str
    cue: str
    cue_start: int
    cue_end: int
    mention: Optional[Mention]
    unit_index: int
    cited_source: Optional[str] = None
    cited_mention: Optional[Mention] = None
    inherits: bool = False          # a floating quote: speaker of the event before it
    balanced: bool = True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


def _counts_as_subject(c: Word, verb: Word) -> bool:
    """A subject that can be a speaker: not "ce"/"cela", nor an impersonal "il" before
    an infinitive cue ("Il est à noter que ...", "il convient de dire que ...").  A
    subject "il" the parser calls expletive is kept otherwise: it does so for "Il a
    noté que" too, and its lemmatizer sometimes gives "lui" for "Il"."""
    if c.deprel not in SUBJECTS:
        return False
    if c.deprel == "expl:subj" and verb.feat("VerbForm") == "Inf":
        return False
    return c.lemma.lower() not in ("ce", "cela", "il") or (c.text.lower() == "il" and c.deprel != "expl:subj")


class Attributor:
    def __init__(self, grammar: Grammar):
        self.g = grammar

    # ----------------------------------------------------------------- cues

    def cue_lemma(self, sent: Sentence, w: Word) -> Optional[str]:
        if w.upos not in ("VERB", "AUX") and not (w.upos in ("ADJ", "NOUN") and w.feat("VerbForm") == "Part"):
            return None
        lemma = w.lemma.lower()
        if lemma not in self.g.verb_class and lemma not in self.g.reflexive_verbs and not any(p.verb == lemma for p in self.g.phrases.values()):
            known = self.g.forms.get(w.text.lower())
            if not known:
                return None
            lemma = known[0].split(" ")[-1] if known[0].startswith("se ") else known[0]
            lemma = _reflexive_base(lemma) or lemma
        children = sent.children(w.id)
        for phrase in self.g.phrases.values():
            if phrase.verb == lemma:
                last = phrase.words[-1].split("'")[-1].split("’")[-1].lower()
                if any(c.text.lower().endswith(last) or c.lemma.lower() == last for c in children) or any(
                    x.text.lower().endswith(last) for x in sent.words[w.id: w.id + len(phrase.words) + 1]
                ):
                    return phrase.lemma
        reflexive = self.g.reflexive_verbs.get(lemma)
        if reflexive and any(c.text.lower() in REFLEXIVE_CLITICS and c.deprel.startswith(("expl", "obj", "iobj")) for c in children):
            return reflexive
        if lemma in self.g.verb_class and not lemma.startswith(("s'", "se ")):
            return lemma
        return None

    def negated(self, sent: Sentence, w: Word) -> bool:
        heads = [w] + [a for a in sent.ancestors(w.id)[:1] if w.deprel == "xcomp"]
        return any(c.text.lower() in NEGATIONS for h in heads for c in sent.children(h.id))

    # ----------------------------------------------------------------- subjects

    @staticmethod
    def _participial(sent: Sentence, w: Word) -> bool:
        if w.feat("VerbForm") in ("Part", "Ger") and w.text.lower().endswith("ant"):
            return True
        before = sent.words[w.id - 2] if w.id >= 2 else None
        return bool(before is not None and before.text.lower() == "en" and w.text.lower().endswith("ant"))

    def subject(self, sent: Sentence, w: Word) -> Optional[Word]:
        """The subject of a cue verb, climbing through participles, infinitives and shared subjects."""
        if self._participial(sent, w) and not any(c.deprel in SUBJECTS for c in sent.children(w.id)):
            # "..., affirmant que", "tout en assurant que": the subject of the main clause,
            # wherever the parser attached the participle.
            for a in sent.ancestors(w.id):
                subj = [c for c in sent.children(a.id) if c.deprel in ("nsubj", "nsubj:pass")]
                if a.upos in ("VERB", "AUX") and subj:
                    return subj[0]
        current = w
        for _ in range(6):
            subj = [c for c in sent.children(current.id) if _counts_as_subject(c, current)]
            subj = [c for c in subj if c.deprel != "expl:subj" or c.text.lower() in self.g.pronouns]
            if subj:
                # Several subjects come from parse errors: the one nearest before the verb,
                # a name or pronoun before a common noun ("Vendredi dernier, Lavrov a déclaré").
                before = [c for c in subj if c.start < current.start]
                pool = before or subj
                named = [c for c in pool if c.upos in ("PROPN", "PRON")]
                s = max(named or pool, key=lambda c: c.start) if before else (named or pool)[0]
                if s.feat("PronType") == "Rel" or s.lemma.lower() in ("qui", "lequel", "laquelle"):
                    return self._antecedent(sent, s, current)
                return s
            if current.deprel.startswith("acl") and current.head:
                head = sent.word(current.head)
                if head.upos in ("NOUN", "PROPN", "PRON"):
                    return head
            if current.deprel.split(":")[0] in CLAUSE_LINKS and current.head:
                current = sent.word(current.head)
                continue
            break
        return self._nominal_before(sent, w)

    @staticmethod
    def _antecedent(sent: Sentence, rel: Word, clause: Word) -> Optional[Word]:
        """The noun a relative pronoun stands for: the clause's head noun, else the noun right before."""
        if clause.head and sent.word(clause.head).upos in ("NOUN", "PROPN", "PRON"):
            return sent.word(clause.head)
        k = rel.id - 2
        while k >= 0 and sent.words[k].upos in ("ADJ", "PUNCT", "NUM"):
            k -= 1
        if k >= 0 and sent.words[k].upos in ("NOUN", "PROPN"):
            x = sent.words[k]
            while x.deprel in ("flat:name", "flat", "compound") and x.head:
                x = sent.word(x.head)
            return x
        return None

    def _nominal_before(self, sent: Sentence, w: Word) -> Optional[Word]:
        """No subject in the parse: the name or noun right before the verb ("... Choe Son Hui a déclaré")."""
        k = w.id - 2
        while k >= 0 and (sent.words[k].upos in ("AUX", "ADV") or sent.words[k].text.lower() in REFLEXIVE_CLITICS | NEGATIONS):
            k -= 1
        while k >= 0 and sent.words[k].upos == "ADJ":
            k -= 1  # "plusieurs pays occidentaux affirment"
        if k < 0 or sent.words[k].upos not in ("PROPN", "NOUN"):
            return None
        x = sent.words[k]
        while x.head and (x.deprel in ("flat:name", "flat", "compound", "fixed") or
                          (x.deprel in ("conj", "appos") and sent.word(x.head).upos in ("NOUN", "PROPN"))):
            x = sent.word(x.head)  # the first conjunct heads a coordinated subject
        return x

    def mention(self, sent: Sentence, head: Word, text: str, stop: tuple[int, int] | None = None,
                keep_clauses: bool = False) -> Mention:
        words = [x for x in sent.subtree(head.id)]
        drop: set[int] = set()
        for x in words:
            if x.id == head.id:
                continue
            if x.deprel in ("acl:relcl", "parataxis") or (x.deprel == "acl" and not keep_clauses):
                drop.update(y.id for y in sent.subtree(x.id))
            if x.deprel == "case" and x.head == head.id and x.start < head.start:
                drop.add(x.id)  # "selon X", "pour X": the preposition is the cue, not the speaker
        kept = [x for x in words if x.id not in drop]
        if stop is not None:
            kept = [x for x in kept if x.end <= stop[0] or x.start >= stop[1]]
            if any(x.start >= stop[1] for x in kept) and head.start < stop[0]:
                kept = [x for x in kept if x.end <= stop[0]]
        while kept and kept[0].upos == "PUNCT":
            kept.pop(0)
        while kept and kept[-1].upos == "PUNCT":
            kept.pop()
        if not kept:
            kept = [head]
        start, end = kept[0].start, kept[-1].end
        if head.start < start or head.end > end:
            start, end = head.start, head.end
            kept = [head]
        return Mention(start, end, text[start:end], head, tuple(kept), sent)

    # ----------------------------------------------------------------- content

    def _span_of(self, sent: Sentence, root: Word, after: Optional[Word] = None) -> tuple[int, int]:
        words = sent.subtree(root.id)
        start = min(x.start for x in words)
        end = max(x.end for x in words)
        if after is not None:
            start = after.end
        return start, end

    def _trailing(self, sent: Sentence, w: Word, end: int) -> int:
        """Dependents of the cue verb standing after the content ("... à ce stade") belong to it."""
        for c in sent.children(w.id):
            if c.start >= end and c.deprel not in ("punct", "parataxis", "conj", "cc") and not self.cue_lemma(sent, c):
                end = max(end, self._span_of(sent, c)[1])
        return end

    def _sentence_end(self, sent: Sentence) -> int:
        words = [x for x in sent.words if x.upos != "PUNCT" or x.text in "»”\"’"]
        return words[-1].end if words else sent.end

    def content(self, sent: Sentence, w: Word, lemma: str, quotes: list[QuotedSpan]) -> Optional[tuple[int, int]]:
        children = sent.children(w.id)
        # A "que" clause: ccomp, or a clause the parser attached otherwise.
        for c in children:
            if c.start < w.end or c.deprel in SUBJECTS or c.deprel == "punct":
                continue
            marks = [m for m in sent.children(c.id) if m.deprel == "mark" and m.lemma.lower() in ("que", "qu'", "qu’") and m.start < c.start + 1]
            if c.deprel in ("ccomp", "obj", "advcl", "xcomp", "conj", "acl") and marks:
                que = marks[0]
                before = sent.words[que.id - 2] if que.id >= 2 else None
                if before is not None and before.lemma.lower() in ("tel", "ainsi", "même", "alors", "bien", "parce"):
                    continue
                start, end = self._span_of(sent, c, after=que)
                return start, self._trailing(sent, w, end)
        # "que" right after the verb, whatever the parser attached it to.
        nxt = [x for x in sent.words[w.id: w.id + 7] if x.upos != "PUNCT"]
        content_noun = in_pp = False
        for k, x in enumerate(nxt):
            if x.text.lower() in ("que", "qu'", "qu’"):
                return x.end, self._sentence_end(sent)
            if x.lemma.lower() in self.g.content_nouns:
                content_noun = True  # "sa conviction que ..."
                continue
            if x.upos in ("DET", "ADJ") and not content_noun:
                continue
            if x.upos == "ADP" and not in_pp and k < 2:
                in_pp = True  # "a déclaré aux journalistes que", "a convenu à l'époque que"
                continue
            if in_pp and x.upos in ("NOUN", "PROPN", "NUM"):
                continue
            if x.upos not in ("ADV", "PRON", "AUX") and x.deprel not in ("advmod", "obl:mod"):
                break
        # A noun with its clause or infinitive: "sa conviction que ...", "sa volonté de ...".
        for c in children:
            if c.deprel == "obj" and c.start > w.end and c.upos in ("NOUN", "PROPN"):
                for d in sent.children(c.id):
                    marks = [m for m in sent.children(d.id) if m.deprel == "mark" and m.lemma.lower() in ("que", "qu'", "qu’")]
                    if marks and d.deprel in ("acl", "ccomp", "advcl"):
                        return self._span_of(sent, d, after=marks[0])
                    if lemma in self.g.noun_clause and d.upos == "VERB" and d.deprel in ("acl", "nmod", "xcomp", "advcl"):
                        if any(m.lemma.lower() in ("de", "d'", "à") for m in sent.children(d.id) if m.deprel in ("mark", "case")):
                            return self._span_of(sent, c)
        if lemma in self.g.noun_clause:
            objs = [c for c in children if c.deprel == "obj" and c.start > w.end and c.upos == "NOUN"]
            infs = [c for c in children if c.deprel in ("xcomp", "advcl") and c.upos == "VERB" and objs and c.start > objs[0].start
                    and any(m.lemma.lower() in ("de", "d'", "d’") for m in sent.children(c.id) if m.deprel == "mark")]
            if objs and infs:
                return min(x.start for x in sent.subtree(objs[0].id)), max(self._span_of(sent, i)[1] for i in infs)
        # Object and its "de" infinitive: "accuse la Corée du Nord d'avoir envoyé ...".
        if lemma in self.g.object_infinitive:
            objs = [c for c in children if c.deprel == "obj" and c.start > w.end]
            infs = [c for c in children if c.deprel in ("xcomp", "advcl", "obl", "ccomp", "acl") and c.upos == "VERB" and c.start > w.end]
            if objs and infs:
                start = min(x.start for x in sent.subtree(objs[0].id))
                return start, max(self._span_of(sent, infs[-1])[1], self._span_of(sent, objs[0])[1])
            for o in objs:
                for d in sent.children(o.id):
                    if d.upos == "VERB" and any(m.lemma.lower() in ("de", "d'") for m in sent.children(d.id)):
                        return self._span_of(sent, o)
        # A quotation as object, infinitive or the "de" complement of a phrase cue.
        for c in children:
            if c.start < w.end or c.deprel not in ("obj", "xcomp", "ccomp", "nmod", "obl", "obl:arg", "iobj", "advcl"):
                continue
            if c.deprel == "advcl" and not (c.upos == "VERB" and any(m.deprel == "mark" and m.lemma.lower() in ("à", "de") for m in sent.children(c.id))):
                continue
            if c.deprel in ("obl", "iobj", "obl:arg", "nmod") and lemma not in self.g.phrases and not (c.deprel == "obl:arg" and c.upos == "VERB"):
                continue
            start, end = self._span_of(sent, c)
            inside = [q for q in quotes if start <= q.open_start < end or q.open_start <= start < q.close_end]
            if not inside:
                continue
            lead = [x for x in sent.subtree(c.id) if x.start < inside[0].open_start]
            if c.deprel in ("obj", "xcomp", "obl:arg", "ccomp", "advcl") and all(x.upos in ("DET", "ADP", "PUNCT") or x.text.lower() in ("à", "de", "d'") for x in lead):
                q = inside[0]
                return q.open_start, q.close_end
            if lemma in self.g.phrases:
                # "a fait l'éloge de X": the report is X, after the phrase's own words.
                last = self.g.phrases[lemma].words[-1].replace("’", "'").split("'")[-1].lower()
                words = [x for x in sent.subtree(c.id) if x.start >= w.end]
                cut = next((k for k, x in enumerate(words) if x.text.replace("’", "'").lower().endswith(last)), None)
                if cut is not None:
                    rest = words[cut + 1:]
                    while rest and rest[0].text.lower() in ("de", "d'", "d’", "du", "des"):
                        rest = rest[1:]
                    if rest:
                        return rest[0].start, end
                case = [x for x in sent.children(c.id) if x.deprel == "case"]
                return (case[0].end if case else start), end
            return start, end
        return None

    # ----------------------------------------------------------------- main

    def attribute(self, text: str, parsed: list[ParsedUnit], quotes: list[QuotedSpan], cues: list[CueMatch]) -> list[Event]:
        events: list[Event] = []
        top_quotes = [q for q in quotes if q.depth == 0]
        for unit in parsed:
            index = unit.index
            if is_headline(unit.unit.text):
                continue
            for sent in unit.sentences:
                events.extend(self._sentence(text, sent, index, top_quotes, cues))
        events.sort(key=lambda e: (e.start, e.end))
        events = self._drop_embedded(events)
        events = self._direct(text, parsed, top_quotes, events)
        events.sort(key=lambda e: (e.start, e.end))
        return events

    def _sentence(self, text: str, sent: Sentence, index: int, quotes: list[QuotedSpan], cues: list[CueMatch]) -> list[Event]:
        out: list[Event] = []
        local = [q for q in quotes if sent.start <= q.open_start < sent.end or q.open_start <= sent.start < q.close_end]
        for w in sent.words:
            if any(q.open_start < w.start < q.close_end for q in local):
                continue  # the verbs of quoted speech report nothing themselves
            lemma = self.cue_lemma(sent, w)
            if lemma is None or self.negated(sent, w):
                continue
            kids = sent.children(w.id)
            if any(c.deprel == "aux:pass" for c in kids) and not any(c.text.lower() in REFLEXIVE_CLITICS for c in kids):
                continue
            span = self.content(sent, w, lemma, local)
            if span is None:
                continue
            start, end = self._fit(text, span, local, w)
            if end - start < 3:
                continue
            subject = self.subject(sent, w)
            if subject is not None and subject.lemma.lower() in self.g.excluded_subjects:
                continue
            mention = self.mention(sent, subject, text, (start, end)) if subject is not None else None
            if mention is not None:
                mention = self._coordinated(text, sent, w, subject, mention)
            kind, start, end, balanced = self._type(text, start, end, local)
            cited = self._citing(text, sent, w)
            out.append(Event(start, end, kind, lemma, w.start, w.end, mention, index, balanced=balanced, cited_mention=cited))
        out.extend(self._prepositions(text, sent, index, local, cues, out))
        cited = self._cited_by(text, sent)
        if cited:
            out = [attrs.evolve(e, cited_source=e.cited_source or cited) for e in out]
        return out

    def _citing(self, text: str, sent: Sentence, w: Word) -> Optional[Mention]:
        """"Le média a cité le dirigeant qui a salué ...": the citing verb's subject relays the report."""
        rel = [c for c in sent.children(w.id) if c.deprel in SUBJECTS and (c.feat("PronType") == "Rel" or c.lemma.lower() == "qui")]
        if not rel:
            return None
        antecedent = self._antecedent(sent, rel[0], w)
        if antecedent is None or antecedent.deprel != "obj" or not antecedent.head:
            return None
        verb = sent.word(antecedent.head)
        if verb.lemma.lower() not in self.g.citing:
            return None
        subj = [c for c in sent.children(verb.id) if c.deprel == "nsubj"]
        return self.mention(sent, subj[0], text) if subj else None

    def _coordinated(self, text: str, sent: Sentence, verb: Word, subject: Word, mention: Mention) -> Mention:
        """Subjects the parser left as siblings ("l'Ukraine, la Corée du Sud et ... affirment") are one mention."""
        siblings = sorted((c for c in sent.children(verb.id) if c.deprel in ("nsubj", "nsubj:pass") and c.id != subject.id
                           and c.start < verb.start), key=lambda c: c.start)
        for c in reversed(siblings):
            other = self.mention(sent, c, text)
            gap = text[other.end: mention.start]
            joined = text[other.start: mention.end]
            if other.end <= mention.start and regex.fullmatch(r"\s*(?:,|et|ou|,\s*et)\s*", gap) and regex.search(r"\b(?:et|ou)\b", joined):
                words = tuple(sorted(set(other.words) | set(mention.words), key=lambda x: x.start))
                mention = Mention(other.start, mention.end, text[other.start: mention.end], mention.head, words, sent)
        if not regex.search(r"\b(?:et|ou)\b", mention.text):
            return mention
        # The parser may hang the first conjunct elsewhere: "l'Ukraine, la Corée du Sud et
        # plusieurs pays affirment" still names three speakers, read off the words.
        first = next(k for k, x in enumerate(sent.words) if x.start >= mention.start)
        while first >= 3 and sent.words[first - 1].text == ",":
            k = first - 2
            if sent.words[k].upos not in ("PROPN", "NOUN"):
                break
            while k > 0 and sent.words[k - 1].upos in ("PROPN", "ADJ") and sent.words[k - 1].text[:1].isupper():
                k -= 1
            if k > 0 and sent.words[k - 1].upos == "DET":
                k -= 1
            if k > 0 and sent.words[k - 1].upos == "ADP":
                break
            extra = tuple(sent.words[k: first - 1])
            start = extra[0].start
            mention = Mention(start, mention.end, text[start: mention.end], mention.head, extra + mention.words, sent)
            first = k
        return mention

    def _fit(self, text: str, span: tuple[int, int], quotes: list[QuotedSpan], cue: Word) -> tuple[int, int]:
        start, end = span
        if start <= cue.start < end:
            if cue.start - start > end - cue.end:
                end = cue.start
            else:
                start = cue.end
        aside = _ASIDE.search(text, start, end)
        if aside and aside.start() > start:
            end = aside.start()
        for q in quotes:
            if q.open_start < end < q.close_end and q.open_start >= start:
                end = q.close_end  # a quotation cut by the clause edge is taken whole
            if q.open_start < start < q.close_end and q.close_end <= end:
                start = q.open_start
        return _trim(text, start, end)

    def _type(self, text: str, start: int, end: int, quotes: list[QuotedSpan]) -> tuple[str, int, int, bool]:
        inside = [q for q in quotes if start <= q.open_start and q.close_end <= end + 1 or (start <= q.start < end)]
        if not inside:
            return "indirect", start, end, True
        balanced = all(q.balanced for q in inside)
        for q in inside:
            s, e = _trim(text, start, end)
            if s >= q.open_start and e <= q.close_end and s <= q.start and (q.end - q.start) >= 0.6 * (e - s):
                return "direct", q.start, q.end, q.balanced
            if q.open_start <= s and abs(e - q.close_end) <= 1:
                return "direct", q.start, q.end, q.balanced
        return "mixed", start, end, balanced

    def _cited_by(self, text: str, sent: Sentence) -> Optional[str]:
        m = _CITED_BY.search(text, sent.start, sent.end)
        if not m:
            return None
        return m.group(1).strip()

    # ----------------------------------------------------------------- selon & co

    def _prepositions(self, text, sent, index, quotes, cues, verb_events) -> list[Event]:
        out = []
        for cue in cues:
            if cue.kind != "preposition" or not (sent.start <= cue.start < sent.end):
                continue
            last = [w for w in sent.words if cue.start <= w.start < cue.end]
            if not last:
                continue
            anchor = last[-1]
            nominal = self._nominal(sent, anchor)
            if nominal is None:
                continue
            if cue.lemma in SPEAKER_ONLY and not self._speaker_like(nominal):
                continue
            mention = self.mention(sent, nominal, text, keep_clauses=True)
            comma = text.find(",", cue.end, mention.end)
            if comma > nominal.start:
                # "Selon RIA Novosti, le 30 novembre, ...": the phrase ends at its comma.
                kept = tuple(w for w in mention.words if w.end <= comma)
                mention = Mention(kept[0].start, kept[-1].end, text[kept[0].start: kept[-1].end], nominal, kept, sent) if kept else mention
            phrase_end = max(mention.end, anchor.end)
            mention = attrs.evolve(mention, words=tuple(w for w in mention.words if w.start >= cue.end))
            if any(e.start <= cue.start < e.end for e in verb_events):
                continue
            if verb_events:
                source = self._source_name(mention)
                for i, e in enumerate(verb_events):
                    if e.cited_source is None:
                        verb_events[i] = attrs.evolve(e, cited_source=source, cited_mention=mention)
                continue
            lead = text[sent.start: cue.start]
            tail = text[phrase_end: sent.end]
            if lead.strip(" ,") and not regex.search(r"\w", tail):
                # "..., selon KCNA.": the clause before the phrase, from the sentence start.
                start, end = _trim(text, sent.start, cue.start)
                if end - start >= 10:
                    kind, start, end, balanced = self._type(text, start, end, quotes)
                    out.append(Event(start, end, kind, cue.lemma, cue.start, cue.end, mention, index, balanced=balanced))
                continue
            if not lead.strip(" ,«“\"") or regex.fullmatch(r"\W*(?:\w+\W+){0,1}", lead):
                # "Selon X, ...": the rest of the sentence.
                start, end = _trim(text, phrase_end, self._sentence_end(sent))
                if end - start >= 10:
                    kind, start, end, balanced = self._type(text, start, end, quotes)
                    out.append(Event(start, end, kind, cue.lemma, cue.start, cue.end, mention, index, balanced=balanced))
                continue
            clause = sent.word(nominal.head) if nominal.head else None
            if clause is None:
                continue
            c_start, c_end = self._span_of(sent, clause)
            c_start, c_end = min(c_start, sent.start), max(c_end, 0)
            before = text[c_start: cue.start]
            head_words = [w for w in sent.subtree(clause.id) if w.end <= cue.start and w.upos != "PUNCT"]
            if not head_words or all(w.feat("PronType") == "Rel" or w.upos in ("CCONJ", "ADV", "SCONJ") for w in head_words) or not before.strip(" ,"):
                start, end = phrase_end, self._span_of(sent, clause)[1]
            else:
                rel = [w for w in head_words if w.feat("PronType") == "Rel"]
                start = max([w.end for w in rel] + [min(w.start for w in sent.subtree(clause.id) if w.upos != "PUNCT")])
                end = cue.start
            start, end = _trim(text, start, end)
            if end - start < 10:
                continue
            kind, start, end, balanced = self._type(text, start, end, quotes)
            out.append(Event(start, end, kind, cue.lemma, cue.start, cue.end, mention, index, balanced=balanced))
        return out

    def _nominal(self, sent: Sentence, anchor: Word) -> Optional[Word]:
        if anchor.deprel in ("case", "fixed", "mark") and anchor.head:
            head = sent.word(anchor.head)
            if head.deprel == "fixed" and head.head:
                head = sent.word(head.head)
            if head.upos in ("NOUN", "PROPN", "PRON", "X"):
                return head
        if anchor.lemma.lower() == "croire":
            objs = [c for c in sent.children(anchor.id) if c.deprel == "obj"]
            return objs[0] if objs else None
        for w in sent.words[anchor.id: anchor.id + 4]:
            if w.upos in ("PROPN", "NOUN", "PRON"):
                return w
        return None

    def _speaker_like(self, w: Word) -> bool:
        return w.upos == "PROPN" or w.lemma.lower() in self.g.titles or w.text.lower() in self.g.pronouns

    def _source_name(self, mention: Mention) -> str:
        words = list(mention.words)
        while words and words[0].upos in ("DET", "ADP", "PUNCT"):
            words.pop(0)
        if not words:
            return mention.text
        return mention.text[words[0].start - mention.start:]

    # ----------------------------------------------------------------- quotations

    def _drop_embedded(self, events: list[Event]) -> list[Event]:
        kept: list[Event] = []
        for e in events:
            outer = [o for o in events if o is not e and o.start <= e.cue_start < o.end and not (o.start <= e.start and e.end <= o.end and o.cue_start == e.cue_start)]
            if outer:
                continue
            if any(k.start == e.start and k.end == e.end for k in kept):
                continue
            kept.append(e)
        return kept

    def _direct(self, text: str, parsed: list[ParsedUnit], quotes: list[QuotedSpan], events: list[Event]) -> list[Event]:
        out = list(events)
        for q in quotes:
            if any(e.start <= q.start < e.end or q.start <= e.start < q.end for e in out):
                continue
            located = _locate(parsed, q)
            if located is None:
                continue
            index, sent = located
            words = len(text[q.start:q.end].split())
            event = self._adjacent(text, sent, q, index)
            if event is None and words > self.g.scare_max_words:
                event = self._floating(q, index, out)
            if event is not None:
                out.append(event)
                out.sort(key=lambda e: e.start)
        return out

    def _adjacent(self, text: str, sent: Sentence, q: QuotedSpan, index: int) -> Optional[Event]:
        after = text[q.close_end: q.close_end + 40]
        m = regex.match(r"[ \t\u00a0\u202f]*(,|[–—-])[ \t\u00a0\u202f]*", after)
        if m:
            for w in sent.words:
                if w.start < q.close_end + m.end() or w.start > q.close_end + m.end() + 30:
                    continue
                lemma = self.cue_lemma(sent, w)
                if lemma is None:
                    continue
                subject = self.subject(sent, w)
                if subject is None or subject.start < q.close_end:
                    later = [x for x in sent.words if x.start > w.end and x.upos in ("PROPN", "NOUN")]
                    subject = later[0] if later else None
                    if subject is not None:
                        while subject.head and sent.word(subject.head).upos in ("NOUN", "PROPN") and sent.word(subject.head).start > w.end:
                            subject = sent.word(subject.head)
                mention = self.mention(sent, subject, text, (q.open_start, q.close_end)) if subject is not None else None
                return Event(q.start, q.end, "direct", lemma, w.start, w.end, mention, index, balanced=q.balanced)
            if m.group(1) in "–—-":
                # "« ... » – Jacques Chirac": the name after the dash speaks, verb unsaid.
                names = [x for x in sent.words if q.close_end + m.end() <= x.start <= q.close_end + m.end() + 2 and x.upos in ("PROPN", "NOUN")]
                if names:
                    head = names[0]
                    while head.head and sent.word(head.head).upos in ("PROPN", "NOUN") and sent.word(head.head).start >= names[0].start:
                        head = sent.word(head.head)
                    mention = self.mention(sent, head, text, (q.open_start, q.close_end))
                    return Event(q.start, q.end, "direct", "dire", names[0].start, names[0].start, mention, index, balanced=q.balanced)
        before = text[max(0, q.open_start - 4): q.open_start]
        if ":" in before:
            cands = [w for w in sent.words if w.end <= q.open_start and self.cue_lemma(sent, w)]
            if cands:
                w = cands[-1]
                subject = self.subject(sent, w)
                mention = self.mention(sent, subject, text, (q.open_start, q.close_end)) if subject is not None else None
                return Event(q.start, q.end, "direct", self.cue_lemma(sent, w), w.start, w.end, mention, index, balanced=q.balanced)
        return None

    def _floating(self, q: QuotedSpan, index: int, events: list[Event]) -> Optional[Event]:
        before = [e for e in events if e.end <= q.open_start]
        if not before:
            return None
        prev = max(before, key=lambda e: e.end)
        if index - prev.unit_index > 1:
            return None
        return Event(q.start, q.end, "direct", prev.cue, prev.cue_start, prev.cue_end, prev.mention, index,
                     cited_source=prev.cited_source, inherits=True, balanced=q.balanced)


def _locate(parsed: list[ParsedUnit], q: QuotedSpan) -> Optional[tuple[int, Sentence]]:
    for unit in parsed:
        for sent in unit.sentences:
            if sent.start <= q.open_start < sent.end + 1:
                return unit.index, sent
    return None
