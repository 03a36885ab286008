"""Parse corrections from the grammar's cues (quotes.repairs), over parses given by hand."""

from handbuilt import unit

from quotes.model import CueMatch
from quotes.parsing import ParsedUnit
from quotes.repairs import verb_cues


def cue_at(u: ParsedUnit, text: str, lemma: str) -> CueMatch:
    w = next(w for w in u.sentences[0].words if w.text == text)
    return CueMatch(w.start, w.end, text, lemma, "opinion")


def test_a_cue_read_as_a_noun_modifier_becomes_the_verb():
    # "L' opposition juge que la réforme est injuste": "juge" hung on "opposition"
    u = unit([
        ("L'", "le", "DET", 2, "det"), ("opposition", "opposition", "NOUN", 0, "root"),
        ("juge", "juge", "NOUN", 2, "nmod"), ("que", "que", "SCONJ", 8, "mark"),
        ("la", "le", "DET", 6, "det"), ("réforme", "réforme", "NOUN", 8, "nsubj"),
        ("est", "être", "AUX", 8, "cop"), ("injuste", "injuste", "ADJ", 2, "acl:relcl"), (".", ".", "PUNCT", 2, "punct"),
    ])
    [fixed] = verb_cues([u], (cue_at(u, "juge", "juger"),))
    sent = fixed.sentences[0]
    juge = sent.word(3)
    assert (juge.upos, juge.lemma, juge.head, juge.deprel) == ("VERB", "juger", 0, "root")
    assert (sent.word(2).head, sent.word(2).deprel) == (3, "nsubj")
    assert (sent.word(8).head, sent.word(8).deprel) == (3, "ccomp")
    assert sent.word(9).head == 3


def test_a_cue_the_parse_gave_a_subject_keeps_it():
    # "Un sondage , juge que ...": the noun "juge" already heads the subject
    u = unit([
        ("Un", "un", "DET", 2, "det"), ("sondage", "sondage", "NOUN", 4, "nsubj"), (",", ",", "PUNCT", 4, "punct"),
        ("juge", "juge", "NOUN", 0, "root"), ("que", "que", "SCONJ", 8, "mark"), ("elle", "lui", "PRON", 8, "nsubj"),
        ("a", "avoir", "AUX", 8, "aux:tense"), ("gagné", "gagner", "VERB", 4, "acl"),
    ])
    sent = verb_cues([u], (cue_at(u, "juge", "juger"),))[0].sentences[0]
    assert (sent.word(4).upos, sent.word(4).head) == ("VERB", 0)
    assert (sent.word(8).head, sent.word(8).deprel) == (4, "ccomp")


def test_a_noun_with_its_own_article_or_a_relative_que_stays_a_noun():
    # "L' annonce que le président démissionne": a content noun with its article
    u = unit([
        ("L'", "le", "DET", 2, "det"), ("annonce", "annonce", "NOUN", 7, "nsubj"), ("que", "que", "SCONJ", 5, "mark"),
        ("il", "lui", "PRON", 5, "nsubj"), ("part", "partir", "VERB", 2, "acl"), ("a", "avoir", "AUX", 7, "aux:tense"),
        ("surpris", "surprendre", "VERB", 0, "root"),
    ])
    assert verb_cues([u], (cue_at(u, "annonce", "annoncer"),)) == [u]
    # "le juge que la défense a récusé": a relative pronoun, not "que" opening a clause
    u = unit([
        ("le", "le", "DET", 2, "det"), ("juge", "juge", "NOUN", 0, "root"), ("que", "que", "PRON", 7, "obj"),
        ("la", "le", "DET", 5, "det"), ("défense", "défense", "NOUN", 7, "nsubj"), ("a", "avoir", "AUX", 7, "aux:tense"),
        ("récusé", "récuser", "VERB", 2, "acl:relcl"),
    ])
    assert verb_cues([u], (cue_at(u, "juge", "juger"),)) == [u]


def test_a_cue_read_as_a_noun_after_a_comma_becomes_a_verb():
    # "X , dont ... , juge que ...": "juge" hung on the clause before it as a noun
    u = unit([
        ("Ipsos", "Ipsos", "PROPN", 4, "nsubj"), (",", ",", "PUNCT", 4, "punct"), ("qui", "qui", "PRON", 4, "nsubj"),
        ("publie", "publier", "VERB", 0, "root"), (",", ",", "PUNCT", 6, "punct"), ("juge", "juge", "NOUN", 4, "parataxis"),
        ("que", "que", "SCONJ", 9, "mark"), ("elle", "lui", "PRON", 9, "nsubj"), ("gagne", "gagner", "VERB", 6, "acl"),
    ])
    sent = verb_cues([u], (cue_at(u, "juge", "juger"),))[0].sentences[0]
    assert (sent.word(6).upos, sent.word(6).lemma) == ("VERB", "juger")
    assert (sent.word(9).head, sent.word(9).deprel) == (6, "ccomp")


