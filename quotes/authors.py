"""Documents speak for their authors: "le rapport de la commission estime que" is the
commission's, "selon leur étude" is the study's authors', "la déclaration" the author of
the statement the text last named.  Outlet nouns ("l'agence", "le quotidien") stand for
the outlet the text names.  A mixin of the speaker resolver: needs g, text, table, history,
_found, _pronoun, _bare_role, _last_org, _org, _org_named_at."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import attrs
import regex

from .titles import Lookup
from .tokens import is_acronym

if TYPE_CHECKING:
    from .attribution import Mention
    from .entities import Entity

_AUTHORS = frozenset({"auteur", "auteurs", "auteure", "auteures", "autrice", "autrices"})
_POSSESSIVE = {"son": "s", "sa": "s", "ses": "s", "leur": "p", "leurs": "p"}
_BY = regex.compile(r"\bpar\s+(?:l[ae]\s+|l['’]\s*|les\s+)?(.+)$", regex.IGNORECASE)
_DE = frozenset({"de", "d'", "d’", "du", "des"})
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du"})
# What an outlet's noun is of when it stays an outlet: "l'agence de presse", "la chaîne d'information".
_PRESS = frozenset({"presse", "information", "informations", "info", "actualité", "actualités", "télévision", "radio"})


class DocumentAuthors:
    """Who a document, an outlet noun or "les auteurs" stands for."""

    def _authors_anaphor(self, mention: Mention) -> Optional[Entity]:
        """"les auteurs", "l'autrice" with nothing after them: whoever the text has been
        reporting on, as "ils" / "il" / "elle" would be ("l'auteur du rapport" is a
        description of its own)."""
        words = [w for w in mention.words if w.upos != "PUNCT"]
        head = mention.head
        if head.text.lower() not in _AUTHORS or len(words) != 2 or words[0].text.lower() not in ("les", "l'", "l’", "le", "la"):
            return None
        plural = head.feat("Number") == "Plur" or head.text.lower().endswith("s")
        # The authors of the document the text last credited to someone ("leur étude").
        for pos, entity in reversed(self.authored):
            if pos < mention.start and (entity.type == "GROUP") == plural:
                return entity
        if plural:
            return self._pronoun(mention.start, "p")
        # one author is a person: the writer the text last named, not a body "il" might be
        return self._bare_role(mention)

    def _document_author(self, mention: Mention, document: bool, named: bool = False) -> Optional[Entity]:
        """The author of a document mention, or the outlet of an outlet noun; None when the
        text gives neither (the mention then stays its description).  A document with a
        name of its own ("un sondage Ifop", "le rapport Duval") is that name's."""
        if document and named and not self._written_by(mention):
            return None
        if document:
            # "Le rapport ... Il recommande": a pronoun may stand for the document, by its noun's gender
            self.documents_at[mention.start] = {"Masc": "m", "Fem": "f"}.get(mention.head.feat("Gender") or "", "")
            found = self._named_author(mention) or self._possessor(mention) or self._issuer(mention)
            if found is not None:
                self.authored.append((mention.start, found))
                return found
            if _definite(mention):
                for pos, entity in reversed(self.authored):
                    if pos < mention.start:
                        return entity
            elif _indefinite(mention):
                # "selon un bilan officiel publié mardi": a document the text brings in without
                # its author keeps its description; the last body named did not sign it
                return self._as_described(mention)
        else:
            if self._body_of_its_own(mention):
                return None
            found = self._outlet_named(mention)
            if found is not None:
                return found
        return self._last_org(mention.start)

    def _body_of_its_own(self, mention: Mention) -> bool:
        """"l'agence régionale de santé", "l'agence de l'eau": an outlet noun with a "de"
        complement of its own names a body, not the outlet cited before ("l'agence de presse"
        still is)."""
        head = mention.head
        return any(w.head == head.id and w.deprel == "nmod" and w.lemma.lower() not in _PRESS
                   and any(c.deprel == "case" and c.text.lower() in _DE for c in mention.sentence.children(w.id))
                   for w in mention.words)

    def _named_author(self, mention: Mention) -> Optional[Entity]:
        """"un communiqué publié par le conseil", "le rapport de la commission": the agent or
        the "de" complement when it names someone (not a date: "l'arrêt du 4 mars")."""
        by = self._written_by(mention)
        if by:
            # "publiée par l'Agence de la statistique (ANSA)": the acronym in brackets is no part of the name
            name = by.group(1).split(" (")[0].strip(" ,")
            noun, _, rest = name.partition(" ")
            if noun.lower() in self.g.organisations and noun.lower() not in self.g.named_with and rest[:1].isupper():
                name = rest  # "par l'ONG Médecins du Sahel": the body's noun is no part of its name
            else:
                name = self.table.fuller(name, mention.start) or name  # "par la préfecture" after "la préfecture du Gard"
            return self.table.entity(name, "PER" if name.split()[0].lower() in self.g.titles else "ORG")
        head = mention.head
        words = [w for w in mention.words if mention.start <= w.start < mention.end]
        # "un rapport confidentiel de la Cour": the adjective, which the parse may read as a
        # noun with the complement on it, stands between the document and its author
        described = {w.id for w in words if w.head == head.id and w.start > head.end and w.text.islower()
                     and w.deprel in ("amod", "nmod") and not any(c.deprel == "case" for c in mention.sentence.children(w.id))}
        for k, w in enumerate(words):
            if w.id in described or w.head not in described | {head.id} or w.deprel != "nmod" or w.start < head.end:
                continue
            before = [x for x in words[:k] if x.head == w.id and x.deprel == "case"]
            if not before or before[0].text.lower() not in _DE:
                return None
            low = w.lemma.lower()
            if w.upos == "PROPN" or low in self.g.organisations or low in self.g.titles or low in self.g.groups \
                    or low + "s" in self.g.groups or w.text.lower() in self.g.groups or self._org_named_at(w.start) \
                    or w.upos == "NOUN" and w.text[:1].isupper() and _definite(mention, w):
                # "le bilan de la Protection civile": a capitalised noun after its article heads a body's name
                return self._complement_entity(mention, w)
            return None
        return None

    def _written_by(self, mention: Mention):
        """The "par X" of a document's participle when X wrote it: "un bilan établi par la
        préfecture", not "un rapport consulté par l'AFP" (the grammar's document readers)."""
        by = _BY.search(mention.text)
        if by is None:
            return None
        at = mention.start + by.start()
        before = [w for w in mention.words if w.end <= at]
        return None if before and before[-1].lemma.lower() in self.g.document_readers else by

    def _complement_entity(self, mention: Mention, w) -> Entity:
        inside = {x.id for x in mention.words if mention.start <= x.start < mention.end}
        sub = [x for x in mention.sentence.subtree(w.id) if x.id in inside]
        # up to a comma, or to a participle that says what became of the document ("de
        # l'université de Rouen publiée mardi")
        cut = next((k for k, x in enumerate(sub) if k > 0 and (x.upos == "PUNCT" or x.deprel.startswith("acl") and x.upos == "VERB"
                                                                and x.feat("VerbForm") == "Part")), None)
        sub = sub[:cut] if cut is not None else sub
        while sub and (sub[0].text.lower() in _ARTICLES or sub[0].upos in ("ADP", "DET")):
            sub.pop(0)
        name = self.text[sub[0].start: sub[-1].end] if sub else w.text
        low = w.lemma.lower()
        known = self._org_named_at(w.start)
        if known is not None:
            return known
        if w.upos == "PROPN":
            found = self.table.find(name) or (self.table.person(name) if not is_acronym(name) else None)
            if found is not None:
                return found
            return self.table.entity(name, "ORG" if is_acronym(name) else "PER")
        if len(sub) == 1 and w.upos == "NOUN" and not w.text[:1].isupper():
            # "un communiqué du groupe": the body the bare noun refers back to, as its subject would
            det = tuple(x for x in mention.words if x.head == w.id and x.deprel == "det")[:1]
            bare = attrs.evolve(mention, start=(det or (w,))[0].start, end=w.end, text=self.text[(det or (w,))[0].start: w.end],
                                head=w, words=det + (w,))
            found = self._named_org(bare)
            if found is not None:
                return found
            name = self.table.fuller(name, mention.start) or name  # "du ministère" after "le ministère de l'Économie"
        if low in self.g.organisations or w.text[:1].isupper():
            # "un rapport de l'Inspection générale des finances": a capitalised noun heads a name
            return self.table.find(name) or self.table.entity(name, "ORG")
        if w.feat("Number") == "Plur":
            return self.table.entity(name, "GROUP")
        return self.table.entity(name, "PER")

    def _as_described(self, mention: Mention) -> Entity:
        """The document as described, up to a participle that says what became of it
        ("un bilan officiel publié mardi" is the "bilan officiel") or a comma."""
        head = mention.head
        words = [w for w in mention.words if mention.start <= w.start < mention.end]
        cut = next((k for k, w in enumerate(words) if w.start > head.start and (
            w.upos == "PUNCT" or w.head == head.id and w.deprel.startswith("acl") and w.feat("VerbForm") == "Part")), len(words))
        kept = [w for w in words[:cut] if w.start >= head.start or w.upos not in ("DET", "ADP")]
        return self._org(self.text[kept[0].start: kept[-1].end] if kept else head.text)

    def _issuer(self, mention: Mention) -> Optional[Entity]:
        """"La police a diffusé un communiqué, selon lequel ...": the subject of the verb that
        issued the document, as the text named it before."""
        head, sent = mention.head, mention.sentence
        verb = sent.word(head.head) if head.deprel == "obj" and head.head else None
        if verb is None or verb.upos != "VERB" or verb.lemma.lower() not in _ISSUE:
            return None
        subject = next((c for c in sent.children(verb.id) if c.deprel == "nsubj" and c.start < verb.start), None)
        if subject is None:
            return None
        first = min(w.start for w in sent.subtree(subject.id))
        return next((e for pos, e in reversed(self.history) if first <= pos <= subject.start and e.type in ("PER", "ORG", "GROUP")), None)

    def _possessor(self, mention: Mention) -> Optional[Entity]:
        """"son rapport", "leur étude": the possessive's antecedent wrote it."""
        head = mention.head
        det = next((w for w in mention.words if w.head == head.id and w.text.lower() in _POSSESSIVE), None)
        if det is None:
            return None
        if _POSSESSIVE[det.text.lower()] == "p":
            return self._pronoun(mention.start, "p")
        for pos, entity in reversed(self.history):
            if pos < mention.start and entity.type in ("PER", "ORG"):
                self._found = Lookup(mention.start, pos)
                return entity
        self._found = Lookup(mention.start, None)
        return None

    def _outlet_named(self, mention: Mention) -> Optional[Entity]:
        """"l'agence officielle", "le quotidien": the outlet the text names nearest before,
        else one named right after in the same paragraph ("selon l'agence d'État. KCNA")."""
        outlets = [(m.start, e) for e in self.table.entities if e.type == "ORG" and e.name in self.g.outlets for m in e.mentions]
        before = [(p, e) for p, e in outlets if p < mention.start]
        if before:
            return max(before, key=lambda x: x[0])[1]
        end = self.text.find("\n", mention.end)
        after = [(p, e) for p, e in outlets if mention.end <= p < (end if end >= 0 else len(self.text))]
        return min(after, key=lambda x: x[0])[1] if after else None


