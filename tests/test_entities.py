"""Speakers as entities: the document's entity table, pronouns, ids and genders, cited outlets.

The sentences are written for these tests; each checks one construction of French news text.
"""

import pytest

from quotes.entities import EntityTable
from quotes.model import Document


def table(grammar, text):
    return EntityTable(text, grammar)


# ---------------------------------------------------------------------- the table, no parse


def test_apposition_name_first_gives_the_title_and_its_gender(grammar):
    t = table(grammar, "Anne Morel, la ministre des Finances, a présenté le budget mardi. Les députés ont voté.")
    holder = t.holder(["la", "ministre", "des", "Finances"], 200)
    assert holder is not None and holder.name == "Anne Morel"
    assert holder.gender == "f"


def test_apposition_title_first(grammar):
    t = table(grammar, "La ministre de la Culture Claire Dubois a inauguré le musée. Elle a salué les artistes.")
    assert t.holder(["la", "ministre", "de", "la", "Culture"], 100).name == "Claire Dubois"


def test_the_whole_title_phrase_must_match(grammar):
    t = table(grammar, "Le ministre de l'Agriculture, Louis Perrin, visitait la ferme. Le ministre de la Santé a démissionné.")
    assert t.holder(["le", "ministre", "de", "l'", "Agriculture"], 150).name == "Louis Perrin"
    assert t.holder(["le", "ministre", "de", "la", "Santé"], 150) is None


def test_a_surname_is_not_a_title(grammar):
    t = table(grammar, "Bruno Le Maire est arrivé à Nantes. Le maire de Nantes a refusé de le recevoir.")
    assert t.holder(["le", "maire"], 80) is None
    assert t.person("Le Maire").name == "Bruno Le Maire"


@pytest.mark.parametrize("text", [
    "L'Union des producteurs de lait (UPL) a manifesté lundi. Selon l'UPL, les prix baissent.",
    "L'UPL (Union des producteurs de lait) a manifesté lundi. Selon l'UPL, les prix baissent.",
])
def test_an_acronym_goes_to_its_expansion_in_either_order(grammar, text):
    entity = table(grammar, text).find("UPL")
    assert entity.name == "Union des producteurs de lait" and entity.type == "ORG" and entity.acronym == "UPL"
    assert sum(m.kind == "acronym" for m in entity.mentions) == 2


def test_name_forms_and_spelling_variants_are_one_person(grammar):
    t = table(grammar, "Andreï Belousov a reçu la délégation. Plus tard, M. Beloussov a quitté la salle. Belousov est revenu.")
    people = [e for e in t.entities if e.type == "PER"]
    assert [e.name for e in people] == ["Andreï Belousov"]
    assert people[0].gender == "m" and len(people[0].mentions) == 3


def test_gender_from_a_participle_after_the_name(grammar):
    t = table(grammar, "Claire Fontaine s'est dite inquiète de la situation des hôpitaux.")
    assert t.person("Claire Fontaine").gender == "f"


def test_an_epicene_title_with_le_says_nothing_of_gender(grammar):
    t = table(grammar, "Le ministre de la Justice, Camille Roux, a répondu aux questions.")
    assert t.person("Camille Roux").gender is None


def test_a_title_of_address_is_no_part_of_the_name_and_says_no_gender(grammar):
    t = table(grammar, "Après l'audience, Me Camille Roux a annoncé un appel. Le Dr Dominique Petit a témoigné ensuite.")
    people = {e.name: e for e in t.entities if e.type == "PER"}
    assert set(people) == {"Camille Roux", "Dominique Petit"}
    assert people["Camille Roux"].gender is None and people["Dominique Petit"].gender is None


def test_a_word_opening_a_sentence_is_no_name(grammar):
    t = table(grammar, "Actuellement, les négociations piétinent. Pourtant, Marc Vidal reste confiant.")
    assert [e.name for e in t.entities if e.type == "PER"] == ["Marc Vidal"]


def test_records_give_offsets_in_the_text(grammar):
    text = "Mme Sophie Arnaud, directrice de l'école, a répondu."
    [record] = [r for r in table(grammar, text).records("d1") if r["type"] == "PER"]
    assert record["id"].startswith("e") and record["gender"] == "f"
    assert all(text[m["start"]:m["end"]] == m["text"] for m in record["mentions"])


