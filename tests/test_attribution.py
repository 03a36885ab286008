"""One test per construction, on sentences written for them, through the whole pipeline."""


import quotes


def records(text):
    return [q.to_record() for q in quotes.extract(text, id="t")]


def one(text):
    out = records(text)
    assert len(out) == 1, out
    return out[0]


def test_que_clause():
    r = one("Le ministre Jean Dupont a déclaré que la réforme sera votée en juin.")
    assert (r["quote"], r["type"], r["cue"], r["speaker"], r["speaker_type"]) == (
        "la réforme sera votée en juin", "indirect", "déclarer", "Jean Dupont", "PER")


def test_direct_quote_with_inversion():
    r = one("« Nous ne céderons pas sur les retraites », a déclaré le ministre Pierre Martin.")
    assert (r["quote"], r["type"], r["speaker"]) == ("Nous ne céderons pas sur les retraites", "direct", "Pierre Martin")


def test_colon_introduces_a_direct_quote():
    r = one("Marie Dubois a déclaré : « La science avance lentement mais sûrement. »")
    assert (r["quote"], r["type"], r["speaker"]) == ("La science avance lentement mais sûrement.", "direct", "Marie Dubois")


def test_que_followed_by_a_quotation_is_direct_and_surname_expands():
    out = records("Paul Durand est arrivé lundi à Lyon. M. Durand a souligné qu'« il faut agir vite pour sauver les forêts ».")
    assert [(r["quote"], r["type"], r["speaker"]) for r in out] == [
        ("il faut agir vite pour sauver les forêts", "direct", "Paul Durand")]


def test_mixed_quote_is_one_record():
    r = one("La porte-parole Sophie Leroy a estimé que la situation était « très préoccupante » à ce stade.")
    assert (r["type"], r["quote"]) == ("mixed", "la situation était « très préoccupante » à ce stade")


def test_pronoun_resolves_to_the_person_named_before():
    out = records("Anne Moreau a présidé la séance du conseil municipal. Elle a ajouté que les travaux commenceront lundi.")
    assert [(r["speaker"], r["speaker_mention"], r["cue"]) for r in out] == [("Anne Moreau", "Elle", "ajouter")]


def test_pronoun_resolves_to_a_named_passive_subject():
    out = records("Jean Dupont a été élu maire dimanche. Il a déclaré que les travaux commenceront en mai.")
    assert [(r["speaker"], r["speaker_mention"]) for r in out] == [("Jean Dupont", "Il")]


def test_inverted_clitic_is_the_subject_not_the_noun_after_the_verb():
    out = records("Jean Dupont a présidé la séance. « Nous irons jusqu'au bout », a-t-il ajouté devant la presse.")
    assert [(r["speaker"], r["speaker_mention"]) for r in out] == [("Jean Dupont", "il")]


def test_negated_cue_is_not_a_quote():
    assert records("Le ministre Paul Blanc n'a pas déclaré que la taxe serait supprimée.") == []


def test_selon_gives_the_speaker_of_its_clause():
    r = one("Selon le porte-parole Marc Petit, les négociations ont échoué dans la nuit.")
    assert (r["cue"], r["speaker"], r["quote"]) == ("selon", "Marc Petit", "les négociations ont échoué dans la nuit")


def test_selon_before_a_reporting_verb_is_the_cited_source():
    r = one("Selon l'agence Reuters, le ministre Paul Blanc a affirmé que la taxe serait supprimée.")
    assert (r["speaker"], r["cue"], r["cited_source"]) == ("Paul Blanc", "affirmer", "Reuters")


def test_object_and_de_infinitive():
    r = one("Les États-Unis accusent la Chine d'avoir caché des informations sur l'épidémie.")
    assert (r["quote"], r["speaker"], r["speaker_type"]) == (
        "la Chine d'avoir caché des informations sur l'épidémie", "États-Unis", "GPE")


