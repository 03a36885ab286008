"""The outlet a statement was made to or relayed by: "a déclaré à l'AFP", "a-t-il dit à
Reuters", "a indiqué auprès de l'AFP", "sur RTL", "au micro de France Info", "dans un
entretien au Parisien", "interrogé par Le Figaro", ", rapporte Le Monde,".  A step of the
speakers stage: it reads the sentence around an event's cue; the speaker is unchanged.
`past_outlet` keeps the one spoken to (and a dateline) from being taken for the speaker."""

from __future__ import annotations

from typing import Optional

import regex

from .attribution import Event, Mention
from .grammar import Grammar
from .outletnames import names_pattern
from .parsing import Sentence
from .tokens import is_acronym

_SPOKEN_TO = regex.compile(r"\b(?:sur|à|au|aux)\s+(?:l['’]\s*|la\s+|le\s+|les\s+)?$", regex.IGNORECASE)
_DATELINE = regex.compile(r"\s*\)?\s*(?:\([^()]{1,30}\))?\s*[-–—]\s+")
_ART = r"(?:(?:la|le|les)\s+|l['’]\s*)?"
# Leads that make whatever name follows an outlet: "au micro de", "sur les ondes de", "à nos confrères
# du", "interrogé par", "dans un entretien au".
# Of them, those after which a name is a broadcaster's or a paper's, never a person's.
_BROADCAST = (r"au\s+micro\s+(?:de|d['’]|du|des)|(?:sur|à)\s+l['’]antenne\s+(?:de|d['’]|du)|sur\s+le\s+plateau\s+(?:de|d['’]|du)"
              r"|sur\s+les\s+ondes\s+(?:de|d['’]|du)|dans\s+les\s+colonnes\s+(?:de|d['’]|du)")
_STRONG = (_BROADCAST + r"|(?:à|auprès\s+de)\s+nos\s+(?:confrères|consœurs)\s+(?:de|d['’]|du|des)|(?:interrogée?s?|interviewée?s?|questionnée?s?|contactée?s?|jointe?s?)\s+par"
           r"|dans\s+(?:un|une|son|sa|leur|l['’])\s*(?:entretien|interview|entrevue)(?:\s+(?:accordée?|donnée?|exclusive?))?\s+(?:à|au|aux|avec|pour)")
_LEAD = regex.compile(rf"\b(?:(?P<strong>{_STRONG})|(?P<weak>à|au|aux|sur|dans|pour|selon|auprès\s+(?:de|d['’]|du|des)|(?:publiée?s?|diffusée?s?|révélée?s?)\s+par))\s+(?P<art>{_ART})",
                      regex.IGNORECASE)
_AFTER_BROADCAST = regex.compile(rf"(?:^|\s)(?:{_BROADCAST})\s+{_ART}$", regex.IGNORECASE)


def after_broadcast_lead(text: str, start: int) -> bool:
    """Does a lead that only outlets follow end right before `start` ("au micro de RMC
    Sport", "sur l'antenne de Radio Okapi")?"""
    return _AFTER_BROADCAST.search(text, max(0, start - 40), start) is not None


# People spoken to, after the speaker: "à des proches", "à ses partisans", "aux journalistes"
# (not "le délégué aux Anciens combattants", an office's domain written as a name).
_TOLD = regex.compile(r"\s(?:à\s+(?:des|ses|leurs|ces|quelques|plusieurs)|aux)\s+(?P<noun>\p{Ll}[\p{L}\-]*)")
_INSERTED = regex.compile(r",\s*(?P<verb>\p{Ll}+)\s+(?P<name>(?:L[ae]\s+|L['’]|Les\s+)?\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)*)\s*,")
# An edition's capitalised words, up to an honorific ("à Ouest-France M. Roux": the speaker's).
_EDITION = regex.compile(r"(?:[ \u00a0]+(?!(?:M|MM|Mme|Mmes|Mlle|Me|Dr|Pr|Mgr)(?:\.|\s))\p{Lu}[\p{L}\-]*)+")
_NAME_TOKEN = regex.compile(r"(?:\p{Ll}{0,3}\p{Lu}[\p{L}\p{N}&/\-]*(?:\.\p{L}+)*|\p{N}+)(?=[\s,.;:!?)»]|$)")


def cited_outlet(text: str, sentence: Sentence, event: Event, grammar: Grammar, speaker: Optional[str],
                 strong_only: bool = False) -> Optional[str]:
    """The outlet a statement was made to or relayed by, named in the cue's sentence outside
    the quote: "a déclaré à l'AFP", "a-t-il dit à Reuters", "sur RTL", "au micro de France
    Info", "dans un entretien au Parisien", "interrogé par Le Figaro".  A document ("dans
    un communiqué") or a place is no outlet; the one nearest the cue wins.  With
    `strong_only`, only a lead that makes any name an outlet counts ("selon le maire,
    interrogé par X": "selon" has no "à X" of its own to say whom it was said to)."""
    best: Optional[tuple[int, str]] = None
    for m in _LEAD.finditer(text, sentence.start, sentence.end):
        if event.start <= m.start() < event.end or strong_only and not m.group("strong"):
            continue
        name = _outlet_after(text, m, grammar)
        if name is None or name == speaker or name in grammar.places:
            continue
        distance = abs(m.start() - event.cue_start)
        if best is None or distance < best[0]:
            best = (distance, name)
    if best is None and not strong_only:
        best = _relaying(text, sentence, event, grammar)
    return best[1] if best else None


