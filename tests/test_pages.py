"""The HTML pages: quotes highlighted at their records' offsets, escaping, no request
to the network, the evaluation view's misses/spurious/wrong speakers, the report's
counts against DuckDB."""

import json
import os
import shutil
import subprocess
import sys
from collections import Counter

import duckdb
import pytest
from conftest import ROOT, SEEDS
from pagecheck import REMOTE, Page

from quotes import evalpage, evaluate, pages, report, show
from quotes.model import Document

OWN_TEXT = (
    "Le conseil municipal a voté le budget lundi. « Nous tiendrons <script>alert('x')</script> nos promesses & "
    "nos délais », a déclaré la maire, Claire Vasseur. Le chef de l'opposition, Paul Garnier, a répondu que "
    "« ce budget </div> oublie les quartiers nord. Il a ajouté : « Rien n'est prévu pour les écoles."
)


@pytest.fixture(scope="module")
def seed_shown(pipeline, seed_texts):
    docs = [Document(name, text) for name, text in seed_texts.items()]
    return [(doc, [q.to_record() for q in quotes]) for doc, quotes in zip(docs, pipeline.process_batch(docs))]


@pytest.fixture(scope="module")
def own_shown(pipeline):
    doc = Document("conseil", OWN_TEXT, date="2025-03-10", outlet="La Gazette")
    return [(doc, [q.to_record() for q in pipeline.process(doc)])]


def _check_marks(page: Page, shown):
    for doc, records in shown:
        text = page.texts[doc.id]
        assert text == doc.text, "the page's text content is the document's text, character for character"
        quotes = page.marks_of(doc.id, "q")
        assert len(quotes) == len(records)
        by_index = {int(m["attrs"]["data-r"]): m for m in quotes}
        all_records = page.records()
        for i, m in by_index.items():
            r = all_records[i]
            assert (m["start"], m["end"], m["text"]) == (r["start"], r["end"], r["quote"])
        cues = {(m["start"], m["end"], m["text"]) for m in page.marks_of(doc.id, "cue")}
        assert cues == {(r["cue_start"], r["cue_end"], r["cue_text"]) for r in records if r["cue_start"] is not None}
        mentions = {(m["start"], m["end"], m["text"]) for m in page.marks_of(doc.id, "spk")}
        assert mentions == {(r["speaker_start"], r["speaker_end"], r["speaker_mention"]) for r in records
                            if r["speaker_start"] is not None}


def test_show_highlights_each_record_at_its_offsets(seed_shown):
    page = Page(show.render(seed_shown))
    _check_marks(page, seed_shown)
    assert sum(len(r) for _, r in seed_shown) == len(page.records()) > 30


def test_show_colours_a_speaker_entity_alike_and_counts_it_in_the_legend(seed_shown):
    html = show.render(seed_shown)
    page = Page(html)
    for doc, records in seed_shown:
        colour_of = {}
        for m in page.marks_of(doc.id, "q"):
            r = page.records()[int(m["attrs"]["data-r"])]
            colour_of.setdefault(r["speaker_id"], set()).add(m["attrs"]["style"])
        assert all(len(c) == 1 for c in colour_of.values())
        named = [c for k, c in colour_of.items() if k]
        assert len({next(iter(c)) for c in named}) == len(named), "two speakers of one document share a colour"
    legend = Counter()
    for tag, a in page.tags:
        if tag == "li" and "data-speaker" in a:
            legend[a["data-speaker"]] += int(a["data-count"])
    assert legend == Counter(r["speaker"] or "no speaker" for _, records in seed_shown for r in records)


def test_text_is_escaped_and_the_page_loads_nothing(own_shown):
    html = show.render(own_shown, title="<b>titre</b>")
    page = Page(html)
    _check_marks(page, own_shown)
    assert "<script>alert" not in html and "</div> oublie" not in html
    assert "<script>alert('x')</script>" in page.texts["conseil"]
    # The only scripts are the page's own: the records as JSON and the inline code.
    assert [a.get("id") for tag, a in page.tags if tag == "script"] == ["records", None]
    assert any("<script>" in r["quote"] for r in page.records())
    assert not REMOTE.search(html)
    assert not [a for tag, a in page.tags if tag in ("link", "img", "iframe")]


def test_unbalanced_quotes_are_flagged(own_shown):
    [(doc, records)] = own_shown
    broken = [r for r in records if r["balanced"] is False]
    assert broken, "the unclosed « of the own text gives an unbalanced record"
    page = Page(show.render(own_shown))
    flagged = page.marks_of("conseil", "unbalanced")
    assert {m["text"] for m in flagged} == {r["quote"] for r in broken}


