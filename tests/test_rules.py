"""The rule list: order and switches come from the grammar, unknown names are errors."""

import shutil

import pytest

import quotes
from quotes.attribution import RULES, rules_of
from quotes.errors import GrammarError
from quotes.grammar import DEFAULT_RULES, load
from quotes.pipeline import Pipeline

POSTPOSED = "« Nous ne céderons rien sur les retraites », a déclaré le ministre Pierre Martin."


def _grammar_with(tmp_path, order_line: str):
    folder = tmp_path / "g"
    shutil.copytree(load("fr").path, folder)
    (folder / "attribution.toml").write_text(f"[rules]\n{order_line}\n", encoding="utf-8")
    return folder


def test_builtin_grammar_names_every_rule_it_runs():
    names = [r.name for r in rules_of(load("fr"))]
    assert set(names) <= set(RULES) and set(DEFAULT_RULES) <= set(names)


def test_every_rule_has_a_gate_and_a_docstring():
    for r in RULES.values():
        assert callable(r.gate) and r.doc, r.name


def test_a_rule_left_out_of_the_order_is_off(tmp_path):
    order = [n for n in DEFAULT_RULES if n != "quote_then_cue"]
    folder = _grammar_with(tmp_path, "order = [" + ", ".join(f'"{n}"' for n in order) + "]")
    with_rule = [q.rule for q in quotes.extract(POSTPOSED, id="t")]
    without = [q.rule for q in Pipeline(grammar=str(folder)).process(quotes.Document("t", POSTPOSED))]
    assert with_rule == ["quote_then_cue"]
    assert without == []


def test_unknown_rule_names_file_key_and_line(tmp_path):
    folder = _grammar_with(tmp_path, 'order = ["que_clause", "no_such_rule"]')
    with pytest.raises(GrammarError) as err:
        rules_of(load(folder))
    message = str(err.value)
    assert "attribution.toml" in message and "rules.order" in message and "no_such_rule" in message and "2" in message


def test_a_rule_listed_twice_is_an_error(tmp_path):
    folder = _grammar_with(tmp_path, 'order = ["que_clause", "que_clause"]')
    with pytest.raises(GrammarError, match="twice"):
        load(folder)