def _relaying(text: str, sentence: Sentence, event: Event, grammar: Grammar) -> Optional[tuple[int, str]]:
    """", rapporte Le Figaro, il écrivait ...": an inserted clause whose subject is a known
    outlet relays the report."""
    for m in _INSERTED.finditer(text, sentence.start, sentence.end):
        if m.group("verb").lower() in grammar.forms and m.group("name") in grammar.outlets and not (event.start <= m.start() < event.end):
            return abs(m.start() - event.cue_start), m.group("name")
    return None


# The article a contracted preposition holds: "au Parisien", "des Échos", "du Soir".
_CONTRACTED = {"au": "Le", "aux": "Les", "du": "Le", "des": "Les"}


def _known_title(text: str, lead: regex.Match, grammar: Grammar) -> Optional[str]:
    """A listed outlet written out after the lead, lower-case words and all ("à La Voix du
    Nord", "dans Le Canard enchaîné", "au Dauphiné libéré"), with its article as the text
    gives it, capitalised or not, or restored from "au"/"aux"."""
    pattern = names_pattern(grammar.outlets)
    article = _CONTRACTED.get(lead.group(0).split()[-1].lower()) if not lead.group("art").strip() else None
    contracted = f"{article} " if article else ""
    at = lead.start("art")
    head = text[at: at + 80]
    for candidate in (head, head[:1].upper() + head[1:], contracted + head):
        m = pattern.match(candidate)
        if m:
            return m.group()
    return None


def _written_length(text: str, lead: regex.Match, known: str) -> int:
    """How many characters of the text the outlet's name takes: its article may have been
    restored from "au", "du" ("du Soir" is "Le Soir")."""
    at = lead.start("art")
    return len(known) if text[at: at + len(known)].lower() == known.lower() else len(known.split(" ", 1)[-1])


def _outlet_after(text: str, lead: regex.Match, grammar: Grammar) -> Optional[str]:
    known = _known_title(text, lead, grammar)
    if known is not None:
        # capitalised words right after a network's name are its edition, whatever the lead:
        # "interrogée par France Bleu Isère", "a dit à France 3 Paris Île-de-France"
        edition = _EDITION.match(text, lead.start("art") + _written_length(text, lead, known))
        words = edition.group().split() if edition is not None else []
        while words and words[-1].lower() in grammar.time_words:
            words.pop()
        if words and grammar.given_name(words[0]):
            words = []  # "au micro de RTL Paul Martin": the speaker's given name, no edition
        return known + " " + " ".join(words) if words else known
    at = lead.end()
    media = regex.match(r"(?P<noun>[\p{Ll}\-]+)(?:\s+(?:de\s+presse|d['’]information|de\s+radio|de\s+télévision))?"
                        r"(?:\s+(?:de\s+)?\d{1,2}\s*h(?:eures)?(?:\s*\d{2})?)?(?:\s+(?!(?:le|la|les|un|une|des)\s)\p{Ll}[\p{L}\-]*){0,2}?\s+(?=\p{Lu}|\p{Ll}\p{Lu})", text[at: at + 80])
    # "le quotidien X", "la nouvelle émission X", "au journal de 20 heures de X": a media noun,
    # perhaps after an adjective or a news bulletin's hour.
    has_media = bool(media and any(word.lower() in grammar.media for word in media.group(0).split()))
    if has_media:
        at += media.end()
        titled = names_pattern(grammar.outlets).match(text, at)
        if titled is not None:
            return titled.group()  # "la chaîne L'Équipe": a listed title after the media noun
    words, pos = [], at
    while True:
        m = _NAME_TOKEN.match(text, pos)
        if not m or (words and text[pos - 1] not in " \u00a0"):
            break
        words.append(m.group())
        pos = m.end() + 1
        if pos >= len(text) or text[m.end()] not in " \u00a0":
            break
    while words and words[-1].lower() in ("de", "du", "des"):
        words.pop()
    article = lead.group("art").strip()
    if not words:
        return _capitalised_title(text, lead, article, at) or _named_before(text, lead, grammar)

    contracted = _CONTRACTED.get(lead.group(0).split()[-1].lower()) if not article else None
    # The longest run of the words that is a known outlet: "à l'AFP Jeanne Martin" is the AFP.
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        for form in (name, f"{article.capitalize()} {name}".replace("' ", "'").replace("’ ", "’"), f"{contracted} {name}"):
            if form in grammar.outlets:
                return form
    if len(words) > 1 and is_acronym(words[0]) and not is_acronym(words[1]):
        words = words[:1]  # an acronym before a name: the outlet, then the speaker
    name = " ".join(words)
    if lead.group("strong") or has_media:
        return name
    weak = lead.group("weak").lower()
    if regex.search(r"\.(?:fr|com|net|org|ca|be|ch|info)$", name):
        return name  # a news site: "au Monde.fr"
    if weak in ("sur", "à") and not article and (regex.match(r"\p{Lu}{2}", name) or any(c.isdigit() for c in name)
                                                   and any(c.isalpha() for c in name)):
        return name  # "sur RMC", "à CBC/Radio-Canada", "sur France 2": a channel takes no article, a topic does
    if weak == "dans" and article[:1].isupper() and article.lower() in ("le", "la", "les"):
        return f"{article} {name}"  # "dans Le Parisien": a title with its capitalised article
    if weak in ("sur", "à") and not article and regex.split(r"[\s\-]", name, 1)[0].lower() in grammar.media and len(name.split()) <= 3:
        return name  # "à Radio Horizon", "sur Radio-Canada": a station named by its medium
    return None


