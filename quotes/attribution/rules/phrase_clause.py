"""Where the source's phrase of a verb-less cue ends ("Selon X, témoin qui a tout vu, ...",
"..., selon l'agence X, citant Y.") and which clause it reports: before it when it ends the
sentence, after it when it opens the sentence, else the clause it stands in."""

from __future__ import annotations

from typing import Optional

import regex

from ...parsing import Sentence, Word
from ..context import Context
from ..events import trim
from ..spans import CITING, sentence_end, span_of


_AFTER_PHRASE_RELATIVE = regex.compile(r"[\s\u00a0]*,?[\s\u00a0]*(?:[\w'’\- ]{1,60}?\s)?qui\b[^,.;:!?«»\"]{0,80},", regex.IGNORECASE)


# ", interrogé par la radio locale,", ", jointe par téléphone,", ", cités par l'AFP,"
_BY_PHRASE = regex.compile(r"[ \u00a0]*,[ \u00a0]*\p{Ll}+(?:ée?s?|ie?s?|ue?s?|inte?s?|ite?s?)[ \u00a0]+par\b[^,;:.!?«»\"]{1,60},")


def _past_participle_phrase(text: str, sent: Sentence, end: int) -> int:
    """"Selon le maire, interrogé par la radio locale, le pont ...": a past participle with
    its agent, between commas right after the source, says how the source spoke; the
    clause follows it."""
    m = _BY_PHRASE.match(text, end, sent.end)
    return m.end() if m else end


def phrase_tail(text: str, sent: Sentence, end: int, nominal: Word, titles: frozenset[str] = frozenset()) -> int:
    """Where the source's phrase ends when it opens the sentence: past a relative clause,
    a participle with its agent and an apposition that describe the source (`titles`: the
    grammar's, which a tagger may read as participles)."""
    relative = _AFTER_PHRASE_RELATIVE.match(text, end)
    if relative:
        end = relative.end()  # "Selon X, témoin qui a tout vu, ...": still the phrase
    end = _citation_end(text, sent, end)
    return _apposition_after(text, sent, _past_participle_phrase(text, sent, end), nominal, titles)


def _citation_end(text: str, sent: Sentence, end: int) -> int:
    """"selon l'agence X, citant un responsable local, ...", "..., selon X, qui cite une
    source judiciaire.": the source that X cites, up to its comma or the sentence's end,
    is still the phrase."""
    m = CITING.match(text, end, sent.end)
    if m is None:
        return end
    comma = text.find(",", m.end(), sent.end)
    return comma if comma >= 0 else sentence_end(sent)  # at its comma: a name may follow it


def _named_after(ctx: Context, sent: Sentence, end: int) -> int:
    """"..., d'après la ministre de la Santé, la Dre Anne Morel.": the source's name after
    its comma, ending the sentence, is still the phrase."""
    if not regex.match(r"[ \u00a0]*,", ctx.text[end: sent.end]):
        return end
    rest = [w for w in sent.words if w.start >= end and w.upos != "PUNCT"]
    named = [w for w in rest if w.upos == "PROPN" or w.text[:1].isupper()]
    if named and all(w in named or w.upos in ("DET", "ADP") or w.text in ctx.grammar.honorifics or w.lemma.lower() in ctx.grammar.titles
                     for w in rest):
        return sentence_end(sent)
    return end


def _apposition_after(text: str, sent: Sentence, end: int, nominal: Word, titles: frozenset[str] = frozenset()) -> int:
    """"Pour le syndicat, principal représentant des salariés, la réforme ...": words between
    commas that the parse hangs on the source, with no verb of their own, describe it."""
    lead = regex.match(r"[ \u00a0]*,?[ \u00a0]*", text[end: sent.end])
    comma = text.find(",", end + lead.end(), sent.end) if lead else -1
    if comma < 0:
        return end
    words = [w for w in sent.words if end + lead.end() <= w.start < comma]
    inside = {w.id for w in words}
    top = [w for w in words if w.head not in inside]
    # Not a past participle's phrase ("Selon le maire, fermé depuis lundi, le pont ..."):
    # it may as well describe the clause's subject after it.  A title the tagger read as
    # one is a noun still ("Pour X, délégué syndical, la réforme ...").
    if not words or any(w.feat("VerbForm") == "Fin" for w in words) \
            or any(w.feat("Tense") == "Past" and w.text.lower() not in titles for w in top):
        return end
    own = {x.id for x in sent.subtree(nominal.id)}
    if all(w.id in own for w in words):
        return comma + 1
    # The parser made it a second subject of the clause's verb: the subject is after it.
    if len(top) == 1 and top[0].deprel.startswith("nsubj") and any(
            c.deprel.startswith("nsubj") and c.start > comma for c in sent.children(top[0].head)):
        return comma + 1
    return end


