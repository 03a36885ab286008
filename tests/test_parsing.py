"""Repairs applied to every parse: what the parser's output becomes before attribution."""

from handbuilt import words

from quotes.parsing import _article_repairs

PART = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"


def test_a_participle_under_its_article_is_a_noun():
    # "explique l' élu": the article hung on "élu" read as the participle of "élire"
    for deprel in ("det", "aux:pass"):
        fixed = _article_repairs(words([
            ("explique", "expliquer", "VERB", "VerbForm=Fin", 0, "root"),
            ("l'", "le", "DET", "Definite=Def|Number=Sing|PronType=Art", 3, deprel),
            ("élu", "élire", "VERB", PART, 1, "xcomp"),
        ]))
        assert (fixed[2].upos, fixed[2].lemma, fixed[2].feats) == ("NOUN", "élu", "Gender=Masc|Number=Sing")
        assert fixed[1].deprel == "det"


def test_a_participle_after_an_auxiliary_or_a_clitic_stays_a_verb():
    rows = [
        ("il", "il", "PRON", "Person=3|PronType=Prs", 3, "nsubj"),
        ("l'", "le", "PRON", "Person=3|PronType=Prs", 4, "obj"),
        ("a", "avoir", "AUX", "VerbForm=Fin", 4, "aux:tense"),
        ("élu", "élire", "VERB", PART, 0, "root"),
    ]
    assert _article_repairs(words(rows)) == words(rows)
    # an article that belongs to a later noun ("a élu le nouveau maire") changes nothing either
    rows = [
        ("a", "avoir", "AUX", "VerbForm=Fin", 2, "aux:tense"),
        ("élu", "élire", "VERB", PART, 0, "root"),
        ("le", "le", "DET", "Definite=Def|PronType=Art", 4, "det"),
        ("maire", "maire", "NOUN", "Gender=Masc", 2, "obj"),
    ]
    assert _article_repairs(words(rows)) == words(rows)


def test_an_article_before_an_infinitive_is_its_object_pronoun():
    # "puis le qualifier de": "le" read as the article of "qualifier"
    fixed = _article_repairs(words([
        ("puis", "puis", "ADV", "", 3, "advmod"),
        ("le", "le", "DET", "Definite=Def|Gender=Masc|Number=Sing|PronType=Art", 3, "aux:tense"),
        ("qualifier", "qualifier", "VERB", "VerbForm=Inf", 0, "root"),
    ]))
    assert (fixed[1].upos, fixed[1].deprel, fixed[1].feat("PronType")) == ("PRON", "obj", "Prs")
    assert fixed[2].upos == "VERB"


def test_a_lawyers_title_of_address_is_parsed_as_one_before_a_name_and_keeps_its_text(pipeline):
    from quotes.model import Span

    text = "Me Camille Roux a déclaré que son client ferait appel."
    [unit] = pipeline.parser.parse([Span(0, len(text), text)])
    words = unit.sentences[0].words
    assert words[0].text == "Me" and words[0].upos != "PRON"
    verb = next(w for w in words if w.text == "déclaré")
    subject = next(w for w in words if w.head == verb.id and w.deprel.startswith("nsubj"))
    assert subject.start < words[2].end  # the name (or its title) is the subject, not a pronoun "me"


def _parsed(pipeline, text):
    from quotes.model import Span

    [unit] = pipeline.parser.parse([Span(0, len(text), text)])
    return unit.sentences[0].words


def test_words_cut_by_rule_reach_the_parser_with_their_offsets(pipeline):
    text = "La liste des élus du conseil, a-t-il dit avec des amis à l'AFP."
    words = _parsed(pipeline, text)
    assert [w.text for w in words][:7] == ["La", "liste", "de", "les", "élus", "de", "le"]
    assert words[2].start == words[3].start == text.index("des")   # the two words of "des" share its token
    amis = next(w for w in words if w.text == "amis")
    article = words[amis.id - 2]
    assert article.text == "des" and article.upos == "DET"        # "avec des amis": one word, the article
    il = next(w for w in words if w.text in ("-t-il", "il"))    # "-t-il", one token, the subject of "dit"
    assert il.deprel == "nsubj" and words[il.head - 1].text == "dit"
    assert all(text[w.start: w.end] in (w.text, "des", "du") for w in words)