# Verbs that issue a document: their subject wrote or signed it.
_ISSUE = frozenset({"publier", "diffuser", "envoyer", "adresser", "transmettre", "signer", "rédiger", "dévoiler",
                    "remettre", "présenter", "rendre"})

# "précise-t-on à la direction du Trésor"; "À la mairie comme à la préfecture, on ...".
_AT = r"(?:au|aux|à\s+la|à\s+l['’]|à|chez(?:\s+l[ae]|\s+l['’])?)\s*"
_PLACE = r"(?P<{0}>\p{{L}}[\p{{L}}\-'’]*(?:\s+(?:de|des|du|d['’]|de\s+la|de\s+l['’])?\s*\p{{L}}[\p{{L}}\-'’]*){{0,3}}?)"
_ON_AFTER = regex.compile(rf"\s*{_AT}{_PLACE.format('a')}\s*(?=[.,;:!?\n]|$)", regex.IGNORECASE)
_ON_BEFORE = regex.compile(rf"(?:^|[.!?\n]\s*)(?:À|A|Au|Aux|Chez)\s+(?:l[ae]\s+|l['’]\s*)?{_PLACE.format('a')}"
                           rf"(?:\s+(?:comme|et)\s+{_AT}{_PLACE.format('b')})?\s*,\s*$")