# ---------------------------------------------------------------------- through the pipeline


def records(pipeline, text):
    return [q.to_record() for q in pipeline.process(Document("t", text))]


def one(pipeline, text):
    found = records(pipeline, text)
    assert found, text
    return found[0]


# (construction, text, a word of the quotation or None for the first record, the speaker, its type or None)
SPEAKERS = [
    ("an apposition's head is the speaker",
     "Paul Girard, professeur à l'université de Lyon, estime que la réforme arrive trop tard.", None, "Paul Girard", "PER"),
    ("a party acronym is not the person",
     "Au cours du débat, Claude Besson, le député PRV du Jura, était du même avis. "
     "Le député PRV du Jura a déclaré que la taxe devait disparaître dès l'an prochain.", "taxe", "Claude Besson", None),
    ("a description after a name is that person",
     "Hugo (son prénom a été changé), un ancien bénévole de l'association, a raconté que "
     "les policiers étaient arrivés vers minuit.", None, "Hugo", None),
    ("a dateline names no speaker",
     "LYON (AFP) - Le maire de la ville, Paul Roche, a annoncé que le tramway serait gratuit dès janvier.", None,
     "Paul Roche", None),
    ("an organisation noun finds the one named with it",
     "La Fédération gabonaise de rugby (FGR) a suspendu le championnat. La fédération du pays a précisé "
     "que les matches reprendraient en avril.", "avril", "Fédération gabonaise de rugby", None),
    ("an office of a person keeps the person whole",
     "« Nous patienterons jusqu'au verdict avant toute chose », a précisé le cabinet de Julie Marchand.", None,
     "cabinet de Julie Marchand", "ORG"),
    ("a title with no holder stays a description",
     "Marc Vidal a présenté le projet lundi. Marc Vidal a répondu aux élus. "
     "Le porte-parole de la mairie a déclaré que le chantier commencerait en juin.", "chantier", "porte-parole de la mairie", None),
]


@pytest.mark.parametrize(("text", "word", "speaker", "kind"), [c[1:] for c in SPEAKERS], ids=[c[0] for c in SPEAKERS])
def test_speaker_entity(pipeline, text, word, speaker, kind):
    r = one(pipeline, text) if word is None else [x for x in records(pipeline, text) if word in x["quote"]][0]
    assert r["speaker"] == speaker
    if kind is not None:
        assert r["speaker_type"] == kind


def test_elle_can_be_an_organisation(pipeline):
    text = ("L'association Vélo pour tous dénonce le projet de rocade. "
            "« Les cyclistes seront les premières victimes de ce chantier », précise-t-elle.")
    r = [x for x in records(pipeline, text) if "cyclistes" in x["quote"]][0]
    assert r["speaker_type"] == "ORG" and "Vélo" in r["speaker"]


def test_ils_is_a_group(pipeline):
    text = ("Les syndicats ont quitté la table des négociations jeudi. "
            "« Nous ne reviendrons pas sans garanties écrites sur les salaires », ont-ils expliqué.")
    r = [x for x in records(pipeline, text) if "garanties" in x["quote"]][0]
    assert r["speaker_type"] == "GROUP" and "syndicats" in r["speaker"].lower()


def test_one_id_and_a_gender_for_every_quote_of_a_person(pipeline):
    text = ("Mme Hélène Garnier a présenté son plan mardi. « Nous allons rouvrir les trois lignes fermées l'an dernier », "
            "a-t-elle affirmé. « Les travaux commenceront dès le mois de septembre prochain », a ajouté Hélène Garnier.")
    found = [r for r in records(pipeline, text) if r["speaker"] == "Hélène Garnier"]
    assert len(found) == 2
    assert found[0]["speaker_id"] == found[1]["speaker_id"] is not None
    assert {r["speaker_gender"] for r in found} == {"f"}


