"""Load a grammar folder (TOML) into a validated, compiled `Grammar`.

Every problem is found at load time and raised as a `GrammarError` naming the
file, the key and the line, so a broken grammar never fails mid-extraction.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Optional

import attrs
import regex

from .errors import GrammarError
from .forms import derive_forms
from .tokens import masculine

from .grammar_schema import DEFAULT_RULES, PAIR_KEYS, PHRASE_KEYS, PREPOSITION_KEYS, SCHEMA, Checker, read_toml


@attrs.frozen
class MarkPair:
    name: str
    open: str
    close: str
    symmetric: bool = False


@attrs.frozen
class Phrase:
    lemma: str
    verb: str
    words: tuple[str, ...]
    cue_class: str


@attrs.frozen
class Preposition:
    lemma: str
    words: tuple[str, ...]
    cue_class: str
    sentence_initial: bool = False


@attrs.frozen(eq=False)
class Grammar:
    name: str
    path: Path
    pairs: tuple[MarkPair, ...]
    dashes: tuple[str, ...]
    scare_max_words: int
    verb_class: dict[str, str]            # lemma ("s'engager" included) -> class
    forms: dict[str, tuple[str, ...]]     # lower-cased surface form -> lemmas
    phrases: dict[str, Phrase]
    object_infinitive: frozenset[str]
    noun_clause: frozenset[str]
    citing: frozenset[str]
    content_nouns: frozenset[str]
    excluded_subjects: frozenset[str]
    infinitive: frozenset[str]            # cues whose infinitive complement is the report
    noun_object: frozenset[str]           # cues whose noun object is the report
    time_words: frozenset[str]            # "mardi", "hier": never a speaker
    connectors: tuple[str, ...]           # "mais", "cependant": may open a sentence before its cue
    speaking_nouns: frozenset[str]        # subjects that can state or deny besides titles and groups
    prepositional_object: dict[str, tuple[str, ...]]  # cue -> prepositions whose object is the report
    decisions: dict[str, frozenset[str]]  # cue -> objects it decides on rather than reports
    criteria: frozenset[str]  # verbs (lemmas and forms) after which "selon X" is a criterion, not a speaker
    manner: frozenset[str]  # nouns of "avec X" / "sans X" that say how something was said
    predicative: frozenset[str]           # cues whose object with its attribute is the report
    generic_sources: frozenset[str]       # "selon les estimations": nobody's report unless authored
    document_readers: frozenset[str]      # "un document consulté par X": X saw it, did not write it
    questions: frozenset[str]             # cues whose "si" clause is the report: an indirect question
    naming: frozenset[str]                # cues whose "de" object in marks is what the speaker called it ("parler d'une « X »")
    prepositions: tuple[Preposition, ...]
    honorifics: dict[str, Optional[str]]  # word -> "m" / "f", None for one that says no gender ("Me", "Dr")
    titles: frozenset[str]
    generic_titles: dict[str, frozenset[str]]  # "élu" -> the titles whose holders it may name
    periphrases: dict[str, tuple[str, ...]]    # "locataire de matignon" -> ("Premier", "ministre")
    fixed_gender: frozenset[str]  # nouns of persons whose grammatical gender says nothing of theirs
    story_roles: frozenset[str]   # "l'accusé", "l'artiste": the person the story is about, named before
    organisations: frozenset[str]
    firms: frozenset[str]          # organisation nouns of firms ("l'entreprise", "le constructeur")
    named_with: frozenset[str]     # organisation nouns that are part of the name after them ("l'institut Pasteur")
    documents: frozenset[str]
    media: frozenset[str]
    groups: frozenset[str]
    singular_things: frozenset[str]       # of the groups' nouns, those whose singular names no person ("la partie")
    collectives: frozenset[str]           # singular nouns of several people: "son entourage", "sa famille"
    pronouns: dict[str, str]              # word -> "m" / "f" / "p"
    places: frozenset[str]
    boilerplate: tuple[regex.Pattern, ...]
    drop_repeated_lines: bool
    rule_order: tuple[str, ...] = DEFAULT_RULES
    outlets: frozenset[str] = frozenset()  # news outlets by name: "Reuters", "Le Figaro"
    agencies: frozenset[str] = frozenset()  # of them, the news agencies "l'agence" stands for
    first_names: dict[str, str] = attrs.Factory(dict)  # "Nadia" -> "f", "Paul" -> "m": given names of one gender
    streets: frozenset[str] = frozenset()  # nouns whose name is a place's: "rue Gambetta", "lycée Voltaire"
    epicene_names: frozenset[str] = frozenset()  # given names of men and women alike: "Dominique", "Claude"
    works: frozenset[str] = frozenset()  # nouns of works whose names stand in marks: "roman", "album"
    colon_predicates: frozenset[str] = frozenset()  # "a été claire :", "ne mâche pas ses mots :": how it was put
    organisation_names: frozenset[str] = frozenset()  # names that run on in lower case: "Force ouvrière"
    club_prefixes: frozenset[str] = frozenset()  # "AS", "FC": a club's name begins with them
    club_words: frozenset[str] = frozenset()     # "Stade", "Olympique": a club's name with its city's adjective

    def is_cue_lemma(self, lemma: str) -> bool:
        return lemma in self.verb_class

    def given_name(self, word: str) -> bool:
        """Does the word begin with a given name ("Paul", "Jean-Marie" by its first part)?"""
        return word.split("-")[0] in self.first_names

    def person_noun(self, lemma: str, text: str) -> bool:
        """A noun of persons, several or one of them: "les manifestants", "un automobiliste"
        ("la partie" of "les parties" is none)."""
        low = lemma.lower()
        return low not in self.singular_things and (text.lower() in self.groups or low + "s" in self.groups)

    def person_word(self, word: str) -> bool:
        """A noun of persons in either gender ("cinéaste", "boulangère")."""
        return self.person_noun(word, word) or self.person_noun(masculine(word), masculine(word))

    @functools.cached_property
    def reflexive_verbs(self) -> dict[str, str]:
        """Plain verb -> reflexive lemma ("engager" -> "s'engager")."""
        out = {}
        for lemma in self.verb_class:
            verb = _reflexive_base(lemma)
            if verb:
                out[verb] = lemma
        return out


def _reflexive_base(lemma: str) -> str | None:
    """The plain verb of a reflexive lemma ("s'engager" -> "engager"), else None."""
    for prefix in ("se ", "s'"):
        if lemma.startswith(prefix):
            return lemma[len(prefix):]
    return None


# --------------------------------------------------------------------------- loading


def builtin_grammars() -> dict[str, Path]:
    root = Path(str(resources.files("quotes.grammars")))
    return {p.name: p for p in sorted(root.iterdir()) if (p / "grammar.toml").is_file()}


def resolve(name_or_path: str | Path) -> Path:
    """A grammar by name ("fr") from the registry, or by folder path."""
    path = Path(name_or_path)
    if path.is_dir():
        return path
    grammars = builtin_grammars()
    if str(name_or_path) in grammars:
        return grammars[str(name_or_path)]
    known = ", ".join(grammars) or "none"
    raise GrammarError(str(name_or_path), None, None, f"no grammar folder or registered grammar of that name (registered: {known})")


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path) -> Grammar:
    return _build(path)


def load(name_or_path: str | Path = "fr") -> Grammar:
    return _load_cached(resolve(name_or_path).resolve())


def _build(path: Path) -> Grammar:
    manifest, text = read_toml(path / "grammar.toml")
    chk = Checker(path / "grammar.toml", text)
    chk.check(manifest, SCHEMA["grammar.toml"])
    files = chk.require(manifest, "files")
    for required in ("marks.toml", "cues.toml", "mentions.toml"):
        if required not in files:
            chk.fail("files", f"must list {required}")
    data: dict[str, tuple[dict, Checker]] = {}
    for name in files:
        if name not in SCHEMA:
            chk.fail("files", f"unknown grammar file {name!r} (known: {', '.join(k for k in SCHEMA if k != 'grammar.toml')})")
        content, raw = read_toml(path / name)
        checker = Checker(path / name, raw)
        checker.check(content, SCHEMA[name])
        data[name] = (content, checker)

    marks, mchk = data["marks.toml"]
    pairs = []
    for i, pair in enumerate(mchk.require(marks, "pair")):
        key = f"pair.{i}"
        mchk.check(pair, PAIR_KEYS, key + ".")
        for field in ("name", "open", "close"):
            if field not in pair:
                mchk.fail("pair", f"pair #{i + 1} has no '{field}'")
        if len(pair["open"]) != 1 or len(pair["close"]) != 1:
            mchk.fail("pair", f"pair {pair['name']!r}: open and close must be single characters")
        pairs.append(MarkPair(pair["name"], pair["open"], pair["close"], pair.get("symmetric", False)))
    dashes = tuple(marks.get("dialogue", {}).get("dashes", ()))
    scare = marks.get("scare", {}).get("max_words", 3)

    cues, cchk = data["cues.toml"]
    verb_class: dict[str, str] = {}
    for cls, lemmas in cchk.require(cues, "verbs").items():
        seen = set()
        for lemma in lemmas:
            if lemma in seen:
                cchk.fail(f"verbs.{cls}", f"duplicate lemma {lemma!r}")
            seen.add(lemma)
            verb_class.setdefault(lemma, cls)
    irregular = cues.get("irregular", {})
    for lemma in irregular:
        bases = {_reflexive_base(v) or v for v in verb_class}
        if lemma not in bases and not any(p.get("verb") == lemma for p in cues.get("phrases", {}).values()):
            cchk.fail(f"irregular.{lemma}", f"irregular forms for {lemma!r}, which is no cue verb or phrase verb")
    phrases = {}
    for lemma, spec in cues.get("phrases", {}).items():
        cchk.check(spec, PHRASE_KEYS, f"phrases.{lemma}.")
        for field in PHRASE_KEYS:
            if field not in spec:
                cchk.fail(f"phrases.{lemma}", f"missing '{field}'")
        phrases[lemma] = Phrase(lemma, spec["verb"], tuple(spec["words"]), spec["class"])
        verb_class.setdefault(lemma, spec["class"])
    forms: dict[str, list[str]] = {}

    def add(form: str, lemma: str) -> None:
        bucket = forms.setdefault(form.lower(), [])
        if lemma not in bucket:
            bucket.append(lemma)

    for lemma in verb_class:
        if lemma in phrases:
            continue
        verb = _reflexive_base(lemma) or lemma
        for form in derive_forms(verb, irregular.get(verb, ())):
            add(form, lemma)
    for phrase in phrases.values():
        for form in derive_forms(phrase.verb, irregular.get(phrase.verb, ())):
            add(form, phrase.lemma)
    frames = cues.get("frames", {})
    prepositions = []
    for lemma, spec in cchk.require(cues, "prepositions").items():
        cchk.check(spec, PREPOSITION_KEYS, f"prepositions.{lemma}.")
        if "words" not in spec or "class" not in spec:
            cchk.fail(f"prepositions.{lemma}", "needs 'words' and 'class'")
        prepositions.append(Preposition(lemma, tuple(spec["words"]), spec["class"], spec.get("sentence_initial", False)))

    mentions, _ = data["mentions.toml"]
    honorifics: dict[str, Optional[str]] = {w: None for w in mentions.get("honorifics", {}).get("neutral", [])}
    honorifics.update({w: "m" for w in mentions.get("honorifics", {}).get("masculine", [])})
    honorifics.update({w: "f" for w in mentions.get("honorifics", {}).get("feminine", [])})
    first_names = {w: "m" for w in mentions.get("first_names", {}).get("masculine", [])}
    first_names.update({w: "f" for w in mentions.get("first_names", {}).get("feminine", [])})
    pronouns = {}
    for gender, key in (("m", "masculine"), ("f", "feminine"), ("p", "plural")):
        for word in mentions.get("pronouns", {}).get(key, []):
            pronouns[word.lower()] = gender
    orgs = mentions.get("organisations", {})

    patterns: list[regex.Pattern] = []
    drop_repeated = False
    if "boilerplate.toml" in data:
        boiler, bchk = data["boilerplate.toml"]
        lines = boiler.get("lines", {})
        for i, pattern in enumerate(lines.get("patterns", [])):
            try:
                patterns.append(regex.compile(pattern, regex.IGNORECASE | regex.MULTILINE))
            except regex.error as exc:
                bchk.fail("lines.patterns", f"pattern #{i + 1} {pattern!r} is not a valid regex: {exc}")
        drop_repeated = lines.get("drop_repeated_lines", False)

    rule_order = DEFAULT_RULES
    if "attribution.toml" in data:
        attribution, achk = data["attribution.toml"]
        order = attribution.get("rules", {}).get("order")
        if order is not None:
            repeated = sorted({r for r in order if order.count(r) > 1})
            if repeated:
                achk.fail("rules.order", f"rule listed twice: {', '.join(repeated)}")
            rule_order = tuple(order)

    lower = lambda words: frozenset(w.lower() for w in words)  # noqa: E731
    return Grammar(
        name=manifest.get("name", path.name),
        path=path,
        pairs=tuple(pairs),
        dashes=dashes,
        scare_max_words=scare,
        verb_class=verb_class,
        forms={k: tuple(v) for k, v in forms.items()},
        phrases=phrases,
        object_infinitive=frozenset(frames.get("object_infinitive", ())),
        noun_clause=frozenset(frames.get("noun_clause", ())),
        citing=frozenset(frames.get("citing", ())),
        content_nouns=frozenset(frames.get("content_nouns", ())),
        excluded_subjects=lower(frames.get("excluded_subjects", ())),
        infinitive=frozenset(frames.get("infinitive", ())),
        noun_object=frozenset(frames.get("noun_object", ())),
        time_words=lower(frames.get("time_words", ())),
        connectors=tuple(w.lower() for w in frames.get("connectors", ())),
        speaking_nouns=lower(frames.get("speaking_nouns", ())),
        prepositional_object={k: tuple(p.lower() for p in v) for k, v in frames.get("prepositional_object", {}).items()},
        decisions={k: frozenset(p.lower() for p in v) for k, v in frames.get("decisions", {}).items()},
        # with their forms: the lemmatizer misreads some ("varient" -> "vaire")
        criteria=frozenset(f for v in lower(frames.get("criteria", ())) for f in derive_forms(v) | {v}),
        manner=lower(frames.get("manner", ())),
        predicative=frozenset(frames.get("predicative", ())),
        generic_sources=lower(frames.get("generic_sources", ())),
        document_readers=lower(frames.get("document_readers", ())),
        questions=frozenset(frames.get("questions", ())),
        naming=frozenset(frames.get("naming", ())),
        prepositions=tuple(prepositions),
        honorifics=honorifics,
        titles=lower(mentions.get("titles", {}).get("words", ())),
        generic_titles={k.lower(): lower(v) for k, v in mentions.get("titles", {}).get("generic", {}).items()},
        periphrases={k.lower(): tuple(v) for k, v in mentions.get("titles", {}).get("periphrases", {}).items()},
        fixed_gender=lower(mentions.get("titles", {}).get("fixed_gender", ())),
        story_roles=lower(mentions.get("titles", {}).get("story_roles", ())),
        organisations=lower(orgs.get("words", ())),
        firms=lower(orgs.get("firms", ())),
        named_with=lower(orgs.get("in_name", ())),
        documents=lower(orgs.get("documents", ())),
        media=lower(orgs.get("media", ())),
        groups=lower(mentions.get("groups", {}).get("words", ())),
        singular_things=lower(mentions.get("groups", {}).get("singular_things", ())),
        collectives=lower(mentions.get("groups", {}).get("collectives", ())),
        pronouns=pronouns,
        places=frozenset(mentions.get("places", {}).get("words", ())),
        boilerplate=tuple(patterns),
        drop_repeated_lines=drop_repeated,
        rule_order=rule_order,
        outlets=_both_apostrophes(orgs.get("outlets", ())),
        agencies=_both_apostrophes(orgs.get("agencies", ())),
        organisation_names=_both_apostrophes(orgs.get("names", ())),
        club_prefixes=frozenset(orgs.get("club_prefixes", ())),
        club_words=frozenset(orgs.get("club_words", ())),
        first_names=first_names,
        streets=lower(mentions.get("places", {}).get("streets", ())),
        epicene_names=frozenset(mentions.get("first_names", {}).get("epicene", ())),
        works=lower(frames.get("works", ())),
        # with the verbs' forms, as criteria: the lemmatizer misreads some ("savourait" -> "savoir")
        colon_predicates=frozenset(f for v in lower(frames.get("colon_predicates", ())) for f in derive_forms(v) | {v}),
    )


def _both_apostrophes(names) -> frozenset[str]:
    """Names as listed and with the other apostrophe: a text may write "L’Usine nouvelle"
    where the list has "L'Usine nouvelle"."""
    return frozenset(names) | {n.replace("'", "’") for n in names} | {n.replace("’", "'") for n in names}
