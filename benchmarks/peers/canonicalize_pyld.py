#!/usr/bin/env python3
"""pyld: JSON-LD to RDF and RDFC-1.0 (URDNA2015) of one export without its proof, with the same bundled
contexts Bekal uses (any other URL is refused), as eddsa-rdfc-2022 would hash it.

usage: canonicalize_pyld.py CONTEXT_MAP_JSON EXPORT_JSON WARMUPS RUNS OUT_NQUADS
"""
import json
import sys

from pyld import jsonld

from common import bundled_loader, emit, measure


def main():
    map_path, export_path, warmups, runs, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    loader = bundled_loader(map_path)

    with open(export_path) as f:
        document = json.load(f)
    document.pop("proof", None)
    options = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader, "safe": True}
    nquads = jsonld.normalize(document, options)
    with open(out, "w") as f:
        f.write(nquads)
    samples = measure(warmups, runs, lambda: jsonld.normalize(document, options))
    emit("rdfc.pyld", samples, 1, len(nquads.encode()), "bytes = canonical N-Quads")


if __name__ == "__main__":
    main()
