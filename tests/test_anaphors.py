"""Descriptions that stand for someone named before: inhabitants' names and their adjectives."""

import pytest

import quotes
from quotes.anaphors import _feminine_forms, _same_people, _word_before


@pytest.mark.parametrize("word, demonym", [
    ("Français", "Français"), ("française", "Français"), ("camerounais", "Camerounaise"),
    ("canadienne", "Canadien"), ("bretonne", "Breton"), ("Slovène", "slovène"), ("Nigérian", "Nigériane"),
])
def test_the_same_people_in_either_gender_and_as_an_adjective(word, demonym):
    assert _same_people(word, demonym)


@pytest.mark.parametrize("word, demonym", [
    ("Slovène", "Français"), ("allemand", "Française"), ("canadienne", "Canadienne-française"), ("", "Belge"),
    ("ministre", "Belge"),
])
def test_other_people_or_no_inhabitant_at_all(word, demonym):
    assert not _same_people(word, demonym)


def test_the_word_before_a_name_across_a_comma():
    text = "Il a reçu son homologue allemand, Peter Braun, puis le Français Paul Roy."
    assert _word_before(text, text.index("Peter")) == "allemand"
    assert _word_before(text, text.index("Paul")) == "Français"


def test_feminine_forms_of_a_role():
    assert "écrivaine" in _feminine_forms("écrivain")
    assert {"chanteuse", "actrice"} <= _feminine_forms("chanteur") | _feminine_forms("acteur")
    assert "romancière" in _feminine_forms("romancier")


def speakers_of(text):
    return [(q.quote.text, q.speaker.name if q.speaker else None) for q in quotes.extract(text, id="t")]


def test_a_counterpart_with_a_name_after_it_is_that_name():
    text = ("La présidente Anne Vasseur a reçu jeudi le président sénégalais, en présence de l'ambassadeur Paul Roy. "
            "« Nos pays sont liés », a-t-elle dit. Son homologue, Amadou Ba, a promis « une coopération renforcée ».")
    assert ("une coopération renforcée", "Amadou Ba") in speakers_of(text)
