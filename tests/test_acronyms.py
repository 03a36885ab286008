"""Acronyms written as words: which short forms abbreviate which names."""

import pytest

from quotes.acronyms import abbreviates


@pytest.mark.parametrize("short, name", [
    ("Snes", "Syndicat national des enseignants du second degré"),
    ("Insee", "Institut national de la statistique et des études économiques"),
    ("Medef", "Mouvement des entreprises de France"),
    ("Unef", "Union nationale des étudiants de France"),
    ("CGT", "Confédération générale du travail"),
])
def test_a_short_form_spelt_by_the_starts_of_the_words(short, name):
    assert abbreviates(short, name.split())


@pytest.mark.parametrize("short, name", [
    ("Hidalgo", "maire de Paris"),
    ("Paris", "Parti radical de gauche"),
    ("Snes", "Syndicat national"),          # letters left over
    ("Sn", "Syndicat"),                      # one word gives all: a name's start, no acronym
])
def test_other_words_are_no_acronym(short, name):
    assert not abbreviates(short, name.split())
