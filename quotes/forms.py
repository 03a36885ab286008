"""Surface forms of a French verb, so cues can be found in raw text without a parse.

Covers the forms news reports use: present and imperfect, passé simple, future
and conditional (third person, and the first persons of present, imperfect,
future and conditional), participles and the infinitive.  Regular -er
verbs and second-group -ir verbs are derived, with the spelling changes of
-cer, -ger, -eler/-eter, -yer and é/e + consonant stems; anything else comes
from the grammar's list of irregular forms.
"""

from __future__ import annotations

import regex

_VOWEL_AO = ("a", "o")


def _er_forms(lemma: str) -> set[str]:
    stem = lemma[:-2]
    forms = {lemma}

    def soft(ending: str) -> str:
        # annonçait, jugeait: keep the soft c / g before a and o.
        if ending.startswith(_VOWEL_AO) or ending.startswith("â"):
            if stem.endswith("c"):
                return stem[:-1] + "ç" + ending
            if stem.endswith("g"):
                return stem + "e" + ending
        return stem + ending

    # Third person, and the first persons a speaker uses of himself ("j'admets",
    # "nous demandons", "je dirai que").
    for ending in ("é", "ée", "és", "ées", "ait", "aient", "a", "èrent", "ant", "ons", "ez", "erait", "eraient", "era", "eront",
                   "ais", "ions", "iez", "erai", "erais", "erons", "erez", "erions"):
        forms.add(soft(ending))
    strongs = {stem}
    match = regex.search(r"([ée])([^aeiouyéèêë]+)$", stem)
    if stem.endswith(("el", "et")) and not stem.endswith(("èl", "ét", "él")):
        # appeler -> appelle, jeter -> jette; marteler -> martèle, acheter -> achète: which
        # one a verb takes is lexical, and a form no verb has is never met in a text
        strongs |= {stem + stem[-1], stem[:-2] + "è" + stem[-1]}
    elif stem.endswith("y") and not stem.endswith("ey"):
        strongs.add(stem[:-1] + "i")  # appuyer -> appuie
    elif match:
        strongs.add(stem[: match.start()] + "è" + match.group(2))  # révéler -> révèle, lever -> lève
    for s in strongs:
        forms.update({s + "e", s + "es", s + "ent"})
    for strong in strongs - {stem} or {stem}:
        forms.update({strong + e for e in ("era", "eront", "erait", "eraient", "erai", "erais", "erons", "erez")})
    return forms


def _ir_forms(lemma: str) -> set[str]:
    stem = lemma[:-2]
    return {lemma} | {stem + e for e in ("it", "i", "ie", "is", "ies", "issent", "issait", "issaient", "ira", "iront", "irait", "iraient", "issant", "irent",
                                         "issons", "issez", "issais", "irai", "irais", "irons", "irez")}


def derive_forms(lemma: str, irregular: tuple[str, ...] | list[str] = ()) -> set[str]:
    forms = {lemma, *irregular}
    if irregular:
        return forms
    if lemma.endswith("er"):
        return forms | _er_forms(lemma)
    if lemma.endswith("ir"):
        return forms | _ir_forms(lemma)
    return forms
