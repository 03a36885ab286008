"""Syntax helpers over a parse given by hand: what they read when the parser errs."""

from handbuilt import sentence

from quotes.attribution.syntax import Syntax
from quotes.grammar import load


def test_a_relative_after_an_apposition_stands_for_the_name():
    # "Claire Dubois , directrice du musée , qui l' accuse": the clause hung on the
    # last noun of the apposition, as parsers often do
    sent = sentence([
        ("Claire", "Claire", "PROPN", 0, "root"), ("Dubois", "Dubois", "PROPN", 1, "flat:name"),
        (",", ",", "PUNCT", 4, "punct"), ("directrice", "directrice", "NOUN", 1, "appos"),
        ("du", "de", "ADP", 6, "case"), ("musée", "musée", "NOUN", 4, "nmod"),
        (",", ",", "PUNCT", 10, "punct"), ("qui", "qui", "PRON", 10, "nsubj"),
        ("l'", "le", "PRON", 10, "obj"), ("accuse", "accuser", "VERB", 6, "acl:relcl"),
    ])
    syntax = Syntax(load("fr"))
    assert syntax.antecedent(sent, sent.word(8), sent.word(10)).text == "Claire"
    # with no comma before the relative it is the noun's: "la directrice du musée qui ..."
    close = sentence([(t, l, u, h, d) for t, l, u, h, d in [
        ("directrice", "directrice", "NOUN", 0, "root"), ("du", "de", "ADP", 3, "case"),
        ("musée", "musée", "NOUN", 1, "nmod"), ("qui", "qui", "PRON", 5, "nsubj"),
        ("ferme", "fermer", "VERB", 3, "acl:relcl")]])
    assert syntax.antecedent(close, close.word(4), close.word(5)).text == "musée"


def test_a_verb_left_without_subject_takes_the_name_its_apposition_describes():
    # "Paul Girard , conseiller et élu de Lyon , annonce": the parser hung the name on an
    # earlier noun and gave the verb no subject
    sent = sentence([
        ("équipe", "équipe", "NOUN", 11, "obl"), ("Paul", "Paul", "PROPN", 1, "conj"),
        ("Girard", "Girard", "PROPN", 2, "flat:name"), (",", ",", "PUNCT", 5, "punct"),
        ("conseiller", "conseiller", "NOUN", 2, "appos"), ("et", "et", "CCONJ", 7, "cc"),
        ("élu", "élire", "VERB", 5, "conj"), ("de", "de", "ADP", 9, "case"),
        ("Lyon", "Lyon", "PROPN", 7, "obl"), (",", ",", "PUNCT", 11, "punct"),
        ("annonce", "annoncer", "VERB", 0, "root"),
    ])
    syntax = Syntax(load("fr"))
    assert syntax.subject(sent, sent.word(11)).text == "Paul"
    # a comma after a plain complement names no one
    plain = sentence([
        ("Lundi", "lundi", "NOUN", 3, "obl"), (",", ",", "PUNCT", 3, "punct"),
        ("annonce", "annoncer", "VERB", 0, "root"),
    ])
    assert syntax.subject(plain, plain.word(3)) is None