def test_participle_takes_the_subject_of_its_clause():
    out = records("Le président Louis Girard a quitté la salle, affirmant que le débat était clos.")
    assert [(r["cue"], r["speaker"], r["quote"]) for r in out] == [("affirmer", "Louis Girard", "le débat était clos")]


def test_floating_quote_takes_the_previous_speaker():
    out = records("« Nous allons gagner cette finale », a déclaré l'entraîneur Didier Lambert. "
                  "« Les joueurs sont prêts pour ce match difficile. »")
    assert [r["speaker"] for r in out] == ["Didier Lambert", "Didier Lambert"]
    assert out[1]["quote"] == "Les joueurs sont prêts pour ce match difficile."


def test_scare_quotes_and_titles_are_not_quotes():
    assert records("Le défilé « Victoire » a eu lieu sur la place centrale de la ville.") == []


def test_name_variants_are_one_speaker():
    out = records("Le ministre Andreï Belousov est arrivé à Pyongyang. M. Beloussov a souligné que la coopération progresse.")
    assert [r["speaker"] for r in out] == ["Andreï Belousov"]


def test_bare_title_resolves_to_the_person_given_that_title():
    out = records("Le ministre des Finances Bruno Lemoine a présenté le budget mardi. "
                  "Le ministre des Finances a expliqué que le déficit serait réduit.")
    assert [(r["speaker"], r["speaker_mention"]) for r in out] == [("Bruno Lemoine", "Le ministre des Finances")]


def test_organisation_speaks():
    r = one("Le ministère de la Santé a annoncé que la campagne de vaccination débutera mardi.")
    assert (r["speaker"], r["speaker_type"]) == ("ministère de la Santé", "ORG")


def test_headline_without_final_punctuation_is_not_a_quote():
    assert records("Le gouvernement annonce que les impôts baisseront") == []


def test_cited_by():
    r = one("Le dirigeant Jean Valjean s'est engagé à « défendre les plus pauvres sans relâche », tel que cité par l'AFP.")
    assert (r["cue"], r["type"], r["cited_source"], r["speaker"]) == ("s'engager", "direct", "AFP", "Jean Valjean")


def test_impersonal_il_is_no_speaker():
    out = records("Joseph Bari a gagné le concours. Il est à noter que le couple a eu la chance d'être vu par des témoins.")
    assert [(r["cue"], r["speaker"]) for r in out if r["cue"] == "noter"] in ([], [("noter", None)])


def test_a_title_in_marks_before_a_later_incise_is_not_its_quotation():
    # The incise reports the whole clause ("Le projet « Grand Paris » avance"), not the name in
    # marks: whatever the parse makes of "avance", the name is no speaker and no quotation.
    out = records("Le projet « Grand Paris » avance, a dit le maire.")
    assert not any(r["speaker"] == "Grand Paris" or r["quote"].endswith("Grand Paris »") for r in out), out


def test_one_of_a_group_of_people_is_a_person():
    r = one("« On nous prend pour des idiots », peste un automobiliste.")
    assert (r["speaker"], r["speaker_type"]) == ("automobiliste", "PER")


def test_an_honorific_before_a_particle_name_gives_a_person_and_gender():
    r = one("Mme de Sarnez a estimé que le texte était équilibré.")
    assert (r["speaker"], r["speaker_type"], r["speaker_gender"]) == ("Sarnez", "PER", "f")


def test_an_unclosed_mark_before_its_incise_gives_what_it_holds_flagged():
    r = one("« Nous ne partirons pas, a prévenu le porte-parole.")
    assert (r["quote"], r["speaker"], r["cue"], r["balanced"]) == ("Nous ne partirons pas", "porte-parole", "prévenir", False)
    # past the incise, what runs on may be the writer's: nothing is guessed
    assert records("« Nous ne partirons pas, a prévenu le porte-parole. Jamais nous ne céderons.") == []
