"""`quotes eval`: where recall goes, by construction.  The texts are written for
these tests; each record names its quote as it stands in its text."""

import json

import pytest

from quotes.constructions import classify, construction_of_rule
from quotes.evaluate import evaluate, report

NBSP = "\u00a0"


def kind(text, quote, type_="indirect", cue="déclarer"):
    start = text.index(quote)
    return classify({"quote": quote, "type": type_, "cue": cue}, text, start, start + len(quote))


@pytest.mark.parametrize("text, quote, type_, cue, expected", [
    # The cue names the construction.
    ("Selon le maire, la route rouvrira lundi.", "la route rouvrira lundi", "indirect", "selon", "preposition"),
    ("La route rouvrira lundi, d'après la mairie.", "La route rouvrira lundi", "indirect", "d'après", "preposition"),
    ("Le maire : « Nous rouvrirons lundi. »", "Nous rouvrirons lundi.", "direct", ":", "colon_intro"),
    # Direct quotations: what stands around the marks.
    ("« Nous rouvrirons lundi », a déclaré le maire.", "Nous rouvrirons lundi", "direct", "déclarer", "postposed_cue"),
    (f"«{NBSP}C'est fini{NBSP}!{NBSP}», lance-t-elle.", "C'est fini", "direct", "lancer", "postposed_cue"),
    ("\"Rien ne bouge\" a-t-il regretté.", "Rien ne bouge", "direct", "regretter", "postposed_cue"),
    ("« La digue tiendra, assure-t-il, mais pas longtemps. »", "mais pas longtemps.", "direct", "assurer",
     "postposed_cue"),
    ("Le maire a expliqué :\n« Nous rouvrirons lundi. »", "Nous rouvrirons lundi.", "direct", "expliquer",
     "colon_intro"),
    ("Il a assuré qu'« aucune maison n'est menacée ».", "aucune maison n'est menacée", "direct", "assurer",
     "que_clause"),
    ("Elle a dénoncé « une gestion opaque » du dossier.", "une gestion opaque", "direct", "dénoncer", "quoted_object"),
    ("« Il pleut », a dit le maire. « La digue tiendra. »", "La digue tiendra.", "direct", "dire", "floating"),
    ("« La digue tiendra. »\n— Jeanne Roux (@jroux)", "La digue tiendra.", "direct", "écrire", "dash_signature"),
    # Indirect content: what stands before and after it.
    ("Le maire a déclaré que la route rouvrira lundi.", "la route rouvrira lundi", "indirect", "déclarer",
     "que_clause"),
    ("Le maire a affirmé qu'aucune maison n'était menacée.", "aucune maison n'était menacée", "indirect", "affirmer",
     "que_clause"),
    ("Les pompiers demandent au maire si la digue tiendra.", "si la digue tiendra", "indirect", "demander",
     "que_clause"),
    ("Le maire a dit attendre le rapport des experts.", "attendre le rapport des experts", "indirect", "dire",
     "infinitive"),
    ("Le syndicat s'est engagé à reprendre le travail.", "reprendre le travail", "indirect", "s'engager",
     "infinitive"),
    ("L'opposition accuse le maire d'avoir caché le rapport.", "le maire d'avoir caché le rapport", "indirect",
     "accuser", "object_infinitive"),
    ("Le préfet a appelé les habitants à quitter le quartier.", "les habitants à quitter le quartier", "indirect",
     "appeler", "object_infinitive"),
    ("La mairie a annoncé la fermeture du musée.", "la fermeture du musée", "indirect", "annoncer",
     "noun_object"),
    ("Le parquet a annoncé la fermeture du site.", "la fermeture du site", "indirect", "annoncer", "noun_object"),
    ("La digue cédera avant l'hiver, a prévenu l'ingénieur.", "La digue cédera avant l'hiver", "indirect",
     "prévenir", "postposed_cue"),
    ("Si rien ne change, la digue cédera, souligne l'ingénieur.", "Si rien ne change, la digue cédera", "indirect",
     "souligner", "postposed_cue"),
    ("La digue relève du département, relève l'ingénieur.", "La digue relève du département", "indirect",
     "relever", "postposed_cue"),
])
def test_constructions_of_gold_records(text, quote, type_, cue, expected):
    assert kind(text, quote, type_, cue) == expected