def test_marked_text_nests_crossing_marks():
    text = "abcdefghij"
    marks = [pages.Mark(1, 6, "a", (("class", "x"),)), pages.Mark(4, 9, "b", (("class", "y"),)),
             pages.Mark(2, 3, "c", ())]
    html = pages.marked_text(text, marks)
    page = Page(f'<div class="text" data-doc="d">{html}</div>')
    assert page.texts["d"] == text
    got = {k: (m["start"], m["end"], m["text"]) for (_, k), m in page.marks.items()}
    assert got == {"a": (1, 6, "bcdef"), "b": (4, 9, "efghi"), "c": (2, 3, "c")}
    assert page.marks[("d", "b")]["pieces"] == 2


def test_eval_page_shows_misses_spurious_and_wrong_speakers(seed_texts):
    gold = evaluate.load_jsonl(SEEDS / "gold.jsonl")
    located = evaluate.locate(gold, seed_texts)
    pred = [{**i.record, "start": i.start, "end": i.end} for i in located]
    missed = pred.pop(3)
    pred[0] = {**pred[0], "speaker": "Quelqu'un d'autre"}
    doc = pred[5]["doc"]
    text = seed_texts[doc]
    spurious = {"doc": doc, "quote": text[0:40], "start": 0, "end": 40, "type": "direct", "speaker": None, "cue": "dire"}
    pred.append(spurious)
    result = evaluate.evaluate(gold, pred, seed_texts)
    html = evalpage.render(gold, pred, seed_texts, result)
    page = Page(html)
    misses = [m for d in page.texts for m in page.marks_of(d, "miss")]
    assert [m["text"] for m in misses] == [missed["quote"]]
    assert [m["text"] for d in page.texts for m in page.marks_of(d, "spurious")] == [spurious["quote"]]
    wrong = [m for d in page.texts for m in page.marks_of(d, "wrong")]
    assert len(wrong) == 2 and len({m["attrs"]["data-pair"] for m in wrong}) == 1
    assert len(result["wrong_speakers"]) == 1 and result["quote@0.3"]["recall"] < 1
    for tag, a in page.tags:
        if "data-misses" in a:
            assert int(a["data-misses"]) in (0, 1)
    assert not REMOTE.search(html)


@pytest.fixture(scope="module")
def records_file(seed_shown, tmp_path_factory):
    """The seeds' records with outlets and dates of our own, two documents sharing each."""
    path = tmp_path_factory.mktemp("report") / "records.jsonl"
    outlets = ["Le Quotidien", "La Gazette", "Le Quotidien", "<i>Ouest</i>", None]
    dates = ["2024-01-05", "2024-01-20", "2024-03", None, "2025-02-11T08:00:00"]
    with open(path, "w", encoding="utf-8") as f:
        for n, (doc, records) in enumerate(seed_shown):
            for r in records:
                f.write(json.dumps({**r, "source": outlets[n], "date": dates[n]}, ensure_ascii=False) + "\n")
    return path


def test_report_counts_equal_a_duckdb_query_of_the_records(records_file):
    html = report.render(report.build(str(records_file), top=5, rows=10))
    page = Page(html)
    con = duckdb.connect()

    def q(sql):
        return con.execute(sql.replace("from R", f"from read_json('{records_file}', format='newline_delimited')")).fetchall()

    speakers = q("select speaker, speaker_type, count(*) n from R where speaker is not null group by all order by n desc, 1 limit 5")
    assert [n for _, n in page.charts["speakers"]] == [n for *_, n in speakers]
    assert [label for label, _ in page.charts["speakers"]][0] == f"{speakers[0][0]} ({speakers[0][1]})"
    assert dict(page.charts["speaker_type"]) == {k or "no speaker": n for k, n in q("select speaker_type, count(*) from R group by 1")}
    assert dict(page.charts["outlet"]) == {k or "unknown": n for k, n in q("select source, count(*) from R group by 1")}
    assert dict(page.charts["type"]) == dict(q("select type, count(*) from R group by 1"))
    genders = dict(q("select coalesce(speaker_gender, 'unknown'), count(*) from R where speaker_type = 'PER' group by 1"))
    assert dict(page.charts["gender"]) == {report.GENDERS.get(k, k): n for k, n in genders.items()}
    assert sum(n for _, n in page.charts["cue"]) <= q("select count(*) from R")[0][0]
    months = dict(q("select substr(date, 1, 7), count(*) from R where date is not null group by 1"))
    assert dict(page.charts["period"]) == months and set(months) == {"2024-01", "2024-03", "2025-02"}
    assert "&lt;i&gt;Ouest&lt;/i&gt;" in html and "<i>Ouest" not in html
    total = q("select count(*) from R")[0][0]
    rows = [a for tag, a in page.tags if tag == "tr"]
    assert len(rows) == 1 + 10 and f"the first 10 of {total} records" in html
    assert not REMOTE.search(html)


