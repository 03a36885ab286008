"""The runner: batches keep input order, and one bad document loses only itself."""

from quotes import runner
from quotes.inputs import InputFailure, Notice
from quotes.model import Document
from quotes.pipeline import Pipeline


class Exploding(Pipeline):
    """The grammar-only pipeline, raising on any document that says BOOM."""

    def process_batch(self, docs):
        if any("BOOM" in d.text for d in docs):
            raise RuntimeError("parser crashed")
        return super().process_batch(docs)


def test_a_crash_in_a_batch_loses_only_the_bad_document(grammar):
    pipeline = Exploding(grammar, "none")
    items = [
        Document("a", "« La réforme sera votée avant la fin de l'année prochaine », a dit Jean Dupont."),
        Notice("x.jsonl", "holds no documents"),
        Document("b", "BOOM « Rien ne sera plus jamais comme avant dans ce pays », a-t-il dit."),
        Document("c", "   "),
        InputFailure("x.jsonl:3", "not JSON", level="error"),
        Document("d", "« Nous tiendrons tous nos engagements envers les électeurs », a dit Marie Curie."),
    ]
    counts = runner.Counts()
    outcomes = list(runner.run(items, runner.Settings(parser="none"), counts, batch_size=8, pipeline=pipeline))
    assert [o.notice is not None for o in outcomes] == [False, True, False, False, False, False]
    a, _, b, c, bad_line, d = outcomes
    assert a.records and a.records[0]["doc"] == "a"
    assert "parser crashed" in b.failure.error and b.failure.doc == "b"
    assert "empty" in c.failure.error.lower()
    assert bad_line.failure.error == "not JSON"
    assert d.records and d.records[0]["doc"] == "d"
    assert (counts.documents, counts.done, counts.errors) == (5, 2, 3)


def test_batch_size_does_not_change_the_stream(grammar, seed_texts):
    pipeline = Pipeline(grammar, "none")
    docs = [Document(name, text) for name, text in seed_texts.items()]

    def stream(size):
        return [o.records for o in runner.run(docs, runner.Settings(parser="none"), runner.Counts(),
                                              batch_size=size, pipeline=pipeline)]

    assert stream(1) == stream(2) == stream(5)
    assert sum(map(len, stream(1))) > 0


def test_one_torch_thread_unless_quotes_threads_says_otherwise(monkeypatch):
    import pytest

    monkeypatch.delenv("QUOTES_THREADS", raising=False)
    assert runner.torch_threads() == 1
    monkeypatch.setenv("QUOTES_THREADS", "3")
    assert runner.torch_threads() == 3
    monkeypatch.setenv("QUOTES_THREADS", "many")
    with pytest.raises(ValueError, match="QUOTES_THREADS='many'"):
        runner.torch_threads()


def test_workers_keep_input_order_with_many_batches_in_flight(seed_texts):
    docs = [Document(name, text) for name, text in seed_texts.items()]
    items = [docs[0], Notice("x.jsonl", "holds no documents"), docs[1], Document("blank", "  "),
             InputFailure("x.jsonl:3", "not JSON"), *docs[2:], Document("last", "« Nous partirons demain matin avec toute l'équipe au complet », a dit Paul Martin.")]

    def stream(workers):
        return [(o.records, o.failure and o.failure.error, o.notice)
                for o in runner.run(items, runner.Settings(parser="none"), runner.Counts(), workers=workers, batch_size=1)]

    one = stream(1)
    assert stream(2) == one
    assert [r[0][0]["doc"] for r in one if r[0]][-1] == "last"


def _stream(n):
    """n documents with a notice before the first and a failure after every fifth."""
    items = [Notice("in.jsonl", "first line is a comment")]
    for k in range(n):
        items.append(Document(f"d{k}", "« Texte. »"))
        if k % 5 == 4:
            items.append(InputFailure("in.jsonl", "not JSON", line=k))
    return items


def test_batches_keep_every_input_in_order_and_the_tail_shrinks():
    for n in (0, 1, 3, 21, 40, 57):
        items = _stream(n)
        for size, workers in ((4, 1), (4, 2), (8, 2), (8, 4), (1, 2)):
            batches = list(runner._batches(items, size, workers))
            assert [x for b in batches for x in b] == items, (n, size, workers)
            counts = [sum(isinstance(x, Document) for x in b) for b in batches]
            assert all(c >= 1 for c in counts) or n == 0
            if workers == 1:
                assert all(c == size for c in counts[:-1]) and all(c <= size for c in counts)
            else:
                assert all(c <= 2 * size for c in counts)
                # past the first run of each worker, the runs of the tail only shrink
                steady = max(0, n - 2 * size * workers) // size
                tail = counts[steady + workers:]
                assert tail == sorted(tail, reverse=True), (n, size, workers, counts)


def test_the_tail_is_shared_out_by_length():
    # equal documents, two workers: a first run each of 40% of the text, then half of what is left
    assert [len(b) for b in runner._batches([Document(f"d{k}", "x" * 100) for k in range(20)], 8, 2)] == [8, 8, 2, 1, 1]
    # a long document goes alone, the short ones to the other worker
    docs = [Document("long", "x" * 1000)] + [Document(f"d{k}", "x" * 100) for k in range(6)]
    assert [len(b) for b in runner._batches(docs, 8, 2)] == [1, 6]
    # with more documents than are read ahead, the first ones go out in runs of the batch size
    many = [Document(f"d{k}", "x" * 100) for k in range(50)]
    assert [len(b) for b in runner._batches(many, 8, 2)][:2] == [8, 8]


def test_workers_fork_only_from_a_process_without_torch_or_threads(monkeypatch):
    import sys
    import threading

    def start(threads=1):
        return runner._pool_context(threads).get_start_method()

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert start() == "fork"
    assert start(threads=2) == "spawn"
    monkeypatch.setitem(sys.modules, "torch", object())              # loaded by the caller, threads unknown
    assert start() == "spawn"
    monkeypatch.delitem(sys.modules, "torch")
    monkeypatch.setattr(threading, "active_count", lambda: 2)      # a progress bar's thread
    assert start() == "spawn"
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert start() == "spawn"


def test_a_worker_forked_with_the_models_loaded_does_not_load_them_again(monkeypatch):
    settings = runner.Settings(parser="none")
    loaded = object()
    monkeypatch.setattr(runner, "_WORKER", (loaded, settings))
    runner._init_worker(settings, 1)
    assert runner._WORKER[0] is loaded
    other = runner.Settings(parser="none", gate=False)
    runner._init_worker(other, 1)
    assert runner._WORKER[1] == other and runner._WORKER[0] is not loaded


def test_a_process_pipeline_leaves_its_start_up_objects_to_no_collection():
    import gc

    import pytest

    from quotes.errors import QuotesError

    before = gc.get_freeze_count()
    try:
        pipeline = runner.load_for_process(runner.Settings(parser="none"), 1)
        assert gc.isenabled()
        assert gc.get_freeze_count() > before
        records = runner._run_one(pipeline, Document("a", "« Nous ne céderons rien sur le fond », a dit Jeanne Martin."), 10_000).records
        assert [r["quote"] for r in records] == ["Nous ne céderons rien sur le fond"]
        with pytest.raises((QuotesError, OSError, ValueError)):
            runner.load_for_process(runner.Settings(grammar="/nonexistent/grammar"), 1)
        assert gc.isenabled()       # a failed load leaves the collector on
    finally:
        gc.unfreeze()