def test_a_closed_quotation_after_a_cued_one_floats():
    # Only marks still open make the second part of one quotation; after closed
    # marks a new quotation with no cue of its own floats.
    text = "« La digue tiendra », assure-t-il. « Nous verrons. »"
    assert kind(text, "Nous verrons.", "direct", "assurer") == "floating"
    text = "« La digue tiendra, assure-t-il. Nous verrons. »"
    assert kind(text, "Nous verrons.", "direct", "assurer") == "postposed_cue"
    text = "« La digue de l’État tiendra, assure-t-il. Nous verrons. »"  # an apostrophe is no closing mark
    assert kind(text, "Nous verrons.", "direct", "assurer") == "postposed_cue"
    # Straight marks: one before a word opens, one after a word closes.
    text = 'Il pleut. "La digue tiendra", assure-t-il. "Nous verrons."'
    assert kind(text, "Nous verrons.", "direct", "assurer") == "floating"
    text = 'Il pleut. "La digue tiendra, assure-t-il. Nous verrons."'
    assert kind(text, "Nous verrons.", "direct", "assurer") == "postposed_cue"
    # After a comma the sentence goes on: the cue stands between the two parts.
    text = "« La digue tiendra », assure-t-il, « mais pas longtemps »."
    assert kind(text, "mais pas longtemps", "direct", "assurer") == "postposed_cue"


def test_rule_names_map_onto_constructions():
    assert construction_of_rule(None) == "unknown"
    assert construction_of_rule("") == "unknown"
    assert construction_of_rule("selon") == "preposition"
    assert construction_of_rule("quote_then_cue") == "postposed_cue"
    assert construction_of_rule("que_clause") == "que_clause"
    assert construction_of_rule("some_new_rule") == "some_new_rule"


DOC = ("Le maire a déclaré que la route rouvrira lundi. "
       "« Nous ferons vite », a-t-il ajouté. "
       "La mairie a annoncé la fermeture du musée. "
       "Selon la préfète, la digue tiendra.")
OTHER = "Le préfet a dit attendre le rapport."


def gold_record(doc, quote, type_, cue, speaker):
    return {"doc": doc, "quote": quote, "type": type_, "speaker": speaker, "cue": cue}


@pytest.fixture
def result():
    gold = [
        gold_record("a.txt", "la route rouvrira lundi", "indirect", "déclarer", "maire"),
        gold_record("a.txt", "Nous ferons vite", "direct", "ajouter", "maire"),
        gold_record("a.txt", "la fermeture du musée", "indirect", "annoncer", "mairie"),
        gold_record("a.txt", "la digue tiendra", "indirect", "selon", "préfète"),
        gold_record("b.txt", "attendre le rapport", "indirect", "dire", "préfet"),
    ]
    pred = [
        {**gold[0], "rule": "que_clause"},
        {**gold[1], "rule": "quote_then_cue"},
        {**gold[3], "rule": "selon"},
        # Spurious: a record no gold record overlaps, one with no rule (an older file).
        {"doc": "a.txt", "quote": "La mairie", "type": "indirect", "speaker": "x", "cue": "dire", "rule": "floating"},
        {"doc": "b.txt", "quote": "Le préfet", "type": "indirect", "speaker": "x", "cue": "dire"},
    ]
    return evaluate(gold, pred, {"a.txt": DOC, "b.txt": OTHER})


def test_by_construction_counts_gold_matches_misses_and_spurious(result):
    table = result["by_construction"]
    assert table["que_clause"] == {"gold": 1, "matched": 1, "missed": 0, "spurious": 0, "recall": 1.0,
                                   "rules": {"que_clause": 1}}
    assert table["postposed_cue"]["matched"] == 1 and table["postposed_cue"]["rules"] == {"postposed_cue": 1}
    assert table["preposition"]["rules"] == {"preposition": 1}  # the rule "selon" is the preposition construction
    assert table["noun_object"] == {"gold": 1, "matched": 0, "missed": 1, "spurious": 0, "recall": 0.0, "rules": {}}
    assert table["infinitive"]["missed"] == 1
    assert table["floating"] == {"gold": 0, "matched": 0, "missed": 0, "spurious": 1, "recall": None, "rules": {}}
    assert table["unknown"]["spurious"] == 1
    # Most misses first; the totals agree with the overall counts.
    assert [row["missed"] for row in table.values()] == sorted((row["missed"] for row in table.values()), reverse=True)
    assert sum(row["gold"] for row in table.values()) == result["gold"]
    assert sum(row["matched"] + row["spurious"] for row in table.values()) == result["predicted"]
    json.dumps(result)  # the --json output


