"""The cue gate: which units the parser sees, and that what it skips changes nothing."""

import pytest

from quotes.gate import Gate
from quotes.model import Document
from quotes.pipeline import Pipeline
from quotes.speakers import Lookup


@pytest.fixture(scope="module")
def stage(grammar):
    return Pipeline(grammar, "none")


def chosen(stage, text):
    found = stage.grammar_stage(text)
    return [found.units[i].text.strip() for i in Gate(stage.grammar).first(found)]


def test_pour_needs_a_speaker(stage):
    assert chosen(stage, "Pour le ministre, la réforme est nécessaire.") == ["Pour le ministre, la réforme est nécessaire."]
    assert chosen(stage, "Pour Jean Dupont, rien ne change.") == ["Pour Jean Dupont, rien ne change."]
    assert chosen(stage, "Pour cette raison, le fleuve a débordé.") == []


def test_other_prepositions_always_report(stage):
    assert chosen(stage, "Selon l'agence, le bilan est lourd.") == ["Selon l'agence, le bilan est lourd."]


def test_a_verb_cue_needs_a_que_clause(stage):
    assert chosen(stage, "Le ministre a déclaré que la réforme passerait.") == ["Le ministre a déclaré que la réforme passerait."]
    assert chosen(stage, "Le ministre a ajouté une ligne au budget.") == []
    # "ainsi que" opens no reported clause
    assert chosen(stage, "Il a ajouté un chapitre ainsi que le budget.") == []
    # a cue that lost its comma after a clause of its own reports that clause
    lost = "Un suspect a été placé en détention a indiqué le parquet de Lyon."
    assert chosen(stage, lost) == [lost]


def test_headlines_report_nothing_by_cue(stage):
    text = "Le ministre affirme que tout va bien\n\nLe texte suit ici. Rien à ajouter."
    assert chosen(stage, text) == []


def test_scare_quotes_need_a_cue_or_a_dash(stage):
    assert chosen(stage, "Il travaille sur la « réforme » depuis longtemps.") == []
    # "parler de « X »" names what the speaker called something: a cue beside the marks
    assert chosen(stage, "Il parle de « réforme » depuis longtemps.") == ["Il parle de « réforme » depuis longtemps."]
    assert chosen(stage, "« Non », a dit Jean Dupont.") == ["« Non », a dit Jean Dupont."]
    long_quote = "« La réforme sera votée avant la fin de l'année prochaine », a dit Jean Dupont."
    assert chosen(stage, long_quote) == [long_quote]


def test_context_asks_for_every_skipped_unit_a_search_crossed(stage):
    found = stage.grammar_stage("Jean Dupont est arrivé. Le temps passe. Rien ne bouge. Il a déclaré que tout va bien.")
    starts = [u.start for u in found.units]
    gate = Gate(stage.grammar)
    # A search from the last unit that found nothing: every untried unit before it, at once.
    assert gate.context(found, {3}, [Lookup(starts[3], None)]) == [0, 1, 2]
    assert gate.context(found, {1, 3}, [Lookup(starts[3], None)]) == [0, 2]
    # A search that found its antecedent in unit 1 needs nothing before it.
    assert gate.context(found, {3}, [Lookup(starts[3], starts[1])]) == [2]
    assert gate.context(found, {1, 2, 3}, [Lookup(starts[3], starts[1])]) == []
    # no further back than the reach
    assert Gate(stage.grammar, reach=2).context(found, {3}, [Lookup(starts[3], None)]) == [1, 2]
    assert Gate(stage.grammar, reach=0).context(found, {3}, [Lookup(starts[3], None)]) == []


TEXTS = [
    "Jean Dupont a présidé la séance du conseil municipal. La salle était pleine ce soir-là. "
    "Il a ajouté que les travaux commenceront lundi.",
    "Le ministre de l'Économie, Bruno Lemaire, a parlé longtemps. « Nous tiendrons nos engagements », "
    "a-t-il assuré. Selon l'AFP, le texte arrive au Sénat.",
    "La séance a été levée à midi. Personne n'a rien dit.",
]


def test_gated_equals_parse_everything_and_batch_equals_one_by_one(pipeline):
    everything = Pipeline(pipeline.grammar, pipeline.parser, gate=False)
    docs = [Document(f"d{i}", t) for i, t in enumerate(TEXTS)]
    one_by_one = [[q.to_record() for q in pipeline.process(d)] for d in docs]
    # The antecedent sits two units before the pronoun, in a unit the first pass skips.
    assert [(r["speaker"], r["speaker_mention"]) for r in one_by_one[0]] == [("Jean Dupont", "Il")]
    assert [[q.to_record() for q in qs] for qs in pipeline.process_batch(docs)] == one_by_one
    assert [[q.to_record() for q in everything.process(d)] for d in docs] == one_by_one
