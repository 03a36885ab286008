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


def test_the_future_and_the_conditional_are_read_off_the_form_and_its_lemma():
    from quotes.attribution.prospects import _hypothetical, future

    def verb(text, lemma, upos="VERB"):
        return sentence([(text, lemma, upos, 0, "root")]).word(1)

    for text, lemma in [("annoncera", "annoncer"), ("diront", "dire"), ("répondra", "répondre"), ("préviendra", "prévenir"),
                        ("rappellera", "rappeler"), ("répètera", "répéter"), ("répétera", "répéter"), ("fera", "faire"),
                        ("avertira", "avertir")]:
        assert future(verb(text, lemma)), text
    # the passé simple, the present and the imperfect are no future
    for text, lemma in [("annonça", "annoncer"), ("déclara", "déclarer"), ("annoncèrent", "annoncer"), ("dit", "dire"),
                        ("avertit", "avertir"), ("disait", "dire"), ("annonce", "annoncer")]:
        assert not future(verb(text, lemma)), text
    # "si le club descendait, il annoncerait": a condition the sentence states
    rows = [("si", "si", "SCONJ", 4, "mark"), ("le", "le", "DET", 3, "det"), ("club", "club", "NOUN", 4, "nsubj"),
            ("descendait", "descendre", "VERB", 7, "advcl"), (",", ",", "PUNCT", 4, "punct"),
            ("il", "il", "PRON", 7, "nsubj"), ("annoncerait", "annoncer", "VERB", 0, "root")]
    assert _hypothetical(sentence(rows), sentence(rows).word(7))
    plain = sentence([("il", "il", "PRON", 2, "nsubj"), ("annoncerait", "annoncer", "VERB", 0, "root")])
    assert not _hypothetical(plain, plain.word(2))
