"""Streaming extraction over many documents: batches, worker processes, error records.

Records are yielded per document in input order as soon as the document is
done; nothing holds the records of the whole run.  Every input ends as
records or as an error record: documents in = done + errors.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
from typing import Iterable, Iterator, Optional

import attrs

from .errors import DocumentTooLongError, EmptyDocumentError
from .inputs import InputFailure, Item, Notice
from .model import Document


@attrs.frozen
class Settings:
    grammar: str = "fr"
    parser: str = "stanza"
    stanza_dir: Optional[str] = None
    gate: bool = True
    max_chars: int = 1_000_000
    entities: bool = False          # also give each document's entity table


@attrs.define
class Counts:
    documents: int = 0
    done: int = 0
    errors: int = 0
    records: int = 0
    warnings: int = 0

    def summary(self) -> str:
        return f"{self.documents} documents in, {self.done} done, {self.errors} errors, {self.records} records out"


@attrs.frozen
class Outcome:
    """One input's result: its records, or the failure that stopped it."""

    records: tuple[dict, ...] = ()
    failure: Optional[InputFailure] = None
    entities: tuple[dict, ...] = ()   # the document's entity table, when asked for
    notice: Optional[Notice] = None
    is_document: bool = True


def check(doc: Document, max_chars: int) -> None:
    if not doc.text.strip():
        raise EmptyDocumentError(doc.id)
    if len(doc.text) > max_chars:
        raise DocumentTooLongError(doc.id, len(doc.text), max_chars)


def _failed(doc: Document, exc: Exception) -> Outcome:
    return Outcome(failure=InputFailure(doc.id, f"{type(exc).__name__}: {exc}", doc=doc.id))


def _process(pipeline, docs: list[Document], entities: bool) -> list[tuple[list, list[dict]]]:
    if entities:
        return pipeline.process_with_entities(docs)
    return [(quotes, []) for quotes in pipeline.process_batch(docs)]


def _run_one(pipeline, doc: Document, max_chars: int, entities: bool = False) -> Outcome:
    try:
        check(doc, max_chars)
        [(quotes, table)] = _process(pipeline, [doc], entities)
        return Outcome(tuple(q.to_record() for q in quotes), entities=tuple(table))
    except Exception as exc:  # one bad document never stops the stream
        return _failed(doc, exc)


def _run_batch(pipeline, docs: list[Document], max_chars: int, entities: bool = False) -> list[Outcome]:
    """Outcomes of `docs` in order, the parser called once per round for the batch.

    Documents that fail the checks fail alone; if the batch itself raises, each
    document is run on its own so that only the bad one is lost.
    """
    outcomes: list[Optional[Outcome]] = [None] * len(docs)
    good = []
    for k, doc in enumerate(docs):
        try:
            check(doc, max_chars)
            good.append(k)
        except Exception as exc:
            outcomes[k] = _failed(doc, exc)
    try:
        batch = _process(pipeline, [docs[k] for k in good], entities) if good else []
        for k, (quotes, table) in zip(good, batch):
            outcomes[k] = Outcome(tuple(q.to_record() for q in quotes), entities=tuple(table))
    except Exception:
        for k in good:
            outcomes[k] = _run_one(pipeline, docs[k], max_chars, entities)
    return outcomes


# ---------------------------------------------------------------- worker processes

_WORKER = None


def torch_threads() -> int:
    """Torch threads of each process that parses: one, unless QUOTES_THREADS says otherwise.

    The models run a batch of short sentences at a time, on matrices too small
    for a second thread to pay: on 2 cores, with other work on the machine, a
    process at torch's default (a thread per core) spent 5 to 7 times the CPU of
    one thread (OpenMP threads spin while they wait for each other) and took
    longer.  Parallelism comes from --workers, one thread each."""
    raw = os.environ.get("QUOTES_THREADS", "1")
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"QUOTES_THREADS={raw!r}: expected a whole number of threads, at least 1")
    return int(raw)


def _init_worker(settings: Settings, threads: int) -> None:
    global _WORKER
    import torch

    torch.set_num_threads(threads)
    from .pipeline import Pipeline

    _WORKER = (Pipeline(settings.grammar, settings.parser, settings.stanza_dir, settings.gate), settings)


