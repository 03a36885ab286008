"""The parse read for attribution: which words are cues, which is a cue's subject,
and the words that name a speaker.  Every construction rule asks these questions;
none of them makes an event."""

from __future__ import annotations

from typing import Optional

import regex

from ..grammar import Grammar, _reflexive_base
from ..parsing import Sentence, Word
from ..tokens import clitic
from .events import Mention
from .inversion import subject_after
from .narrative import narrative_infinitive
from .negation import NEGATIONS, negated
from .reflexives import REFLEXIVE_CLITICS, reflexive as own_clitic

SUBJECTS = ("nsubj", "nsubj:pass", "expl:subj")
CLAUSE_LINKS = ("advcl", "acl", "xcomp", "conj", "ccomp", "parataxis")
PURPOSE = frozenset({"pour", "afin", "sans"})


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


def _names(sent: Sentence, noun: Word) -> bool:
    """"M. Girard", "le ministre Paul Girard": a common noun that a name follows names someone
    ("le maire de Lyon" names a place after a preposition, not a person)."""
    return noun.upos == "NOUN" and any(
        k.upos == "PROPN" and k.start > noun.start and k.deprel in ("nmod", "flat:name", "flat", "appos")
        and not any(c.deprel == "case" for c in sent.children(k.id)) for k in sent.children(noun.id))


def _apposed_name(sent: Sentence, last: Word) -> Optional[Word]:
    """"Paul Girard, conseiller municipal et élu du 3e arrondissement, annonce": the name
    an apposition ending right before the verb's comma describes, when the parser left
    the verb without a subject."""
    x = last
    for _ in range(8):
        if x.deprel == "appos" and x.head and sent.word(x.head).upos == "PROPN":
            return sent.word(x.head)
        if not x.head:
            return None
        x = sent.word(x.head)
    return None


def _apposition_anchor(sent: Sentence, noun: Word, rel: Word) -> Optional[Word]:
    """"Claire Dubois, ancienne directrice du musée de Lyon, qui ...": a relative after a
    comma that closes an apposition stands for the name the apposition describes, not for
    the last noun inside it."""
    if rel.id < 2 or sent.words[rel.id - 2].text != ",":
        return None
    x = noun
    while x.deprel == "nmod" and x.head:
        x = sent.word(x.head)
    if x.deprel != "appos" or not x.head:
        return None
    anchor = sent.word(x.head)
    return anchor if anchor.upos == "PROPN" else None