def opens_sentence(lead: str) -> bool:
    """Does the phrase open its sentence, the text before it being `lead`?  At most one
    word may come first: "Mais selon X, ...", "Pourtant, pour X, ..."."""
    return not lead.strip(" ,«“\"") or regex.fullmatch(r"\W*(?:\w+\W+){0,1}", lead) is not None


def reported_clause(ctx: Context, sent: Sentence, cue_start: int, phrase_end: int, nominal: Word) -> Optional[tuple[int, int]]:
    """The clause the phrase reports: before it when it ends the sentence, after it when
    it opens the sentence, else the clause it stands in."""
    text = ctx.text
    lead = text[sent.start: cue_start]
    tail = text[_named_after(ctx, sent, _citation_end(text, sent, phrase_end)): sent.end]
    if lead.strip(" ,") and not regex.search(r"\w", tail):
        if any(sent.start < w.start < cue_start and ctx.syntax.incise_comma(sent, w) is not None
               and ctx.syntax.inverted_subject(sent, w) is not None for w, _ in ctx.cue_verbs(sent)):
            return None  # "..., a annoncé le ministre, selon l'agence X.": the agency relays his words
        start, end = trim(text, sent.start, cue_start)
        return (start, end) if end - start >= 10 else None
    if opens_sentence(lead):
        start, end = trim(text, phrase_tail(text, sent, phrase_end, nominal, ctx.grammar.titles), sentence_end(sent))
        return (start, end) if end - start >= 10 else None
    segment = regex.split(r"[,;:(–—]", lead.rstrip(" ,\u00a0"))[-1]
    if len(segment.split()) <= 3 and regex.search(r"[,;:(–—]", lead.rstrip(" ,\u00a0")):
        # "..., un prélude, selon X, à ...", "ce qui, selon X, ouvre ...": a word or two
        # before the phrase, what X says after it
        start, end = trim(text, phrase_end, sentence_end(sent))
        return (start, end) if end - start >= 10 else None
    clause = sent.word(nominal.head) if nominal.head else None
    while clause is not None and clause.upos in ("NOUN", "PROPN", "NUM") and clause.head and sent.word(clause.head).start < cue_start:
        clause = sent.word(clause.head)  # "... entre lundi et mercredi selon X": the predicate, not the noun
    while clause is not None and clause.deprel == "xcomp" and clause.head and sent.word(clause.head).start < cue_start:
        clause = sent.word(clause.head)  # "restera perturbé, selon X, jusqu'à": the verb the attribute completes
    inserted = text[phrase_end: sent.end].lstrip(" \u00a0").startswith(",")
    if clause is not None and inserted and clause.deprel.startswith("nsubj") and clause.head and sent.word(clause.head).start > phrase_end:
        clause = sent.word(clause.head)  # "La réforme, selon X, entrera en vigueur": the subject's verb after the phrase
    if clause is None:
        return None
    c_start, _ = span_of(sent, clause)
    before = text[min(c_start, sent.start): cue_start]
    head_words = [w for w in sent.subtree(clause.id) if w.end <= cue_start and w.upos != "PUNCT"]
    if not head_words or all(w.feat("PronType") == "Rel" or w.upos in ("CCONJ", "ADV", "SCONJ") for w in head_words) or not before.strip(" ,"):
        start, end = phrase_end, span_of(sent, clause)[1]
    else:
        rel = [w for w in head_words if w.feat("PronType") == "Rel"]
        start = max([w.end for w in rel] + [min(w.start for w in sent.subtree(clause.id) if w.upos != "PUNCT")])
        end = cue_start
        clause_end = max(x.end for x in sent.subtree(clause.id) if x.upos != "PUNCT")
        # the words after the phrase's comma go on with the clause, not with the phrase
        # ("selon le site X, des Laboratoires Y: ..." is the site's apposition)
        own, mine = {x.id for x in sent.subtree(clause.id)}, {x.id for x in sent.subtree(nominal.id)}
        nxt = next((x for x in sent.words if x.start >= phrase_end and x.upos != "PUNCT"), None)
        if clause_end > phrase_end and inserted and nxt is not None and nxt.id in own and nxt.id not in mine:
            end = clause_end  # "Le trafic restera, selon X, perturbé jusqu'à dimanche": the clause the phrase stands in
    start, end = trim(text, start, end)
    return (start, end) if end - start >= 10 else None
