"""Rules for a cue verb whose report is its infinitive, adjective or noun object:
"a dit attendre une décision", "s'est déclaré opposé à ...", "le parquet a annoncé
la fermeture du musée", "a fait état de ..."."""

from __future__ import annotations

from typing import Optional

import regex

from ...misread import QUANTITIES
from ...parsing import Sentence, Word
from ..context import Context
from ..events import Event
from ..negation import INFINITIVE_NEGATION, with_own_negation
from ..spans import kind_of, span_of
from . import rule
from .verbs import adjoined, before_relative_report, can_speak, framed, in_object_slot, verb_rule

# A purpose or condition clause is no report: "a appelé pour demander", "afin de".
_NOT_REPORT_MARKS = frozenset({"pour", "afin", "sans", "avant", "après", "en", "par"})
# "a pensé à démissionner", "croit à une reprise": what one considers or believes in, not says.
_THINK_OF = frozenset({"penser", "croire"})
# "le festival, qu'elle souhaite relancer": a relative "que" and its subject before the verb.
_RELATIVE_SUBJECT = regex.compile(r"(?:,|\w)\s+qu(?:e\s+|['’]\s*)(?:il|elle|ils|elles|on)\s+$", regex.IGNORECASE)
# Calls whose "à" complement is what they demand.
_CALLS = frozenset({"appeler", "inviter", "exhorter", "inciter"})
# Verbs whose object, when it is people, is whom they are about, not what was said: "a
# critiqué les élus", "a défendu ses joueurs", "dément ses collègues", "a reconnu son
# agresseur".  Announcements ("a annoncé les lauréats") and requests ("réclame des
# enseignants") are left out: there the people are what is announced or asked for.
_WHOM = frozenset({"criticism", "confirmation", "denial", "observation", "emphasis"})
# Self-describing verbs: their complement says what the speaker declares himself.
_SELF = frozenset({"se dire", "se déclarer", "se définir", "se prononcer", "se montrer"})


@rule("infinitive", gate=framed("infinitive"))
def infinitive(ctx: Context) -> None:
    """"a dit attendre une décision", "reconnaît avoir envoyé", "s'est engagé à
    poursuivre", "s'est déclaré opposé à": the complement after its "de"/"à"."""
    verb_rule(ctx, "infinitive", _infinitive_content)


def _infinitive_content(ctx: Context, sent: Sentence, w: Word, lemma: str) -> Optional[tuple[int, int]]:
    if lemma not in ctx.grammar.infinitive or in_object_slot(ctx, sent, w):
        return None
    rescued = _past_aside(sent, w)
    for c in sorted(list(sent.children(w.id)) + rescued, key=lambda x: x.start):
        if c.start < w.end:
            continue
        locution = _avoir_locution(sent, c)
        if c.deprel in ("obj", "nsubj") and c.upos in ("NOUN", "PROPN") and c.text.lower() not in ctx.grammar.time_words \
                and not locution:
            return None  # an object first: "appelle le gouvernement à ...", another rule's ("a démenti mardi avoir reçu": a day, no object)
        lead = [m for m in sent.children(c.id) if m.deprel in ("mark", "case") and m.start < c.start]
        if any(m.lemma.lower() in _NOT_REPORT_MARKS or m.lemma.lower() == "à" and lemma in _THINK_OF for m in lead):
            continue
        infinitive = (c.upos in ("VERB", "AUX") and sent.infinitive(c.id) or locution) and (
            c.deprel in ("xcomp", "ccomp", "advcl", "obl:arg", "obj", "csubj") or c in rescued)
        described = lemma in _SELF and c.deprel in ("xcomp", "obl", "obl:arg", "obl:mod", "advcl", "obj") and (
            c.upos in ("ADJ", "VERB") or c.upos == "NOUN" and (c.deprel in ("xcomp", "obj") or any(
                m.deprel == "case" and m.lemma.lower() == "comme" for m in sent.children(c.id))))  # "se dit victime", "se définit comme"
        if not (infinitive or described):
            continue
        if any(x.feat("PronType") == "Rel" and x.lemma.lower() not in INFINITIVE_NEGATION  # "rien" read as a relative
               and not (lemma in ctx.grammar.object_infinitive and x.start < w.start) for x in sent.children(c.id)):
            return None  # "qu'elle souhaite organiser"; but "qu'il accuse de piller": whom he accuses, parsed under the infinitive
        relative = any(x.lemma.lower() in ("que", "qu'") and x.start < w.start for x in sent.children(w.id)) or _RELATIVE_SUBJECT.search(
            ctx.text, max(0, w.start - 40), w.start)
        if infinitive and lemma not in ctx.grammar.object_infinitive and relative and not any(
                x.deprel in ("obj", "ccomp", "xcomp") and x.lemma.lower() not in ctx.grammar.time_words for x in sent.children(c.id)):
            return None  # "le référendum qu'elle souhaite organiser": the relative is the infinitive's object
        if any(x.lemma.lower() in _ANONYMITY for x in sent.children(c.id) if x.deprel in ("obj", "xcomp")):
            return None  # "qui a souhaité garder l'anonymat": how a source speaks, not what it says
        start, end = span_of(sent, c)
        words = [x for x in sent.subtree(c.id) if x.upos != "PUNCT" and x.start >= w.end]
        # "l'accuse d'avoir menti": the "de" complement of a pronoun object keeps its "de", as
        # "accuse X d'avoir menti" gives "X d'avoir menti"; "appelle à manifester" gives "manifester"
        keep = lemma in ctx.grammar.object_infinitive and any(m.lemma.lower() == "de" for m in lead)
        while words and (words[0] in lead and not keep or words[0].text.lower() in ("comme",)):
            words = words[1:]
        if words:
            start = words[0].start
        return with_own_negation(sent, w, start), adjoined(ctx, sent, w, end)
    return None


