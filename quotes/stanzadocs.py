"""Stanza documents for the parse stage, from the words of a sentence.

Each text is one sentence (a unit of the grammar stage).  Its words are cut by
rule (`wordsplit`) and handed to Stanza as a document already tokenized, or,
by name, cut by Stanza's own tokenizer model; Stanza then tags, lemmatizes and
parses.  Between the tagger and the parser some tags are mended: "des" is left
whole for the tagger and made "de les" after it where its tagged neighbours say
so; a reporting verb's form the tagger read as an adverb or an auxiliary, or as
a noun right after its subject, is made the verb it is (`misread_cue_verbs`); so is
a future or conditional form read as a noun or an adjective after its subject
(`misread_futures`); and "sud-coréen" read as a verb is an adjective
(`misread_compound_demonyms`).
"""

from __future__ import annotations

from typing import Mapping

import regex

from . import wordsplit
from .tokens import DEMONYM, QUE_FORMS, SUBJECT_CLITICS


def stanza_words(pipeline, texts: list[str], verbs: Mapping[str, str] = {}):
    """Stanza's own tokenizer, then the rest of its pipeline."""
    import stanza

    tagging = [p for p in pipeline.processors if p != "depparse"]
    docs = pipeline.bulk_process([stanza.Document([], text=t) for t in texts], processors=tagging)
    docs = [_mended(doc, verbs) for doc in docs]
    return pipeline.bulk_process(docs, processors=["depparse"])


def rule_words(pipeline, texts: list[str], verbs: Mapping[str, str] = {}):
    """Words cut by rule (wordsplit), each text one sentence; Stanza tags them, "des"
    is cut where its tagged neighbours make it "de les", the misread verbs of `verbs`
    are mended, and Stanza parses."""
    from stanza.models.common.doc import Document

    docs = [Document(sentences, text=text) for text, sentences in zip(texts, _rule_sentences(texts))]
    tagging = [p for p in pipeline.processors if p not in ("tokenize", "mwt", "depparse")]
    docs = pipeline.bulk_process(docs, processors=tagging)
    docs = [_cut_des(_mended(doc, verbs)) for doc in docs]
    return pipeline.bulk_process(docs, processors=["depparse"])


def numpy_words(runtime, texts: list[str], verbs: Mapping[str, str] = {}):
    """As `rule_words`, with the models run by numpy (`quotes.npruntime`) instead of Stanza."""
    from .npdocs import Document

    docs = [Document(sentences, text=text) for text, sentences in zip(texts, _rule_sentences(texts))]
    docs = [_cut_des(_mended(doc, verbs)) for doc in runtime.tag(docs)]
    return runtime.parse(docs)


def _rule_sentences(texts: list[str]) -> list[list[list[dict]]]:
    """Each text as one sentence of Stanza's token and word entries, words cut by rule."""
    out = []
    for text in texts:
        sentence: list[dict] = []
        n = 0
        for token in wordsplit.tokens(text):
            entry = {"text": text[token.start: token.end], "start_char": token.start, "end_char": token.end}
            if len(token.words) == 1:
                n += 1
                sentence.append(dict(entry, id=n))
            else:
                sentence.append(dict(entry, id=(n + 1, n + len(token.words))))
                sentence.extend({"id": n + j, "text": word} for j, word in enumerate(token.words, 1))
                n += len(token.words)
        out.append([sentence] if sentence else [])
    return out


def _mended(doc, verbs: Mapping[str, str]):
    """The tags mended between the tagger and the parser, whichever cuts the words."""
    return misread_compound_demonyms(misread_futures(misread_cue_verbs(doc, verbs)))


# The future and the conditional of verbs in -er, -ir and -dre ("rouvrira", "circuleront",
# "reprendrait"); not "portrait", "retrait", whose "-rait" is a noun's.
_FUTURE = regex.compile(r"\p{Ll}{2,}(?:er|ir|dr)(?:a|ont|ait|aient)$")
_INFINITIVE = (("er", "er"), ("ir", "ir"), ("dr", "dre"))
_NOT_SUBJECTS = frozenset({"de", "d'", "d’"})