def test_misses_and_spurious_records_name_their_construction(result):
    assert {(m["doc"], m["construction"]) for m in result["misses"]} == {("a.txt", "noun_object"), ("b.txt", "infinitive")}
    assert {(s["quote"], s["construction"]) for s in result["spurious"]} == {("La mairie", "floating"),
                                                                             ("Le préfet", "unknown")}


def test_documents_show_gold_and_predicted_counts(result):
    assert result["documents"]["a.txt"]["gold"] == 4 and result["documents"]["a.txt"]["predicted"] == 4
    assert result["documents"]["b.txt"]["gold"] == 1 and result["documents"]["b.txt"]["predicted"] == 1
    assert result["documents"]["b.txt"]["recall"] == 0.0


def test_report_has_a_by_construction_section_sorted_by_misses(result):
    text = report(result)
    lines = text.splitlines()
    at = lines.index("by construction (@0.3, most misses first):")
    rows = [line.split() for line in lines[at + 2:at + 2 + len(result["by_construction"])]]
    assert [r[0] for r in rows] == list(result["by_construction"])
    assert [int(r[3]) for r in rows] == sorted((int(r[3]) for r in rows), reverse=True)
    assert any(line.startswith("  a.txt  gold   4  predicted   4") for line in lines)
    assert any("[noun_object]" in line and "la fermeture du musée" in line for line in lines)
    assert any("[unknown]" in line and "Le préfet" in line for line in lines)


def test_a_gold_record_is_placed_where_its_speaker_is_named():
    from quotes.evaluate import locate

    text = ("La ministre promet une baisse des impôts\n"
            "Dans un entretien, la ministre du Budget, Claire Dubois, promet une baisse des impôts pour 2027.")
    gold = {"doc": "d", "quote": "une baisse des impôts", "speaker_mention": "la ministre du Budget, Claire Dubois"}
    (item,) = locate([gold], {"d": text})
    assert item.start == text.index("une baisse des impôts pour")
    # with no mention, or a mention found nowhere, the first occurrence as before
    (item,) = locate([{"doc": "d", "quote": "une baisse des impôts"}], {"d": text})
    assert item.start == text.index("une baisse")


def test_speaker_types_are_judged_where_the_speaker_is_right():
    gold = [
        {**gold_record("a.txt", "la route rouvrira lundi", "indirect", "déclarer", "maire"), "speaker_type": "PER"},
        {**gold_record("a.txt", "Nous ferons vite", "direct", "ajouter", "maire"), "speaker_type": "PER"},
        {**gold_record("a.txt", "la fermeture du musée", "indirect", "annoncer", "mairie"), "speaker_type": "ORG"},
    ]
    pred = [
        gold[0],
        {**gold[1], "speaker_type": "ORG"},                     # right speaker, wrong type
        {**gold[2], "speaker": "préfète", "speaker_type": "PER"},  # wrong speaker: not judged again
    ]
    scores = evaluate(gold, pred, {"a.txt": DOC})
    assert scores["speaker_type_accuracy"] == 0.5
    assert [(w["speaker"], w["gold"], w["predicted"]) for w in scores["wrong_speaker_types"]] == [("maire", "PER", "ORG")]
    text = report(scores)
    assert "speaker type accuracy: 0.500" in text and "'maire' gold PER predicted ORG" in text
    # Gold without types (an older file): nothing to judge.
    untyped = evaluate([{k: v for k, v in g.items() if k != "speaker_type"} for g in gold], pred, {"a.txt": DOC})
    assert untyped["speaker_type_accuracy"] is None and "speaker type accuracy: n/a" in report(untyped)