def test_report_reads_gold_records_and_names_a_bad_file(tmp_path):
    built = report.build(str(SEEDS / "gold.jsonl"))
    assert built.records == 41 and built.dated == 0 and len(built.table) == 41
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a", "quote": "x"}\n{"doc": \n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl: cannot read the records"):
        report.build(str(bad))
    with pytest.raises(ValueError, match="no such records file"):
        report.build(str(tmp_path / "none.jsonl"))


def _cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "quotes.cli", *args], capture_output=True, text=True, timeout=600, **kw)


def test_show_command_on_a_records_file_and_on_documents(tmp_path):
    out = tmp_path / "page.html"
    result = _cli("show", str(SEEDS), "--parser", "none", "-q", "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = tmp_path / "r.jsonl"
    subprocess.run([sys.executable, "-m", "quotes.cli", "extract", str(SEEDS), "--parser", "none", "-q", "-o", str(records)],
                   check=True, timeout=600)
    result = _cli("show", str(records), "--docs", str(SEEDS), "-o", str(tmp_path / "p2.html"))
    assert result.returncode == 0, result.stderr
    assert Page(out.read_text(encoding="utf-8")).records() == Page((tmp_path / "p2.html").read_text(encoding="utf-8")).records()
    result = _cli("show", str(records), "-o", str(tmp_path / "p3.html"))
    assert result.returncode == 1 and "no document to show" in result.stderr and "--docs" in result.stderr
    shifted = tmp_path / "shifted.jsonl"
    first = json.loads(records.read_text(encoding="utf-8").splitlines()[0])
    shifted.write_text(json.dumps({**first, "start": first["start"] + 1, "end": first["end"] + 1}) + "\n", encoding="utf-8")
    result = _cli("show", str(shifted), "--docs", str(SEEDS), "-o", str(tmp_path / "p4.html"))
    assert result.returncode == 1 and "do not match the document text" in result.stderr and first["doc"] in result.stderr


def test_a_closed_pipe_ends_extract_quietly(tmp_path):
    # Far more output than a pipe buffers, so the writes after `head` exits do fail.
    docs = tmp_path / "docs.jsonl"
    line = "« Nous finirons les travaux avant l'hiver », a promis le directeur du chantier. "
    docs.write_text("".join(json.dumps({"id": f"d{i}", "text": line * 3}) + "\n" for i in range(1500)), encoding="utf-8")
    cmd = f'"{sys.executable}" -m quotes.cli extract "{docs}" --parser none | head -1'
    result = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0
    assert result.stdout.count("\n") == 1 and json.loads(result.stdout)["doc"] == "d0"
    assert result.stderr == ""


BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)


def _console(html: str, probe: str, tmp_path) -> str:
    """What the page logs in headless Chromium once `probe` (JS run after the page's own) ran."""
    page = tmp_path / "probe.html"
    page.write_text(html.replace("</body>", f"<script>{probe}</script></body>"), encoding="utf-8")
    sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []
    result = subprocess.run([BROWSER, "--headless", *sandbox, "--disable-gpu", "--enable-logging=stderr", "--v=0",
                             "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    return "\n".join(line for line in result.stderr.splitlines() if "CONSOLE" in line)


@pytest.mark.skipif(BROWSER is None, reason="no chromium to run the pages' scripts")
def test_pages_scripts_run_in_a_browser(own_shown, records_file, tmp_path):
    log = _console(show.render(own_shown), "document.querySelector('[data-r]').click(); console.log('PANEL', "
                   "document.getElementById('record').style.display, document.querySelector('#record td + td').textContent)",
                   tmp_path)
    assert "Uncaught" not in log and "PANEL block 1.0" in log, log
    built = report.build(str(records_file))
    speaker = built.charts[0].rows[0][0].split(" (")[0]
    expected = sum(1 for row in built.table if any(speaker.lower() in str(v).lower() for v in row))
    log = _console(report.render(built), f"const f = document.getElementById('filter'); f.value = {json.dumps(speaker)}; "
                   "f.dispatchEvent(new Event('input')); console.log('SHOWN', document.getElementById('shown').textContent, "
                   "document.querySelectorAll('tbody tr:not([hidden])').length)", tmp_path)
    assert "Uncaught" not in log and f"SHOWN {expected} {expected}" in log, log