_ANONYMITY = frozenset({"anonymat", "anonyme"})


# "de son côté", "pour sa part": an aside between a verb and its complement
_ASIDES = frozenset({"côté", "part"})


def _past_aside(sent: Sentence, w: Word) -> list[Word]:
    """Infinitives the parse hung on an aside after the verb ("disent de leur côté
    vouloir ..." can make "vouloir" a clause of "côté") or on its addressee ("a demandé
    au directeur de revoir"): the verb's own complement."""
    out = []
    for c in sent.children(w.id):
        if c.start > w.end and c.lemma.lower() in _ASIDES and any(d.feat("Poss") == "Yes" for d in sent.children(c.id)):
            out += [x for x in sent.children(c.id) if x.deprel.startswith("acl") and sent.infinitive(x.id)]
        if c.start > w.end and c.deprel == "obl:arg" and any(m.deprel == "case" and m.lemma.lower() == "à" for m in sent.children(c.id)):
            # "a demandé au directeur de revoir sa copie", "reproche à la direction d'avoir
            # fermé l'usine": the infinitive hung on whom it was asked of or blamed
            out += [x for x in sent.children(c.id) if x.deprel.startswith("acl") and sent.infinitive(x.id) and any(
                m.deprel == "mark" and m.lemma.lower() == "de" for m in sent.children(x.id))]
    return out


def _avoir_locution(sent: Sentence, noun: Word) -> bool:
    """"a affirmé avoir besoin de renforts", "assure avoir raison": the noun of a locution
    with "avoir" that the parse made the verb's object, the infinitive "avoir" its auxiliary."""
    return noun.upos == "NOUN" and any(a.deprel.startswith("aux") and a.lemma.lower() == "avoir" and a.start < noun.start
                                       and a.feat("VerbForm") == "Inf" for a in sent.children(noun.id))


@rule("noun_object", gate=lambda u: framed("noun_object")(u) or any(c.lemma in _CALLS for c in u.cues if not u.headline))
def noun_object(ctx: Context) -> None:
    """"a annoncé la fermeture du musée", "dément ces accusations", "a fait état de
    la vente": the object of a verb that states, announces, confirms, denies, accuses
    or demands."""
    verb_rule(ctx, "noun_object", _noun_object_content)


