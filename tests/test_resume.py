"""`quotes extract -o FILE --resume`: a stopped run, resumed, writes what one uninterrupted run writes."""

import json
import os
import signal
import subprocess
import sys
import time

from test_cli import run

# Short articles of our own, each with a few quotations and a speaker named once.
ARTICLES = [
    "La maire de Villeneuve, Claire Bastide, a présenté lundi son budget. « Nous ne toucherons pas aux impôts "
    "locaux cette année », a-t-elle affirmé devant le conseil municipal. Elle a ajouté que la piscine rouvrirait en juin.",
    "Le syndicat des boulangers s'inquiète de la hausse du prix de la farine. « Certains artisans vont fermer "
    "avant l'hiver », prévient son président, Marc Olivier. Selon lui, les aides promises tardent à venir.",
    "« Le train de nuit reviendra sur cette ligne dès le printemps », a annoncé mardi Hélène Garnier, "
    "directrice régionale des transports. Elle a précisé que les billets seraient mis en vente en février.",
    "Le club de football a changé d'entraîneur. « Je veux une équipe qui attaque », a déclaré Paul Renaud "
    "lors de sa présentation. Il a estimé que le maintien restait possible malgré un début de saison difficile.",
    "La préfète, Anne Morel, a demandé aux habitants de limiter leurs déplacements. « La route restera coupée "
    "jusqu'à jeudi », a-t-elle indiqué. Les pompiers ont expliqué que la crue avait atteint un niveau rare.",
    "Le chercheur Louis Ferrand publie une étude sur les abeilles. « Les colonies ont perdu un tiers de leurs "
    "ouvrières en deux ans », explique-t-il. Il juge que les pesticides en sont la cause principale.",
    "Un rapport parlementaire critique la gestion des hôpitaux. « Les urgences manquent de lits chaque soir », "
    "écrivent les députés. La ministre de la Santé a répondu qu'un plan serait présenté avant l'été.",
    "Le festival de musique a attiré moins de public que prévu. « La pluie nous a coûté deux soirées », "
    "reconnaît l'organisateur, Jacques Perrin. Il a promis que l'édition suivante aurait lieu en juillet.",
]


