"""Run quotes on a Dask cluster: one task per input file, JSONL partitions out.

    python examples/dask_cluster.py seeds/ out/             # a local cluster of 2 workers
    python examples/dask_cluster.py seeds/ out/ tcp://scheduler:8786

Each worker process loads the Stanza models once and keeps them for every task.
The same from the command line: quotes extract corpus/ --dask tcp://scheduler:8786
"""

import sys

from dask.distributed import Client, LocalCluster

from quotes.cluster import extract_to_partitions


def main(source: str, out_dir: str, address: str | None = None) -> None:
    if address:
        client = Client(address)
    else:
        client = Client(LocalCluster(n_workers=2, threads_per_worker=1, processes=True))
    with client:
        for result in extract_to_partitions(client, [source], out_dir):
            print(f"{result['path']}: {result['records']} records, {result['errors']} errors -> {result['partition']}")


if __name__ == "__main__":
    main(*sys.argv[1:])
