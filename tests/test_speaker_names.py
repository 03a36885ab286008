"""Speaker names: the form a speaker's name takes in the record (groups, appositions, anaphors).

The sentences are written for these tests; each checks one construction of French news text.
"""

from quotes.model import Document


def records(pipeline, text):
    return [q.to_record() for q in pipeline.process(Document("t", text))]


def about(pipeline, text, word):
    found = [r for r in records(pipeline, text) if word in r["quote"]]
    assert found, text
    return found[0]


def test_a_group_drops_its_definite_article(pipeline):
    r = about(pipeline, "« Nous ne partirons pas », ont crié les grévistes devant l'usine.", "partirons")
    assert r["speaker"] == "grévistes" and r["speaker_type"] == "GROUP"


def test_a_group_drops_its_possessive(pipeline):
    r = about(pipeline, "Le maire a défendu son projet, mais ses opposants affirment que la dette va exploser.", "dette")
    assert r["speaker"] == "opposants"


def test_a_counted_group_keeps_its_article(pipeline):
    r = about(pipeline, "Les trois syndicats ont annoncé que la grève continuerait lundi.", "grève")
    assert r["speaker"] == "Les trois syndicats"


def test_coordinated_titles_in_an_apposition_are_the_named_person(pipeline):
    text = ("Claire Dumas, sociologue et autrice d'un livre sur la question, estime que "
            "les réseaux sociaux amplifient les rumeurs.")
    r = about(pipeline, text, "réseaux")
    assert r["speaker"] == "Claire Dumas" and r["speaker_type"] == "PER"


def test_coordinated_people_stay_a_group(pipeline):
    r = about(pipeline, "Paul Martin et Julie Roche ont affirmé que le projet serait abandonné.", "projet")
    assert r["speaker"] == "Paul Martin et Julie Roche"


def test_ce_dernier_is_the_person_named_last(pipeline):
    text = ("Le juge a entendu Marc Lebrun, puis l'avocat Paul Girard. Ce dernier a affirmé que "
            "le dossier était vide.")
    r = about(pipeline, text, "dossier")
    assert r["speaker"] == "Paul Girard"


def test_cette_derniere_skips_a_man_named_later(pipeline):
    text = ("La juge Sophie Marchal a rencontré M. Luc Perrin mardi. Cette dernière a déclaré que "
            "l'accord serait signé en mai.")
    r = about(pipeline, text, "accord")
    assert r["speaker"] == "Sophie Marchal"


def test_an_organisation_noun_refers_back_to_the_one_named_before(pipeline):
    text = ("« Deux agents ont été blessés », a indiqué la préfecture du Rhône. "
            "Dans la soirée, la préfecture a précisé que les blessés étaient hors de danger. "
            "« Le défilé de Lyon reste autorisé », a ajouté la préfecture de Lyon.")
    r = about(pipeline, text, "blessés étaient")
    assert r["speaker"] == "préfecture du Rhône"


def test_l_homme_is_the_man_named_before(pipeline):
    text = ("Karim Benali a été relâché dimanche. « Je n'ai rien fait », répète l'homme devant les caméras.")
    r = about(pipeline, text, "rien fait")
    assert r["speaker"] == "Karim Benali"


def test_un_homme_stays_a_description(pipeline):
    text = ("Karim Benali a été relâché dimanche. « Je l'ai vu partir », raconte un homme devant les caméras.")
    r = about(pipeline, text, "partir")
    assert r["speaker"] != "Karim Benali"


def test_the_pronoun_after_a_euphonic_t_is_the_speaker(pipeline):
    text = ("Le maire Paul Girard a visité le chantier lundi. « Les travaux avancent bien. "
            "Nous serons prêts en juin », ajoute-t-il, confiant.")
    found = [r for r in records(pipeline, text) if "juin" in r["quote"] or "travaux" in r["quote"]]
    assert found and all(r["speaker"] == "Paul Girard" for r in found)
    assert all(r["speaker_mention"] == "il" for r in found)


def test_an_acronym_after_les_is_a_group(pipeline):
    r = about(pipeline, "Les ONG de défense de l'environnement ont affirmé que la loi marquait un recul.", "recul")
    assert r["speaker"] == "ONG de défense de l'environnement" and r["speaker_type"] == "GROUP"


def test_selon_qui_is_the_speaker_just_named(pipeline):
    text = ("« Les combats continuent », a déclaré un habitant du village, selon qui deux maisons ont brûlé dans la nuit.")
    r = about(pipeline, text, "maisons")
    assert r["speaker"] == "habitant du village"
