"""Corrections of the parse that the grammar's cues allow.

The parser reads "L'opposition juge que la réforme est injuste" as a noun phrase
("the opposition judge") with a clause hung on it: "juge", "critique", "note",
"estime" are nouns as well as verb forms.  The grammar stage found a verb cue
there.  A cue form tagged as a noun or an adjective, with no article of its own
("l'annonce que ..." is a noun), right before "que" and after a noun phrase it
was hung on or that the parse already gives it as subject, is the verb of the
sentence: the noun phrase its subject, the clause its complement; so is one right
before a determiner whose noun the parser hung on that noun phrase with no
preposition ("Le syndicat juge ce projet inacceptable"): that noun is its object.  So is one right
after the comma that closes a relative clause on the sentence's first noun phrase
("Le syndicat, qui représente les cheminots, juge que ..."), which the parser hung
inside that clause.  An object the parser hung on the phrase before it is the cue's
(stray_objects.py).  After a quotation
and its comma, a cue form read as a noun with a noun phrase hung on it ("« ... »,
analyse l'économiste X") is the incise's verb and the noun phrase its subject; so is
one after a clause and its comma followed by a noun phrase that ends the sentence
("..., juge l'analyste X"), or after a quoted ? or !, or before a glued "-t-il" (a verb
the tokenizer left one word with its clitic, "répond-elle", is parted first: clitics.py).  A cue's
participle coordinated with a participle that qualifies a noun of the object ("a autorisé un
tir de défense renforcée et promis « ... »") is the conjunct of the verb (conjuncts.py).  A
sentence the parse left without a verb takes its cue form as the verb ("Le ministre
dément les rumeurs"), and so does a sentence whose form stands before the colon that
introduces the words ("Le président, lui, tranche : « ... »").  A rare infinitive read as a noun after "de", before the noun phrase it
takes ("accuse le maire de brader le patrimoine"), is an infinitive.  Last, with the grammar's outlets, the speaker the parser ran
into the outlet spoken to is parted from it ("a confié au Parisien X").
"""

from __future__ import annotations

from typing import Optional

import attrs

from .grammar import Grammar
from .model import CueMatch
from .parsing import ParsedUnit, Sentence, Word
from .misread import (QUANTIFIERS, adverbs_read_as_verbs, appositions_read_as_subjects, dates_read_as_objects, infinitives_read_as_nouns,
                      ordinals_as_subjects, quantified_objects, subjects_after_fronted_participles)
from .clitics import part_glued_clitics
from .asides import participles_after_asides
from .postposed import subjects_after_postposed_cues
from .conjuncts import participles_sharing_an_auxiliary
from .outletrepair import speaker_after_outlet
from .stray_objects import (articles_read_as_contractions, infinitives_after_phrases, objects_after_addressees, objects_after_phrases,
                            quantities_as_objects)
from .tokens import CLOSING_MARKS, OPENING_MARKS, QUE_FORMS, SUBJECT_CLITICS

_FINAL_STOPS = frozenset({".", "!", "?", "…", ";"})


def verb_cues(units: list[ParsedUnit], cues: tuple[CueMatch, ...], grammar: Optional[Grammar] = None) -> list[ParsedUnit]:
    """The units with each sentence's misread cue verbs read as verbs, and the speaker
    named right after the outlet spoken to parted from it (with the grammar's outlets and
    person nouns)."""
    starts = {c.start: c for c in cues if c.kind == "verb"}
    if not starts:
        return units
    return [attrs.evolve(u, sentences=tuple(_sentence(s, starts, grammar) for s in u.sentences)) for u in units]


