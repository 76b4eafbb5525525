"""The Dask engine gives the same store as the local one (a LocalCluster with 2 workers)."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import corpus


def contents(db) -> tuple[int, int, frozenset[str], int]:
    connection = duckdb.connect(str(db), read_only=True)
    result = (
        connection.execute("SELECT count(*) FROM articles").fetchone()[0],
        connection.execute("SELECT count(*) FROM sentences").fetchone()[0],
        frozenset(r[0] for r in connection.execute("SELECT event_id FROM events").fetchall()),
        connection.execute("SELECT count(DISTINCT group_id) FROM event_groups").fetchone()[0],
    )
    connection.close()
    return result


def test_dask_local_cluster_equals_local_engine(tmp_path) -> None:
    source = corpus.write(60, tmp_path / "corpus.jsonl")
    local, distributed = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    run = [sys.executable, "-m", "dyad", "ingest", str(source)]
    first = subprocess.run([*run, "--db", str(local), "--jobs", "1"], capture_output=True, check=False, timeout=600)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    second = subprocess.run(
        [*run, "--db", str(distributed), "--engine", "dask", "--jobs", "2"],
        capture_output=True,
        check=False,
        timeout=600,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    assert first.returncode == 0, first.stderr.decode()
    assert second.returncode == 0, second.stderr.decode()
    assert not list(temporary.glob("dyad-dask-*")), "the temporary staging directory is removed after loading"
    assert contents(distributed) == contents(local)
    assert contents(local)[0] == 60
    again = subprocess.run(
        [*run, "--db", str(distributed), "--engine", "dask", "--jobs", "2"],
        capture_output=True,
        check=False,
        timeout=600,
    )
    assert b"0 articles stored (60 already there)" in again.stderr
    assert contents(distributed) == contents(local)


def test_local_cluster_workers_run_without_the_profiler() -> None:
    """Dask's profiler keeps a call tree per second in every worker: a long ingest grew by it (docs/scale.md)."""
    from distributed import Client

    from dyad.distributed_ingest import _local_cluster

    cluster = _local_cluster(1)
    try:
        with Client(cluster) as client:
            sampling = client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks)
    finally:
        cluster.close()
    assert list(sampling.values()) == [False]
