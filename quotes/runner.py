"""Streaming extraction over many documents: batches, worker processes, error records.

Records are yielded per document in input order as soon as the document is
done; nothing holds the records of the whole run.  Every input ends as
records or as an error record: documents in = done + errors.
"""

from __future__ import annotations

import collections
import gc
import multiprocessing
import os
import sys
import threading
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


def load_for_process(settings: Settings, threads: int):
    """The pipeline of a process that runs it and nothing else: the command line
    and its workers, not a program that imports the library.

    The cyclic garbage collector is off while torch, Stanza and the models load
    and then frozen: their objects live as long as the process, yet each full
    collection walked all of them again (0.6-0.9 CPU s on the 21 dev articles,
    8% of the run, 0.2 s of it during the start-up).  A frozen object is never
    visited again, so forked workers also leave the pages they share unwritten.
    Garbage made later is collected as before."""
    from .models import defer_meta_kernels, defer_unused_imports

    gc.disable()
    try:
        defer_meta_kernels()
        defer_unused_imports()
        _set_threads(settings, threads)
        pipeline = _new_pipeline(settings)
    finally:
        gc.freeze()
        gc.enable()
    return pipeline


def _set_threads(settings: Settings, threads: int) -> None:
    """The models' threads, before they load.  numpy's BLAS is limited where it is loaded
    (threadpoolctl), whenever numpy was imported: two workers of two BLAS threads each on
    two cores ran the dev articles 4 times slower.  Torch reads its variable when it
    starts its pool, or is set here if it was imported already (the numpy runtime needs
    no torch, whose import would cost a second of the start)."""
    if settings.parser == "none":
        return
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(threads)
    import numpy  # noqa: F401  (loads the BLAS library that the limit applies to)
    from threadpoolctl import threadpool_limits

    threadpool_limits(threads, user_api="blas")
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)


def _new_pipeline(settings: Settings):
    from .pipeline import Pipeline

    return Pipeline(settings.grammar, settings.parser, settings.stanza_dir, settings.gate)


def _init_worker(settings: Settings, threads: int) -> None:
    global _WORKER
    if _WORKER is not None and _WORKER[1] == settings:
        return          # forked from a process that loaded them already
    _WORKER = (load_for_process(settings, threads), settings)


def _work(docs: list[Document]) -> list[Outcome]:
    pipeline, settings = _WORKER
    return _run_batch(pipeline, docs, settings.max_chars, settings.entities)


def _batches(items: Iterable[Item], size: int, workers: int = 1) -> Iterator[list[Item]]:
    """Runs of inputs holding at most `size` documents, or `2 * size` at the end of the
    input with several workers; notices and failures ride along.

    For several workers, `2 * workers * size` documents are read ahead.  Those left when
    the input ends are cut by length: first one run per worker, each about 80% of the
    text left over the number of workers, then runs that each take 1/workers of the text
    still left (guided self-scheduling), so that the workers finish close together.  A
    run costs its model calls and gate rounds whatever it holds, so the tail is cut into
    few runs: the 21 dev articles (2 to 6 KB) go out to two workers as 7, 9, 2, 2 and 1
    documents."""
    pending: list[Item] = []
    starts: list[int] = []          # where each pending document stands in `pending`
    lengths: list[int] = []
    ahead = size if workers <= 1 else 2 * size * workers
    for item in items:
        if isinstance(item, Document):
            starts.append(len(pending))
            lengths.append(len(item.text))
        pending.append(item)
        if len(starts) > ahead:
            cut = starts[size]
            yield pending[:cut]
            pending = pending[cut:]
            starts = [k - cut for k in starts[size:]]
            lengths = lengths[size:]
    if workers <= 1 or len(starts) <= 1:
        if pending:
            yield pending
        return
    total = left = sum(lengths)
    first = runs = 0
    while first < len(starts):
        share = (TAIL_FIRST * total if runs < workers else left) / workers
        # a document joins the run while at least half of it fits the share
        n, chars = 1, lengths[first]
        while first + n < len(starts) and n < 2 * size and chars + lengths[first + n] / 2 <= share:
            chars += lengths[first + n]
            n += 1
        begin = 0 if first == 0 else starts[first]
        end = starts[first + n] if first + n < len(starts) else len(pending)
        yield pending[begin:end]
        left -= chars
        first += n
        runs += 1


# The part of the tail that goes out in the first run of each worker; the rest corrects
# what length gets wrong about a document's cost.  On the dev articles two workers then
# ended 0.01 to 0.08 s apart, against 0.19 to 0.25 s with guided self-scheduling from the
# start in runs of at most 8 (timelines, 3 alternating pairs).
TAIL_FIRST = 0.8


def _pool_context(threads: int):
    """How worker processes start.  Where fork is the platform's own way (Linux),
    this process loads the models and the workers are forked from it: the
    start-up is paid once, not once per worker, and the workers share the
    models' memory.  That is safe only if no thread runs here (a progress bar's)
    and torch was not loaded before with threads of its own, which do not survive
    a fork; otherwise each worker starts a new interpreter and loads the models."""
    if (sys.platform.startswith("linux") and "torch" not in sys.modules and threads == 1
            and threading.active_count() == 1):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _outcomes(items: Iterable[Item], settings: Settings, workers: int, batch_size: int, pipeline=None) -> Iterator[Outcome]:
    def classify(item: Item):
        if isinstance(item, Notice):
            return Outcome(notice=item, is_document=False)
        if isinstance(item, InputFailure):
            return Outcome(failure=item, is_document=item.level != "warning")
        return None

    if workers <= 1:
        _set_threads(settings, torch_threads())
        if pipeline is None:
            pipeline = _new_pipeline(settings)
        for batch in _batches(items, batch_size):
            docs = [item for item in batch if isinstance(item, Document)]
            results = iter(_run_batch(pipeline, docs, settings.max_chars, settings.entities))
            for item in batch:
                yield classify(item) or next(results)
        return
    threads = torch_threads()
    context = _pool_context(threads)
    if context.get_start_method() == "fork":
        _init_worker(settings, threads)
    with context.Pool(workers, initializer=_init_worker, initargs=(settings, threads)) as pool:
        # Batches in flight, read back in input order: a worker that finishes takes
        # the next batch at once, instead of waiting for the slowest of a round.
        # Up to two full batches per worker are in flight; the short runs of the
        # tail go out together, already read.
        window: collections.deque = collections.deque()
        limit = 2 * workers * batch_size

        def oldest() -> Iterator[Outcome]:
            batch, _, pending = window.popleft()
            results = iter(pending.get())
            for item in batch:
                yield classify(item) or next(results)

        for batch in _batches(items, batch_size, workers):
            docs = [item for item in batch if isinstance(item, Document)]
            window.append((batch, len(docs), pool.apply_async(_work, (docs,))))
            while sum(n for _, n, _ in window) > limit:
                yield from oldest()
        while window:
            yield from oldest()


# Documents per Stanza call when the user does not say: 8, which on the dev
# articles cost 7% less CPU than 4 (fewer calls and gate rounds per document) at
# the same peak memory.  With several workers too: the tail of the input goes out
# in shrinking runs (_batches), so larger runs no longer leave one worker idle.
DEFAULT_BATCH = 8


def run(items: Iterable[Item], settings: Settings, counts: Counts, workers: int = 1, batch_size: Optional[int] = None,
        pipeline=None) -> Iterator[Outcome]:
    batch_size = batch_size or DEFAULT_BATCH
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
