"""Speaker names: the form a speaker's name takes in the record (groups, appositions, anaphors).

The sentences are written for these tests; each checks one construction of French news text.
"""

import pytest

from quotes.model import Document


def records(pipeline, text):
    return [q.to_record() for q in pipeline.process(Document("t", text))]


def about(pipeline, text, word):
    found = [r for r in records(pipeline, text) if word in r["quote"]]
    assert found, text
    return found[0]


# (construction, text, a word of the quotation, the speaker, its type or None)
NAMES = [
    ("a collective noun of people in the singular is a group, without its determiner",
     "Son entourage évoque « une réflexion en cours » sur sa candidature.", "réflexion", "entourage", "GROUP"),
    ("a family speaks as a group",
     "Sa famille a indiqué que les obsèques auraient lieu dans l'intimité.", "obsèques", "famille", "GROUP"),
    ("a presidency by the name of its seat is an organisation, as the Élysée",
     "Le Kremlin a démenti toute implication dans l'attaque informatique.", "implication", "Kremlin", "ORG"),
    ("a body named by a capitalised organisation noun and its words is an organisation, whole",
     "Le Centre hospitalier régional de Besançon a annoncé la réouverture de son service de pédiatrie.",
     "pédiatrie", "Centre hospitalier régional de Besançon", "ORG"),
    ("a common noun capitalised after its article names a body, an organisation, with its words",
     "La Maison des commerçants du Vieux-Port a confirmé la baisse des loyers.",
     "loyers", "Maison des commerçants du Vieux-Port", "ORG"),
    ("a team's name set after its noun is an organisation's",
     "Le coureur souffre d'une fracture, a indiqué son équipe, Cofidis.", "fracture", "Cofidis", "ORG"),
    ("a title capitalised after its article is still a person's",
     "Le Président a estimé que la réforme serait votée avant l'été.", "réforme", "Président", "PER"),
    ("a place of worship speaks as an organisation",
     "La Grande Mosquée de Marseille a annoncé que la prière serait retransmise en ligne.",
     "prière", "Grande Mosquée de Marseille", "ORG"),
    ("a bare role noun with no holder named is the person last named, as a pronoun",
     "Le dernier album du chanteur Youssou Diagne sort vendredi. « J'ai voulu revenir aux sources », explique l'artiste.",
     "sources", "Youssou Diagne", "PER"),
    ("a person's noun alone is a person",
     "L'accusé a nié toute participation au cambriolage.", "cambriolage", "accusé", "PER"),
    ("'le second' is the second of the two people named last",
     "Le juge Henri Maillard a entendu l'avocate Claire Fontan. Le premier a rappelé les faits. La seconde a soutenu que son client était innocent.",
     "innocent", "Claire Fontan", "PER"),
    ("'l'intéressée' is the woman named last",
     "Nathalie Berthet, 38 ans, a été relaxée jeudi. L'intéressée a assuré qu'elle ferait valoir ses droits.",
     "droits", "Nathalie Berthet", "PER"),
    ("a bare role noun is the person it was set after by a comma",
     "Ibrahim Sow, 52 ans, pêcheur à Joal, a vu la pirogue chavirer. « La mer était trop forte », a raconté le pêcheur.",
     "mer", "Ibrahim Sow", "PER"),
    ("a bare nationality noun is the person last named of its gender",
     "La skieuse Anna Kowalska a remporté le slalom. La Polonaise a expliqué qu'elle avait tout misé sur la deuxième manche.",
     "manche", "Anna Kowalska", "PER"),
    ("a nationality before a given name and a surname is no part of the name",
     "La Suissesse Laura Bétrisey a reconnu qu'elle avait manqué son départ.", "départ", "Laura Bétrisey", "PER"),
    ("a union of states named by words is an organisation, whole",
     "L'Union africaine a affirmé que le cessez-le-feu était respecté.", "cessez-le-feu", "Union africaine", "ORG"),
    ("an unnamed speaker's description without its apposition",
     "« Les horaires seront adaptés », précise un responsable de la régie des transports, ancien conducteur de bus.",
     "horaires", "responsable de la régie des transports", "PER"),
    ("a group's description without the place set off after it",
     "Les infirmières du service des urgences, à Vannes, réclament des renforts pour l'été.",
     "renforts", "infirmières du service des urgences", "GROUP"),
    ("a firm's noun with no name after it is the organisation last named",
     "Airparif a relevé mardi des taux élevés de particules fines. L'organisme a recommandé que les enfants évitent les efforts.",
     "enfants", "Airparif", "ORG"),
    ("a bare definite role noun is the person the text named right after it",
     "La cycliste Léa Marchand a remporté l'étape. « Je n'y croyais plus », a avoué la cycliste à l'arrivée.",
     "croyais", "Léa Marchand", "PER"),
    ("a bare definite organisation noun is the organisation named right after it",
     "La coopérative Agrilor a tenu son assemblée. La coopérative a annoncé que les prix seraient revus.",
     "prix", "Agrilor", "ORG"),
    ("a definite age noun refers back to the person last named",
     "Le randonneur Julien Faure, 47 ans, a été retrouvé vivant dimanche. Le quadragénaire a expliqué qu'il s'était perdu dans le brouillard.",
     "brouillard", "Julien Faure", "PER"),
    ("an age noun before a name is that name",
     "Le sexagénaire Pierre Dumas a affirmé que la digue avait cédé.", "digue", "Pierre Dumas", "PER"),
    ("the speaker after the people spoken to, run into them by the parser",
     "« Les délais seront tenus », a affirmé à des journalistes le directeur du chantier, Olivier Brun.",
     "délais", "Olivier Brun", "PER"),
    ("a capitalised article inside a surname stays in a member's name",
     "Les deux navigateurs, Loïc Le Goff et Paul Marchand, ont affirmé que le bateau était intact.",
     "bateau", "Loïc Le Goff et Paul Marchand", "GROUP"),
    ("a surname the tokenizer cut after its apostrophe stays whole in a group",
     "Les deux pêcheurs, Erwan Le Cléac'h et Marc Dubois, ont assuré que la saison serait bonne.", "saison",
     "Erwan Le Cléac'h et Marc Dubois", "GROUP"),
    ("a listed sports daily keeps its elided article",
     "Le club lyonnais aurait trouvé un accord avec son gardien, selon L'Équipe.", "gardien", "L'Équipe", "ORG"),
    ("a farmers' union named by words is an organisation",
     "La Confédération paysanne réclame un moratoire sur les nouvelles retenues d'eau.", "moratoire", "Confédération paysanne", "ORG"),
    ("a title's name set off by a comma, not the name in its complement",
     "La directrice financière du groupe Valmont Industries, Hélène Brossard, a indiqué que les comptes seraient publiés en mars.",
     "comptes", "Hélène Brossard", "PER"),
    ("a title's name set off by a comma after an honorific",
     "L'avocat de la société Ferratec, Me Julien Aubry, soutient que son client n'a commis aucune faute.",
     "faute", "Julien Aubry", "PER"),
    ("a group drops its definite article",
     "« Nous ne partirons pas », ont crié les grévistes devant l'usine.", "partirons", "grévistes", "GROUP"),
    ("a group drops its possessive",
     "Le maire a défendu son projet, mais ses opposants affirment que la dette va exploser.", "dette", "opposants", None),
    ("a counted group keeps its article",
     "Les trois syndicats ont annoncé que la grève continuerait lundi.", "grève", "Les trois syndicats", None),
    ("coordinated titles in an apposition are the named person",
     "Claire Dumas, sociologue et autrice d'un livre sur la question, estime que "
     "les réseaux sociaux amplifient les rumeurs.", "réseaux", "Claire Dumas", "PER"),
    ("coordinated people stay a group",
     "Paul Martin et Julie Roche ont affirmé que le projet serait abandonné.", "projet", "Paul Martin et Julie Roche", "GROUP"),
    ("coordinated titled people are a group named by their names, and ils finds it",
     "Le sénateur Marc Duval et la députée Anne Férier ont visité l'usine lundi. Ils ont affirmé que "
     "le site serait sauvé.", "site", "Marc Duval et Anne Férier", "GROUP"),
    ("coordinated places speaking together are a group",
     "Rome et Madrid ont salué l'accord. Elles estiment que le texte protège les agriculteurs.", "texte",
     "Rome et Madrid", "GROUP"),
    ("a role noun not listed as a title still names a person, not the place after it",
     "La skieuse Manon Deschamps s'est blessée au genou samedi à Val-d'Isère. Elle espère pouvoir reprendre "
     "l'entraînement en janvier.", "entraînement", "Manon Deschamps", "PER"),
    ("elle after a coordination is its member of that gender",
     "Le chef d'orchestre Luc Arnal et la soprano Inès Marty présentaient mardi la saison de l'Opéra de Rouen. "
     "« Ce sera une année Mozart », a-t-elle annoncé.", "Mozart", "Inès Marty", "PER"),
    ("il after a coordination is its member of that gender",
     "Le chef d'orchestre Luc Arnal et la soprano Inès Marty présentaient mardi la saison de l'Opéra de Rouen. "
     "« Ce sera une année Mozart », a-t-il annoncé.", "Mozart", "Luc Arnal", "PER"),
    ("a public body written as a word after an article is an organisation, not a place",
     "Le chômage a augmenté de 3 %, selon l'Insee.", "chômage", "Insee", "ORG"),
    ("a listed body's name stops at its own end",
     "Selon une enquête de l'Inserm publiée mardi, les jeunes dorment moins.", "dorment", "Inserm", "ORG"),
    ("a club's acronym is part of its name",
     "L'AS Villefranche a reconnu mardi que le match était perdu.", "match", "AS Villefranche", "ORG"),
    ("a club's acronym after de runs on, and the apposed name speaks",
     "« Nous voulons gagner », a déclaré le président de l'US Orléans, Paul Roy.", "gagner", "Paul Roy", "PER"),
    ("a party's acronym after a title is not the name",
     "Le député LR Éric Ciotti a affirmé que la loi passerait.", "loi", "Éric Ciotti", "PER"),
    ("coordinated people with appositions are named by their names",
     "Le Premier ministre, Antoine Lefort, et son homologue belge, Pieter Janssens, se sont entretenus vendredi. "
     "Ils ont affirmé qu'une taxe commune était possible.", "taxe", "Antoine Lefort et Pieter Janssens", "GROUP"),
    ("a place's whole name in a coordination",
     "La France et la Corée du Sud ont affirmé que l'accord tiendrait.", "accord", "France et Corée du Sud", "GROUP"),
    ("a description apposed to coordinated names is not a member",
     "« L'accord sera signé avant l'été », ont annoncé Marie Vernet et Jacques Albo, les deux négociateurs.",
     "accord", "Marie Vernet et Jacques Albo", "GROUP"),
    ("people a passive is about are antecedents",
     "Les maires ont été reçus à l'Élysée. Ils ont réclamé des moyens supplémentaires.", "moyens", "maires", "GROUP"),
    ("a preposed description the parse made a second subject leaves the name",
     "Ancienne ministre et présidente de la région Centre, Odile Ferrand a jugé que le plan était insuffisant.",
     "plan", "Odile Ferrand", "PER"),
    ("a name in a member's apposition is not the member's",
     "Sabrina Haddou et Julie Marchand, cofondatrices de la start-up Greenbox, ont levé 3 millions d'euros. "
     "Elles assurent que l'entreprise sera rentable.", "rentable", "Sabrina Haddou et Julie Marchand", "GROUP"),
    ("a listed outlet keeps its written name, article and all",
     "Selon Le Canard enchaîné, le ministre aurait menti.", "menti", "Le Canard enchaîné", "ORG"),
    ("a listed outlet cut short by the parse",
     "« Le texte est mort », écrit Le Canard enchaîné.", "texte", "Le Canard enchaîné", "ORG"),
    ("a party named with its article is an organisation",
     "Les Républicains ont accusé le gouvernement de « brader » le pays.", "brader", "Les Républicains", "ORG"),
    ("a lower-case adjective the tagger called a name is no name",
     "« Nous restons vigilants », a déclaré le porte-parole de la présidence kényane, Otieno Wambugu.",
     "vigilants", "Otieno Wambugu", "PER"),
    ("a name after des is a complement, past an adjective too",
     "Le ministère turc des Affaires étrangères a jugé que la décision était inacceptable.",
     "décision", "ministère turc des Affaires étrangères", "ORG"),
    ("a day after a postposed speaker is no part of it",
     "« Tout est faux », a rectifié son cabinet vendredi.", "faux", "cabinet", None),
    ("the main clause's subject is more salient than a relative clause's after it",
     "Le maire de Millau, Théodore Vigneaux, a répondu mardi à son opposant, Ruben Sarrailh, qui l'accuse "
     "d'avoir « maquillé les comptes ». Selon lui, la dette est maîtrisée.", "dette", "Théodore Vigneaux", "PER"),
    ("les deux pays after two named states is that group",
     "Le Kenya et l'Éthiopie ont signé un accord mardi. Les deux pays ont affirmé que la frontière serait rouverte.",
     "frontière", "Kenya et Éthiopie", "GROUP"),
    ("les deux pays with no coordination before stays its description",
     "Les deux pays ont affirmé que la frontière serait rouverte.", "frontière", "Les deux pays", "GROUP"),
    ("an inhabitant's name refers back to the person last named",
     "Paul Roux a gagné le sprint. Le Lyonnais a affirmé qu'il visait le titre.", "titre", "Paul Roux", "PER"),
    ("a newspaper named like an inhabitant is the newspaper",
     "Paul Roux a gagné le sprint. Le Parisien a révélé que le coureur était blessé.", "blessé", "Le Parisien", "ORG"),
    ("a member without a name leaves the description",
     "Le maire et ses adjoints ont affirmé que le budget serait tenu.", "budget", "maire et ses adjoints", "GROUP"),
    ("an adjective with its article is one of a group, a person",
     "Selon un proche du président, le conseil se réunira avant Noël.", "conseil", "proche du président", "PER"),
    ("coordinated roles without their own article are one person",
     "Le vice-président et trésorier de l'association, Paul Mercier, a affirmé que les comptes étaient justes.",
     "comptes", "Paul Mercier", "PER"),
    ("ce dernier is the person named last",
     "Le juge a entendu Marc Lebrun, puis l'avocat Paul Girard. Ce dernier a affirmé que le dossier était vide.",
     "dossier", "Paul Girard", None),
    ("cette dernière skips a man named later",
     "La juge Sophie Marchal a rencontré M. Luc Perrin mardi. Cette dernière a déclaré que "
     "l'accord serait signé en mai.", "accord", "Sophie Marchal", None),
    ("an organisation noun refers back to the one named before",
     "« Deux agents ont été blessés », a indiqué la préfecture du Rhône. "
     "Dans la soirée, la préfecture a précisé que les blessés étaient hors de danger. "
     "« Le défilé de Lyon reste autorisé », a ajouté la préfecture de Lyon.", "blessés étaient", "préfecture du Rhône", None),
    ("l'homme is the man named before",
     "Karim Benali a été relâché dimanche. « Je n'ai rien fait », répète l'homme devant les caméras.",
     "rien fait", "Karim Benali", None),
    ("an acronym after les is a group",
     "Les ONG de défense de l'environnement ont affirmé que la loi marquait un recul.", "recul",
     "ONG de défense de l'environnement", "GROUP"),
    ("selon qui is the speaker just named",
     "« Les combats continuent », a déclaré un habitant du village, selon qui deux maisons ont brûlé dans la nuit.",
     "maisons", "habitant du village", None),
    ("a relative's antecedent after et is that conjunct alone",
     "Le directeur a remercié les bénévoles, et le maire, qui juge leur travail « remarquable », les a reçus.",
     "remarquable", "maire", None),
    ("a bare title is not an unnamed holder of another title",
     "Le directeur a remercié les bénévoles. Le maire a affirmé que leur travail était remarquable.",
     "remarquable", "maire", None),
    ("de nombreux is an indefinite plural, a capitalised demonym a group",
     "De nombreux Sénégalais ont applaudi l'équipe. Ils ont affirmé que l'eau du puits était polluée.",
     "puits", "Sénégalais", "GROUP"),
    ("a title of address after its article is no body's name",
     "Le Dr Kossi Agbénou a averti que la saison des pluies serait difficile.", "saison",
     "Kossi Agbénou", "PER"),
    ("a capital speaks for its state",
     "Bujumbura a rejeté mardi les accusations de son voisin sur le contrôle de la frontière.", "accusations",
     "Bujumbura", "GPE"),
    ("a counted group is the group the text described fully before",
     "Les syndicats de cheminots ont déposé un préavis. Les deux syndicats exigent le retrait du plan de transport.",
     "retrait", "syndicats de cheminots", "GROUP"),
    ("a bare title still refers back to the person named with it",
     "Le directeur Paul Martin a remercié les bénévoles. Le directeur a affirmé que leur travail était remarquable.",
     "remarquable", "Paul Martin", None),
    ("a listed country is named whole, not by its first word",
     "La Côte d'Ivoire a annoncé la fermeture de sa frontière avec le Mali.", "frontière", "Côte d'Ivoire", "GPE"),
    ("a body named by a noun and its country is an organisation",
     "Selon Santé Canada, le sirop doit être retiré des rayons.", "sirop", "Santé Canada", "ORG"),
    ("a bank named by what it lends is an organisation",
     "Des militants ont manifesté devant la banque Crédit Vosgien à Épinal. La banque a annoncé son intention "
     "de porter plainte.", "plainte", "Crédit Vosgien", "ORG"),
]


@pytest.mark.parametrize(("text", "word", "speaker", "kind"), [case[1:] for case in NAMES], ids=[case[0] for case in NAMES])
def test_speaker_name(pipeline, text, word, speaker, kind):
    r = about(pipeline, text, word)
    assert r["speaker"] == speaker
    if kind is not None:
        assert r["speaker_type"] == kind


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


def test_an_inverted_pronoun_is_named_without_its_hyphens(pipeline):
    text = ("« On a tout perdu », explique Fatima Benali. « Il ne nous reste rien », poursuit-elle. "
            "« Rien », répète-t-elle.")
    found = [r for r in records(pipeline, text) if r["quote"] in ("Il ne nous reste rien", "Rien")]
    assert len(found) == 2 and all(r["speaker"] == "Fatima Benali" for r in found)
    assert [r["speaker_mention"] for r in found] == ["elle", "elle"]
