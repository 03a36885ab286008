"""The grammar stage's fast paths (cue automaton, unit cuts, boilerplate lines)
against plain definitions of what they must find, on generated and real text."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes import boilerplate
from quotes import grammar as grammar_module
from quotes.cues import SEPARATORS, CueFinder
from quotes.scanner import Scanner
from quotes.units import split_units

G = grammar_module.load("fr")
FINDER = CueFinder(G)
SCANNER = Scanner(G)

# Forms of plain verbs, of phrase verbs and of reflexive verbs, and words that
# merely begin or contain a form ("disparu" holds "dis", "crédit" holds "dit").
FORMS = ["dit", "déclaré", "a", "souligne", "fait", "mis", "demande", "nota", "dis", "exclamé", "affirme", "écrit"]
WORDS = ["crédit", "disparu", "notamment", "ministre", "faits", "partie", "part", "de", "en", "garde", "se", "s'est",
         "le", "Belousov", "l'État", "aujourd'hui", "qu'", "pour", "Pour", "selon", "Selon", "d'après", "aux", "dires",
         "d'experts", "à", "croire", "prédit", "dites", "M.", "2.", "etc."]
GLUE = [" ", "  ", "\n", "\u00a0", ", ", ". ", " « ", " » ", "’", "'", "-", "(", " — ", ",", "/", "... ", "! "]

texts = st.lists(st.tuples(st.sampled_from(FORMS + WORDS), st.sampled_from(GLUE), st.booleans()), max_size=25).map(
    lambda parts: "".join((w.capitalize() if up else w) + g for w, g, up in parts))


def candidates(text: str) -> set[tuple[int, int]]:
    """Where a cue may stand, by definition: a whole form, lower-cased, at the text's
    start or after a separator, and not followed by a letter, digit or hyphen; a
    preposition with a word boundary after it and no hyphen gluing it to the next word,
    "pour" only at a sentence start."""
    lowered = text.lower()
    found = set()
    for form in G.forms:
        for m in re.finditer(re.escape(form), lowered):
            s, e = m.span()
            if (s == 0 or lowered[s - 1] in SEPARATORS) and not re.match(r"[\w-]", lowered[e:e + 1]):
                found.add((s, e))
    for p in G.prepositions:
        for w in p.words:
            for m in re.finditer(re.escape(w.lower()), lowered):
                s, e = m.span()
                if not (s == 0 or lowered[s - 1] in SEPARATORS):
                    continue
                if e < len(text) and bool(re.match(r"\w", text[e - 1])) == bool(re.match(r"\w", text[e])):
                    continue
                if text[e:e + 1] == "-" and re.match(r"\w", text[e - 1]):
                    continue  # a hyphen glues a compound ("d'après-midi")
                before = lowered[:s]
                stripped = before.rstrip(" \t\u00a0")
                if p.sentence_initial and not (len(before) - len(stripped) <= 2 and (stripped == "" or stripped[-1] in ".!?\n»")):
                    continue
                found.add((s, e))
    return found


@settings(max_examples=300, deadline=None)
@given(texts)
def test_cue_automaton_finds_exactly_the_defined_candidates(text):
    cues = FINDER.find(text)
    assert all(text[c.start:c.end] == c.text for c in cues)
    # The finder may refuse a candidate on its context (a phrase verb without its
    # words, a reflexive verb without its pronoun), never add one.
    positions = {(c.start, c.end) for c in cues}
    expected = candidates(text)
    assert positions <= expected
    plain = {(s, e) for s, e in expected
             if all(lem not in G.phrases and not lem.startswith(("s'", "se ")) for lem in G.forms.get(text[s:e].lower(), ("selon",)))}
    assert plain <= positions


def test_cue_examples():
    def found(text):
        return [(c.text, c.lemma) for c in FINDER.find(text)]

    assert found("Le ministre a déclaré qu'il partait.") == [("déclaré", "déclarer")]
    assert found("Un crédit a disparu, notamment.") == []
    assert found("Pour le ministre, c'est fini.") == [("Pour", "pour")]
    assert found("Il travaille pour le ministre.") == []
    assert found("Fin.  Pour lui, non.") == [("Pour", "pour")]
    assert found("Il fait partie de l'équipe.") == []
    assert [c.lemma for c in FINDER.find("Il a fait part de ses craintes.")] == ["faire part"]
    assert found("« Non », s'est-il exclamé.") == [("exclamé", "s'exclamer")]
    assert found("Selon KCNA, d'après RIA Novosti et aux dires d'experts.") == [
        ("Selon", "selon"), ("d'après", "d'après"), ("aux dires d'", "aux dires de")]
    assert found("DÉCLARÉ") == [("DÉCLARÉ", "déclarer")]  # case folds
    assert found("Un non-dit, un dit-projet.") == []  # a hyphen glues a compound
    assert found("Il est parti en fin d'après-midi.") == []  # so it does after a preposition
    assert found("C'est fini, assure-t-il.") == [("assure", "assurer")]  # an inverted subject is no compound
    assert found("Non, dit-elle.") == [("dit", "dire")]


def test_cue_finder_handles_text_whose_lower_case_is_longer():
    text = "İstanbul : le maire a déclaré la fin."
    assert [(c.start, c.text) for c in FINDER.find(text)] == [(text.index("déclaré"), "déclaré")]


def units(text):
    return [u.text for u in split_units(text, SCANNER.scan(text))]


def test_unit_cuts():
    assert units("M. Dupont est là. Mme Durand aussi. J. Doe part! « Vraiment ? » Oui…  Fin") == [
        "M. Dupont est là.", "Mme Durand aussi.", "J. Doe part!", "« Vraiment ? »", "Oui…", "Fin"]
    # Inside a quotation a full stop does not cut, a line break does.
    assert units("Il a dit : « Je pars. Tu restes. » Puis il est parti.") == [
        "Il a dit : « Je pars. Tu restes. »", "Puis il est parti."]
    assert units("Il a dit : « Je pars. Tu restes » et il est parti.") == [
        "Il a dit : « Je pars. Tu restes » et il est parti."]
    assert units("« Je pars.\nTu restes. »") == ["« Je pars.", "Tu restes. »"]
    # A lone digit ends a sentence, but for an item number opening a line.
    assert units("La hausse sera de 3. Il a ajouté que") == ["La hausse sera de 3.", "Il a ajouté que"]
    assert units("1. Le texte\n2. Les votes") == ["1. Le texte", "2. Les votes"]
    assert units("en 2024. Le texte  \n\n  Suite") == ["en 2024.", "Le texte", "Suite"]
    assert units("Le prix est 3.5 euros. Etc. Fin") == ["Le prix est 3.5 euros.", "Etc. Fin"]


def test_a_stop_after_a_spaced_closing_mark_ends_the_sentence():
    # "fin\u00a0»." once read as an initial ("J. Dupont"): the mark after a space
    # looked like a one-letter word, and the two sentences merged.
    for space in ("\u00a0", "\u202f", " "):
        text = f"Le maire a parlé de «{space}renouveau{space}». Le préfet est resté muet."
        assert units(text) == [f"Le maire a parlé de «{space}renouveau{space}».", "Le préfet est resté muet."]
    assert units("Elle a crié «\u00a0assez\u00a0!\u00a0». Puis elle est sortie.") == [
        "Elle a crié «\u00a0assez\u00a0!\u00a0».", "Puis elle est sortie."]
    assert units("Il parlait de “paix ”. M. Durand a répondu.") == ["Il parlait de “paix ”.", "M. Durand a répondu."]
    # A letter before the stop still reads as an initial; a digit ends the sentence.
    assert units("Selon J. Martin, rien. Voir le point 3. Le reste suit.") == [
        "Selon J. Martin, rien.", "Voir le point 3.", "Le reste suit."]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_units_cover_the_text_in_order(text):
    quotes = SCANNER.scan(text)
    found = split_units(text, quotes)
    assert all(text[u.start:u.end] == u.text and u.text == u.text.strip() and u.text for u in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert "".join("".join(u.text.split()) for u in found) == "".join(text.split())
    # No cut inside a quotation other than at a line break.
    for a, b in zip(found, found[1:]):
        gap = text[a.end:b.start]
        if "\n" not in gap:
            assert not any(q.style != "dash" and q.open_start < a.end < q.close_end for q in quotes)


def test_boilerplate_with_and_without_the_lowered_text():
    text = "PARTAGER sur Facebook\nLe ministre a déclaré qu'il partait demain.\nLire aussi : autre chose\n" \
           "Le ministre a déclaré qu'il partait demain.\nFin"
    plain = boilerplate.clean(text, G)
    assert plain == boilerplate.clean(text, G, lowered=text.lower())
    assert plain.splitlines()[0].strip() == "" and plain.splitlines()[2].strip() == ""
    assert plain.splitlines()[1] == "Le ministre a déclaré qu'il partait demain."
    assert plain.splitlines()[3].strip() == ""  # a long line seen before
    assert len(plain) == len(text)