class Syntax:
    def __init__(self, grammar: Grammar):
        self.g = grammar

    def cue_lemma(self, sent: Sentence, w: Word) -> Optional[str]:
        if w.upos not in ("VERB", "AUX") and not (w.upos in ("ADJ", "NOUN") and (w.feat("VerbForm") == "Part" or any(
                c.deprel.startswith("aux") or c.deprel == "expl:pv" for c in sent.children(w.id)))):
            return None  # a word with an auxiliary or a reflexive clitic is a verb, whatever its tag ("a-t-elle tweeté", "se sont dits")
        lemma = w.lemma.lower()
        if lemma not in self.g.verb_class and lemma not in self.g.reflexive_verbs and not any(p.verb == lemma for p in self.g.phrases.values()):
            known = self.g.forms.get(w.text.lower())
            if not known:
                return None
            lemma = known[0].split(" ")[-1] if known[0].startswith("se ") else known[0]
            lemma = _reflexive_base(lemma) or lemma
            if lemma in self.g.phrases:
                lemma = self.g.phrases[lemma].verb  # "tiendrait" (lemmatised "tiendre"): the phrase still needs its words
        children = sent.children(w.id)
        for phrase in self.g.phrases.values():
            if phrase.verb == lemma:
                last = phrase.words[-1].split("'")[-1].split("’")[-1].lower()
                if any(c.text.lower().endswith(last) or c.lemma.lower() == last for c in children) or any(
                    x.text.lower().endswith(last) for x in sent.words[w.id: w.id + len(phrase.words) + 1]
                ):
                    return phrase.lemma
        reflexive = self.g.reflexive_verbs.get(lemma)
        # a clitic stands before its verb: "a déclaré Me Roux" holds no "me"
        if reflexive and any(own_clitic(sent, w, c) and c.deprel.startswith(("expl", "obj", "iobj")) and c.start < w.start
                             for c in children):
            return reflexive
        if any(c.deprel == "expl:pv" and own_clitic(sent, w, c) for c in children) and not any(
                p.verb == lemma for p in self.g.phrases.values()):
            return None  # "la crise s'est accentuée": a pronominal verb of another sense
        if lemma in self.g.verb_class and not lemma.startswith(("s'", "se ")):
            return lemma
        return None

    @staticmethod
    def negated(sent: Sentence, w: Word) -> bool:
        return negated(sent, w)

    @staticmethod
    def place_of_on(sent: Sentence, w: Word) -> Optional[Word]:
        """"A l'hôpital, on fait valoir que", "explique-t-on au ministère": the place that
        speaks through an anonymous "on"."""
        for o in sent.children(w.id):
            if o.deprel.startswith("obl") and o.upos in ("NOUN", "PROPN") and any(
                    m.deprel == "case" and m.lemma.lower() in ("à", "chez") for m in sent.children(o.id)):
                return o
        return None

    def unreported(self, sent: Sentence, w: Word) -> bool:
        """A cue verb that reports no act of speaking: an order to the reader
        ("Supposons que"), a purpose ("pour lui dire"), what a modal only allows
        ("devrait pouvoir confirmer"), the writer or an anonymous "on" ("On croit que",
        "j'espère que"; "on" at a named place, "explique-t-on au ministère", speaks),
        or a clause for subject ("cela signifie que", "ce qui signifie que")."""
        kids = sent.children(w.id)
        if w.feat("Mood") == "Imp" or w.feat("Person") in ("1", "2") and w.feat("VerbForm") == "Fin" and not any(
                c.deprel in SUBJECTS for c in kids):
            return True  # "Supposons que", "Notez que": no subject, the reader is told
        if any(c.deprel == "mark" and c.lemma.lower() in PURPOSE for c in kids):
            return True
        if any(c.deprel == "mark" and c.lemma.lower() == "si" and not (c.id >= 2 and sent.words[c.id - 2].lemma.lower() == "même")
               for c in kids):
            return True  # "si le maire insiste sur ...": a condition; "même si" concedes a fact
        if w.feat("VerbForm") == "Inf" and w.head and sent.word(w.head).lemma.lower() in ("pouvoir", "devoir"):
            return True
        if w.feat("VerbForm") == "Inf" and not any(c.deprel in SUBJECTS for c in kids):
            subject = self._subject(sent, w)  # "on aurait tort de présumer que": nobody in particular
            if subject is not None and subject.text.lower() == "on" and self.place_of_on(sent, w) is None:
                return True
        if w.feat("VerbForm") == "Inf" and (not w.head or sent.word(w.head).upos not in ("VERB", "AUX", "ADJ", "NOUN")) \
                and not any(c.deprel in SUBJECTS for c in kids) and not narrative_infinitive(sent, w):
            return True  # "De quoi inciter à la prudence": nobody is said to speak
        for c in kids:
            if c.deprel not in SUBJECTS:
                continue
            low = clitic(c.text)  # "dit-on", "affirme-t-on": the pronoun alone
            if c.feat("Person") == "1" and c.upos == "PRON" or low in ("je", "j'", "j’"):
                return True
            if low == "on" and c.start > w.start and w.lemma.lower() == "dire" and not any(
                    o.deprel.startswith("obl") and o.start > w.start for o in kids):
                return True  # "la saison a été, dit-on, la meilleure": hearsay, nobody's words
            if low == "on" and self.place_of_on(sent, w) is None:
                return True
            if c.lemma.lower() in ("ce", "cela", "ceci", "ça") and c.start < w.start:
                return True  # after the verb it is the parser's error: "estiment que ce qu'il a fait ..."
            if c.lemma.lower() == "qui" and c.id >= 2 and sent.words[c.id - 2].lemma.lower() == "ce":
                return True
        return False

    # ----------------------------------------------------------------- subjects

    @staticmethod
    def _participial(sent: Sentence, w: Word) -> bool:
        if w.feat("VerbForm") in ("Part", "Ger") and w.text.lower().endswith("ant"):
            return True
        before = sent.words[w.id - 2] if w.id >= 2 else None
        return bool(before is not None and before.text.lower() == "en" and w.text.lower().endswith("ant"))

    def subject(self, sent: Sentence, w: Word) -> Optional[Word]:
        """The subject of a cue verb, climbing through participles, infinitives and shared subjects."""
        return _read_in(sent, w, self._subject(sent, w))

    def inverted_subject(self, sent: Sentence, w: Word) -> Optional[Word]:
        """The subject after a cue ("..., a déclaré mardi la ministre", "dit-il", "a indiqué
        à l'AFP le porte-parole"): past adverbs, time words and prepositional phrases,
        never one of them; None at the clause's end."""
        return _read_in(sent, w, self._inverted_subject(sent, w))

    def _incise_speaker(self, sent: Sentence, verb: Word) -> Optional[Word]:
        """The inverted subject of a cue verb in an incise, which a participle or an infinitive
        hung on it shares; else None."""
        if verb.upos == "VERB" and self.incise_comma(sent, verb) is not None and self.cue_lemma(sent, verb):
            return self.inverted_subject(sent, verb)
        return None

    def _subject(self, sent: Sentence, w: Word) -> Optional[Word]:
        if self._participial(sent, w) and not any(c.deprel in SUBJECTS for c in sent.children(w.id)):
            # "..., affirmant que", "tout en assurant que": the subject of the main clause,
            # wherever the parser attached the participle.
            for a in sent.ancestors(w.id):
                subj = [c for c in sent.children(a.id) if c.deprel in ("nsubj", "nsubj:pass")]
                if a.deprel == "ccomp" and any(m.deprel == "mark" for m in sent.children(a.id)):
                    continue  # "a assuré que le trafic reprendrait, tout en reconnaissant": not the clause's
                if a.upos in ("VERB", "AUX") and subj:
                    return subj[0]
                inverted = self._incise_speaker(sent, a)  # "», a dit le ministre, faisant valoir ..."
                if inverted is not None:
                    return inverted
        if narrative_infinitive(sent, w):
            return None  # "Avant d'ajouter : « ... »": the parse may hang it on the quotation's verb
        current = w
        for _ in range(6):
            subj = [c for c in sent.children(current.id) if _counts_as_subject(c, current)]
            subj = [c for c in subj if c.deprel != "expl:subj" or c.text.lower() in self.g.pronouns]
            inverted = self._incise_speaker(sent, current) if not subj and current is not w else None
            if inverted is not None:
                return inverted  # "», a lancé la militante, avant d'ajouter"
            if subj:
                # Several subjects come from parse errors: the one nearest before the verb,
                # a name or pronoun before a common noun ("Vendredi dernier, Lavrov a déclaré").
                before = [c for c in subj if c.start < current.start]
                pool = before or subj
                named = [c for c in pool if c.upos in ("PROPN", "PRON") or _names(sent, c)]
                s = max(named or pool, key=lambda c: c.start) if before else (named or pool)[0]
                if s.feat("PronType") == "Rel" or s.lemma.lower() in ("qui", "lequel", "laquelle"):
                    return self.antecedent(sent, s, current)
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
    def antecedent(sent: Sentence, rel: Word, clause: Word) -> Optional[Word]:
        """The noun a relative pronoun stands for: the clause's head noun, else the noun right before.
        A subject relative agrees with it: "le récit des policiers, qui affirment" stands for
        the policemen, whatever noun the parse hung the clause on."""
        if clause.head and sent.word(clause.head).upos in ("NOUN", "PROPN", "PRON"):
            head = sent.word(clause.head)
            finite = [x for x in [clause] + sent.children(clause.id) if x.feat("VerbForm") == "Fin" and x.start < clause.end]
            number = finite[0].feat("Number") if finite and rel.deprel.startswith("nsubj") else None
            anchor = _apposition_anchor(sent, head, rel)
            if anchor is not None and (number is None or anchor.feat("Number") in (None, number)):
                return anchor
            if number and head.feat("Number") and head.feat("Number") != number:
                agreeing = [x for x in sent.children(head.id) if x.deprel == "nmod" and x.upos in ("NOUN", "PROPN")
                            and x.feat("Number") == number and x.end <= rel.start]
                if agreeing:
                    return agreeing[-1]
            return head
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
        if k > 0 and sent.words[k].text == ",":
            return _apposed_name(sent, sent.words[k - 1])
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
                # "selon X", "pour X", "d'après X": the preposition is the cue, not the speaker
                drop.update(y.id for y in sent.subtree(x.id))
            if x.deprel == "cc" and x.head == head.id and x.start < head.start:
                drop.add(x.id)  # "..., et le maire, qui juge": the conjunction joins, it does not name
            if x.head == head.id and x.start > head.end and any(
                    m.deprel == "case" and m.lemma.lower() == "comme" for m in sent.children(x.id)):
                drop.update(y.id for y in sent.subtree(x.id))  # "Certains élus, comme le maire de X,": an example
            if x.lemma.lower() == "couvert" and any(m.deprel == "case" and m.lemma.lower() == "sous" for m in sent.children(x.id)):
                drop.update(y.id for y in sent.subtree(x.id))  # "un proche ... sous couvert d'anonymat": how, not who
            if x.feat("PronType") == "Rel" and x.start < head.start:
                drop.add(x.id)  # "l'agence, dont le ministre affirme": the relative links, it does not name
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

    def citing(self, text: str, sent: Sentence, w: Word) -> Optional[Mention]:
        """"Le média a cité le dirigeant qui a salué ...": the citing verb's subject relays the report."""
        rel = [c for c in sent.children(w.id) if c.deprel in SUBJECTS and (c.feat("PronType") == "Rel" or c.lemma.lower() == "qui")]
        if not rel:
            return None
        antecedent = self.antecedent(sent, rel[0], w)
        if antecedent is None or antecedent.deprel != "obj" or not antecedent.head:
            return None
        verb = sent.word(antecedent.head)
        if verb.lemma.lower() not in self.g.citing:
            return None
        subj = [c for c in sent.children(verb.id) if c.deprel == "nsubj"]
        return self.mention(sent, subj[0], text) if subj else None

    def coordinated(self, text: str, sent: Sentence, verb: Word, subject: Word, mention: Mention) -> Mention:
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

    def _inverted_subject(self, sent: Sentence, w: Word) -> Optional[Word]:
        kids = sent.children(w.id)
        # "a-t-elle dit": the clitic after the auxiliary, among the verb's own words (not "ce" of a quoted "Est-ce que ?")
        after = [c for c in kids if c.deprel in ("nsubj", "nsubj:pass") and (c.start > w.start or c.upos == "PRON" and any(
            a.deprel.startswith("aux") and a.start < c.start for a in kids) and not any(
            x.upos == "PUNCT" for x in sent.words if c.end <= x.start < w.start))]
        if after and not any(x.text == "," for x in sent.words if w.end <= x.start < after[0].start):
            return after[0]
        # Past a comma the parsed subject may be another clause's ("répond le sénateur, lorsque
        # celui qui l'interroge parle ..."): the noun phrase right after the verb first.
        phrase = self.g.phrases.get(self.cue_lemma(sent, w) or "")
        return subject_after(self.g, sent, w, phrase.words if phrase is not None else ()) or (after[0] if after else None)

    @staticmethod
    def incise_comma(sent: Sentence, w: Word, marks: frozenset = frozenset({","})) -> Optional[Word]:
        """The comma that opens the cue's incise: right before the verb, its auxiliaries,
        clitics and adverbs ("..., a encore précisé le ministre", "..., nous a-t-il dit").
        A cue there has its subject after it; its object slot holds no report.  Inside a
        quotation the quoted words' own "?" or "!" may stand for it (`marks`)."""
        k = w.id - 2
        while k >= 0 and (sent.words[k].upos in ("AUX", "ADV") or sent.words[k].text.lower() in REFLEXIVE_CLITICS | {"lui", "leur"}
                          or sent.words[k].upos == "PRON" and sent.words[k].text[:1] in "-‑"  # "a-t-il dit"
                          # the clitic as the parse repairs give it ("il" after "a-t-"): a subject
                          # pronoun right after an auxiliary is inverted
                          or sent.words[k].upos == "PRON" and sent.words[k].deprel.startswith("nsubj") and k > 0
                          and sent.words[k - 1].upos == "AUX"):
            k -= 1
        return sent.words[k] if k >= 0 and sent.words[k].text in marks else None


def _read_in(sent: Sentence, w: Word, subject: Optional[Word]) -> Optional[Word]:
    """"peut-on lire dans un communiqué de la mairie", "lit-on dans le rapport": the reader
    "on" is nobody; what was read speaks (a document, for its author)."""
    if subject is None or subject.text.lower() != "on" or w.lemma.lower() != "lire":
        return subject
    read = [c for c in sent.children(w.id) if c.deprel.startswith("obl") and c.upos in ("NOUN", "PROPN") and any(
        m.deprel == "case" and m.lemma.lower() in ("dans", "sur") for m in sent.children(c.id))]
    # or right after the verb and its subject, wherever the parser hung it
    nxt = sent.word(max(w.id, subject.id) + 1) if max(w.id, subject.id) < len(sent.words) else None
    if not read and nxt is not None and nxt.deprel == "case" and nxt.lemma.lower() in ("dans", "sur") and nxt.head:
        read = [x for x in (sent.word(nxt.head),) if x.upos in ("NOUN", "PROPN")]
    return read[0] if read else subject
