"""Which clitic before a verb makes it pronominal.  "se" always does; "me", "te", "nous" and
"vous" only with a subject of their own person: "je me suis dit" is "se dire", but "le
directeur m'a dit", "il nous a assuré" hold an object, and the verb is "dire", "assurer"."""

from __future__ import annotations

from ..parsing import Sentence, Word

REFLEXIVE_CLITICS = frozenset({"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous", "soi"})

_CLITIC_PERSON = {"me": 1, "m'": 1, "m’": 1, "te": 2, "t'": 2, "t’": 2, "nous": 4, "vous": 5}
_SUBJECT_PERSON = {"je": 1, "j'": 1, "j’": 1, "tu": 2, "nous": 4, "vous": 5}


def reflexive(sent: Sentence, verb: Word, clitic: Word) -> bool:
    """`clitic`, hung on `verb`, is its reflexive pronoun.  Without a subject in the parse
    ("m'a-t-on dit" aside, an infinitive's) a clitic of the set counts, as before."""
    low = clitic.text.lower()
    person = _CLITIC_PERSON.get(low)
    if person is None:
        return low in REFLEXIVE_CLITICS
    subject = next((c for c in sent.children(verb.id) if c.deprel.startswith("nsubj")), None)
    return subject is None or _SUBJECT_PERSON.get(subject.text.lower()) == person