def test_an_at_least_bound_leaves_the_counted_noun_on_its_noun(pipeline):
    words = _parsed(pipeline, "Elle a annoncé un retard d'au moins trois semaines.")
    retard = next(w for w in words if w.text == "retard")
    semaines = next(w for w in words if w.text == "semaines")
    assert semaines.head == retard.id and semaines.deprel == "nmod"


def test_a_reporting_verb_read_as_an_adverb_reaches_the_parser_as_a_verb(pipeline):
    # The tagger reads "dément" as an adverb (the words in -ment) or as the copula.
    for text, obj in (("La directrice dément les faits qui lui sont reprochés.", "faits"),
                      ("Le club dément formellement avoir contacté le joueur.", "contacté"),
                      ("La direction dément tout plan social mais reconnaît des difficultés.", "plan")):
        words = _parsed(pipeline, text)
        verb = next(w for w in words if w.text == "dément")
        assert (verb.upos, verb.lemma) == ("VERB", "démentir")
        assert any(w.text == obj and w.head == verb.id for w in words), text
        assert any(w.deprel == "nsubj" and w.head == verb.id for w in words), text


def test_a_reporting_verb_read_as_a_noun_after_its_subject_reaches_the_parser_as_a_verb(pipeline):
    for text in ("Le syndicat juge inacceptable la décision du conseil.", "Elle juge « indécent » le budget de la mission."):
        verb = next(w for w in _parsed(pipeline, text) if w.text == "juge")
        assert verb.upos == "VERB", text
    for text in ("Le juge d'instruction a entendu les témoins.", "Un juge a été saisi."):
        noun = next(w for w in _parsed(pipeline, text) if w.text == "juge")
        assert noun.upos == "NOUN", text


def test_only_forms_that_are_never_adverbs_or_auxiliaries_are_mended(grammar):
    from quotes.stanzadocs import cue_verbs

    verbs = cue_verbs(grammar.forms)
    assert verbs["dément"] == "démentir" and verbs["doute"] == "douter"
    assert verbs["inquiète"] == "inquiéter"      # a reflexive cue's verb, without its pronoun
    assert "maintenant" not in verbs             # the adverb "now", besides the participle
    assert "fait" not in verbs                   # the causative auxiliary ("fait savoir")


def test_an_adverb_that_no_cue_verb_spells_keeps_its_tag(pipeline):
    words = _parsed(pipeline, "Maintenant, le maire affirme simplement que tout va bien.")
    assert [w.upos for w in words if w.text in ("Maintenant", "simplement")] == ["ADV", "ADV"]


def test_the_tokenizer_model_stays_available_by_name():
    from quotes.model import Span
    from quotes.pipeline import Pipeline

    text = "« Nous ne céderons pas », a déclaré la ministre."
    [unit] = Pipeline("fr", "stanza-tokenizer").parser.parse([Span(0, len(text), text)])
    assert [w.text for w in unit.sentences[0].words][:3] == ["«", "Nous", "ne"]


def test_a_future_form_read_as_a_noun_after_its_subject_reaches_the_parser_as_a_verb(pipeline):
    # The tagger has never seen "rouvrira", and read it as an adjective of "crèche", which the
    # parser then made the subject of the incise's verb.
    words = _parsed(pipeline, "La crèche rouvrira mardi, a annoncé la commune, à la veille de la rentrée.")
    verb = next(w for w in words if w.text == "rouvrira")
    assert (verb.upos, verb.lemma) == ("VERB", "rouvrir")
    assert next(w for w in words if w.text == "crèche").head == verb.id
    for text, noun in (("Le portrait du maire sera exposé.", "portrait"), ("Le retrait des troupes a commencé.", "retrait")):
        assert next(w for w in _parsed(pipeline, text) if w.text == noun).upos == "NOUN", text
