"""Shared timing for the Python peers: warm-ups, then one wall-clock sample per run, printed as one JSON line
in the same shape as bekal-bench's figures."""
import json
import time


LAST_CPU = []


def measure(warmups, runs, body):
    """Wall-clock seconds per run; the process CPU time of each run is kept in LAST_CPU."""
    for _ in range(warmups):
        body()
    samples = []
    LAST_CPU.clear()
    for _ in range(runs):
        cpu = time.process_time()
        start = time.perf_counter()
        body()
        samples.append(time.perf_counter() - start)
        LAST_CPU.append(time.process_time() - cpu)
    return samples


def emit(figure_id, samples, items, nbytes=0, note=""):
    print(json.dumps({"id": figure_id, "samples": samples, "cpu": list(LAST_CPU), "items": items, "bytes": nbytes,
                      "note": note}, sort_keys=True), flush=True)