def _corpus(tmp_path):
    docs = tmp_path / "docs.jsonl"
    rows = [{"id": f"art-{k:02d}", "text": text} for k, text in enumerate(ARTICLES)]
    rows.insert(3, {"id": "empty", "text": "  "})          # an error record between two documents
    rows.insert(6, {"id": "no-quote", "text": "Le marché ouvre le samedi matin sur la place de l'église."})
    docs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return docs


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_a_run_killed_with_sigkill_resumes_to_the_records_of_an_uninterrupted_run(tmp_path):
    docs = _corpus(tmp_path)
    whole, errors_whole = tmp_path / "whole.jsonl", tmp_path / "whole.errors.jsonl"
    result = run("extract", str(docs), "-o", str(whole), "--errors", str(errors_whole), "--batch-size", "1")
    assert result.returncode == 0, result.stderr
    expected = _lines(whole)
    assert len({json.loads(line)["doc"] for line in expected}) >= 6

    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    cmd = [sys.executable, "-m", "quotes.cli", "extract", str(docs), "-o", str(out), "--errors", str(errors),
           "--batch-size", "1", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    # Kill once two documents' records are out, the run being well short of its end.
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_file() and len({json.loads(x)["doc"] for x in _lines(out)[:-1] if x}) >= 2:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stopped = _lines(out)
    assert 0 < len(stopped) < len(expected)

    resumed = run("extract", str(docs), "-o", str(out), "--errors", str(errors), "--batch-size", "1", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "resuming" in resumed.stderr
    assert _lines(out) == expected
    assert _lines(errors) == _lines(errors_whole)


def test_a_cut_last_line_and_a_cut_document_are_run_again(tmp_path):
    docs = _corpus(tmp_path)
    whole = tmp_path / "whole.jsonl"
    errors = tmp_path / "errors.jsonl"
    assert run("extract", str(docs), "-o", str(whole), "--parser", "none").returncode == 0
    expected = whole.read_bytes()
    lines = expected.splitlines(keepends=True)
    assert len(lines) >= 4
    # Cut inside the third line: a record of a document whose others are written is half there.
    out = tmp_path / "out.jsonl"
    cut = sum(map(len, lines[:2])) + len(lines[2]) // 2
    out.write_bytes(expected[:cut])
    errors.write_text(json.dumps({"source": "empty", "line": None, "doc": "empty", "level": "error",
                                  "error": "EmptyDocumentError: empty: empty document (no text)"}) + "\n",
                      encoding="utf-8")
    result = run("extract", str(docs), "-o", str(out), "--errors", str(errors), "--parser", "none", "--resume")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == expected
    assert len(_lines(errors)) == 1      # the empty document was reported already, and is not again


def test_resume_needs_an_output_file_and_refuses_damage_it_cannot_repair(tmp_path):
    docs = _corpus(tmp_path)
    result = run("extract", str(docs), "--parser", "none", "--resume")
    assert result.returncode == 1 and "--resume needs -o" in result.stderr
    out = tmp_path / "out.jsonl"
    damaged = '{"doc": "art-00", "quote": "x"}\nnot json\n{"doc": "art-01", "quote": "y"}\n{"doc": "art-0'
    out.write_text(damaged, encoding="utf-8")
    result = run("extract", str(docs), "-o", str(out), "--parser", "none", "--resume")
    assert result.returncode == 1 and f"{out}:2: not a JSON line" in result.stderr
    assert out.read_text(encoding="utf-8") == damaged      # refused before anything is cut
    out.write_text('{"id": "art-00", "text": "a document, not a record"}\n', encoding="utf-8")
    result = run("extract", str(docs), "-o", str(out), "--parser", "none", "--resume")
    assert result.returncode == 1 and f"{out}:1: not a quotes record" in result.stderr


def test_resume_of_a_finished_run_adds_nothing_but_the_last_document_again(tmp_path):
    docs = _corpus(tmp_path)
    out = tmp_path / "out.jsonl"
    assert run("extract", str(docs), "-o", str(out), "--parser", "none").returncode == 0
    before = out.read_bytes()
    result = run("extract", str(docs), "-o", str(out), "--parser", "none", "--resume")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == before
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("quotes: ") and " done, " in summary
    assert int(summary.split(" documents in")[0].split()[-1]) < len(ARTICLES)


def _stops(order, whole, tables):
    """Every state a run killed inside a document can leave: the files of the documents before
    it, then half of its first record line, or all its records and part of its first table line."""
    rec = [(json.loads(line)["doc"], line) for line in whole.read_text(encoding="utf-8").splitlines(keepends=True)]
    tab = [(json.loads(line)["doc"], line) for line in tables.read_text(encoding="utf-8").splitlines(keepends=True)]
    for j, doc in enumerate(order):
        before = set(order[:j])
        done_rec = "".join(line for d, line in rec if d in before)
        done_tab = "".join(line for d, line in tab if d in before)
        own_rec = [line for d, line in rec if d == doc]
        own_tab = [line for d, line in tab if d == doc]
        yield done_rec + (own_rec[0][: len(own_rec[0]) // 2] if own_rec else ""), done_tab
        yield done_rec + "".join(own_rec), done_tab + (own_tab[0][:-3] if own_tab else "")


def test_with_entity_tables_every_stop_resumes_to_the_uninterrupted_files(tmp_path):
    docs = _corpus(tmp_path)
    rows = [json.loads(line) for line in docs.read_text(encoding="utf-8").splitlines()]
    # Documents that name people but quote no one: tables without records, first and in between.
    rows.insert(0, {"id": "named-first", "text": "Le maire Paul Girard inaugure samedi le marché couvert de la ville."})
    rows.insert(4, {"id": "named-between", "text": "La députée Julie Roche visitera l'usine de Villeneuve jeudi prochain."})
    docs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    whole, tables = tmp_path / "whole.jsonl", tmp_path / "tables.jsonl"
    assert run("extract", str(docs), "-o", str(whole), "--entities", str(tables), "--parser", "none",
               "--errors", str(tmp_path / "e.jsonl")).returncode == 0
    named = {json.loads(line)["doc"] for line in _lines(tables)}
    quoted = {json.loads(line)["doc"] for line in _lines(whole)}
    assert {"named-first", "named-between"} <= named - quoted, "the corpus has tables without records"
    for n, (rec, tab) in enumerate(_stops([r["id"] for r in rows], whole, tables)):
        out, ent = tmp_path / f"out{n}.jsonl", tmp_path / f"ent{n}.jsonl"
        out.write_text(rec, encoding="utf-8")
        ent.write_text(tab, encoding="utf-8")
        result = run("extract", str(docs), "-o", str(out), "--entities", str(ent), "--parser", "none",
                     "--errors", str(tmp_path / f"e{n}.jsonl"), "--resume")
        assert result.returncode == 0, result.stderr
        assert out.read_bytes() == whole.read_bytes(), n
        assert ent.read_bytes() == tables.read_bytes(), n