@pytest.mark.parametrize("text, outlet", [
    ("« Nous ne céderons sur rien dans cette négociation », a déclaré à l'AFP Jeanne Martin.", "AFP"),
    ("« La production reprendra dès la semaine prochaine dans nos usines », a-t-il dit à Reuters.", "Reuters"),
    ("Le député Luc Fabre a estimé sur RTL que le texte serait adopté avant l'été.", "RTL"),
    ("La maire Sylvie Morin a affirmé au micro de France Info que la piscine rouvrirait en mai.", "France Info"),
    ("Dans un entretien au Parisien, le préfet Henri Duval a assuré que les contrôles seraient renforcés.", "Le Parisien"),
    ("Interrogé par Le Figaro, l'avocat Marc Lenoir a affirmé que son client était innocent.", "Le Figaro"),
    # a listed title with lower-case words, its article as written or restored from "au"
    ("Une infirmière a raconté à la Voix du Nord qu'elle avait attendu des renforts.", "La Voix du Nord"),
    ("L'adjoint Paul Roche a indiqué au Dauphiné libéré que la route serait refaite en mai.", "Le Dauphiné libéré"),
    # "selon X, interrogé par Y": the agent of the participle describing the source
    ("Selon le maire, interrogé par Le Progrès, le pont restera fermé jusqu'en juin.", "Le Progrès"),
    # a news site is not the paper whose name it starts with
    ("Le préfet Henri Duval a confirmé au Monde.fr que les contrôles seraient renforcés.", "Monde.fr"),
])
def test_the_outlet_spoken_to_is_the_cited_source(pipeline, text, outlet):
    r = one(pipeline, text)
    assert r["cited_source"] == outlet
    assert r["speaker"] != outlet


def test_a_participle_phrase_after_the_source_is_not_what_it_says(pipeline):
    r = one(pipeline, "Selon le maire, interrogé par Le Progrès, le pont restera fermé jusqu'en juin.")
    assert r["quote"] == "le pont restera fermé jusqu'en juin"
    r = one(pipeline, "Selon le maire, fermé depuis lundi, le pont ne rouvrira pas avant l'été.")
    assert r["quote"] == "fermé depuis lundi, le pont ne rouvrira pas avant l'été"


def test_the_speaker_is_past_the_outlet(pipeline):
    r = one(pipeline, "« Aucun bateau ne quittera le port avant lundi », a dit à Reuters le secrétaire général du syndicat "
                      "des dockers, Paul Brun.")
    assert (r["speaker"], r["cited_source"]) == ("Paul Brun", "Reuters")
    r = one(pipeline, "« Les combats ont repris à l'aube dans les collines », a indiqué à l'AFP un habitant du village.")
    assert (r["speaker"], r["speaker_type"], r["cited_source"]) == ("habitant du village", "PER", "AFP")


def test_an_inserted_relay_clause_names_the_outlet(pipeline):
    text = "Dans une lettre au conseil, rapporte Le Monde, la directrice écrivait ainsi : « Je ne signerai pas ce budget. »"
    r = [x for x in records(pipeline, text) if "signerai" in x["quote"]][0]
    assert r["cited_source"] == "Le Monde"


def test_a_communique_is_no_cited_source(pipeline):
    r = one(pipeline, "Dans un communiqué, la société Lumens a annoncé que l'usine fermerait en décembre.")
    assert r["cited_source"] is None


def test_extract_with_entities_gives_the_table(monkeypatch, pipeline):
    import quotes

    monkeypatch.setattr(quotes, "_pipeline", lambda *args: pipeline)
    text = "« Le budget sera tenu jusqu'à la fin de l'année », a déclaré Mme Anne Morel, ministre des Finances."
    found, entities = quotes.extract_with_entities(text, id="d1")
    ids = {e["id"]: e for e in entities}
    assert found[0].speaker.id in ids and ids[found[0].speaker.id]["name"] == "Anne Morel"
    assert all(text[m["start"]:m["end"]] == m["text"] for e in entities for m in e["mentions"])


def test_cli_writes_the_entity_tables(tmp_path):
    from quotes.cli import main

    doc = tmp_path / "a.txt"
    doc.write_text("La Fédération des cyclistes urbains (FCU) proteste. Selon la FCU, « rien ne va plus dans cette ville ».\n",
                   encoding="utf-8")
    out, ents = tmp_path / "out.jsonl", tmp_path / "ents.jsonl"
    assert main(["extract", str(doc), "-o", str(out), "--entities", str(ents), "--parser", "none", "-q"]) == 0
    import json

    rows = [json.loads(line) for line in ents.read_text(encoding="utf-8").splitlines()]
    [fcu] = [r for r in rows if r["acronym"] == "FCU"]
    assert fcu["doc"] == "a.txt" and fcu["name"] == "Fédération des cyclistes urbains" and fcu["type"] == "ORG"
    assert {"doc", "id", "name", "type", "gender", "mentions"} <= set(fcu)


