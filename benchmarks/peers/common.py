"""Shared timing for the Python peers: warm-ups, then one wall-clock sample per run, printed as one JSON line
in the same shape as bekal-bench's figures."""
import json
import os
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


def bundled_loader(map_path):
    """A pyld document loader serving only the contexts Bekal bundles ({url: file} in map_path)."""
    from pyld import jsonld

    with open(map_path) as f:
        url_map = json.load(f)
    contexts = {}
    for url, path in url_map.items():
        with open(path) as f:
            contexts[url] = json.load(f)

    def loader(url, options=None):
        if url not in contexts:
            raise jsonld.JsonLdError("context not bundled", "jsonld.LoadDocumentError", code="loading document failed")
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": contexts[url]}

    return loader


def export_files(directory):
    """The bytes of every .json file in directory, in name order."""
    names = sorted(n for n in os.listdir(directory) if n.endswith(".json"))
    files = []
    for name in names:
        with open(os.path.join(directory, name), "rb") as f:
            files.append(f.read())
    return files
