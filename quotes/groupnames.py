"""The names of speakers who are several or one of several: "le sénateur X et la députée Y"
("X et Y"), "les grévistes" ("grévistes"), "l'un d'eux, Z" (Z).  Mixed into
`speakers.Resolver`; it reads the grammar (`self.g`), the text, the entity table and the
name chains (namechains.py)."""

from __future__ import annotations

import itertools

import regex

from .attribution import Mention
from .entities import Entity, is_acronym
from .sites import without_apposition
from .titles import _vote

# and those of a collective noun in the singular: "son entourage", "la famille"
_GROUP_DETERMINERS = frozenset({"les", "des", "ces", "ses", "leurs", "nos", "vos", "mes", "tes",
                                "le", "la", "l'", "l’", "son", "sa", "leur", "cette", "ce"})


class GroupNames:
    @staticmethod
    def _determined(mention: Mention, word) -> bool:
        return any(w.head == word.id and w.deprel in ("det", "nummod") for w in mention.words)

    def _one_of_them(self, mention: Mention) -> Entity:
        """"l'un d'eux, Mehdi Saïdi, 42 ans": the person the apposition names; without a
        name, the description the text gives ("l'un des manifestants")."""
        chain = self._chain(mention)
        if chain and not is_acronym(chain):
            entity = self.table.person(chain, create=True)
            _vote(entity, "f" if mention.head.text.lower() == "une" else "m")
            return entity
        return self.table.entity(mention.text, "PER")

    def _apposed_names(self, mention: Mention) -> str | None:
        """"Les maires de Vierzon et de Bourges, Paul Roux et Anne Petit": a description of
        several people, then, after a comma, their names and nothing else: "X et Y"."""
        comma = self.text.find(",", mention.head.end, mention.end)
        if comma < 0 or mention.head.upos != "NOUN" or mention.head.feat("Number") != "Plur":
            return None
        chains = [c for c in self._chains(mention) if c[0].start > comma]
        if len(chains) < 2:
            return None
        rest, at = [], comma + 1
        for c in chains:
            rest.append(self.text[at: c[0].start])
            at = c[-1].end
        rest.append(self.text[at: mention.end])
        if not all(regex.fullmatch(r"[\s,]*(?:et\s*)?", gap) for gap in rest) or "et" not in " ".join(rest).split():
            return None
        names = [self.text[c[0].start: c[-1].end] for c in chains]
        return ", ".join(names[:-1]) + " et " + names[-1]

    def _coordinated_name(self, mention: Mention) -> str:
        """Several entities speaking together are named by their names when each has one
        ("le sénateur Marc Duval et la députée Anne Férier": "Marc Duval et Anne Férier";
        "Le Premier ministre, X, et son homologue belge, Y": "X et Y"; "la France et la Corée
        du Sud"), else by the description ("le maire et ses adjoints")."""
        whole = self._strip_det(mention)
        apposed = self._apposed_names(mention)
        if apposed:
            return apposed
        sent, inside = mention.sentence, {w.id for w in mention.words}
        members = [w for w in mention.words if w.deprel == "conj" and w.head in inside and w.upos in ("NOUN", "PROPN")]
        parts = [{x.id for x in sent.subtree(m.id)} & inside for m in members]
        parts.insert(0, inside - set().union(*parts))
        chains = self._chains(mention)
        names = []
        heads = [mention.head] + members
        for ids, member in zip(parts, heads):
            # the member's own name: its head's chain, or one set after it ("le sénateur X");
            # not a name inside its apposition ("X, cofondatrice de la start-up Y")
            own = [c for c in chains if all(w.id in ids for w in c) and any(w.id == member.id or w.head == member.id for w in c)]
            if len(own) != 1:
                return whole
            words = [w for w in mention.words if w.id in ids and w.upos != "PUNCT"]
            lead = next((w for w in words if w.upos not in ("DET", "CCONJ")), None)
            # a name opens the member ("la Corée du Sud") or follows its title ("le sénateur Marc Duval")
            if lead is not None and lead.id == own[0][0].id:
                run = list(itertools.takewhile(lambda w: w.id in ids and w.upos not in ("PUNCT", "CCONJ"),
                                               (w for w in mention.words if w.start >= lead.start)))
                names.append(self.text[lead.start: run[-1].end])
            else:
                names.append(self.text[own[0][0].start: own[0][-1].end])
        if len(names) < 2:
            return whole
        return ", ".join(names[:-1]) + " et " + names[-1]

    def _group_name(self, mention: Mention) -> str:
        """A group as its description, like any unnamed speaker ("les grévistes", "ses opposants"
        give "grévistes", "opposants"); a counted group keeps its article, the number needing
        it ("Les deux parties"), and so does a quantifier ("plusieurs médias")."""
        words = list(mention.words)
        # Without a bracket after it ("des chercheurs de l'institut X (Suisse)").
        end = min(mention.end, self.text.find("(", mention.start, mention.end) % (mention.end + 1))
        if len(words) > 2 and words[0].text.lower() == "de" and words[1].text.lower() == "les" and words[0].start == words[1].start:
            words = words[1:]  # "des" read as "de les" after a preposition ("selon des sources ...")
        counted = len(words) == 3 and words[0].text.lower() in ("les", "ces") and words[1].upos == "NUM"
        if (len(words) == 2 and words[0].text.lower() == "les" or counted) and words[-1].text.islower():
            # "les syndicats d'infirmiers", then "les syndicats" or "les trois syndicats"
            fuller = self.table.fuller(words[-1].text, mention.start)
            if fuller:
                return fuller
        if len(words) > 1 and words[0].text.lower() in _GROUP_DETERMINERS and words[1].upos != "NUM":
            return without_apposition(self.text[words[1].start: end].strip())
        if len(words) > 2 and words[0].text.lower() == "de" and words[1].text.lower() in ("nombreux", "nombreuses"):
            return without_apposition(self.text[words[2].start: end].strip())  # "de nombreux habitants": an indefinite plural, as "des"
        start = mention.start
        if words and words[0].start > start and self.text[start: words[0].start].strip().lower() in ("des", "du"):
            start = words[0].start  # "de l'avis des riverains": the "des" whose "de" is the cue's
        return without_apposition(self.text[start: end].strip())
