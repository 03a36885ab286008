"""The Dask runner gives the same records as one process."""

import json

import pytest

from conftest import SEEDS

distributed = pytest.importorskip("dask.distributed")


def test_local_cluster_of_two_workers_matches_single_process(tmp_path):
    from quotes import inputs, runner
    from quotes.cluster import extract_to_partitions

    settings = runner.Settings()
    single = []
    for outcome in runner.run(inputs.read([str(SEEDS)]), settings, runner.Counts()):
        single.extend(outcome.records)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            results = extract_to_partitions(client, [str(SEEDS)], str(tmp_path / "out"), settings)
    assert len(results) == 6   # five articles and gold.jsonl, which holds no documents
    merged = []
    for r in results:
        merged.extend(json.loads(line) for line in open(r["partition"], encoding="utf-8"))
    assert merged == single and len(single) > 20
    assert (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8") == ""