def misread_futures(doc):
    """`doc` with a verb's future or conditional form that the tagger, having never seen it,
    read as a noun or an adjective right after its subject ("La ligne rouvrira lundi", "Trois
    TGV sur cinq circuleront") made a finite verb, so that the parser does not make the
    subject a later verb's ("..., a annoncé la SNCF")."""
    for sent in doc.sentences:
        words = sent.words
        for k, word in enumerate(words):
            if k == 0 or word.upos not in ("NOUN", "ADJ") or not _FUTURE.match(word.text) or word.text.endswith("trait"):
                continue
            before = words[k - 1]
            if before.upos not in ("NOUN", "PROPN", "NUM") or before.text.lower() in _NOT_SUBJECTS:
                continue
            stem = regex.sub(r"(?:a|ont|ait|aient)$", "", word.text)
            ending = next((inf for end, inf in _INFINITIVE if stem.endswith(end)), "er")
            word.upos, word.xpos = "VERB", None
            word.feats = "Mood=Ind|VerbForm=Fin"
            word.lemma = stem[:-2] + ending
    return doc


# The points of the compass that open a compound adjective of a people: "sud-coréen".
_COMPASS = ("nord-", "sud-", "est-", "ouest-")


def misread_compound_demonyms(doc):
    """`doc` with an adjective of a people opened by a point of the compass ("le ministère
    sud-coréen", "les autorités nord-irlandaises"), which the tagger read as a verb or a noun
    after its noun, made the adjective it is: the noun phrase then runs on past it."""
    for sent in doc.sentences:
        words = sent.words
        for k, word in enumerate(words):
            low = word.text.lower()
            if k and word.upos in ("VERB", "NOUN") and low.startswith(_COMPASS) and DEMONYM.search(low.rstrip("s")) \
                    and words[k - 1].upos == "NOUN":
                word.upos, word.xpos, word.feats, word.lemma = "ADJ", None, None, low
    return doc


# Tags that no form of a reporting verb has in the French treebanks, once the
# present participles and the forms of "faire" are set aside (`cue_verbs`).
_NEVER_A_CUE_VERB = frozenset({"ADV", "AUX"})


