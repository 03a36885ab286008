"""What kind of subject a mention is, for the speakers stage: a second subject that
describes the first, a name the parser read as a common noun, a human group, one of a
group.  Mixed into `speakers.Resolver`; it reads the grammar (`self.g`) and the entity
table (`self.table`)."""

from __future__ import annotations

from .attribution import Mention
from .tokens import masculine


class SubjectKinds:
    def _second_subject(self, mention: Mention) -> bool:
        """"Le Modem, le parti centriste, a appelé ...": a subject right after another subject
        of the same verb and a comma describes it (the parser gave the verb two subjects); the
        one entity is the first's, and "il" after it stands for that name."""
        head = mention.head
        return head.deprel.startswith("nsubj") and any(
            w.head == head.head and w.deprel == head.deprel and w.end <= mention.start
            and self.text[w.end: mention.start].strip() == "," for w in mention.sentence.words)

    def _named_at(self, head) -> bool:
        """A capitalised head the parser took for a common noun ("Roman" of a first name
        opening a sentence) that starts a person's name in the table."""
        return head.text[:1].isupper() and any(e.type == "PER" and m.kind == "name" and m.start == head.start
                                               for e in self.table.entities for m in e.mentions)

    def _named_role(self, mention: Mention) -> bool:
        """A common noun with a person's name set after it ("la skieuse Manon Deschamps",
        "le vigneron Paul Roux"): whatever the role, the name is a person's."""
        head = mention.head
        return any(w.head == head.id and w.start > head.end and w.upos == "PROPN" and w.deprel in ("appos", "flat:name", "nmod")
                   and not any(c.deprel == "case" for c in mention.sentence.children(w.id))
                   and any(e.type == "PER" and m.kind == "name" and m.start == w.start for e in self.table.entities for m in e.mentions)
                   for w in mention.words)

    def _human_group(self, mention: Mention) -> bool:
        """A plural subject of people ("des chercheurs de ...", "les habitants"): an antecedent
        for "ils", "leur étude", "les auteurs"."""
        head = mention.head
        return head.feat("Number") == "Plur" and (head.lemma.lower() + "s" in self.g.groups or head.text.lower() in self.g.groups)

    def _one_of_group(self, mention: Mention) -> bool:
        """One of a human group ("le capitaine", "une habitante"): a person, an antecedent for
        "il" and "elle" as a title is."""
        head = mention.head
        lemma = head.lemma.lower()
        return head.feat("Number") == "Sing" and lemma not in self.g.singular_things and (
            lemma + "s" in self.g.groups or masculine(lemma) + "s" in self.g.groups)
