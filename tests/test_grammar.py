"""Grammars load, validate, and fail with file, key and line."""

import shutil

import pytest

from quotes import grammar
from quotes.errors import GrammarError


@pytest.fixture
def copy(tmp_path):
    target = tmp_path / "g"
    shutil.copytree(grammar.resolve("fr"), target)
    grammar._load_cached.cache_clear()
    return target


def test_builtin_grammar_has_what_the_design_asks(grammar):
    assert len(grammar.verb_class) >= 150
    assert {"déclarer", "souligner", "noter", "ajouter", "affirmer"} <= set(grammar.verb_class)
    assert {p.lemma for p in grammar.prepositions} >= {"selon", "d'après", "de l'avis de", "aux dires de", "à en croire"}
    assert {"ministre", "président", "porte-parole"} <= grammar.titles
    assert grammar.honorifics["M."] == "m" and grammar.honorifics["Mme"] == "f"
    classes = set(grammar.verb_class.values())
    assert {"statement", "addition", "emphasis", "belief", "denial"} <= classes


def test_surface_forms_are_derived(grammar):
    # "déclaré" is also the reflexive "s'est déclaré opposé": the parse tells them apart.
    assert grammar.forms["déclaré"] == ("déclarer", "se déclarer")
    assert grammar.forms["ajouté"] == ("ajouter",)
    assert "annoncer" in grammar.forms["annonçait"]
    assert "révéler" in grammar.forms["révèle"]
    assert "rappeler" in grammar.forms["rappelle"]
    assert "dire" in grammar.forms["disent"]


def test_load_by_name_and_by_path(copy):
    assert grammar.load("fr").name == "fr"
    assert grammar.load(copy).name == "fr"


def test_unknown_grammar_name():
    with pytest.raises(GrammarError, match="no grammar folder"):
        grammar.load("klingon")


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bad_toml_names_file_and_line(copy):
    _edit(copy / "marks.toml", 'name = "guillemets"', 'name = "guillemets')
    with pytest.raises(GrammarError) as err:
        grammar.load(copy)
    assert err.value.file.endswith("marks.toml") and err.value.line == 4
    assert "invalid TOML" in str(err.value)


def test_unknown_key_names_key_and_line(copy):
    _edit(copy / "mentions.toml", "[titles]\n", "[titles]\nwordz = [\"x\"]\n")
    with pytest.raises(GrammarError) as err:
        grammar.load(copy)
    assert err.value.key == "titles.wordz"
    lines = (copy / "mentions.toml").read_text(encoding="utf-8").splitlines()
    assert lines[err.value.line - 1].startswith("wordz")


def test_bad_regex_is_caught_at_load(copy):
    _edit(copy / "boilerplate.toml", "patterns = [\n", "patterns = [\n  '^(unclosed',\n")
    with pytest.raises(GrammarError) as err:
        grammar.load(copy)
    assert err.value.key == "lines.patterns" and "not a valid regex" in str(err.value)
    assert err.value.file.endswith("boilerplate.toml") and err.value.line is not None


def test_empty_verb_list(copy):
    text = (copy / "cues.toml").read_text(encoding="utf-8")
    start = text.index("warning = [")
    end = text.index("]", start) + 1
    (copy / "cues.toml").write_text(text[:start] + "warning = []" + text[end:], encoding="utf-8")
    with pytest.raises(GrammarError) as err:
        grammar.load(copy)
    assert err.value.key == "verbs.warning" and "empty" in str(err.value)
    assert (copy / "cues.toml").read_text(encoding="utf-8").splitlines()[err.value.line - 1].startswith("warning")


def test_duplicate_lemma(copy):
    _edit(copy / "cues.toml", 'addition = ["ajouter",', 'addition = ["ajouter", "ajouter",')
    with pytest.raises(GrammarError, match="duplicate lemma 'ajouter'"):
        grammar.load(copy)


def test_wrong_type(copy):
    _edit(copy / "marks.toml", "max_words = 3", 'max_words = "three"')
    with pytest.raises(GrammarError, match="must be of type int"):
        grammar.load(copy)


def test_missing_file(copy):
    (copy / "cues.toml").unlink()
    with pytest.raises(GrammarError, match="file is missing"):
        grammar.load(copy)


def test_eler_and_eter_verbs_get_both_strong_stems():
    from quotes.forms import derive_forms

    assert {"martèle", "martèlent", "appelle", "rappellent"} <= derive_forms("marteler") | derive_forms("appeler") | derive_forms("rappeler")
    assert "martèle" in derive_forms("marteler") and "appelle" in derive_forms("appeler")