def _noun_object_content(ctx: Context, sent: Sentence, w: Word, lemma: str) -> Optional[tuple[int, int]]:
    g = ctx.grammar
    if lemma not in g.noun_object and lemma not in _CALLS or in_object_slot(ctx, sent, w):
        return None
    if not can_speak(ctx, ctx.syntax.subject(sent, w), sent):
        return None  # "la ratification confirme l'intérêt des deux pays": a fact, no speaker
    # A person is whom the verb is about, not what was said: "a critiqué son ministre".
    own = {x.lower() for x in g.phrases[lemma].words} if lemma in g.phrases else set()
    objs = [c for c in sent.children(w.id) if c.deprel == "obj" and c.start > w.end and c.upos == "NOUN"
            and (c.lemma.lower() not in g.time_words or _counted_measure(sent, c) or _sentence_asked(g, lemma, sent, c))
            and (c.lemma.lower() not in g.titles or _asked_for(g, lemma, sent, c)) and c.text.lower() not in own and lemma in g.noun_object
            and not (g.verb_class.get(lemma) in _WHOM and g.person_noun(c.lemma, c.text))]  # "a condamné un automobiliste": whom
    if not objs and lemma in g.noun_object and lemma not in g.prepositional_object:
        objs = [c for c in sent.children(w.id) if c.deprel.startswith("obl") and c.start > w.end and c.upos == "NOUN"
                and _indefinite_des(sent, c)]
    if not objs and lemma in _CALLS:
        # "appelle à la grève", "a invité à la prudence": what is called for.
        objs = [c for c in sent.children(w.id) if c.deprel.startswith("obl") and c.start > w.end and c.upos == "NOUN"
                and any(m.deprel == "case" and m.lemma.lower() == "à" for m in sent.children(c.id))]
        called = [c for c in sent.children(w.id) if c.deprel == "obj" and c.start > w.end and _called_to(sent, c)]
        if not objs and called:
            # "a appelé les cheminots | à une grève": what they are called to, hung on them
            start, end = span_of(sent, called[0])
            return start, adjoined(ctx, sent, w, end)
    if lemma in g.phrases and not objs:
        span = _after_phrase(sent, w, g.phrases[lemma].words)
        if span is None:
            return None
        end = span[1]
        for verb in [w] + [c for c in sent.children(w.id) if c.text.lower() in own and c.upos == "VERB"]:
            end = adjoined(ctx, sent, verb, end)  # "faisant valoir X dans la région": on "valoir"
        return span[0], end
    if not objs or objs[0].lemma.lower() in g.decisions.get(lemma, ()):
        return None  # "le tribunal a rejeté le recours": a decision, not a report
    start, end = span_of(sent, objs[0])
    before = [x for x in sent.words if w.end <= x.start and x.end <= start]
    if before and before[-1].upos == "ADV" and before[-1].lemma.lower() in QUANTITIES:
        start = before[-1].start  # "réclame plus de moyens": how much of it is asked for
    indefinite = _indefinite_des(sent, objs[0])
    case = [m for m in sent.children(objs[0].id) if m.deprel == "case" and m.start == start and not indefinite]
    # "a défendu son bilan mardi soir": a bare date the parse hung on the object says when
    when = [c for c in sent.children(objs[0].id) if c.deprel == "nmod" and c.lemma.lower() in g.time_words and c.start > objs[0].end
            and not any(m.deprel == "case" for m in sent.children(c.id))]
    if when:
        end = max([x.end for x in sent.subtree(objs[0].id) if x.end <= when[0].start and x.upos != "PUNCT"] or [objs[0].end])
    called = [c for c in sent.children(w.id) if c.deprel == "obj" and w.end <= c.start < objs[0].start] if lemma in _CALLS else []
    if called and objs[0].deprel.startswith("obl"):
        # "a appelé les belligérants à la retenue": who is called with what to, as "appelle les
        # belligérants à cesser le feu" and "accuse X de ..." keep their object
        return span_of(sent, called[0])[0], adjoined(ctx, sent, w, end)
    start = case[0].end if case else start
    end = adjoined(ctx, sent, w, end)
    cut = before_relative_report(ctx, sent, start, end)
    # "dénoncent la réforme du gouvernement, qui affirme que ...": the noun set off by a comma
    # speaks in its own relative, a record of its own and no part of this content; other
    # relatives stay in it ("l'attitude des élus qu'elle accuse de ...", "l'agence, dont le
    # ministre assure que ...": what is criticised, with what is said of it)
    return start, cut if _SPEAKING_RELATIVE.match(ctx.text, cut) else end


_SPEAKING_RELATIVE = regex.compile(r",\s*qui\b", regex.IGNORECASE)


def _asked_for(g, lemma: str, sent: Sentence, noun: Word) -> bool:
    """"réclame des médecins supplémentaires", "exige un avocat": people of some office,
    indefinite, are what a request asks for; "a remercié le ministre" is whom."""
    return g.verb_class.get(lemma) == "request" and any(
        d.deprel in ("det", "nummod") and (d.feat("Definite") == "Ind" or d.upos == "NUM") for d in sent.children(noun.id))


def _called_to(sent: Sentence, noun: Word) -> bool:
    return any(c.deprel == "nmod" and c.upos == "NOUN" and any(m.deprel == "case" and m.lemma.lower() == "à" for m in sent.children(c.id))
               for c in sent.children(noun.id))


def _counted_measure(sent: Sentence, noun: Word) -> bool:
    """"a requis cinq ans de prison", "réclame trois mois de salaire", "a annoncé une journée
    de mobilisation": a time noun counted or indefinite, completed by "de", is a quantity or
    an event of something, the object; "a annoncé lundi", "la semaine dernière" are dates."""
    kids = sent.children(noun.id)
    return any(c.deprel == "nummod" or c.deprel == "det" and c.lemma.lower() == "un" for c in kids) and any(
        c.deprel == "nmod" and any(m.deprel == "case" and m.lemma.lower() == "de" for m in sent.children(c.id)) for c in kids)