def test_a_cue_verb_hung_inside_a_relative_on_the_subject_is_the_main_verb():
    # "Le syndicat , qui représente les cheminots , juge que ...": "juge" read as the
    # conjunct of "cheminots", without a subject
    rows = [
        ("Le", "le", "DET", 2, "det"), ("syndicat", "syndicat", "NOUN", 0, "root"), (",", ",", "PUNCT", 5, "punct"),
        ("qui", "qui", "PRON", 5, "nsubj"), ("représente", "représenter", "VERB", 2, "acl:relcl"),
        ("les", "le", "DET", 7, "det"), ("cheminots", "cheminot", "NOUN", 5, "obj"), (",", ",", "PUNCT", 9, "punct"),
        ("juge", "juger", "VERB", 7, "conj"), ("que", "que", "SCONJ", 11, "mark"), ("injuste", "injuste", "ADJ", 9, "ccomp"),
        (".", ".", "PUNCT", 2, "punct"),
    ]
    u = unit(rows)
    sent = verb_cues([u], (cue_at(u, "juge", "juger"),))[0].sentences[0]
    assert (sent.word(9).head, sent.word(9).deprel) == (0, "root")
    assert (sent.word(2).head, sent.word(2).deprel) == (9, "nsubj")
    assert sent.word(12).head == 9
    # not when a noun phrase stands before the one the relative is on ("Hier, à Lyon, ...")
    rows = [("Hier", "hier", "ADV", 3, "advmod")] + [(t, l, p, h + 1 if h else 0, d) for t, l, p, h, d in rows]
    u = unit(rows)
    sent = verb_cues([u], (cue_at(u, "juge", "juger"),))[0].sentences[0]
    assert sent.word(10).deprel == "conj"


def test_a_noun_phrase_coordinated_with_the_addressee_without_a_conjunction_is_the_object():
    # "a demandé à la banque , la BAD , un prêt": "prêt" read as a conjunct of "banque"
    rows = [
        ("demandé", "demander", "VERB", 0, "root"), ("à", "à", "ADP", 4, "case"), ("la", "le", "DET", 4, "det"),
        ("banque", "banque", "NOUN", 1, "obl:arg"), (",", ",", "PUNCT", 7, "punct"), ("la", "le", "DET", 7, "det"),
        ("BAD", "BAD", "PROPN", 4, "appos"), (",", ",", "PUNCT", 10, "punct"), ("un", "un", "DET", 10, "det"),
        ("prêt", "prêt", "NOUN", 4, "conj"),
    ]
    u = unit(rows)
    sent = verb_cues([u], (cue_at(u, "demandé", "demander"),))[0].sentences[0]
    assert (sent.word(10).head, sent.word(10).deprel) == (1, "obj")
    # a second addressee with its own "et" stays one
    rows[7] = ("et", "et", "CCONJ", 10, "cc")
    u = unit(rows)
    assert verb_cues([u], (cue_at(u, "demandé", "demander"),)) == [u]


def test_a_cue_read_as_a_noun_before_a_bare_noun_phrase_takes_it_as_object():
    # "Le syndicat juge ce projet inacceptable .": "juge" and "projet" both hung on "syndicat"
    u = unit([
        ("Le", "le", "DET", 2, "det"), ("syndicat", "syndicat", "NOUN", 0, "root"),
        ("juge", "juge", "NOUN", 2, "nmod"), ("ce", "ce", "DET", 5, "det"), ("projet", "projet", "NOUN", 2, "nmod"),
        ("inacceptable", "inacceptable", "ADJ", 2, "amod"), (".", ".", "PUNCT", 2, "punct"),
    ])
    sent = verb_cues([u], (cue_at(u, "juge", "juger"),))[0].sentences[0]
    assert (sent.word(3).upos, sent.word(3).lemma, sent.word(3).head, sent.word(3).deprel) == ("VERB", "juger", 0, "root")
    assert (sent.word(2).head, sent.word(2).deprel) == (3, "nsubj")
    assert (sent.word(5).head, sent.word(5).deprel) == (3, "obj")
    assert [sent.word(k).head for k in (6, 7)] == [3, 3]


def test_a_noun_phrase_after_a_preposition_or_a_form_with_its_article_is_no_object():
    # "Le rapport critique de la Cour ...": the noun after the form has its preposition
    u = unit([
        ("Le", "le", "DET", 2, "det"), ("rapport", "rapport", "NOUN", 0, "root"),
        ("critique", "critique", "ADJ", 2, "amod"), ("de", "de", "ADP", 6, "case"), ("la", "le", "DET", 6, "det"),
        ("Cour", "Cour", "PROPN", 2, "nmod"),
    ])
    assert verb_cues([u], (cue_at(u, "critique", "critiquer"),)) == [u]
    # "Le juge note les faits reprochés" parsed with a verb elsewhere: the noun phrase is no verbless root
    u = unit([
        ("Le", "le", "DET", 2, "det"), ("juge", "juge", "NOUN", 4, "nsubj"),
        ("note", "note", "NOUN", 2, "nmod"), ("les", "le", "DET", 5, "det"), ("faits", "fait", "NOUN", 2, "nmod"),
        ("reprochés", "reprocher", "VERB", 0, "root"),
    ])
    assert verb_cues([u], (cue_at(u, "note", "noter"),)) == [u]