def test_an_outlet_named_with_its_article_is_an_organisation(grammar):
    t = table(grammar, "Le député Paul Girard a reconnu dans Le Parisien une erreur. Selon lui, l'enquête "
                       "du Monde est injuste, a-t-il dit au Parisien.")
    kinds = {e.name: e.type for e in t.entities}
    assert kinds["Parisien"] == "ORG" and kinds["Monde"] == "ORG" and kinds["Paul Girard"] == "PER"


def test_a_noun_of_fixed_gender_says_nothing_of_the_speakers():
    import quotes

    text = ("« Le suspect a avoué », a confié une source policière. « Il a tiré deux fois », a raconté un témoin. "
            "« Nous avons eu peur », a dit la ministre Anne Morel.")
    genders = {r["speaker"]: r["speaker_gender"] for r in (q.to_record() for q in quotes.extract(text))}
    assert genders == {"source policière": None, "témoin": None, "Anne Morel": "f"}


def test_a_person_described_by_a_feminine_noun_is_a_woman():
    import quotes

    text = ("« Il a tiré deux fois », a raconté une habitante du quartier. « Le patient est sorti », a dit une "
            "infirmière. « Tout a brûlé », a raconté un voisin.")
    found = {r["speaker"]: (r["speaker_type"], r["speaker_gender"]) for r in (q.to_record() for q in quotes.extract(text))}
    assert found == {"habitante du quartier": ("PER", "f"), "infirmière": ("PER", "f"), "voisin": ("PER", "m")}


@pytest.mark.parametrize("text, speaker", [
    ("L'institut Pasteur a annoncé mardi que le vaccin était prêt.", "institut Pasteur"),
    ("La fondation Abbé Pierre a estimé que le logement restait la priorité.", "fondation Abbé Pierre"),
    ("La société Renault a annoncé que l'usine de Flins fermerait.", "Renault"),
    ("Le groupe Total a confirmé que la raffinerie serait vendue.", "Total"),
])
def test_an_institution_noun_is_part_of_its_name_a_classifier_is_not(pipeline, text, speaker):
    assert one(pipeline, text)["speaker"] == speaker


def test_an_outlet_spoken_to_is_cut_from_the_name_after_it(grammar):
    t = table(grammar, "Le projet avance, a confié au Figaro Hélène Vidal. Elle a rencontré Le Monde Diplomatique.")
    names = {e.name: e.type for e in t.entities}
    assert names.get("Hélène Vidal") == "PER"
    assert names.get("Figaro") == "ORG" or names.get("Le Figaro") == "ORG"
    assert not any("Figaro Hélène" in n for n in names)
    assert "Diplomatique" not in names   # one word after an outlet: no first name and surname


def test_a_name_after_a_street_noun_is_no_person(grammar):
    t = table(grammar, "Un incendie a éclaté rue Gambetta, près du lycée Voltaire. Paul Roy habite avenue Jean-Jaurès.")
    names = {e.name: e.type for e in t.entities}
    assert names == {"Paul Roy": "PER"}


def test_a_particle_joins_a_name_after_a_given_name_only(grammar):
    t = table(grammar, "Selon Valéry Giscard d'Estaing, la Banque de France et le Château de Lány se trompent.")
    names = {e.name for e in t.entities}
    assert "Valéry Giscard d'Estaing" in names
    assert not any(n.startswith(("Banque de", "Château de")) and t.find(n).type == "PER" for n in names)
    assert "Château de Lány" not in names


