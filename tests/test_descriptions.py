"""Nominal coreference read off the text, no parse: fuller descriptions, title holders
given before a bare title, peoples named in the plural, outlets opening a sentence, impersonal
"on" at an institution.  The sentences are written for these tests."""

from quotes.authors import _ON_AFTER, _ON_BEFORE
from quotes.entities import EntityTable


def table(grammar, text):
    return EntityTable(text, grammar)


def test_a_bare_noun_takes_the_fuller_description_given_before(grammar):
    text = "La préfecture du Rhône a publié un arrêté. Plus tard, la préfecture a précisé ses horaires."
    t = table(grammar, text)
    assert t.fuller("préfecture", text.rindex("la préfecture")) == "préfecture du Rhône"


def test_no_fuller_description_after_the_mention(grammar):
    text = "La mairie a répondu jeudi. La mairie de Brest avait été saisie."
    t = table(grammar, text)
    assert t.fuller("mairie", text.index("La mairie a")) is None


def test_a_bare_title_only_refers_to_a_holder_given_before(grammar):
    text = "Paul Girard a présenté le budget. Le ministre a ajouté un mot. Le ministre des Armées Luc Besson est arrivé."
    t = table(grammar, text)
    at = text.index("Le ministre a")
    assert t.holder(["le", "ministre"], at) is None
    assert t.holder(["le", "ministre"], len(text)).name == "Luc Besson"


def test_shorter_titles_are_narrower_holders(grammar):
    t = table(grammar, "Le président Marc Durand a ouvert la séance. La présidente Léa Roy a voté.")
    assert [h.entity.name for h in t.narrower(["le", "président", "socialiste", "de", "la", "région"])] == ["Marc Durand"]
    assert t.narrower(["le", "président"]) == []


def test_a_capitalised_plural_after_les_is_a_people_not_a_person(grammar):
    t = table(grammar, "Le gouvernement a demandé aux Lyonnais de rester chez eux. Les Lyonnais ont obéi.")
    assert t.find("Lyonnais").type == "GROUP"


def test_an_outlet_opening_a_sentence_is_an_entity(grammar):
    t = table(grammar, "Le traité a été signé lundi. Reuters. Les détails restent secrets.")
    assert t.find("Reuters") is not None and t.find("Reuters").type == "ORG"


def test_impersonal_on_after_its_cue_names_the_institution():
    text = "« Le budget sera tenu », assure-t-on au ministère de la Culture."
    m = _ON_AFTER.match(text, text.index("on au") + 2)
    assert m is not None and m.group("a") == "ministère de la Culture"


def test_impersonal_on_after_a_fronted_institution():
    text = "Rien ne bouge.\nÀ la mairie comme à la préfecture, on affirme que tout va bien."
    m = _ON_BEFORE.search(text, 0, text.index("on affirme"))
    assert m is not None and (m.group("a"), m.group("b")) == ("mairie", "préfecture")