def _sentence(sent: Sentence, cues: dict[int, CueMatch], grammar: Optional[Grammar]) -> Sentence:
    # Each pass reads the tree the one before it left.
    sent = part_glued_clitics(sent, cues)
    sent = attrs.evolve(sent, words=tuple(adverbs_read_as_verbs(sent)))
    for repair in (ordinals_as_subjects, subjects_after_fronted_participles, appositions_read_as_subjects, _nouns_read_as_cues,
                   _nouns_before_objects, _verbless, _nouns_before_colons, _incise_nouns, _final_incise, _after_relative, objects_after_addressees,
                   participles_sharing_an_auxiliary, participles_after_asides, subjects_after_postposed_cues):
        sent = attrs.evolve(sent, words=tuple(repair(sent, cues)))
    if grammar is not None:
        sent = attrs.evolve(sent, words=tuple(_weekdays_as_verbs(sent, grammar)))
        sent = attrs.evolve(sent, words=tuple(infinitives_read_as_nouns(sent, cues, grammar)))
        sent = attrs.evolve(sent, words=tuple(quantified_objects(sent, cues, grammar)))
        sent = attrs.evolve(sent, words=tuple(dates_read_as_objects(sent, cues, grammar)))
        sent = attrs.evolve(sent, words=tuple(objects_after_phrases(sent, cues, grammar)))
        sent = attrs.evolve(sent, words=tuple(articles_read_as_contractions(sent, cues, grammar)))
        sent = attrs.evolve(sent, words=tuple(quantities_as_objects(sent, cues, grammar)))
        sent = attrs.evolve(sent, words=tuple(infinitives_after_phrases(sent, cues, grammar)))
        sent = attrs.evolve(sent, words=tuple(speaker_after_outlet(sent, cues, grammar)))
    return sent


def _weekdays_as_verbs(sent: Sentence, grammar: Grammar) -> list[Word]:
    """"a été annoncée mardi par le gouvernement": a day read as a past participle ("mardi"
    ends like "applaudi") takes the phrases after it from the verb; it says when, and what
    hung on it hangs on the verb it modifies."""
    words = list(sent.words)
    for w in sent.words:
        if w.upos not in ("VERB", "AUX") or w.text.lower() not in grammar.time_words or not w.head:
            continue
        words[w.id - 1] = attrs.evolve(w, upos="NOUN", lemma=w.text.lower(), feats="Gender=Masc|Number=Sing", deprel="obl:mod")
        for c in sent.children(w.id):
            words[c.id - 1] = attrs.evolve(words[c.id - 1], head=w.head)
    return words


def _misread_cue(sent: Sentence, w: Word, cues: dict[int, CueMatch]) -> CueMatch | None:
    """The cue of a whole cue form tagged as a noun or an adjective with no article of its
    own ("l'annonce que ..." is a noun): what the passes below may read as the verb."""
    cue = cues.get(w.start)
    if cue is None or cue.end != w.end or w.upos not in ("NOUN", "ADJ"):
        return None
    if any(c.deprel == "det" for c in sent.children(w.id)):
        return None
    return cue


def _as_verb(w: Word, cue: CueMatch, **changes) -> Word:
    return attrs.evolve(w, upos="VERB", lemma=cue.lemma, feats="Mood=Ind|Person=3|VerbForm=Fin", **changes)