def test_a_nationality_after_a_contracted_article_is_no_part_of_the_name(grammar):
    t = table(grammar, "La victoire du Norvégien Lars Eriksen face au Nigérian Chidi Okafor a surpris. "
                       "Le maire s'est confié au Parisien Jean Dupont.")
    names = {e.name: e.type for e in t.entities}
    assert names.get("Lars Eriksen") == "PER" and names.get("Chidi Okafor") == "PER"
    assert not any(n.startswith(("Norvégien", "Nigérian")) for n in names)
    assert names.get("Parisien") == "ORG" and names.get("Jean Dupont") == "PER"   # "au Parisien": the newspaper


def test_a_name_after_a_place_noun_is_the_place_not_the_title_holder(grammar):
    t = table(grammar, "Le président du conseil départemental du canton Vaud, Paul Rochat, a reçu le maire "
                       "de la commune Saint-Ours, Anne Brun.")
    names = {e.name: e.type for e in t.entities}
    assert names.get("Vaud") == "GPE" and names.get("Saint-Ours") == "GPE"
    assert names.get("Paul Rochat") == "PER" and names.get("Anne Brun") == "PER"
    assert any(e.name == "Paul Rochat" and t.titles_of(e) for e in t.entities)


@pytest.mark.parametrize("text, name", [
    ("Le navigateur Yann Kerbiriou a abandonné samedi la Route des Phares après une avarie.", "Route"),
    ("La championne Léa Marchal a remporté la Coupe Dorval pour la troisième fois.", "Coupe Dorval"),
])
def test_a_name_after_a_lower_case_article_is_no_person(grammar, text, name):
    # persons take no article in French: a race, a cup, a country ("la Corée") is none
    table = EntityTable(text, grammar)
    entity = table.find(name)
    assert entity is not None and entity.type != "PER"
    assert [e.name for e in table.entities if e.type == "PER"] == [text.split(" a ")[0].split(" ", 2)[2]]


def test_an_unknown_name_in_a_list_of_places_is_a_place():
    from quotes.entities import EntityTable
    from quotes.grammar import load

    g = load("fr")
    table = EntityTable("Les bus desservent Dakar, Thiès et Ziguinchor. Paul Martin et Claire Roy les attendent.", g)
    kinds = {e.name: e.type for e in table.entities}
    assert kinds["Dakar"] == kinds["Thiès"] == kinds["Ziguinchor"] == "GPE"
    assert kinds["Paul Martin"] == kinds["Claire Roy"] == "PER"
    # a list with no known place says nothing of its members
    table = EntityTable("Kaolack, Tambacounda et Ziguinchor ont signé.", g)
    assert {e.name: e.type for e in table.entities}["Ziguinchor"] == "PER"


def test_an_acronym_with_one_word_after_it_names_one_organisation():
    from quotes.entities import EntityTable
    from quotes.grammar import load

    g = load("fr")
    kinds = {e.name: e.type for e in EntityTable("Les travaux dureront deux mois, selon SNCF Réseau et EDF Renouvelables.", g).entities}
    assert kinds == {"SNCF Réseau": "ORG", "EDF Renouvelables": "ORG"}
    # a person named after an outlet or a party is none of it
    kinds = {e.name: e.type for e in EntityTable("« Rien n'est joué », a déclaré à l'AFP Jeanne Martin.", g).entities}
    assert kinds == {"AFP": "ORG", "Jeanne Martin": "PER"}


@pytest.mark.parametrize("text, body", [
    ("Le gardien part vers le club turc de Kocaeli Birlikspor pour deux saisons.", "Kocaeli Birlikspor"),
    ("Elle a rejoint l'équipe cycliste de Team Visma l'an dernier.", "Team Visma"),
])
def test_a_run_after_a_body_noun_and_de_is_the_body(grammar, text, body):
    t = table(grammar, text)
    assert [(e.name, e.type) for e in t.entities if e.type == "PER"] == []
    assert any(e.name == body and e.type == "ORG" for e in t.entities)


@pytest.mark.parametrize("text", [
    "Les fidèles du diocèse d'Autun et Chalon prieront dimanche.",
    "La cour d'appel de Douai et Arras siégera lundi.",
])
def test_a_word_joined_to_a_complement_by_et_is_no_person(grammar, text):
    assert [e.name for e in table(grammar, text).entities if e.type == "PER"] == []