def _named_before(text: str, lead: regex.Match, grammar: Grammar) -> Optional[str]:
    """"a déclaré à l'agence": the news agency the text named last, a few sentences before
    at most.  Only an agency: "au quotidien" after "selon l'AFP" is some newspaper."""
    if not regex.match(r"agence(?=[\s\u00a0,.;:!?]|$)", text[lead.end(): lead.end() + 8]) or not grammar.agencies:
        return None
    named = list(names_pattern(grammar.agencies).finditer(text, max(0, lead.start() - _NAMED_WITHIN), lead.start()))
    return named[-1].group() if named else None


# How far back "l'agence" looks for the agency it stands for.
_NAMED_WITHIN = 600

_TITLE_WORD = regex.compile(r"\p{L}[\p{L}\-]*(?=[\s,.;:!?)»]|$)")


def _capitalised_title(text: str, lead: regex.Match, article: str, at: int) -> Optional[str]:
    """"à L'essentiel", "dans La terre": an article written with a capital inside a sentence
    is the first word of a title, whatever case the word after it takes."""
    weak = (lead.group("weak") or "").lower()
    if weak not in ("à", "dans", "sur") or not article[:1].isupper() or article.lower() not in ("le", "la", "les", "l'", "l’"):
        return None
    word = _TITLE_WORD.match(text, at)
    if word is None or lead.start() == 0 or text[lead.start() - 1] in ".!?\n":
        return None
    return f"{article} {word.group()}".replace("' ", "'").replace("’ ", "’")


def past_outlet(text: str, mention: Mention, event: Event, grammar: Grammar) -> Mention:
    """", a dit à Reuters le porte-parole du port": a name behind "à"/"sur" after the cue is
    the one spoken to; "LYON (AFP) - Le maire ...": a dateline is no one.  The speaker is
    the noun phrase that follows."""
    mention = _without_outlet(text, mention, grammar)
    dateline = _DATELINE.match(text, mention.end)
    if dateline and mention.end < event.cue_start:
        return _phrase_after(text, mention, dateline.end()) or mention
    if mention.start < event.cue_end or any(p.lemma == event.cue for p in grammar.prepositions) \
            or not _SPOKEN_TO.search(text, max(0, mention.start - 12), mention.start):
        return mention
    return _phrase_after(text, mention, mention.end) or mention


def _without_outlet(text: str, mention: Mention, grammar: Grammar) -> Mention:
    """"a déclaré un porte-parole de la préfecture à l'AFP": the outlet spoken to, after the
    speaker's head, is no part of the speaker; nor are the people spoken to ("à des proches")."""
    for m in _LEAD.finditer(text, mention.head.end, mention.end):
        if m.group("weak") and m.group("weak").lower() not in ("à", "au", "aux") or _outlet_after(text, m, grammar) is None:
            continue
        cut = mention.until(text, m.start())
        if cut is not mention:
            return cut
    for m in _TOLD.finditer(text, mention.head.end, mention.end):
        told = next((w for w in mention.words if w.start == m.start("noun")), None)
        if told is not None and grammar.person_noun(told.lemma, told.text):
            return mention.until(text, m.start())  # "a confié le président à des proches": the people told
    return mention


def _phrase_after(text: str, mention: Mention, at: int) -> Optional[Mention]:
    """The noun phrase starting at `at` in the mention's sentence, without its relative clause."""
    sent = mention.sentence
    after = [w for w in sent.words if w.start >= at and w.upos != "PUNCT"]
    if not after or after[0].upos not in ("DET", "NOUN", "PROPN", "NUM"):
        return None
    head = next((w for w in after if w.upos in ("NOUN", "PROPN")), None)
    while head is not None and head.head and sent.word(head.head).start >= at \
            and sent.word(head.head).upos in ("NOUN", "PROPN") and head.deprel in ("flat:name", "flat", "compound", "amod", "nmod", "appos"):
        head = sent.word(head.head)
    if head is None:
        return None
    words = [w for w in sent.subtree(head.id) if w.start >= at]
    words = [w for w in words if not any(a.deprel in ("acl:relcl", "acl") and a.start >= at for a in [w] + sent.ancestors(w.id)[:2] if a.id != head.id)]
    while words and words[-1].upos == "PUNCT":
        words.pop()
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    return Mention(start, end, text[start:end], head, tuple(words), sent)
