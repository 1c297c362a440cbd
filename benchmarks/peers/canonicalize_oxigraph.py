#!/usr/bin/env python3
"""pyoxigraph (Oxigraph, Rust): JSON-LD to RDF and RDFC-1.0 of one export without its proof, and its RDFC-1.0
stage alone (N-Quads in, canonical N-Quads out), as eddsa-rdfc-2022 would hash it.

pyoxigraph's JSON-LD parser loads no remote context, so the bundled contexts Bekal uses ({url: file} in the
context map) are inlined into the document once, before timing; the whole path then re-reads them for every
embedded credential, as a document carrying them inline would make it. The RDFC stage reads the N-Quads that
pyoxigraph's own JSON-LD parse produced (not yet canonical). Canonical N-Quads are the canonicalized quads
serialized as N-Quads, one line each, in code point order (RDFC-1.0 section 4.4.3 step 3).

usage: canonicalize_oxigraph.py CONTEXT_MAP_JSON EXPORT_JSON WARMUPS RUNS OUT_NQUADS
Prints the figures rdfc.oxigraph (whole path) and rdfc.oxigraph.stage; writes the canonical N-Quads of the
whole path to OUT_NQUADS and of the stage to OUT_NQUADS + ".stage".
"""
import json
import sys

import pyoxigraph as ox

from common import emit, measure


def inline_contexts(map_path, document):
    with open(map_path) as f:
        url_map = json.load(f)
    contexts = {}
    for url, path in url_map.items():
        with open(path) as f:
            contexts[url] = json.load(f)["@context"]

    def context(value):
        if isinstance(value, str):
            if value not in contexts:
                raise SystemExit(f"context not bundled: {value}")
            return contexts[value]
        if isinstance(value, list):
            return [context(item) for item in value]
        return value

    def walk(value):
        if isinstance(value, dict):
            return {key: context(item) if key == "@context" else walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        return value

    return walk(document)


def canonical(dataset):
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    lines = ox.serialize(dataset, format=ox.RdfFormat.N_QUADS).decode().split("\n")
    return "".join(line + "\n" for line in sorted(line for line in lines if line))


def whole(text):
    return canonical(ox.Dataset(ox.parse(text, format=ox.RdfFormat.JSON_LD)))


def stage(nquads):
    return canonical(ox.Dataset(ox.parse(nquads, format=ox.RdfFormat.N_QUADS)))


def main():
    map_path, export_path, warmups, runs, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    with open(export_path) as f:
        document = json.load(f)
    document.pop("proof", None)
    text = json.dumps(inline_contexts(map_path, document))
    nquads_in = ox.serialize(ox.Dataset(ox.parse(text, format=ox.RdfFormat.JSON_LD)), format=ox.RdfFormat.N_QUADS)
    result = whole(text)
    with open(out, "w") as f:
        f.write(result)
    samples = measure(warmups, runs, lambda: whole(text))
    emit("rdfc.oxigraph", samples, 1, len(result.encode()),
         "JSON-LD (contexts inlined) → RDF → RDFC-1.0 → canonical N-Quads")
    staged = stage(nquads_in)
    with open(out + ".stage", "w") as f:
        f.write(staged)
    samples = measure(warmups, runs, lambda: stage(nquads_in))
    emit("rdfc.oxigraph.stage", samples, 1, len(staged.encode()), "RDFC-1.0 alone: N-Quads in, canonical N-Quads out")


if __name__ == "__main__":
    main()