def cue_verbs(forms: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """The grammar's cue verb forms (lower-cased form -> lemmas) that can be nothing but a
    verb or its adjective, each with its verb's lemma.  Set aside: the present
    participles, of which "maintenant" is also the adverb "now", and the forms of
    "faire", which the treebanks tag as the causative auxiliary ("fait savoir"); no
    other form of the grammar is an adverb or an auxiliary in the UD French treebanks."""
    out = {}
    for form, lemmas in forms.items():
        if form.endswith("ant") or " " in form or any(lemma.split()[0] == "faire" for lemma in lemmas):
            continue
        out[form] = _without_reflexive(lemmas[0])
    return out


def _without_reflexive(lemma: str) -> str:
    # str methods, not a pattern: this runs over every form of the grammar at each start
    for prefix in ("se ", "s'", "s’"):
        if lemma.startswith(prefix):
            return lemma[len(prefix):]
    return lemma


def misread_cue_verbs(doc, verbs: Mapping[str, str]):
    """`doc` with each word of `verbs` that the tagger read as an adverb or an auxiliary
    made a finite verb, before the parser reads the tags.  "Le ministre dément les
    faits" had "dément" an adverb, as the words in -ment are, and "Elle dément
    formellement" the copula; the parser then hung the sentence on another word, and
    the cue had neither subject nor object.  So is a form read as a noun right after
    its subject and before an article, "que" or an attribute ("Le syndicat juge
    inacceptable la décision")."""
    if not verbs:
        return doc
    for sent in doc.sentences:
        words = sent.words
        for k, word in enumerate(words):
            if word.text.lower() not in verbs:
                continue
            # "Le syndicat juge inacceptable la décision": a noun takes no bare noun before it
            if word.upos in _NEVER_A_CUE_VERB or word.upos == "NOUN" and 0 < k < len(words) - 2 \
                    and _after_subject(words, k) and _opens_object(words, k + 1):
                word.upos, word.xpos = "VERB", None
                word.feats = "Mood=Ind|VerbForm=Fin"
                word.lemma = verbs[word.text.lower()]
    return doc


def _after_subject(words, k: int) -> bool:
    """Does a subject end right before words[k]: a noun, a name (or the comma after an
    apposed name: "Son président, Yann Le Goff, juge", or after an incise: "Le rapport,
    publié jeudi, pointe") or a subject pronoun?"""
    before = words[k - 1]
    if before.text == ",":
        return k > 1 and words[k - 2].upos == "PROPN" or _after_incise(words, k)
    return before.upos in ("NOUN", "PROPN") or before.upos == "PRON" and before.text.lower() in SUBJECT_CLITICS


def _after_incise(words, k: int) -> bool:
    """Do two commas set off an incise between a noun phrase that opens the sentence and
    words[k] ("La Cour des comptes, dans un rapport publié jeudi, pointe ..."), with no
    finite verb before it: the noun phrase is then the subject still waiting for its verb."""
    opening = next((j for j in range(k - 2, 0, -1) if words[j].text == ","), None)
    if opening is None or words[opening - 1].upos not in ("NOUN", "PROPN"):
        return False
    return not any(w.upos in ("VERB", "AUX") and "VerbForm=Fin" in (w.feats or "") for w in words[: k - 1])


def _opens_object(words, k: int) -> bool:
    """Does words[k] open what a verb takes after it: an article, "que", or an attribute
    (in marks or not) before an article or "de" ("juge « inacceptable » la décision",
    "juge urgent de ...")?"""
    w = words[k]
    if w.text in ("«", "“", '"') and k + 1 < len(words):
        w, k = words[k + 1], k + 1    # "pointe « une dérive »", "juge « inacceptable » la décision"
    if w.upos == "DET" or w.text.lower() in QUE_FORMS:
        return True
    if w.upos == "ADJ" and k + 1 < len(words):
        after = words[k + 1] if words[k + 1].upos != "PUNCT" or k + 2 >= len(words) else words[k + 2]
        return after.upos == "DET" or after.text.lower() in ("de", "d'", "d’")
    return False


# The words "des" stands for when it is "de les", as the treebanks tag them.
_DE_LES = ({"text": "de", "lemma": "de", "upos": "ADP"},
           {"text": "les", "lemma": "le", "upos": "DET", "feats": "Definite=Def|Number=Plur|PronType=Art"})


def _cut_des(doc):
    """The document again, with each "des" that stands for "de les" made two words."""
    cuts = [wordsplit.contracted_des([wordsplit.Tagged(w.text, w.upos or "", w.lemma or "") for w in s.words])
            for s in doc.sentences]
    if not any(cuts):
        return doc
    sentences = []
    for sent, cut in zip(doc.to_dict(), cuts):
        out, shift, k = [], 0, 0
        for entry in sent:
            if isinstance(entry["id"], tuple):
                out.append(dict(entry, id=tuple(i + shift for i in entry["id"])))
                continue
            if k in cut:
                n = entry["id"] + shift
                out.append({"id": (n, n + 1), "text": entry["text"], "start_char": entry["start_char"],
                            "end_char": entry["end_char"], **({"misc": entry["misc"]} if "misc" in entry else {})})
                out.extend(dict(word, id=n + j) for j, word in enumerate(_DE_LES))
                shift += 1
            else:
                out.append(dict(entry, id=entry["id"] + shift))
            k += 1
        sentences.append(out)
    return type(doc)(sentences, text=doc.text)   # Stanza's Document or quotes.npdocs'


# How a sentence is cut into words before tagging: by rule, or by Stanza's model.
WORDS = {"rules": rule_words, "stanza": stanza_words}