def test_a_cue_read_as_a_noun_after_a_quotation_and_its_comma_is_the_incise_verb():
    # "» , analyse l' économiste Morin .": "analyse" a noun, the economist hung on it
    u = unit([
        ("»", "»", "PUNCT", 1, "punct"), (",", ",", "PUNCT", 3, "punct"), ("analyse", "analyse", "NOUN", 1, "obl:mod"),
        ("l'", "le", "DET", 5, "det"), ("économiste", "économiste", "NOUN", 3, "nmod"),
        ("Morin", "Morin", "PROPN", 5, "appos"), (".", ".", "PUNCT", 1, "punct"),
    ])
    sent = verb_cues([u], (cue_at(u, "analyse", "analyser"),))[0].sentences[0]
    assert (sent.word(3).upos, sent.word(3).lemma, sent.word(3).deprel) == ("VERB", "analyser", "parataxis")
    assert (sent.word(5).head, sent.word(5).deprel) == (3, "nsubj")


def test_a_noun_after_a_comma_with_no_quotation_before_it_stays_a_noun():
    # "Le projet , analyse des coûts à l' appui": no closing mark before the comma
    u = unit([
        ("projet", "projet", "NOUN", 0, "root"), (",", ",", "PUNCT", 3, "punct"), ("analyse", "analyse", "NOUN", 1, "appos"),
        ("des", "de", "DET", 5, "det"), ("coûts", "coût", "NOUN", 3, "nmod"),
    ])
    assert verb_cues([u], (cue_at(u, "analyse", "analyser"),)) == [u]


def _postposed(rows, cue_word, lemma):
    u = unit(rows)
    return verb_cues([u], (cue_at(u, cue_word, lemma),))[0].sentences[0]


def test_an_incise_subject_read_as_its_object_is_the_subject():
    # "Les agents seront en grève , a annoncé mardi le syndicat .": "agents" hung on the incise
    sent = _postposed([
        ("Les", "le", "DET", 2, "det"), ("agents", "agent", "NOUN", 8, "nsubj"), ("seront", "être", "AUX", 5, "cop"),
        ("en", "en", "ADP", 5, "case"), ("grève", "grève", "NOUN", 8, "obl:mod"), (",", ",", "PUNCT", 5, "punct"),
        ("a", "avoir", "AUX", 8, "aux:tense"), ("annoncé", "annoncer", "VERB", 0, "root"), ("mardi", "mardi", "NOUN", 8, "obj"),
        ("le", "le", "DET", 11, "det"), ("syndicat", "syndicat", "NOUN", 8, "obj"), (".", ".", "PUNCT", 8, "punct"),
    ], "annoncé", "annoncer")
    assert (sent.word(2).head, sent.word(2).deprel) == (5, "nsubj")
    assert (sent.word(11).head, sent.word(11).deprel) == (8, "nsubj")


def test_a_subject_with_its_apposition_before_the_verb_stays_its_subject():
    # "C' est par ces mots que la présidente , Anne Roux , a conclu mardi son discours ."
    sent = _postposed([
        ("C'", "ce", "PRON", 5, "expl:subj"), ("est", "être", "AUX", 5, "cop"), ("par", "par", "ADP", 5, "case"),
        ("ces", "ce", "DET", 5, "det"), ("mots", "mot", "NOUN", 0, "root"), ("que", "que", "SCONJ", 14, "mark"),
        ("la", "le", "DET", 8, "det"), ("présidente", "président", "NOUN", 14, "nsubj"), (",", ",", "PUNCT", 10, "punct"),
        ("Anne", "Anne", "PROPN", 8, "appos"), ("Roux", "Roux", "PROPN", 10, "flat:name"), (",", ",", "PUNCT", 10, "punct"),
        ("a", "avoir", "AUX", 14, "aux:tense"), ("conclu", "conclure", "VERB", 5, "advcl:cleft"), ("mardi", "mardi", "NOUN", 14, "obj"),
        ("son", "son", "DET", 17, "det"), ("discours", "discours", "NOUN", 14, "obj"), (".", ".", "PUNCT", 5, "punct"),
    ], "conclu", "conclure")
    assert (sent.word(8).head, sent.word(8).deprel) == (14, "nsubj")
    assert sent.word(17).deprel == "obj"
