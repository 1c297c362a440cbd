"""Shared timing for the Python peers: warm-ups, then one wall-clock sample per run, printed as one JSON line
in the same shape as bekal-bench's figures."""
import json
import time


def measure(warmups, runs, body):
    for _ in range(warmups):
        body()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        samples.append(time.perf_counter() - start)
    return samples


def emit(figure_id, samples, items, nbytes=0, note=""):
    print(json.dumps({"id": figure_id, "samples": samples, "items": items, "bytes": nbytes, "note": note},
                     sort_keys=True), flush=True)