def _nouns_read_as_cues(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    words = list(sent.words)
    for k in range(1, len(words) - 1):
        w, que = words[k], words[k + 1]
        cue = _misread_cue(sent, w, cues)
        if cue is None:
            continue
        if que.text.lower() not in QUE_FORMS or que.deprel != "mark" or not que.head or que.head == w.id:
            continue
        verb = _as_verb(w, cue)
        if any(c.deprel.startswith("nsubj") and c.start < w.start for c in sent.children(w.id)):
            words[k] = verb  # the parse gave it a subject already: "Un sondage ..., juge que"
        elif k > 0 and words[k - 1].text == "," and not _apposed_root(sent, w):
            words[k] = verb  # "X, dont ..., juge que": after the clause that interrupts it
        else:
            # "Le maire, Paul Brunet, juge que": the form hung on the apposition of a verbless
            # parse's noun phrase; that whole phrase is the subject
            holder = _apposed_root(sent, w) or (sent.word(w.head) if w.head else None)
            if holder is None or holder.upos not in ("NOUN", "PROPN") or holder.start > w.start:
                continue
            # The verb takes the noun phrase's place in the tree; the noun phrase
            # becomes its subject.
            words[k] = attrs.evolve(verb, head=holder.head, deprel=holder.deprel)
            words[holder.id - 1] = attrs.evolve(words[holder.id - 1], head=w.id, deprel="nsubj")
            for j, x in enumerate(words):
                if x.head == holder.id and x.upos == "PUNCT" and x.start > w.start:
                    words[j] = attrs.evolve(x, head=w.id)
        words[que.head - 1] = attrs.evolve(words[que.head - 1], head=w.id, deprel="ccomp")
        for j, x in enumerate(words):
            if x.head == que.head and x.deprel.startswith("nsubj") and x.start < w.start:
                words[j] = attrs.evolve(x, head=w.id)  # a subject before "que" is the verb's, not the clause's
    return words


def _apposed_root(sent: Sentence, w: Word) -> Word | None:
    """The root noun phrase of a verbless parse that `w` hangs on through an apposition
    before it ("Le maire, Paul Brunet, juge": "maire"), if that is how the parse went."""
    holder = sent.word(w.head) if w.head else None
    if holder is None or holder.deprel != "appos" or holder.start > w.start:
        return None
    top = sent.word(holder.head) if holder.head else None
    if top is None or top.deprel != "root" or top.upos not in ("NOUN", "PROPN") or top.start > holder.start:
        return None
    return top


def _nouns_before_objects(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """"Le syndicat juge ce projet inacceptable", "L'opposition critique la réforme": a cue
    form read as a noun or adjective on the noun phrase that heads a verbless parse, right
    before a determiner, when the determiner's noun hangs on that noun phrase (or on the
    form) with no preposition: a noun phrase does not take a bare noun phrase as its
    modifier, a verb takes it as its object.  What the noun phrase held after the form
    (the attribute, the final stop) is the verb's."""
    words = list(sent.words)
    for k in range(1, len(words) - 1):
        w, det = words[k], words[k + 1]
        cue = _misread_cue(sent, w, cues)
        if cue is None or det.deprel != "det":
            continue
        holder = sent.word(w.head) if w.head else None
        if holder is None or holder.upos not in ("NOUN", "PROPN") or holder.start > w.start:
            continue
        # The parse may have made the attribute the verbless predicate of that noun
        # phrase ("Le collectif juge cette décision injuste": "injuste" its root).
        attribute = sent.word(holder.head) if holder.deprel == "nsubj" and holder.head else None
        if attribute is not None and not (attribute.deprel == "root" and attribute.upos in ("ADJ", "NOUN")
                                          and not any(c.deprel == "cop" for c in sent.children(attribute.id))):
            continue
        if attribute is None and holder.deprel != "root":
            continue
        if any(x.upos not in ("ADJ",) or x.head != holder.id for x in words[holder.id: k]):
            continue  # only the noun phrase's own adjectives between it and the form
        obj = sent.word(det.head) if det.head else None
        if obj is None or obj.upos not in ("NOUN", "PROPN") or obj.start < w.end or obj.head not in (holder.id, w.id):
            continue
        if any(c.deprel == "case" for c in sent.children(obj.id)) or attribute is not None and attribute.start < obj.end:
            continue
        top = attribute or holder
        words[k] = _as_verb(w, cue, head=top.head, deprel=top.deprel)
        if attribute is not None:
            # where the parser puts an attribute after its object: on the object
            words[attribute.id - 1] = attrs.evolve(attribute, head=obj.id, deprel="amod")
            for j, x in enumerate(words):
                if x.head == attribute.id and x.deprel == "punct" and x.text in _FINAL_STOPS:
                    words[j] = attrs.evolve(x, head=w.id)
        words[holder.id - 1] = attrs.evolve(holder, head=w.id, deprel="nsubj")
        for j, x in enumerate(words):
            if x.head == holder.id and x.start > w.end:
                words[j] = attrs.evolve(x, head=w.id)
        words[obj.id - 1] = attrs.evolve(words[obj.id - 1], head=w.id, deprel="obj")
        break
    return words


_DASHES = frozenset({"—", "–", "-"})


def _nouns_before_colons(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """"Le président, lui, tranche : « ... »", "La ministre nuance : « ... »": a cue form read as
    a noun or an adjective with no article of its own, between the sentence's one noun phrase
    and the colon that introduces the words, is the verb; the noun phrase its subject, the
    words after the colon hang on it."""
    words = list(sent.words)
    for k in range(1, len(words) - 1):
        w = words[k]
        cue = _misread_cue(sent, w, cues)
        if cue is None or words[k + 1].text != ":":
            continue
        subject = _phrase_head(words[:k], ("NOUN", "PROPN"))
        if subject is None or not any(x.upos == "VERB" and x.start > w.end for x in words):
            continue
        root = next((x for x in words if not x.head), None)
        words[k] = _as_verb(w, cue, head=0, deprel="root")
        words[subject.id - 1] = attrs.evolve(words[subject.id - 1], head=w.id, deprel="nsubj")
        if root is not None and root.start > w.end:
            words[root.id - 1] = attrs.evolve(words[root.id - 1], head=w.id, deprel="parataxis")
        words[k + 1] = attrs.evolve(words[k + 1], head=w.id, deprel="punct")
        return words
    return words


def _phrase_head(words: list[Word], kinds: tuple[str, ...]) -> Word | None:
    """The one word of `words` (a run of the sentence) that hangs outside the run, if it is of `kinds`."""
    ids = {w.id for w in words}
    tops = [w for w in words if w.head not in ids and w.upos != "PUNCT"]
    return tops[0] if len(tops) == 1 and tops[0].upos in kinds else None


def _verbless(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """"Le ministre dément les rumeurs", "Il dément toute implication", "Le ministre dément
    avoir menti": a sentence the parse left without a finite verb, where a cue form (read
    as a noun, adjective, adverb or copula, with no article of its own) stands between a noun
    phrase or subject pronoun and a determiner or an infinitive: a sentence has a finite
    verb, and it is that form; the phrase before is its subject, the one after its object
    or its infinitive complement."""
    words = list(sent.words)
    # a cue form read as the copula ("dément" as a form of "être") is no finite verb of the sentence
    if any(w.upos in ("VERB", "AUX") and w.feat("VerbForm") not in ("Inf", "Part") and not (w.upos == "AUX" and w.start in cues)
           for w in words):
        return words
    for k in range(1, len(words) - 1):
        w, nxt = words[k], words[k + 1]
        if nxt.text in OPENING_MARKS and k + 2 < len(words):
            nxt = words[k + 2]  # "Le maire pointe « une gestion défaillante »": the object in marks
        cue = cues.get(w.start)
        infinitive = nxt.feat("VerbForm") == "Inf"
        quantified = nxt.upos != "DET" and nxt.text.lower() in QUANTIFIERS  # "dément tout manquement", both misread
        if cue is None or cue.end != w.end or w.upos not in ("NOUN", "ADJ", "ADV", "AUX", "ADP") or not (nxt.upos == "DET" or infinitive or quantified) \
                or words[k - 1].upos == "PUNCT" and not _closes_apposition(words, k - 1) or any(c.deprel == "det" for c in sent.children(w.id)):
            continue
        subject = _phrase_head(words[:k], ("NOUN", "PROPN", "PRON"))
        body = words[k + 1:]
        while body and body[-1].upos == "PUNCT":
            body = body[:-1]
        obj = _phrase_head(body, ("VERB",) if infinitive else ("NOUN", "PROPN", "ADJ", "ADV") if quantified else ("NOUN", "PROPN"))
        if subject is None or obj is None or subject.upos == "PRON" and subject.deprel != "nsubj":
            continue
        words[k] = _as_verb(w, cue, head=0, deprel="root")
        words[subject.id - 1] = attrs.evolve(words[subject.id - 1], head=w.id, deprel="nsubj")
        words[obj.id - 1] = attrs.evolve(words[obj.id - 1], head=w.id, deprel="xcomp" if infinitive else "obj",
                                         upos="NOUN" if obj.upos in ("ADJ", "ADV") else obj.upos)  # a misread object's head
        if quantified:
            words[k + 1] = attrs.evolve(nxt, upos="DET", head=obj.id, deprel="det")
        for j in range(k + 1 + len(body), len(words)):
            words[j] = attrs.evolve(words[j], head=w.id)   # the final stop
        return words
    return words


def _closes_apposition(words: list[Word], k: int) -> bool:
    """Is words[k] the comma that closes an apposition after the opening noun phrase ("L'ancien
    adjoint, Denis Hocquard, dément")?"""
    if words[k].text != ",":
        return False
    opening = next((j for j in range(k - 1, 0, -1) if words[j].text == ","), None)
    return opening is not None and opening + 1 < k and all(x.upos in ("PROPN", "NOUN", "ADJ", "DET", "NUM") for x in words[opening + 1: k]) \
        and any(x.upos in ("NOUN", "PROPN") for x in words[:opening])


def _incise_nouns(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """"« Le marché va se retourner », analyse l'économiste X", "« ... », note le
    rapporteur", "« Qui paiera ? » demande le maire", "— C'est fini, peste X": right after a
    quotation and its comma, or a comma of a dialogue line (none after a ? or !), a cue form
    read as a noun or an
    adjective, with no article of its own, that the noun phrase after it hangs on, is the
    incise's verb and that noun phrase its inverted subject."""
    words = list(sent.words)
    for k in range(2, len(words) - 1):
        w, nxt = words[k], words[k + 1]
        cue = _misread_cue(sent, w, cues)
        # after a quotation's closing mark, or inside a dialogue line ("— C'est fini, peste X")
        after_comma = words[k - 1].text == "," and (words[k - 2].text in CLOSING_MARKS or words[0].text in _DASHES)
        # "« Qui paiera ? » demande le maire": a quotation ending with its own ? or ! needs no comma
        after_stop = words[k - 1].text in CLOSING_MARKS and words[k - 2].text in ("?", "!") \
            or words[k - 1].text in ("?", "!")   # "— Vous partez ? demande le juge": in the quotation
        # "« Pourquoi ? demande-t-il. »": a subject clitic glued after it makes it a verb anywhere
        glued = nxt.start == w.end or nxt.start - w.end == 3 and nxt.text.lower() in SUBJECT_CLITICS  # "souffle-t-elle", its "-t-" dropped
        if nxt.upos == "PART" and nxt.lemma == "t" and k + 2 < len(words):
            nxt = words[k + 2]
        clitic = glued and nxt.upos == "PRON" and nxt.deprel == "nsubj" and nxt.head == w.id
        if cue is None or not (after_comma or after_stop or clitic):
            continue
        subject = sent.word(nxt.head) if nxt.deprel == "det" and nxt.head else nxt
        if glued and nxt.upos == "PRON" and nxt.text.lower() in SUBJECT_CLITICS and (after_comma or after_stop):
            subject = attrs.evolve(nxt, head=w.id)  # "— Lui, il exagère, plaisante-t-elle.": the clitic hung on the line's verb
        if subject is None or subject.head != w.id or subject.start < w.end or not (
                subject.upos in ("NOUN", "PROPN", "ADJ") or subject.upos == "PRON" and subject.deprel == "nsubj"):
            continue  # "», analyse l'économiste", "», lit-on": its subject hung on the form
        words[k] = _as_verb(w, cue, deprel="parataxis" if w.head else "root")
        words[subject.id - 1] = attrs.evolve(words[subject.id - 1], head=w.id, deprel="nsubj")
    return words


def _final_incise(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """"Les prix vont baisser, juge l'analyste Marc Roy.", "..., juge pour sa part X": after
    a clause with a verb and its comma, a cue form read as a noun, with no article of its
    own, followed (past adverbs and an aside such as "pour sa part") by a noun phrase that
    ends the sentence, is an incise: the verb, its subject after it.  "Paul Roy, juge
    d'instruction, a ..." has no verb before its comma; "..., juge au tribunal" no subject."""
    words = list(sent.words)
    for k in range(2, len(words) - 1):
        w = words[k]
        cue = _misread_cue(sent, w, cues)
        if cue is None or words[k - 1].text != "," or not any(x.upos in ("VERB", "AUX") for x in words[: k - 1]):
            continue
        j, aside = k + 1, None
        while j < len(words) and words[j].upos in ("ADV", "ADP"):
            if words[j].upos == "ADP" and words[j].head:
                aside = sent.word(words[j].head)
                j = max(x.id for x in sent.subtree(aside.id))   # the word after the aside
            else:
                j += 1
        if j >= len(words):
            continue
        first = words[j]
        subject = sent.word(first.head) if first.upos == "DET" and first.head > first.id else first
        if subject.upos not in ("NOUN", "PROPN") or subject.start < first.start:
            continue
        inside = {x.id for x in sent.subtree(subject.id)}
        rest = [x for x in words[j:] if x.id not in inside]
        apposed = None
        if len(rest) > 2 and rest[0].text == "," and rest[0].start > subject.start:
            # "..., soupire Karine Roy, mère de l'élève.": a description of the speaker
            body = rest[1:]
            while body and body[-1].upos == "PUNCT":
                body = body[:-1]
            apposed = _phrase_head(body, ("NOUN", "PROPN")) if body else None
            rest = [x for x in rest if x not in body] if apposed is not None else rest
        if any(x.upos != "PUNCT" for x in rest):
            continue  # the noun phrase (and its description) must end the sentence
        root = next((x.id for x in words if x.head == 0 and x.id != w.id), 0)
        words[k] = _as_verb(w, cue, head=root, deprel="parataxis")
        words[subject.id - 1] = attrs.evolve(words[subject.id - 1], head=w.id, deprel="nsubj")
        if aside is not None and aside.id not in inside:
            words[aside.id - 1] = attrs.evolve(words[aside.id - 1], head=w.id, deprel="obl")
        if apposed is not None:
            words[apposed.id - 1] = attrs.evolve(words[apposed.id - 1], head=subject.id, deprel="appos")
        return words
    return words


def _after_relative(sent: Sentence, cues: dict[int, CueMatch]) -> list[Word]:
    """"Le syndicat, qui représente les cheminots, juge que ...": a cue verb right after the
    comma that closes a relative clause on the sentence's first noun phrase, hung by the
    parser inside that clause and left without a subject, is the main verb: the noun
    phrase is its subject."""
    words = list(sent.words)
    for k in range(2, len(words)):
        w = words[k]
        cue = cues.get(w.start)
        if cue is None or w.upos != "VERB" or words[k - 1].text != "," or not w.head:
            continue
        if any(c.deprel.startswith("nsubj") for c in sent.children(w.id)):
            continue
        relative = next((a for a in sent.ancestors(w.id) if a.deprel == "acl:relcl"), None)
        subject = sent.word(relative.head) if relative is not None and relative.head else None
        if subject is None or subject.upos not in ("NOUN", "PROPN") or subject.start > relative.start:
            continue
        if any(x.upos not in ("DET", "ADJ", "PUNCT") for x in words[: subject.id - 1]):
            continue  # the noun phrase must open the sentence
        words[k] = attrs.evolve(w, head=subject.head, deprel=subject.deprel)
        words[subject.id - 1] = attrs.evolve(words[subject.id - 1], head=w.id, deprel="nsubj")
        for j, x in enumerate(words):
            if x.head == subject.id and x.upos == "PUNCT" and x.start > w.start:
                words[j] = attrs.evolve(x, head=w.id)
        break
    return words
