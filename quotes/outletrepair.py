"""A parse repair of the verb cues' sentences: the outlet (or the people) spoken to and the
speaker after it, which the parser runs into one phrase ("a déclaré au Parisien Thomas
Girard", "a déclaré à des journalistes la porte-parole").  A step of
repairs.py, kept apart as the one repair that reads the grammar's outlets and person nouns."""

from __future__ import annotations

from typing import Optional

import attrs

from .grammar import Grammar
from .model import CueMatch
from .parsing import Sentence, Word

# Nouns of a broadcast whose complement names the outlet: "au micro de", "sur l'antenne de".
_LEADS = frozenset({"micro", "antenne", "onde", "ondes", "plateau"})
_CONTRACTED = {"le": ("Le ",), "la": ("La ",), "les": ("Les ",), "l'": ("L'", "L’"), "l’": ("L’", "L'")}


def speaker_after_outlet(sent: Sentence, cues: dict[int, CueMatch], grammar: Grammar) -> list[Word]:
    """"a déclaré au Parisien Thomas Girard", "a dit à Reuters Anne Roy", "a répété à l'agence
    X le fondateur de ...": the parser ran the outlet spoken to and the speaker after it into
    one phrase.  The longest start of a name that is a known outlet stays the cue's "à"
    phrase, and the first name and surname after it are the cue's inverted subject; so is a
    person's noun with its article, or an honorific with its name, hung on the outlet, or on
    the people spoken to, with no preposition."""
    words = list(sent.words)
    for w in sent.words:
        if w.start not in cues or w.upos != "VERB":
            continue
        for c in sent.children(w.id):
            kids = sent.children(c.id)
            if not c.deprel.startswith("obl") or c.upos not in ("PROPN", "NOUN") or c.start < w.end or not any(
                    m.deprel == "case" and m.lemma.lower() in ("à", "sur") for m in kids):
                continue
            # "au micro de France Info Marie Dupont": the outlet is the lead noun's complement
            # or the media noun's name: "à l'Agence France-Presse Marc Dubois"
            named = c if c.upos == "PROPN" else next((n for n in kids if n.upos == "PROPN" and (
                n.deprel == "nmod" and c.lemma.lower() in _LEADS or n.deprel == "appos" and c.lemma.lower() in grammar.media)), None)
            noun = c.text + " " if named is not c and named is not None and named.deprel == "appos" else ""
            first = _name_after(sent, named, grammar.outlets, noun) if named is not None else None
            if first is not None:
                chain = {named.id} | {x.id for x in sent.words if x.deprel == "flat:name" and x.start < first.start and x.id > named.id}
                words[first.id - 1] = attrs.evolve(first, head=w.id, deprel="nsubj")
                for x in sent.words:
                    if x.head in chain and x.start > first.start and x.id != first.id:
                        words[x.id - 1] = attrs.evolve(words[x.id - 1], head=first.id)
                return words
            if c.upos == "PROPN" or c.lemma.lower() in grammar.media or grammar.person_noun(c.lemma, c.text):
                # "à l'agence Bloomberg le fondateur de ...", "à des journalistes la porte-parole
                # de ...": a noun phrase with no preposition
                for d in sent.words:
                    if d.head not in (c.id,) + tuple(x.id for x in kids if x.deprel in ("appos", "flat:name")) \
                            or d.upos != "NOUN" or d.start < c.end:
                        continue
                    own = sent.children(d.id)
                    person = d.lemma.lower() in grammar.titles or d.lemma.lower() + "s" in grammar.groups
                    # "à Ouest-France M. Roux": an honorific with its name needs no article
                    honorific = d.text in grammar.honorifics and any(m.upos == "PROPN" and m.start > d.end for m in own)
                    if (person and any(m.deprel == "det" for m in own) or honorific) and not any(m.deprel == "case" for m in own):
                        words[d.id - 1] = attrs.evolve(d, head=w.id, deprel="nsubj")
                        return words
    return words


def _name_after(sent: Sentence, c: Word, outlets: frozenset[str], noun: str = "") -> Optional[Word]:
    """The first word after a known outlet at the start of the name `c` heads (after `noun`,
    the media noun it is in apposition to, when the outlet's name begins with it), when a
    first name and a surname follow it."""
    chain = [c] + [x for x in sent.words if x.id > c.id and x.deprel == "flat:name" and x.head in (c.id, x.id - 1)]
    chain = [x for k, x in enumerate(chain) if x.id == c.id + k]   # the words in a row
    article = next((m.text.lower() for m in sent.children(c.id) if m.deprel == "det"), None)
    for n in range(len(chain) - 2, 0, -1):
        name = " ".join(x.text for x in chain[:n])
        forms = (name, noun + name) + tuple(a + name for a in _CONTRACTED.get(article or "", ()))
        if any(f in outlets for f in forms) and chain[n].text[:1].isupper():
            return chain[n]
    return None