def _sentence_asked(g, lemma: str, sent: Sentence, noun: Word) -> bool:
    """"a requis quatre ans", "réclamait vingt ans": a counted time is what a request asks
    for (a sentence), where after other verbs it says when ("a annoncé deux jours après")."""
    return g.verb_class.get(lemma) == "request" and any(c.deprel == "nummod" for c in sent.children(noun.id)) \
        and not any(c.deprel == "case" for c in sent.children(noun.id))


def _indefinite_des(sent: Sentence, noun: Word) -> bool:
    """"réclame des excuses", "dénonce des pressions": the tokenizer split "des" into "de les"
    and the parser took a preposition's object; after a verb that takes a noun object with
    no preposition, "des" is the plural indefinite article: the noun is the object."""
    kids = sent.children(noun.id)
    case = [m for m in kids if m.deprel == "case" and m.lemma.lower() == "de"]
    det = [m for m in kids if m.deprel == "det" and m.lemma.lower() == "le" and m.feat("Number") != "Sing"]
    return bool(case and det and case[0].start == det[0].start and case[0].end == det[0].end)


def _after_phrase(sent: Sentence, w: Word, phrase: tuple[str, ...]) -> Optional[tuple[int, int]]:
    """The complement after a phrase cue's own words ("fait état de X" gives X): the
    largest constituent that starts there."""
    words = [x for x in sent.words if x.start >= w.end]
    k = 0
    last = phrase[-1].replace("’", "'").split("'")[-1].lower()
    while k < len(words) and not (words[k].text.replace("’", "'").lower().endswith(last) or words[k].lemma.lower() == last):
        k += 1
        if k > 4:
            return None
    rest = words[k + 1:]
    while rest and rest[0].text.lower() in ("de", "d'", "d’") or rest and rest[0].upos == "PUNCT":
        rest = rest[1:]
    if not rest or rest[0].upos in ("VERB", "AUX", "SCONJ") and rest[0].feat("VerbForm") != "Inf":
        return None
    top = rest[0]
    while top.head and sent.word(top.head).start >= rest[0].start:
        top = sent.word(top.head)
    end = max(x.end for x in sent.subtree(top.id))
    return rest[0].start, end


@rule("passive_agent", gate=lambda u: not u.headline and any(
    c.kind == "verb" and regex.match(r"\s+par\b", u.text[c.end: c.end + 6]) for c in u.cues))
def passive_agent(ctx: Context) -> None:
    """"les résultats ont été annoncés par la commission", "les mesures annoncées par le
    gouvernement": the agent reports the subject (or the noun the participle names)."""
    g, text = ctx.grammar, ctx.text
    sources = tuple(f"{form} " for p in g.prepositions for form in p.words)
    for index, sent in ctx.sentences():
        for w in sent.words:
            if w.start in ctx.claimed or w.feat("VerbForm") != "Part":
                continue
            lemma = ctx.syntax.cue_lemma(sent, w)
            if lemma is None or lemma not in g.noun_object or ctx.syntax.negated(sent, w):
                continue
            kids = sent.children(w.id)
            agents = [c for c in kids if c.deprel == "obl:agent" and c.upos in ("NOUN", "PROPN")]
            if not agents:
                continue
            subjects = [c for c in kids if c.deprel == "nsubj:pass" and c.upos in ("NOUN", "PROPN")]
            if subjects and any(c.deprel == "aux:pass" for c in kids):
                start, end = span_of(sent, subjects[0])
            elif w.deprel == "acl" and w.head and sent.word(w.head).upos == "NOUN":
                noun = sent.word(w.head)
                inner = {x.id for x in sent.subtree(w.id)}
                words = [x for x in sent.subtree(noun.id) if x.id not in inner and x.end <= w.start and x.upos != "PUNCT"]
                if text[words[0].start: noun.start].lower().replace("’", "'").startswith(sources):
                    continue   # "selon une note révélée par X": the note is the source of a report, not X's words
                start, end = words[0].start, words[-1].end
            else:
                continue
            ctx.claimed.add(w.start)
            if ctx.taken(start, end):
                continue
            mention = ctx.syntax.mention(sent, agents[0], text)
            kind, s, e, balanced = kind_of(text, start, end, ctx.local_quotes(sent))
            ctx.add(Event(s, e, kind, lemma, w.start, w.end, mention, index, balanced=balanced, rule="passive_agent"))