def _work(docs: list[Document]) -> list[Outcome]:
    pipeline, settings = _WORKER
    return _run_batch(pipeline, docs, settings.max_chars, settings.entities)


def _batches(items: Iterable[Item], size: int, parts: int = 1) -> Iterator[list[Item]]:
    """Runs of inputs holding at most `size` documents; notices and failures ride along.

    With `parts` > 1 (one per batch in flight across workers), up to `size * parts`
    documents are read ahead, and what is left when the input ends is cut into
    `parts` runs of near-equal length rather than full runs and a short one: the
    workers then finish together (21 documents in batches of 4 were 4, 4, 4, 4, 4, 1
    for two workers; they are now 4, 4, 4, 3, 3, 3)."""
    pending: list[Item] = []
    starts: list[int] = []          # where each pending document stands in `pending`
    for item in items:
        if isinstance(item, Document):
            starts.append(len(pending))
        pending.append(item)
        if len(starts) > size * parts:
            cut = starts[size]
            yield pending[:cut]
            pending = pending[cut:]
            starts = [k - cut for k in starts[size:]]
    if not pending:
        return
    runs = min(parts, len(starts))
    if runs <= 1:
        yield pending
        return
    shares = [len(starts) // runs + (1 if k < len(starts) % runs else 0) for k in range(runs)]
    firsts = [sum(shares[:k]) for k in range(1, runs)]
    bounds = [0] + [starts[f] for f in firsts] + [len(pending)]
    for a, b in zip(bounds, bounds[1:]):
        yield pending[a:b]


def _outcomes(items: Iterable[Item], settings: Settings, workers: int, batch_size: int, pipeline=None) -> Iterator[Outcome]:
    def classify(item: Item):
        if isinstance(item, Notice):
            return Outcome(notice=item, is_document=False)
        if isinstance(item, InputFailure):
            return Outcome(failure=item, is_document=item.level != "warning")
        return None

    if workers <= 1:
        if settings.parser != "none":
            import torch

            torch.set_num_threads(torch_threads())
        if pipeline is None:
            from .pipeline import Pipeline

            pipeline = Pipeline(settings.grammar, settings.parser, settings.stanza_dir, settings.gate)
        for batch in _batches(items, batch_size):
            docs = [item for item in batch if isinstance(item, Document)]
            results = iter(_run_batch(pipeline, docs, settings.max_chars, settings.entities))
            for item in batch:
                yield classify(item) or next(results)
        return
    threads = torch_threads()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings, threads)) as pool:
        # A window of batches in flight, read back in input order: a worker that
        # finishes takes the next batch at once, instead of waiting for the slowest
        # of a round, and no more than the window is read ahead of the output.
        window: collections.deque = collections.deque()
        in_flight = 2 * workers

        def oldest() -> Iterator[Outcome]:
            batch, pending = window.popleft()
            results = iter(pending.get())
            for item in batch:
                yield classify(item) or next(results)

        for batch in _batches(items, batch_size, parts=in_flight):
            docs = [item for item in batch if isinstance(item, Document)]
            window.append((batch, pool.apply_async(_work, (docs,))))
            if len(window) >= in_flight:
                yield from oldest()
        while window:
            yield from oldest()


def default_batch(workers: int) -> int:
    """Documents per Stanza call when the user does not say.  One process: 8, which on
    the dev articles cost 7% less CPU than 4 (fewer calls and gate rounds per document)
    at the same peak memory.  Several: 4, since smaller batches share out more evenly
    (on 21 articles, 2 workers took 6.3 and 5.8 s at 4 against 6.5 at 8)."""
    return 8 if workers <= 1 else 4


def run(items: Iterable[Item], settings: Settings, counts: Counts, workers: int = 1, batch_size: Optional[int] = None,
        pipeline=None) -> Iterator[Outcome]:
    batch_size = batch_size or default_batch(workers)
    for outcome in _outcomes(items, settings, workers, batch_size, pipeline):
        if outcome.notice is None and outcome.is_document:
            counts.documents += 1
            if outcome.failure is not None:
                counts.errors += 1
            else:
                counts.done += 1
                counts.records += len(outcome.records)
        elif outcome.failure is not None:
            counts.warnings += 1
        yield outcome