@pytest.mark.parametrize("text, body", [
    ("L'association Terres et Rivières du Limousin a déposé un recours.", "Terres et Rivières du Limousin"),
    ("La compagnie maritime Îles et Courants suspend ses liaisons.", "Îles et Courants"),
])
def test_a_body_name_joined_by_et_is_one_organisation(grammar, text, body):
    t = table(grammar, text)
    assert [(e.name, e.type) for e in t.entities] == [(body, "ORG")]


@pytest.mark.parametrize("text, body", [
    ("La Fédération française de voile a suspendu un skipper.", "Fédération française de voile"),
    ("Un rapport de l'Office national des forêts, publié mardi, alerte sur les sapins.", "Office national des forêts"),
    ("Le Conseil supérieur de l'audiovisuel a tranché.", "Conseil supérieur de l'audiovisuel"),
    ("La Ligue régionale de rugby de Bretagne a communiqué lundi.", "Ligue régionale de rugby de Bretagne"),
])
def test_an_institution_name_goes_on_in_lower_case(grammar, text, body):
    assert [(e.name, e.type) for e in table(grammar, text).entities if e.type != "GPE"] == [(body, "ORG")]


@pytest.mark.parametrize("text", [
    "Les élus demandent à la Commission de revoir sa copie.",          # an infinitive after "de"
    "Le dossier a été transmis au Conseil régional de nouveau.",      # an adverb
    "La Commission nationale du débat public et de la concertation a rendu son avis.",  # "et" may go on with it
])
def test_an_institution_name_is_not_cut_where_its_end_is_unclear(grammar, text):
    assert [e.name for e in table(grammar, text).entities] == []


@pytest.mark.parametrize("text, body", [
    ("La CGT des dockers du Havre a déposé un préavis. La CGT a prévenu.", "CGT des dockers du Havre"),
    ("Le PS de Rennes conteste le projet. Le PS dénonce un gâchis.", "PS de Rennes"),
])
def test_a_local_branch_is_what_its_bare_acronym_names(grammar, text, body):
    t = table(grammar, text)
    assert t.find(body.split()[0]).name == body


@pytest.mark.parametrize("text, acronym", [
    ("La CFDT a signé. Le secrétaire CFDT du site de Lorient a assuré le contraire.", "CFDT"),
    ("Le RN de Jordan Bardella dénonce une trahison.", "RN"),
    ("Le PDG de Renault a démissionné.", "PDG"),
])
def test_no_branch_after_the_bare_acronym_a_leader_or_a_title(grammar, text, acronym):
    t = table(grammar, text)
    assert t.find(acronym) is None or t.find(acronym).name == acronym


@pytest.mark.parametrize("text, place", [
    ("Un céréalier de Janville-en-Beauce a témoigné.", "Janville-en-Beauce"),
    ("Le ferry pour Boulogne-sur-Mer est parti.", "Boulogne-sur-Mer"),
    ("Les dockers ont voté lundi et Saint-Nazaire attend le résultat.", "Saint-Nazaire"),
    ("Les pluies ont frappé Lannion. Un habitant à Lannion a témoigné.", "Lannion"),
    ("L'étape relie Mâcon et Dijon, entre Mâcon et Dijon.", "Dijon"),
])
def test_a_town_by_its_form_or_its_preposition_is_a_place(grammar, text, place):
    kinds = {e.name: e.type for e in table(grammar, text).entities}
    assert kinds.get(place) == "GPE"


@pytest.mark.parametrize("text, person", [
    ("Le prix a été remis à Léa Moreau.", "Léa Moreau"),                       # a given name after "à"
    ("M. Dupont a démissionné. Le maire a écrit à Dupont.", "Dupont"),          # the text gives him as a person
    ("Le livre d'Antoine de Saint-Exupéry est réédité.", "Antoine de Saint-Exupéry"),
])
def test_a_person_after_a_or_with_a_saint_name_stays_a_person(grammar, text, person):
    kinds = {e.name: e.type for e in table(grammar, text).entities}
    assert kinds.get(person) == "PER"


def test_a_word_of_a_longer_name_after_a_is_no_town(grammar):
    kinds = {e.name: e.type for e in table(grammar, "Kim Jong-un a reçu le ministre. Le ministre a offert un cadeau à Kim.").entities}
    assert kinds.get("Kim Jong-un") == "PER"