class Institutions:
    """Impersonal "on" at an institution the sentence names speaks for it (a mixin of the
    speaker resolver: needs g, text, table)."""

    def _impersonal(self, mention: Mention) -> Optional[Entity]:
        after = _ON_AFTER.match(self.text, mention.end)
        line = self.text.rfind("\n", 0, mention.start) + 1
        before = _ON_BEFORE.search(self.text, max(line - 1, 0, mention.start - 160), mention.start)
        if after and self._institution(after.group("a")):
            return self._institution(after.group("a"))
        if before and self._institution(before.group("a")):
            first = self._institution(before.group("a"))
            if before.group("b") and self._institution(before.group("b")):
                return self.table.entity(f"{_bare(before.group('a'))} et {_bare(before.group('b'))}", "GROUP")
            return first
        return None

    def _institution(self, phrase: str) -> Optional[Entity]:
        """An organisation's name or description: a capitalised name or an organisation noun."""
        name = _bare(phrase)
        first = name.split()[0] if name else ""
        if not first or not (first[:1].isupper() or first.lower() in self.g.organisations):
            return None
        return self.table.find(name) or self.table.entity(name, "ORG")


def _bare(phrase: str) -> str:
    return regex.sub(r"^(?:l[ae]\s+|l['’]\s*|les\s+)", "", phrase.strip(), flags=regex.IGNORECASE)


def _indefinite(mention: Mention) -> bool:
    head = mention.head
    return any(w.head == head.id and w.deprel == "det" and w.text.lower() in ("un", "une", "des") for w in mention.words)


def _definite(mention: Mention, head=None) -> bool:
    head = head or mention.head
    return any(w.head == head.id and w.text.lower() in ("le", "la", "l'", "l’", "ce", "cette", "cet") for w in mention.words)
